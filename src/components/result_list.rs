//! The ordered list of hits.

use std::rc::Rc;

use kiroku_core::Hit;
use yew::prelude::*;

use super::result_card::ResultCard;
use super::use_shared;
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The page of hits, each shared so that a card's props are not a copy.
    pub hits: Rc<[Rc<Hit>]>,
    /// The current view: cards link to it with their article open, and chips of
    /// selected entities show as pressed.
    pub view: Rc<State>,
    pub on_open: Callback<String>,
    pub on_entity: Callback<String>,
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    html! {
        <ol class="results" id="results" aria-label={lang.texts().results_label} tabindex="-1">
            // Keyed by position, not article: a new search patches the cards in place
            // instead of destroying and creating them, which halved the keystrokes
            // that change the hits at 10k articles.
            { for props.hits.iter().enumerate().map(|(i, hit)| html! {
                <ResultCard
                    key={i}
                    hit={hit.clone()}
                    view={props.view.clone()}
                    on_open={props.on_open.clone()}
                    on_entity={props.on_entity.clone()}
                />
            }) }
        </ol>
    }
}
