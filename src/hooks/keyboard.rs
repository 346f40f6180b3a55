//! The app's keys beyond its fields: `/` focuses search, ↑/↓ move through the
//! results, ←/→ step to the previous/next article, Esc closes the reader or clears
//! the query. On our own page they are read on the document; mounted, on the
//! explorer's root only, so the host page's keys stay the host's.
//!
//! A key acts on what is on screen when it is pressed, read from the DOM (the
//! reader, its ‹ › links, the search box's text): never on a copy of the state,
//! which could be a render behind, and the listener is made once.

use yew::prelude::*;

use crate::dom::{self, Key};
use crate::host::Host;
use crate::state::Action;

#[hook]
pub fn use_keyboard_shortcuts(host: &Host, dispatch: Callback<Action>) {
    use_effect_with(host.clone(), move |host| {
        let scope = host.clone();
        let listener = dom::on_keydown(host, move |key| {
            let reading = dom::shows(&scope, "#reader");
            match key {
                Key::Escape if reading => {
                    dispatch.emit(Action::Close);
                    true
                }
                Key::Escape if !dom::search_text(&scope).is_empty() => {
                    // A no-op when only typed text, not yet searched, is there.
                    dispatch.emit(Action::ClearQuery);
                    true
                }
                // The reader's own ‹ › links: they know all the results.
                Key::Left if reading => dom::click(&scope, "#reader a.reader-step.previous"),
                Key::Right if reading => dom::click(&scope, "#reader a.reader-step.next"),
                Key::Down if !reading => dom::move_result_focus(&scope, 1),
                Key::Up if !reading => dom::move_result_focus(&scope, -1),
                _ => false,
            }
        });
        move || drop(listener)
    });
}
