//! `cargo bench -p kiroku-core`: parse+index and query (with facets and timeline) on
//! the default corpus and on generated corpora of 1k, 10k and 50k articles.
//!
//! Targets (checked by reading the numbers, never asserted): 10k index build < 1 s;
//! query+facets+timeline p95 < 5 ms at 10k and < 16 ms at 50k. Criterion reports
//! medians per query; the p50/p95 over the whole query mix, which criterion does not
//! give, is printed at the end by a plain timing loop. Record results in
//! BENCHMARKS.md. Sample sizes are small so the whole run takes a few minutes.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use kiroku_core::{normalize::Normalizer, parse, Gazetteer, Index, SearchRequest};

const DEFAULT_CORPUS: &str = include_str!("../../../corpus/corpus.txt");
const ENTITIES: &str = include_str!("../../../corpus/entities.toml");
const SEED: u64 = 2025;

/// What people type: a common name, a rare term, one kanji, a Latin prefix, two
/// terms, a phrase, an exclusion, an OR, and browsing (empty query) with a filter.
fn query_mix() -> Vec<(&'static str, SearchRequest)> {
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

fn corpora() -> Vec<(String, String)> {
    let mut out = vec![("default".to_string(), DEFAULT_CORPUS.to_string())];
    for n in [1_000, 10_000, 50_000] {
        out.push((format!("{}k", n / 1000), kiroku_gen::generate(n, SEED)));
    }
    out
}

fn build(text: &str, gazetteer: &Gazetteer) -> Index {
    Index::build(parse::parse(text).corpus, gazetteer)
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let gazetteer =
        Gazetteer::from_toml(ENTITIES, Normalizer::default()).expect("shipped gazetteer parses");
    let corpora = corpora();

    let mut group = c.benchmark_group("parse+index");
    for (name, text) in &corpora {
        if text.len() > 20_000_000 {
            group.measurement_time(Duration::from_secs(15));
        }
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| build(black_box(text), &gazetteer))
        });
    }
    group.finish();

    let indexes: Vec<(String, Index)> = corpora
        .iter()
        .map(|(name, text)| (name.clone(), build(text, &gazetteer)))
        .collect();
    let mut group = c.benchmark_group("search");
    group.measurement_time(Duration::from_secs(1));
    for (corpus, index) in &indexes {
        for (query, request) in query_mix() {
            group.bench_function(BenchmarkId::new(corpus.as_str(), query), |b| {
                b.iter(|| index.search(black_box(&request)))
            });
        }
    }
    group.finish();
    c.final_summary();

    latency_report(&indexes);
}

/// p50/p95/max over the query mix, each query run `ROUNDS` times.
fn latency_report(indexes: &[(String, Index)]) {
    const ROUNDS: usize = 20;
    println!("\nquery+facets+timeline latency over the query mix ({ROUNDS} rounds):");
    for (corpus, index) in indexes {
        let mut times: Vec<Duration> = Vec::new();
        for _ in 0..ROUNDS {
            for (_, request) in query_mix() {
                let start = Instant::now();
                black_box(index.search(&request));
                times.push(start.elapsed());
            }
        }
        times.sort_unstable();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "  {corpus:>7} ({} articles): p50 {:?}  p95 {:?}  max {:?}",
            index.len(),
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
}
