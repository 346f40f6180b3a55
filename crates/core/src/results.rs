//! The articles a request selects, through the one public search: the shared first
//! step of every view of the current results (trends, concordance, chronology,
//! co-occurrence, export).
//!
//! A search with `limit: 0` builds no hits (no snippets), yet its timeline holds
//! every matching article: the bins cover the span of the matches (a window that
//! does not contain them is widened to them), each listing its articles newest
//! first. Reading the bins from the newest back gives the whole result set, newest
//! first, for the cost of the search itself.

use crate::index::{DocId, Index};
use crate::search::SearchRequest;

/// Every article matching `request` (query, filters, date range), newest first
/// (ties in corpus order, as [`Index::newest_first`]). Paging is ignored.
pub(crate) fn result_docs(index: &Index, request: &SearchRequest) -> Vec<DocId> {
    let results = index.search(&SearchRequest {
        offset: 0,
        limit: 0,
        ..request.clone()
    });
    let mut docs = Vec::with_capacity(results.total);
    for bin in results.timeline.bins.iter().rev() {
        docs.extend_from_slice(&bin.articles);
    }
    docs
}

/// `request` without its query: the filters and date range alone.
pub(crate) fn without_query(request: &SearchRequest) -> SearchRequest {
    SearchRequest {
        query: String::new(),
        offset: 0,
        limit: 0,
        ..request.clone()
    }
}
