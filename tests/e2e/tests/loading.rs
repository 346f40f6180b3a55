//! Loading a corpus big enough that its index takes many slices (a generated
//! corpus of 5,000 articles, `target/dist-large`, with the CPU slowed down 4×):
//! the newest articles (the pre-rendered start view) and a progress bar come
//! first, the page keeps taking keystrokes, and a query typed before search is
//! ready gets its results when it is; a link to another view shows the boot screen
//! and the bar, never the start view. The same in the script embed (the bar, over
//! the newest articles when it opens on the start view), the iframe and the single
//! file from `file://`.

use std::path::PathBuf;

use kiroku_e2e::{host_page, keys, Session};
use serde_json::json;

fn large_dist() -> PathBuf {
    std::env::var_os("KIROKU_DIST_LARGE")
        .map(Into::into)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../target/dist-large"
            ))
        })
}

/// Articles in the generated corpus of `target/dist-large`.
const ARTICLES: usize = 5_000;

/// Runs before the page's scripts: records, at every DOM change, what the page
/// showed while search was not ready yet (no `kiroku:index` entry).
const PROBE: &str = r#"
window.__loading = { listed: 0, values: [], labels: [], readyAt: null };
new MutationObserver(() => {
  const ready = performance.getEntriesByName('kiroku:index').length > 0;
  const bar = document.getElementById('index-progress');
  if (!ready && bar) {
    const seen = window.__loading;
    seen.listed = Math.max(seen.listed, document.querySelectorAll('#results li').length);
    if (seen.values[seen.values.length - 1] !== bar.value) seen.values.push(bar.value);
    const label = document.querySelector('label[for=index-progress]');
    if (label && !seen.labels.includes(label.textContent)) seen.labels.push(label.textContent);
  }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"#;

async fn slow_session() -> Session {
    let session = Session::serving(large_dist()).await;
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": PROBE }),
        )
        .await;
    // Slower, so loading takes seconds and there is time to type during it.
    session
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    session
}

async fn search_ready(session: &Session) -> bool {
    session
        .js(
            "return performance.getEntriesByName('kiroku:index').length > 0",
            vec![],
        )
        .await
        == json!(true)
}

/// The number in the result count (`1234件`, `1,234 results`).
fn count_of(text: &str) -> usize {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_newest_articles_come_first_and_a_query_typed_meanwhile_is_answered() {
    let session = slow_session().await;
    session.resize(1280, 900).await;
    session.open("/").await;
    session.wait_for("#search").await;
    session.set_ui_lang("ja").await;
    session.wait_for("#index-progress").await;
    assert!(!search_ready(&session).await, "loading shows progress");
    session
        .screenshot(&PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/loading-1280.png"
        )))
        .await;
    // Enter before search is ready submits nothing (no navigation away).
    session
        .type_into("#search", &format!("マドゥロ{}", keys::ENTER))
        .await;
    assert_eq!(
        session.js("return location.search", vec![]).await,
        json!("")
    );
    assert!(
        !search_ready(&session).await,
        "the query was typed before search was ready (else this test proves nothing)"
    );

    session
        .eventually("search is ready and the progress bar gone", || async {
            search_ready(&session).await
                && session
                    .js("return !document.getElementById('index-progress')", vec![])
                    .await
                    == json!(true)
        })
        .await;
    session
        .eventually("the typed query's results", || async {
            let n = count_of(&session.text("#count").await);
            n > 0 && n < ARTICLES
        })
        .await;
    assert_eq!(
        session
            .js("return document.getElementById('search').value", vec![])
            .await,
        json!("マドゥロ"),
        "the typed text is still in the box"
    );
    assert_eq!(
        session
            .js(
                "return document.activeElement && document.activeElement.id",
                vec![]
            )
            .await,
        json!("search"),
        "typing goes on in the search box"
    );
    let marks = session.texts("#results mark").await;
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m.contains("マドゥ")),
        "hits highlight the query: {marks:?}"
    );
    assert!(
        session.current_path().await.contains("q="),
        "the query is in the URL"
    );

    let seen = session.js("return window.__loading", vec![]).await;
    assert_eq!(
        seen["listed"],
        json!(20),
        "a page of newest articles was listed before search was ready: {seen}"
    );
    let values: Vec<f64> = seen["values"]
        .as_array()
        .map(|v| v.iter().filter_map(|x| x.as_f64()).collect())
        .unwrap_or_default();
    assert!(
        values.len() >= 3 && values.windows(2).all(|w| w[0] < w[1]),
        "the progress bar moved forward over several slices: {values:?}"
    );
    assert_eq!(seen["labels"], json!(["検索を準備しています…"]), "{seen}");
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_progress_bar_speaks_english_and_fits_a_phone() {
    let session = slow_session().await;
    session.resize(360, 780).await;
    session.open("/").await;
    session.wait_for("#search").await;
    session.set_ui_lang("en").await;
    session.wait_for("#index-progress").await;
    session
        .screenshot(&PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/loading-360-en.png"
        )))
        .await;
    let bar = session.rect("#index-progress").await;
    let (width, _) = session.viewport().await;
    assert!(
        bar.left >= 0.0 && bar.right <= width,
        "the bar fits: {bar:?}"
    );
    session
        .eventually("search is ready", || async { search_ready(&session).await })
        .await;
    session.wait_for(".result-link").await;
    let seen = session.js("return window.__loading", vec![]).await;
    assert_eq!(seen["labels"], json!(["Preparing search…"]), "{seen}");
    assert_eq!(
        session
            .js("return document.documentElement.lang", vec![])
            .await,
        json!("en")
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_script_embed_the_iframe_and_the_single_file_load_in_slices_too() {
    let mut session = slow_session().await;
    let host = session.serve_other_origin(host_page(&session.base_url));
    session
        .client
        .goto(&format!("{host}/"))
        .await
        .expect("open host page");
    // The mounted explorer (a shadow root, which the probe cannot see into): the
    // bar first, alone (the newest articles would look like the answer to the
    // host's query), then the results of that query.
    let in_shadow = "const root = document.getElementById('archive').shadowRoot;";
    session
        .eventually(
            "the mounted explorer shows the bar while loading",
            || async {
                session
                    .js(
                        &format!(
                            "{in_shadow} return !!root && !!root.getElementById('index-progress')
                           && !root.querySelector('.app') && !root.querySelector('.loading-list')"
                        ),
                        vec![],
                    )
                    .await
                    == json!(true)
            },
        )
        .await;
    session
        .eventually("the mounted explorer answers its query", || async {
            session
                .js(
                    &format!(
                        "{in_shadow} return !root.getElementById('index-progress')
                           && root.querySelectorAll('#results mark').length > 0"
                    ),
                    vec![],
                )
                .await
                == json!(true)
        })
        .await;
    // The iframe embed.
    session.enter_frame("iframe.frame").await;
    session
        .eventually("the iframe's explorer is ready", || async {
            session
                .js(
                    "return !document.getElementById('index-progress')
                       && document.querySelectorAll('#results li').length > 0",
                    vec![],
                )
                .await
                == json!(true)
        })
        .await;
    session.leave_frame().await;

    // The single file, from disk.
    let file = large_dist()
        .join("kiroku.html")
        .canonicalize()
        .expect("kiroku.html");
    session
        .client
        .goto(&format!("file://{}", file.display()))
        .await
        .expect("open the single file");
    session.wait_for("#index-progress").await;
    session.type_into("#search", "制裁").await;
    session
        .eventually(
            "the single file answers the query typed while loading",
            || async {
                search_ready(&session).await && {
                    let n = count_of(&session.text("#count").await);
                    n > 0 && n < ARTICLES
                }
            },
        )
        .await;
    let seen = session.js("return window.__loading", vec![]).await;
    assert_eq!(seen["listed"], json!(20), "{seen}");
    session.finish().await;
}

/// A shared link's view while its index is built: the boot screen and the bar, no
/// pre-rendered start view (which would look like the link's answer), then the
/// link's own results.
#[tokio::test(flavor = "multi_thread")]
async fn a_link_to_another_view_waits_on_the_boot_screen_with_the_bar() {
    let session = slow_session().await;
    session.resize(1280, 900).await;
    session.open_raw("/#/?q=%E5%88%B6%E8%A3%81").await;
    session.wait_for("#index-progress").await;
    assert!(!search_ready(&session).await, "still loading");
    let shown = session
        .js(
            "const visible = (el) => !!el && el.getClientRects().length > 0;
             return {
                 copies: [...document.querySelectorAll('.prerendered')].filter(visible).length,
                 boot: visible(document.getElementById('boot')),
                 bar: visible(document.getElementById('index-progress')),
             };",
            vec![],
        )
        .await;
    assert_eq!(shown, json!({ "copies": 0, "boot": true, "bar": true }));
    session
        .eventually("the link's results", || async {
            search_ready(&session).await && {
                let n = count_of(&session.text("#count").await);
                n > 0 && n < ARTICLES
            }
        })
        .await;
    assert_eq!(
        session
            .js("return document.getElementById('search').value", vec![])
            .await,
        json!("制裁")
    );
    session.finish().await;
}

/// The script embed opened on the start view, in a phone-width column: with no
/// pre-rendered copy in the host's page, it lists the newest articles (as text,
/// under the bar) while its index is built, then the app takes their place.
#[tokio::test(flavor = "multi_thread")]
async fn the_script_embed_lists_the_newest_articles_while_loading() {
    let mut session = slow_session().await;
    let host = session.serve_other_origin(kiroku_e2e::Session::write_page(
        "start-embed",
        &format!(
            r#"<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>An embed on its start view</title>
<script type="module" src="{}/embed.js"></script>
<div id="archive" style="width: 360px"></div>
<script type="module">
  kiroku.mount(document.getElementById("archive"), {{ lang: "ja" }});
</script>"#,
            session.base_url
        ),
    ));
    session
        .client
        .goto(&format!("{host}/"))
        .await
        .expect("open host page");
    let in_shadow = "const root = document.getElementById('archive').shadowRoot;";
    session
        .eventually("the newest articles under the bar", || async {
            session
                .js(
                    &format!(
                        "{in_shadow} return !!root && !!root.getElementById('index-progress')
                           && !root.querySelector('.app')
                           && root.querySelectorAll('.loading-list li.result').length > 0"
                    ),
                    vec![],
                )
                .await
                == json!(true)
        })
        .await;
    let listed = session
        .js(
            &format!(
                "{in_shadow} const items = [...root.querySelectorAll('.loading-list li.result')];
                 return {{
                     count: items.length,
                     dated: items.every((li) => /^\\d{{4}}-\\d{{2}}-\\d{{2}}$/
                         .test(li.querySelector('time').getAttribute('datetime'))),
                     titled: items.every((li) => li.querySelector('.result-title').textContent.length > 0),
                     newest_first: items.map((li) => li.querySelector('time').getAttribute('datetime'))
                         .every((date, i, all) => i == 0 || all[i - 1] >= date),
                     markup: root.querySelectorAll('.loading-list .result-title *').length,
                 }};"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        listed,
        json!({ "count": 20, "dated": true, "titled": true, "newest_first": true, "markup": 0 })
    );
    session
        .eventually("the app replaces the list", || async {
            session
                .js(
                    &format!(
                        "{in_shadow} return !root.getElementById('index-progress')
                           && !root.querySelector('.loading-list')
                           && root.querySelectorAll('#results li').length == 20"
                    ),
                    vec![],
                )
                .await
                == json!(true)
        })
        .await;
    session.finish().await;
}
