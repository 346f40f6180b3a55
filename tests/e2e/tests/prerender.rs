//! The pre-rendered start view (`cargo xtask dist`, `src/prerender.rs`): in the
//! page before any script runs, adopted by the app (hydration) without losing focus
//! or scroll, never shown for a link to another view, and the page title following
//! the view.

use kiroku_e2e::{dist_dir, keys, Session};

/// Titles of the default corpus, newest first.
const NEWEST: &str = "図でみる麻薬密輸ネットワーク 中南米から米国へ";
const OLDEST: &str = "原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞";

/// Both pages as files, read without a browser: no script has run on them.
#[test]
fn the_raw_pages_carry_the_newest_first_list_in_both_languages() {
    for page in ["index.html", "kiroku.html"] {
        let html = std::fs::read_to_string(dist_dir().join(page)).expect("the built page");
        let ja = html
            .find("class=\"prerendered\" data-lang=\"ja\"")
            .unwrap_or_else(|| panic!("{page}: no Japanese copy"));
        let en = html
            .find("class=\"prerendered\" data-lang=\"en\"")
            .unwrap_or_else(|| panic!("{page}: no English copy"));
        assert!(ja < en, "{page}: the default language comes first");
        let copy = &html[ja..en];
        let newest = copy.find(NEWEST).expect("the newest title");
        let oldest = copy.find(OLDEST).expect("the oldest title");
        assert!(newest < oldest, "{page}: newest first");
        assert!(
            copy.contains("datetime=\"2025-11-07\""),
            "{page}: dates are there"
        );
        assert!(
            copy.contains("class=\"snippet"),
            "{page}: snippets are there"
        );
        assert!(copy.contains("8件"), "{page}: the count is there");
        assert!(
            !copy.contains(" style=\""),
            "{page}: no style attributes under the CSP"
        );
        assert!(
            html[en..].contains("8 articles"),
            "{page}: the English copy is in English"
        );
    }
}

/// Focus and scroll set before the app ran survive it: the app adopted the page's
/// nodes (the search box is the same element) instead of replacing them.
#[tokio::test(flavor = "multi_thread")]
async fn hydration_keeps_the_nodes_focus_and_scroll_without_errors() {
    let session = Session::start().await;
    session.resize(360, 640).await;
    // At DOMContentLoaded the wasm has not run yet (the module script is deferred
    // and instantiates asynchronously).
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": "
                document.addEventListener('DOMContentLoaded', () => {
                    // The copy in the page's language (the other one is hidden).
                    const shown = (css) => [...document.querySelectorAll(css)]
                        .find((el) => el.getClientRects().length > 0);
                    window.__before = {
                        ran: performance.getEntriesByName('kiroku:interactive').length > 0,
                        search: shown('#search'),
                        first: shown('#results li'),
                    };
                    window.__before.search.focus();
                    window.scrollTo(0, 300);
                    window.__before.scrollY = window.scrollY;
                });
            " }),
        )
        .await;
    session.open("/").await;
    assert!(session.app_runs().await, "the app ran");
    let after = session
        .js(
            "const b = window.__before;
             return {
                 ran_before: b.ran,
                 scrolled: b.scrollY,
                 scroll_now: window.scrollY,
                 same_search_box: b.search === document.getElementById('search'),
                 same_first_card: b.first === document.querySelector('#results li'),
                 focused: document.activeElement === document.getElementById('search'),
                 copies_left: document.querySelectorAll('.prerendered').length,
             };",
            vec![],
        )
        .await;
    assert_eq!(after["ran_before"], false, "{after}");
    assert!(after["scrolled"].as_f64().unwrap() > 0.0, "{after}");
    assert_eq!(
        after["scroll_now"], after["scrolled"],
        "scroll kept: {after}"
    );
    assert_eq!(after["same_search_box"], true, "hydrated: {after}");
    assert_eq!(after["same_first_card"], true, "hydrated: {after}");
    assert_eq!(after["focused"], true, "focus kept: {after}");
    assert_eq!(
        after["copies_left"], 0,
        "the other language's copy is gone: {after}"
    );
    // And the app works on the adopted nodes.
    session.press("制裁").await;
    session
        .eventually("the search narrows the list", || async {
            let n = session.texts("#results li").await.len();
            n > 0 && n < 8
        })
        .await;
    assert_eq!(session.console_errors().await, Vec::<String>::new());
    session.finish().await;
}

