//! The inverted index: for every gram and word, where it occurs, as sorted
//! `(article, position)` pairs. Built once from a [`Corpus`]; answers
//! [`Atom`] occurrence queries by intersecting shifted posting lists.
//!
//! Each article is one position stream: the title's tokens, a one-position gap (so
//! a phrase never spans title and body), then the body's. An occurrence is in the
//! title when its position is below the title length.
//!
//! ```
//! use kiroku_core::{parse::parse, Gazetteer, Index, SearchRequest};
//! let corpus = parse("- 2025年1月2日 攻撃\n- 2025年1月3日 話\n\
//!                     2025年1月2日 攻撃\nサイバー攻撃\n2025年1月3日 話\nサイドバーの話\n").corpus;
//! let index = Index::build(corpus, &Gazetteer::default());
//! let search = |q: &str| index.search(&SearchRequest { query: q.into(), ..Default::default() }).total;
//! assert_eq!(search("サイバ"), 1); // not サイドバー: no partial-overlap matches
//! assert_eq!(search("バー"), 2);
//! ```

use rustc_hash::FxHashMap;

use crate::date::{mentioned_dates, Date, Mention};
use crate::entity::{EntityId, Gazetteer};
use crate::normalize::Normalizer;
use crate::parse::{Article, Corpus};
use crate::query::{Atom, SlotKind};
use crate::tokenize::{tokenize, TokenKind};

/// Index of an article in the corpus (and in [`Index::articles`]).
pub type DocId = u32;

/// An occurrence: `doc << 32 | position`, so sorting by it sorts by doc then position.
pub(crate) type Packed = u64;

pub(crate) fn pack(doc: DocId, position: u32) -> Packed {
    (doc as u64) << 32 | position as u64
}

pub(crate) fn doc_of(packed: Packed) -> DocId {
    (packed >> 32) as DocId
}

fn position_of(packed: Packed) -> u32 {
    packed as u32
}

/// The two texts of an article that are indexed, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Field {
    Title,
    Body,
}

/// Per-article statistics the ranker and filters need.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocInfo {
    /// Number of positions in the title.
    pub title_len: u32,
    /// Number of positions in title and body (the BM25 length).
    pub len: u32,
    /// Entities mentioned in title or body, sorted, unique.
    pub entities: Vec<EntityId>,
    /// Dates mentioned in the body (spans into the body).
    pub mentions: Vec<Mention>,
}

/// A searchable corpus. See the crate docs for how the app uses it.
#[derive(Clone, Debug)]
pub struct Index {
    pub(crate) corpus: Corpus,
    pub(crate) gazetteer: Gazetteer,
    grams: FxHashMap<(char, Option<char>), u32>,
    words: FxHashMap<Box<str>, u32>,
    /// Words sorted, for prefix look-up.
    vocabulary: Vec<(Box<str>, u32)>,
    /// Gram terms by first character, for one-character query runs.
    grams_by_first: FxHashMap<char, Vec<u32>>,
    postings: Vec<Vec<Packed>>,
    pub(crate) docs: Vec<DocInfo>,
    pub(crate) avg_len: f32,
    /// Position of each doc when sorted newest first (ties: corpus order), so that
    /// date ordering is one integer comparison.
    pub(crate) newest_rank: Vec<u32>,
    /// Article dates, compact: filters and the timeline touch every matching doc.
    pub(crate) dates: Vec<Date>,
    newest_first: Vec<DocId>,
}

