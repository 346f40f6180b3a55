//! The few places the app touches the browser beyond its own component tree: the
//! URL and history, scroll, focus, the document's title and root attributes, and
//! keys. Everything here degrades to doing nothing when the browser refuses.
//!
//! Queries and focus are scoped by [`Host`]: on our own page they go through the
//! document; mounted, through the shadow root the app lives in, where
//! `document.activeElement` is only the shadow host and `getElementById` finds
//! nothing.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, KeyboardEvent};
use yew::MouseEvent;

use crate::host::Host;
use crate::route;
use crate::state::{HistoryMode, State};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Writes `state` to the URL hash as a new history entry or over the current one;
/// nothing when the URL already says it (e.g. the state came from this URL).
pub fn write_hash(state: &State, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let current = window.location().hash().unwrap_or_default();
    if route::decode(&current) == *state {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let hash = route::encode(state);
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&hash)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&hash)),
    };
}

/// The URL hash as it is now.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The app restores the scroll position itself (the reader opens at its top,
/// closing it returns to the list where it was), so the browser must not: on
/// Back, Chromium restored the list entry's saved position (the top) after the
/// app had already scrolled to where the list was.
pub fn take_scroll_restoration() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// Calls `changed(hash)` on Back/Forward and on hash edits.
pub fn on_url_change(changed: impl Fn(String) + 'static) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let changed = std::rc::Rc::new(changed);
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let changed = changed.clone();
            EventListener::new(&window, event, move |_| changed(hash()))
        })
        .collect()
}

/// The window's vertical scroll position.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

