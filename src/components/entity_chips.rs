//! A hit's entity chips: each toggles its entity as a filter, pressed when selected.
//! The click is handled by the result list (`data-entity`), not by each chip.

use std::rc::Rc;

use kiroku_core::Hit;
use yew::prelude::*;

use super::use_entity_names;
use crate::i18n::text_lang;
use crate::state::State;

/// Chips shown per card; the reader lists all.
const MAX_CHIPS: usize = 6;

#[derive(Properties)]
pub struct EntityChipsProps {
    /// The hit whose entities are shown.
    pub hit: Rc<Hit>,
    /// The current view: chips of its selected entities show as pressed.
    pub view: Rc<State>,
}

/// Equal when the chips would render the same: the hit's entities and the view's
/// selection, not the rest of either. A keystroke that keeps an article at its place
/// changes its snippet but not its chips, and at 10k articles most keystrokes keep
/// the same hits, so the chips (a third of a card's nodes) are then not re-rendered.
impl PartialEq for EntityChipsProps {
    fn eq(&self, other: &EntityChipsProps) -> bool {
        self.hit.entities == other.hit.entities && self.view.entities == other.view.entities
    }
}

#[component]
pub fn EntityChips(props: &EntityChipsProps) -> Html {
    let names = &props.hit.entities;
    let shown = use_entity_names();
    if names.is_empty() {
        return html! {};
    }
    html! {
        <div class="chips">
            { for names.iter().take(MAX_CHIPS).map(|name| {
                let pressed = props.view.entities.contains(name);
                let label = shown.get(name);
                html! {
                    <button
                        type="button"
                        // Static strings: `classes!` and `to_string` allocated anew for
                        // every chip on every render.
                        class={if pressed { "chip selected" } else { "chip" }}
                        aria-pressed={if pressed { "true" } else { "false" }}
                        data-entity={name.clone()}
                        lang={text_lang(&label)}
                    >
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
