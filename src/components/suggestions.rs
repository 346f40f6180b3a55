//! The empty state's suggested searches: the corpus's most frequent entities.

use std::rc::Rc;

use kiroku_core::{Index, SearchRequest};
use yew::prelude::*;

use super::use_shared;

/// Up to six names: the top two of each entity kind, most frequent kinds first.
pub fn pick(index: &Index) -> Vec<String> {
    let facets = index
        .search(&SearchRequest {
            limit: 0,
            ..SearchRequest::default()
        })
        .facets;
    let mut names = Vec::new();
    for group in &facets.entities {
        names.extend(group.values.iter().take(2).map(|v| v.name.clone()));
    }
    names.truncate(6);
    names
}

#[derive(Properties, PartialEq)]
pub struct SuggestionsProps {
    pub names: Rc<Vec<String>>,
    pub on_search: Callback<String>,
}

#[component]
pub fn Suggestions(props: &SuggestionsProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    if props.names.is_empty() {
        return html! {};
    }
    html! {
        <section class="suggestions" aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">{ lang.texts().suggestions }</h2>
            <div class="suggestion-list">
                { for props.names.iter().map(|name| {
                    let on_search = props.on_search.clone();
                    let query = name.clone();
                    html! {
                        <button type="button" class="suggestion" onclick={move |_| on_search.emit(query.clone())}>
                            { name.clone() }
                        </button>
                    }
                }) }
            </div>
        </section>
    }
}
