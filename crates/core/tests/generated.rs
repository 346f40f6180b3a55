//! The generated benchmark corpora must be clean input: if the generator and the
//! parser disagree, benchmarks would measure error handling instead of search.

use kiroku_core::normalize::Normalizer;
use kiroku_core::{parse, Gazetteer, Index, SearchRequest};

#[test]
fn generated_corpus_parses_cleanly_and_is_searchable() {
    let text = kiroku_gen::generate(300, 11);
    let parsed = parse::parse(&text);
    assert_eq!(parsed.diagnostics, []);
    assert_eq!(parsed.corpus.articles.len(), 300);
    let gazetteer = Gazetteer::from_toml(
        include_str!("../../../corpus/entities.toml"),
        Normalizer::default(),
    )
    .unwrap();
    let index = Index::build(parsed.corpus, &gazetteer);
    let results = index.search(&SearchRequest {
        query: "マドゥロ".into(),
        ..SearchRequest::default()
    });
    assert!(results.total > 10, "{}", results.total);
    assert!(!results.facets.entities.is_empty());
    assert!(results.timeline.bins.iter().any(|b| b.mentioned > 0));
    // Several articles share a day, and ids stay unique.
    let mut ids: Vec<&str> = index.articles().iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 300);
}
