//! The ordered list of hits.

use std::rc::Rc;

use kiroku_core::Hit;
use yew::prelude::*;

use super::clicked_within;
use super::masthead::plain_click;
use super::result_card::ResultCard;
use super::{use_dispatch, use_shared};
use crate::state::{Action, State};

#[derive(Properties)]
pub struct ResultListProps {
    /// The page of hits, each shared so that a card's props are not a copy.
    pub hits: Rc<[Rc<Hit>]>,
    /// The current view: cards link to it with their article open, and chips of
    /// selected entities show as pressed.
    pub view: Rc<State>,
}

/// Hits compare by identity: each search shares out a new page (`Searched`), so
/// equal pointers mean the same search, and comparing twenty hits field by field
/// (titles, snippets, entity names) on every keystroke only to find them unequal
/// was wasted work.
impl PartialEq for ResultListProps {
    fn eq(&self, other: &ResultListProps) -> bool {
        Rc::ptr_eq(&self.hits, &other.hits) && self.view == other.view
    }
}

/// What a click in the list is on: a card's title link or an entity chip.
enum Clicked {
    Article(String),
    Entity(String),
}

/// The card link or chip that `event` happened in, from its `data-id` or
/// `data-entity` (the cards and chips carry no handlers of their own).
fn clicked(event: &MouseEvent) -> Option<Clicked> {
    let element = clicked_within(event, "a.result-link, button.chip")?;
    if let Some(id) = element.get_attribute("data-id") {
        return Some(Clicked::Article(id));
    }
    element.get_attribute("data-entity").map(Clicked::Entity)
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    // One handler for the whole list, made once: a handler per card link and per
    // chip was a new closure on every keystroke, and yew re-registers an element's
    // listeners whenever its callback changes (a hash-map patch and a drop per
    // element, about a tenth of a keystroke's time at 10k articles).
    let dispatch = use_dispatch();
    let onclick = use_callback(dispatch, |event: MouseEvent, dispatch| {
        match clicked(&event) {
            // A plain click opens the article in place; anything else (new tab,
            // new window) is left to the browser, which follows the real `href`.
            Some(Clicked::Article(id)) if plain_click(&event) => {
                event.prevent_default();
                dispatch.emit(Action::Open(id));
            }
            Some(Clicked::Entity(name)) => dispatch.emit(Action::ToggleEntity(name)),
            _ => {}
        }
    });
    html! {
        <ol class="results" id="results" aria-label={lang.texts().results_label} tabindex="-1" {onclick}>
            // Keyed by position, not article: a new search patches the cards in place
            // instead of destroying and creating them, which halved the keystrokes
            // that change the hits at 10k articles.
            { for props.hits.iter().enumerate().map(|(i, hit)| html! {
                <ResultCard key={i} hit={hit.clone()} view={props.view.clone()} />
            }) }
        </ol>
    }
}
