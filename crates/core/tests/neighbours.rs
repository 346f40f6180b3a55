//! `Index::neighbours` against the full ranking that `Index::search` gives with an
//! unlimited page: the same rank, total, previous and next for every article.

use kiroku_core::parse::{Article, Corpus};
use kiroku_core::{Date, Gazetteer, Index, SearchRequest, Sort};
use proptest::prelude::*;
use proptest::sample::select;

/// Few characters and few dates, so that terms match often and scores and dates
/// tie (the ties are what the order's newest-rank tie-break decides).
fn corpus() -> impl Strategy<Value = Corpus<'static>> {
    let text = |max| prop::collection::vec(select(&["米", "国", "ア", "カ", " ", "a"][..]), 0..max);
    prop::collection::vec((text(4), text(12), 0u32..4), 1..16).prop_map(|docs| Corpus {
        articles: docs
            .into_iter()
            .enumerate()
            .map(|(i, (title, body, day))| Article {
                id: format!("a{i}"),
                date: Date::new(2024, 1, 1 + day).expect("a day in January"),
                title: title.concat().into(),
                body: body.concat().into(),
                line: i + 1,
                tags: Vec::new(),
                source: None,
                url: None,
            })
            .collect(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn neighbours_agree_with_the_full_ranking(
        corpus in corpus(),
        query in prop::collection::vec(select(&["米", "国", "米国", "ア", "a", "-カ", ""][..]), 0..3),
        sort in select(&[Sort::Relevance, Sort::Newest, Sort::Oldest][..]),
        years in prop::collection::vec(2023i32..2026, 0..2),
    ) {
        let index = Index::build(corpus, &Gazetteer::default());
        let request = SearchRequest { query: query.join(" "), sort, years, ..SearchRequest::default() };
        let full = index.search(&SearchRequest { limit: usize::MAX, ..request.clone() });
        let ranked: Vec<_> = full.hits.iter().map(|hit| hit.doc).collect();
        for doc in 0..index.len() as kiroku_core::DocId {
            let around = index.neighbours(&request, doc);
            match ranked.iter().position(|&d| d == doc) {
                None => prop_assert_eq!(around, None, "doc {} is not a hit", doc),
                Some(rank) => {
                    let around = around.expect("a hit has neighbours");
                    prop_assert_eq!(around.rank, rank);
                    prop_assert_eq!(around.total, full.total);
                    prop_assert_eq!(around.previous, rank.checked_sub(1).map(|at| ranked[at]));
                    prop_assert_eq!(around.next, ranked.get(rank + 1).copied());
                }
            }
        }
    }
}
