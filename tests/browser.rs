//! Browser tests: the app mounted in a real (headless) Chromium page.
#![cfg(target_arch = "wasm32")]

use kiroku::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, InputEvent, InputEventInit};
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> web_sys::Element {
    let document = gloo_utils_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            corpus: AttrValue::Static(kiroku::CORPUS),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn typing_narrows_the_list() {
    let root = mount().await;
    let items = || root.query_selector_all("li.result").unwrap().length();
    assert_eq!(items(), 8);

    let input: HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("チャベス");
    let init = InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(items(), 1, "only the 2013 article mentions チャベス");
    let count = root
        .query_selector("#count")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(count, "1件");
}
