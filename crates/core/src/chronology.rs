//! The chronology (年表): every date the current results' bodies mention, each with
//! the sentence that mentions it, in the order of the dates mentioned, not of
//! publication. The event timeline people otherwise build by hand, from the text.
//!
//! The dates are those the index found at build time ([`Index::mentioned_dates_of`]:
//! `YYYY年M月D日`, `YYYY年M月`, yearless `M月D日` resolved against the article's
//! date). A sentence ends at `。！？!?`, at `.`/`．` before a space or the end of
//! the line (so `5.5%` stays whole, while `U.S. and` ends one: a sentence cut short
//! rather than a dictionary of abbreviations), and at the edges of its block (a
//! body line); it is cut to [`SENTENCE_CONTEXT_CHARS`] characters on either side of
//! the date, so a corpus of endless lines still gives short entries.
//!
//! ```
//! use kiroku_core::{parse::parse, Gazetteer, Index, SearchRequest};
//! let corpus = parse("- 2025年3月2日 会談\n2025年3月2日 会談\n前置き。2月3日に会談した。翌週も。\n").corpus;
//! let index = Index::build(corpus, &Gazetteer::default());
//! let chronology = index.chronology(&SearchRequest::default(), 0, 10);
//! let entry = &chronology.entries[0];
//! assert_eq!(entry.date.to_string(), "2025-02-03");
//! assert_eq!(entry.sentence, "2月3日に会談した。");
//! assert_eq!(&entry.sentence[entry.span.range()], "2月3日");
//! ```

use serde::Serialize;

use crate::date::{Date, Precision};
use crate::index::{DocId, Index};
use crate::order::sort_by_dyn;
use crate::results::result_docs;
use crate::search::SearchRequest;
use crate::Span;

/// Characters of a sentence kept on either side of the date (a sentence longer
/// than that is cut, and says so).
pub const SENTENCE_CONTEXT_CHARS: usize = 120;

/// One page of a chronology.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Chronology {
    /// Mentions in all results (every page).
    pub total: usize,
    /// Mentions per year of the date mentioned, ascending, over every page: the
    /// year headings of a paged list.
    pub years: Vec<(i32, usize)>,
    pub entries: Vec<ChronologyEntry>,
}

/// One mentioned date with the sentence around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChronologyEntry {
    /// The date mentioned (the first of the month for a [`Precision::Month`]).
    pub date: Date,
    pub precision: Precision,
    /// The sentence that mentions it, as written.
    pub sentence: String,
    /// Byte span of the date in `sentence`.
    pub span: Span,
    /// Whether the sentence was cut before / after (show "…").
    pub cut_before: bool,
    pub cut_after: bool,
    /// The block of the body it is in (`article.blocks()[block]`), for the reader.
    pub block: usize,
    pub doc: DocId,
    /// The article's stable id, title and publication date.
    pub id: String,
    pub title: String,
    pub published: Date,
}

impl Index<'_> {
    /// The dates mentioned in the bodies of `request`'s results (query, filters and
    /// date range applied; the date range filters *publication* dates, so a 2025
    /// article recalling 2013 brings 2013 in), one entry per mention, sorted by the
    /// date mentioned, then publication date, then corpus order, then position;
    /// entries `offset..offset + limit` of that (none past the end).
    pub fn chronology(&self, request: &SearchRequest, offset: usize, limit: usize) -> Chronology {
        // (date mentioned, publication date, doc, mention's place in the article).
        let mut mentions: Vec<(Date, Date, DocId, usize)> = Vec::new();
        for doc in result_docs(self, request) {
            let Some(article) = self.article(doc) else {
                continue;
            };
            for (n, mention) in self.mentioned_dates_of(doc).iter().enumerate() {
                mentions.push((mention.date, article.date, doc, n));
            }
        }
        // (doc, place) is unique: stable or not, the order is the same.
        sort_by_dyn(&mut mentions, &|x, y| x.cmp(y));
        let mut years: Vec<(i32, usize)> = Vec::new();
        for &(date, ..) in &mentions {
            match years.last_mut() {
                Some((year, count)) if *year == date.year => *count += 1,
                _ => years.push((date.year, 1)),
            }
        }
        let entries = mentions
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(|&(_, _, doc, n)| self.chronology_entry(doc, n))
            .collect();
        Chronology {
            total: mentions.len(),
            years,
            entries,
        }
    }

    fn chronology_entry(&self, doc: DocId, n: usize) -> Option<ChronologyEntry> {
        let article = self.article(doc)?;
        let mention = self.mentioned_dates_of(doc).get(n)?;
        let blocks = article.blocks();
        // The block holding the date; a date the block split cannot place (it never
        // spans lines) stands alone.
        let (block, bounds) = blocks
            .iter()
            .enumerate()
            .find(|(_, b)| b.span.start <= mention.span.start && mention.span.end <= b.span.end)
            .map_or((0, mention.span), |(i, b)| (i, b.span));
        let body = &article.body[..];
        let line = body.get(bounds.range())?;
        let start = mention.span.start - bounds.start;
        let end = mention.span.end - bounds.start;
        let (from, to) = sentence_around(line, start, end);
        let (from, cut_before) = keep_last_chars(line, from, start, SENTENCE_CONTEXT_CHARS);
        let (to, cut_after) = keep_first_chars(line, end, to, SENTENCE_CONTEXT_CHARS);
        Some(ChronologyEntry {
            date: mention.date,
            precision: mention.precision,
            sentence: line.get(from..to)?.to_string(),
            span: Span::new(start - from, end - from),
            cut_before,
            cut_after,
            block,
            doc,
            id: article.id.clone(),
            title: article.title.to_string(),
            published: article.date,
        })
    }
}

