//! The concordance (keyword in context, KWIC): every occurrence of the query's
//! terms in the current results, one line each, with the text on either side.
//!
//! An occurrence is one match of one positive term where the index finds it, as
//! concordancers list them: every start of the normalized term in the normalized
//! title or body, so overlapping matches (ああ in あああ) and two terms at one
//! place are lines of their own, and the total is the exact number of matches.
//! Each line carries its `occurrence`, the number of the reader's mark it falls in
//! ([`Index::matches_in`]: the reader marks overlapping and touching matches as
//! one), so the app can open the reader at that mark.
//!
//! Building the lines is two steps, so typing stays cheap: [`Index::kwic`] takes
//! every match from the index (no text is read for the newest-first order; the
//! context orders place every match in its text once, to compare contexts), and
//! [`Kwic::page`] places one page's matches and cuts their context. Keep the
//! `Kwic` while only the page changes. [`Index::concordance`] does both.
//!
//! ```
//! use kiroku_core::{concordance::KwicSort, parse::parse, Gazetteer, Index, SearchRequest};
//! let corpus = parse("- 2025年1月2日 石油の話\n2025年1月2日 石油の話\n国営石油と民間の石油。\n").corpus;
//! let index = Index::build(corpus, &Gazetteer::default());
//! let request = SearchRequest { query: "石油".into(), ..SearchRequest::default() };
//! let kwic = index.concordance(&request, KwicSort::Date, 0, 10, 2);
//! assert_eq!(kwic.total, 3);
//! let line = |l: &kiroku_core::concordance::KwicLine| format!("{}[{}]{}", l.left, l.matched, l.right);
//! assert_eq!(kwic.lines.iter().map(line).collect::<Vec<_>>(), ["[石油]の話", "国営[石油]と民", "間の[石油]。"]);
//! assert_eq!((kwic.lines[1].block, kwic.lines[1].occurrence), (Some(0), 1));
//! assert_eq!(kwic.lines[1].span, kiroku_core::Span::new(6, 12)); // in the body
//! ```

use serde::Serialize;

use crate::date::Date;
use crate::index::{DocId, Field, Index};
use crate::order::sort_by_dyn;
use crate::parse::Article;
use crate::query::Query;
use crate::results::result_docs;
use crate::search::SearchRequest;
use crate::snippet::highlight;
use crate::tokenize::tokenize;
use crate::Span;

/// The order of concordance lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KwicSort {
    /// By the left context read from the match backwards (the word before the
    /// match first, then the one before it…), AntConc's "1L, 2L" sort: lines with
    /// the same preceding word gather. Contexts compare by code point over their
    /// first [`SORT_CONTEXT_CHARS`] characters.
    Left,
    /// By the right context read forwards from the match (the same way).
    Right,
    /// Newest article first (ties in corpus order), then reading order.
    #[default]
    Date,
}

impl KwicSort {
    /// The name [`KwicSort::from_str`](std::str::FromStr) reads: `left`, `right`
    /// or `date` (for URLs).
    pub fn as_str(self) -> &'static str {
        match self {
            KwicSort::Left => "left",
            KwicSort::Right => "right",
            KwicSort::Date => "date",
        }
    }
}

impl std::str::FromStr for KwicSort {
    type Err = String;
    fn from_str(s: &str) -> Result<KwicSort, String> {
        match s {
            "left" => Ok(KwicSort::Left),
            "right" => Ok(KwicSort::Right),
            "date" => Ok(KwicSort::Date),
            _ => Err(format!(
                "unknown concordance sort {s:?} (expected left, right or date)"
            )),
        }
    }
}

/// One page of a concordance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Concordance {
    /// Occurrences in all results (every page).
    pub total: usize,
    pub lines: Vec<KwicLine>,
}

