//! A hostile corpus (`tests/fixtures/hostile-corpus.jsonl` plus a 1 MB line and 100k
//! blank lines, built by `cargo xtask test` into `target/dist-hostile` under a hostile
//! page title): every string shows as literal text in the list, the reader and the
//! views of the results (concordance, trends, chronology, co-occurrence), no
//! dialog opens, no element from the corpus's markup reaches the DOM, bidi controls
//! stay inside their element, and the console stays clean. A title written as a
//! spreadsheet formula is exported to CSV as text (an apostrophe first).
//!
//! The markup test runs on the hosted build, the big-input test on its single file
//! from `file://`: both copies, each under its own CSP.

use fantoccini::Locator;
use kiroku_e2e::{csv_records, hostile_dist_dir, Session};

/// A browser on the hostile build, hosted (`page` is `/`) or its single file
/// (`/kiroku.html`, from `file://`); [`search`] opens views of that page.
async fn open_hostile_build(page: &'static str) -> Session {
    let dir = hostile_dist_dir();
    let session = if page == "/" {
        Session::serving(dir).await
    } else {
        let mut session = Session::browser_only().await;
        let dir = dir
            .canonicalize()
            .expect("the hostile build (cargo xtask test makes target/dist-hostile)");
        session.base_url = format!("file://{}", dir.display());
        session
    };
    session.open(page).await;
    session.wait_for("#results > li").await;
    session
}

/// Titles exactly as in the fixture.
const TITLES: [&str; 7] = include!("../../fixtures/hostile_titles.rs");

/// What must not exist if corpus markup had become HTML: elements it names, event
/// handler attributes, `javascript:` links, scripts that are not the page's own.
const INJECTED: &str = "#app img, #app iframe, #app b, #app script, [onerror], [onload], \
     [onmouseover], a[href^='javascript:' i], iframe[src^='javascript:' i], \
     script[src*='evil.example']";

async fn assert_nothing_injected(session: &Session, when: &str) {
    assert_eq!(session.dialog().await, None, "{when}: a dialog opened");
    let injected = session
        .js(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.outerHTML)",
            vec![INJECTED.into()],
        )
        .await;
    assert_eq!(injected, serde_json::json!([]), "{when}: injected elements");
    let title = session.client.title().await.expect("title");
    // The page title (escaped into <head> by xtask), after the open article's title.
    assert!(
        title.ends_with("Hostile <script>alert(\"title\")</script>"),
        "{when}: {title}"
    );
    // The page stays as wide as the window: no line (1 MB, bidi, zero-width) pushes
    // it sideways.
    let overflow = session
        .js(
            "const root = document.documentElement;
             return Math.max(0, root.scrollWidth - root.clientWidth)",
            vec![],
        )
        .await;
    assert_eq!(
        overflow,
        serde_json::json!(0),
        "{when}: horizontal overflow"
    );
}

/// Opens the view of `query` (through the URL, as a shared link would) and waits for
/// its single result.
async fn search(session: &Session, query: &str) {
    let encoded: String = query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    let page = if session.base_url.starts_with("file:") {
        "/kiroku.html"
    } else {
        "/"
    };
    session.open(&format!("{page}#/?q={encoded}")).await;
    session
        .eventually(&format!("the one result for {query:?}"), || async {
            session.texts("#reader").await.is_empty()
                && session.text_contents("#search").await.len() == 1
                && session
                    .js("return document.querySelector('#search').value", vec![])
                    .await
                    == serde_json::json!(query)
                && session.texts("#results > li").await.len() == 1
        })
        .await;
}

