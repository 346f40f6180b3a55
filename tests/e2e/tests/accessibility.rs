//! Accessibility: axe-core (installed by `cargo xtask setup --browser`, never part of a
//! build) on the main view, a filtered view and the reader, in the light and dark
//! themes, at desktop and phone widths: no serious or critical violation. And the
//! keyboard path a person without a mouse takes: Tab to the search box, type, move to
//! a result, Enter opens the reader, Escape closes it and focus returns to the result;
//! the skip link moves focus to the main content.

use kiroku_e2e::{axe_script, keys, Session};

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

#[tokio::test(flavor = "multi_thread")]
async fn no_serious_violations_in_any_view_or_theme() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (360, 780)] {
        session.resize(width, height).await;
        for theme in ["light", "dark"] {
            set_theme(&session, theme).await;
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
                for violation in serious_violations(&session).await {
                    failures.push(format!("{view}, {theme}, {width} px: {violation}"));
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
        serde_json::json!("reader-title"),
        "focus moves to the article"
    );

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
