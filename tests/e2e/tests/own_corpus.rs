//! Bringing your own corpus: a JSON Lines corpus built with `cargo xtask dist --corpus`,
//! and a broken corpus that must fail the build with its diagnostic.

use std::{path::Path, process::Command};

use kiroku_e2e::{keys, Session};

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn own_dist() -> std::path::PathBuf {
    std::env::var_os("KIROKU_DIST_OWN")
        .map(Into::into)
        .unwrap_or_else(|| workspace().join("target/dist-own"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_build_with_its_own_corpus_shows_that_corpus() {
    let session = Session::serving(own_dist()).await;
    session.open("/").await;
    session.wait_for("#results li").await;
    assert_eq!(
        session.texts("#results li h2").await[..4],
        [
            "Andes rail line reopens",
            "ガラパゴスで新種のイグアナ",
            "Harbour cranes return to Valparaíso",
            "Wire bulletin 24",
        ],
        "the fixture's articles, newest first"
    );
    assert!(session.text("#count").await.starts_with("27"));
    assert_eq!(
        session.client.title().await.expect("title"),
        "Test Wire digest"
    );
    session.finish().await;
}

/// The reader's previous/next go through every result, not only the page of
/// hits loaded: the fixture has 24 "bulletin" articles, and a page is 20.
#[tokio::test(flavor = "multi_thread")]
async fn the_reader_steps_past_the_loaded_page_of_results() {
    let session = Session::serving(own_dist()).await;
    for (lang, position) in [
        (
            "en",
            (|n: usize| format!("{n} of 24")) as fn(usize) -> String,
        ),
        ("ja", |n: usize| format!("24件中 {n}件目")),
    ] {
        session.open("/#/?q=bulletin").await;
        session.set_ui_lang(lang).await;
        session.wait_for("#results li").await;
        assert_eq!(session.texts("#results li").await.len(), 20, "one page");
        // The ranking, all of it, from "show more".
        session.click(".show-more").await;
        session
            .eventually("the second page", || async {
                session.texts("#results li").await.len() == 24
            })
            .await;
        let ranked = session.texts("#results li h2").await;

        // A fresh load shows one page again; open its last hit.
        session.client.refresh().await.expect("reload");
        session.wait_for("#results li:nth-child(20)").await;
        assert_eq!(session.texts("#results li").await.len(), 20);
        session
            .click("#results li:nth-child(20) a.result-link")
            .await;
        session.wait_for("#reader-title").await;
        let shows = |n: usize| {
            let session = &session;
            let (title, at) = (ranked[n - 1].clone(), position(n));
            async move {
                session.text("#reader-title").await == title
                    && session.text(".reader-position").await == at
            }
        };
        session
            .eventually("hit 20 in the reader", || shows(20))
            .await;

        // → opens hit 21, which was not loaded in the list.
        session.keys(keys::RIGHT).await;
        session.eventually("→ opens hit 21", || shows(21)).await;
        // The next button opens hit 22; ← goes back to 21.
        session.click(".reader-step.next").await;
        session.eventually("next opens hit 22", || shows(22)).await;
        session.keys(keys::LEFT).await;
        session.eventually("← opens hit 21", || shows(21)).await;
    }
    session.finish().await;
}

#[test]
fn a_broken_corpus_fails_the_build_with_file_line_diagnostics() {
    // Its own target folder: the test runs inside `cargo test`, which holds the lock
    // of the main one.
    let output = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "-p", "kiroku"])
        .current_dir(workspace())
        .env("KIROKU_CORPUS", "tests/fixtures/broken-corpus.txt")
        .env(
            "CARGO_TARGET_DIR",
            workspace().join("target/broken-corpus-check"),
        )
        .output()
        .expect("run cargo check");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the build must fail:\n{stderr}");
    assert!(
        stderr.contains(
            "tests/fixtures/broken-corpus.txt:2: error: impossible date 2025年13月40日: there is no month 13"
        ),
        "the diagnostic names file and line:\n{stderr}"
    );
}
