//! Embedding kiroku in someone else's page: as an `<iframe>` with `embed=1`, and by the
//! script embed `kiroku.mount(element, options)`, on another origin with hostile styles.

use std::time::Duration;

use fantoccini::Locator;
use kiroku_e2e::Session;
use serde_json::json;

/// A host page on its own origin, from `examples/host.html` with the kiroku URLs
/// pointed at the build under test.
fn host_page(kiroku_url: &str) -> std::path::PathBuf {
    let example =
        include_str!("../../../examples/host.html").replace("../dist/", &format!("{kiroku_url}/"));
    Session::write_page("host", &example)
}

#[tokio::test(flavor = "multi_thread")]
async fn iframe_and_script_embeds_render_isolated_from_the_host() {
    let mut session = Session::start().await;
    let host = session.serve_other_origin(host_page(&session.base_url));
    session
        .client
        .goto(&format!("{host}/"))
        .await
        .expect("open host page");

    // The script embed: results inside the shadow root, for the query in the options.
    let in_shadow = "const root = document.getElementById('archive').shadowRoot;";
    session
        .eventually("the mounted explorer lists the マドゥロ articles", || async {
            let n = session
                .client
                .execute(
                    &format!("{in_shadow} return root ? root.querySelectorAll('#results li').length : 0"),
                    vec![],
                )
                .await
                .expect("query the shadow root");
            n.as_u64().is_some_and(|n| n > 0 && n < 8)
        })
        .await;
    let styles = session
        .client
        .execute(
            &format!(
                "{in_shadow}
                 const title = root.querySelector('#results li h2, #results li h3');
                 const hostTitle = document.querySelector('h2');
                 return {{
                   inner: getComputedStyle(title).color,
                   innerTransform: getComputedStyle(title).textTransform,
                   host: getComputedStyle(hostTitle).color,
                   hostBg: getComputedStyle(document.body).backgroundColor,
                   hash: location.hash,
                   lang: root.querySelector('.kiroku-root').getAttribute('lang'),
                 }};"
            ),
            vec![],
        )
        .await
        .expect("computed styles");
    assert_ne!(
        styles["inner"],
        json!("rgb(200, 0, 0)"),
        "host h2 colour leaked in: {styles}"
    );
    assert_ne!(
        styles["innerTransform"],
        json!("uppercase"),
        "host h2 style leaked in: {styles}"
    );
    assert_eq!(
        styles["host"],
        json!("rgb(200, 0, 0)"),
        "kiroku's styles leaked out: {styles}"
    );
    assert_eq!(
        styles["hostBg"],
        json!("rgb(240, 240, 255)"),
        "kiroku restyled the host body"
    );
    assert_eq!(styles["lang"], json!("en"), "the lang option applies");

    if let Some(dir) = std::env::var_os("KIROKU_SCREENSHOTS") {
        tokio::time::sleep(Duration::from_millis(500)).await;
        session
            .screenshot(&std::path::Path::new(&dir).join("embed.png"))
            .await;
    }

    // Typing in the mounted search box narrows it, and leaves the host URL alone.
    session
        .client
        .execute(
            &format!(
                "{in_shadow}
                 const input = root.querySelector('input[type=search]');
                 input.value = 'チャベス';
                 input.dispatchEvent(new InputEvent('input', {{ bubbles: true, composed: true }}));"
            ),
            vec![],
        )
        .await
        .expect("type into the mounted search box");
    session
        .eventually("the mounted explorer narrows to one article", || async {
            let n = session
                .client
                .execute(
                    &format!("{in_shadow} return root.querySelectorAll('#results li').length"),
                    vec![],
                )
                .await
                .expect("count");
            n == json!(1)
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let hash = session
        .client
        .execute("return location.hash", vec![])
        .await
        .expect("hash");
    assert_eq!(
        hash,
        json!(""),
        "a mounted explorer never writes the host's URL"
    );

    // The iframe embed: the compact view for the query in its hash.
    let frame = session
        .client
        .find(Locator::Css("iframe.frame"))
        .await
        .expect("the iframe");
    frame.enter_frame().await.expect("enter the iframe");
    session.wait_for("#results li").await;
    session.wait_for(".app.embed").await;
    let n = session.texts("#results li").await.len();
    assert!(
        n > 0 && n < 8,
        "the iframe shows the ベネズエラ results, not all 8: {n}"
    );
    session
        .client
        .enter_parent_frame()
        .await
        .expect("back to the host");

    session.finish().await;
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

    if let Some(dir) = std::env::var_os("KIROKU_SCREENSHOTS") {
        session
            .screenshot(&std::path::Path::new(&dir).join("share.png"))
            .await;
    }
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
    let frame = session
        .client
        .find(Locator::Css("iframe"))
        .await
        .expect("the pasted iframe");
    frame.enter_frame().await.expect("enter the iframe");
    session.wait_for(".app.embed").await;
    session.wait_for("#results li").await;
    assert_eq!(
        session.texts("#results li h2").await,
        ["原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞"]
    );
    session
        .client
        .enter_parent_frame()
        .await
        .expect("back to the host");
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
