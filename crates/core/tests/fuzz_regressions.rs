//! Inputs the fuzzers (`fuzz/`, see its README) found interesting, replayed with the
//! fuzz targets' own checks on every test run. Each file in
//! `fuzz/regressions/<target>/` is one input; add a crash's minimized input there.

use std::{fs, path::Path};

use kiroku_core::{normalize, parse, query::Query, snippet, Gazetteer, Index, SearchRequest};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut inputs: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| {
            let path = entry.expect("directory entry").path();
            let bytes = fs::read(&path).expect("read input");
            (path.display().to_string(), bytes)
        })
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn normalize_snippet_inputs() {
    let inputs = inputs("normalize_snippet");
    assert!(!inputs.is_empty(), "the squared-katakana crash at least");
    for (name, data) in inputs {
        let text = String::from_utf8_lossy(&data);
        let (query, text) = text.split_once('\n').unwrap_or(("", &text));
        let once = normalize::normalize(text);
        assert_eq!(
            normalize::normalize(&once),
            once,
            "{name}: normalize is idempotent"
        );
        let normalizer = normalize::Normalizer::default();
        let normalized = normalizer.normalized(text);
        assert_eq!(normalized.text, once, "{name}");
        let snippet = snippet::snippet(&Query::parse(query, &normalizer), text, 80, &normalizer);
        for span in &snippet.highlights {
            assert!(
                snippet.text.get(span.range()).is_some(),
                "{name}: highlight off a char boundary"
            );
        }
    }
}

#[test]
fn parse_and_search_inputs() {
    for (name, data) in inputs("parse").into_iter().chain(inputs("search")) {
        let text = String::from_utf8_lossy(&data);
        let (query, corpus) = text.split_once('\n').unwrap_or((&text, ""));
        for corpus in [
            parse::parse_bytes(&data).corpus,
            parse::parse(corpus).corpus,
        ] {
            let index = Index::build(corpus, &Gazetteer::default());
            let results = index.search(&SearchRequest {
                query: query.to_string(),
                limit: usize::MAX,
                ..SearchRequest::default()
            });
            assert!(results.hits.len() <= results.total, "{name}");
            let mut hits: Vec<_> = results.hits.iter().map(|hit| hit.doc).collect();
            hits.sort_unstable();
            assert_eq!(
                hits,
                index.scan(query),
                "{name}: the index finds what a scan finds"
            );
            for hit in &results.hits {
                for span in &hit.snippet.highlights {
                    assert!(
                        hit.snippet.text.get(span.range()).is_some(),
                        "{name}: snippet highlight"
                    );
                }
            }
        }
    }
}

#[test]
fn packed_inputs() {
    let inputs = inputs("packed");
    assert!(inputs.len() >= 4, "the checked-in cases at least");
    let mut accepted = 0;
    for (name, data) in inputs {
        let text = String::from_utf8_lossy(&data);
        for text in [text.to_string(), format!("kiroku-packed-2\n{text}")] {
            let Some((corpus, entities)) = parse::packed::unpack(&text) else {
                continue;
            };
            accepted += 1;
            let again = parse::packed::pack(&corpus, &entities);
            assert_eq!(
                parse::packed::unpack(&again),
                Some((corpus.clone(), entities.clone())),
                "{name}: packs back to the same"
            );
            let index = Index::build(
                corpus,
                &Gazetteer::new(entities, normalize::Normalizer::default()),
            );
            let results = index.search(&SearchRequest {
                query: "見出し".into(),
                ..SearchRequest::default()
            });
            assert!(results.hits.len() <= results.total, "{name}");
        }
    }
    assert!(accepted >= 1, "the untampered pack reads");
}
