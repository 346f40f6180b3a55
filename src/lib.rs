//! kiroku, the app: a yew component tree over the corpus embedded at build time.
//!
//! All text work lives in `kiroku-core`; this crate renders state and turns events
//! into state changes. [`state`] is the model and its reducer, [`route`] the view's
//! URL form, [`corpus`] builds the index before the tree exists, [`app`] is the
//! root (context, hooks, layout), [`hooks`] the shell's concerns, [`components`]
//! render, [`dom`] is every touch of the page beyond the tree, [`host`] says whose
//! page it is.

pub mod app;
pub mod components;
pub mod context;
pub mod corpus;
pub mod dom;
pub mod embed;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod nfkc;
pub mod perf;
pub mod prefs;
pub mod prerender;
pub mod route;
pub mod state;

/// The corpus validated and embedded by the build script (`build/main.rs`).
pub const CORPUS: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.txt"));

/// The entity gazetteer validated and embedded by the build script (`build/main.rs`) (may be empty).
pub const ENTITIES: &str = include_str!(concat!(env!("OUT_DIR"), "/entities.toml"));

/// The corpus and gazetteer as the build script parsed them
/// (`kiroku_core::parse::packed`): what the app indexes, without reading either
/// format itself.
pub const PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/packed.txt"));

/// Mounts the app into the page's `[data-kiroku-page]` element, with the view from
/// the URL hash and the language and theme from localStorage or the browser.
pub fn start() {
    // Only our own page has this element; a host page that loads the module for
    // `kiroku.mount` (the script embed) gets nothing rendered until it asks.
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-kiroku-page]").ok().flatten())
    else {
        return;
    };
    let props = app::AppProps {
        index: corpus::embedded_index(),
        initial: route::decode(&dom::hash()),
        lang: prefs::load_lang(),
        theme: prefs::load_theme(),
        host: host::Host::Page,
    };
    // Hydrates the pre-rendered start view when that is what the URL asks for.
    prerender::mount(root, props);
}
