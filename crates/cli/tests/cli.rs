//! The binary end to end, on the default corpus and on a broken one.

use std::path::PathBuf;
use std::process::{Command, Stdio};

fn kiroku(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kiroku"))
        .args(args)
        .output()
        .expect("run the kiroku binary");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn default_corpus() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/corpus.txt");
    root.to_string_lossy().into_owned()
}

#[test]
fn check_accepts_the_default_corpus() {
    let (code, stdout, stderr) = kiroku(&["check", &default_corpus()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("corpus.txt: 8 articles, 48 entities, 0 error(s), 0 warning(s)\n"),
        "{stdout}"
    );
}

#[test]
fn check_reports_errors_with_file_and_line() {
    let path = std::env::temp_dir().join(format!("kiroku-cli-test-{}.txt", std::process::id()));
    std::fs::write(
        &path,
        "- 2025年13月40日 不可能\n- 2025年1月2日 甲\n2025年1月2日 甲\n本文\n",
    )
    .unwrap();
    let (code, stdout, stderr) = kiroku(&["check", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(code, 1);
    assert!(
        stderr.contains(".txt:1: error: impossible date 2025年13月40日: there is no month 13"),
        "{stderr}"
    );
    assert!(
        stdout.contains("1 articles, 2 error(s), 0 warning(s)"),
        "{stdout}"
    );
}

#[test]
fn search_prints_json() {
    let (code, stdout, stderr) = kiroku(&[
        "search",
        &default_corpus(),
        "マドゥーロ",
        "--from",
        "2025-01-01",
        "--entity",
        "ルビオ",
        "--sort",
        "newest",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["total"], 1);
    let hit = &value["hits"][0];
    assert_eq!(hit["date"], "2025-10-21");
    assert!(hit["id"].as_str().unwrap().starts_with("2025-10-21-"));
    assert!(hit["snippet"]["highlights"][0]["end"].as_u64().unwrap() > 0);
    // The timeline spans the request's window (from 2025-01-01), so the hit's bin is
    // the one month that has articles, not necessarily the first.
    let bins = value["timeline"]["bins"].as_array().unwrap();
    assert_eq!(bins[0]["start"], "2025-01-01");
    let filled: Vec<_> = bins
        .iter()
        .filter(|b| b["articles"].as_array().is_some_and(|a| !a.is_empty()))
        .collect();
    assert_eq!(filled.len(), 1);
    assert_eq!(filled[0]["start"], "2025-10-01");
    assert_eq!(filled[0]["articles"][0], hit["id"]);
    assert!(value["facets"]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["kind"] == "person"));
}

/// `kiroku search … | head`: the reader goes away before the output is written.
#[test]
fn a_closed_pipe_ends_the_search_quietly() {
    for format in [None, Some("--json")] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kiroku"))
            .args(["search", &default_corpus(), "ベネズエラ"])
            .args(format)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the read end before the child has parsed the corpus.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{format:?}: {stderr}");
    }
}

#[test]
fn bad_arguments_fail() {
    let (code, _, stderr) = kiroku(&["search", &default_corpus(), "x", "--from", "2025-13-01"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("impossible date"), "{stderr}");
    let (code, _, stderr) = kiroku(&["check", "/nonexistent/corpus.txt"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn check_notes_entities_that_match_nothing() {
    let dir = std::env::temp_dir().join(format!("kiroku-cli-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("corpus.txt"),
        "- 2025年1月2日 甲\n2025年1月2日 甲\nマドゥロ氏\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("entities.toml"),
        "[[entity]]\nname = \"マドゥロ\"\nkind = \"person\"\n[[entity]]\nname = \"マドロ\"\nkind = \"person\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = kiroku(&["check", dir.join("corpus.txt").to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "note: entity \"マドロ\" (person) matches no article\n"
    );
    assert!(
        stdout.ends_with("1 articles, 2 entities, 0 error(s), 0 warning(s)\n"),
        "{stdout}"
    );
}

#[test]
fn check_reports_invalid_utf8_with_file_and_line() {
    // The build (build.rs) reads the corpus through the same `parse_bytes`.
    let path = std::env::temp_dir().join(format!("kiroku-cli-utf8-{}.txt", std::process::id()));
    let mut bytes = "- 2025年1月2日 甲\n2025年1月2日 甲\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"bad \xff\xfe bytes\n");
    std::fs::write(&path, bytes).unwrap();
    let (code, _stdout, stderr) = kiroku(&["check", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(".txt:3: error: invalid UTF-8: the line is not valid UTF-8 text"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
