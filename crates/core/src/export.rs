//! Downloads of what the views show: the results, the concordance, the chronology
//! and the trends table, as CSV (RFC 4180, UTF-8 with a byte order mark, so Excel
//! opens Japanese text correctly) or JSON Lines, and a file name for each that
//! carries the query.
//!
//! Each view becomes a [`Table`] (named columns, rows of [`Value`]s); the table
//! writes itself in either format.
//!
//! CSV files are opened in spreadsheets, which run a cell that starts with `=`,
//! `+`, `-` or `@` (and, in some, a tab or carriage return before one) as a
//! formula: a corpus title `=HYPERLINK(…)` would become a live link, worse a DDE
//! command. So in CSV only, such a cell gets a leading apostrophe (OWASP's "CSV
//! injection" guidance), which spreadsheets read as "text follows" and do not
//! show. JSON Lines is data for programs and keeps every text exactly. Everything is built in memory and returned as
//! a `String`: the app hands it to the browser as a download, so it works offline
//! and from `file://`.
//!
//! ```
//! use kiroku_core::export::{file_name, Table, Value, ViewKind};
//! let table = Table {
//!     columns: vec!["title".into(), "count".into()],
//!     rows: vec![vec![Value::Text("米国, \"中国\"".into()), Value::Count(2)]],
//! };
//! assert_eq!(table.to_csv(), "\u{feff}title,count\r\n\"米国, \"\"中国\"\"\",2\r\n");
//! assert_eq!(table.to_json_lines(), "{\"title\":\"米国, \\\"中国\\\"\",\"count\":2}\n");
//! let formula = Table { columns: vec!["title".into()], rows: vec![vec![Value::Text("=1+1".into())]] };
//! assert_eq!(formula.to_csv(), "\u{feff}title\r\n'=1+1\r\n");
//! assert_eq!(formula.to_json_lines(), "{\"title\":\"=1+1\"}\n");
//! assert_eq!(file_name(ViewKind::Concordance, "マドゥロ", "csv"), "kiroku-concordance-マドゥロ.csv");
//! ```

use crate::chronology::ChronologyEntry;
use crate::concordance::KwicLine;
use crate::date::Precision;
use crate::index::Index;
use crate::search::SearchRequest;
use crate::trends::Trends;

/// One cell of a [`Table`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Count(usize),
    /// The share `part / whole`, written as a decimal fraction with at most six
    /// places (`0.8`, `0.666667`, `1`), an empty field where `whole` is 0. Kept as
    /// two integers and written by [`push_share`] with integer arithmetic: `f64`'s
    /// `Display` would add kilobytes of float formatting to the wasm download.
    Share {
        part: usize,
        whole: usize,
    },
    /// Several texts: a JSON array, or joined by `; ` in CSV.
    List(Vec<String>),
    /// No value (a corpus without sources, a share of an empty bin): an empty CSV
    /// field, JSON `null`.
    Empty,
}

/// Named columns and rows of values: what a view exports.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    /// Each as long as `columns`.
    pub rows: Vec<Vec<Value>>,
}

/// Which view a file comes from (its file name says so).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Results,
    Trends,
    Concordance,
    Chronology,
}

impl ViewKind {
    fn as_str(self) -> &'static str {
        match self {
            ViewKind::Results => "results",
            ViewKind::Trends => "trends",
            ViewKind::Concordance => "concordance",
            ViewKind::Chronology => "chronology",
        }
    }
}

