//! The timeline as people use it: its hover card stays in sight (below the sticky
//! masthead, inside a phone's screen, gone after a tap, describing a range while
//! one is dragged), a picked range stays the axis, a year is always one click
//! away, and on a phone every bar is a tap target of at least 24 px.

use std::time::Duration;

use kiroku_e2e::{Rect, Session};
use serde_json::json;

/// The smallest tap target the timeline promises (WCAG 2.2 target size).
const MIN_TAP: f64 = 24.0;

/// The hover card's box when it is shown (rendered and not `display: none`).
async fn visible_card(session: &Session) -> Option<Rect> {
    session
        .rects("#timeline-card")
        .await
        .into_iter()
        .find(|r| r.width > 0.0 && r.height > 0.0)
}

/// The card is wholly on screen: below the masthead, inside the viewport, and the
/// top element at its centre and near its top is the card itself (nothing covers it).
async fn assert_card_in_sight(session: &Session, what: &str) {
    let card = visible_card(session)
        .await
        .unwrap_or_else(|| panic!("{what}: the card is shown"));
    let masthead = session.rect(".masthead").await;
    let (width, height) = session.viewport().await;
    assert!(
        card.top >= masthead.bottom - 0.5,
        "{what}: the card's top {:.0} is under the masthead (bottom {:.0})",
        card.top,
        masthead.bottom
    );
    assert!(
        card.left >= -0.5 && card.right <= width + 0.5 && card.bottom <= height + 0.5,
        "{what}: the card {card:?} leaves the {width}×{height} viewport"
    );
    let on_top = session
        .js(
            // The card ignores the pointer (`pointer-events: none`), which hit
            // testing honours: let it be hit while asking what is on top.
            "const card = document.getElementById('timeline-card');
             card.style.pointerEvents = 'auto';
             const r = card.getBoundingClientRect();
             const on_top = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + r.width / 2, r.top + 4]]
               .every(([x, y]) => card.contains(document.elementFromPoint(x, y)));
             card.style.pointerEvents = '';
             return on_top;",
            vec![],
        )
        .await;
    assert_eq!(on_top, json!(true), "{what}: something covers the card");
}

