//! Where one article stands in the full ranking of a search: its rank among all
//! the matching articles and the articles just before and after it.
//!
//! The reader's previous/next step through *all* the results of the view, not only
//! the page of hits a search built snippets for. Asking [`Index::search`] for every
//! hit would build a snippet per match; this ranks without snippets, in one pass
//! over the matches (no sort), and runs once per article opened, never per keystroke.
//!
//! ```
//! use kiroku_core::{parse, Gazetteer, Index, SearchRequest};
//! let index = Index::build(
//!     parse::parse("- 2025年1月1日 新\n- 2024年1月1日 旧\n2025年1月1日 新\n米国\n2024年1月1日 旧\n米国\n").corpus,
//!     &Gazetteer::default(),
//! );
//! let request = SearchRequest { query: "米国".into(), ..SearchRequest::default() };
//! let older = index.find_id(&index.articles()[1].id).unwrap();
//! let around = index.neighbours(&request, older).unwrap();
//! assert_eq!((around.rank, around.total), (1, 2));
//! assert_eq!(around.previous, index.find_id(&index.articles()[0].id));
//! assert_eq!(around.next, None);
//! ```

use std::cmp::Ordering;

use crate::index::{DocId, Index};
use crate::search::SearchRequest;

/// One article's place in the ranking of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Neighbours {
    /// 0-based position in the full ranking.
    pub rank: usize,
    /// Number of matching articles (as [`crate::SearchResults::total`]).
    pub total: usize,
    /// The article ranked just before, and just after.
    pub previous: Option<DocId>,
    pub next: Option<DocId>,
}

impl Index {
    /// Where `doc` stands in the ranking of `request` (its `offset` and `limit` are
    /// ignored); `None` when `doc` does not match the request. Agrees with the
    /// order of [`Index::search`]: both rank with the same total order.
    pub fn neighbours(&self, request: &SearchRequest, doc: DocId) -> Option<Neighbours> {
        let query = self.parse_query(&request.query);
        let (hits, _) = self.matching(request, &query);
        let order = self.ranking(request.sort, query.matches_all());
        let me = *hits.iter().find(|&&(d, _)| d == doc)?;
        let mut around = Neighbours {
            rank: 0,
            total: hits.len(),
            previous: None,
            next: None,
        };
        // The greatest hit ranked before `me` and the least one ranked after it.
        let mut previous: Option<(DocId, f32)> = None;
        let mut next: Option<(DocId, f32)> = None;
        for hit in hits.iter().filter(|&&(d, _)| d != doc) {
            if order(hit, &me) == Ordering::Less {
                around.rank += 1;
                if previous.is_none_or(|p| order(hit, &p) == Ordering::Greater) {
                    previous = Some(*hit);
                }
            } else if next.is_none_or(|n| order(hit, &n) == Ordering::Less) {
                next = Some(*hit);
            }
        }
        around.previous = previous.map(|(d, _)| d);
        around.next = next.map(|(d, _)| d);
        Some(around)
    }
}
