//! Co-occurrence: which gazetteer entities the current results mention together.
//!
//! Counts are of *articles*: an entity's count is how many results mention it
//! (title or body, any variant), a pair's how many mention both. Computed from the
//! entities the index found at build time ([`Index::entities_of`]).
//!
//! ```
//! use kiroku_core::{normalize::Normalizer, parse::parse, Gazetteer, Index, SearchRequest};
//! let gazetteer = Gazetteer::from_toml("[[entity]]\nname = \"米国\"\nkind = \"place\"\n\
//!     [[entity]]\nname = \"中国\"\nkind = \"place\"\n[[entity]]\nname = \"原油\"\nkind = \"topic\"\n",
//!     Normalizer::unicode_tables()).unwrap();
//! let corpus = parse("- 2025年1月2日 米国と中国\n- 2025年1月3日 米国の原油\n\
//!                     2025年1月2日 米国と中国\n本文\n2025年1月3日 米国の原油\n中国も。\n").corpus;
//! let index = Index::build(corpus, &gazetteer);
//! let co = index.cooccurrence(&SearchRequest::default(), 10);
//! let names: Vec<(&str, usize)> = co.entities.iter().map(|e| (e.name.as_str(), e.count)).collect();
//! assert_eq!(names, [("中国", 2), ("米国", 2), ("原油", 1)]);
//! let pairs: Vec<(&str, &str, usize)> = co.pairs.iter()
//!     .map(|p| (co.entities[p.a].name.as_str(), co.entities[p.b].name.as_str(), p.count)).collect();
//! assert_eq!(pairs, [("中国", "米国", 2), ("中国", "原油", 1), ("米国", "原油", 1)]);
//! ```

use serde::Serialize;

use crate::entity::{EntityId, EntityKind};
use crate::index::Index;
use crate::order::sort_by_dyn;
use crate::results::result_docs;
use crate::search::SearchRequest;

/// The most entities a co-occurrence compares: far more than a matrix can show,
/// and a pair table of at most 130 816 cells.
pub const MAX_TOP: usize = 512;

/// The entities of the current results and how often they appear together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Cooccurrence {
    /// Result articles (the most any count can be).
    pub articles: usize,
    /// The `top` (at most [`MAX_TOP`]) entities mentioned by the most results, count descending, then
    /// name; entities no result mentions are left out.
    pub entities: Vec<CooccurringEntity>,
    /// Every pair of `entities` that some result mentions together, count
    /// descending, then the first's name, then the second's. `a` and `b` index
    /// `entities`, `a < b`: the table and the matrix of the same entities.
    pub pairs: Vec<Pair>,
}

/// An entity and the number of results mentioning it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CooccurringEntity {
    pub id: EntityId,
    /// Canonical name (what [`SearchRequest::entities`] takes).
    pub name: String,
    pub kind: EntityKind,
    pub count: usize,
}

/// Two entities and the number of results mentioning both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// Indexes into [`Cooccurrence::entities`], `a < b`.
    pub a: usize,
    pub b: usize,
    pub count: usize,
}

impl Cooccurrence {
    /// The count of the pair `a`, `b` (indexes into `entities`, either order): a
    /// matrix cell. 0 for a pair never seen together or out of range; an entity
    /// with itself is its own count.
    pub fn count(&self, a: usize, b: usize) -> usize {
        if a == b {
            return self.entities.get(a).map_or(0, |e| e.count);
        }
        let (a, b) = (a.min(b), a.max(b));
        self.pairs
            .iter()
            .find(|p| p.a == a && p.b == b)
            .map_or(0, |p| p.count)
    }
}

impl Index<'_> {
    /// Co-occurrence of entities in `request`'s results (query, filters and date
    /// range applied; paging ignored), over the `top` most mentioned entities:
    /// pairs are counted among those only, so `top` bounds the work; it is capped
    /// at [`MAX_TOP`] (a hand-edited URL must not ask for a table of millions).
    pub fn cooccurrence(&self, request: &SearchRequest, top: usize) -> Cooccurrence {
        let docs = result_docs(self, request);
        let gazetteer = self.gazetteer();
        let mut counts = vec![0usize; gazetteer.entities().len()];
        for &doc in &docs {
            for &entity in self.entities_of(doc) {
                if let Some(count) = counts.get_mut(entity as usize) {
                    *count += 1;
                }
            }
        }
        let mut entities: Vec<CooccurringEntity> = counts
            .iter()
            .enumerate()
            .filter(|&(_, &count)| count > 0)
            .filter_map(|(id, &count)| {
                let id = EntityId::try_from(id).ok()?;
                let entity = gazetteer.entity(id)?;
                Some(CooccurringEntity {
                    id,
                    name: entity.name.clone(),
                    kind: entity.kind,
                    count,
                })
            })
            .collect();
        sort_by_dyn(&mut entities, &|x, y| {
            y.count.cmp(&x.count).then_with(|| x.name.cmp(&y.name))
        });
        entities.truncate(top.min(MAX_TOP));

        // Rank of each entity among the top ones, by id; then a triangle of counts.
        let mut rank = vec![None; counts.len()];
        for (i, entity) in entities.iter().enumerate() {
            rank[entity.id as usize] = Some(i);
        }
        // A dense table of pair counts over the top entities: with `top` capped it
        // stays small, and it beat a hash map of pairs in the views bench.
        let n = entities.len();
        let mut both = vec![0u32; n * n];
        let mut present: Vec<usize> = Vec::new();
        for &doc in &docs {
            present.clear();
            present.extend(
                self.entities_of(doc)
                    .iter()
                    .filter_map(|&e| rank.get(e as usize).copied().flatten()),
            );
            // Each pair once, in the triangle (smaller rank first): ordering the two
            // ranks instead of sorting the list keeps one more copy of std's sort
            // out of the wasm.
            for (i, &x) in present.iter().enumerate() {
                for &y in &present[i + 1..] {
                    let (a, b) = (x.min(y), x.max(y));
                    if let Some(count) = both.get_mut(a * n + b) {
                        *count += 1;
                    }
                }
            }
        }
        let mut pairs: Vec<Pair> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .filter_map(|(a, b)| {
                let count = both[a * n + b] as usize;
                (count > 0).then_some(Pair { a, b, count })
            })
            .collect();
        let name = |i: usize| entities[i].name.as_str();
        sort_by_dyn(&mut pairs, &|x, y| {
            y.count
                .cmp(&x.count)
                .then_with(|| name(x.a).cmp(name(y.a)))
                .then_with(|| name(x.b).cmp(name(y.b)))
                // Two entities spelled alike: by rank.
                .then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
        });
        Cooccurrence {
            articles: docs.len(),
            entities,
            pairs,
        }
    }
}
