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
use kiroku_core::{normalize::Normalizer, parse, Gazetteer, Index};

mod common;

use common::{corpora, query_mix, ENTITIES};

fn build<'a>(text: &'a str, gazetteer: &Gazetteer) -> Index<'a> {
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
    let corpora = corpora(&[1_000, 10_000, 50_000]);

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
