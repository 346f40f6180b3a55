//! Highlighting and keyword-in-context snippets.
//!
//! Highlighting runs the query's atoms over the text's own tokens (same normalizer,
//! same tokenizer, same [`Atom::matches_at`] as the index), then maps the matches
//! back to byte spans of the original text, so what is marked is exactly what
//! matched, whatever spelling the text uses.
//!
//! ```
//! use kiroku_core::{normalize::Normalizer, query::Query, snippet::highlight};
//! let normalizer = Normalizer::unicode_tables();
//! let text = "ﾏﾄﾞｩｰﾛ大統領";
//! let spans = highlight(&Query::parse("まどぅろ", &normalizer), text, &normalizer);
//! assert_eq!(&text[spans[0].range()], "ﾏﾄﾞｩｰﾛ");
//! ```

use serde::Serialize;

use crate::normalize::Normalizer;
use crate::query::{Atom, Query};
use crate::tokenize::{tokenize, Token};
use crate::Span;

/// A piece of text around the best matches, with the matches marked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// A substring of the source text (newlines turned into spaces).
    pub text: String,
    /// Byte spans in `text`, sorted, disjoint, not adjacent.
    pub highlights: Vec<Span>,
    /// Whether text was cut before / after the snippet (show "…").
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Byte spans of `text` matched by the query's positive terms, sorted and merged.
/// `normalizer` is the one the query was parsed with.
pub fn highlight(query: &Query, text: &str, normalizer: &Normalizer) -> Vec<Span> {
    let atoms: Vec<&Atom> = query.positive_atoms().collect();
    let mut spans: Vec<Span> = matches(&atoms, text, normalizer)
        .into_iter()
        .map(|(_, span)| span)
        .collect();
    merge(&mut spans);
    spans
}

/// Whether `atom` matches anywhere in `text`.
pub(crate) fn atom_matches(atom: &Atom, text: &str, normalizer: &Normalizer) -> bool {
    !matches(&[atom], text, normalizer).is_empty()
}

/// Every match as (index into `atoms`, span in `text`), sorted by start.
fn matches(atoms: &[&Atom], text: &str, normalizer: &Normalizer) -> Vec<(usize, Span)> {
    if atoms.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let normalized = normalizer.normalized(text);
    let mut tokens: Vec<Token<'_>> = Vec::new();
    tokenize(&normalized.text, |t| tokens.push(t));
    let kinds: Vec<_> = tokens.iter().map(|t| t.kind).collect();
    let mut found = Vec::new();
    for start in 0..tokens.len() {
        for (i, atom) in atoms.iter().enumerate() {
            if atom.matches_at(&kinds, start) {
                let last = &tokens[start + atom.width as usize - 1];
                let range = tokens[start].span.0..last.span.1;
                if let Some(original) = normalized.original_span(range) {
                    found.push((i, Span::new(original.start, original.end)));
                }
            }
        }
    }
    found
}

