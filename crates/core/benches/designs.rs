//! `cargo bench -p kiroku-core --bench designs`: the index designs weighed against
//! each other on the generated 10k and 50k corpora (BENCHMARKS.md, "Index design"):
//!
//! - **bigram positions, uncompressed** (the index before): one `(article, position)`
//!   `u64` per bigram occurrence, in a `Vec` per bigram or word;
//! - **bigram positions, compressed**: the same lists as global positions in the
//!   core's bit-packed [`PostingList`]s;
//! - **document-level bigram postings + exact check**: per bigram or word, the
//!   articles containing it with title and body counts (varint deltas); a query of
//!   one slot is answered from the counts, a longer one intersects its slots'
//!   articles and checks each candidate's text with the highlighter's matcher;
//! - **character positions, compressed** (kept, `kiroku_core::Index`): one bit-packed
//!   list per character and word, bigrams found as consecutive characters.
//!
//! For each: build time (criterion; the kept design's also finds entities and
//! mentioned dates, which the prototypes skip), bytes per indexed character, and the p50/p95 of
//! answering the query mix's text queries. For the prototypes "answering" is finding
//! the matching articles with their weighted term frequencies, the part the designs
//! differ in; for the kept design it is the whole search (ranking, facets, timeline,
//! snippets), which only makes it look slower. Read the numbers; nothing is asserted.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use kiroku_core::normalize::Normalizer;
use kiroku_core::parse::{self, Article};
use kiroku_core::postings::PostingList;
use kiroku_core::query::{Atom, Query, SlotKind};
use kiroku_core::tokenize::{tokenize, TokenKind};
use kiroku_core::{Gazetteer, Index, SearchRequest};
use rustc_hash::FxHashMap;

mod common;

use common::{corpora, query_mix, ENTITIES};

/// A title occurrence counts as this many body occurrences (as in the core).
const TITLE_BOOST: f32 = 3.0;

/// A bigram or a word: the terms of the bigram designs.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Term {
    Gram(char, Option<char>),
    Word(Box<str>),
}

fn term_of(kind: TokenKind<'_>) -> Term {
    match kind {
        TokenKind::Gram { first, next } => Term::Gram(first, next),
        TokenKind::Word(w) => Term::Word(w.into()),
    }
}

