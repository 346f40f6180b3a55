//! `screenshots DIR`: the README's screenshots of the release build in `KIROKU_DIST`,
//! written to DIR (`cargo xtask screenshots` builds the dist and runs this into
//! `docs/`). Not a test: it asserts nothing, it only draws.
//!
//! Desktop (1280 px) and phone (360 px) in the light and dark themes, the reader, the
//! host page with both embeds (`examples/host.html`) and the Share menu; the
//! timeline's hover card, the phone's filter drawer and Share menu, and the script
//! embed in a 360 px column of a 1280 px page; the views of the results (trends,
//! concordance, chronology, co-occurrence, one on a phone), the reader at a match
//! and the query help.

use std::{path::Path, time::Duration};

use kiroku_e2e::{column_host_page, host_page, Session};

#[tokio::main]
async fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: screenshots DIR");
        std::process::exit(2);
    };
    let dir = Path::new(&dir);
    explorer(dir).await;
    embeds(dir).await;
    narrow(dir).await;
    views(dir).await;
    eprintln!("screenshots: written to {}", dir.display());
}

/// The explorer on its own page, in both themes and widths, and the reader.
async fn explorer(dir: &Path) {
    let session = Session::start().await;
    let views = [
        (
            "desktop",
            1280,
            900,
            "/#/?q=%E3%83%9E%E3%83%89%E3%82%A5%E3%83%AD",
        ),
        ("mobile", 360, 780, "/"),
    ];
    for theme in ["light", "dark"] {
        for (name, width, height, path) in views {
            session.resize(width, height).await;
            session.open(path).await;
            session
                .js(
                    "localStorage.setItem('kiroku.theme', JSON.stringify(arguments[0])); \
                     localStorage.setItem('kiroku.lang', JSON.stringify('ja'));",
                    vec![serde_json::json!(theme)],
                )
                .await;
            session.client.refresh().await.expect("reload");
            session.wait_for("#results > li").await;
            session
                .screenshot(&dir.join(format!("{name}-{theme}.png")))
                .await;
        }
    }
    // The reader, on the desktop, with the query marked.
    session.resize(1280, 900).await;
    session.open("/#/?q=%E8%A3%8F%E5%BA%AD").await; // 裏庭
    session.wait_for("#results > li").await;
    session.click("#results a.result-link").await;
    session.wait_for("#reader mark").await;
    session.screenshot(&dir.join("reader-dark.png")).await;
    session.finish().await;
}

/// Both embeds on the hostile host page, and the Share menu that gives them.
async fn embeds(dir: &Path) {
    let mut session = Session::start().await;
    session.open_host_page(host_page(&session.base_url)).await;
    // Fonts and the iframe's first paint.
    tokio::time::sleep(Duration::from_millis(500)).await;
    session.screenshot(&dir.join("embed.png")).await;

    session
        .open("/#/?q=%E3%83%81%E3%83%A3%E3%83%99%E3%82%B9") // チャベス
        .await;
    session.wait_for("#results li").await;
    session.click(".share-toggle").await;
    session.wait_for("#share-link").await;
    session.screenshot(&dir.join("share.png")).await;
    session.finish().await;
}

/// The timeline's card, the phone's drawer and Share menu, and a narrow embed.
async fn narrow(dir: &Path) {
    let mut session = Session::start().await;
    session.resize(1280, 900).await;
    session.open("/").await;
    session
        .js(
            "localStorage.setItem('kiroku.lang', JSON.stringify('ja'));",
            vec![],
        )
        .await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#results > li").await;
    // The plot just under the sticky masthead, the newest bar hovered.
    session
        .js(
            "const plot = document.querySelector('.timeline-plot').getBoundingClientRect();
             const head = document.querySelector('.masthead').getBoundingClientRect();
             window.scrollBy(0, plot.top - head.bottom - 4);",
            vec![],
        )
        .await;
    session.hover(".timeline-plot", 0.97).await;
    session.wait_for("#timeline-card").await;
    session.screenshot(&dir.join("timeline-card.png")).await;

    session.resize(360, 780).await;
    session.open("/").await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#results > li").await;
    session.click(".facets-toggle").await;
    session.wait_for(".open > .facets").await;
    session.screenshot(&dir.join("mobile-filters.png")).await;
    session.click(".facets-done").await;
    session.click(".share-toggle").await;
    session.wait_for("#share-link").await;
    session.screenshot(&dir.join("mobile-share.png")).await;

    session.resize(1280, 900).await;
    session
        .open_host_page(column_host_page(&session.base_url))
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    session.screenshot(&dir.join("embed-column.png")).await;
    session.finish().await;
}

/// The views of the results for ベネズエラ, the reader at a concordance line's
/// match with its citation, the query help, and the concordance on a phone.
async fn views(dir: &Path) {
    let session = Session::start().await;
    session.resize(1280, 900).await;
    session.open("/").await;
    session
        .js(
            "localStorage.setItem('kiroku.lang', JSON.stringify('ja')); \
             localStorage.setItem('kiroku.theme', JSON.stringify('light'));",
            vec![],
        )
        .await;
    let venezuela = "q=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9";
    let russia = "%E3%83%AD%E3%82%B7%E3%82%A2";
    let china = "%E4%B8%AD%E5%9B%BD";
    for (name, path, ready) in [
        (
            "view-trends",
            format!("/#/?{venezuela}&c=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9&c={russia}&c={china}&v=trends"),
            ".trends-table",
        ),
        ("view-concordance", format!("/#/?{venezuela}&v=kwic"), ".kwic-line"),
        ("view-chronology", format!("/#/?{venezuela}&v=chronology"), ".chronology-entry"),
        ("view-cooccurrence", "/#/?v=cooccurrence".to_string(), ".cooc-matrix"),
    ] {
        session.open(&path).await;
        session.client.refresh().await.expect("reload");
        session.wait_for(ready).await;
        if name == "view-trends" {
            // The readout of a focused period.
            session
                .js("document.querySelector('.trends-plot').focus()", vec![])
                .await;
        }
        session.screenshot(&dir.join(format!("{name}.png"))).await;
    }
    // The reader opened from a concordance line, at its match, citation copied.
    session.open(&format!("/#/?{venezuela}&v=kwic")).await;
    session.wait_for(".kwic-line").await;
    session
        .js(
            "document.querySelectorAll('a.kwic-line')[3].click()",
            vec![],
        )
        .await;
    session.wait_for("#reader mark.current").await;
    session.click(".citation-copy").await;
    session.wait_for("#citation").await;
    session.js("window.scrollTo(0, 0)", vec![]).await;
    session.screenshot(&dir.join("reader-match.png")).await;
    session.click(".help-toggle").await;
    session.wait_for("#query-help").await;
    session.screenshot(&dir.join("query-help.png")).await;

    session.resize(360, 780).await;
    session.open(&format!("/#/?{venezuela}&v=kwic")).await;
    session.client.refresh().await.expect("reload");
    session.wait_for(".kwic-line").await;
    session
        .screenshot(&dir.join("mobile-concordance.png"))
        .await;
    session
        .js(
            "localStorage.setItem('kiroku.theme', JSON.stringify('dark'))",
            vec![],
        )
        .await;
    session
        .open(&format!("/#/?{venezuela}&v=trends&tm=share"))
        .await;
    session.client.refresh().await.expect("reload");
    session.wait_for(".trends-table").await;
    session
        .screenshot(&dir.join("mobile-trends-dark.png"))
        .await;
    session.finish().await;
}
