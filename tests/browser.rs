//! Browser tests: the app mounted in a real (headless) Chromium page, driven by DOM
//! events as a person's input would produce them.
#![cfg(target_arch = "wasm32")]
// Its DOM helpers panic on a missing element, as an assertion would: in a test that
// is the point, so `clippy::unwrap_used` (denied in the app) does not apply here.
#![allow(clippy::unwrap_used)]

use gloo_timers::future::TimeoutFuture;
use std::rc::Rc;

use kiroku::app::{App, AppProps};
use kiroku::components::search_box::DEBOUNCE_MS;
use kiroku::corpus::build_index;
use kiroku::hooks::search::PAGE;
use kiroku::host::Host;
use kiroku::i18n::Lang;
use kiroku::route;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    CompositionEvent, CompositionEventInit, Element, HtmlElement, HtmlInputElement, InputEvent,
    InputEventInit, KeyboardEvent, KeyboardEventInit,
};
use yew::{AppHandle, AttrValue};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new(hash: &str) -> Mounted {
        Mounted::with_corpus(hash, AttrValue::Static(kiroku::CORPUS)).await
    }

    async fn with_corpus(hash: &str, corpus: AttrValue) -> Mounted {
        let document = document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root_and_props(
            root.clone(),
            AppProps {
                index: Rc::new(build_index(&corpus, kiroku::ENTITIES)),
                initial: route::decode(hash),
                lang: Lang::Ja,
                theme: Default::default(),
                host: Host::Page,
            },
        )
        .render();
        yew::scheduler::flush().await;
        Mounted {
            root,
            handle: Some(handle),
        }
    }

    fn find(&self, css: &str) -> Element {
        self.root
            .query_selector(css)
            .unwrap()
            .unwrap_or_else(|| panic!("no {css}"))
    }

    fn count(&self, css: &str) -> u32 {
        self.root.query_selector_all(css).unwrap().length()
    }

    fn text(&self, css: &str) -> String {
        self.find(css).text_content().unwrap_or_default()
    }

    async fn click(&self, css: &str) {
        self.find(css).unchecked_into::<HtmlElement>().click();
        yew::scheduler::flush().await;
    }

    fn search_box(&self) -> HtmlInputElement {
        self.find("#search").unchecked_into()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn location_hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

fn input(element: &HtmlInputElement, value: &str, composing: bool) {
    element.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_is_composing(composing);
    element
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn composition(element: &HtmlInputElement, kind: &str) {
    let init = CompositionEventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&CompositionEvent::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

async fn key(target: &web_sys::EventTarget, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    target
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    yew::scheduler::flush().await;
}

/// Lets the search box's debounce fire and the app re-render.
async fn settle() {
    TimeoutFuture::new(DEBOUNCE_MS + 60).await;
    yew::scheduler::flush().await;
    // The URL hash of a replace is written in a task after the render.
    TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn typing_narrows_the_list_after_a_pause() {
    let app = Mounted::new("").await;
    assert_eq!(app.count("li.result"), 8);
    let search = app.search_box();
    input(&search, "チャベス", false);
    yew::scheduler::flush().await;
    assert_eq!(app.count("li.result"), 8, "debounced: not on the keystroke");
    settle().await;
    assert_eq!(
        app.count("li.result"),
        1,
        "only the 2013 article mentions チャベス"
    );
    assert_eq!(app.text("#count"), "1件");
    assert!(app.count("li.result mark") > 0, "the match is marked");
    assert!(
        location_hash().contains("q=%E3%83%81"),
        "{}",
        location_hash()
    );
    assert!(
        app.search_box().is_same_node(Some(&search)),
        "the input is never re-created while typing (it would lose focus and the IME)"
    );
    assert_eq!(app.search_box().value(), "チャベス");
}

#[wasm_bindgen_test]
async fn nothing_is_searched_while_an_ime_composition_is_open() {
    let app = Mounted::new("").await;
    let search = app.search_box();
    composition(&search, "compositionstart");
    input(&search, "べねずえら", true);
    settle().await;
    assert_eq!(
        app.text("#count"),
        "8件",
        "mid-composition text is not searched"
    );
    input(&search, "ロシア", true);
    composition(&search, "compositionend");
    settle().await;
    let count = app.text("#count");
    assert_ne!(count, "8件", "the committed text is searched: {count}");
}

#[wasm_bindgen_test]
async fn a_facet_filters_and_shows_a_removable_chip() {
    let app = Mounted::new("").await;
    let before = app.text("#count");
    app.click(".facet-group .facet").await;
    let after = app.text("#count");
    assert_ne!(before, after, "the facet narrows the results");
    assert_eq!(app.count(".active-filters .chip"), 1);
    assert!(location_hash().contains("e="), "{}", location_hash());
    app.click(".active-filters .chip").await;
    assert_eq!(
        app.text("#count"),
        before,
        "removing the chip restores the list"
    );
}

#[wasm_bindgen_test]
async fn a_result_opens_in_the_reader_and_escape_returns_to_the_list() {
    let app = Mounted::new("").await;
    app.click("#results a.result-link").await;
    assert_eq!(app.count("#reader"), 1);
    assert!(app.count(".reader-body p") > 0, "the body is shown");
    assert!(location_hash().contains("a="), "{}", location_hash());
    key(&document().into(), "Escape").await;
    assert_eq!(app.count("#reader"), 0);
    assert_eq!(app.count("li.result"), 8);
    let active = document().active_element().unwrap();
    assert!(
        active.get_attribute("class").as_deref() == Some("result-link"),
        "focus returns to the article's link"
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_move_through_results() {
    let app = Mounted::new("").await;
    let search = app.search_box();
    key(&document().body().unwrap().into(), "/").await;
    assert!(
        document()
            .active_element()
            .unwrap()
            .is_same_node(Some(&search)),
        "/ focuses the search box"
    );
    key(&search.clone().into(), "ArrowDown").await;
    let first = document().active_element().unwrap();
    assert_eq!(first.get_attribute("class").as_deref(), Some("result-link"));
    key(&first.clone().into(), "ArrowDown").await;
    let second = document().active_element().unwrap();
    assert!(
        !second.is_same_node(Some(&first)),
        "moved to the second result"
    );
    key(&second.into(), "ArrowUp").await;
    assert!(document()
        .active_element()
        .unwrap()
        .is_same_node(Some(&first)));
    drop(app);
}

#[wasm_bindgen_test]
async fn the_timeline_selects_a_bin_by_keyboard() {
    let app = Mounted::new("").await;
    let plot: HtmlElement = app.find(".timeline-plot").unchecked_into();
    plot.focus().unwrap();
    key(&plot.clone().into(), "End").await;
    assert!(
        app.find(".timeline-plot").is_same_node(Some(&plot)),
        "re-rendering keeps the plot element (and its focus)"
    );
    assert_eq!(
        app.count(".timeline-card"),
        1,
        "the cursor's bin shows its card"
    );
    key(&plot.clone().into(), "ArrowLeft").await;
    assert_eq!(app.count(".bin.active"), 1);
    key(&plot.clone().into(), "Enter").await;
    assert!(location_hash().contains("from="), "{}", location_hash());
    assert_eq!(app.count(".active-filters .chip"), 1, "the range is a chip");
    assert_eq!(app.count(".timeline-reset"), 1);
    app.click(".timeline-reset").await;
    assert_eq!(app.count(".active-filters .chip"), 0);
}

#[wasm_bindgen_test]
async fn an_invalid_url_still_shows_the_explorer() {
    let app = Mounted::new("#/?q=%E3%81&y=x&from=2025-99-99&e=nobody&sort=up").await;
    assert_eq!(app.count("li.result"), 8);
    assert_eq!(app.count("#reader"), 0);
}

/// The wasm build normalizes with the browser's NFKC (src/nfkc.rs) instead of the
/// core's tables, and must fold exactly as the native build does (the expected values
/// are what the native core gives).
#[wasm_bindgen_test]
fn the_browser_nfkc_folds_like_the_native_tables() {
    let normalizer = kiroku::nfkc::normalizer();
    for (input, native) in [
        ("ﾏﾄﾞｩｰﾛ", "マドゥロ"),
        ("ＵＳＤＴ", "usdt"),
        ("２０２５年８月７日", "2025年8月7日"),
        ("㍂", "ホン"),
        ("㌔㍍", "キロメトル"),
        ("ﾊﾟ", "パ"),
        ("Cafe\u{301}", "café"),
        ("ＡＢＣ（ｄ）", "abc(d)"),
        ("①②", "12"),
        ("ﬁ", "fi"),
        ("İstanbul", "i\u{307}stanbul"),
        ("わ\u{3099}", "ヷ"),
        ("ｶﾞｰｾﾞ", "ガゼ"),
        ("Ⅻ", "xii"),
        ("㈱", "(株)"),
        ("\u{3000}", " "),
    ] {
        assert_eq!(normalizer.normalize(input), native, "{input:?}");
    }
}

/// A search shows one page of hits (`PAGE`), "show more" adds one, and a new
/// search starts again at one page.
#[wasm_bindgen_test]
async fn show_more_adds_a_page_of_hits() {
    let corpus: String = (1..=45)
        .map(|n| {
            format!(
                "{{\"date\": \"2024-01-{:02}\", \"title\": \"記事{n}\", \"body\": \"石油の話、その{n}。\"}}\n",
                n % 28 + 1
            )
        })
        .collect();
    let app = Mounted::with_corpus("", AttrValue::from(corpus)).await;
    assert_eq!(app.count("#results li"), PAGE as u32);
    app.click(".show-more").await;
    assert_eq!(app.count("#results li"), 2 * PAGE as u32);
    app.click(".show-more").await;
    assert_eq!(app.count("#results li"), 45);
    assert_eq!(app.count(".show-more"), 0, "nothing more to show");

    input(&app.search_box(), "石油", false);
    settle().await;
    assert_eq!(
        app.count("#results li"),
        PAGE as u32,
        "a new search shows one page"
    );
    assert_eq!(app.count(".show-more"), 1);
}