/// What each frame before the app ran would paint: whether a pre-rendered copy or
/// the boot screen was visible (a `requestAnimationFrame` callback runs before each
/// paint).
const FRAME_RECORDER: &str = "
    window.__frames = [];
    const look = () => {
        const visible = (el) => el && el.getClientRects().length > 0
            && getComputedStyle(el).visibility !== 'hidden';
        const copies = [...document.querySelectorAll('.prerendered')].filter(visible);
        window.__frames.push({
            copies: copies.map((c) => c.dataset.lang),
            boot: visible(document.getElementById('boot')),
        });
        if (performance.getEntriesByName('kiroku:interactive').length === 0) {
            requestAnimationFrame(look);
        }
    };
    requestAnimationFrame(look);
";

#[tokio::test(flavor = "multi_thread")]
async fn a_deep_link_never_shows_the_start_view() {
    let session = Session::start().await;
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": FRAME_RECORDER }),
        )
        .await;
    session.open("/#/?q=%E5%88%B6%E8%A3%81").await;
    session.wait_for("#results li").await;
    let frames = session.js("return window.__frames", vec![]).await;
    let frames = frames.as_array().expect("frames recorded");
    assert!(!frames.is_empty(), "frames before the app ran");
    for frame in frames {
        assert_eq!(frame["copies"], serde_json::json!([]), "{frames:?}");
    }
    assert!(
        frames.iter().any(|frame| frame["boot"] == true),
        "the boot screen said it was loading: {frames:?}"
    );
    assert_eq!(
        session
            .js("return document.getElementById('search').value", vec![])
            .await,
        "制裁"
    );
    let titles = session.texts("#results li h2").await;
    assert!(!titles.is_empty() && titles.len() < 8, "{titles:?}");

    // The start view itself, in English: the English copy only, no boot screen.
    let session_en = session;
    session_en.set_ui_lang("en").await;
    session_en.open("/").await;
    let frames = session_en.js("return window.__frames", vec![]).await;
    let frames = frames.as_array().expect("frames recorded");
    // (The first frames may come before the body has been parsed.)
    for frame in frames {
        assert_ne!(frame["boot"], true, "{frames:?}");
        assert!(
            frame["copies"] == serde_json::json!([])
                || frame["copies"] == serde_json::json!(["en"]),
            "{frames:?}"
        );
    }
    assert!(
        frames
            .iter()
            .any(|frame| frame["copies"] == serde_json::json!(["en"])),
        "the English copy showed before the app ran: {frames:?}"
    );
    assert_eq!(session_en.console_errors().await, Vec::<String>::new());
    session_en.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_title_follows_the_view() {
    let session = Session::start().await;
    session.open("/").await;
    let title = || async { session.js("return document.title", vec![]).await };
    let base = title().await.as_str().expect("a title").to_string();
    assert!(base.starts_with("kiroku"), "{base}");

    session.type_into("#search", "制裁").await;
    session
        .eventually("the query leads the title", || async {
            title().await == format!("制裁 — {base}").as_str()
        })
        .await;

    session.click("#results li a").await;
    session.wait_for("#reader").await;
    let article = session.text("#reader-title").await;
    assert!(!article.is_empty());
    session
        .eventually("the article leads the title", || async {
            title().await == format!("{article} — {base}").as_str()
        })
        .await;

    session.press(keys::ESCAPE).await;
    session
        .eventually("back to the query", || async {
            title().await == format!("制裁 — {base}").as_str()
        })
        .await;
    session.finish().await;
}
