//! What a person does with the explorer, in real Chromium: search and see the count,
//! pick a facet, brush the timeline, open an article, share the URL (open it in a
//! new browser session and get the same view), go Back and Forward.

use kiroku_e2e::{keys, Session};

/// Waits until `css` has exactly `n` matches.
async fn wait_count(session: &Session, css: &str, n: usize) {
    session
        .eventually(&format!("{n} × {css}"), || async {
            session.texts(css).await.len() == n
        })
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_facet_timeline_reader_share_and_history() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    assert_eq!(session.count().await, 8);

    // Type a query: the count and the list follow.
    session.type_into("#search", "ロシア").await;
    session
        .eventually("the count follows the query", || async {
            let n = session.count().await;
            n > 0 && n < 8 && session.texts("#results > li").await.len() == n
        })
        .await;
    let with_query = session.count().await;
    assert!(
        !session.texts("#results mark").await.is_empty(),
        "matches are marked"
    );
    assert!(session.current_path().await.contains("q=%E3%83%AD"));

    // Pick the first place facet: the list narrows or stays, a chip appears.
    session.click(".facet-group .facet").await;
    session.wait_for(".active-filters .chip").await;
    let facet_name = session.text(".active-filters .chip").await;
    assert!(session.current_path().await.contains("e="));
    let with_facet = session.count().await;
    assert!(with_facet <= with_query && with_facet > 0);

    // Clear that, then brush the timeline over its right half.
    session.click(".active-filters .chip").await;
    wait_count(&session, ".active-filters .chip", 0).await;
    session.drag(".timeline-plot", 0.5, 0.98).await;
    session
        .eventually("the brush sets a date range", || async {
            let path = session.current_path().await;
            path.contains("from=") && path.contains("&to=")
        })
        .await;
    wait_count(&session, ".active-filters .chip", 1).await;
    let brushed = session.count().await;
    assert!(
        brushed > 0 && brushed <= with_query,
        "{brushed} of {with_query}"
    );

    // Open the first result in the reader.
    let first_title = session.text("#results > li h2").await;
    session.click("#results a.result-link").await;
    session.wait_for("#reader").await;
    assert_eq!(session.text("#reader-title").await, first_title);
    assert!(!session.texts(".reader-body p").await.is_empty());
    let shared = session.current_path().await;
    assert!(shared.contains("a="), "{shared}");

    // Back closes the reader and keeps the list; Forward reopens it.
    session.client.back().await.expect("back");
    session.wait_for("#results > li").await;
    assert!(session.texts("#reader").await.is_empty());
    session.client.forward().await.expect("forward");
    session.wait_for("#reader").await;
    assert_eq!(session.text("#reader-title").await, first_title);

    // Esc returns to the list.
    session.type_into("body", keys::ESCAPE).await;
    session.wait_for("#results > li").await;

    session.finish().await;

    // The copied URL, in a fresh browser, reproduces the view.
    let other = Session::start().await;
    other.open(&shared).await;
    other.wait_for("#reader").await;
    assert_eq!(other.text("#reader-title").await, first_title);
    other.click(".reader-nav .back").await;
    other.wait_for("#results > li").await;
    assert_eq!(
        other.texts(".active-filters .chip").await.len(),
        1,
        "the date range came along"
    );
    let search_value = other
        .client
        .find(fantoccini::Locator::Css("#search"))
        .await
        .expect("search box")
        .prop("value")
        .await
        .expect("value");
    assert_eq!(search_value.as_deref(), Some("ロシア"));
    assert!(!facet_name.is_empty());
    other.finish().await;
}

/// `window.scrollY`, rounded.
async fn scroll_y(session: &Session) -> i64 {
    let y = session
        .client
        .execute("return Math.round(window.scrollY)", vec![])
        .await
        .expect("scrollY");
    y.as_i64().unwrap_or(-1)
}

#[tokio::test(flavor = "multi_thread")]
async fn back_to_the_list_keeps_the_scroll_position_and_focus() {
    let session = Session::start().await;
    session.resize(1280, 700).await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    session
        .client
        .execute(
            "document.querySelectorAll('#results > li')[5].scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");
    let list_y = scroll_y(&session).await;
    assert!(list_y > 200, "the list is scrolled: {list_y}");

    session
        .click("#results > li:nth-child(6) a.result-link")
        .await;
    session.wait_for("#reader").await;
    session
        .eventually("the reader starts at the top", || async {
            scroll_y(&session).await == 0
        })
        .await;

    for back in ["the Back button", "Escape"] {
        match back {
            "Escape" => {
                session
                    .click("#results > li:nth-child(6) a.result-link")
                    .await;
                session.wait_for("#reader").await;
                session.type_into("body", keys::ESCAPE).await;
            }
            _ => session.client.back().await.expect("back"),
        }
        session.wait_for("#results > li").await;
        session
            .eventually(&format!("{back} returns to the same place"), || async {
                (scroll_y(&session).await - list_y).abs() <= 2
            })
            .await;
        let focused = session
            .client
            .execute(
                "return document.activeElement === \
                 document.querySelector('#results > li:nth-child(6) a.result-link')",
                vec![],
            )
            .await
            .expect("active element");
        assert_eq!(
            focused,
            serde_json::json!(true),
            "{back}: focus is back on the link"
        );
    }
    session.finish().await;
}