/// Scrolls so the plot's top sits just below the sticky masthead: where a card
/// that grew upwards disappeared under it.
async fn scroll_plot_under_masthead(session: &Session) {
    session
        .js(
            "const plot = document.querySelector('.timeline-plot').getBoundingClientRect();
             const head = document.querySelector('.masthead').getBoundingClientRect();
             window.scrollBy(0, plot.top - head.bottom - 4);",
            vec![],
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hover_card_is_never_under_the_masthead() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    scroll_plot_under_masthead(&session).await;

    // The mouse over the newest bar (2025, the one with the most titles).
    session.hover(".timeline-plot", 0.97).await;
    session
        .eventually("the card shows on hover", || async {
            visible_card(&session).await.is_some()
        })
        .await;
    assert_card_in_sight(&session, "hover").await;

    // The same from the keyboard: focus on the plot shows the newest bar's card.
    session.hover(".results", 0.5).await;
    session
        .js(
            "document.querySelector('.timeline-plot').focus({ preventScroll: true })",
            vec![],
        )
        .await;
    session
        .eventually("the card shows on keyboard focus", || async {
            visible_card(&session).await.is_some()
        })
        .await;
    assert_card_in_sight(&session, "keyboard focus").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_every_card_stays_on_screen() {
    let session = Session::start().await;
    session.resize(360, 780).await;
    session.open("/").await;
    session.wait_for("#results > li").await;

    // Every bar's card, from the keyboard, stays inside the screen.
    session
        .js("document.querySelector('.timeline-plot').focus()", vec![])
        .await;
    session.press("\u{E011}").await; // Home
    let n = session.rects(".timeline .bin").await.len();
    assert!(n > 5, "a long axis: {n} bins");
    for i in 0..n {
        session
            .eventually(&format!("the card of bin {i}"), || async {
                visible_card(&session).await.is_some()
            })
            .await;
        assert_card_in_sight(&session, &format!("bin {i} of {n} at 360 px")).await;
        session.press("\u{E014}").await; // →
    }
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_a_tap_leaves_no_card_behind() {
    let session = Session::start().await;
    session.resize(360, 780).await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    // A tap on the newest bar filters to it; no card is left behind.
    session.tap(".timeline-plot", 0.97).await;
    session
        .eventually("the tap picks a range", || async {
            session.current_path().await.contains("from=")
        })
        .await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        visible_card(&session).await,
        None,
        "after a tap the card is gone (a finger has no hover to end)"
    );
    session.finish().await;
}

/// Sends a synthetic pointer event to the plot at bin `at` of `n`.
async fn pointer(session: &Session, kind: &str, at: usize, n: usize) {
    session
        .js(
            "const plot = document.querySelector('.timeline-plot');
             const r = plot.getBoundingClientRect();
             const x = r.left + r.width * (arguments[1] + 0.5) / arguments[2];
             plot.dispatchEvent(new PointerEvent(arguments[0], {
               bubbles: true, pointerId: 1, pointerType: 'mouse', button: 0, buttons: 1,
               isPrimary: true, clientX: x, clientY: r.top + r.height / 2 }));",
            vec![json!(kind), json!(at), json!(n)],
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn while_dragging_the_card_describes_the_range_and_then_goes() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    let n = session.rects(".timeline .bin").await.len();
    let first_year = session.text(".axis-label").await;

    pointer(&session, "pointerdown", 0, n).await;
    pointer(&session, "pointermove", n - 1, n).await;
    session
        .eventually("the card names the dragged range", || async {
            let heading = session.text_contents("#timeline-card strong").await;
            heading
                .first()
                .is_some_and(|h| h.contains('–') && h.contains(&first_year))
        })
        .await;
    pointer(&session, "pointerup", n - 1, n).await;
    session
        .eventually("the range is applied", || async {
            session.current_path().await.contains("from=")
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        session.text_contents("#timeline-card").await.is_empty(),
        "no card of the old bins is left once the range is applied"
    );
    session.finish().await;
}

/// The text of the range chip, without its ×.
async fn range_chip(session: &Session) -> String {
    let texts = session.text_contents(".active-filters .chip").await;
    texts
        .first()
        .map(|t| t.trim_end_matches('×').trim().to_string())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_picked_range_stays_the_axis_and_a_year_is_always_one_click_away() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;

    // Click the newest bar, 2025: the axis is 2025 by month, not 2025's few weeks
    // of articles by day.
    session.drag(".timeline-plot", 0.98, 0.98).await;
    session
        .eventually("the click picks 2025", || async {
            session
                .current_path()
                .await
                .contains("from=2025-01-01&to=2025-12-31")
        })
        .await;
    session
        .eventually("the axis spans the chip's range", || async {
            let chip = range_chip(&session).await;
            !chip.is_empty() && session.text(".timeline-span").await == chip
        })
        .await;
    let bins = session.rects(".timeline .bin-hit").await;
    assert_eq!(bins.len(), 12, "2025 by month");
    assert!(
        bins.iter().all(|b| b.width >= MIN_TAP),
        "readable, tappable bars: {bins:?}"
    );

    // Zoom out: from the whole year, back to everything.
    session.click(".timeline-zoom-out").await;
    session
        .eventually("zooming out drops the range", || async {
            !session.current_path().await.contains("from=")
        })
        .await;

    // With a query and a range inside one year, the year is a button away, and
    // zooming out goes to that year first.
    session
        .open("/#/?q=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9&from=2025-10-01&to=2025-10-31")
        .await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#results > li").await;
    let bins = session.rects(".timeline .bin-hit").await.len();
    assert_eq!(bins, 31, "October by day");
    session.click(".timeline-years .timeline-year").await;
    session
        .eventually(
            "the year button picks the year, keeping the query",
            || async {
                let path = session.current_path().await;
                path.contains("from=2025-01-01&to=2025-12-31") && path.contains("q=")
            },
        )
        .await;
    session.client.back().await.expect("back");
    session
        .eventually("back to October", || async {
            session.current_path().await.contains("from=2025-10-01")
        })
        .await;
    session.wait_for(".timeline-zoom-out").await;
    session.click(".timeline-zoom-out").await;
    session
        .eventually("zooming out of October gives 2025", || async {
            session
                .current_path()
                .await
                .contains("from=2025-01-01&to=2025-12-31")
        })
        .await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_every_bar_is_a_tap_target() {
    let session = Session::start().await;
    session.resize(360, 780).await;
    for path in [
        "/",
        "/#/?q=%E3%83%AD%E3%82%B7%E3%82%A2", // ロシア
        "/#/?q=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9", // ベネズエラ
        "/#/?from=2025-10-01&to=2025-10-31",
    ] {
        session.open(path).await;
        session.client.refresh().await.expect("reload");
        session.wait_for("#results > li").await;
        let bins = session.rects(".timeline .bin-hit").await;
        assert!(!bins.is_empty(), "{path}: a timeline");
        let narrowest = bins.iter().map(|b| b.width).fold(f64::MAX, f64::min);
        assert!(
            narrowest >= MIN_TAP,
            "{path}: bars {narrowest:.1} px wide at 360 px"
        );
    }
    // A long axis scrolls inside the timeline, not the page.
    let page_fits = session
        .js(
            "const root = document.documentElement; return root.scrollWidth <= root.clientWidth",
            vec![],
        )
        .await;
    assert_eq!(page_fits, json!(true), "the page does not scroll sideways");
    session.finish().await;
}
