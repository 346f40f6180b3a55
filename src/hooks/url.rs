//! The view ⇄ the URL hash, when the app owns the page: each new model is written
//! as the reducer decided (a new history entry, or over the current one), and a
//! hash changed from outside (Back/Forward, an edited or pasted URL) is adopted.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use kiroku_core::Index;
use yew::prelude::*;

use crate::host::Host;
use crate::state::{Action, HistoryMode, Model};

#[hook]
pub fn use_url_sync(model: &UseReducerHandle<Model>, index: &Rc<Index<'static>>, host: &Host) {
    let owns_page = host.owns_page();
    // The entry last written to the history: the model's `entry` says whether the
    // next write is a new one. A record of what was done to the page, not state.
    let written = use_mut_ref(|| model.entry);
    // A replace (typing) is written in a task of its own, after the results are
    // painted: `history.replaceState` costs several milliseconds per keystroke in
    // Chromium. A newer model cancels a write not yet made; a push never waits.
    let scheduled = use_mut_ref(|| None::<Timeout>);
    use_effect_with((**model).clone(), move |model| {
        if !owns_page {
            return;
        }
        let mode = model.history_mode(written.replace(model.entry));
        scheduled.borrow_mut().take();
        let view = model.view.clone();
        match mode {
            HistoryMode::Push => crate::dom::write_hash(&view, mode),
            HistoryMode::Replace => {
                let write = move || crate::dom::write_hash(&view, HistoryMode::Replace);
                *scheduled.borrow_mut() = Some(Timeout::new(0, write));
            }
        }
    });
    let dispatcher = model.dispatcher();
    let index = index.clone();
    use_effect_with(owns_page, move |&owns_page| {
        let listeners = owns_page.then(|| {
            crate::dom::take_scroll_restoration();
            crate::dom::on_url_change(move |hash| {
                let view = crate::corpus::sanitize(&index, crate::route::decode(&hash));
                dispatcher.dispatch(Action::Sync(view));
            })
        });
        move || drop(listeners)
    });
}
