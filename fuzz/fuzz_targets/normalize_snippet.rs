//! Normalization is idempotent and maps back onto the original text; snippets cut on
//! char boundaries.
#![no_main]

use kiroku_core::{normalize, query::Query, snippet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (query, text) = text.split_once('\n').unwrap_or(("", &text));
    let once = normalize::normalize(text);
    assert_eq!(normalize::normalize(&once), once, "normalize is idempotent");

    let normalized = normalize::Normalizer::default().normalized(text);
    assert_eq!(normalized.text, once);
    let len = normalized.text.len();
    for (start, _) in normalized.text.char_indices().step_by(7) {
        if let Some(span) = normalized.original_span(start..len) {
            assert!(text.get(span).is_some(), "original spans are char ranges");
        }
    }

    let normalizer = normalize::Normalizer::default();
    let query = Query::parse(query, &normalizer);
    let snippet = snippet::snippet(&query, text, 80, &normalizer);
    for span in &snippet.highlights {
        assert!(
            snippet.text.get(span.range()).is_some(),
            "snippet highlight off a char boundary"
        );
    }
});
