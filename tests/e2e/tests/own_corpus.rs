//! Bringing your own corpus: a JSON Lines corpus built with `cargo xtask dist --corpus`,
//! and a broken corpus that must fail the build with its diagnostic.

use std::{path::Path, process::Command};

use kiroku_e2e::Session;

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_build_with_its_own_corpus_shows_that_corpus() {
    let dist = std::env::var_os("KIROKU_DIST_OWN")
        .map(Into::into)
        .unwrap_or_else(|| workspace().join("target/dist-own"));
    let session = Session::serving(dist).await;
    session.open("/").await;
    session.wait_for("#results li").await;
    assert_eq!(
        session.texts("#results li h2").await,
        [
            "Andes rail line reopens",
            "ガラパゴスで新種のイグアナ",
            "Harbour cranes return to Valparaíso"
        ],
        "the three fixture articles, newest first"
    );
    assert_eq!(
        session.client.title().await.expect("title"),
        "Test Wire digest"
    );
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