/// Opens the only result in the reader and returns the reader's title and body text.
async fn read_only_result(session: &Session) -> (String, Vec<String>) {
    session.click("#results a.result-link").await;
    session.wait_for("#reader-title").await;
    let title = session.text_contents("#reader-title").await.remove(0);
    let body = session
        .text_contents(".reader-body p, .reader-body li, .reader-body h2")
        .await;
    (title, body)
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_text_shows_as_text_and_runs_nothing() {
    let session = open_hostile_build("/").await;
    assert_nothing_injected(&session, "start").await;
    let listed = session.text_contents("#results > li h2").await;
    for title in TITLES {
        assert!(listed.iter().any(|t| t == title), "{title:?} in {listed:?}");
    }

    // Markup in a body, found by searching for it and read in the reader.
    search(&session, "onerror").await;
    let (title, body) = read_only_result(&session).await;
    assert_eq!(title, TITLES[1]);
    assert_eq!(
        body,
        [
            "<img src=x onerror=\"alert(2)\"><svg onload=alert(3)></svg>",
            "<iframe src=\"javascript:alert(6)\"></iframe>",
            "<b onmouseover=alert(7)>bold</b>",
        ]
    );
    assert_nothing_injected(&session, "the <img> article").await;

    search(&session, "document.title").await;
    let (title, body) = read_only_result(&session).await;
    assert_eq!(title, TITLES[0]);
    assert!(body[0].contains("<script>alert('body');document.title='pwned'</script>"));
    assert_nothing_injected(&session, "the <script> article").await;

    // A javascript: source URL is not a link; an https one opens safely.
    search(&session, "リンク").await;
    read_only_result(&session).await;
    assert!(session.texts("#reader a.source").await.is_empty());
    assert_eq!(
        session.text_contents("#reader .source").await,
        ["<b>Evil</b> Wire"]
    );
    search(&session, "escaped").await;
    let (title, _) = read_only_result(&session).await;
    assert_eq!(title, TITLES[5], "entities are not decoded");
    let link = session
        .client
        .find(Locator::Css("#reader a.source"))
        .await
        .expect("the source link");
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some("https://example.org/news/1")
    );
    assert_eq!(
        link.attr("target").await.unwrap().as_deref(),
        Some("_blank")
    );
    assert_eq!(
        link.attr("rel").await.unwrap().as_deref(),
        Some("noopener noreferrer")
    );
    // Every link that opens a new tab, anywhere on the page, gives it no opener.
    let unsafe_links = session
        .js(
            "return [...document.querySelectorAll('a[target=_blank]')]
               .filter(a => !/\\bnoopener\\b/.test(a.rel) || !/\\bnoreferrer\\b/.test(a.rel))
               .map(a => a.outerHTML)",
            vec![],
        )
        .await;
    assert_eq!(unsafe_links, serde_json::json!([]));

    // Bidi overrides stay inside their own element: the reader's date, before the
    // title in the DOM, is still laid out above it and starts at the same left edge.
    search(&session, "逆順").await;
    let (title, _) = read_only_result(&session).await;
    assert_eq!(title, TITLES[3]);
    let boxes = session
        .js(
            "const t = document.querySelector('#reader-title').getBoundingClientRect();
             const d = document.querySelector('#reader .result-meta').getBoundingClientRect();
             const r = document.querySelector('#reader').getBoundingClientRect();
             return d.bottom <= t.top && t.left >= r.left && t.right <= r.right + 1;",
            vec![],
        )
        .await;
    assert_eq!(
        boxes,
        serde_json::json!(true),
        "bidi title stays in its box"
    );
    assert_nothing_injected(&session, "the bidi article").await;

    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_one_megabyte_line_and_a_hundred_thousand_blank_lines() {
    let session = open_hostile_build("/kiroku.html").await;

    search(&session, "末尾マーカー").await;
    assert!(session
        .text("#results .snippet")
        .await
        .contains("末尾マーカー"));
    let (title, body) = read_only_result(&session).await;
    assert_eq!(title, "長い一行");
    assert_eq!(body.len(), 1);
    assert!(body[0].len() > 1_000_000 && body[0].ends_with("末尾マーカー"));
    assert_nothing_injected(&session, "the 1 MB line").await;

    search(&session, "空行だらけ").await;
    let (_, body) = read_only_result(&session).await;
    assert_eq!(body, ["上", "下"], "blank lines make no paragraphs");

    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_views_of_a_hostile_corpus_show_its_text_as_text() {
    let session = open_hostile_build("/").await;
    // `alert` stands in titles, bodies and markup: every view of it.
    for (view, ready) in [
        ("kwic", ".kwic-line"),
        ("trends", ".trends-table"),
        ("chronology", ".chronology"),
        ("cooccurrence", ".cooccurrence"),
    ] {
        session.open(&format!("/#/?q=alert&v={view}")).await;
        session.wait_for(ready).await;
        assert_nothing_injected(&session, view).await;
    }
    // The concordance's contexts hold the markup as text, cut around the match.
    session.open("/#/?q=onerror&v=kwic").await;
    session
        .eventually("the onerror lines", || async {
            session
                .texts(".kwic-match")
                .await
                .iter()
                .any(|m| m == "onerror")
        })
        .await;
    let lines = session.text_contents(".kwic-text").await;
    assert!(
        lines
            .iter()
            .any(|l| l.contains("<img src=x onerror=\"alert(2)\">")),
        "{lines:?}"
    );
    // A line opens the reader at its match.
    session.click("a.kwic-line").await;
    session.wait_for("#reader mark.current").await;
    assert_nothing_injected(&session, "the reader at a match").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_formula_in_the_corpus_exports_to_csv_as_text() {
    let session = open_hostile_build("/").await;
    search(&session, "数式").await;
    session
        .click(".export-button[data-export=results-csv]")
        .await;
    let csv =
        String::from_utf8(session.downloaded("kiroku-results-数式.csv").await).expect("UTF-8");
    let records = csv_records(&csv);
    assert_eq!(records.len(), 2, "{records:?}");
    let (title, source, snippet) = (&records[1][1], &records[1][2], &records[1][5]);
    // Title and source start as formulas in the corpus (= and -): each comes out
    // after an apostrophe, the rest exactly as written; the snippet (after its
    // ellipsis) is untouched.
    assert_eq!(title, &format!("'{}", TITLES[6]));
    assert_eq!(source, "'-Hostile Sheet");
    // JSON Lines keeps the text exactly.
    session
        .click(".export-button[data-export=results-jsonl]")
        .await;
    let jsonl =
        String::from_utf8(session.downloaded("kiroku-results-数式.jsonl").await).expect("UTF-8");
    let record: serde_json::Value = serde_json::from_str(jsonl.trim_end()).expect("one object");
    assert_eq!(record["title"], serde_json::json!(TITLES[6]));
    assert_eq!(record["source"], serde_json::json!("-Hostile Sheet"));
    assert_eq!(record["snippet"], serde_json::json!(snippet));
    assert_nothing_injected(&session, "the formula's exports").await;
    session.finish().await;
}
