//! Hostile corpora: markup, bidi and zero-width characters, a 1 MB line, 100k blank
//! lines, invalid UTF-8. The core must keep every character as written (the app
//! renders it as text), report bad bytes on their line, and never panic.
//!
//! The big inputs are generated here, not committed.

use kiroku_core::{parse, Gazetteer, Index, SearchRequest, Severity};

const HOSTILE: &str = include_str!("../../../tests/fixtures/hostile-corpus.jsonl");

fn index(src: &str) -> Index<'_> {
    let parsed = parse::parse(src);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    Index::build(parsed.corpus, &Gazetteer::default())
}

fn errors(parsed: &parse::Parsed) -> Vec<String> {
    parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.display("corpus").to_string())
        .collect()
}

#[test]
fn markup_and_invisible_characters_are_kept_verbatim() {
    let parsed = parse::parse(HOSTILE);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let titles: Vec<&str> = parsed
        .corpus
        .articles
        .iter()
        .map(|a| a.title.as_ref())
        .collect();
    let expected: [&str; 7] = include!("../../../tests/fixtures/hostile_titles.rs");
    for title in expected {
        assert!(titles.contains(&title), "{title:?} not in {titles:?}");
    }
    let evil = &parsed.corpus.articles[2];
    assert_eq!(evil.url.as_deref(), Some("javascript:alert(9)"));
    assert_eq!(evil.source.as_deref(), Some("<b>Evil</b> Wire"));
}

#[test]
fn markup_is_searchable_as_text() {
    let index = index(HOSTILE);
    let results = index.search(&SearchRequest {
        query: "onerror".into(),
        ..SearchRequest::default()
    });
    assert_eq!(results.total, 1, "the <img> article (title and body)");
    let hit = &results.hits[0];
    assert_eq!(hit.title, "<img src=x onerror=alert(1)> 画像");
    // Highlights are byte spans on char boundaries of the original text.
    assert_eq!(hit.title_highlights.len(), 1);
    for span in &hit.title_highlights {
        assert_eq!(&hit.title[span.range()], "onerror");
    }
}

#[test]
fn a_one_megabyte_line_parses_indexes_and_is_found() {
    let long_line = format!("{}末尾マーカー", "lorem ipsum 長文 ".repeat(60_000));
    assert!(long_line.len() > 1_000_000);
    for src in [
        format!("- 2025年1月2日 長い行\n2025年1月2日 長い行\n{long_line}\n"),
        format!("{{\"date\":\"2025-01-02\",\"title\":\"長い行\",\"body\":\"{long_line}\"}}\n"),
    ] {
        let index = index(&src);
        let results = index.search(&SearchRequest {
            query: "末尾マーカー".into(),
            ..SearchRequest::default()
        });
        assert_eq!(results.total, 1);
        let snippet = &results.hits[0].snippet;
        assert!(snippet.text.len() < 2_000, "a snippet, not the whole line");
        assert!(snippet.text.contains("末尾マーカー"));
    }
}

#[test]
fn a_hundred_thousand_blank_lines_keep_line_numbers_right() {
    let blanks = "\n".repeat(100_000);
    // Digest: the blank lines are inside a body, and the next header still counts.
    let digest = format!(
        "- 2025年1月2日 前\n- 2025年1月3日 後\n2025年1月2日 前\n上{blanks}下\n2025年1月3日 後\n本文\n"
    );
    let parsed = parse::parse(&digest);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let [first, second] = &parsed.corpus.articles[..] else {
        panic!("two articles: {:?}", parsed.corpus.articles.len());
    };
    assert_eq!(first.blocks().len(), 2, "blank lines are no blocks");
    assert_eq!(second.line, 100_005);

    // JSON Lines: blank lines between records are skipped, errors keep their line.
    let jsonl = format!(
        "{{\"date\":\"2025-01-02\",\"title\":\"前\",\"body\":\"a\"}}{blanks}\n{{\"date\":\"2025-13-40\",\"title\":\"後\",\"body\":\"b\"}}\n"
    );
    let parsed = parse::parse(&jsonl);
    assert_eq!(parsed.corpus.articles.len(), 1);
    let errors = errors(&parsed);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("corpus:100002: error: "),
        "{errors:?}"
    );
}

#[test]
fn invalid_utf8_is_an_error_on_its_line_never_a_panic() {
    let mut digest = "- 2025年1月2日 見出し\n2025年1月2日 見出し\n"
        .as_bytes()
        .to_vec();
    digest.extend_from_slice(b"\xc3\x28 broken \xff\xfe\n");
    let mut jsonl =
        b"{\"date\":\"2025-01-02\",\"title\":\"ok\",\"body\":\"a\"}\n\n{\"date\":\"2025-01-03\",\"title\":\"\xe3\x81\",\"body\":\"b\"}\n"
            .to_vec();
    // A truncated multi-byte character at the very end of a 1 MB line.
    let mut long = "- 2025年1月2日 長\n2025年1月2日 長\n".as_bytes().to_vec();
    long.extend(std::iter::repeat_n(b'a', 1_000_000));
    long.extend_from_slice(b"\xe6\x97");
    for (bytes, line) in [(&mut digest, 3), (&mut jsonl, 3), (&mut long, 3)] {
        let parsed = parse::parse_bytes(bytes);
        assert!(parsed.has_errors());
        let errors = errors(&parsed);
        assert!(
            errors.contains(&format!(
                "corpus:{line}: error: invalid UTF-8: the line is not valid UTF-8 text (bad bytes shown as \u{FFFD})"
            )),
            "{errors:?}"
        );
    }
}
