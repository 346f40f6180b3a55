//! Corpus parsing: text in, [`Corpus`] plus [`Diagnostic`]s out. Never panics.
//!
//! Two formats, auto-detected by [`parse`]: the "digest" format (a table of contents
//! then articles, see [`digest`]) and JSON Lines (see [`jsonl`]).
//!
//! ```
//! let parsed = kiroku_core::parse::parse("- 2025年1月2日 見出し\n2025年1月2日 見出し\n本文\n");
//! assert!(!parsed.has_errors());
//! assert_eq!(parsed.corpus.articles[0].title, "見出し");
//! assert_eq!(parsed.corpus.articles[0].id, "2025-01-02-b42d4f");
//! ```

pub mod digest;
pub mod jsonl;
pub mod packed;

use serde::Serialize;

pub use crate::date::Date;
use crate::Span;
pub use digest::parse_digest;
pub use jsonl::parse_jsonl;

/// Parses a corpus, choosing JSON Lines when the first non-blank line starts with
/// `{` and the digest format otherwise.
pub fn parse(src: &str) -> Parsed {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let first = src.lines().map(str::trim).find(|l| !l.is_empty());
    if first.is_some_and(|l| l.starts_with('{')) {
        parse_jsonl(src)
    } else {
        parse_digest(src)
    }
}

/// Like [`parse`], for bytes that may not be UTF-8: each line with invalid bytes gets
/// an error, and is parsed with U+FFFD in place of the bad bytes.
pub fn parse_bytes(bytes: &[u8]) -> Parsed {
    let mut bad_lines = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if std::str::from_utf8(line).is_err() {
            bad_lines.push(n + 1);
        }
    }
    let text = String::from_utf8_lossy(bytes);
    let mut parsed = parse(&text);
    for line in bad_lines {
        parsed.diagnostics.push(Diagnostic::error(
            line,
            "invalid UTF-8: the line is not valid UTF-8 text (bad bytes shown as \u{FFFD})",
        ));
    }
    sort_diagnostics(&mut parsed.diagnostics);
    parsed
}

/// One dated article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable, URL-safe id: `YYYY-MM-DD-xxxxxx`, from the date and a hash of the
    /// title, with `-2`, `-3`… for later articles with the same date and title. It
    /// does not change when an unrelated article is added or removed.
    pub id: String,
    pub date: Date,
    pub title: String,
    /// The body as written (lines joined by `\n`, trimmed); see [`Article::blocks`].
    pub body: String,
    /// 1-based line of the article's header (digest) or record (JSON Lines).
    pub line: usize,
    /// JSON Lines only: optional `tags`, `source` and `url` of the record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Article {
    /// The body as structure for the reader: paragraphs, bullets, headings.
    pub fn blocks(&self) -> Vec<Block<'_>> {
        blocks(&self.body)
    }
}

/// What kind of block a body line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    /// A line starting with `- `, `・`, `• ` or `* `; the marker is not in `text`.
    Bullet,
    /// A short line without sentence punctuation, followed by more text
    /// (`概要と背景`).
    Heading,
}

/// One block of an article body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Block<'a> {
    pub kind: BlockKind,
    pub text: &'a str,
    /// Where `text` lies in the body, so body spans (mentioned dates, entities)
    /// can be placed in blocks.
    pub span: Span,
}

/// Splits a body into blocks, one per non-blank line.
pub fn blocks(body: &str) -> Vec<Block<'_>> {
    // Byte offset of each line in `body`, trimmed.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for raw in body.split_inclusive('\n') {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            lines.push((offset + lead, trimmed));
        }
        offset += raw.len();
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, &(start, line)) in lines.iter().enumerate() {
        let bullet = ["- ", "・", "• ", "* "]
            .iter()
            .find_map(|marker| line.strip_prefix(marker))
            .map(str::trim_start);
        let (kind, text) = match bullet {
            Some(text) => (BlockKind::Bullet, text),
            None if i + 1 < lines.len() && looks_like_heading(line) => (BlockKind::Heading, line),
            None => (BlockKind::Paragraph, line),
        };
        let start = start + (line.len() - text.len());
        out.push(Block {
            kind,
            text,
            span: Span::new(start, start + text.len()),
        });
    }
    out
}

/// Headings in news digests are short noun phrases: no sentence punctuation.
fn looks_like_heading(line: &str) -> bool {
    line.chars().count() <= 24
        && !line.contains([
            '。', '、', '，', '．', '！', '？', '!', '?', ':', '：', '」', '）', ')',
        ])
        && !line.ends_with(['.', ','])
}

/// All articles of a corpus, in source order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