impl Table {
    /// RFC 4180 CSV: a header row, CRLF after every record, a field quoted when it
    /// holds `"`, `,`, CR or LF, quotes doubled; preceded by a UTF-8 byte order
    /// mark, without which Excel reads the bytes in the system's code page. A
    /// field that a spreadsheet would run as a formula gets a leading `'` (see the
    /// module docs).
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let header: Vec<Value> = self.columns.iter().cloned().map(Value::Text).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            for (i, value) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let field = match value {
                    Value::Text(text) => std::borrow::Cow::Borrowed(text.as_str()),
                    Value::Count(n) => n.to_string().into(),
                    Value::Share { part, whole } => {
                        let mut text = String::new();
                        push_share(&mut text, *part, *whole);
                        text.into()
                    }
                    Value::List(items) => items.join("; ").into(),
                    Value::Empty => "".into(),
                };
                if row.len() == 1 && field.is_empty() {
                    // A record of one empty field would be an empty line, which
                    // readers skip: quoted, it is a record.
                    out.push_str("\"\"");
                } else {
                    push_csv_field(&mut out, &field);
                }
            }
            out.push_str("\r\n");
        }
        out
    }

    /// JSON Lines: one object per row, keys the column names in order, a `\n`
    /// after each.
    pub fn to_json_lines(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            out.push('{');
            for (i, (column, value)) in self.columns.iter().zip(row).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(&mut out, column);
                out.push(':');
                match value {
                    Value::Text(text) => push_json_string(&mut out, text),
                    Value::Count(n) => out.push_str(&n.to_string()),
                    Value::Share { part, whole } if *whole > 0 => {
                        push_share(&mut out, *part, *whole)
                    }
                    Value::Share { .. } | Value::Empty => out.push_str("null"),
                    Value::List(items) => {
                        out.push('[');
                        for (j, item) in items.iter().enumerate() {
                            if j > 0 {
                                out.push(',');
                            }
                            push_json_string(&mut out, item);
                        }
                        out.push(']');
                    }
                }
            }
            out.push_str("}\n");
        }
        out
    }
}

/// Digits after the decimal point of a written share: finer than the app's
/// tenths of a percent, and exact wherever the share's decimal expansion ends
/// within them (`0.8`, `0.125`).
const SHARE_PLACES: u32 = 6;

/// Writes `part / whole` rounded half up to [`SHARE_PLACES`] decimal places, trailing
/// zeros dropped (`4/5` → `0.8`, `2/3` → `0.666667`, `5/5` → `1`); nothing where
/// `whole` is 0. Integer arithmetic in `u64`, exact while `part` stays below
/// 1.8·10^13 (a share's part is at most its whole, a count of articles).
pub fn push_share(out: &mut String, part: usize, whole: usize) {
    if whole == 0 {
        return;
    }
    let scale = 10u64.pow(SHARE_PLACES);
    let whole = whole as u64;
    let scaled = (part as u64)
        .saturating_mul(scale)
        .saturating_add(whole / 2)
        / whole;
    out.push_str(&(scaled / scale).to_string());
    let fraction = scaled % scale;
    if fraction > 0 {
        // `scale + fraction` spells the fraction's digits, leading zeros included,
        // after a 1.
        let digits = (scale + fraction).to_string();
        out.push('.');
        out.push_str(digits[1..].trim_end_matches('0'));
    }
}

fn push_csv_field(out: &mut String, field: &str) {
    let apostrophe = if field.starts_with(FORMULA_STARTS) {
        "'"
    } else {
        ""
    };
    if field.contains(['"', ',', '\r', '\n']) {
        out.push('"');
        out.push_str(apostrophe);
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(apostrophe);
        out.push_str(field);
    }
}

/// First characters that make a spreadsheet read a cell as a formula (OWASP, CSV
/// injection): such a CSV field is written after an apostrophe.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A JSON string literal. Written by hand rather than with serde_json: the core
/// ships inside the wasm app, whose download is budgeted, and writing a string is
/// a dozen lines where the crate costs tens of kilobytes. JSON requires escaping
/// only `"`, `\` and the control characters below U+0020; everything else,
/// non-ASCII included, is written as is (the output is UTF-8).
pub fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            c if c < '\u{20}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Longest query kept in a file name, in characters (names stay far below the
/// 255-byte limit of common file systems).
pub const FILE_NAME_QUERY_CHARS: usize = 40;

/// `kiroku-<view>-<query>.<ext>`, safe as a file name on every common system: the
/// characters Windows forbids (`/\:*?"<>|`), control characters, invisible
/// formatting characters (bidi overrides could disguise the extension) and
/// whitespace become `_`, runs of `_` collapse, the query is cut to
/// [`FILE_NAME_QUERY_CHARS`] characters and loses leading and trailing `_` and `.`.
/// A blank query is left out: `kiroku-results.csv`.
pub fn file_name(kind: ViewKind, query: &str, ext: &str) -> String {
    let mut safe = String::new();
    for c in query.chars() {
        let replaced = if c.is_control()
            || c.is_whitespace()
            || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
            || is_invisible_format(c)
        {
            '_'
        } else {
            c
        };
        if !(replaced == '_' && safe.ends_with('_')) {
            safe.push(replaced);
        }
    }
    let cut: String = safe
        .trim_matches(['_', '.'])
        .chars()
        .take(FILE_NAME_QUERY_CHARS)
        .collect();
    let query = cut.trim_matches(['_', '.']);
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).collect();
    let mut name = format!("kiroku-{}", kind.as_str());
    if !query.is_empty() {
        name.push('-');
        name.push_str(query);
    }
    if !ext.is_empty() {
        name.push('.');
        name.push_str(&ext);
    }
    name
}

