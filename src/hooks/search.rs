//! Results derived from the index and the view: one search per distinct request
//! (memoized), shared out once, and the open article's place among them.

use std::{cell::RefCell, rc::Rc};

use kiroku_core::{
    facet::Facets, timeline::Timeline, DocId, Expansion, Hit, Index, SearchRequest, SearchResults,
};
use yew::prelude::*;

use crate::state::State;

/// Hits rendered per page (snippets are built only for these); "show more" adds a
/// page. Twenty, not a hundred: each keystroke builds and renders every shown hit,
/// and at 10k articles a hundred cards cost most of a keystroke's time.
pub const PAGE: usize = 20;

/// The search a view asks for (the open article does not change results).
pub fn request(view: &State, limit: usize) -> SearchRequest {
    SearchRequest {
        query: view.query.clone(),
        from: view.from,
        to: view.to,
        years: view.years.clone(),
        entities: view.entities.clone(),
        together: view.together.clone(),
        sort: view.sort,
        offset: 0,
        limit,
    }
}

/// One search's results, moved out of its [`SearchResults`] into the shares the
/// components take (one per search, compared by identity).
pub struct Searched {
    pub hits: Rc<[Rc<Hit>]>,
    pub total: usize,
    pub facets: Rc<Facets>,
    pub timeline: Rc<Timeline>,
    /// The query as understood (for the perf entries).
    pub query: String,
    /// Terms searched as an entity's spellings too (`Maduro` → マドゥロ).
    pub expansions: Rc<[Expansion]>,
}

impl From<SearchResults> for Searched {
    fn from(results: SearchResults) -> Searched {
        let SearchResults {
            hits,
            total,
            facets,
            timeline,
            query,
            expansions,
        } = results;
        Searched {
            hits: hits.into_iter().map(Rc::new).collect(),
            total,
            facets: Rc::new(facets),
            timeline: Rc::new(timeline),
            query,
            expansions: expansions.into(),
        }
    }
}

/// The results of `view` with `pages` pages of hits, searched again only when the
/// request changes, and timed from the search's start to its commit to the DOM
/// (`kiroku:search`), plus the first results' `kiroku:interactive` and
/// `kiroku:painted` marks.
#[hook]
pub fn use_search(index: &Rc<Index<'static>>, view: &State, pages: usize) -> Rc<Searched> {
    // When the current search started, until its results are in the DOM.
    let started = use_mut_ref(|| None::<f64>);
    let searched = {
        let index = index.clone();
        let started = started.clone();
        let request = request(view, pages.saturating_mul(PAGE));
        // Keyed by the index's address too: an app given another index searches it.
        use_memo((Rc::as_ptr(&index), request), move |(_, request)| {
            *started.borrow_mut() = Some(crate::perf::now());
            Searched::from(index.search(request))
        })
    };
    use_search_timing(started, &searched);
    searched
}

/// Records each search, from its start to the commit of its results to the DOM
/// (effects run after the tree is rendered), and the first results: in the DOM
/// (`kiroku:interactive`) and painted (`kiroku:painted`).
#[hook]
fn use_search_timing(started: Rc<RefCell<Option<f64>>>, searched: &Rc<Searched>) {
    // From the first render, before the tree is committed: yew commits the whole
    // first tree before it yields, so the next frame's callbacks run with the
    // results in the DOM. Not from an effect: after a render over 16 ms yew runs
    // effects only after yielding to the browser, i.e. after that frame's paint.
    use_memo((), |_| {
        crate::perf::mark_next_frame("kiroku:interactive", "kiroku:painted")
    });
    // Keyed by identity: a new search is a new `Rc`.
    use_effect_with(Rc::as_ptr(searched), {
        let searched = searched.clone();
        move |_| {
            if let Some(start) = started.borrow_mut().take() {
                let query = searched.query.as_str();
                crate::perf::measure("kiroku:search", start, Some((query, searched.total)));
            }
        }
    });
}

/// Where the open article stands among *all* the results of the view (not only
/// the hits shown): 1-based position and total, previous and next article ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Position {
    /// `None` when the article is outside the current results (a link whose query
    /// or filters exclude it): the reader says so instead of counting.
    pub at: Option<(usize, usize)>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// The open article's [`Position`], ranked by the core over every match
/// (`Index::neighbours`), once per article and request.
#[hook]
pub fn use_position(index: &Rc<Index<'static>>, view: &State, doc: Option<DocId>) -> Rc<Position> {
    let index = index.clone();
    let request = request(view, 0);
    use_memo(
        (Rc::as_ptr(&index), request, doc),
        move |(_, request, doc)| {
            let id = |doc: Option<DocId>| Some(index.article(doc?)?.id.clone());
            match doc.and_then(|doc| index.neighbours(request, doc)) {
                Some(around) => Position {
                    at: Some((around.rank + 1, around.total)),
                    previous: id(around.previous),
                    next: id(around.next),
                },
                None => Position::default(),
            }
        },
    )
}

/// The empty state's suggested searches, picked once per index. When the app
/// opens on an unfiltered view (the start view), they come from its facets, which
/// are those of the whole corpus: the first render searches the corpus once, not
/// twice. Any other first view searches for them.
#[hook]
pub fn use_suggestions(
    index: &Rc<Index<'static>>,
    view: &State,
    searched: &Rc<Searched>,
) -> Rc<Vec<String>> {
    let unfiltered = SearchRequest {
        sort: view.sort,
        limit: 0,
        ..SearchRequest::default()
    };
    let facets = (request(view, 0) == unfiltered).then(|| searched.facets.clone());
    let index = index.clone();
    let names = use_memo(Rc::as_ptr(&index), move |_| {
        let facets = facets.unwrap_or_else(|| Rc::new(index.search(&unfiltered).facets));
        Rc::new(suggested(&facets))
    });
    Rc::clone(&names)
}

/// Up to six names from the whole corpus' entity facets: the top two of each
/// entity kind, most frequent kinds first.
pub fn suggested(facets: &Facets) -> Vec<String> {
    let mut names = Vec::new();
    for group in &facets.entities {
        names.extend(group.values.iter().take(2).map(|v| v.name.clone()));
    }
    names.truncate(6);
    names
}
