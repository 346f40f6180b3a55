//! One call per keystroke: query + filters in, ranked hits with snippets, facet
//! counts and timeline out. Ties the other modules together; owns the ranking.
//!
//! Ranking is BM25 over *term occurrences* (a term's matches, not its bigrams),
//! with title occurrences weighted [`TITLE_BOOST`]×; ties go to the newest article.

use std::ops::Range;

use serde::Serialize;

use crate::date::Date;
use crate::entity::{EntityId, EntityKind};
use crate::facet::{filter_and_count, Facets, Selection};
use crate::index::{DocId, Index, Position};
use crate::query::{Atom, Expansion, Query, SlotKind};
use crate::snippet::{atom_matches, highlight, snippet_if, Snippet};
use crate::timeline::{timeline, Timeline};
use crate::Span;

/// BM25 parameters: the usual defaults.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A title occurrence counts as this many body occurrences.
pub const TITLE_BOOST: f32 = 3.0;
/// Longest page (offset + limit) kept by insertion into a sorted list.
const TOP_LIST_MAX: usize = 100;
/// Snippet length in characters.
const SNIPPET_CHARS: usize = 120;

/// Result order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best score first, newest first on ties (newest first for an empty query).
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl std::str::FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Sort, String> {
        match s {
            "relevance" | "rel" => Ok(Sort::Relevance),
            "newest" | "new" => Ok(Sort::Newest),
            "oldest" | "old" => Ok(Sort::Oldest),
            _ => Err(format!(
                "unknown sort {s:?} (expected relevance, newest or oldest)"
            )),
        }
    }
}

/// Everything a search depends on (the app's URL state, minus the open article).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query text as typed (see [`crate::query`]).
    pub query: String,
    /// Inclusive date range.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Publication years (ORed); empty = all.
    pub years: Vec<i32>,
    /// Canonical entity names (ORed within a kind, ANDed across kinds). Names the
    /// gazetteer does not know are ignored.
    pub entities: Vec<String>,
    /// Canonical entity names that must *all* appear in an article, whatever their
    /// kinds (a co-occurrence pair: "both"), applied before facet counting like
    /// the date range. [`SearchRequest::entities`] cannot say this: it ORs
    /// entities of one kind, as a facet does. Unknown names are ignored.
    pub together: Vec<String>,
    pub sort: Sort,
    /// Page of hits to return (snippets are only built for these).
    pub offset: usize,
    pub limit: usize,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            query: String::new(),
            from: None,
            to: None,
            years: Vec::new(),
            entities: Vec::new(),
            together: Vec::new(),
            sort: Sort::Relevance,
            offset: 0,
            limit: 50,
        }
    }
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Index into [`Index::articles`].
    pub doc: DocId,
    /// The article's stable, URL-safe id.
    pub id: String,
    pub date: Date,
    pub title: String,
    /// BM25 score (0 when the query has no positive term).
    pub score: f32,
    /// Byte spans of query matches in `title`.
    pub title_highlights: Vec<Span>,
    pub snippet: Snippet,
    /// Canonical names of the entities in the article.
    pub entities: Vec<String>,
}

/// The answer to a [`SearchRequest`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Number of matching articles (all pages).
    pub total: usize,
    pub facets: Facets,
    pub timeline: Timeline,
    /// The query as understood (normalized terms, `*` for a prefix).
    pub query: String,
    /// Terms that named an entity in another language and were searched as its
    /// spellings too (`Maduro` → `マドゥロ`).
    pub expansions: Vec<Expansion>,
}