/// Calls `each(doc, in_title, term, position_in_article)` for every token.
fn for_each_token(
    articles: &[Article<'_>],
    normalizer: &Normalizer,
    mut each: impl FnMut(u32, bool, TokenKind<'_>, u32),
) {
    for (doc, article) in articles.iter().enumerate() {
        let title = normalizer.normalize(&article.title);
        let body = normalizer.normalize(&article.body);
        let mut title_len = 0;
        tokenize(&title, |t| {
            title_len = t.position + 1;
            each(doc as u32, true, t.kind, t.position);
        });
        tokenize(&body, |t| {
            each(doc as u32, false, t.kind, title_len + 1 + t.position)
        });
    }
}

/// The index before: a `Vec<u64>` of packed `(article, position)` per bigram or word.
struct BigramPositions {
    terms: FxHashMap<Term, u32>,
    lists: Vec<Vec<u64>>,
}

impl BigramPositions {
    fn build(articles: &[Article<'_>], normalizer: &Normalizer) -> BigramPositions {
        let mut index = BigramPositions {
            terms: FxHashMap::default(),
            lists: Vec::new(),
        };
        for_each_token(articles, normalizer, |doc, _, kind, position| {
            let n = index.lists.len() as u32;
            let id = *index.terms.entry(term_of(kind)).or_insert(n);
            if id == n {
                index.lists.push(Vec::new());
            }
            index.lists[id as usize].push(u64::from(doc) << 32 | u64::from(position));
        });
        index
    }

    fn bytes(&self) -> usize {
        let lists: usize = self.lists.iter().map(|l| 24 + l.capacity() * 8).sum();
        lists + self.terms.capacity() * (std::mem::size_of::<(Term, u32)>() + 1)
    }
}

/// Bigram lists of global positions in the core's compressed [`PostingList`]s.
struct CompressedBigramPositions {
    terms: FxHashMap<Term, u32>,
    lists: Vec<PostingList>,
}

impl CompressedBigramPositions {
    fn build(articles: &[Article<'_>], normalizer: &Normalizer) -> CompressedBigramPositions {
        let mut index = CompressedBigramPositions {
            terms: FxHashMap::default(),
            lists: Vec::new(),
        };
        // Articles follow each other in one position stream, as in the core.
        let mut base = 0u32;
        let mut last_doc = 0;
        let mut last_position = 0;
        for_each_token(articles, normalizer, |doc, _, kind, position| {
            if doc != last_doc {
                base += last_position + 2;
                last_doc = doc;
            }
            last_position = position;
            let n = index.lists.len() as u32;
            let id = *index.terms.entry(term_of(kind)).or_insert(n);
            if id == n {
                index.lists.push(PostingList::default());
            }
            index.lists[id as usize].push(base + position);
        });
        for list in &mut index.lists {
            list.finish();
        }
        index
    }

    fn bytes(&self) -> usize {
        let lists: usize = self
            .lists
            .iter()
            .map(|l| std::mem::size_of::<PostingList>() + l.heap_bytes())
            .sum();
        lists + self.terms.capacity() * (std::mem::size_of::<(Term, u32)>() + 1)
    }
}

/// Document-level bigram postings: per term, `(doc delta, title count, body count)`
/// as varints. Matches are checked against the candidates' text.
struct DocBigrams<'c> {
    articles: &'c [Article<'c>],
    normalizer: Normalizer,
    terms: FxHashMap<Term, u32>,
    /// Gram terms by first character, for one-character slots.
    grams_by_first: FxHashMap<char, Vec<u32>>,
    /// Words sorted, for prefixes.
    vocabulary: Vec<(Box<str>, u32)>,
    lists: Vec<Vec<u8>>,
}

/// Per doc: weighted term frequency.
type Tfs = Vec<(u32, f32)>;

impl<'c> DocBigrams<'c> {
    fn build(articles: &'c [Article<'c>], normalizer: &Normalizer) -> DocBigrams<'c> {
        let mut terms: FxHashMap<Term, u32> = FxHashMap::default();
        // Per term: last doc and its counts, flushed when the doc changes.
        let mut open: Vec<(u32, u32, u32, u32)> = Vec::new(); // (prev doc, doc, title, body)
        let mut lists: Vec<Vec<u8>> = Vec::new();
        fn flush(list: &mut Vec<u8>, entry: &(u32, u32, u32, u32)) {
            let (prev, doc, title, body) = *entry;
            if title + body > 0 {
                varint(list, doc - prev);
                varint(list, title);
                varint(list, body);
            }
        }
        for_each_token(articles, normalizer, |doc, in_title, kind, _| {
            let n = lists.len() as u32;
            let id = *terms.entry(term_of(kind)).or_insert(n) as usize;
            if id == lists.len() {
                lists.push(Vec::new());
                open.push((0, doc, 0, 0));
            }
            let entry = &mut open[id];
            if entry.1 != doc {
                flush(&mut lists[id], entry);
                *entry = (entry.1, doc, 0, 0);
            }
            if in_title {
                entry.2 += 1;
            } else {
                entry.3 += 1;
            }
        });
        for (list, entry) in lists.iter_mut().zip(&open) {
            flush(list, entry);
            list.shrink_to_fit();
        }
        let mut grams_by_first: FxHashMap<char, Vec<u32>> = FxHashMap::default();
        let mut vocabulary = Vec::new();
        for (term, &id) in &terms {
            match term {
                Term::Gram(first, _) => grams_by_first.entry(*first).or_default().push(id),
                Term::Word(w) => vocabulary.push((w.clone(), id)),
            }
        }
        vocabulary.sort_unstable();
        DocBigrams {
            articles,
            normalizer: *normalizer,
            terms,
            grams_by_first,
            vocabulary,
            lists,
        }
    }

    fn bytes(&self) -> usize {
        let lists: usize = self.lists.iter().map(|l| 24 + l.capacity()).sum();
        let by_first: usize = self.grams_by_first.values().map(|v| 32 + v.len() * 4).sum();
        lists
            + by_first
            + self.vocabulary.len() * 24
            + self.terms.capacity() * (std::mem::size_of::<(Term, u32)>() + 1)
    }

    /// `(doc, title count, body count)` of a term.
    fn postings(&self, term: u32) -> Vec<(u32, u32, u32)> {
        let mut out = Vec::new();
        let bytes = &self.lists[term as usize];
        let mut at = 0;
        let mut doc = 0;
        while at < bytes.len() {
            doc += read_varint(bytes, &mut at);
            let title = read_varint(bytes, &mut at);
            let body = read_varint(bytes, &mut at);
            out.push((doc, title, body));
        }
        out
    }

    fn slot_terms(&self, kind: &SlotKind) -> Vec<u32> {
        match kind {
            SlotKind::Gram(a, b) => self
                .terms
                .get(&Term::Gram(*a, Some(*b)))
                .copied()
                .into_iter()
                .collect(),
            SlotKind::AnyGram(a) => self.grams_by_first.get(a).cloned().unwrap_or_default(),
            SlotKind::Word(w) => self
                .terms
                .get(&Term::Word(w.as_str().into()))
                .copied()
                .into_iter()
                .collect(),
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

    /// The articles matching `atom` with weighted term frequencies, sorted by doc.
    fn atom_tfs(&self, atom: &Atom) -> Tfs {
        let weigh = |title: u32, body: u32| title as f32 * TITLE_BOOST + body as f32;
        let per_slot: Vec<Vec<(u32, u32, u32)>> = atom
            .slots
            .iter()
            .map(|slot| {
                let mut all: Vec<(u32, u32, u32)> = self
                    .slot_terms(&slot.kind)
                    .into_iter()
                    .flat_map(|t| self.postings(t))
                    .collect();
                all.sort_unstable_by_key(|e| e.0);
                // Several terms of a family in one doc: add their counts.
                all.dedup_by(|later, kept| {
                    let same = later.0 == kept.0;
                    if same {
                        kept.1 += later.1;
                        kept.2 += later.2;
                    }
                    same
                });
                all
            })
            .collect();
        if let [one] = per_slot.as_slice() {
            // One slot: the counts are exact.
            return one.iter().map(|&(d, t, b)| (d, weigh(t, b))).collect();
        }
        let mut candidates: Vec<u32> = per_slot
            .first()
            .map_or(Vec::new(), |l| l.iter().map(|e| e.0).collect());
        for list in &per_slot[1..] {
            candidates.retain(|d| list.binary_search_by_key(d, |e| e.0).is_ok());
        }
        // The exact check: the highlighter's matcher over each candidate's text.
        candidates
            .into_iter()
            .filter_map(|doc| {
                let article = &self.articles[doc as usize];
                let count = |text: &str| {
                    let normalized = self.normalizer.normalize(text);
                    let mut kinds = Vec::new();
                    tokenize(&normalized, |t| kinds.push(t.kind));
                    (0..kinds.len())
                        .filter(|&start| atom.matches_at(&kinds, start))
                        .count() as u32
                };
                let tf = weigh(count(&article.title), count(&article.body));
                (tf > 0.0).then_some((doc, tf))
            })
            .collect()
    }

    /// The matching articles of a query (ANDed clauses, ORed atoms, exclusions).
    fn answer(&self, query: &Query) -> Tfs {
        let mut result: Option<Tfs> = None;
        for clause in query.clauses.iter().filter(|c| !c.negated) {
            let mut docs: Tfs = clause.atoms.iter().flat_map(|a| self.atom_tfs(a)).collect();
            docs.sort_unstable_by_key(|e| e.0);
            docs.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 += later.1;
                }
                same
            });
            result = Some(match result {
                None => docs,
                Some(acc) => acc
                    .into_iter()
                    .filter(|e| docs.binary_search_by_key(&e.0, |d| d.0).is_ok())
                    .collect(),
            });
        }
        let mut docs =
            result.unwrap_or_else(|| (0..self.articles.len() as u32).map(|d| (d, 0.0)).collect());
        for clause in query.clauses.iter().filter(|c| c.negated) {
            for atom in &clause.atoms {
                let excluded = self.atom_tfs(atom);
                docs.retain(|e| excluded.binary_search_by_key(&e.0, |d| d.0).is_err());
            }
        }
        docs
    }
}

