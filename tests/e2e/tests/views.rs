//! The views of the current results (articles, trends, concordance, chronology,
//! co-occurrence), the query help, the reader's matches and citation, and the
//! exports, in Chromium: each view's content, its URL round trip (a deep link
//! opens it), the switcher by keyboard, at 360 px, in both UI languages, in both
//! embeds, and each export's file as downloaded.

use kiroku_e2e::{csv_records, host_page, keys, Session};
use serde_json::{json, Value};

/// `#/?q=ベネズエラ`, percent-encoded as the app writes it.
const VENEZUELA: &str = "q=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9";

/// The view links' texts and which one is current.
async fn switcher(session: &Session) -> (Vec<String>, Value) {
    let names = session.texts(".view-switcher a").await;
    let current = session
        .js(
            "const a = document.querySelector('.view-switcher a[aria-current=page]');
             return a ? a.dataset.view : null",
            vec![],
        )
        .await;
    (names, current)
}

/// Whether the page is wider than the viewport (something overflows sideways).
async fn overflows(session: &Session) -> bool {
    session
        .js(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        == json!(true)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_switcher_names_the_views_and_goes_by_keyboard_and_back() {
    let session = Session::start().await;
    session.open(&format!("/#/?{VENEZUELA}")).await;
    session.set_ui_lang("ja").await;
    session.wait_for("#results > li").await;
    let (names, current) = switcher(&session).await;
    assert_eq!(names, ["記事", "推移", "用例", "年表", "共起"]);
    assert_eq!(current, json!("articles"));

    // Focus the current view's link, Tab to the next one, Enter.
    session
        .js(
            "document.querySelector('.view-switcher a[aria-current=page]').focus()",
            vec![],
        )
        .await;
    session.press(keys::TAB).await;
    session.press(keys::ENTER).await;
    session
        .eventually("the trends view", || async {
            switcher(&session).await.1 == json!("trends")
        })
        .await;
    assert!(session.current_path().await.contains("v=trends"));
    assert!(
        session.current_path().await.contains(VENEZUELA),
        "the query stays"
    );
    // Switching views is a history step: Back returns to the list.
    session.client.back().await.expect("back");
    session
        .eventually("back on the articles", || async {
            switcher(&session).await.1 == json!("articles")
        })
        .await;
    session.wait_for("#results > li").await;

    // A deep link opens each view; an unknown view is the list.
    for (key, ready) in [
        ("trends", ".trends"),
        ("kwic", ".concordance"),
        ("chronology", ".chronology"),
        ("cooccurrence", ".cooccurrence"),
        ("pie", "#results > li"),
    ] {
        session.open(&format!("/#/?{VENEZUELA}&v={key}")).await;
        session.client.refresh().await.expect("reload");
        session.wait_for(ready).await;
        let expect = if key == "pie" { "articles" } else { key };
        assert_eq!(switcher(&session).await.1, json!(expect), "v={key}");
    }

    session.set_ui_lang("en").await;
    session.wait_for(".view-switcher a").await;
    let (names, _) = switcher(&session).await;
    assert_eq!(
        names,
        [
            "Articles",
            "Trends",
            "Concordance",
            "Chronology",
            "Co-occurrence"
        ]
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_fits_a_phone_in_both_languages() {
    let session = Session::start().await;
    session.resize(360, 780).await;
    for lang in ["ja", "en"] {
        session.open("/").await;
        session.set_ui_lang(lang).await;
        for (key, ready) in [
            ("articles", "#results > li"),
            ("trends", ".trends-table"),
            ("kwic", ".kwic-line"),
            ("chronology", ".chronology-entry"),
            ("cooccurrence", ".cooc-matrix"),
        ] {
            session.open(&format!("/#/?{VENEZUELA}&v={key}")).await;
            session.client.refresh().await.expect("reload");
            session.wait_for(".view-switcher").await;
            session.wait_for(ready).await;
            assert!(
                !overflows(&session).await,
                "{key}, {lang}: nothing overflows at 360 px"
            );
            let (width, _) = session.viewport().await;
            for link in session.rects(".view-switcher a").await {
                assert!(
                    link.left >= 0.0 && link.right <= width + 0.5,
                    "{key}, {lang}: a view link is off screen: {link:?}"
                );
                assert!(link.height >= 24.0, "a finger's target: {link:?}");
            }
        }
    }
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_views_switch_inside_both_embeds_and_leave_the_host_alone() {
    let mut session = Session::start().await;
    session.open_host_page(host_page(&session.base_url)).await;
    // The script embed: its links switch the view in memory.
    session
        .js(
            "document.getElementById('archive').shadowRoot
               .querySelector('.view-switcher a[data-view=kwic]').click()",
            vec![],
        )
        .await;
    session
        .eventually("the mounted explorer shows the concordance", || async {
            session
                .js(
                    "return !!document.getElementById('archive').shadowRoot
                       .querySelector('.concordance .kwic-line')",
                    vec![],
                )
                .await
                == json!(true)
        })
        .await;
    assert_eq!(
        session.js("return location.hash", vec![]).await,
        json!(""),
        "the host's URL is untouched"
    );
    // The iframe embed: its own URL carries the view.
    session.enter_frame("iframe.frame").await;
    session.wait_for(".view-switcher").await;
    session
        .click(".view-switcher a[data-view=chronology]")
        .await;
    session.wait_for(".chronology").await;
    let hash = session.js("return location.hash", vec![]).await;
    assert!(
        hash.as_str()
            .is_some_and(|h| h.contains("v=chronology") && h.contains("embed=1")),
        "{hash}"
    );
    session.leave_frame().await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_query_help_opens_beside_the_search_box_and_runs_its_examples() {
    let session = Session::start().await;
    for (lang, heading) in [("ja", "検索のヒント"), ("en", "Search help")] {
        session.open("/").await;
        session.set_ui_lang(lang).await;
        session.wait_for("#results > li").await;
        let toggle = ".help-toggle";
        assert_eq!(
            session
                .js(
                    "return document.querySelector(arguments[0]).getAttribute('aria-expanded')",
                    vec![toggle.into()]
                )
                .await,
            json!("false")
        );
        session.click(toggle).await;
        session.wait_for("#query-help").await;
        assert_eq!(session.text("#query-help h2").await, heading);
        let examples = session.texts("#query-help .help-example").await;
        assert_eq!(
            examples,
            [
                "ベネズエラ 制裁",
                "ロシア OR 中国",
                "\"ベネズエラ国営石油\"",
                "ベネズエラ -石油",
                "まどぅーろ"
            ]
        );
        // Escape closes it and gives the focus back to its button.
        session.press(keys::ESCAPE).await;
        session
            .eventually("the help closes", || async {
                session.rects("#query-help").await.is_empty()
            })
            .await;
        let focused = session
            .js(
                "return document.activeElement.classList.contains('help-toggle')",
                vec![],
            )
            .await;
        assert_eq!(focused, json!(true));
        // An example is a search: click it, and the box and the URL say so.
        session.press(keys::ENTER).await;
        session.wait_for("#query-help").await;
        session
            .click("#query-help li:nth-child(5) .help-example")
            .await;
        session
            .eventually("the example is searched", || async {
                session.current_path().await.contains("q=")
                    && session
                        .js("return document.getElementById('search').value", vec![])
                        .await
                        == json!("まどぅーろ")
            })
            .await;
        assert!(session.rects("#query-help").await.is_empty(), "closed");
        // Kana folding: まどぅーろ finds the マドゥロ articles, marked.
        session.wait_for("#results mark").await;
        let marked = session.texts("#results mark").await;
        assert!(
            marked.iter().any(|m| m == "マドゥロ"),
            "folded matches are marked: {marked:?}"
        );
    }
    session.finish().await;
}

/// The reader's "n / of" of matches.
async fn match_position(session: &Session) -> String {
    session.text(".match-position").await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reader_steps_through_the_matches_of_its_article() {
    let session = Session::start().await;
    session.open(&format!("/#/?{VENEZUELA}")).await;
    session.wait_for("#results > li").await;
    session.click("#results a.result-link").await;
    session.wait_for("#reader-title").await;
    let n_marks = session
        .js(
            "return document.querySelectorAll('#reader mark[data-match]').length",
            vec![],
        )
        .await
        .as_u64()
        .expect("a count");
    assert!(
        n_marks > 3,
        "the best match mentions ベネズエラ often: {n_marks}"
    );
    assert_eq!(match_position(&session).await, format!("– / {n_marks}"));
    let entries = session.js("return history.length", vec![]).await;

    session.click(".match-next").await;
    session
        .eventually("the first match", || async {
            match_position(&session).await == format!("1 / {n_marks}")
        })
        .await;
    session.click(".match-next").await;
    session
        .eventually("the second match", || async {
            match_position(&session).await == format!("2 / {n_marks}")
        })
        .await;
    let current = session
        .js(
            "const m = document.querySelectorAll('#reader mark.current');
             return [m.length, m[0].dataset.match, m[0].textContent]",
            vec![],
        )
        .await;
    assert_eq!(
        current,
        json!([1, "2", "ベネズエラ"]),
        "one emphasized match"
    );
    assert!(session.current_path().await.contains("m=2"));
    assert_eq!(
        session.js("return history.length", vec![]).await,
        entries,
        "stepping through matches adds no history entries"
    );
    // ‹ from the first goes round to the last.
    session.click(".match-previous").await;
    session.click(".match-previous").await;
    session
        .eventually("round to the last match", || async {
            match_position(&session).await == format!("{n_marks} / {n_marks}")
        })
        .await;

    // A deep link to a match opens the article there: emphasized and on screen.
    let path = session
        .current_path()
        .await
        .replace(&format!("m={n_marks}"), "m=3");
    session.resize(1280, 600).await;
    session.open(&path).await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#reader mark.current").await;
    session
        .eventually("the third match on screen", || async {
            let mark = session.rect("#reader mark.current").await;
            let (_, height) = session.viewport().await;
            mark.top >= 0.0 && mark.bottom <= height
        })
        .await;
    assert_eq!(match_position(&session).await, format!("3 / {n_marks}"));
    let styles = session
        .js(
            "const [current, other] = [document.querySelector('mark.current'),
                                        document.querySelector('mark:not(.current)')];
             return [getComputedStyle(current).backgroundColor, getComputedStyle(other).backgroundColor,
                     getComputedStyle(current).outlineStyle]",
            vec![],
        )
        .await;
    assert_ne!(
        styles[0], styles[1],
        "the current match looks different: {styles}"
    );
    assert_eq!(styles[2], json!("solid"), "not by colour alone: {styles}");
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_citation_gives_title_date_source_and_the_link() {
    let session = Session::start().await;
    for (lang, label, date) in [
        ("ja", "引用をコピー", "2013年3月7日"),
        ("en", "Copy citation", "7 Mar 2013"),
    ] {
        session.open("/").await;
        session.set_ui_lang(lang).await;
        session.open(&format!("/#/?{VENEZUELA}&sort=old")).await;
        session.wait_for("#results > li").await;
        session.click("#results a.result-link").await;
        session.wait_for("#reader-title").await;
        assert_eq!(session.text(".citation-copy").await, label);
        session.click(".citation-copy").await;
        session.wait_for("#citation").await;
        let citation = session
            .js("return document.getElementById('citation').value", vec![])
            .await;
        let citation = citation.as_str().expect("text").to_string();
        let title = session.text("#reader-title").await;
        let path = session.current_path().await;
        assert!(citation.contains(&title), "{citation}");
        assert!(citation.contains(date), "{citation}");
        assert!(
            citation.ends_with(&format!("{}{}", session.base_url, path)),
            "the link to this view: {citation} / {path}"
        );
        let selected = session
            .js("return document.activeElement.id + ':' + (document.activeElement.selectionEnd > 0)", vec![])
            .await;
        assert_eq!(
            selected,
            json!("citation:true"),
            "selected for copying by hand"
        );
    }
    session.finish().await;
}

/// The number at the start of the count (`12件`, `12 results`).
async fn count(session: &Session) -> usize {
    let text = session.text("#count").await;
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(usize::MAX)
}

/// The digits of `text` before its first non-digit after a digit (`記事 4件` → 4).
fn first_number(text: &str) -> usize {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(usize::MAX)
}

#[tokio::test(flavor = "multi_thread")]
async fn trends_compare_queries_over_sparse_years_and_lead_to_the_articles() {
    let session = Session::start().await;
    session.open(&format!("/#/?{VENEZUELA}")).await;
    session.set_ui_lang("ja").await;
    session.wait_for("#results > li").await;
    let n_venezuela = count(&session).await;
    session.click(".view-switcher a[data-view=trends]").await;
    session.wait_for(".trends-plot").await;

    // One series, the query, with every matching article.
    let legend = session.texts(".series-list .series").await;
    assert_eq!(legend.len(), 1, "{legend:?}");
    assert!(legend[0].starts_with("ベネズエラ"), "{legend:?}");
    assert_eq!(first_number(&legend[0]), n_venezuela, "{legend:?}");
    // 2013, then nothing until 2023: the empty years are one break.
    assert_eq!(
        session.texts(".trends-axis .axis-label").await,
        ["2013", "⋯", "2023", "2024", "2025"]
    );
    let rows = session.texts(".trends-table tbody th").await;
    assert_eq!(rows, ["2013年", "2023年", "2024年", "2025年"]);

    // Compare with ロシア: both in the URL, two lines, a column each.
    session.type_into("#series-input", "ロシア").await;
    session.click(".series-add button[type=submit]").await;
    session
        .eventually("two series", || async {
            session.texts(".series-list .series").await.len() == 2
        })
        .await;
    let path = session.current_path().await;
    assert!(
        path.contains(
            "c=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9&c=%E3%83%AD%E3%82%B7%E3%82%A2"
        ),
        "{path}"
    );
    assert_eq!(
        session
            .rects(".trends-plot g.series-2 .trend-point")
            .await
            .len(),
        4
    );
    let headers = session.texts(".trends-table thead th").await;
    assert_eq!(headers[1..], ["ベネズエラ", "ロシア", "すべての記事"]);

    // The colours differ between series and follow the theme.
    let strokes = |theme: &'static str| {
        let session = &session;
        async move {
            session
                .js(
                    "document.documentElement.dataset.theme = arguments[0];
                     return [1, 2].map((n) => getComputedStyle(
                       document.querySelector(`.trends-plot g.series-${n} .trend-line`)).stroke)",
                    vec![theme.into()],
                )
                .await
        }
    };
    let light = strokes("light").await;
    let dark = strokes("dark").await;
    assert_ne!(light[0], light[1], "{light}");
    assert_ne!(dark[0], dark[1], "{dark}");
    assert_ne!(light[0], dark[0], "lighter lines on the dark theme");

    // The share measure: in the URL, percentages in the table.
    session.click(".measure[aria-pressed=false]").await;
    session
        .eventually("the share measure", || async {
            session.current_path().await.contains("tm=share")
        })
        .await;
    let cells = session.texts(".trends-table tbody td").await;
    assert!(cells.iter().any(|c| c.contains('%')), "{cells:?}");

    // Focus gives exact numbers: the last period first, ← the one before.
    session
        .js("document.querySelector('.trends-plot').focus()", vec![])
        .await;
    session
        .eventually("the readout of 2025", || async {
            session.text(".trends-readout").await.starts_with("2025年")
        })
        .await;
    session.press(keys::LEFT).await;
    session
        .eventually("the readout of 2024", || async {
            let readout = session.text(".trends-readout").await;
            readout.starts_with("2024年") && readout.contains("ベネズエラ: 記事")
        })
        .await;

    // A point leads to that query's articles in that period: as many as it said.
    let cell = session
        .text(".trends-table tbody tr:last-child td:nth-child(2) button")
        .await;
    session
        .click(".trends-table tbody tr:last-child td:nth-child(2) button")
        .await;
    session.wait_for("#results > li").await;
    let path = session.current_path().await;
    assert!(path.contains("from=2025-01-01&to=2025-12-31"), "{path}");
    assert!(path.contains(VENEZUELA), "{path}");
    assert!(!path.contains("v=trends"), "the list: {path}");
    assert_eq!(count(&session).await, first_number(&cell), "{cell}");

    // Back to the chart; remove ロシア.
    session.client.back().await.expect("back");
    session.wait_for(".trends-plot").await;
    session.click(".series-2 .series-remove").await;
    session
        .eventually("one series again", || async {
            session.texts(".series-list .series").await.len() == 1
        })
        .await;
    assert!(!session
        .current_path()
        .await
        .contains("%E3%83%AD%E3%82%B7%E3%82%A2"));

    // Keyboard: Enter on the focused point opens its articles.
    session
        .js("document.querySelector('.trends-plot').focus()", vec![])
        .await;
    session.press(keys::ENTER).await;
    session.wait_for("#results > li").await;
    assert!(session.current_path().await.contains("from=2025-01-01"));
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_concordance_aligns_sorts_pages_and_opens_the_reader_at_a_line() {
    let session = Session::start().await;
    session.open(&format!("/#/?{VENEZUELA}&v=kwic")).await;
    session.wait_for(".kwic-line").await;
    let total = first_number(&session.text(".kwic-total").await);
    assert_eq!(
        session.texts(".kwic-match").await.len(),
        total.min(25),
        "a page"
    );
    assert!(total > 25, "{total}");
    session.click(".concordance .show-more").await;
    session
        .eventually("the rest of the lines", || async {
            session.texts(".kwic-match").await.len() == total.min(50)
        })
        .await;
    let matches = session.texts(".kwic-match").await;
    assert_eq!(matches.len(), total, "every occurrence, one line each");
    assert!(matches.iter().all(|m| m == "ベネズエラ"), "{matches:?}");
    // Aligned on the match, at both widths.
    for width in [1280, 360] {
        session.resize(width, 800).await;
        let lefts: Vec<f64> = session
            .rects(".kwic-match")
            .await
            .iter()
            .map(|r| r.left)
            .collect();
        let (min, max) = lefts
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        assert!(max - min < 40.0, "{width} px: matches aligned: {lefts:?}");
        assert!(!overflows(&session).await, "{width} px: nothing overflows");
    }
    session.resize(1280, 900).await;

    // Sorted by the right context: in the URL, and in order.
    session
        .js(
            "const s = document.querySelector('.concordance select');
             s.value = 'right'; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await;
    session
        .eventually("sorted by the right context", || async {
            session.current_path().await.contains("ks=right")
        })
        .await;
    let sorted = session
        .js(
            "const r = [...document.querySelectorAll('.kwic-right')].map((e) => e.textContent.replace(/…$/, ''));
             return r.every((x, i) => i === 0 || r[i - 1] <= x)",
            vec![],
        )
        .await;
    assert_eq!(sorted, json!(true));

    // A line opens the reader at its occurrence, emphasized; Back returns.
    let (id, occurrence) = {
        let line = session
            .js(
                "const a = document.querySelectorAll('a.kwic-line')[2];
                 return [a.dataset.id, a.dataset.occurrence]",
                vec![],
            )
            .await;
        (
            line[0].as_str().expect("an id").to_string(),
            line[1].as_str().expect("a number").to_string(),
        )
    };
    session
        .js(
            "document.querySelectorAll('a.kwic-line')[2].click()",
            vec![],
        )
        .await;
    session.wait_for("#reader mark.current").await;
    let path = session.current_path().await;
    assert!(
        path.contains(&format!("a={id}&m={occurrence}")),
        "{path}: {id} {occurrence}"
    );
    let current = session
        .js(
            "return document.querySelector('#reader mark.current').dataset.match",
            vec![],
        )
        .await;
    assert_eq!(current, json!(occurrence));
    assert_eq!(
        session.text(".match-position").await.split(" / ").next(),
        Some(occurrence.as_str())
    );
    session.client.back().await.expect("back");
    session.wait_for(".kwic-line").await;

    // A common character: more than a page, 25 lines at a time.
    session.open("/#/?q=%E3%81%AE&v=kwic").await; // の
    session
        .eventually("a page of の", || async {
            session.rects(".kwic-line").await.len() == 25
        })
        .await;
    let total = first_number(&session.text(".kwic-total").await);
    assert!(total > 50, "{total}");
    assert_eq!(session.text(".kwic-match").await, "の");
    session.click(".concordance .show-more").await;
    session
        .eventually("the next 25", || async {
            session.rects(".kwic-line").await.len() == 50
        })
        .await;

    // No query, no occurrences: it says what to do.
    session.open("/#/?v=kwic").await;
    session.wait_for(".concordance .view-empty").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chronology_lists_mentioned_dates_by_year_with_their_articles() {
    let session = Session::start().await;
    session.open("/").await;
    session.set_ui_lang("ja").await;
    session.open(&format!("/#/?{VENEZUELA}&v=chronology")).await;
    session.wait_for(".chronology-entry").await;
    let total = first_number(&session.text(".chronology-total").await);
    let dates: Vec<String> = serde_json::from_value(
        session
            .js(
                "return [...document.querySelectorAll('.chronology-date')].map((t) => t.getAttribute('datetime'))",
                vec![],
            )
            .await,
    )
    .expect("dates");
    assert_eq!(
        dates.len(),
        total.min(25),
        "every mention, a page at a time"
    );
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "in the order of the dates mentioned");
    // Grouped by year: a heading per year, each entry under its year.
    let grouped = session
        .js(
            "return [...document.querySelectorAll('.chronology-year')].every((s) => {
               const year = s.querySelector('h3').textContent.slice(0, 4);
               return [...s.querySelectorAll('.chronology-date')].every((t) => t.getAttribute('datetime').startsWith(year));
             })",
            vec![],
        )
        .await;
    assert_eq!(grouped, json!(true));
    // The example: 2025年8月7日, from the article of 11 August.
    let entry = session
        .js(
            "const e = [...document.querySelectorAll('.chronology-entry')]
               .find((e) => e.querySelector('.chronology-date').getAttribute('datetime') === '2025-08-07');
             return e ? [e.querySelector('.chronology-date').textContent,
                         e.querySelector('.chronology-sentence').textContent,
                         e.querySelector('.chronology-article time').textContent] : null",
            vec![],
        )
        .await;
    assert_eq!(entry[0], json!("2025年8月7日"), "{entry}");
    assert!(
        entry[1]
            .as_str()
            .is_some_and(|s| s.contains("懸賞金") && s.contains("5,000万ドル")),
        "{entry}"
    );
    assert_eq!(entry[2], json!("2025年8月11日"), "{entry}");
    // Its link opens the article.
    session
        .js(
            "[...document.querySelectorAll('.chronology-entry')]
               .find((e) => e.querySelector('.chronology-date').getAttribute('datetime') === '2025-08-07')
               .querySelector('a').click()",
            vec![],
        )
        .await;
    session.wait_for("#reader-title").await;
    assert_eq!(session.text(".reader-head time").await, "2025年8月11日");
    session.client.back().await.expect("back");
    session.wait_for(".chronology-entry").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn co_occurrence_ranks_pairs_and_a_pair_leads_to_articles_with_both() {
    let session = Session::start().await;
    session.open("/").await;
    session.set_ui_lang("ja").await;
    session.open("/#/?v=cooccurrence").await;
    session.wait_for(".cooc-pairs tbody tr").await;
    // A real table: caption, column headers, ranked by count.
    assert_eq!(session.rects(".cooc-pairs caption").await.len(), 1);
    assert_eq!(
        session.texts(".cooc-pairs thead th[scope=col]").await.len(),
        3
    );
    let counts: Vec<usize> = session
        .texts(".cooc-pairs tbody .pair-count")
        .await
        .iter()
        .map(|c| first_number(c))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // The matrix of the top entities: symmetric.
    let symmetric = session
        .js(
            "const rows = [...document.querySelectorAll('.cooc-matrix tbody tr')]
               .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
             return rows.length > 1 && rows.every((r, i) => r.every((c, j) => c === rows[j][i]))",
            vec![],
        )
        .await;
    assert_eq!(symmetric, json!(true));

    // Each of the first pairs (places with places, places with topics, …) leads
    // to exactly its count of articles, under one chip naming both.
    for row in 1..=4 {
        session.open("/#/?v=cooccurrence").await;
        session.wait_for(".cooc-pairs tbody tr").await;
        let cells = session
            .texts(&format!(".cooc-pairs tbody tr:nth-child({row}) td"))
            .await;
        let (a, b, n) = (cells[0].clone(), cells[1].clone(), first_number(&cells[2]));
        session
            .click(&format!(
                ".cooc-pairs tbody tr:nth-child({row}) .pair-count"
            ))
            .await;
        session.wait_for("#results > li").await;
        session
            .eventually("the list of the pair", || async {
                count(&session).await == n
            })
            .await;
        let chips = session.texts(".active-filters .chip").await;
        assert!(
            chips.iter().any(|c| c.contains(&a) && c.contains(&b)),
            "{a} and {b} in the filter: {chips:?}"
        );
    }

    // Two people: the entity filter would OR them (マドゥロ or トランプ: 6
    // articles); the pair requires both, in both languages, and the URL keeps
    // the canonical names.
    for (lang, maduro, trump, chip) in [
        ("ja", "マドゥロ", "トランプ", "マドゥロとトランプの両方"),
        ("en", "Maduro", "Trump", "both Maduro and Trump"),
    ] {
        session.set_ui_lang(lang).await;
        session.open("/#/?v=cooccurrence").await;
        session.wait_for(".cooc-pairs tbody tr").await;
        let rows: Vec<Vec<String>> = session
            .js(
                "return [...document.querySelectorAll('.cooc-pairs tbody tr')]
                   .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))",
                vec![],
            )
            .await
            .as_array()
            .expect("rows")
            .iter()
            .map(|row| {
                row.as_array()
                    .expect("cells")
                    .iter()
                    .map(|c| c.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .collect();
        let row = rows
            .iter()
            .position(|r| r[0] == maduro && r[1] == trump)
            .unwrap_or_else(|| panic!("a {maduro} + {trump} row in {rows:?}"));
        let n = first_number(&rows[row][2]);
        assert_eq!(n, 3, "the default corpus has 3 articles with both");
        session
            .click(&format!(
                ".cooc-pairs tbody tr:nth-child({}) .pair-count",
                row + 1
            ))
            .await;
        session.wait_for("#results > li").await;
        session
            .eventually("the pair's articles", || async {
                count(&session).await == n
            })
            .await;
        let path = session.current_path().await;
        assert!(
            path.contains(
                "b=%E3%83%9E%E3%83%89%E3%82%A5%E3%83%AD&b=%E3%83%88%E3%83%A9%E3%83%B3%E3%83%97"
            ),
            "both canonical names in the URL: {path}"
        );
        assert!(!path.contains("e="), "no entity filter: {path}");
        // One chip, the pair's (its text, then the × that removes it).
        let chips = session.texts(".active-filters .chip").await;
        assert_eq!(chips.len(), 1, "{chips:?}");
        assert_eq!(chips[0].lines().next(), Some(chip), "{chips:?}");
        if lang == "ja" {
            session
                .screenshot(&std::env::temp_dir().join("kiroku-cooccurrence-pair-ja.png"))
                .await;
        }
        // Back: the co-occurrence view of all results again.
        session.client.back().await.expect("back");
        session.wait_for(".cooc-pairs tbody tr").await;
        assert!(session.texts(".active-filters .chip").await.is_empty());
        assert!(!session.current_path().await.contains("b="));
        // Removing the chip gives the list of all articles.
        session.client.forward().await.expect("forward");
        session.wait_for(".active-filters .chip").await;
        session.click(".active-filters .chip").await;
        session
            .eventually("every article", || async { count(&session).await == 8 })
            .await;
    }
    session.finish().await;
}

/// Clicks the export button `which` and returns the file it downloads, by name.
async fn export(session: &Session, which: &str, name: &str) -> String {
    session
        .click(&format!(".export-button[data-export={which}]"))
        .await;
    String::from_utf8(session.downloaded(name).await).expect("UTF-8")
}

#[tokio::test(flavor = "multi_thread")]
async fn each_view_exports_what_it_shows_as_a_file() {
    let session = Session::start().await;
    session.open("/").await;
    session.set_ui_lang("ja").await;
    session.open(&format!("/#/?{VENEZUELA}")).await;
    session.wait_for("#results > li").await;
    let n = count(&session).await;
    let titles = session.texts("#results .result-title").await;

    // The results, as CSV and as JSON Lines: every result, in the list's order.
    let csv = csv_records(&export(&session, "results-csv", "kiroku-results-ベネズエラ.csv").await);
    assert_eq!(
        csv[0],
        ["date", "title", "source", "url", "entities", "snippet", "id"]
    );
    assert_eq!(csv.len() - 1, n);
    let csv_titles: Vec<&str> = csv[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(csv_titles, titles);
    let jsonl = export(&session, "results-jsonl", "kiroku-results-ベネズエラ.jsonl").await;
    let records: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert_eq!(records.len(), n);
    assert_eq!(records[0]["title"], json!(titles[0]));
    assert!(records[0]["entities"].is_array());

    // The concordance: one record per occurrence, the match in its own column.
    session.click(".view-switcher a[data-view=kwic]").await;
    session.wait_for(".kwic-line").await;
    let total = first_number(&session.text(".kwic-total").await);
    let csv =
        csv_records(&export(&session, "concordance", "kiroku-concordance-ベネズエラ.csv").await);
    assert_eq!(csv[0][..5], ["date", "title", "left", "match", "right"]);
    assert_eq!(csv.len() - 1, total);
    assert!(csv[1..].iter().all(|r| r[3] == "ベネズエラ"));
    let lefts = session.text_contents(".kwic-left").await;
    assert_eq!(csv[1][2], lefts[0], "the left context as shown");

    // The chronology: every mention, in the view's order.
    session
        .click(".view-switcher a[data-view=chronology]")
        .await;
    session.wait_for(".chronology-entry").await;
    let total = first_number(&session.text(".chronology-total").await);
    let csv =
        csv_records(&export(&session, "chronology", "kiroku-chronology-ベネズエラ.csv").await);
    assert_eq!(csv[0][..3], ["date", "sentence", "published"]);
    assert_eq!(csv.len() - 1, total);
    assert!(csv
        .iter()
        .any(|r| r[0] == "2025-08-07" && r[2] == "2025-08-11"));

    // The trends table: a row per period, the query's count and share.
    session.click(".view-switcher a[data-view=trends]").await;
    session.wait_for(".trends-table").await;
    let csv = csv_records(&export(&session, "trends", "kiroku-trends-ベネズエラ.csv").await);
    assert_eq!(
        csv[0],
        ["start", "end", "articles", "ベネズエラ", "ベネズエラ share"]
    );
    let y2025 = csv
        .iter()
        .find(|r| r[0] == "2025-01-01")
        .expect("a 2025 row");
    let shown = session
        .text(".trends-table tbody tr:last-child td:nth-child(2)")
        .await;
    assert_eq!(y2025[3], first_number(&shown).to_string(), "{shown}");
    assert_eq!(
        session.downloaded_names(),
        [
            "kiroku-chronology-ベネズエラ.csv",
            "kiroku-concordance-ベネズエラ.csv",
            "kiroku-results-ベネズエラ.csv",
            "kiroku-results-ベネズエラ.jsonl",
            "kiroku-trends-ベネズエラ.csv",
        ],
        "nothing else was downloaded"
    );
    session.finish().await;
}

/// The results' entities, exported as the cards name them: in the English UI, in
/// English; in the Japanese UI, as the corpus writes them.
#[tokio::test(flavor = "multi_thread")]
async fn the_results_export_names_entities_as_the_ui_does() {
    for (lang, venezuela) in [("en", "Venezuela"), ("ja", "ベネズエラ")] {
        let session = Session::start().await;
        session.open("/").await;
        session.set_ui_lang(lang).await;
        session.open(&format!("/#/?{VENEZUELA}")).await;
        session.wait_for("#results > li").await;
        let chips = session.texts("#results > li:first-child .chip").await;
        assert!(chips.iter().any(|c| c == venezuela), "{lang}: {chips:?}");
        let csv =
            csv_records(&export(&session, "results-csv", "kiroku-results-ベネズエラ.csv").await);
        let entities: Vec<&str> = csv[1][4].split("; ").collect();
        for chip in &chips {
            assert!(
                entities.contains(&chip.as_str()),
                "{lang}: {chip} in {entities:?}"
            );
        }
        session.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn exports_work_offline_from_the_single_file() {
    let session = Session::browser_only().await;
    let file = kiroku_e2e::dist_dir().join("kiroku.html");
    let url = url::Url::from_file_path(&file).expect("a file URL");
    session
        .client
        .goto(&format!("{url}#/?{VENEZUELA}&v=kwic"))
        .await
        .expect("open the single file");
    session.wait_for(".kwic-line").await;
    let total = first_number(&session.text(".kwic-total").await);
    let csv =
        csv_records(&export(&session, "concordance", "kiroku-concordance-ベネズエラ.csv").await);
    assert_eq!(csv.len() - 1, total);
    session.finish().await;
}
