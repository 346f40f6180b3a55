//! kiroku, the app: a yew component tree over the corpus embedded at build time.
//!
//! All text work lives in `kiroku-core`; this crate renders state and turns events
//! into state changes. [`state`] is the view, [`route`] its URL form, [`app`] derives
//! results from index + state, [`components`] render them.

pub mod app;
pub mod components;
pub mod i18n;
pub mod prefs;
pub mod route;
pub mod state;

/// The corpus validated and embedded by `build.rs`.
pub const CORPUS: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.txt"));

/// The entity gazetteer validated and embedded by `build.rs` (may be empty).
pub const ENTITIES: &str = include_str!(concat!(env!("OUT_DIR"), "/entities.toml"));

/// Mounts the app into the document body, with the view from the URL hash and the
/// language and theme from localStorage or the browser.
pub fn start() {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    let props = app::AppProps {
        corpus: yew::AttrValue::Static(CORPUS),
        entities: yew::AttrValue::Static(ENTITIES),
        initial: route::decode(&hash),
        lang: prefs::load_lang(),
        theme: prefs::load_theme(),
    };
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<app::App>::with_props(props).render(),
    };
}