/// One occurrence with its context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KwicLine {
    pub doc: DocId,
    /// The article's stable id.
    pub id: String,
    /// The article's publication date.
    pub date: Date,
    /// The article's title.
    pub title: String,
    /// Where the match is: `None` in the title, `Some(i)` in the body, on the line
    /// of `article.blocks()[i]`.
    pub block: Option<usize>,
    /// Byte span of the match in the title (`block: None`) or in the body.
    pub span: Span,
    /// Up to `context_chars` characters before the match, on its line.
    pub left: String,
    /// The matched text as written.
    pub matched: String,
    /// Up to `context_chars` characters after the match, on its line.
    pub right: String,
    /// Whether the line goes on beyond `left` / `right` (show "…").
    pub cut_left: bool,
    pub cut_right: bool,
    /// 0-based number of the reader's mark this match is in, among the article's
    /// marks in reading order (title, then blocks): the `n` of [`Index::matches_in`].
    pub occurrence: usize,
}

/// Every occurrence of a request's terms, in line order: see [`Index::kwic`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kwic {
    /// The query as the index read it, for the reader's marks.
    query: Query,
    lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Lines {
    /// Newest first: matches as the index gives them, placed in their text only
    /// when a page shows them.
    Found(Vec<Start>),
    /// A context order: every match placed, sorted.
    Placed(Vec<Occurrence>),
}

impl Default for Lines {
    fn default() -> Lines {
        Lines::Found(Vec::new())
    }
}

/// A match as the index gives it: its first token in a field, and how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Start {
    doc: DocId,
    field: Field,
    token: u32,
    width: u32,
}

/// A match placed in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Occurrence {
    doc: DocId,
    field: Field,
    /// The line the match starts on, trimmed: the bounds of its context.
    line: Span,
    /// The match, within the field (ends at most at the end of `line`).
    span: Span,
}

impl Occurrence {
    fn field_text<'t>(&self, article: &'t Article) -> &'t str {
        field_text(article, self.field)
    }

    /// The context before and after the match, within its line.
    fn left<'t>(&self, article: &'t Article) -> &'t str {
        self.field_text(article)
            .get(self.line.start..self.span.start)
            .unwrap_or_default()
    }

    fn right<'t>(&self, article: &'t Article) -> &'t str {
        self.field_text(article)
            .get(self.span.end..self.line.end)
            .unwrap_or_default()
    }
}

fn field_text<'t>(article: &'t Article<'_>, field: Field) -> &'t str {
    match field {
        Field::Title => &article.title,
        Field::Body => &article.body,
    }
}

