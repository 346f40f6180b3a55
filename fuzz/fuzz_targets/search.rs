//! A fuzzed query (and sort) against a fuzzed corpus: search never panics, highlights
//! are char ranges of what they highlight, and every hit is counted.
#![no_main]

use kiroku_core::{parse, Gazetteer, Index, SearchRequest, Sort};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // First line: the query; the rest: the corpus.
    let (query, corpus) = text.split_once('\n').unwrap_or((&text, ""));
    let index = Index::build(parse::parse(corpus).corpus, &Gazetteer::default());
    let sort = match data.first().map(|b| b % 3) {
        Some(0) => Sort::Relevance,
        Some(1) => Sort::Newest,
        _ => Sort::Oldest,
    };
    let results = index.search(&SearchRequest {
        query: query.to_string(),
        sort,
        ..SearchRequest::default()
    });
    assert!(results.hits.len() <= results.total);
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