impl Index {
    /// Indexes every article of `corpus`, finding `gazetteer`'s entities and the
    /// dates mentioned in bodies along the way.
    pub fn build(corpus: Corpus, gazetteer: &Gazetteer) -> Index {
        let mut index = Index {
            corpus: Corpus::default(),
            gazetteer: gazetteer.clone(),
            grams: FxHashMap::default(),
            words: FxHashMap::default(),
            vocabulary: Vec::new(),
            grams_by_first: FxHashMap::default(),
            postings: Vec::new(),
            docs: Vec::new(),
            avg_len: 1.0,
            newest_rank: Vec::new(),
            dates: Vec::new(),
            newest_first: Vec::new(),
        };
        let normalizer = *gazetteer.normalizer();
        let mut total_len: u64 = 0;
        for (doc, article) in corpus.articles.iter().enumerate() {
            let doc = doc as DocId;
            let title = normalizer.normalize(&article.title);
            let body = normalizer.normalize(&article.body);
            let mut next_position = 0;
            index.add_field(doc, &title, 0, &mut next_position);
            let title_len = next_position;
            index.add_field(doc, &body, title_len + 1, &mut next_position);
            let mut entities: Vec<EntityId> = gazetteer
                .find_in_normalized(&title)
                .into_iter()
                .chain(gazetteer.find_in_normalized(&body))
                .map(|m| m.entity)
                .collect();
            entities.sort_unstable();
            entities.dedup();
            total_len += next_position as u64;
            index.docs.push(DocInfo {
                title_len,
                len: next_position,
                entities,
                mentions: mentioned_dates(&article.body, article.date),
            });
        }
        index.avg_len = if index.docs.is_empty() {
            1.0
        } else {
            (total_len as f32 / index.docs.len() as f32).max(1.0)
        };
        let mut by_date: Vec<DocId> = (0..corpus.articles.len() as DocId).collect();
        by_date.sort_unstable_by(|&a, &b| {
            corpus.articles[b as usize]
                .date
                .cmp(&corpus.articles[a as usize].date)
                .then(a.cmp(&b))
        });
        index.dates = corpus.articles.iter().map(|a| a.date).collect();
        index.newest_rank = vec![0; by_date.len()];
        for (rank, &doc) in by_date.iter().enumerate() {
            index.newest_rank[doc as usize] = rank as u32;
        }
        index.newest_first = by_date;
        index.vocabulary = index.words.iter().map(|(w, &id)| (w.clone(), id)).collect();
        index.vocabulary.sort_unstable();
        for (&(first, _), &id) in &index.grams {
            index.grams_by_first.entry(first).or_default().push(id);
        }
        index.corpus = corpus;
        index
    }

