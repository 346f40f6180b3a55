//! Nothing matched: say so, and offer the ways out (drop the filters, clear the query).

use yew::prelude::*;

use super::{use_dispatch, use_shared};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct NoResultsProps {
    pub query: AttrValue,
    pub has_filters: bool,
}

#[component]
pub fn NoResults(props: &NoResultsProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    html! {
        <section class="no-results" id="results" role="status">
            <h2>{ lang.no_results(&props.query) }</h2>
            <p>{ texts.no_results_hint }</p>
            <div class="no-results-actions">
                if props.has_filters {
                    <button type="button" class="button primary" onclick={dispatch.reform(|_| Action::ClearFilters)}>
                        { texts.drop_filters }
                    </button>
                }
                if !props.query.is_empty() {
                    <button type="button" class="button" onclick={dispatch.reform(|_| Action::ClearQuery)}>
                        { texts.clear_search }
                    </button>
                }
            </div>
        </section>
    }
}
