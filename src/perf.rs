//! User Timing entries, for DevTools and the benchmark harness (`cargo xtask bench`):
//!
//! - `kiroku:index` (measure): from reading the embedded packed corpus to search
//!   being ready (the index is built in slices between which the page stays
//!   responsive, see [`crate::corpus`]);
//! - `kiroku:interactive` (mark): the first results are in the DOM (the first
//!   animation frame callback after the first render, before that frame's style,
//!   layout and paint: the point where the benchmark's peers mark theirs);
//! - `kiroku:painted` (mark): that frame has been painted (a task queued from the
//!   frame callback runs after it);
//! - `kiroku:search` (measure, one per search): query, facets, timeline and the
//!   first page of hits, from the start of the search to the DOM commit.
//!
//! Each entry's `detail` carries `wasm_bytes`, the size of the wasm memory then (it
//! never shrinks, so the last entry gives the peak); `kiroku:search` adds `query`
//! and `total`. Natively (server-side rendering in tests) every call is a no-op.

/// Milliseconds since navigation start (0 natively).
pub fn now() -> f64 {
    imp::now()
}

/// Records a measure from `start` (a [`now`] value) to now.
pub fn measure(name: &str, start: f64, query: Option<(&str, usize)>) {
    imp::measure(name, start, query);
}

/// Marks `dom` in the next animation frame callback and `painted` just after that
/// frame.
pub fn mark_next_frame(dom: &'static str, painted: &'static str) {
    imp::mark_next_frame(dom, painted);
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    // The options forms of `mark`/`measure` (User Timing L3) are behind web-sys's
    // unstable-API flag, so they are imported directly.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
        #[wasm_bindgen(js_namespace = performance, js_name = mark, catch)]
        fn performance_mark(name: &str, options: &JsValue) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_namespace = performance, js_name = measure, catch)]
        fn performance_measure(name: &str, options: &JsValue) -> Result<JsValue, JsValue>;
    }

    pub fn now() -> f64 {
        performance_now()
    }

    fn object(fields: &[(&str, JsValue)]) -> JsValue {
        let object = js_sys::Object::new();
        for (key, value) in fields {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        object.into()
    }

    fn detail(query: Option<(&str, usize)>) -> JsValue {
        let pages = core::arch::wasm32::memory_size(0) as f64;
        let mut fields = vec![("wasm_bytes", JsValue::from_f64(pages * 65536.0))];
        if let Some((query, total)) = query {
            fields.push(("query", JsValue::from_str(query)));
            fields.push(("total", JsValue::from_f64(total as f64)));
        }
        object(&fields)
    }

    // Timing is best effort: a browser that rejects an entry must not break the app.
    pub fn measure(name: &str, start: f64, query: Option<(&str, usize)>) {
        let options = object(&[
            ("start", JsValue::from_f64(start)),
            ("end", JsValue::from_f64(now())),
            ("detail", detail(query)),
        ]);
        let _ = performance_measure(name, &options);
    }

    fn mark(name: &str) {
        let _ = performance_mark(name, &object(&[("detail", detail(None))]));
    }

    pub fn mark_next_frame(dom: &'static str, painted: &'static str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let after_frame = Closure::once_into_js(move || mark(painted));
        let in_frame = Closure::once_into_js(move || {
            mark(dom);
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(after_frame.unchecked_ref());
            }
        });
        let _ = window.request_animation_frame(in_frame.unchecked_ref());
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn now() -> f64 {
        0.0
    }

    pub fn measure(_name: &str, _start: f64, _query: Option<(&str, usize)>) {}

    pub fn mark_next_frame(_dom: &'static str, _painted: &'static str) {}
}
