//! Embedding kiroku in someone else's page: as an `<iframe>` with `embed=1`, and by the
//! script embed `kiroku.mount(element, options)`, on another origin with hostile styles.

use std::time::Duration;

use fantoccini::Locator;
use kiroku_e2e::{host_page, keys, Session};
use serde_json::{json, Value};

/// The script-embedded explorer's shadow root, for scripts run in the host page.
const IN_SHADOW: &str = "const root = document.getElementById('archive').shadowRoot;";

/// Opens `examples/host.html` on another origin and waits until the mounted explorer
/// lists its results.
async fn open_host_page(session: &mut Session) {
    let host = session.serve_other_origin(host_page(&session.base_url));
    session
        .client
        .goto(&format!("{host}/"))
        .await
        .expect("open host page");
    session
        .eventually("the mounted explorer lists the マドゥロ articles", || async {
            let n = session
                .js(
                    &format!("{IN_SHADOW} return root ? root.querySelectorAll('#results li h2').length : 0"),
                    vec![],
                )
                .await;
            n.as_u64().is_some_and(|n| n > 0 && n < 8)
        })
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn iframe_and_script_embeds_work_on_a_host_page() {
    let mut session = Session::start().await;
    open_host_page(&mut session).await;
    let lang = session
        .js(
            &format!("{IN_SHADOW} return root.querySelector('.kiroku-root').getAttribute('lang')"),
            vec![],
        )
        .await;
    assert_eq!(lang, json!("en"), "the lang option applies");

    // Typing in the mounted search box narrows it, and leaves the host URL alone.
    session
        .js(
            &format!(
                "{IN_SHADOW}
                 const input = root.querySelector('input[type=search]');
                 input.value = 'チャベス';
                 input.dispatchEvent(new InputEvent('input', {{ bubbles: true, composed: true }}));"
            ),
            vec![],
        )
        .await;
    session
        .eventually("the mounted explorer narrows to one article", || async {
            let n = session
                .js(
                    &format!("{IN_SHADOW} return root.querySelectorAll('#results li').length"),
                    vec![],
                )
                .await;
            n == json!(1)
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        session.js("return location.hash", vec![]).await,
        json!(""),
        "a mounted explorer never writes the host's URL"
    );

    // The iframe embed: the compact view for the query in its hash.
    session.enter_frame("iframe.frame").await;
    session.wait_for("#results li").await;
    session.wait_for(".app.embed").await;
    let n = session.texts("#results li").await.len();
    assert!(
        n > 0 && n < 8,
        "the iframe shows the ベネズエラ results, not all 8: {n}"
    );
    session.leave_frame().await;

    session.finish().await;
}

/// Computed styles that show where a stylesheet applies: colours, fonts, borders,
/// box model. Sizes in `rem` are left out on purpose: inside a shadow root `rem` is
/// the host document's, which the host may set.
const PROPERTIES: &[&str] = &[
    "color",
    "background-color",
    "font-family",
    "font-weight",
    "font-style",
    "text-transform",
    "border-top-style",
    "border-top-width",
    "border-top-color",
    "box-sizing",
    "margin-top",
];

/// `PROPERTIES` of the first element matching each selector, in the page's document
/// or, with `in_shadow`, in the script embed's shadow root.
async fn computed_styles(session: &Session, selectors: &[&str], in_shadow: bool) -> Value {
    session
        .js(
            "const [selectors, properties, inShadow] = arguments;
             const scope = inShadow ? document.getElementById('archive').shadowRoot : document;
             return selectors.map((selector) => {
               const element = scope.querySelector(selector);
               if (!element) return `no ${selector}`;
               const style = getComputedStyle(element);
               return Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
             });",
            vec![json!(selectors), json!(PROPERTIES), json!(in_shadow)],
        )
        .await
}

/// The explorer's elements, on its own page and inside the mount: the page's `<html>`
/// is the mount's `.kiroku-root`.
const PAGE_ELEMENTS: &[&str] = &[
    "html",
    "#results li",
    "#results li h2",
    "#results li a",
    "input[type=search]",
];
const MOUNTED_ELEMENTS: &[&str] = &[
    ".kiroku-root",
    "#results li",
    "#results li h2",
    "#results li a",
    "input[type=search]",
];

/// The host page's own elements, which the host's stylesheet styles.
const HOST_ELEMENTS: &[&str] = &["body", "h1", "h2", "#archive", "iframe.frame"];

/// Isolation both ways, in Chromium: inside the shadow root the explorer looks
/// exactly as on its own page (the host's hostile `*`, `h2`, `li` and `input` rules do
/// not reach it, and its own document-level rules were rewritten for the root), and
/// the host's elements look exactly as on the same page without the script embed.
/// Without the build-time rewrite of `:root`/`html` the mounted explorer loses its
/// colours and fonts, and this fails.
#[tokio::test(flavor = "multi_thread")]
async fn the_script_embed_is_styled_as_its_own_page_and_isolated_both_ways() {
    let mut session = Session::start().await;

    // The explorer on its own page, in the same view: compact, English, マドゥロ.
    session.open("/").await;
    session
        .js(
            "localStorage.setItem('kiroku.lang', JSON.stringify('en'))",
            vec![],
        )
        .await;
    session
        .open("/#/?embed=1&q=%E3%83%9E%E3%83%89%E3%82%A5%E3%83%AD")
        .await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#results li h2").await;
    let own_page = computed_styles(&session, PAGE_ELEMENTS, false).await;

    // The same host page without the script embed: what the host looks like alone.
    let mut example = include_str!("../../../examples/host.html").to_string();
    for script_embed in [
        "<script src=\"../dist/embed.js\"></script>",
        "kiroku.mount(document.getElementById(\"archive\"), { query: \"マドゥロ\", lang: \"en\" });",
    ] {
        assert!(example.contains(script_embed), "examples/host.html has {script_embed}");
        example = example.replace(script_embed, "");
    }
    let example = example.replace("../dist/", &format!("{}/", session.base_url));
    let alone = Session::write_page("host-alone", &example);
    let alone = session.serve_other_origin(alone);
    session
        .client
        .goto(&format!("{alone}/"))
        .await
        .expect("open the host page alone");
    assert_eq!(
        session
            .js(
                "return !!document.getElementById('archive').shadowRoot",
                vec![]
            )
            .await,
        json!(false),
        "nothing mounted on the page alone"
    );
    let host_alone = computed_styles(&session, HOST_ELEMENTS, false).await;

    open_host_page(&mut session).await;
    let mounted = computed_styles(&session, MOUNTED_ELEMENTS, true).await;
    let host_with_embed = computed_styles(&session, HOST_ELEMENTS, false).await;

    for ((selector, own), inside) in PAGE_ELEMENTS
        .iter()
        .zip(as_list(&own_page))
        .zip(as_list(&mounted))
    {
        assert_eq!(
            inside, own,
            "{selector}: styled differently inside the shadow root than on kiroku's own page"
        );
    }
    for ((selector, alone), with_embed) in HOST_ELEMENTS
        .iter()
        .zip(as_list(&host_alone))
        .zip(as_list(&host_with_embed))
    {
        assert_eq!(
            with_embed, alone,
            "{selector}: the host page's element changed when kiroku was mounted"
        );
    }
    // And the hostile host rules are really there, on the host.
    assert_eq!(host_with_embed[2]["color"], json!("rgb(200, 0, 0)"));
    assert_eq!(
        host_with_embed[0]["background-color"],
        json!("rgb(240, 240, 255)")
    );
    session.finish().await;
}

fn as_list(styles: &Value) -> Vec<Value> {
    styles.as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_menu_gives_a_link_and_an_iframe_for_the_current_view() {
    let mut session = Session::start().await;
    session
        .open("/#/?q=%E3%83%81%E3%83%A3%E3%83%99%E3%82%B9")
        .await;
    session.wait_for("#results li").await;
    session
        .client
        .find(Locator::Css(".share-toggle"))
        .await
        .expect("Share")
        .click()
        .await
        .expect("open Share");
    session.wait_for("#share-link").await;
    let value = |id: &'static str| {
        let client = session.client.clone();
        async move {
            let field = client.find(Locator::Id(id)).await.expect("share field");
            field
                .prop("value")
                .await
                .expect("value")
                .unwrap_or_default()
        }
    };
    let link = value("share-link").await;
    let here = session.client.current_url().await.expect("url").to_string();
    assert_eq!(link, here, "the link is this view");
    let snippet = value("share-iframe").await;
    assert!(
        snippet.starts_with("<iframe src=\"") && snippet.contains("embed=1"),
        "{snippet}"
    );

    let copy = session
        .client
        .find(Locator::Css(".share-copy"))
        .await
        .expect("Copy");
    copy.click().await.expect("copy");
    session
        .eventually("the button says it copied", || async {
            let text = copy.text().await.unwrap_or_default();
            text == "コピーしました" || text == "Copied"
        })
        .await;

    // The snippet, pasted into someone else's page, shows the same results, compact.
    let dir = Session::write_page(
        "share",
        &format!("<!doctype html><meta charset=utf-8><link rel=icon href=\"data:,\"><title>host</title>{snippet}"),
    );
    let host = session.serve_other_origin(dir);
    session
        .client
        .goto(&format!("{host}/"))
        .await
        .expect("open host page");
    session.enter_frame("iframe").await;
    session.wait_for(".app.embed").await;
    session.wait_for("#results li").await;
    assert_eq!(
        session.texts("#results li h2").await,
        ["原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞"]
    );
    session.leave_frame().await;
    session.finish().await;
}

/// The keys work inside the script embed, whose focus lives in a shadow root
/// (`document.activeElement` is only the host element there): ↓ from the search box
/// enters the list, Enter opens, → steps to the next result, Esc closes and gives
/// focus back to the result, `/` goes to the search box. Keys typed outside the
/// explorer stay the host page's.
#[tokio::test(flavor = "multi_thread")]
async fn keyboard_shortcuts_work_inside_the_script_embed() {
    let mut session = Session::start().await;
    let host = session.serve_other_origin(host_page(&session.base_url));
    session
        .client
        .goto(&format!("{host}/"))
        .await
        .expect("open host page");
    let shadow = |script: &str| {
        let client = session.client.clone();
        let script = format!(
            "const root = document.getElementById('archive').shadowRoot; \
             if (!root) return null; {script}"
        );
        async move {
            client
                .execute(&script, vec![])
                .await
                .expect("run in the shadow root")
        }
    };
    session
        .eventually("the mounted explorer lists results", || async {
            shadow("return root.querySelectorAll('#results li').length")
                .await
                .as_u64()
                .is_some_and(|n| n > 2)
        })
        .await;
    let titles =
        shadow("return [...root.querySelectorAll('#results li h2')].map(h => h.textContent)").await;
    let title = |n: usize| titles[n].as_str().unwrap_or_default().to_string();
    let focused =
        || shadow("const a = root.activeElement; return a ? (a.id || a.textContent) : null");
    let reader_title =
        || shadow("const h = root.querySelector('#reader-title'); return h ? h.textContent : null");

    // Focus outside the explorer: `/` is the host page's.
    session.keys("/").await;
    assert_eq!(
        focused().await,
        json!(null),
        "the host's keys stay the host's"
    );

    shadow("root.querySelector('#search').focus()").await;
    assert_eq!(focused().await, json!("search"));
    session.keys(keys::DOWN).await;
    session
        .eventually("↓ enters the list", || async {
            focused().await == json!(title(0))
        })
        .await;
    session.keys(keys::DOWN).await;
    session
        .eventually("↓ moves to the second result", || async {
            focused().await == json!(title(1))
        })
        .await;
    session.keys(keys::ENTER).await;
    session
        .eventually("Enter opens it", || async {
            reader_title().await == json!(title(1))
        })
        .await;
    session.keys(keys::RIGHT).await;
    session
        .eventually("→ opens the next result", || async {
            reader_title().await == json!(title(2))
        })
        .await;
    session.keys(keys::ESCAPE).await;
    session
        .eventually(
            "Esc closes the reader, focus back on the result",
            || async { reader_title().await == json!(null) && focused().await == json!(title(2)) },
        )
        .await;
    session.keys("/").await;
    session
        .eventually("/ focuses the search box", || async {
            focused().await == json!("search")
        })
        .await;
    let hash = session
        .client
        .execute("return location.hash", vec![])
        .await
        .expect("hash");
    assert_eq!(hash, json!(""), "the host's URL is left alone");
    session.finish().await;
}

/// A host page whose kiroku server forgot `Access-Control-Allow-Origin`: the embed
/// cannot load, and says so in the mount element (and the console), instead of
/// leaving an empty box.
#[tokio::test(flavor = "multi_thread")]
async fn a_script_embed_without_cors_headers_says_why_it_is_empty() {
    let mut session = Session::start().await;
    let kiroku = session.serve_other_origin_without_cors(kiroku_e2e::dist_dir());
    let page = Session::write_page(
        "no-cors",
        &format!(
            r#"<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>A host without CORS</title>
<script src="{kiroku}/embed.js"></script>
<div id="archive"></div>
<script>kiroku.mount(document.getElementById("archive"), {{ lang: "en" }});</script>"#
        ),
    );
    let host = session.serve_other_origin(page);
    session
        .client
        .goto(&format!("{host}/"))
        .await
        .expect("open the host page");
    session
        .eventually("the mount element explains the failure", || async {
            session
                .text("#archive")
                .await
                .contains("Access-Control-Allow-Origin")
        })
        .await;
    let role = session
        .js(
            "return document.querySelector('#archive [role=alert]') !== null",
            vec![],
        )
        .await;
    assert_eq!(role, json!(true), "announced as an alert");
    let errors = session.console_errors().await;
    assert!(
        errors.iter().any(|e| e.contains("kiroku.mount")),
        "and in the console: {errors:?}"
    );
    session.close().await;
}
