//! NFKC from the browser: `String.prototype.normalize("NFKC")` replaces the core's
//! Unicode tables in the wasm build (about 60 KB of gzip). The core asks only about
//! characters off its fast path (full-width forms, half-width kana, symbols), one
//! short unit at a time; a corpus repeats few of them, so answers are cached and the
//! index build crosses into JavaScript once per distinct unit.

use kiroku_core::normalize::Normalizer;

/// The normalizer the app builds its gazetteer and index with: the browser's NFKC in
/// wasm, the core's Unicode tables natively (tests and server rendering).
pub fn normalizer() -> Normalizer {
    #[cfg(target_arch = "wasm32")]
    return Normalizer::new(browser::nfkc);
    #[cfg(not(target_arch = "wasm32"))]
    return Normalizer::unicode_tables();
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::{cell::RefCell, collections::HashMap};

    /// Distinct units kept; a hostile corpus of random symbols must not grow it forever.
    const CACHE_LIMIT: usize = 4096;

    thread_local! {
        static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }

    pub fn nfkc(text: &str) -> String {
        CACHE.with(|cache| {
            if let Some(hit) = cache.borrow().get(text) {
                return hit.clone();
            }
            let normalized = String::from(js_sys::JsString::from(text).normalize("NFKC"));
            let mut cache = cache.borrow_mut();
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(text.to_owned(), normalized.clone());
            normalized
        })
    }
}