impl Kwic {
    /// Number of occurrences (every page).
    pub fn len(&self) -> usize {
        match &self.lines {
            Lines::Found(starts) => starts.len(),
            Lines::Placed(occurrences) => occurrences.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lines `offset..offset + limit` (fewer at the end, none past it), each with
    /// at most `context_chars` characters of context on either side. `index` must be
    /// the index this was built from.
    pub fn page(
        &self,
        index: &Index,
        offset: usize,
        limit: usize,
        context_chars: usize,
    ) -> Vec<KwicLine> {
        let placed: Vec<Occurrence> = match &self.lines {
            Lines::Found(starts) => {
                let from = offset.min(starts.len());
                let to = from.saturating_add(limit).min(starts.len());
                index.place(&starts[from..to])
            }
            Lines::Placed(occurrences) => occurrences
                .iter()
                .skip(offset)
                .take(limit)
                .copied()
                .collect(),
        };
        let mut marks = ArticleMarks::default();
        placed
            .iter()
            .filter_map(|o| {
                let article = index.article(o.doc)?;
                let text = o.field_text(article);
                let (left, cut_left) = last_chars(o.left(article), context_chars);
                let (right, cut_right) = first_chars(o.right(article), context_chars);
                let (block, occurrence) = marks.locate(index, &self.query, o);
                Some(KwicLine {
                    doc: o.doc,
                    id: article.id.clone(),
                    date: article.date,
                    title: article.title.to_string(),
                    block,
                    span: o.span,
                    left: left.to_string(),
                    matched: text.get(o.span.range())?.to_string(),
                    right: right.to_string(),
                    cut_left,
                    cut_right,
                    occurrence,
                })
            })
            .collect()
    }
}

/// The last `n` characters of `text`, and whether that cut anything.
fn last_chars(text: &str, n: usize) -> (&str, bool) {
    let start = match n.checked_sub(1) {
        None => text.len(),
        Some(last) => text.char_indices().rev().nth(last).map_or(0, |(i, _)| i),
    };
    (&text[start..], start > 0)
}

/// The first `n` characters of `text`, and whether that cut anything.
fn first_chars(text: &str, n: usize) -> (&str, bool) {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    (&text[..end], end < text.len())
}

/// One article's blocks and reader marks, kept while a page's lines are in the
/// same article (they come grouped by article).
#[derive(Default)]
struct ArticleMarks {
    doc: Option<DocId>,
    /// Where each block starts in the body.
    block_starts: Vec<usize>,
    /// The marks in reading order, as (field, start in the field).
    marks: Vec<(Field, usize)>,
}

impl ArticleMarks {
    /// The block of `o`'s line (`None` in the title), and the number of the mark
    /// it falls in: the last mark starting at or before it.
    fn locate(&mut self, index: &Index, query: &Query, o: &Occurrence) -> (Option<usize>, usize) {
        if self.doc != Some(o.doc) {
            let article = index.article(o.doc);
            let blocks = article.map(Article::blocks).unwrap_or_default();
            self.block_starts = blocks.iter().map(|b| b.span.start).collect();
            self.marks = article
                .map(|article| {
                    index
                        .located_marks(query, article)
                        .map(|(block, field, span)| match block {
                            None => (Field::Title, span.start),
                            Some(_) => (Field::Body, field.start + span.start),
                        })
                        .collect()
                })
                .unwrap_or_default();
            self.doc = Some(o.doc);
        }
        let block = match o.field {
            Field::Title => None,
            // Every non-blank line is a block; its text starts on the line (after
            // a bullet's marker).
            Field::Body => Some(self.block_starts.partition_point(|&s| s < o.line.start)),
        };
        let at = (o.field, o.span.start);
        let occurrence = self
            .marks
            .partition_point(|&mark| mark <= at)
            .saturating_sub(1);
        (block, occurrence)
    }
}

impl Index<'_> {
    /// One page of the concordance of `request`'s results: [`Index::kwic`] then
    /// [`Kwic::page`]. A query without a positive term (empty, or exclusions only)
    /// has no occurrences; an `offset` past the end gives no lines.
    pub fn concordance(
        &self,
        request: &SearchRequest,
        sort: KwicSort,
        offset: usize,
        limit: usize,
        context_chars: usize,
    ) -> Concordance {
        let kwic = self.kwic(request, sort);
        Concordance {
            total: kwic.len(),
            lines: kwic.page(self, offset, limit, context_chars),
        }
    }

    /// Every match of the positive terms of `request`'s query in the titles and
    /// bodies of its results (filters and date range applied; paging and the
    /// result sort ignored), in `sort` order: by date, newest article first, each
    /// article's matches in reading order (two terms at one place in query order);
    /// the context orders keep that order on ties.
    pub fn kwic(&self, request: &SearchRequest, sort: KwicSort) -> Kwic {
        let query = self.parse_query(&request.query);
        let starts = self.match_starts_in_results(&query, request);
        let lines = match sort {
            KwicSort::Date => Lines::Found(starts),
            KwicSort::Left | KwicSort::Right => {
                let mut placed = self.place(&starts);
                let article = |o: &Occurrence| self.article(o.doc);
                match sort {
                    KwicSort::Left => sort_by_context(&mut placed, |o| {
                        article(o)
                            .map_or("", |a| o.left(a))
                            .chars()
                            .rev()
                            .take(SORT_CONTEXT_CHARS)
                    }),
                    _ => sort_by_context(&mut placed, |o| {
                        article(o)
                            .map_or("", |a| o.right(a))
                            .chars()
                            .take(SORT_CONTEXT_CHARS)
                    }),
                }
                Lines::Placed(placed)
            }
        };
        Kwic { query, lines }
    }

    /// Every match of `query`'s positive atoms in the results of `request`, newest
    /// article first, then by field, token and atom: from the index alone.
    fn match_starts_in_results(&self, query: &Query, request: &SearchRequest) -> Vec<Start> {
        if query.positive_atoms().next().is_none() {
            return Vec::new();
        }
        // Each result's place in the newest-first list; `u32::MAX` for the others.
        let mut rank = vec![u32::MAX; self.len()];
        for (i, doc) in result_docs(self, request).into_iter().enumerate() {
            if let Some(r) = rank.get_mut(doc as usize) {
                *r = i as u32;
            }
        }
        let mut keyed: Vec<((u32, Field, u32, usize), Start)> = Vec::new();
        for (a, atom) in query.positive_atoms().enumerate() {
            for (doc, field, token) in self.match_starts(atom) {
                let r = rank.get(doc as usize).copied().unwrap_or(u32::MAX);
                if r != u32::MAX {
                    let start = Start {
                        doc,
                        field,
                        token,
                        width: atom.width,
                    };
                    keyed.push(((r, field, token, a), start));
                }
            }
        }
        keyed.sort_unstable_by_key(|&(key, _)| key);
        keyed.into_iter().map(|(_, start)| start).collect()
    }

    /// Places matches (grouped by article, as [`Index::match_starts_in_results`]
    /// gives them) in their text: each field normalized and tokenized once per group.
    fn place(&self, starts: &[Start]) -> Vec<Occurrence> {
        let normalizer = self.normalizer();
        let mut out = Vec::with_capacity(starts.len());
        let mut tokenized: Option<TokenizedField> = None;
        for start in starts {
            let Some(article) = self.article(start.doc) else {
                continue;
            };
            let text = field_text(article, start.field);
            if !matches!(&tokenized, Some((doc, field, ..)) if *doc == start.doc && *field == start.field)
            {
                let normalized = normalizer.normalized(text);
                let mut spans = Vec::new();
                tokenize(&normalized.text, |t| spans.push(t.span));
                tokenized = Some((start.doc, start.field, normalized, spans));
            }
            let Some((_, _, normalized, spans)) = &tokenized else {
                continue;
            };
            let first = spans.get(start.token as usize);
            let last = (start.token as usize + start.width as usize)
                .checked_sub(1)
                .and_then(|last| spans.get(last));
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let Some(original) = normalized.original_span(first.0..last.1) else {
                continue;
            };
            let line = line_around(text, original.start);
            out.push(Occurrence {
                doc: start.doc,
                field: start.field,
                line,
                span: Span::new(original.start, original.end.min(line.end)),
            });
        }
        out
    }

    /// The marks of `query` (as typed) in article `doc`, in reading order: the
    /// title's (`None`), then each block's (`Some(i)` for `article.blocks()[i]`),
    /// each a byte span in that text. The reader's "match n of N" counts these;
    /// [`KwicLine::occurrence`] is an index into this list.
    pub fn matches_in(&self, query: &str, doc: DocId) -> Vec<(Option<usize>, Span)> {
        let query = self.parse_query(query);
        self.article(doc).map_or_else(Vec::new, |article| {
            self.located_marks(&query, article)
                .map(|(block, _, span)| (block, span))
                .collect()
        })
    }

    /// [`Index::matches_in`], with where each block lies in the body.
    fn located_marks<'q>(
        &'q self,
        query: &'q Query,
        article: &'q Article,
    ) -> impl Iterator<Item = (Option<usize>, Span, Span)> + 'q {
        let normalizer = self.normalizer();
        let title = highlight(query, &article.title, normalizer)
            .into_iter()
            .map(|span| (None, Span::new(0, article.title.len()), span));
        let blocks = article
            .blocks()
            .into_iter()
            .enumerate()
            .flat_map(move |(i, block)| {
                highlight(query, block.text, normalizer)
                    .into_iter()
                    .map(move |span| (Some(i), block.span, span))
            });
        title.chain(blocks)
    }
}

