//! kiroku, the app: a yew component tree over the corpus embedded at build time.
//!
//! All text work lives in `kiroku-core`; this crate renders state and turns events
//! into state changes.

pub mod app;

/// The corpus validated and embedded by `build.rs`.
pub const CORPUS: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.txt"));

/// The gazetteer (`entities.toml`) validated and embedded by `build.rs`; empty when the
/// corpus comes without one.
pub const ENTITIES: &str = include_str!(concat!(env!("OUT_DIR"), "/entities.toml"));

/// Mounts the app into the document body.
pub fn start() {
    yew::Renderer::<app::App>::with_props(app::AppProps {
        corpus: yew::AttrValue::Static(CORPUS),
    })
    .render();
}