fn varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        value |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    value
}

/// p50 and p95 of `ROUNDS` runs of `run` over the text queries of the mix.
fn latency(mut run: impl FnMut(&SearchRequest)) -> (Duration, Duration) {
    const ROUNDS: usize = 10;
    let mut times = Vec::new();
    for _ in 0..ROUNDS {
        for (_, request) in query_mix() {
            if request.query.is_empty() {
                continue;
            }
            let start = Instant::now();
            run(&request);
            times.push(start.elapsed());
        }
    }
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let normalizer = Normalizer::unicode_tables();
    let gazetteer = Gazetteer::from_toml(ENTITIES, normalizer).expect("shipped gazetteer parses");
    let corpora: Vec<(String, String)> = corpora(&[10_000, 50_000]).into_iter().skip(1).collect();
    let mut report = Vec::new();

    for (name, text) in &corpora {
        let articles = parse::parse(text).corpus.articles;
        let chars: usize = articles
            .iter()
            .map(|a| a.title.chars().count() + a.body.chars().count())
            .sum();
        let mut group = c.benchmark_group(format!("design-build/{name}"));
        if text.len() > 20_000_000 {
            group.measurement_time(Duration::from_secs(20));
        }
        group.bench_function(BenchmarkId::from_parameter("bigram-positions"), |b| {
            b.iter(|| BigramPositions::build(black_box(&articles), &normalizer))
        });
        group.bench_function(
            BenchmarkId::from_parameter("bigram-positions-compressed"),
            |b| b.iter(|| CompressedBigramPositions::build(black_box(&articles), &normalizer)),
        );
        group.bench_function(BenchmarkId::from_parameter("doc-bigrams"), |b| {
            b.iter(|| DocBigrams::build(black_box(&articles), &normalizer))
        });
        group.bench_function(
            BenchmarkId::from_parameter("char-positions-compressed"),
            |b| {
                // Articles borrow the text: cloning them copies no text.
                b.iter(|| {
                    let corpus = kiroku_core::Corpus {
                        articles: black_box(&articles).clone(),
                    };
                    Index::build(corpus, &gazetteer)
                })
            },
        );
        group.finish();

        let per_char = |bytes: usize| bytes as f64 / chars as f64;
        let before = BigramPositions::build(&articles, &normalizer);
        report.push(format!(
            "{name} bigram-positions: {:.2} B/char, query: not timed here (see search bench)",
            per_char(before.bytes())
        ));
        drop(before);
        let compressed = CompressedBigramPositions::build(&articles, &normalizer);
        report.push(format!(
            "{name} bigram-positions-compressed: {:.2} B/char",
            per_char(compressed.bytes())
        ));
        drop(compressed);
        let doc_bigrams = DocBigrams::build(&articles, &normalizer);
        let (p50, p95) = latency(|request| {
            black_box(doc_bigrams.answer(&Query::parse(&request.query, &normalizer)));
        });
        report.push(format!(
            "{name} doc-bigrams: {:.2} B/char, matching p50 {p50:?} p95 {p95:?}",
            per_char(doc_bigrams.bytes())
        ));
        drop(doc_bigrams);
        let index = Index::build(parse::parse(text).corpus, &gazetteer);
        let (p50, p95) = latency(|request| {
            black_box(index.search(request));
        });
        let memory = index.memory();
        report.push(format!(
            "{name} char-positions-compressed (kept): {:.2} B/char for positions and terms \
             ({:.1} MB; per-article data, as for every design, another {:.1} MB), \
             whole search p50 {p50:?} p95 {p95:?}",
            per_char(memory.positions + memory.terms),
            (memory.positions + memory.terms) as f64 / 1e6,
            memory.articles as f64 / 1e6
        ));
        report.push(format!(
            "{name}: {} articles, {chars} indexed characters",
            articles.len()
        ));
    }
    c.final_summary();
    println!(
        "\nindex designs (bytes per indexed character; query latency over the mix's text queries):"
    );
    for line in report {
        println!("  {line}");
    }
}
