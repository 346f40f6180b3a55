//! The positional index: for every character and word, the positions where it
//! occurs, as compressed [`PostingList`]s. Built from a [`Corpus`] (at once with
//! [`Index::build`], or a slice at a time with [`IndexBuilder`]); answers [`Atom`]
//! occurrence queries by intersecting shifted position lists.
//!
//! Every token of the tokenizer takes one position. The articles are one position
//! stream: each article's title tokens, a one-position gap (so a phrase never spans
//! title and body), its body tokens, another gap, then the next article. An
//! occurrence is in an article's title when it lies below the article's start plus
//! its title length.
//!
//! The index keeps one list per *character* (and per Latin word), not per bigram:
//! the tokenizer's bigram `AB` at position `p` is exactly "`A` at `p`, `B` at `p + 1`,
//! and no space between them". Spaces take no position, so the few places where two
//! characters at consecutive positions were separated by whitespace are kept in
//! one more list, the *breaks*. A term then matches where all its characters stand
//! at consecutive positions with no break inside: the same exact-substring
//! semantics as bigram lists, for a fraction of the memory, because a character
//! list's gaps are far smaller than a bigram list's (see BENCHMARKS.md).
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

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::date::{mentioned_dates, Date, Mention};
use crate::entity::{EntityId, Gazetteer};
use crate::normalize::Normalizer;
use crate::parse::{Article, Corpus};
use crate::postings::{Cursor, PostingList};
use crate::query::{Atom, SlotKind};
use crate::tokenize::{tokenize, TokenKind};

/// Index of an article in the corpus (and in [`Index::articles`]).
pub type DocId = u32;

/// A position in the index's one position stream (see the module docs).
pub(crate) type Position = u32;

/// The term whose list holds the breaks (see the module docs).
const BREAKS: u32 = 0;

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

/// A searchable corpus. See the crate docs for how the app uses it. Its articles
/// borrow their text from the corpus text (`'a`) where they can.
#[derive(Clone, Debug)]
pub struct Index<'a> {
    pub(crate) corpus: Corpus<'a>,
    pub(crate) gazetteer: Gazetteer,
    /// Term id of each character that occurs as a non-word token.
    chars: FxHashMap<char, u32>,
    /// Term id of each word, sorted by word: exact and prefix look-up.
    vocabulary: Vec<(Box<str>, u32)>,
    /// Positions of each term, by term id ([`BREAKS`] first).
    postings: Vec<PostingList>,
    /// First position of each article (its title's first token), increasing.
    starts: Vec<Position>,
    pub(crate) docs: Vec<DocInfo>,
    pub(crate) avg_len: f32,
    /// Position of each doc when sorted newest first (ties: corpus order), so that
    /// date ordering is one integer comparison.
    pub(crate) newest_rank: Vec<u32>,
    /// Article dates, compact: filters and the timeline touch every matching doc.
    pub(crate) dates: Vec<Date>,
    newest_first: Vec<DocId>,
    /// The last atoms' match starts (see [`Recent`]).
    recent: RefCell<Recent>,
}

/// What an [`Index`] holds in memory besides the text, in bytes ([`Index::memory`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexMemory {
    /// The position lists.
    pub positions: usize,
    /// The term dictionary (characters and words).
    pub terms: usize,
    /// Per article: the article records (not their text), positions, dates,
    /// entities and mentioned dates.
    pub articles: usize,
}

impl IndexMemory {
    pub fn total(self) -> usize {
        self.positions + self.terms + self.articles
    }
}

/// How far an [`IndexBuilder`] has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Articles indexed so far.
    pub indexed: usize,
    /// Articles in the corpus.
    pub total: usize,
}

impl Progress {
    pub fn is_done(self) -> bool {
        self.indexed >= self.total
    }
}

