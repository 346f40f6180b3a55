//! Small boxes and phones: the explorer lays out by the width it is given (a script
//! embed in a 360 px column of a wide page included), the filters fold into a
//! drawer that ends with "show N results", and the Share menu fits a phone, keeps
//! still when it copies, offers the system share sheet, and says what to do from
//! `file://`.

use std::time::Duration;

use kiroku_e2e::{column_host_page, dist_dir, keys, Rect, Session};
use serde_json::json;

/// Whether any element matching `css` takes up room on the page.
async fn shown(session: &Session, css: &str) -> bool {
    session
        .rects(css)
        .await
        .iter()
        .any(|r| r.width > 0.0 && r.height > 0.0)
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_filters_are_a_drawer_that_shows_the_results() {
    let session = Session::start().await;
    session.resize(360, 780).await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    let (_, viewport_height) = session.viewport().await;
    let first_result = session.rect("#results > li").await;
    assert!(!shown(&session, ".facet").await, "folded at first");

    session.click(".facets-toggle").await;
    session
        .eventually("the drawer opens", || async {
            shown(&session, ".facet").await
        })
        .await;
    let drawer = session.rect("#facets").await;
    assert!(
        drawer.bottom <= viewport_height + 0.5,
        "the drawer fits the screen (it scrolls inside): {drawer:?}"
    );
    let done = session.rect(".facets-done").await;
    assert!(
        done.top >= 0.0 && done.bottom <= viewport_height + 0.5,
        "'show N results' is on screen: {done:?}"
    );
    assert_eq!(
        session.rect("#results > li").await,
        first_result,
        "the drawer lies over the results instead of pushing them down"
    );
    let inside = session
        .js(
            "return document.getElementById('facets').contains(document.activeElement)",
            vec![],
        )
        .await;
    assert_eq!(inside, json!(true), "focus moves into the drawer");

    // Pick a value: the action names the new count.
    session.click("#facets .facet").await;
    session
        .eventually("the action follows the count", || async {
            let n = session.count().await;
            n < 8 && session.text(".facets-done").await.contains(&n.to_string())
        })
        .await;
    let n = session.count().await;
    session.click(".facets-done").await;
    session
        .eventually("the drawer closes", || async {
            !shown(&session, ".facet").await
        })
        .await;
    let first = session.rect("#results > li").await;
    assert!(
        first.top < viewport_height,
        "the first of the {n} results is on screen: {first:?}"
    );
    let focused = session
        .js(
            "return document.activeElement.classList.contains('facets-toggle')",
            vec![],
        )
        .await;
    assert_eq!(focused, json!(true), "focus returns to the toggle");

    // Escape closes it too, and only it.
    session.click(".facets-toggle").await;
    session
        .eventually("the drawer opens again", || async {
            shown(&session, ".facet").await
        })
        .await;
    session.press(keys::ESCAPE).await;
    session
        .eventually("Escape closes the drawer", || async {
            !shown(&session, ".facet").await
        })
        .await;
    assert!(
        session.current_path().await.contains("e="),
        "the filter stays"
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_compact_embed_folds_the_facets_away() {
    let session = Session::start().await;
    session.open("/#/?embed=1").await;
    session.wait_for("#results > li").await;
    assert!(shown(&session, ".facets-toggle").await, "a Filters toggle");
    assert!(!shown(&session, ".facet").await, "the facets are folded");
    let main = session.rect("#main").await;
    assert!(main.width > 1000.0, "the results take the width: {main:?}");
    session.click(".facets-toggle").await;
    session
        .eventually("the toggle opens them", || async {
            shown(&session, ".facet").await
        })
        .await;
    session.finish().await;
}

/// Opens the Share menu and waits for its panel.
async fn open_share(session: &Session) {
    session.click(".share-toggle").await;
    session.wait_for("#share-panel").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_menu_fits_a_phone_and_copying_moves_nothing() {
    let session = Session::start().await;
    session.resize(360, 780).await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    open_share(&session).await;
    let (width, _) = session.viewport().await;
    let panel = session.rect("#share-panel").await;
    assert!(
        panel.left >= 0.0 && panel.right <= width,
        "the panel is on screen at 360 px: {panel:?}"
    );

    session.resize(1280, 900).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before: Vec<Rect> = session.rects("#share-panel textarea, .share-copy").await;
    session.click(".share-copy").await;
    session
        .eventually("the button says it copied", || async {
            let text = session.text(".share-copy").await;
            text == "コピーしました" || text == "Copied"
        })
        .await;
    assert_eq!(
        session.rects("#share-panel textarea, .share-copy").await,
        before,
        "saying it copied moves nothing"
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_menu_offers_the_system_share_sheet_where_there_is_one() {
    let session = Session::start().await;
    // A phone's navigator.share, which headless Chromium on Linux lacks.
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "Object.defineProperty(Navigator.prototype, 'share', {
                configurable: true,
                value: function (data) { window.__shared = data; return Promise.resolve(); },
            });" }),
        )
        .await;
    session.resize(360, 780).await;
    session
        .open("/#/?q=%E3%83%81%E3%83%A3%E3%83%99%E3%82%B9")
        .await;
    session.wait_for("#results > li").await;
    open_share(&session).await;
    session.click(".share-system").await;
    session
        .eventually("the system sheet gets this view's link", || async {
            let shared = session.js("return window.__shared || null", vec![]).await;
            let here = session.client.current_url().await.expect("url").to_string();
            shared["url"] == json!(here)
        })
        .await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn from_a_file_the_share_menu_says_what_works() {
    let session = Session::browser_only().await;
    let file = dist_dir().join("kiroku.html");
    assert!(
        file.is_file(),
        "{} (run `cargo xtask dist`)",
        file.display()
    );
    session
        .client
        .goto(&format!(
            "file://{}#/?q=%E3%83%81%E3%83%A3%E3%83%99%E3%82%B9",
            file.display()
        ))
        .await
        .expect("open the single file");
    session.wait_for("#results > li").await;
    open_share(&session).await;
    let fields = session
        .js(
            "return [...document.querySelectorAll('#share-panel textarea')].map((t) => t.value)",
            vec![],
        )
        .await;
    let fields: Vec<String> = serde_json::from_value(fields).expect("field values");
    assert!(
        fields.iter().all(|f| !f.contains("file:")),
        "no link into the sender's disk: {fields:?}"
    );
    assert_eq!(
        fields,
        ["#/?q=%E3%83%81%E3%83%A3%E3%83%99%E3%82%B9"],
        "the view's code, to add to the file's address"
    );
    assert!(
        session.text(".share-note").await.contains("kiroku.html"),
        "it says to send the file"
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_script_embed_in_a_narrow_column_lays_out_by_its_own_width() {
    let mut session = Session::start().await;
    session
        .open_host_page(column_host_page(&session.base_url))
        .await;
    let root = "document.getElementById('archive').shadowRoot";
    let one = |css: &'static str| {
        let session = &session;
        async move {
            session
                .rects_in(root, css)
                .await
                .into_iter()
                .next()
                .unwrap_or_else(|| panic!("no {css} in the embed"))
        }
    };
    let column = session.rect("#archive").await;
    let (brand, prefs) = (one(".brand").await, one(".prefs").await);
    assert!(
        !brand.overlaps(&prefs),
        "the masthead's parts do not overlap: {brand:?} {prefs:?}"
    );
    assert!(
        prefs.right <= column.right + 0.5,
        "the masthead fits the column: {prefs:?} in {column:?}"
    );
    let search = one(".search input").await;
    assert!(search.width >= 250.0, "a usable search box: {search:?}");
    let main = one("#main").await;
    assert!(main.width >= 300.0, "the results take the column: {main:?}");
    let plot = one(".timeline-plot").await;
    assert!(plot.width >= 280.0, "the timeline is not crushed: {plot:?}");
    let axis = one(".timeline-axis").await;
    assert!(axis.height < 24.0, "axis labels stay on one line: {axis:?}");
    let facets_shown = session
        .rects_in(root, ".facet")
        .await
        .iter()
        .any(|r| r.width > 0.0);
    assert!(!facets_shown, "no 240 px filter panel beside the results");
    session.finish().await;
}