/// A field of one article, normalized, with its tokens' spans in the normalized
/// text (a token's number indexes them).
type TokenizedField = (
    DocId,
    Field,
    crate::normalize::Normalized,
    Vec<(usize, usize)>,
);

/// The line of `text` that byte `at` is on, without its surrounding whitespace.
fn line_around(text: &str, at: usize) -> Span {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let before = &text[start..at];
    let after = &text[at..end];
    Span::new(
        start + before.len() - before.trim_start().len(),
        at + after.trim_end().len(),
    )
}

/// Characters of context a sort compares: more than a line shows, and a bound, so
/// a text repeating one phrase thousands of times in one line (whose contexts agree
/// for a megabyte) sorts in linear time per comparison, not quadratic.
pub const SORT_CONTEXT_CHARS: usize = 64;

/// Sorts occurrences by the characters `context` gives (stable: ties keep their
/// order). Each is first keyed by its first [`KEY_CHARS`] characters, so most
/// comparisons are two integer comparisons instead of decoding two texts from
/// different articles; only equal keys compare the whole contexts.
fn sort_by_context<I: Iterator<Item = char>>(
    occurrences: &mut Vec<Occurrence>,
    context: impl Fn(&Occurrence) -> I,
) {
    let mut keyed: Vec<((u64, u64), Occurrence)> = occurrences
        .drain(..)
        .map(|o| (prefix_key(context(&o)), o))
        .collect();
    sort_by_dyn(&mut keyed, &|(key_a, a), (key_b, b)| {
        key_a.cmp(key_b).then_with(|| context(a).cmp(context(b)))
    });
    occurrences.extend(keyed.into_iter().map(|(_, o)| o));
}