/// Builds an [`Index`] a slice at a time, so that a page can index a large corpus
/// between frames instead of freezing for the whole build:
///
/// ```
/// use kiroku_core::{parse::parse, index::IndexBuilder, Gazetteer};
/// let corpus = parse("- 2025年1月2日 甲\n- 2025年1月3日 乙\n\
///                     2025年1月2日 甲\n本文\n2025年1月3日 乙\n本文\n").corpus;
/// let mut builder = IndexBuilder::new(corpus, &Gazetteer::default());
/// // Listing needs no index: newest first is known at once.
/// assert_eq!(builder.newest_first(), [1, 0]);
/// while !builder.index_some(1).is_done() {
///     // yield to the event loop, show builder.progress()
/// }
/// let index = builder.finish();
/// assert_eq!(index.len(), 2);
/// ```
#[derive(Debug)]
pub struct IndexBuilder<'a> {
    index: Index<'a>,
    /// Term id of each word, while words are still being added.
    words: FxHashMap<Box<str>, u32>,
    next_position: Position,
    total_len: u64,
}

impl<'a> IndexBuilder<'a> {
    /// Starts an index of `corpus`: dates and the newest-first order are ready at
    /// once, the articles are indexed by [`IndexBuilder::index_some`] or
    /// [`IndexBuilder::finish`]. Text is folded with `gazetteer`'s normalizer.
    pub fn new(corpus: Corpus<'a>, gazetteer: &Gazetteer) -> IndexBuilder<'a> {
        let n_docs = corpus.articles.len();
        let mut by_date: Vec<DocId> = (0..n_docs as DocId).collect();
        // Once per load: the shared sort, not a copy of std's of its own (order.rs).
        crate::order::sort_by_dyn(&mut by_date, &|&a, &b| {
            corpus.articles[b as usize]
                .date
                .cmp(&corpus.articles[a as usize].date)
                .then(a.cmp(&b))
        });
        let mut newest_rank = vec![0; n_docs];
        for (rank, &doc) in by_date.iter().enumerate() {
            newest_rank[doc as usize] = rank as u32;
        }
        let index = Index {
            dates: corpus.articles.iter().map(|a| a.date).collect(),
            corpus,
            gazetteer: gazetteer.clone(),
            chars: FxHashMap::default(),
            vocabulary: Vec::new(),
            postings: vec![PostingList::default()], // BREAKS
            starts: Vec::with_capacity(n_docs),
            docs: Vec::with_capacity(n_docs),
            avg_len: 1.0,
            newest_rank,
            newest_first: by_date,
            recent: RefCell::default(),
        };
        IndexBuilder {
            index,
            words: FxHashMap::default(),
            next_position: 0,
            total_len: 0,
        }
    }

    /// The articles, in corpus order (all of them, indexed or not).
    pub fn articles(&self) -> &[Article<'a>] {
        &self.index.corpus.articles
    }

    /// Every article, newest first: what the app lists before search is ready.
    pub fn newest_first(&self) -> &[DocId] {
        &self.index.newest_first
    }

    pub fn progress(&self) -> Progress {
        Progress {
            indexed: self.index.docs.len(),
            total: self.index.corpus.articles.len(),
        }
    }

    /// Indexes the next articles, at least one and then as many as fit in
    /// `text_bytes` bytes of title and body text. A caller slicing work by time
    /// calls it with a small budget until its time slice is spent (or scales the
    /// budget by how long the last call took), yields, and comes back until
    /// [`Progress::is_done`]. One article is never split, so a slice takes at least
    /// as long as the longest article.
    pub fn index_some(&mut self, text_bytes: usize) -> Progress {
        let mut spent = 0;
        while spent < text_bytes.max(1) {
            let doc = self.index.docs.len();
            let Some(article) = self.index.corpus.articles.get(doc) else {
                break;
            };
            spent += article.title.len() + article.body.len();
            self.add_article(doc);
        }
        self.progress()
    }

    /// Indexes what is left and returns the index.
    pub fn finish(mut self) -> Index<'a> {
        while !self.index_some(usize::MAX).is_done() {}
        let mut index = self.index;
        for list in &mut index.postings {
            list.finish();
        }
        index.vocabulary = self.words.into_iter().collect();
        crate::order::sort_by_dyn(&mut index.vocabulary, &|a, b| a.cmp(b));
        index.avg_len = if index.docs.is_empty() {
            1.0
        } else {
            (self.total_len as f32 / index.docs.len() as f32).max(1.0)
        };
        index
    }