/// The `aria-pressed` of every entity chip in the results named `name`.
async fn chips_pressed(session: &Session, name: &str) -> Vec<String> {
    let pressed = session
        .client
        .execute(
            "return [...document.querySelectorAll('#results .chip')]
               .filter((chip) => chip.textContent === arguments[0])
               .map((chip) => chip.getAttribute('aria-pressed'))",
            vec![serde_json::json!(name)],
        )
        .await
        .expect("chips");
    serde_json::from_value(pressed).expect("strings")
}

/// The facets, the timeline and the hits' entity chips skip re-rendering while their
/// data is unchanged (`app.rs`, `entity_chips.rs`): they must still follow it when it
/// changes.
#[tokio::test(flavor = "multi_thread")]
async fn facets_timeline_and_chips_follow_the_view() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    let bars = || async {
        session
            .client
            .execute(
                "return [...document.querySelectorAll('.timeline .bar-articles')]
                   .map((bar) => bar.getAttribute('height')).join()",
                vec![],
            )
            .await
            .expect("bars")
    };
    let all_counts = session.texts(".facet-count").await;
    let all_bars = bars().await;

    session.type_into("#search", "ロシア").await;
    session
        .eventually(
            "facet counts and timeline bars follow the query",
            || async {
                session.texts(".facet-count").await != all_counts && bars().await != all_bars
            },
        )
        .await;

    // The first hit's first chip selects its entity: that hit stays first, and its
    // chips (and every other chip of that entity) show as pressed, then as not.
    let name = session.text("#results > li:first-child .chip").await;
    session.click("#results > li:first-child .chip").await;
    session.wait_for(".active-filters .chip").await;
    session
        .eventually("the selected entity's chips are pressed", || async {
            let pressed = chips_pressed(&session, &name).await;
            !pressed.is_empty() && pressed.iter().all(|p| p == "true")
        })
        .await;
    session.click(".active-filters .chip").await;
    wait_count(&session, ".active-filters .chip", 0).await;
    session
        .eventually("the dropped entity's chips are not pressed", || async {
            let pressed = chips_pressed(&session, &name).await;
            !pressed.is_empty() && pressed.iter().all(|p| p == "false")
        })
        .await;
    session.finish().await;
}