impl Index<'_> {
    /// Runs a search. Never panics, whatever the request.
    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        let query = self.parse_query(&request.query);
        let (mut hits, facets) = self.matching(request, &query);
        let docs: Vec<DocId> = hits.iter().map(|&(d, _)| d).collect();
        let window = crate::timeline::window(request.from, request.to, &request.years);
        let timeline = timeline(self, &docs, window);
        let total = hits.len();
        let keep = request.offset.saturating_add(request.limit);
        self.sort(&mut hits, request.sort, query.matches_all(), keep);
        let first_slots: Vec<Vec<u32>> = query
            .positive_atoms()
            .filter_map(|atom| atom.slots.first())
            .map(|slot| self.slot_terms(&slot.kind))
            .collect();
        let page = hits
            .iter()
            .skip(request.offset)
            .take(request.limit)
            .map(|&(doc, score)| self.hit(&query, &first_slots, doc, score))
            .collect();
        SearchResults {
            hits: page,
            total,
            facets,
            timeline,
            query: query.to_string(),
            expansions: query.expansions,
        }
    }

    /// Parses a query as typed, the way every search, highlight and ranking of
    /// this index reads it: folded with the index's normalizer, and with terms that
    /// are an entity's local name expanded to the entity's spellings
    /// ([`Query::expand`]).
    pub fn parse_query(&self, input: &str) -> Query {
        let mut query = Query::parse(input, self.normalizer());
        query.expand(&self.gazetteer);
        query
    }

    /// The articles matching `request` (parsed as `query`), unordered, with their
    /// scores, and the facet counts: everything of a search but the ranking.
    pub(crate) fn matching(
        &self,
        request: &SearchRequest,
        query: &Query,
    ) -> (Vec<(DocId, f32)>, Facets) {
        let mut candidates = self.score(query);
        if request.from.is_some() || request.to.is_some() {
            candidates.retain(|&(doc, _)| {
                let date = self.dates[doc as usize];
                request.from.is_none_or(|f| date >= f) && request.to.is_none_or(|t| date <= t)
            });
        }
        let together: Vec<EntityId> = request
            .together
            .iter()
            .filter_map(|name| self.gazetteer.find(name))
            .collect();
        if !together.is_empty() {
            candidates.retain(|&(doc, _)| {
                let mentioned = self.entities_of(doc);
                together.iter().all(|id| mentioned.contains(id))
            });
        }
        let selection = self.selection(request);
        filter_and_count(self, &candidates, &selection)
    }

    /// Highlight spans of `query` (as typed) in any text, e.g. a reader paragraph.
    pub fn highlight(&self, query: &str, text: &str) -> Vec<Span> {
        highlight(&self.parse_query(query), text, self.normalizer())
    }

    /// The articles `query` matches, found without the index: every article's title
    /// and body run through the highlighter's matcher. Slow; the reference the index
    /// is tested and fuzzed against (a search's hits are exactly these, filtered).
    pub fn scan(&self, query: &str) -> Vec<DocId> {
        let normalizer = self.normalizer();
        let query = self.parse_query(query);
        let in_article = |atom: &Atom, article: &crate::Article<'_>| {
            atom_matches(atom, &article.title, normalizer)
                || atom_matches(atom, &article.body, normalizer)
        };
        (0..self.len() as DocId)
            .filter(|&doc| {
                let article = &self.articles()[doc as usize];
                query.clauses.iter().all(|clause| {
                    let found = clause.atoms.iter().any(|atom| in_article(atom, article));
                    found != clause.negated
                })
            })
            .collect()
    }

    fn selection(&self, request: &SearchRequest) -> Selection {
        let mut selection = Selection {
            years: request.years.clone(),
            ..Selection::default()
        };
        for name in &request.entities {
            let Some(id) = self.gazetteer.find(name) else {
                continue;
            };
            let Some(entity) = self.gazetteer.entity(id) else {
                continue;
            };
            let group = EntityKind::ALL
                .iter()
                .position(|&k| k == entity.kind)
                .unwrap_or(0);
            if !selection.by_kind[group].contains(&id) {
                selection.by_kind[group].push(id);
            }
        }
        selection
    }

    /// Matching docs with BM25 scores, sorted by doc.
    fn score(&self, query: &Query) -> Vec<(DocId, f32)> {
        let mut result: Option<Vec<(DocId, f32)>> = None;
        for clause in query.clauses.iter().filter(|c| !c.negated) {
            let mut clause_docs: Vec<(DocId, f32)> = Vec::new();
            for atom in &clause.atoms {
                clause_docs = union(&clause_docs, &self.atom_scores(atom));
            }
            result = Some(match result {
                None => clause_docs,
                Some(acc) => intersect(&acc, &clause_docs),
            });
        }
        let mut docs =
            result.unwrap_or_else(|| (0..self.len() as DocId).map(|d| (d, 0.0)).collect());
        for clause in query.clauses.iter().filter(|c| c.negated) {
            for atom in &clause.atoms {
                let excluded = self.atom_docs(atom);
                docs.retain(|(d, _)| excluded.binary_search(d).is_err());
            }
        }
        docs
    }

    /// Docs containing `atom`, sorted.
    pub(crate) fn atom_docs(&self, atom: &Atom) -> Vec<DocId> {
        let mut docs = Vec::new();
        let mut walker = DocWalker::new(self);
        for position in self.occurrences(atom) {
            let doc = walker.doc_at(position);
            if docs.last() != Some(&doc) {
                docs.push(doc);
            }
        }
        docs
    }

    /// BM25 score of `atom` for each doc containing it, sorted by doc.
    fn atom_scores(&self, atom: &Atom) -> Vec<(DocId, f32)> {
        // Per doc: weighted term frequency.
        let mut tfs: Vec<(DocId, f32)> = Vec::new();
        let family = match atom.slots.as_slice() {
            [slot] if matches!(slot.kind, SlotKind::Prefix(_)) => {
                Some(self.slot_terms(&slot.kind)).filter(|terms| terms.len() > 1)
            }
            _ => None,
        };
        if let Some(terms) = family {
            // One slot matching a family of words (usd*): every position is a
            // match, so count into a dense array instead of merging and sorting lists.
            let mut dense = vec![0f32; self.len()];
            for term in terms {
                let mut walker = DocWalker::new(self);
                for position in self.postings_of(term).iter() {
                    let (doc, weight) = walker.weighted(position);
                    if let Some(tf) = dense.get_mut(doc as usize) {
                        *tf += weight;
                    }
                }
            }
            tfs.extend(
                dense
                    .into_iter()
                    .enumerate()
                    .filter(|(_, tf)| *tf > 0.0)
                    .map(|(d, tf)| (d as DocId, tf)),
            );
        } else {
            let mut walker = DocWalker::new(self);
            for position in self.occurrences(atom) {
                let (doc, weight) = walker.weighted(position);
                match tfs.last_mut() {
                    Some((d, tf)) if *d == doc => *tf += weight,
                    _ => tfs.push((doc, weight)),
                }
            }
        }
        let n = self.len() as f32;
        let df = tfs.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for (doc, tf) in &mut tfs {
            let len = self.docs[*doc as usize].len as f32;
            let norm = K1 * (1.0 - B + B * len / self.avg_len);
            *tf = idf * *tf * (K1 + 1.0) / (*tf + norm);
        }
        tfs
    }

    /// Keeps the first `keep` hits, in order (only one page is shown, and sorting
    /// 50k hits fully costs milliseconds).
    fn sort(&self, hits: &mut Vec<(DocId, f32)>, sort: Sort, matches_all: bool, keep: usize) {
        let order = self.ranking(sort, matches_all);
        if keep <= TOP_LIST_MAX && keep < hits.len() {
            // A sorted top list, filled in one pass: after the first few hits almost
            // every candidate loses its one comparison with the last kept hit, which
            // is cheaper than partitioning all of them (select_nth_unstable_by). The
            // order is total for distinct docs (ties go to the newest rank), so the
            // top `keep` and their order are the same as with any exact selection.
            let mut top: Vec<(DocId, f32)> = Vec::with_capacity(keep + 1);
            for &hit in hits.iter() {
                if top.len() == keep
                    && top
                        .last()
                        .is_none_or(|last| order(&hit, last) != std::cmp::Ordering::Less)
                {
                    continue;
                }
                let at = top.partition_point(|kept| order(kept, &hit) == std::cmp::Ordering::Less);
                top.insert(at, hit);
                top.truncate(keep);
            }
            *hits = top;
        } else {
            // A deep page: inserting into a long top list would move much of it per
            // hit when hits come in reverse order (oldest first over a newest-first
            // corpus). A full sort rather than `select_nth_unstable_by` first: the
            // same hits in the same order, and one sort instantiation fewer in the
            // wasm (each costs kilobytes); deep pages are rare.
            hits.sort_unstable_by(&order);
            hits.truncate(keep);
        }
    }

    /// The result order of scored hits: a total order for distinct docs (ties go
    /// to the newest rank), so every way of ranking gives the same sequence.
    pub(crate) fn ranking(
        &self,
        sort: Sort,
        matches_all: bool,
    ) -> impl Fn(&(DocId, f32), &(DocId, f32)) -> std::cmp::Ordering + '_ {
        let rank = &self.newest_rank;
        let newest =
            move |a: &(DocId, f32), b: &(DocId, f32)| rank[a.0 as usize].cmp(&rank[b.0 as usize]);
        move |a: &(DocId, f32), b: &(DocId, f32)| match sort {
            Sort::Relevance if !matches_all => b.1.total_cmp(&a.1).then_with(|| newest(a, b)),
            Sort::Relevance | Sort::Newest => newest(a, b),
            Sort::Oldest => newest(b, a),
        }
    }

    /// Whether a term of `first_slots` occurs at a position in `positions`.
    /// Every match of an atom puts a term its first slot accepts at a position of
    /// the field it lies in, so without one no atom matches in that field: the
    /// highlighter would find nothing (it runs the same normalizer, tokenizer and
    /// slots over the field's text as the index did).
    fn may_match(&self, first_slots: &[Vec<u32>], positions: Range<Position>) -> bool {
        first_slots.iter().flatten().any(|&term| {
            self.postings_of(term)
                .cursor()
                .seek(positions.start)
                .is_some_and(|p| positions.contains(&p))
        })
    }

    fn hit(&self, query: &Query, first_slots: &[Vec<u32>], doc: DocId, score: f32) -> Hit {
        let article = &self.articles()[doc as usize];
        let (start, title_end, end) = self.fields(doc);
        let title_highlights = if self.may_match(first_slots, start..title_end) {
            highlight(query, &article.title, self.normalizer())
        } else {
            Vec::new()
        };
        let body_may_match = self.may_match(first_slots, title_end..end);
        Hit {
            doc,
            id: article.id.clone(),
            date: article.date,
            title: article.title.to_string(),
            score,
            title_highlights,
            snippet: snippet_if(
                query,
                &article.body,
                SNIPPET_CHARS,
                body_may_match,
                self.normalizer(),
            ),
            entities: self
                .entities_of(doc)
                .iter()
                .filter_map(|&e| self.gazetteer.entity(e))
                .map(|e| e.name.clone())
                .collect(),
        }
    }
}