pub fn scroll_to(y: f64) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Scrolls the reader's emphasized match (`mark.current` inside `within`) to the
/// middle of its scroll container, instantly (a search result is where the reader
/// asked to be, not a journey).
pub fn scroll_to_current_match(within: &yew::NodeRef) {
    let Some(mark) = within
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector("mark.current").ok().flatten())
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Copies `text` through the Clipboard API, where the page may (https,
/// localhost); elsewhere (`file://`) the browser refuses and callers also select
/// the text on screen, for copying by hand.
pub fn write_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Offers `bytes` as a file called `name` (a download), made in the page: a Blob,
/// an object URL and a click on an `<a download>` that is never attached. No
/// network, so it works offline and from `file://`. Returns whether the browser
/// took it.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    let Some(document) = document() else {
        return false;
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let link = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is released after it (revoking
    // at once cancels it in some browsers).
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    true
}

/// The elements matching `css` in the app: in the document, or in the shadow root
/// the app is mounted in.
fn query_all(host: &Host, css: &str) -> Vec<HtmlElement> {
    let list = match host {
        Host::Page => document().and_then(|d| d.query_selector_all(css).ok()),
        Host::Mounted(root) => root.query_selector_all(css).ok(),
    };
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The focused element, seen from inside the app: mounted, the document only
/// knows the shadow host, and the shadow root knows what inside it has focus.
fn active_element(host: &Host) -> Option<web_sys::Element> {
    match host {
        Host::Page => document()?.active_element(),
        Host::Mounted(root) => root
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()?
            .active_element(),
    }
}

fn result_links(host: &Host) -> Vec<HtmlElement> {
    query_all(host, "#results a.result-link")
}

/// Focuses the result link of article `id`, if it is listed.
pub fn focus_result(host: &Host, id: &str) {
    if let Some(link) = result_links(host)
        .into_iter()
        .find(|link| link.get_attribute("data-id").as_deref() == Some(id))
    {
        let _ = link.focus();
    }
}

/// Moves focus to the next (`step` 1) or previous (-1) result link; from the
/// search box, Down enters the list. Returns whether it moved.
pub fn move_result_focus(host: &Host, step: isize) -> bool {
    let links = result_links(host);
    if links.is_empty() {
        return false;
    }
    let active = active_element(host);
    let current = active
        .as_ref()
        .and_then(|a| links.iter().position(|l| l.is_same_node(Some(a))));
    let target = match current {
        Some(at) => at as isize + step,
        None if step > 0 => 0,
        None => return false,
    };
    match usize::try_from(target).ok().and_then(|t| links.get(t)) {
        Some(link) => {
            let _ = link.focus();
            true
        }
        None if target < 0 => {
            // Up from the first result goes back to the search box.
            focus_search(host);
            true
        }
        None => false,
    }
}

/// Whether the app shows an element matching `css` now.
pub fn shows(host: &Host, css: &str) -> bool {
    !query_all(host, css).is_empty()
}

/// Clicks the first element matching `css`, as a person would (its handlers run,
/// a link's default is taken over by them); returns whether there was one.
pub fn click(host: &Host, css: &str) -> bool {
    match query_all(host, css).into_iter().next() {
        Some(element) => {
            element.click();
            true
        }
        None => false,
    }
}

/// The text in the search box now (typed, maybe not yet searched).
pub fn search_text(host: &Host) -> String {
    query_all(host, "#search")
        .into_iter()
        .next()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Whether the search box has focus.
pub fn search_has_focus(host: &Host) -> bool {
    active_element(host).is_some_and(|active| active.id() == "search")
}

/// Focuses the search box with the caret after its text (where typing left it).
pub fn focus_search_at_end(host: &Host) {
    if let Some(input) = query_all(host, "#search")
        .into_iter()
        .next()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

pub fn focus_search(host: &Host) {
    if let Some(input) = query_all(host, "#search").into_iter().next() {
        let _ = input.focus();
    }
}

/// Theme and language on the document's `<html>`, or on the mounted root.
pub fn set_root_attributes(host: &Host, theme: &str, lang: &str) {
    let root = match host {
        Host::Page => document().and_then(|d| d.document_element()),
        Host::Mounted(root) => Some(root.clone()),
    };
    if let Some(root) = root {
        let _ = root.set_attribute("data-theme", theme);
        let _ = root.set_attribute("lang", lang);
    }
}

pub fn title() -> String {
    document().map(|d| d.title()).unwrap_or_default()
}

pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

pub fn remove_element(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
        element.remove();
    }
}

/// The element matching `selector` that `event` happened in (its target or an
/// ancestor): how a list's one click handler finds the link or button clicked.
pub fn clicked_within(event: &MouseEvent, selector: &str) -> Option<web_sys::Element> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(selector).ok()?
}

/// Keys the app handles beyond its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Escape,
    Up,
    Down,
    Left,
    Right,
}

/// Listens for the app's keys: on the document when the app owns the page, on the
/// mounted root otherwise (only keys typed inside the explorer, never the host
/// page's). `/` focuses search; other keys go to `handle`, which returns whether it
/// used them. Keys typed into a field (or a select, or with modifiers) are left
/// alone, except Escape and Up/Down from the search box.
pub fn on_keydown(host: &Host, handle: impl Fn(Key) -> bool + 'static) -> Option<EventListener> {
    let target: web_sys::EventTarget = match host {
        Host::Page => document()?.into(),
        Host::Mounted(root) => root.clone().into(),
    };
    let options = EventListenerOptions::enable_prevent_default();
    let host = host.clone();
    Some(EventListener::new_with_options(
        &target,
        "keydown",
        options,
        move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if event.default_prevented()
                || event.alt_key()
                || event.ctrl_key()
                || event.meta_key()
                || event.is_composing()
            {
                return;
            }
            // Inside a shadow root a listener on the root sees the real target; on
            // the document the target would be retargeted to the shadow host.
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
            let in_search = target.as_ref().is_some_and(|t| t.id() == "search");
            let in_field = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || target
                    .as_ref()
                    .is_some_and(|t| t.has_attribute("contenteditable"));
            let key = match event.key().as_str() {
                "/" if !in_field => {
                    event.prevent_default();
                    focus_search(&host);
                    return;
                }
                "Escape" => Key::Escape,
                "ArrowDown" if !in_field || in_search => Key::Down,
                "ArrowUp" if !in_field || in_search => Key::Up,
                "ArrowLeft" if !in_field => Key::Left,
                "ArrowRight" if !in_field => Key::Right,
                _ => return,
            };
            if handle(key) {
                event.prevent_default();
            }
        },
    ))
}
