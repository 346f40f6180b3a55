//! The "digest" format: a table of contents (`- DATE TITLE` lines), then each
//! article introduced by a line equal to its TOC entry, its body running until the
//! next article header.
//!
//! Only lines matching a TOC entry start articles, so body lines that begin with a
//! date (`2024年5月31日までに…`) or with `- ` stay body text. Dates compare by value,
//! so a TOC `2025年08月07日` matches a header `2025年8月7日` (or `２０２５年８月７日`).
//!
//! ```
//! let src = "- 2025年11月07日 見出し\n\n2025年11月7日 見出し\n2024年5月31日までに終える。\n- 箇条書き\n";
//! let parsed = kiroku_core::parse::parse_digest(src);
//! assert!(parsed.diagnostics.is_empty());
//! assert_eq!(parsed.corpus.articles[0].body, "2024年5月31日までに終える。\n- 箇条書き");
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

use super::{finish, Article, Diagnostic, Parsed};
use crate::date::{ja_date_prefix, Date};

/// A date as written, before validation: (year, month, day).
type RawDate = (u32, u32, u32);

struct TocEntry<'a> {
    date: Option<Date>,
    line: usize,
    title: &'a str,
    used: bool,
}

/// Parses a digest-format corpus. Never panics; problems become diagnostics.
pub fn parse_digest(src: &str) -> Parsed<'_> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let lines: Vec<&str> = src
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut diagnostics = Vec::new();

    // The table of contents: the leading block of `- DATE TITLE` lines (blank lines
    // allowed), ending at the first other line.
    let mut toc: Vec<TocEntry> = Vec::new();
    // Titles are compared with whitespace runs collapsed: a header typed with a
    // full-width space still matches its TOC entry.
    let mut by_key: HashMap<(RawDate, String), usize> = HashMap::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        let Some((raw, title)) = toc_entry(line).and_then(split_header) else {
            break;
        };
        let n = i + 1;
        let key = (raw, collapse_spaces(title));
        if let Some(&first) = by_key.get(&key) {
            diagnostics.push(Diagnostic::warning(
                n,
                format!(
                    "duplicate table-of-contents entry (same as line {})",
                    toc[first].line
                ),
            ));
        } else {
            let date = validate(raw, n, &mut diagnostics);
            by_key.insert(key, toc.len());
            toc.push(TocEntry {
                date,
                line: n,
                title,
                used: false,
            });
        }
        i += 1;
    }
    if toc.is_empty() && lines.iter().any(|l| !l.trim().is_empty()) {
        diagnostics.push(Diagnostic::error(
            i + 1,
            "no table of contents: a digest corpus starts with `- YYYY年M月D日 Title` lines, one per article",
        ));
    }

    // Byte offset of each line in `src`: a body is the source text from its first
    // line to its last, borrowed, unless a line ended in CR.
    let mut line_starts = Vec::with_capacity(lines.len());
    let mut offset = 0;
    for raw in src.split('\n') {
        line_starts.push(offset);
        offset += raw.len() + 1;
    }
    let mut articles: Vec<Article> = Vec::new();
    // Per article: the lines of its body, as a range of `lines`.
    let mut body_lines: Vec<std::ops::Range<usize>> = Vec::new();
    // `None` while reading the body of an article that was dropped (impossible date).
    let mut current: Option<usize> = None;
    let mut in_dropped = false;
    for (idx, line) in lines.iter().enumerate().skip(i) {
        let n = idx + 1;
        let header = split_header(line);
        let entry =
            header.and_then(|(raw, title)| by_key.get(&(raw, collapse_spaces(title))).copied());
        if let Some(entry) = entry {
            let toc_entry = &mut toc[entry];
            toc_entry.used = true;
            match toc_entry.date {
                Some(date) => {
                    articles.push(Article {
                        id: String::new(),
                        date,
                        title: Cow::Borrowed(toc_entry.title),
                        body: Cow::Borrowed(""),
                        line: n,
                        tags: Vec::new(),
                        source: None,
                        url: None,
                    });
                    current = Some(articles.len() - 1);
                    body_lines.push(idx + 1..idx + 1);
                    in_dropped = false;
                }
                None => {
                    diagnostics.push(Diagnostic::error(
                        n,
                        "article skipped: its date is impossible (see its table-of-contents entry)",
                    ));
                    in_dropped = true;
                }
            }
            continue;
        }
        if let Some((raw, _)) = header {
            if let Some(date) = Date::new(raw.0 as i32, raw.1, raw.2) {
                diagnostics.push(Diagnostic::warning(
                    n,
                    format!(
                        "line looks like an article header ({date} and a title) but has no table-of-contents entry; kept as body text"
                    ),
                ));
            }
        }
        match current {
            _ if in_dropped => {}
            Some(a) => body_lines[a].end = idx + 1,
            None if !line.trim().is_empty() => diagnostics.push(Diagnostic::warning(
                n,
                "text before the first article header is ignored",
            )),
            None => {}
        }
    }
    for entry in toc.iter().filter(|e| !e.used) {
        diagnostics.push(Diagnostic::error(
            entry.line,
            format!(
                "table-of-contents entry has no article: no line `{}` follows",
                entry.title
            ),
        ));
    }
    for (article, range) in articles.iter_mut().zip(body_lines) {
        if range.is_empty() {
            continue;
        }
        let from = line_starts[range.start];
        let to = line_starts[range.end - 1] + lines[range.end - 1].len();
        let text = &src[from..to];
        // A CR ending a line is dropped, so such a body cannot be a slice of `src`.
        article.body = if text.contains('\r') {
            Cow::Owned(lines[range].join("\n").trim().to_string())
        } else {
            Cow::Borrowed(text.trim())
        };
    }
    finish(articles, diagnostics)
}