/// The result list and the facets handle clicks once for all their links and
/// buttons (by `data-id`, `data-entity`, `data-year`): a year value filters, and a
/// link clicked with a modifier is left to the browser (new tab), not opened in place.
#[tokio::test(flavor = "multi_thread")]
async fn delegated_clicks_reach_the_right_value() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    let year: String = session
        .client
        .execute(
            "return document.querySelector('.facet[data-year]').getAttribute('data-year')",
            vec![],
        )
        .await
        .expect("a year value")
        .as_str()
        .expect("data-year")
        .to_owned();
    session.click(".facet[data-year]").await;
    session.wait_for(".active-filters .chip").await;
    session
        .eventually("every listed article is from the picked year", || async {
            let dates = session.texts("#results time").await;
            session.current_path().await.contains(&format!("y={year}"))
                && !dates.is_empty()
                && dates.iter().all(|d| d.contains(&year))
        })
        .await;

    // A Ctrl+click on a title: the app leaves the event alone (the browser would
    // open the link's href in a new tab; the test stops that itself).
    let left_alone = session
        .client
        .execute(
            "let prevented = null;
             window.addEventListener('click', (e) => { prevented = e.defaultPrevented; e.preventDefault(); }, { once: true });
             document.querySelector('#results a.result-link').dispatchEvent(
               new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
             return prevented === false;",
            vec![],
        )
        .await
        .expect("ctrl+click");
    assert_eq!(
        left_alone,
        serde_json::json!(true),
        "a modified click is not taken over"
    );
    assert!(
        session.texts("#reader").await.is_empty(),
        "no reader opened in place"
    );
    // A plain click opens the article in place.
    session.click("#results a.result-link").await;
    session.wait_for("#reader").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broken_url_still_gives_the_explorer() {
    let session = Session::start().await;
    session
        .open("/#/?q=%E3%81&y=x&from=2025-99-99&e=nobody&sort=up")
        .await;
    session.wait_for("#results > li").await;
    assert_eq!(session.texts("#results > li").await.len(), 8);
    session.finish().await;
}

/// A link to an article this corpus does not have says so (it used to show the
/// list as if nothing had been asked), and the way back to the list is there.
#[tokio::test(flavor = "multi_thread")]
async fn a_link_to_an_unknown_article_says_it_is_not_in_this_corpus() {
    let session = Session::start().await;
    for (lang, message) in [
        ("ja", "この記事は収録されていません。"),
        ("en", "This article is not in the corpus."),
    ] {
        session.open("/#/?a=does-not-exist").await;
        session.set_ui_lang(lang).await;
        session.wait_for("#reader .not-found").await;
        assert_eq!(session.text("#reader .not-found").await, message);
        session.click("#reader .back").await;
        session.wait_for("#results > li").await;
        assert_eq!(session.texts("#results > li").await.len(), 8);
        assert!(!session.current_path().await.contains("a="));
    }
    session.finish().await;
}

/// The search box's value.
async fn search_value(session: &Session) -> String {
    let value = session
        .js("return document.querySelector('#search').value", vec![])
        .await;
    value.as_str().unwrap_or_default().to_string()
}

/// Typing keeps the view the person arrived on: the first change of a typing burst
/// is a new history entry, the later keystrokes replace it, so Back returns to the
/// shared link's view (or the bare page), not out of the app.
#[tokio::test(flavor = "multi_thread")]
async fn typing_keeps_the_view_one_arrived_on_in_history() {
    let session = Session::start().await;
    let shared = "/#/?q=%E7%B1%B3%E5%9B%BD"; // 米国
    session.open(shared).await;
    session.wait_for("#results > li").await;
    let shared_count = session.count().await;
    // Two keystrokes a pause apart (each one searched and written to the URL).
    session.type_into("#search", " 制").await;
    session
        .eventually("the first keystroke is in the URL", || async {
            session.current_path().await.ends_with("%20%E5%88%B6")
        })
        .await;
    session.type_into("#search", "裁").await;
    session
        .eventually("the second keystroke is in the URL", || async {
            session
                .current_path()
                .await
                .ends_with("%20%E5%88%B6%E8%A3%81")
        })
        .await;
    session.client.back().await.expect("back");
    session
        .eventually("Back returns to the shared view", || async {
            session.current_path().await == shared
                && search_value(&session).await == "米国"
                && session.count().await == shared_count
        })
        .await;

    // From the bare page: Back returns to it, with everything listed.
    session.open("/").await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#results > li").await;
    session.type_into("#search", "制裁").await;
    session
        .eventually("the query is in the URL", || async {
            session
                .current_path()
                .await
                .contains("q=%E5%88%B6%E8%A3%81")
        })
        .await;
    session.client.back().await.expect("back");
    session
        .eventually("Back returns to the bare page", || async {
            !session.current_path().await.contains("q=")
                && session.current_path().await.starts_with('/')
                && search_value(&session).await.is_empty()
                && session.count().await == 8
        })
        .await;
    session.finish().await;
}

/// With no query the list is newest first ("latest articles"): the sort menu says
/// so, and offers relevance only once there is a query to rank by.
#[tokio::test(flavor = "multi_thread")]
async fn the_sort_menu_says_what_order_the_list_is_in() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    let menu = || async {
        let found = session
            .js(
                "const s = document.querySelector('.sort select');
                 return [s.selectedOptions[0].value, [...s.options].map((o) => o.value).join()]",
                vec![],
            )
            .await;
        serde_json::from_value::<(String, String)>(found).expect("the menu")
    };
    assert_eq!(menu().await, ("new".into(), "new,old".into()), "no query");
    session.type_into("#search", "ロシア").await;
    session
        .eventually("a query ranks by relevance", || async {
            menu().await == ("rel".into(), "rel,new,old".into())
        })
        .await;
    session.finish().await;
}

/// A minus excludes the term after it; minus signs with no term after them are
/// text. So `-`, `---` and `--制裁` all search for their characters, and none of
/// them returns every article (`---` and `--制裁` used to).
#[tokio::test(flavor = "multi_thread")]
async fn minus_signs_follow_one_rule() {
    let session = Session::start().await;
    let mut counts = Vec::new();
    for query in [
        "-",
        "---",
        "--%E5%88%B6%E8%A3%81",
        "%E5%88%B6%E8%A3%81",
        "-%E5%88%B6%E8%A3%81",
    ] {
        session.open(&format!("/#/?q={query}")).await;
        session.client.refresh().await.expect("reload");
        session.wait_for("#count").await;
        session
            .eventually("a count", || async { session.count().await != usize::MAX })
            .await;
        counts.push(session.count().await);
    }
    let [minus, three, minus_sanctions, sanctions, without_sanctions] = counts[..] else {
        unreachable!()
    };
    assert!(minus < 8, "`-` is text: {minus}");
    assert!(three <= minus, "`---` is text, rarer than `-`: {three}");
    assert!(
        minus_sanctions <= sanctions,
        "`--制裁` is text: {minus_sanctions}"
    );
    assert_eq!(without_sanctions, 8 - sanctions, "`-制裁` excludes 制裁");
    session.finish().await;
}
