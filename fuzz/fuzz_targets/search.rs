//! A fuzzed query (and sort) against a fuzzed corpus: the index builds (at once and
//! in slices) and searches without panicking, finds exactly what a scan of every
//! article's text finds, highlights are char ranges of what they highlight, and every
//! hit is counted.
#![no_main]

use kiroku_core::{parse, Gazetteer, Index, IndexBuilder, SearchRequest, Sort};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // First line: the query; the rest: the corpus.
    let (query, corpus) = text.split_once('\n').unwrap_or((&text, ""));
    let index = Index::build(parse::parse(corpus).corpus, &Gazetteer::default());
    // A slice budget from the data, so sliced builds are fuzzed too.
    let budget = data.get(1).map_or(1, |&b| usize::from(b) * 7 + 1);
    let mut builder = IndexBuilder::new(parse::parse(corpus).corpus, &Gazetteer::default());
    while !builder.index_some(budget).is_done() {}
    let sliced = builder.finish();
    let sort = match data.first().map(|b| b % 3) {
        Some(0) => Sort::Relevance,
        Some(1) => Sort::Newest,
        _ => Sort::Oldest,
    };
    let results = index.search(&SearchRequest {
        query: query.to_string(),
        sort,
        limit: usize::MAX,
        ..SearchRequest::default()
    });
    assert!(results.hits.len() <= results.total);
    let mut hits: Vec<_> = results.hits.iter().map(|hit| hit.doc).collect();
    hits.sort_unstable();
    assert_eq!(hits, index.scan(query), "the index finds what a scan finds");
    assert_eq!(
        sliced.search(&SearchRequest {
            query: query.to_string(),
            sort,
            limit: usize::MAX,
            ..SearchRequest::default()
        }),
        results,
        "a sliced build answers like a whole one"
    );
    for hit in &results.hits {
        for span in &hit.snippet.highlights {
            assert!(
                hit.snippet.text.get(span.range()).is_some(),
                "snippet highlight off a char boundary"
            );
        }
        for span in &hit.title_highlights {
            assert!(
                hit.title.get(span.range()).is_some(),
                "title highlight off a char boundary"
            );
        }
    }
    for span in index.highlight(query, corpus) {
        assert!(
            corpus.get(span.range()).is_some(),
            "highlight off a char boundary"
        );
    }
});
