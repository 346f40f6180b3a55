//! Accessibility: axe-core (installed by `cargo xtask setup --browser`, never part of a
//! build) on the main view, a filtered view and the reader, in both UI languages, in
//! the light and dark themes, at desktop and phone widths: no serious or critical
//! violation. Japanese corpus text is marked `lang="ja"` in the English UI. And the
//! keyboard path a person without a mouse takes: Tab to the search box, type, move to
//! a result, Enter opens the reader with focus before its back / ‹ / › controls,
//! Escape closes it and focus returns to the result; the skip link moves focus to the
//! main content.

use kiroku_e2e::{axe_script, keys, Session};

/// Every UI language with every theme: axe runs in each.
const LOOKS: [(&str, &str); 4] = [
    ("ja", "light"),
    ("ja", "dark"),
    ("en", "light"),
    ("en", "dark"),
];

/// Runs axe on the page; returns the serious and critical violations, one line each
/// (rule, impact, help, the offending elements).
async fn serious_violations(session: &Session) -> Vec<String> {
    let injected = session
        .js("return typeof window.axe === 'object'", vec![])
        .await;
    if injected != serde_json::json!(true) {
        let path = axe_script();
        let source = std::fs::read_to_string(&path).unwrap_or_else(|err| {
            panic!(
                "{}: {err} (run `cargo xtask setup --browser`, or set KIROKU_AXE)",
                path.display()
            )
        });
        session.js(&source, vec![]).await;
    }
    let found = session
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then((r) => done(r.violations.map((v) =>
                 `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)))
               .catch((e) => done([`axe failed: ${e}`]));",
            vec![],
        )
        .await
        .expect("run axe");
    let all: Vec<String> = serde_json::from_value(found).expect("a list of violations");
    if !all.is_empty() {
        eprintln!("axe found:\n  {}", all.join("\n  "));
    }
    all.into_iter()
        .filter(|v| {
            v.contains("(serious)") || v.contains("(critical)") || v.starts_with("axe failed")
        })
        .collect()
}

async fn set_theme(session: &Session, theme: &str) {
    session
        .js(
            "localStorage.setItem('kiroku.theme', JSON.stringify(arguments[0]))",
            vec![theme.into()],
        )
        .await;
}

/// The UI language for the next page load (`ja` or `en`).
async fn set_lang(session: &Session, lang: &str) {
    session
        .js(
            "localStorage.setItem('kiroku.lang', JSON.stringify(arguments[0]))",
            vec![lang.into()],
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_serious_violations_in_any_view_or_theme() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (360, 780)] {
        session.resize(width, height).await;
        for (lang, theme) in LOOKS {
            set_theme(&session, theme).await;
            set_lang(&session, lang).await;
            for (view, path, ready) in [
                ("main", "/", "#results > li"),
                (
                    "filtered",
                    // ベネズエラ, in 2025, newest first
                    "/#/?q=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9&y=2025&sort=new",
                    ".active-filters .chip",
                ),
                ("reader", "", "#reader-title"),
            ] {
                if view == "reader" {
                    session.click("#results a.result-link").await;
                } else {
                    session.open(path).await;
                    session.client.refresh().await.expect("reload");
                }
                session.wait_for(ready).await;
                let html_theme = session
                    .js("return document.documentElement.dataset.theme", vec![])
                    .await;
                assert_eq!(html_theme, serde_json::json!(theme));
                let html_lang = session
                    .js("return document.documentElement.lang", vec![])
                    .await;
                assert_eq!(html_lang, serde_json::json!(lang));
                for violation in serious_violations(&session).await {
                    failures.push(format!("{view}, {lang}, {theme}, {width} px: {violation}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "serious or critical accessibility violations:\n{}",
        failures.join("\n")
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn everything_a_reader_needs_works_from_the_keyboard() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;

    // Tab from the top of the page reaches the search box.
    let mut reached = false;
    for _ in 0..10 {
        session.press(keys::TAB).await;
        let id = session.js("return document.activeElement.id", vec![]).await;
        if id == serde_json::json!("search") {
            reached = true;
            break;
        }
    }
    assert!(reached, "the search box is among the first ten Tab stops");

    session.press("ベネズエラ").await;
    session
        .eventually("results for the typed query", || async {
            session.current_path().await.contains("q=")
        })
        .await;
    // Down moves to the first result, Enter opens it.
    session.press(keys::DOWN).await;
    let focused = session
        .js(
            "const a = document.activeElement;
             return a.matches('#results a.result-link') ? a.dataset.id : null",
            vec![],
        )
        .await;
    let id = focused
        .as_str()
        .expect("a result link has focus")
        .to_string();
    session.press(keys::ENTER).await;
    session.wait_for("#reader-title").await;
    assert!(session.current_path().await.contains(&format!("a={id}")));
    let focused = session.js("return document.activeElement.id", vec![]).await;
    assert_eq!(
        focused,
        serde_json::json!("reader"),
        "focus moves to the article"
    );
    // Its controls come first: Tab reaches back, then ‹ and › (not only Shift+Tab).
    session.press(keys::TAB).await;
    let back = session
        .js(
            "return document.activeElement.matches('.reader-nav .back')",
            vec![],
        )
        .await;
    assert_eq!(
        back,
        serde_json::json!(true),
        "Tab from the article reaches Back"
    );
    session.press(keys::TAB).await;
    let step = session
        .js(
            "return document.activeElement.matches('.reader-nav .reader-step')",
            vec![],
        )
        .await;
    assert_eq!(step, serde_json::json!(true), "then ‹ / ›");

    // Escape closes the reader; focus returns to the article's result.
    session.press(keys::ESCAPE).await;
    session
        .eventually("focus back on the result", || async {
            session
                .js(
                    "const a = document.activeElement;
                     return !document.querySelector('#reader') && a.matches('#results a.result-link')
                       ? a.dataset.id : null",
                    vec![],
                )
                .await
                == serde_json::json!(id)
        })
        .await;

    // On a fresh page the first Tab stop is the skip link; it moves focus to the
    // main content and leaves the URL (the view) alone.
    session.open("/").await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#results > li").await;
    session.press(keys::TAB).await;
    let skip = session
        .js("return document.activeElement.className", vec![])
        .await;
    assert_eq!(skip, serde_json::json!("skip-link"));
    session.press(keys::ENTER).await;
    let focused = session.js("return document.activeElement.id", vec![]).await;
    assert_eq!(focused, serde_json::json!("main"));
    assert_eq!(session.current_path().await, "/");
    session.finish().await;
}

/// The language a screen reader would use for each element matching `css`: its
/// nearest `lang`. `japanese_only`: only elements whose text has kana or kanji (an
/// entity named in Latin letters, "USDT", rightly inherits the UI's language).
async fn langs_of(session: &Session, css: &str, japanese_only: bool) -> Vec<String> {
    let found = session
        .js(
            "return [...document.querySelectorAll(arguments[0])]
               .filter((e) => !arguments[1] || /[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(e.textContent))
               .map((e) => e.closest('[lang]').getAttribute('lang'))",
            vec![css.into(), japanese_only.into()],
        )
        .await;
    serde_json::from_value(found).expect("a list of languages")
}

async fn langs(session: &Session, css: &str) -> Vec<String> {
    langs_of(session, css, false).await
}

async fn japanese_langs(session: &Session, css: &str) -> Vec<String> {
    langs_of(session, css, true).await
}

#[tokio::test(flavor = "multi_thread")]
async fn japanese_text_is_marked_japanese_in_the_english_ui() {
    let session = Session::start().await;
    session.open("/").await;
    set_lang(&session, "en").await;
    session.client.refresh().await.expect("reload");
    session.wait_for("#results > li").await;
    let all = |langs: Vec<String>, lang: &str| !langs.is_empty() && langs.iter().all(|l| l == lang);
    for css in [".result-title", ".snippet"] {
        let found = japanese_langs(&session, css).await;
        assert!(all(found.clone(), "ja"), "{css}: {found:?}");
    }
    // The interface itself stays English, entity names included: the gazetteer
    // has English names for the default corpus.
    for css in [
        ".toolbar-heading",
        ".timeline-head h2",
        ".result-meta time",
        "#results .chip",
        ".facet-label",
    ] {
        let found = langs(&session, css).await;
        assert!(all(found.clone(), "en"), "{css}: {found:?}");
    }
    session.click("#results a.result-link").await;
    session.wait_for("#reader-title").await;
    for css in ["#reader-title", ".reader-body p"] {
        let found = japanese_langs(&session, css).await;
        assert!(all(found.clone(), "ja"), "{css}: {found:?}");
    }
    let found = langs(&session, ".reader-nav .back").await;
    assert!(all(found.clone(), "en"), "the reader's controls: {found:?}");
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_serious_violations_in_the_analysis_views() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    // ベネズエラ, compared with ロシア over time; the reader at a match; the query
    // help open.
    let venezuela = "q=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9";
    let russia = "%E3%83%AD%E3%82%B7%E3%82%A2";
    let views = [
        (
            "trends",
            format!("/#/?{venezuela}&c=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9&c={russia}&v=trends"),
            ".trends-table",
        ),
        ("concordance", format!("/#/?{venezuela}&v=kwic"), ".kwic-line"),
        ("chronology", format!("/#/?{venezuela}&v=chronology"), ".chronology-entry"),
        ("co-occurrence", format!("/#/?{venezuela}&v=cooccurrence"), ".cooccurrence table"),
    ];
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (360, 780)] {
        session.resize(width, height).await;
        for (lang, theme) in LOOKS {
            set_theme(&session, theme).await;
            set_lang(&session, lang).await;
            for (view, path, ready) in &views {
                session.open(path).await;
                session.client.refresh().await.expect("reload");
                session.wait_for(ready).await;
                if *view == "trends" {
                    // The chart with its readout showing.
                    session
                        .js("document.querySelector('.trends-plot').focus()", vec![])
                        .await;
                }
                for violation in serious_violations(&session).await {
                    failures.push(format!("{view}, {lang}, {theme}, {width} px: {violation}"));
                }
            }
            // The reader at a match, with its citation shown; the query help.
            session.open(&views[1].1).await;
            session.wait_for(".kwic-line").await;
            session.click(".kwic-line").await;
            session.wait_for("#reader mark.current").await;
            session.click(".citation-copy").await;
            session.wait_for("#citation").await;
            session.click(".help-toggle").await;
            session.wait_for("#query-help").await;
            for violation in serious_violations(&session).await {
                failures.push(format!(
                    "reader at a match, {lang}, {theme}, {width} px: {violation}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "serious or critical accessibility violations:\n{}",
        failures.join("\n")
    );
    session.finish().await;
}