/// Maps increasing positions to their articles, moving forward through the
/// article starts instead of searching all of them for each position.
struct DocWalker<'i> {
    index: &'i Index<'i>,
    doc: DocId,
    /// Where the next article starts (`Position::MAX` after the last).
    next_start: Position,
}

impl<'i> DocWalker<'i> {
    fn new(index: &'i Index<'_>) -> DocWalker<'i> {
        DocWalker {
            index,
            doc: 0,
            next_start: 0,
        }
    }

    /// The article of `position`; positions must not decrease between calls.
    fn doc_at(&mut self, position: Position) -> DocId {
        if position >= self.next_start {
            self.doc = self.index.doc_at(position);
            self.next_start = self.index.fields(self.doc + 1).0;
            if self.doc as usize + 1 >= self.index.docs.len() {
                self.next_start = Position::MAX;
            }
        }
        self.doc
    }

    /// The article of an occurrence starting at `position`, and its BM25 weight.
    fn weighted(&mut self, position: Position) -> (DocId, f32) {
        let doc = self.doc_at(position);
        let (_, title_end, _) = self.index.fields(doc);
        (
            doc,
            if position < title_end {
                TITLE_BOOST
            } else {
                1.0
            },
        )
    }
}

/// Sorted-by-doc union, adding scores.
fn union(a: &[(DocId, f32)], b: &[(DocId, f32)]) -> Vec<(DocId, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Sorted-by-doc intersection, adding scores.
fn intersect(a: &[(DocId, f32)], b: &[(DocId, f32)]) -> Vec<(DocId, f32)> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;
    use crate::parse::parse;
    use crate::Gazetteer;
    use expect_test::{expect, Expect};

    /// Three short articles: the term in a title, in a body, and twice in a body.
    const CORPUS: &str = "\
- 2024年1月1日 制裁の行方
- 2025年1月1日 別の話
- 2023年6月1日 古い話
- 2025年3月1日 新しい話
2024年1月1日 制裁の行方
今後を占う。
2025年1月1日 別の話
制裁が続く。
2023年6月1日 古い話
制裁と制裁。
2025年3月1日 新しい話
関係ない。
";

    fn check(request: SearchRequest, expect: Expect) {
        let gazetteer = Gazetteer::from_toml(
            "[[entity]]\nname = \"制裁\"\nkind = \"topic\"\n",
            Normalizer::default(),
        )
        .unwrap();
        let index = Index::build(parse(CORPUS).corpus, &gazetteer);
        let results = index.search(&request);
        let mut out: Vec<String> = results
            .hits
            .iter()
            .map(|h| format!("{} {} {:.3}", h.date, h.title, h.score))
            .collect();
        let years: Vec<String> = results
            .facets
            .years
            .iter()
            .map(|y| {
                format!(
                    "{}{}={}",
                    if y.selected { "*" } else { "" },
                    y.year,
                    y.count
                )
            })
            .collect();
        out.push(format!("years {}", years.join(" ")));
        expect.assert_debug_eq(&out);
    }

    fn query(q: &str) -> SearchRequest {
        SearchRequest {
            query: q.into(),
            ..SearchRequest::default()
        }
    }

    #[test]
    fn title_boost_then_tf_then_newest() {
        check(
            query("制裁"),
            expect![[r#"
                [
                    "2024-01-01 制裁の行方 0.544",
                    "2023-06-01 古い話 0.497",
                    "2025-01-01 別の話 0.364",
                    "years 2023=1 2024=1 2025=1",
                ]
            "#]],
        );
    }

    #[test]
    fn empty_query_lists_newest_first_and_sorts_apply() {
        check(
            query(""),
            expect![[r#"
            [
                "2025-03-01 新しい話 0.000",
                "2025-01-01 別の話 0.000",
                "2024-01-01 制裁の行方 0.000",
                "2023-06-01 古い話 0.000",
                "years 2023=1 2024=1 2025=2",
            ]
        "#]],
        );
        check(
            SearchRequest {
                sort: Sort::Oldest,
                ..query("制裁")
            },
            expect![[r#"
                [
                    "2023-06-01 古い話 0.497",
                    "2024-01-01 制裁の行方 0.544",
                    "2025-01-01 別の話 0.364",
                    "years 2023=1 2024=1 2025=1",
                ]
            "#]],
        );
    }

    #[test]
    fn years_filter_is_disjunctive() {
        check(
            SearchRequest {
                years: vec![2025],
                ..query("")
            },
            expect![[r#"
                [
                    "2025-03-01 新しい話 0.000",
                    "2025-01-01 別の話 0.000",
                    "years 2023=1 2024=1 *2025=2",
                ]
            "#]],
        );
    }
}
