//! What a person does first: open the page, see every article, search.

use kiroku_e2e::Session;

#[tokio::test(flavor = "multi_thread")]
async fn lists_every_article_and_narrows_by_search() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results li").await;

    let titles = session.texts("#results li h2").await;
    assert_eq!(
        titles.len(),
        8,
        "all 8 default articles are listed: {titles:?}"
    );
    assert_eq!(
        titles[0], "図でみる麻薬密輸ネットワーク 中南米から米国へ",
        "newest first"
    );
    assert_eq!(
        titles[7], "原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞",
        "oldest last"
    );

    session.type_into("#search", "ベネズエラ").await;
    session
        .eventually(
            "the list narrows to articles mentioning ベネズエラ",
            || async {
                let n = session.texts("#results li").await.len();
                n > 0 && n < 8
            },
        )
        .await;
    for title in session.texts("#results li h2").await {
        assert_ne!(
            title, "図でみる麻薬密輸ネットワーク 中南米から米国へ",
            "it never mentions ベネズエラ"
        );
    }

    session.finish().await;
}

/// The wasm module is preloaded beside the CSS and JS (dist.rs), and that preload is
/// what the glue's own fetch uses: one request for it, not two, and the request is
/// the `<link rel=preload>`'s, not a `fetch` issued after the glue ran.
#[tokio::test(flavor = "multi_thread")]
async fn fetches_the_wasm_module_once_through_its_preload() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results li").await;
    let wasm = session
        .js(
            "return performance.getEntriesByType('resource')
               .filter(e => e.name.endsWith('_bg.wasm')).map(e => e.initiatorType)",
            vec![],
        )
        .await;
    assert_eq!(
        wasm,
        serde_json::json!(["link"]),
        "wasm requests by initiator"
    );
    session.finish().await;
}

/// The User Timing entries the benchmark harness reads (`src/perf.rs`): one
/// interactive and one painted mark, the index build, and one search measure per search, whose
/// total is the count the page shows.
#[tokio::test(flavor = "multi_thread")]
async fn records_timing_entries_for_the_benchmarks() {
    let session = Session::start().await;
    // What the page shows at the moment each mark is set.
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": "
                window.__shown = {};
                const mark = performance.mark.bind(performance);
                performance.mark = (name, options) => {
                    window.__shown[name] = document.querySelectorAll('#results li').length;
                    return mark(name, options);
                };" }),
        )
        .await;
    session.open("/").await;
    session.wait_for("#results li").await;
    let entries = |name: &'static str| {
        let client = session.client.clone();
        async move {
            let script = format!(
                "return performance.getEntriesByName('{name}').map(e => \
                 [e.duration, e.detail.wasm_bytes, e.detail.total ?? -1]);"
            );
            let value = client.execute(&script, vec![]).await.expect("read entries");
            serde_json::from_value::<Vec<(f64, f64, f64)>>(value).expect("entries")
        }
    };
    let interactive = entries("kiroku:interactive").await;
    assert_eq!(
        interactive.len(),
        1,
        "one interactive mark: {interactive:?}"
    );
    assert!(interactive[0].1 >= 65536.0, "wasm memory is reported");
    // Results in the DOM, then painted: both once, in that order, after the index.
    session
        .eventually("the painted mark", || async {
            let n = session
                .js(
                    "return performance.getEntriesByName('kiroku:painted').length",
                    vec![],
                )
                .await;
            n.as_u64() == Some(1)
        })
        .await;
    let order = session
        .js(
            "const at = (n) => performance.getEntriesByName(n).map(e => e.startTime);
             const index = performance.getEntriesByName('kiroku:index')[0];
             return [index.startTime + index.duration, at('kiroku:interactive'),
                     at('kiroku:painted')];",
            vec![],
        )
        .await;
    let (indexed, dom, painted): (f64, Vec<f64>, Vec<f64>) =
        serde_json::from_value(order.clone()).expect("mark times");
    let shown = session.js("return window.__shown", vec![]).await;
    assert_eq!(
        (&shown["kiroku:interactive"], &shown["kiroku:painted"]),
        (&serde_json::json!(8), &serde_json::json!(8)),
        "all 8 results are in the DOM when each mark is set: {shown}"
    );
    assert!(
        dom.len() == 1 && painted.len() == 1 && indexed <= dom[0] && dom[0] <= painted[0],
        "index built ≤ results in the DOM ≤ painted: {order}"
    );
    assert_eq!(entries("kiroku:index").await.len(), 1, "one index build");
    let before = entries("kiroku:search").await;
    assert_eq!(
        before.last().map(|e| e.2),
        Some(8.0),
        "the first search lists all 8"
    );

    session.type_into("#search", "フェンタニル").await;
    session
        .eventually("a search measure for the typed query", || async {
            entries("kiroku:search").await.len() > before.len()
        })
        .await;
    session
        .eventually("the last search's total is the count shown", || async {
            let last = entries("kiroku:search").await.last().map(|e| e.2);
            let shown = session.texts("#results li").await.len() as f64;
            last == Some(shown) && shown < 8.0
        })
        .await;
    session.finish().await;
}
