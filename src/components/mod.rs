//! One component per file. Each reads the index and language from the
//! [`crate::app::Shared`] context and reports user intent through callbacks.

pub mod active_filters;
pub mod entity_chips;
pub mod facet_panel;
pub mod marked;
pub mod masthead;
pub mod no_results;
pub mod reader;
pub mod result_card;
pub mod result_list;
pub mod results_toolbar;
pub mod search_box;
pub mod share_menu;
pub mod suggestions;
pub mod timeline;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::Shared;

/// The element matching `selector` that `event` happened in (its target or an
/// ancestor): how a list's one click handler finds the link or button clicked.
pub fn clicked_within(event: &MouseEvent, selector: &str) -> Option<web_sys::Element> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(selector).ok()?
}

/// The shared context, or a stand-in when a component is rendered alone (tests):
/// components never panic for want of it.
#[hook]
pub fn use_shared() -> Option<Shared> {
    use_context::<Shared>()
}
