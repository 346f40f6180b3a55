//! Any text as the packed form the app reads at start (`parse::packed`, written by
//! the build script): `unpack` never panics; what it accepts packs back to text
//! that reads the same, and indexes and searches without panicking.
#![no_main]

use kiroku_core::normalize::Normalizer;
use kiroku_core::parse::packed;
use kiroku_core::{Gazetteer, Index, SearchRequest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // As given, and behind the form's first line, so mutations reach the fields.
    for text in [text.to_string(), format!("kiroku-packed-2\n{text}")] {
        let Some((corpus, entities)) = packed::unpack(&text) else {
            continue;
        };
        let again = packed::pack(&corpus, &entities);
        assert_eq!(
            packed::unpack(&again),
            Some((corpus.clone(), entities.clone())),
            "what unpack accepts packs back to the same"
        );
        let index = Index::build(corpus, &Gazetteer::new(entities, Normalizer::default()));
        let results = index.search(&SearchRequest {
            query: "見出し".into(),
            ..SearchRequest::default()
        });
        assert!(results.hits.len() <= results.total);
    }
});