    fn add_article(&mut self, doc: usize) {
        let normalizer = *self.index.gazetteer.normalizer();
        let article = &self.index.corpus.articles[doc];
        let title = normalizer.normalize(&article.title);
        let body = normalizer.normalize(&article.body);
        let mentions = mentioned_dates(&article.body, article.date);
        let gazetteer = &self.index.gazetteer;
        let mut entities: Vec<EntityId> = gazetteer
            .find_in_normalized(&title)
            .into_iter()
            .chain(gazetteer.find_in_normalized(&body))
            .map(|m| m.entity)
            .collect();
        entities.sort_unstable();
        entities.dedup();

        let start = self.next_position;
        let title_len = self.add_field(&title, start);
        // One gap position between title and body, and one after the body.
        let body_start = start.saturating_add(title_len).saturating_add(1);
        let body_len = self.add_field(&body, body_start);
        let len = title_len.saturating_add(body_len).saturating_add(1);
        self.next_position = start.saturating_add(len).saturating_add(1);
        self.total_len += u64::from(len);
        self.index.starts.push(start);
        self.index.docs.push(DocInfo {
            title_len,
            len,
            entities,
            mentions,
        });
    }

    /// Adds a field's tokens from position `start`; returns its number of positions.
    fn add_field(&mut self, normalized: &str, start: Position) -> u32 {
        let mut n_positions = 0;
        // A gram token that ended its run (a space followed): if a gram comes next,
        // the two stand at consecutive positions but form no bigram.
        let mut run_ended_at: Option<Position> = None;
        let index = &mut self.index;
        let words = &mut self.words;
        tokenize(normalized, |token| {
            let position = start.saturating_add(token.position);
            n_positions = token.position + 1;
            let term = match token.kind {
                TokenKind::Gram { first, next } => {
                    if let Some(previous) = run_ended_at {
                        index.postings[BREAKS as usize].push(previous);
                    }
                    run_ended_at = next.is_none().then_some(position);
                    let n_terms = index.postings.len() as u32;
                    *index.chars.entry(first).or_insert(n_terms)
                }
                TokenKind::Word(word) => {
                    run_ended_at = None;
                    match words.get(word) {
                        Some(&id) => id,
                        None => {
                            let id = index.postings.len() as u32;
                            words.insert(word.into(), id);
                            id
                        }
                    }
                }
            };
            if term as usize == index.postings.len() {
                index.postings.push(PostingList::default());
            }
            index.postings[term as usize].push(position);
        });
        n_positions
    }
}