    fn add_field(&mut self, doc: DocId, normalized: &str, start: u32, next_position: &mut u32) {
        let mut last = start;
        tokenize(normalized, |token| {
            let position = start + token.position;
            last = position + 1;
            let term = match token.kind {
                TokenKind::Gram { first, next } => {
                    let n = self.postings.len() as u32;
                    *self.grams.entry((first, next)).or_insert(n)
                }
                TokenKind::Word(w) => match self.words.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = self.postings.len() as u32;
                        self.words.insert(w.into(), id);
                        id
                    }
                },
            };
            if term as usize == self.postings.len() {
                self.postings.push(Vec::new());
            }
            self.postings[term as usize].push(pack(doc, position));
        });
        *next_position = last.max(start);
    }

    /// The articles, in corpus order; a [`DocId`] indexes this slice.
    pub fn articles(&self) -> &[Article] {
        &self.corpus.articles
    }

    pub fn article(&self, doc: DocId) -> Option<&Article> {
        self.corpus.articles.get(doc as usize)
    }

    /// Every article, newest first (ties in corpus order): the reader's prev/next
    /// when no search is active.
    pub fn newest_first(&self) -> &[DocId] {
        &self.newest_first
    }

    /// The article with this stable id.
    pub fn find_id(&self, id: &str) -> Option<DocId> {
        self.corpus
            .articles
            .iter()
            .position(|a| a.id == id)
            .map(|d| d as DocId)
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// How this index folds text: its gazetteer's normalizer, so that indexed text,
    /// queries, highlights and entity matches all fold alike.
    pub fn normalizer(&self) -> &Normalizer {
        self.gazetteer.normalizer()
    }

    pub fn len(&self) -> usize {
        self.corpus.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.corpus.articles.is_empty()
    }

    /// Entities mentioned in an article (title or body), sorted by id.
    pub fn entities_of(&self, doc: DocId) -> &[EntityId] {
        self.docs.get(doc as usize).map_or(&[], |d| &d.entities)
    }

    /// Dates mentioned in an article's body, spans into [`Article::body`].
    pub fn mentioned_dates_of(&self, doc: DocId) -> &[Mention] {
        self.docs.get(doc as usize).map_or(&[], |d| &d.mentions)
    }

    /// Whether an occurrence at `position` of `doc` lies in the title.
    pub(crate) fn in_title(&self, doc: DocId, position: u32) -> bool {
        self.docs
            .get(doc as usize)
            .is_some_and(|d| position < d.title_len)
    }

    /// Every match start of `atom`, sorted by (doc, position), packed.
    pub(crate) fn occurrences(&self, atom: &Atom) -> Vec<Packed> {
        // One sorted list per slot: borrowed when the slot is one term, merged when it
        // is a family (one-character runs, prefixes).
        let mut lists: Vec<(u32, std::borrow::Cow<'_, [Packed]>)> =
            Vec::with_capacity(atom.slots.len());
        for slot in &atom.slots {
            let list = match &slot.kind {
                SlotKind::Gram(..) | SlotKind::Word(_) => {
                    self.single(self.slot_terms(&slot.kind).first().copied())
                }
                SlotKind::AnyGram(_) | SlotKind::Prefix(_) => {
                    self.merged(&self.slot_terms(&slot.kind))
                }
            };
            if list.is_empty() {
                return Vec::new();
            }
            lists.push((slot.offset, list));
        }
        // Drive from the rarest slot; find the others by galloping forward.
        if let Some(rarest) = (0..lists.len()).min_by_key(|&i| lists[i].1.len()) {
            lists.swap(0, rarest);
        }
        let Some(((driver_offset, driver), others)) = lists.split_first() else {
            return Vec::new();
        };
        let mut cursors = vec![0usize; others.len()];
        let mut out = Vec::new();
        'candidates: for &occurrence in driver.iter() {
            let Some(start) = position_of(occurrence).checked_sub(*driver_offset) else {
                continue;
            };
            let doc = doc_of(occurrence);
            for ((offset, list), cursor) in others.iter().zip(cursors.iter_mut()) {
                let target = pack(doc, start + offset);
                *cursor = gallop(list, *cursor, target);
                if list.get(*cursor) != Some(&target) {
                    continue 'candidates;
                }
            }
            out.push(pack(doc, start));
        }
        out
    }

    /// Every match of `atom` as (article, field, token number in that field), sorted
    /// by article then position: what the concordance lines up. The field is the
    /// title or the body; a token number counts [`tokenize`]'s tokens of the
    /// normalized field, so the caller can place a match by tokenizing that field.
    pub(crate) fn match_starts(&self, atom: &Atom) -> Vec<(DocId, Field, u32)> {
        self.occurrences(atom)
            .into_iter()
            .filter_map(|occurrence| {
                let (doc, position) = (doc_of(occurrence), position_of(occurrence));
                let title_len = self.docs.get(doc as usize)?.title_len;
                Some(match position.checked_sub(title_len + 1) {
                    _ if position < title_len => (doc, Field::Title, position),
                    Some(in_body) => (doc, Field::Body, in_body),
                    // The gap between title and body holds no token.
                    None => return None,
                })
            })
            .collect()
    }

    /// The terms a slot accepts: one for a bigram or word, a family for a
    /// one-character run or a prefix.
    pub(crate) fn slot_terms(&self, kind: &SlotKind) -> Vec<u32> {
        match kind {
            SlotKind::Gram(a, b) => self
                .grams
                .get(&(*a, Some(*b)))
                .copied()
                .into_iter()
                .collect(),
            SlotKind::Word(w) => self.words.get(w.as_str()).copied().into_iter().collect(),
            SlotKind::AnyGram(a) => self.grams_by_first.get(a).cloned().unwrap_or_default(),
            SlotKind::Prefix(p) => {
                let from = self.vocabulary.partition_point(|(w, _)| &**w < p.as_str());
                self.vocabulary[from..]
                    .iter()
                    .take_while(|(w, _)| w.starts_with(p.as_str()))
                    .map(|&(_, id)| id)
                    .collect()
            }
        }
    }

    /// A term's occurrences, sorted.
    pub(crate) fn postings_of(&self, term: u32) -> &[Packed] {
        self.postings.get(term as usize).map_or(&[], |v| v)
    }

    fn single(&self, term: Option<u32>) -> std::borrow::Cow<'_, [Packed]> {
        std::borrow::Cow::Borrowed(
            term.and_then(|t| self.postings.get(t as usize))
                .map_or(&[][..], |v| v),
        )
    }

    fn merged(&self, terms: &[u32]) -> std::borrow::Cow<'_, [Packed]> {
        if let [one] = terms {
            return self.single(Some(*one));
        }
        let mut all: Vec<Packed> = terms
            .iter()
            .filter_map(|&t| self.postings.get(t as usize))
            .flatten()
            .copied()
            .collect();
        all.sort_unstable();
        std::borrow::Cow::Owned(all)
    }
}

/// First index `>= from` whose value is `>= target` (exponential then binary search):
/// cursors only move forward, so most look-ups touch a few neighbours.
fn gallop(list: &[Packed], from: usize, target: Packed) -> usize {
    if from >= list.len() || list[from] >= target {
        return from.min(list.len());
    }
    // Invariant: list[lo] < target.
    let mut lo = from;
    let mut step = 1;
    while lo + step < list.len() && list[lo + step] < target {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(list.len());
    lo + 1 + list[lo + 1..hi].partition_point(|&v| v < target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gallop_finds_lower_bound() {
        let list: Vec<u64> = (0..100).map(|v| v * 2).collect();
        for from in [0, 3, 50, 99, 100] {
            for target in [0, 1, 7, 100, 197, 198, 199, 500] {
                let expected = from + list[from..].partition_point(|&v| v < target);
                assert_eq!(
                    gallop(&list, from, target),
                    expected,
                    "from {from} target {target}"
                );
            }
        }
    }
}