/// How bad a diagnostic is: errors fail the app build and `kiroku check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in the corpus, with the 1-based line it was found on.
///
/// Callers add the file name: `diagnostic.display("corpus.txt")` prints
/// `corpus.txt:12: error: impossible date …`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn error(line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            line,
            message: message.into(),
        }
    }

    pub(crate) fn warning(line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            line,
            message: message.into(),
        }
    }

    /// Formats as `FILE:LINE: error: reason`.
    pub fn display<'a>(&'a self, file: &'a str) -> impl std::fmt::Display + 'a {
        DisplayDiagnostic {
            diagnostic: self,
            file,
        }
    }
}

struct DisplayDiagnostic<'a> {
    diagnostic: &'a Diagnostic,
    file: &'a str,
}

impl std::fmt::Display for DisplayDiagnostic<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.diagnostic;
        write!(f, "{}:{}: {}: {}", self.file, d.line, d.severity, d.message)
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// The result of parsing: whatever could be kept, and what was wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Parsed {
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Shared tail of both parsers: ids, duplicate and empty-body checks.
pub(crate) fn finish(mut articles: Vec<Article>, mut diagnostics: Vec<Diagnostic>) -> Parsed {
    let mut first_line: std::collections::HashMap<(Date, &str), usize> = Default::default();
    let mut seen_ids: std::collections::HashMap<String, usize> = Default::default();
    let mut ids = Vec::with_capacity(articles.len());
    for article in &articles {
        if let Some(&line) = first_line.get(&(article.date, article.title.as_str())) {
            diagnostics.push(Diagnostic::warning(
                article.line,
                format!("duplicate article: same date and title as the article on line {line}"),
            ));
        } else {
            first_line.insert((article.date, &article.title), article.line);
        }
        if article.body.trim().is_empty() {
            diagnostics.push(Diagnostic::warning(
                article.line,
                "article has an empty body",
            ));
        }
        let base = format!(
            "{}-{:06x}",
            article.date,
            title_hash(&article.title) & 0xff_ffff
        );
        let n = seen_ids.entry(base.clone()).or_insert(0);
        *n += 1;
        ids.push(if *n == 1 { base } else { format!("{base}-{n}") });
    }
    for (article, id) in articles.iter_mut().zip(ids) {
        article.id = id;
    }
    sort_diagnostics(&mut diagnostics);
    Parsed {
        corpus: Corpus { articles },
        diagnostics,
    }
}

/// By line, then errors first, then by message: a total order, so the unstable sort
/// is deterministic. (Only unstable sorts are used in this crate: each distinct
/// stable sort instantiation costs several KB of wasm.)
fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_unstable_by(|a, b| {
        (a.line, a.severity, &a.message).cmp(&(b.line, b.severity, &b.message))
    });
}

/// FNV-1a: tiny and fixed forever, unlike std's `DefaultHasher`, whose output may
/// change between Rust releases (ids are in shared URLs, so they must not).
fn title_hash(title: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in title.trim().bytes() {
        hash ^= byte as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    #[test]
    fn blocks_keep_structure() {
        let body = "概要と背景\n- 第一点。\n・第二点\n本文です。\n\n短い行\n結論";
        let got: Vec<String> = blocks(body)
            .iter()
            .map(|b| {
                assert_eq!(&body[b.span.range()], b.text);
                format!("{:?} {}", b.kind, b.text)
            })
            .collect();
        expect![[r#"
            [
                "Heading 概要と背景",
                "Bullet 第一点。",
                "Bullet 第二点",
                "Paragraph 本文です。",
                "Heading 短い行",
                "Paragraph 結論",
            ]
        "#]]
        .assert_debug_eq(&got);
    }

    #[test]
    fn detects_the_format() {
        let jsonl = "\u{feff}\n{\"date\":\"2025-01-02\",\"title\":\"甲\",\"body\":\"本文\"}\n";
        let parsed = parse(jsonl);
        assert_eq!(
            (parsed.corpus.articles.len(), parsed.diagnostics.len()),
            (1, 0)
        );
        assert_eq!(parsed.corpus.articles[0].line, 2);
        let digest = parse("- 2025年1月2日 甲\n2025年1月2日 甲\n{本文}\n");
        assert_eq!(digest.corpus.articles[0].body, "{本文}");
    }

    #[test]
    fn diagnostics_display_with_file() {
        let d = Diagnostic::error(12, "impossible date");
        assert_eq!(
            d.display("corpus.txt").to_string(),
            "corpus.txt:12: error: impossible date"
        );
    }

    #[test]
    fn invalid_utf8_is_reported_on_its_line() {
        let mut bytes = "- 2025年1月2日 見出し\n2025年1月2日 見出し\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"bad \xff byte\n");
        let parsed = parse_bytes(&bytes);
        assert_eq!(
            parsed.diagnostics,
            [Diagnostic::error(
                3,
                "invalid UTF-8: the line is not valid UTF-8 text (bad bytes shown as \u{FFFD})"
            )]
        );
        assert_eq!(parsed.corpus.articles[0].body, "bad \u{FFFD} byte");
    }
}
