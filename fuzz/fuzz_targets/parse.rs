//! Any bytes as a corpus: parsing, index building and a search never panic, and what
//! comes out is well-formed.
#![no_main]

use kiroku_core::{parse, Gazetteer, Index, SearchRequest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = parse::parse_bytes(data);
    for diagnostic in &parsed.diagnostics {
        assert!(diagnostic.line >= 1, "diagnostics name a real line");
    }
    for article in &parsed.corpus.articles {
        assert!(!article.id.is_empty());
        for block in article.blocks() {
            assert!(
                article.body.get(block.span.range()).is_some(),
                "block spans are char ranges of the body"
            );
        }
    }
    let gazetteer = Gazetteer::from_toml(
        "[[entity]]\nname = \"米国\"\nkind = \"place\"\nvariants = [\"米\"]\n",
        kiroku_core::normalize::Normalizer::default(),
    )
    .expect("fixed gazetteer");
    let index = Index::build(parsed.corpus, &gazetteer);
    let results = index.search(&SearchRequest {
        query: "ベネズエラ".into(),
        ..SearchRequest::default()
    });
    assert!(results.hits.len() <= results.total);
});