fn validate(raw: RawDate, line: usize, diagnostics: &mut Vec<Diagnostic>) -> Option<Date> {
    let date = i32::try_from(raw.0)
        .ok()
        .and_then(|y| Date::new(y, raw.1, raw.2));
    if date.is_none() {
        let (y, m, d) = raw;
        let reason = if !(1..=12).contains(&m) {
            format!("there is no month {m}")
        } else {
            format!("month {m} of {y} has no day {d}")
        };
        diagnostics.push(Diagnostic::error(
            line,
            format!("impossible date {y}年{m}月{d}日: {reason}"),
        ));
    }
    date
}

fn collapse_spaces(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `- 2025年11月07日 Title` → `2025年11月07日 Title`. Any whitespace may follow the
/// dash (a full-width space is common in hand-edited files).
fn toc_entry(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('-')?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

/// `2025年11月07日 Title` → (raw date, title). The separator is any whitespace.
fn split_header(line: &str) -> Option<(RawDate, &str)> {
    let (raw, len) = ja_date_prefix(line)?;
    let rest = &line[len..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let title = rest.trim();
    (!title.is_empty()).then_some((raw, title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Renders articles and diagnostics compactly for snapshot comparison.
    fn check(src: &str, expect: Expect) {
        let parsed = parse_digest(src);
        let mut out = String::new();
        for a in &parsed.corpus.articles {
            out += &format!(
                "{} {} {:?} @{} {:?}\n",
                a.id, a.date, a.title, a.line, a.body
            );
        }
        for d in &parsed.diagnostics {
            out += &format!("{}\n", d.display("f"));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn basic_with_bom_crlf_and_padding() {
        check(
            "\u{feff}- 2025年11月07日 一つ目\r\n- 2025年08月7日 二つ目\r\n2025年11月07日 一つ目\r\n本文1\r\n2025年8月7日 二つ目\r\n本文2\r\n",
            expect![[r#"
                2025-11-07-83109b 2025-11-07 "一つ目" @3 "本文1"
                2025-08-07-4efdad 2025-08-07 "二つ目" @5 "本文2"
            "#]],
        );
    }

    #[test]
    fn full_width_digits_and_several_articles_a_day() {
        check(
            "- ２０２５年１１月３日 甲\n- 2025年11月03日 乙\n2025年11月3日 甲\nあ\n２０２５年１１月０３日 乙\nい\n",
            expect![[r#"
                2025-11-03-ae36ec 2025-11-03 "甲" @3 "あ"
                2025-11-03-43f1a5 2025-11-03 "乙" @5 "い"
            "#]],
        );
    }

    #[test]
    fn body_lines_starting_with_dates_or_bullets_stay_body() {
        check(
            "- 2024年04月23日 見出し\n2024年04月23日 見出し\n2024年5月31日までに終了。\n- 箇条書き\n・中黒\n概要\n<b>html</b>\n",
            expect![[r#"
                2024-04-23-b42d4f 2024-04-23 "見出し" @2 "2024年5月31日までに終了。\n- 箇条書き\n・中黒\n概要\n<b>html</b>"
            "#]],
        );
    }

    #[test]
    fn problems_are_reported_with_lines() {
        check(
            "- 2025年13月40日 不可能\n- 2025年1月1日 記事なし\n- 2025年1月2日 空\n- 2025年1月2日 空\n前置き\n2025年13月40日 不可能\n捨てる本文\n2025年1月2日 空\n2025年1月3日 目次にない\n2025年1月2日 空\n本文\n",
            expect![[r#"
                2025-01-02-f416c5 2025-01-02 "空" @8 "2025年1月3日 目次にない"
                2025-01-02-f416c5-2 2025-01-02 "空" @10 "本文"
                f:1: error: impossible date 2025年13月40日: there is no month 13
                f:2: error: table-of-contents entry has no article: no line `記事なし` follows
                f:4: warning: duplicate table-of-contents entry (same as line 3)
                f:5: warning: text before the first article header is ignored
                f:6: error: article skipped: its date is impossible (see its table-of-contents entry)
                f:9: warning: line looks like an article header (2025-01-03 and a title) but has no table-of-contents entry; kept as body text
                f:10: warning: duplicate article: same date and title as the article on line 8
            "#]],
        );
    }

    #[test]
    fn empty_body_and_missing_toc() {
        check(
            "- 2025年1月2日 空\n2025年1月2日 空\n\n",
            expect![[r#"
                2025-01-02-f416c5 2025-01-02 "空" @2 ""
                f:2: warning: article has an empty body
            "#]],
        );
        check(
            "本文だけ\n",
            expect![[r#"
                f:1: error: no table of contents: a digest corpus starts with `- YYYY年M月D日 Title` lines, one per article
                f:1: warning: text before the first article header is ignored
            "#]],
        );
        check("", expect![""]);
    }

    #[test]
    fn whitespace_variants_in_toc_and_headers_match() {
        check(
            "-\u{3000}2025年1月2日 甲\n-\t2025年1月3日 乙 丙\n2025年1月2日 甲\nあ\n2025年1月3日 乙\u{3000}\u{3000}丙\nい\n",
            expect![[r#"
                2025-01-02-ae36ec 2025-01-02 "甲" @3 "あ"
                2025-01-03-dfa426 2025-01-03 "乙 丙" @5 "い"
            "#]],
        );
    }

    #[test]
    fn ids_do_not_depend_on_other_articles() {
        let one = parse_digest("- 2025年1月2日 甲\n2025年1月2日 甲\nあ\n");
        let two = parse_digest(
            "- 2025年1月1日 乙\n- 2025年1月2日 甲\n2025年1月1日 乙\nい\n2025年1月2日 甲\nあ\n",
        );
        assert_eq!(one.corpus.articles[0].id, two.corpus.articles[1].id);
    }
}
