//! "Show more": one more page of what a view lists (`Action::ShowMore`), the same
//! button under the article list, the concordance and the chronology.

use yew::prelude::*;

use super::use_dispatch;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ShowMoreProps {
    /// The button's text in the UI language.
    pub label: &'static str,
}

#[component]
pub fn ShowMore(props: &ShowMoreProps) -> Html {
    let dispatch = use_dispatch();
    html! {
        <button
            type="button"
            class="link-button show-more"
            onclick={dispatch.reform(|_| Action::ShowMore)}
        >
            { props.label }
        </button>
    }
}