/// Zero-width and bidi formatting characters (Unicode category Cf, the ones that
/// occur in text).
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// The snippet as the result card shows it: `…` where text was cut.
fn shown_snippet(snippet: &crate::snippet::Snippet) -> String {
    format!(
        "{}{}{}",
        if snippet.cut_before { "…" } else { "" },
        snippet.text,
        if snippet.cut_after { "…" } else { "" }
    )
}

fn optional(text: Option<&String>) -> Value {
    text.map_or(Value::Empty, |t| Value::Text(t.clone()))
}

/// Every result of `request` (not one page), in the request's sort: date, title,
/// source, url (empty where the corpus has none), entities (named in `lang`, a
/// BCP 47 tag, as the UI in that language shows them: [`crate::Entity::name_in`]),
/// the snippet as the card shows it, and the article id.
pub fn results(index: &Index, request: &SearchRequest, lang: &str) -> Table {
    let named = |canonical: &String| index.gazetteer().name_in(canonical, lang).to_string();
    let results = index.search(&SearchRequest {
        offset: 0,
        limit: usize::MAX,
        ..request.clone()
    });
    let rows = results
        .hits
        .iter()
        .map(|hit| {
            let article = index.article(hit.doc);
            vec![
                Value::Text(hit.date.to_string()),
                Value::Text(hit.title.clone()),
                optional(article.and_then(|a| a.source.as_ref())),
                optional(article.and_then(|a| a.url.as_ref())),
                Value::List(hit.entities.iter().map(named).collect()),
                Value::Text(shown_snippet(&hit.snippet)),
                Value::Text(hit.id.clone()),
            ]
        })
        .collect();
    Table {
        columns: columns(&[
            "date", "title", "source", "url", "entities", "snippet", "id",
        ]),
        rows,
    }
}

/// Concordance lines (pass every line, e.g. `Index::concordance(…, 0, usize::MAX,
/// …).lines`): the context as shown, `…` where it was cut.
pub fn concordance(lines: &[KwicLine]) -> Table {
    let rows = lines
        .iter()
        .map(|line| {
            vec![
                Value::Text(line.date.to_string()),
                Value::Text(line.title.clone()),
                Value::Text(format!(
                    "{}{}",
                    if line.cut_left { "…" } else { "" },
                    line.left
                )),
                Value::Text(line.matched.clone()),
                Value::Text(format!(
                    "{}{}",
                    line.right,
                    if line.cut_right { "…" } else { "" }
                )),
                Value::Text(line.id.clone()),
                Value::Count(line.occurrence),
            ]
        })
        .collect();
    Table {
        columns: columns(&[
            "date",
            "title",
            "left",
            "match",
            "right",
            "id",
            "occurrence",
        ]),
        rows,
    }
}

/// Chronology entries (pass every entry): the date mentioned and its precision,
/// the sentence as shown, and the article it is from.
pub fn chronology(entries: &[ChronologyEntry]) -> Table {
    let rows = entries
        .iter()
        .map(|entry| {
            let date = match entry.precision {
                Precision::Day => entry.date.to_string(),
                Precision::Month => format!("{:04}-{:02}", entry.date.year, entry.date.month),
            };
            vec![
                Value::Text(date),
                Value::Text(format!(
                    "{}{}{}",
                    if entry.cut_before { "…" } else { "" },
                    entry.sentence,
                    if entry.cut_after { "…" } else { "" }
                )),
                Value::Text(entry.published.to_string()),
                Value::Text(entry.title.clone()),
                Value::Text(entry.id.clone()),
            ]
        })
        .collect();
    Table {
        columns: columns(&["date", "sentence", "published", "title", "id"]),
        rows,
    }
}