/// Characters in a sort key: three per `u64`.
const KEY_CHARS: usize = 6;

/// The first [`KEY_CHARS`] characters, ordered as the strings are: each character
/// as its code point + 1 in 21 bits (0 marks the end, below every character, so
/// a prefix sorts first), most significant first.
fn prefix_key(chars: impl Iterator<Item = char>) -> (u64, u64) {
    let mut key = [0u64; 2];
    for (i, c) in chars.take(KEY_CHARS).enumerate() {
        key[i / 3] |= (u64::from(c) + 1) << (42 - 21 * (i % 3));
    }
    (key[0], key[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_names_round_trip() {
        for sort in [KwicSort::Left, KwicSort::Right, KwicSort::Date] {
            assert_eq!(sort.as_str().parse::<KwicSort>(), Ok(sort));
        }
        assert!("LEFT".parse::<KwicSort>().is_err());
    }

    #[test]
    fn prefix_keys_order_as_the_strings() {
        let texts = [
            "",
            "\u{0}",
            "\u{0}\u{0}",
            "a",
            "ab",
            "abcdef",
            "abcdefg",
            "abcdeg",
            "b",
            "米",
            "\u{10FFFF}",
            "\u{10FFFF}\u{10FFFF}",
        ];
        for a in texts {
            for b in texts {
                let (ka, kb) = (prefix_key(a.chars()), prefix_key(b.chars()));
                if ka != kb {
                    assert_eq!(ka.cmp(&kb), a.cmp(b), "{a:?} {b:?}");
                } else {
                    assert_eq!(
                        a.chars().take(KEY_CHARS).collect::<String>(),
                        b.chars().take(KEY_CHARS).collect::<String>()
                    );
                }
            }
        }
    }
}
