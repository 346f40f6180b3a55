//! The empty state's suggested searches: the corpus's most frequent entities.

use std::rc::Rc;

use yew::prelude::*;

use super::{use_dispatch, use_entity_names, use_shared};
use crate::i18n::text_lang;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct SuggestionsProps {
    /// Picked by `hooks::search::use_suggestions`.
    pub names: Rc<Vec<String>>,
}

#[component]
pub fn Suggestions(props: &SuggestionsProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let dispatch = use_dispatch();
    let shown = use_entity_names();
    if props.names.is_empty() {
        return html! {};
    }
    html! {
        <section class="suggestions" aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">{ lang.texts().suggestions }</h2>
            <div class="suggestion-list">
                { for props.names.iter().map(|name| {
                    // In the UI language: an English name searches the entity's
                    // spellings too, and the list says so.
                    let label = shown.get(name);
                    let query = label.clone();
                    let onclick = dispatch.reform(move |_| Action::Search(query.clone()));
                    html! {
                        <button type="button" class="suggestion" lang={text_lang(&label)} {onclick}>
                            { label }
                        </button>
                    }
                }) }
            </div>
        </section>
    }
}
