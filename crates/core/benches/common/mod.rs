//! What the core's benches share: the query mix, the corpora and the gazetteer.

// Each bench uses part of this.
#![allow(dead_code)]

use kiroku_core::SearchRequest;

pub const DEFAULT_CORPUS: &str = include_str!("../../../../corpus/corpus.txt");
pub const ENTITIES: &str = include_str!("../../../../corpus/entities.toml");
pub const SEED: u64 = 2025;

/// What people type: a common name, a rare term, one kanji, a Latin prefix, two
/// terms, a phrase, an exclusion, an OR, and browsing (empty query) with a filter.
pub fn query_mix() -> Vec<(&'static str, SearchRequest)> {
    let q = |query: &str| SearchRequest {
        query: query.into(),
        limit: 20,
        ..SearchRequest::default()
    };
    vec![
        ("name", q("マドゥロ")),
        ("rare", q("フェンタニル")),
        ("one-kanji", q("米")),
        ("latin-prefix", q("usd")),
        ("two-terms", q("ベネズエラ 制裁")),
        ("phrase", q("\"国営 石油\"")),
        ("exclusion", q("原油 -ロシア")),
        ("or", q("チャベス OR ルビオ")),
        (
            "browse-entity",
            SearchRequest {
                entities: vec!["米国".into()],
                ..q("")
            },
        ),
    ]
}

/// The default corpus and generated ones of `sizes` articles.
pub fn corpora(sizes: &[usize]) -> Vec<(String, String)> {
    let mut out = vec![("default".to_string(), DEFAULT_CORPUS.to_string())];
    for &n in sizes {
        out.push((format!("{}k", n / 1000), kiroku_gen::generate(n, SEED)));
    }
    out
}