/// The trends table: one row per bin (start, end, articles), then per compared
/// query its count and its share of the bin's articles (empty where the bin has
/// none). A query given twice gets numbered column names, so JSON keys stay unique.
pub fn trends(trends: &Trends) -> Table {
    let mut columns = columns(&["start", "end", "articles"]);
    for series in &trends.series {
        let mut name = series.query.clone();
        let mut n = 1;
        while columns.contains(&name) || columns.contains(&format!("{name} share")) {
            n += 1;
            name = format!("{} ({n})", series.query);
        }
        columns.push(format!("{name} share"));
        columns.insert(columns.len() - 1, name);
    }
    let rows = trends
        .bins
        .iter()
        .enumerate()
        .map(|(b, bin)| {
            let mut row = vec![
                Value::Text(bin.start.to_string()),
                Value::Text(bin.end.to_string()),
                Value::Count(bin.articles),
            ];
            for series in &trends.series {
                let count = series.counts.get(b).copied().unwrap_or(0);
                row.push(Value::Count(count));
                row.push(Value::Share {
                    part: count,
                    whole: bin.articles,
                });
            }
            row
        })
        .collect();
    Table { columns, rows }
}

fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check_name(query: &str, expect: Expect) {
        expect.assert_eq(&file_name(ViewKind::Results, query, "csv"));
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        check_name("マドゥロ", expect!["kiroku-results-マドゥロ.csv"]);
        check_name("", expect!["kiroku-results.csv"]);
        check_name("  \t ", expect!["kiroku-results.csv"]);
        check_name(
            "a/b\\c:d*e?f\"g<h>i|j",
            expect!["kiroku-results-a_b_c_d_e_f_g_h_i_j.csv"],
        );
        check_name(
            "\"国営 石油\" -制裁",
            expect!["kiroku-results-国営_石油_-制裁.csv"],
        );
        check_name("..\u{202E}vsc.exe", expect!["kiroku-results-vsc.exe.csv"]);
        check_name("../../etc/passwd", expect!["kiroku-results-etc_passwd.csv"]);
        check_name("a\u{0}b\u{7F}\nc", expect!["kiroku-results-a_b_c.csv"]);
        check_name(&"長".repeat(100), expect!["kiroku-results-長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長長.csv"]);
        assert_eq!(
            file_name(ViewKind::Trends, "x", "c/s.v"),
            "kiroku-trends-x.csv"
        );
    }

    /// One CSV record of `cells`, after the byte order mark and the header, with
    /// tabs and line breaks written as `\t`, `\r`, `\n` to be readable.
    fn check_csv(cells: &[&str], expect: Expect) {
        let table = Table {
            columns: vec!["h".into(); cells.len()],
            rows: vec![cells.iter().map(|c| Value::Text(c.to_string())).collect()],
        };
        let csv = table.to_csv();
        let header = format!("\u{feff}{}\r\n", vec!["h"; cells.len()].join(","));
        let record = csv.strip_prefix(&header).unwrap_or(&csv);
        let readable = record
            .replace('\t', "\\t")
            .replace('\r', "\\r")
            .replace('\n', "\\n");
        expect.assert_eq(&readable);
    }

    #[test]
    fn formula_cells_are_defused_in_csv_only() {
        check_csv(&["=1+1"], expect![[r#"'=1+1\r\n"#]]);
        check_csv(
            &["+1", "-2", "@SUM(A1)", "\tx", "\r=1"],
            expect![[r#"'+1,'-2,'@SUM(A1),'\tx,"'\r=1"\r\n"#]],
        );
        // Quoted fields keep the apostrophe inside the quotes.
        check_csv(
            &["=HYPERLINK(\"https://evil.example/\",\"x\")"],
            expect![[r#""'=HYPERLINK(""https://evil.example/"",""x"")"\r\n"#]],
        );
        // Only the first character counts; a leading space or apostrophe, a
        // full-width ＝ and text in the middle are left alone.
        check_csv(
            &[" =1", "'=1", "＝1", "a=1", "1-2", ""],
            expect![[r#" =1,'=1,＝1,a=1,1-2,\r\n"#]],
        );
        let table = Table {
            columns: vec!["=h".into()],
            rows: vec![vec![Value::List(vec!["-a".into(), "b".into()])]],
        };
        assert_eq!(table.to_csv(), "\u{feff}'=h\r\n'-a; b\r\n");
        assert_eq!(table.to_json_lines(), "{\"=h\":[\"-a\",\"b\"]}\n");
    }
}
