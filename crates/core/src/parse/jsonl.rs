//! JSON Lines corpora: one `{"date","title","body"}` object per line, with optional
//! `tags`, `source` and `url`. Blank lines are skipped; every bad line gets an error
//! and the rest of the file is still read.
//!
//! ```
//! let parsed = kiroku_core::parse::parse_jsonl(r#"{"date":"2025-11-07","title":"見出し","body":"本文","tags":["a"]}"#);
//! assert!(parsed.diagnostics.is_empty());
//! assert_eq!(parsed.corpus.articles[0].tags, ["a"]);
//! ```

use std::borrow::Cow;

use serde::Deserialize;

use super::{finish, Article, Diagnostic, Parsed};
use crate::date::Date;

/// Title and body borrow from the line unless JSON escapes make that impossible.
#[derive(Deserialize)]
struct Record<'a> {
    date: String,
    #[serde(borrow)]
    title: Cow<'a, str>,
    #[serde(borrow)]
    body: Cow<'a, str>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Parses a JSON Lines corpus. Never panics; problems become diagnostics.
pub fn parse_jsonl(src: &str) -> Parsed<'_> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut articles = Vec::new();
    let mut diagnostics = Vec::new();
    for (idx, line) in src.split('\n').enumerate() {
        let n = idx + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    n,
                    format!("invalid JSON record: {}", plain(&err)),
                ));
                continue;
            }
        };
        let date = match record.date.parse::<Date>() {
            Ok(date) => date,
            Err(err) => {
                diagnostics.push(Diagnostic::error(n, format!("{err}; record skipped")));
                continue;
            }
        };
        let title = trimmed(record.title);
        if title.is_empty() {
            diagnostics.push(Diagnostic::error(
                n,
                "record has an empty title; record skipped",
            ));
            continue;
        }
        articles.push(Article {
            id: String::new(),
            date,
            title,
            body: trimmed(if record.body.contains("\r\n") {
                Cow::Owned(record.body.replace("\r\n", "\n"))
            } else {
                record.body
            }),
            line: n,
            tags: record.tags,
            source: record.source,
            url: record.url,
        });
    }
    finish(articles, diagnostics)
}

/// `text` without leading and trailing whitespace, still borrowed if it was.
fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_string()),
    }
}

/// serde_json's message without its "at line 1 column 9" tail: the line is ours.
fn plain(err: &serde_json::Error) -> String {
    let msg = err.to_string();
    match msg.rfind(" at line ") {
        Some(cut) => msg[..cut].to_string(),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(src: &str, expect: Expect) {
        let parsed = parse_jsonl(src);
        let mut out = String::new();
        for a in &parsed.corpus.articles {
            out += &format!(
                "{} {:?} {:?} {:?} {:?} {:?}\n",
                a.id, a.title, a.body, a.tags, a.source, a.url
            );
        }
        for d in &parsed.diagnostics {
            out += &format!("{}\n", d.display("f.jsonl"));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn records_and_errors() {
        check(
            concat!(
                r#"{"date":"2025-11-07","title":"甲","body":"本文\r\n二行目","source":"紙","url":"https://e.x/1"}"#,
                "\n",
                "\n",
                r#"{"date":"2025年13月40日","title":"乙","body":"x"}"#,
                "\n",
                r#"{"date":"2025-11-07","title":"丙"}"#,
                "\n",
                r#"{"date":"2025-11-07","title":"甲","body":""}"#,
                "\n",
                "not json\n",
            ),
            expect![[r#"
                2025-11-07-ae36ec "甲" "本文\n二行目" [] Some("紙") Some("https://e.x/1")
                2025-11-07-ae36ec-2 "甲" "" [] None None
                f.jsonl:3: error: impossible date: 2025年13月40日; record skipped
                f.jsonl:4: error: invalid JSON record: missing field `body`
                f.jsonl:5: warning: article has an empty body
                f.jsonl:5: warning: duplicate article: same date and title as the article on line 1
                f.jsonl:6: error: invalid JSON record: expected ident
            "#]],
        );
    }
}