/// Sorts spans and merges overlapping or touching ones.
fn merge(spans: &mut Vec<Span>) {
    crate::order::sort_by_dyn(spans, &|a, b| a.cmp(b));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans.drain(..) {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    *spans = merged;
}

/// How many characters of context to keep before the first match.
const LEAD_CHARS: usize = 24;

/// A snippet of at most about `max_chars` characters of `text` around the window
/// that covers the most distinct query terms (the earliest such window on ties).
/// With no match, the start of the text. `normalizer` is the one the query was
/// parsed with.
pub fn snippet(query: &Query, text: &str, max_chars: usize, normalizer: &Normalizer) -> Snippet {
    snippet_if(query, text, max_chars, true, normalizer)
}

/// [`snippet`], told by the caller when no positive atom can match in `text`
/// (`may_match` false, e.g. the index has no occurrence there): the same snippet,
/// without normalizing and tokenizing the text to find that out.
pub(crate) fn snippet_if(
    query: &Query,
    text: &str,
    max_chars: usize,
    may_match: bool,
    normalizer: &Normalizer,
) -> Snippet {
    let atoms: Vec<&Atom> = query.positive_atoms().collect();
    let found = if may_match {
        matches(&atoms, text, normalizer)
    } else {
        Vec::new()
    };
    let max_chars = max_chars.max(1);
    // Char boundaries of the text, so windows are measured in characters. Without
    // matches the snippet is the first `max_chars` characters, and only the
    // boundaries up to there are read.
    let needed = if found.is_empty() {
        max_chars + 1
    } else {
        usize::MAX
    };
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .take(needed)
        .collect();
    let char_at = |byte: usize| bounds.partition_point(|&b| b < byte);

    let mut best: Option<(usize, usize)> = None; // (distinct atoms, start byte)
    for (i, &(_, first)) in found.iter().enumerate() {
        let limit = char_at(first.start) + max_chars.saturating_sub(LEAD_CHARS).max(1);
        let mut seen = vec![false; atoms.len()];
        for &(atom, span) in &found[i..] {
            if char_at(span.end) > limit {
                break;
            }
            seen[atom] = true;
        }
        let distinct = seen.iter().filter(|&&s| s).count();
        if best.is_none_or(|(d, _)| distinct > d) {
            best = Some((distinct, first.start));
        }
    }
    let start_char = match best {
        None => 0,
        Some((_, start)) => {
            let first = char_at(start);
            let earliest = first.saturating_sub(LEAD_CHARS);
            // Start where the reader can: after a sentence or line end, else after a
            // comma, else just LEAD_CHARS before the match.
            let after = |c: usize, marks: &[char]| {
                c > 0
                    && text[bounds[c - 1]..bounds[c]]
                        .chars()
                        .any(|ch| marks.contains(&ch))
            };
            let sentence = (earliest..first)
                .rev()
                .find(|&c| after(c, &['。', '\n', '！', '？', '」']));
            let clause = || {
                (earliest..first)
                    .rev()
                    .find(|&c| after(c, &['、', '，', ' ']))
            };
            sentence.or_else(clause).unwrap_or(earliest)
        }
    };
    let end_char = (start_char + max_chars).min(bounds.len() - 1);
    // Whitespace at the cut edges carries nothing: shrink the window past it.
    let window = &text[bounds[start_char]..bounds[end_char]];
    let from = bounds[start_char] + (window.len() - window.trim_start().len());
    let to = from + window.trim().len();
    let mut highlights: Vec<Span> = found
        .iter()
        .filter(|(_, s)| s.start < to && s.end > from)
        .map(|(_, s)| Span::new(s.start.max(from) - from, s.end.min(to) - from))
        .collect();
    merge(&mut highlights);
    Snippet {
        // \n and \r are one byte like the space replacing them: spans stay valid.
        text: text[from..to].replace(['\n', '\r'], " "),
        highlights,
        cut_before: !text[..from].trim().is_empty(),
        cut_after: !text[to..].trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};
    use proptest::prelude::*;

    fn render(text: &str, spans: &[Span]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for s in spans {
            out += &text[at..s.start];
            out += "[";
            out += &text[s.start..s.end];
            out += "]";
            at = s.end;
        }
        out + &text[at..]
    }

    fn check_highlight(query: &str, text: &str, expect: Expect) {
        let normalizer = Normalizer::default();
        let spans = highlight(&Query::parse(query, &normalizer), text, &normalizer);
        expect.assert_eq(&render(text, &spans));
    }

    fn check_snippet(query: &str, text: &str, max: usize, expect: Expect) {
        let normalizer = Normalizer::default();
        let s = snippet(&Query::parse(query, &normalizer), text, max, &normalizer);
        let marks = format!(
            "{}{}{}",
            if s.cut_before { "…" } else { "" },
            render(&s.text, &s.highlights),
            if s.cut_after { "…" } else { "" }
        );
        expect.assert_eq(&marks);
    }

    #[test]
    fn highlights_what_matched() {
        check_highlight(
            "マドゥロ",
            "マドゥーロ大統領とマドゥロ氏",
            expect!["[マドゥーロ]大統領と[マドゥロ]氏"],
        );
        check_highlight("米 国", "米国", expect!["[米国]"]);
        check_highlight("usd -米", "USDT と usd、米", expect!["USDT と [usd]、米"]);
        check_highlight("サイバー", "サイドバー", expect!["サイドバー"]);
        check_highlight("\"国営 石油\"", "国営石油会社", expect!["[国営石油]会社"]);
        check_highlight("", "何も", expect!["何も"]);
    }

    proptest! {
        /// Told there is no match, `snippet_if` reads only the first boundaries: it
        /// must give what the full computation gives whenever there is indeed none.
        #[test]
        fn no_match_shortcut_is_exact(
            text in proptest::collection::vec(proptest::sample::select(&["ア", "ｶ", "ﾞ", "米", " ", "\n", "a", "é", "。"][..]), 0..60).prop_map(|v| v.concat()),
            query in proptest::sample::select(&["米", "ガ", "a", "z", "米国"][..]),
            max in 0usize..70,
        ) {
            let normalizer = Normalizer::default();
            let q = Query::parse(query, &normalizer);
            if highlight(&q, &text, &normalizer).is_empty() {
                prop_assert_eq!(
                    snippet_if(&q, &text, max, false, &normalizer),
                    snippet(&q, &text, max, &normalizer)
                );
            }
        }
    }

    #[test]
    fn snippets_centre_on_the_best_window() {
        let text = "前置きの文章です。ここには関係のない話が長く続きます。\nマドゥロ大統領は制裁に反発した。その後も長い文章が続いていきます。";
        check_snippet(
            "マドゥロ 制裁",
            text,
            30,
            expect!["…[マドゥロ]大統領は[制裁]に反発した。その後も長い文章が続いてい…"],
        );
        check_snippet("なし", text, 10, expect!["前置きの文章です。こ…"]);
        check_snippet("前置き", "前置き", 10, expect!["[前置き]"]);
    }
}
