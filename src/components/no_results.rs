//! Nothing matched: say so, and offer the ways out (drop the filters, clear the query).

use yew::prelude::*;

use super::use_shared;

#[derive(Properties, PartialEq)]
pub struct NoResultsProps {
    pub query: AttrValue,
    pub has_filters: bool,
    pub on_drop_filters: Callback<()>,
    pub on_clear_query: Callback<()>,
}

#[component]
pub fn NoResults(props: &NoResultsProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    html! {
        <section class="no-results" id="results" role="status">
            <h2>{ lang.no_results(&props.query) }</h2>
            <p>{ texts.no_results_hint }</p>
            <div class="no-results-actions">
                if props.has_filters {
                    <button type="button" class="button primary" onclick={props.on_drop_filters.reform(|_| ())}>
                        { texts.drop_filters }
                    </button>
                }
                if !props.query.is_empty() {
                    <button type="button" class="button" onclick={props.on_clear_query.reform(|_| ())}>
                        { texts.clear_search }
                    </button>
                }
            </div>
        </section>
    }
}