/// Whether the sentence ends after the character at byte `at` of `line`, `c`.
fn ends_sentence(line: &str, at: usize, c: char) -> bool {
    match c {
        '。' | '！' | '？' | '!' | '?' => true,
        // A Latin full stop ends a sentence only before a space or the line's end.
        '.' | '．' => line[at + c.len_utf8()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// The byte range of the sentence of `line` containing `start..end`, trimmed.
fn sentence_around(line: &str, start: usize, end: usize) -> (usize, usize) {
    let from = line[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(line, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = line[end..]
        .char_indices()
        .find(|&(i, c)| ends_sentence(line, end + i, c))
        .map_or(line.len(), |(i, c)| end + i + c.len_utf8());
    let from = from + (line[from..start].len() - line[from..start].trim_start().len());
    (from, to)
}

/// `from`, moved forward so that at most `max` characters remain before `to`, and
/// whether it moved.
fn keep_last_chars(line: &str, from: usize, to: usize, max: usize) -> (usize, bool) {
    match line[from..to]
        .char_indices()
        .rev()
        .nth(max.saturating_sub(1))
    {
        Some((i, _)) if max > 0 && i > 0 => (from + i, true),
        Some(_) if max == 0 => (to, from < to),
        _ => (from, false),
    }
}

/// `to`, moved back so that at most `max` characters remain after `from`, and
/// whether it moved.
fn keep_first_chars(line: &str, from: usize, to: usize, max: usize) -> (usize, bool) {
    match line[from..to].char_indices().nth(max) {
        Some((i, _)) => (from + i, true),
        None => (to, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check_sentence(line: &str, date: &str, expect: Expect) {
        let start = line.find(date).unwrap();
        let (from, to) = sentence_around(line, start, start + date.len());
        expect.assert_eq(&line[from..to]);
    }

    #[test]
    fn sentences_end_where_readers_stop() {
        check_sentence("前。 2月3日に会談! 後", "2月3日", expect!["2月3日に会談!"]);
        // A decimal point is no sentence end; an abbreviation before a space is (no
        // dictionary of abbreviations: the cost is a sentence cut short).
        check_sentence(
            "GDP grew 5.5% by 2月3日 in the U.S. after.",
            "2月3日",
            expect!["GDP grew 5.5% by 2月3日 in the U.S."],
        );
        check_sentence(
            "Talks ended. Then 2月3日. More",
            "2月3日",
            expect!["Then 2月3日."],
        );
        check_sentence("2月3日", "2月3日", expect!["2月3日"]);
    }

    #[test]
    fn long_sentences_are_cut_around_the_date() {
        let line = "あ".repeat(10) + "2月3日" + &"い".repeat(10);
        let (start, end) = (30, 30 + "2月3日".len());
        assert_eq!(keep_last_chars(&line, 0, start, 4), (18, true));
        assert_eq!(keep_last_chars(&line, 0, start, 10), (0, false));
        assert_eq!(keep_last_chars(&line, 0, start, 0), (start, true));
        assert_eq!(keep_first_chars(&line, end, line.len(), 2), (end + 6, true));
        assert_eq!(
            keep_first_chars(&line, end, line.len(), 10),
            (line.len(), false)
        );
    }
}
