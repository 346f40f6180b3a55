//! The app's keys beyond its fields: `/` focuses search, ↑/↓ move through the
//! results, ←/→ step to the previous/next article, Esc closes the reader or clears
//! the query. On our own page they are read on the document; mounted, on the
//! explorer's root only, so the host page's keys stay the host's.

use yew::prelude::*;

use crate::dom::Key;
use crate::host::Host;
use crate::state::Action;

/// What the keys act on in the current render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyTargets {
    pub article_open: bool,
    pub has_query: bool,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// The listener is made again when what the keys act on changes (opening an
/// article, the first and last character of a query), which is rare next to
/// keystrokes, so it never reads a copy of the state.
#[hook]
pub fn use_keyboard_shortcuts(host: &Host, targets: KeyTargets, dispatch: Callback<Action>) {
    use_effect_with((host.clone(), targets), move |(host, targets)| {
        let targets = targets.clone();
        let focus_host = host.clone();
        let listener = crate::dom::on_keydown(host, move |key| {
            let open = |id: &Option<String>| match id {
                Some(id) => {
                    dispatch.emit(Action::Open(id.clone()));
                    true
                }
                None => false,
            };
            match key {
                Key::Escape if targets.article_open => {
                    dispatch.emit(Action::Close);
                    true
                }
                Key::Escape if targets.has_query => {
                    dispatch.emit(Action::ClearQuery);
                    true
                }
                Key::Left if targets.article_open => open(&targets.previous),
                Key::Right if targets.article_open => open(&targets.next),
                Key::Down if !targets.article_open => crate::dom::move_result_focus(&focus_host, 1),
                Key::Up if !targets.article_open => crate::dom::move_result_focus(&focus_host, -1),
                _ => false,
            }
        });
        move || drop(listener)
    });
}