impl<'a> Index<'a> {
    /// Indexes every article of `corpus`, finding `gazetteer`'s entities and the
    /// dates mentioned in bodies along the way. Text is folded with the gazetteer's
    /// normalizer. [`IndexBuilder`] does the same in slices.
    pub fn build(corpus: Corpus<'a>, gazetteer: &Gazetteer) -> Index<'a> {
        IndexBuilder::new(corpus, gazetteer).finish()
    }

    /// The articles, in corpus order; a [`DocId`] indexes this slice.
    pub fn articles(&self) -> &[Article<'a>] {
        &self.corpus.articles
    }

    pub fn article(&self, doc: DocId) -> Option<&Article<'a>> {
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

    /// Bytes of memory the index holds besides the articles' text (capacities, not
    /// counting allocator overhead): what BENCHMARKS.md divides by the indexed
    /// characters.
    pub fn memory(&self) -> IndexMemory {
        use std::mem::size_of;
        let positions = self
            .postings
            .iter()
            .map(|list| size_of::<PostingList>() + list.heap_bytes())
            .sum();
        let vocabulary: usize = self
            .vocabulary
            .iter()
            .map(|(word, _)| size_of::<(Box<str>, u32)>() + word.len())
            .sum();
        let terms = self.chars.capacity() * (size_of::<(char, u32)>() + 1) + vocabulary;
        let per_doc: usize = self
            .docs
            .iter()
            .map(|d| {
                d.entities.capacity() * size_of::<EntityId>()
                    + d.mentions.capacity() * size_of::<Mention>()
            })
            .sum();
        let articles = per_doc
            + self.docs.capacity() * size_of::<DocInfo>()
            + self.starts.capacity() * size_of::<Position>()
            + self.newest_rank.capacity() * 4
            + self.newest_first.capacity() * 4
            + self.dates.capacity() * size_of::<Date>()
            + self.corpus.articles.capacity() * size_of::<Article<'_>>();
        IndexMemory {
            positions,
            terms,
            articles,
        }
    }

    /// Forgets the remembered matches of recent terms, so the next search starts
    /// cold: for benchmarks of a query typed in one go.
    pub fn forget_recent(&self) {
        self.recent.borrow_mut().entries.clear();
    }

    /// The article a position belongs to. Positions between articles (the gap after
    /// one) belong to the one before.
    pub(crate) fn doc_at(&self, position: Position) -> DocId {
        self.starts
            .partition_point(|&s| s <= position)
            .saturating_sub(1) as DocId
    }

    /// The first position of an article and the end of its title and of its body.
    pub(crate) fn fields(&self, doc: DocId) -> (Position, Position, Position) {
        let start = self.starts.get(doc as usize).copied().unwrap_or(0);
        let info = self.docs.get(doc as usize);
        let title_end = start.saturating_add(info.map_or(0, |d| d.title_len));
        let end = start.saturating_add(info.map_or(0, |d| d.len));
        (start, title_end, end)
    }

    /// Every match start of `atom`, sorted.
    ///
    /// A match must satisfy every need of the atom (see [`Needs`]). The matches of
    /// an atom whose needs are a subset of this one's (the previous keystroke's
    /// term: `フェン` before `フェンタ`) contain all of this one's, so when
    /// [`Recent`] has them they join the lists as one more, usually the rarest:
    /// typing a term then checks the last matches against one new character instead
    /// of intersecting every character's list again.
    pub(crate) fn occurrences(&self, atom: &Atom) -> Vec<Position> {
        let Some(needs) = self.needs(atom) else {
            return Vec::new();
        };
        let known = self.recent.borrow().best_within(&needs);
        let (present, unbroken) = match &known {
            Some((known_needs, starts)) if *known_needs == needs => return starts.to_vec(),
            Some((known_needs, _)) => (
                needs
                    .present
                    .iter()
                    .filter(|need| !known_needs.present.contains(need))
                    .collect::<Vec<_>>(),
                needs
                    .unbroken
                    .iter()
                    .copied()
                    .filter(|offset| !known_needs.unbroken.contains(offset))
                    .collect::<Vec<_>>(),
            ),
            None => (needs.present.iter().collect(), needs.unbroken.clone()),
        };
        let mut lists: Vec<(u32, Source<'_>)> = Vec::with_capacity(present.len() + 1);
        if let Some((_, starts)) = known {
            lists.push((0, Source::Sorted(starts, 0)));
        }
        for (offset, terms) in present {
            let source = match terms.as_slice() {
                [one] => Source::List(self.postings_of(*one).cursor(), self.postings_of(*one)),
                family => Source::merged(family.iter().map(|&t| self.postings_of(t))),
            };
            if source.len() == 0 {
                return Vec::new();
            }
            lists.push((*offset, source));
        }
        let starts = self.intersect(lists, &unbroken);
        self.recent.borrow_mut().remember(needs, &starts);
        starts
    }

    /// The starts at which every list holds its term at its offset from the start,
    /// with no break after any `unbroken` offset (sorted).
    fn intersect(&self, mut lists: Vec<(u32, Source<'_>)>, unbroken: &[u32]) -> Vec<Position> {
        // Drive from the rarest list; find the others by seeking forward.
        if let Some(rarest) = (0..lists.len()).min_by_key(|&i| lists[i].1.len()) {
            lists.swap(0, rarest);
        }
        let Some(((driver_offset, driver), others)) = lists.split_first_mut() else {
            return Vec::new();
        };
        // Probe the rarer lists first: most candidates fail there, so the long lists
        // (common characters) are only sought at the few candidates left.
        others.sort_unstable_by_key(|(_, source)| source.len());
        let mut breaks = self.postings_of(BREAKS).cursor();
        // The last target sought in `breaks`: a cursor only seeks forward, and a
        // phrase's offsets can send a later candidate back behind it.
        let mut breaks_sought = 0;
        let mut out = Vec::new();
        'candidates: while let Some(position) = driver.next() {
            let Some(start) = position.checked_sub(*driver_offset) else {
                continue;
            };
            for (offset, list) in others.iter_mut() {
                let target = start.saturating_add(*offset);
                if list.seek(target) != Some(target) {
                    continue 'candidates;
                }
            }
            // One seek usually clears every offset: the next break after the
            // first one is past the term.
            let mut clear_below = 0;
            for &offset in unbroken {
                if offset < clear_below {
                    continue;
                }
                let target = start.saturating_add(offset);
                if target < breaks_sought {
                    breaks = self.postings_of(BREAKS).cursor();
                }
                breaks_sought = target;
                match breaks.seek(target) {
                    Some(found) if found == target => continue 'candidates,
                    Some(found) => clear_below = found - start,
                    None => break,
                }
            }
            out.push(start);
        }
        out
    }

    /// What a match of `atom` at some start needs, as offsets from the start: terms
    /// present (one of several for a prefix) and offsets with no break after them.
    /// `None` when a term of the atom never occurs.
    fn needs(&self, atom: &Atom) -> Option<Needs> {
        let mut needs = Needs::default();
        let mut add = |offset: u32, terms: Vec<u32>| {
            if !needs
                .present
                .iter()
                .any(|(o, t)| *o == offset && *t == terms)
            {
                needs.present.push((offset, terms));
            }
        };
        for slot in &atom.slots {
            match &slot.kind {
                SlotKind::Gram(first, next) => {
                    add(slot.offset, vec![*self.chars.get(first)?]);
                    add(slot.offset + 1, vec![*self.chars.get(next)?]);
                    needs.unbroken.push(slot.offset);
                }
                kind => {
                    let terms = self.slot_terms(kind);
                    if terms.is_empty() {
                        return None;
                    }
                    add(slot.offset, terms);
                }
            }
        }
        needs.present.sort_unstable();
        needs.unbroken.sort_unstable();
        needs.unbroken.dedup();
        Some(needs)
    }

    /// Every match of `atom` as (article, field, token number in that field), sorted
    /// by article then position: what the concordance lines up. The field is the
    /// title or the body; a token number counts [`tokenize`]'s tokens of the
    /// normalized field (a field's positions are its tokens, see [`Self::fields`]),
    /// so the caller can place a match by tokenizing that field.
    pub(crate) fn match_starts(&self, atom: &Atom) -> Vec<(DocId, Field, u32)> {
        // Starts are sorted, so the article in hand serves until one lies past it.
        let mut article: Option<(DocId, (Position, Position, Position))> = None;
        self.occurrences(atom)
            .into_iter()
            .filter_map(|position| {
                let (doc, (start, title_end, end)) = match article {
                    Some((doc, fields)) if position < fields.2 => (doc, fields),
                    _ => {
                        let doc = self.doc_at(position);
                        let fields = self.fields(doc);
                        article = Some((doc, fields));
                        (doc, fields)
                    }
                };
                match position {
                    _ if position < start => None,
                    _ if position < title_end => Some((doc, Field::Title, position - start)),
                    // The gap between title and body, and the one after the body,
                    // hold no token.
                    _ if position > title_end && position < end => {
                        Some((doc, Field::Body, position - title_end - 1))
                    }
                    _ => None,
                }
            })
            .collect()
    }

    /// The terms a slot accepts: one for a bigram or word, a family for a
    /// one-character run or a prefix.
    pub(crate) fn slot_terms(&self, kind: &SlotKind) -> Vec<u32> {
        match kind {
            SlotKind::Gram(first, _) | SlotKind::AnyGram(first) => {
                self.chars.get(first).copied().into_iter().collect()
            }
            SlotKind::Word(w) => {
                let at = self.vocabulary.partition_point(|(v, _)| &**v < w.as_str());
                match self.vocabulary.get(at) {
                    Some((v, id)) if **v == *w.as_str() => vec![*id],
                    _ => Vec::new(),
                }
            }
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

    /// A term's positions.
    pub(crate) fn postings_of(&self, term: u32) -> &PostingList {
        static EMPTY: PostingList = PostingList::EMPTY;
        self.postings.get(term as usize).unwrap_or(&EMPTY)
    }
}

/// See [`Index::needs`]: `present` sorted by offset, `unbroken` increasing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Needs {
    present: Vec<(u32, Vec<u32>)>,
    unbroken: Vec<u32>,
}

impl Needs {
    fn within(&self, other: &Needs) -> bool {
        self.present.iter().all(|need| other.present.contains(need))
            && self.unbroken.iter().all(|o| other.unbroken.contains(o))
    }
}

/// The match starts of the last few atoms searched, by their [`Needs`]: each
/// keystroke searches a term one character longer than the last.
#[derive(Clone, Debug, Default)]
struct Recent {
    /// Newest last.
    entries: Vec<(Needs, Rc<[Position]>)>,
}

impl Recent {
    /// Atoms remembered: a query's terms and the previous keystroke's.
    const ENTRIES: usize = 6;
    /// Longest list of starts remembered (1 MB): a one-character term's starts are
    /// its character's list, which is as fast to read again, and the cache stays
    /// small in a wasm memory that never shrinks.
    const MAX_STARTS: usize = 1 << 18;

    /// The remembered entry with the fewest starts whose needs are within `needs`.
    fn best_within(&self, needs: &Needs) -> Option<(Needs, Rc<[Position]>)> {
        self.entries
            .iter()
            .filter(|(known, _)| known.within(needs))
            .min_by_key(|(known, starts)| (known != needs, starts.len()))
            .cloned()
    }

    fn remember(&mut self, needs: Needs, starts: &[Position]) {
        if starts.len() > Self::MAX_STARTS {
            return;
        }
        self.entries.retain(|(known, _)| *known != needs);
        if self.entries.len() == Self::ENTRIES {
            self.entries.remove(0);
        }
        self.entries.push((needs, starts.into()));
    }
}

/// A sorted list of positions being read: one term's list, or a sorted array
/// (several lists merged, or remembered starts).
enum Source<'l> {
    List(Cursor<'l>, &'l PostingList),
    Sorted(Rc<[Position]>, usize),
}

impl<'l> Source<'l> {
    fn merged(lists: impl Iterator<Item = &'l PostingList>) -> Source<'l> {
        let mut all: Vec<Position> = lists.flat_map(|list| list.iter()).collect();
        all.sort_unstable();
        Source::Sorted(all.into(), 0)
    }

    fn len(&self) -> usize {
        match self {
            Source::List(_, list) => list.len(),
            Source::Sorted(all, _) => all.len(),
        }
    }

    fn next(&mut self) -> Option<Position> {
        match self {
            Source::List(cursor, _) => cursor.next(),
            Source::Sorted(all, at) => {
                let position = all.get(*at).copied();
                *at += 1;
                position
            }
        }
    }

    fn seek(&mut self, target: Position) -> Option<Position> {
        match self {
            Source::List(cursor, _) => cursor.seek(target),
            Source::Sorted(all, at) => {
                let rest = all.get(*at..).unwrap_or(&[]);
                *at += rest.partition_point(|&p| p < target);
                all.get(*at).copied()
            }
        }
    }
}
