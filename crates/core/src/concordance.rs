//! The concordance (keyword in context, KWIC): every occurrence of the query's
//! terms in the current results, one line each, with the text on either side.
//!
//! An occurrence is what the reader marks: a span [`crate::snippet::highlight`]
//! finds in the article's title or in one of its body blocks ([`Article::blocks`]),
//! overlapping and touching matches merged into one, as they are marked. Each
//! line carries its `occurrence`, the number of its match among the article's
//! matches in reading order ([`Index::matches_in`]), so the app can open the reader
//! at that match and step through the others in the same order.
//!
//! Building the lines is two steps, so a page stays cheap: [`Index::kwic`] finds
//! and sorts every occurrence (compact, no text copied; keep it while only the page
//! changes), [`Kwic::page`] cuts the context strings for one page.
//! [`Index::concordance`] does both.
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
//! ```

use serde::Serialize;

use crate::date::Date;
use crate::index::{DocId, Index};
use crate::order::sort_by_dyn;
use crate::parse::Article;
use crate::query::Query;
use crate::results::result_docs;
use crate::search::SearchRequest;
use crate::snippet::highlight;
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
    /// Where the match is: `None` in the title, `Some(i)` in `article.blocks()[i]`.
    pub block: Option<usize>,
    /// Byte span of the match in that text (the title or the block's `text`).
    pub span: Span,
    /// Up to `context_chars` characters before the match, within its text.
    pub left: String,
    /// The matched text as written.
    pub matched: String,
    /// Up to `context_chars` characters after the match, within its text.
    pub right: String,
    /// Whether the text goes on beyond `left` / `right` (show "…").
    pub cut_left: bool,
    pub cut_right: bool,
    /// 0-based number of this match among all matches of the article, in reading
    /// order (title, then blocks): the `n` of [`Index::matches_in`].
    pub occurrence: usize,
}

/// Every occurrence of a request's terms, sorted, without text: see [`Index::kwic`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kwic {
    occurrences: Vec<Occurrence>,
}

/// One match, located: the article, the text it is in, the span in that text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Occurrence {
    doc: DocId,
    /// `None` for the title, else the block's number.
    block: Option<u32>,
    /// Where the block's text lies in the body (the title: its whole length).
    field: Span,
    /// The match in the field's text.
    span: Span,
    occurrence: u32,
}

impl Occurrence {
    fn text<'t>(&self, article: &'t Article) -> &'t str {
        let field = match self.block {
            None => &article.title[..],
            Some(_) => &article.body[..],
        };
        field.get(self.field.range()).unwrap_or_default()
    }
}

impl Kwic {
    /// Number of occurrences (every page).
    pub fn len(&self) -> usize {
        self.occurrences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.occurrences.is_empty()
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
        self.occurrences
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(|o| {
                let article = index.article(o.doc)?;
                let text = o.text(article);
                let before = text.get(..o.span.start)?;
                let after = text.get(o.span.end..)?;
                // The start of the last `context_chars` characters before the match.
                let left_start = match context_chars.checked_sub(1) {
                    None => before.len(),
                    Some(last) => before.char_indices().rev().nth(last).map_or(0, |(i, _)| i),
                };
                let right_end = after
                    .char_indices()
                    .nth(context_chars)
                    .map_or(after.len(), |(i, _)| i);
                Some(KwicLine {
                    doc: o.doc,
                    id: article.id.clone(),
                    date: article.date,
                    title: article.title.to_string(),
                    block: o.block.map(|b| b as usize),
                    span: o.span,
                    left: before[left_start..].to_string(),
                    matched: text.get(o.span.range())?.to_string(),
                    right: after[..right_end].to_string(),
                    cut_left: left_start > 0,
                    cut_right: right_end < after.len(),
                    occurrence: o.occurrence as usize,
                })
            })
            .collect()
    }
}

impl Index {
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

    /// Every occurrence of the positive terms of `request`'s query in the titles and
    /// body blocks of its results (filters and date range applied; paging and the
    /// result sort ignored), in `sort` order. Ties keep the date order.
    pub fn kwic(&self, request: &SearchRequest, sort: KwicSort) -> Kwic {
        let query = self.parse_query(&request.query);
        if query.positive_atoms().next().is_none() {
            return Kwic::default();
        }
        let mut occurrences = Vec::new();
        for doc in result_docs(self, request) {
            let Some(article) = self.article(doc) else {
                continue;
            };
            for (n, (block, field, span)) in self.located_matches(&query, article).enumerate() {
                occurrences.push(Occurrence {
                    doc,
                    block: block.map(|b| b as u32),
                    field,
                    span,
                    occurrence: n as u32,
                });
            }
        }
        let text = |o: &Occurrence| self.article(o.doc).map_or("", |article| o.text(article));
        let left = |o: &Occurrence| text(o).get(..o.span.start).unwrap_or_default();
        let right = |o: &Occurrence| text(o).get(o.span.end..).unwrap_or_default();
        match sort {
            KwicSort::Date => {}
            KwicSort::Left => sort_by_context(&mut occurrences, |o| {
                left(o).chars().rev().take(SORT_CONTEXT_CHARS)
            }),
            KwicSort::Right => sort_by_context(&mut occurrences, |o| {
                right(o).chars().take(SORT_CONTEXT_CHARS)
            }),
        }
        Kwic { occurrences }
    }

    /// The matches of `query` (as typed) in article `doc`, in reading order: the
    /// title's (`None`), then each block's (`Some(i)` for `article.blocks()[i]`),
    /// each a byte span in that text. The reader's "match n of N" counts these;
    /// [`KwicLine::occurrence`] is an index into this list.
    pub fn matches_in(&self, query: &str, doc: DocId) -> Vec<(Option<usize>, Span)> {
        let query = self.parse_query(query);
        self.article(doc).map_or_else(Vec::new, |article| {
            self.located_matches(&query, article)
                .map(|(block, _, span)| (block, span))
                .collect()
        })
    }

    /// [`Index::matches_in`], with where each block lies in the body.
    fn located_matches<'q>(
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
