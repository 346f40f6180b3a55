//! `cargo bench -p kiroku-core --bench views`: the views of the current results
//! (trends, concordance, chronology, co-occurrence, export) on the generated 10k
//! corpus.
//!
//! The concordance case is a term with about 100k occurrences in 10k articles:
//! `kwic` (find and sort every occurrence: once per query and sort) and `page`
//! (cut one page of 50 lines from that: per scroll). Read the numbers; nothing is
//! asserted. Record them in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use kiroku_core::{normalize::Normalizer, parse, Gazetteer, Index, KwicSort, SearchRequest};

const ENTITIES: &str = include_str!("../../../corpus/entities.toml");
const SEED: u64 = 2025;
const PAGE: usize = 50;
const CONTEXT_CHARS: usize = 30;

fn request(query: &str) -> SearchRequest {
    SearchRequest {
        query: query.into(),
        ..SearchRequest::default()
    }
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let gazetteer =
        Gazetteer::from_toml(ENTITIES, Normalizer::default()).expect("shipped gazetteer parses");
    let text = kiroku_gen::generate(10_000, SEED);
    let index = Index::build(parse::parse(&text).corpus, &gazetteer);

    // The concordance term: "の", 123,721 occurrences in 9,997 articles at seed 2025.
    const TERM: &str = "の";
    let kwic_request = request(TERM);
    println!(
        "{TERM}: {} occurrences",
        index.kwic(&kwic_request, KwicSort::Date).len()
    );

    let mut group = c.benchmark_group("concordance-10k");
    for (name, sort) in [
        ("date", KwicSort::Date),
        ("left", KwicSort::Left),
        ("right", KwicSort::Right),
    ] {
        group.bench_function(BenchmarkId::new("kwic", name), |b| {
            b.iter(|| index.kwic(black_box(&kwic_request), sort))
        });
        let kwic = index.kwic(&kwic_request, sort);
        for offset in [0, 100_000] {
            group.bench_function(BenchmarkId::new(format!("page-{name}"), offset), |b| {
                b.iter(|| kwic.page(&index, black_box(offset), PAGE, CONTEXT_CHARS))
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("views-10k");
    let compared: Vec<String> = ["マドゥロ", "トランプ", "制裁", "原油"]
        .iter()
        .map(|q| q.to_string())
        .collect();
    group.bench_function("trends-4-queries", |b| {
        b.iter(|| index.trends(black_box(&request("")), &compared))
    });
    group.bench_function("chronology-all-first-page", |b| {
        b.iter(|| index.chronology(black_box(&request("")), 0, PAGE))
    });
    group.bench_function("chronology-name-first-page", |b| {
        b.iter(|| index.chronology(black_box(&request("マドゥロ")), 0, PAGE))
    });
    group.bench_function("cooccurrence-all-top-20", |b| {
        b.iter(|| index.cooccurrence(black_box(&request("")), 20))
    });
    group.bench_function("cooccurrence-name-top-20", |b| {
        b.iter(|| index.cooccurrence(black_box(&request("マドゥロ")), 20))
    });
    group.bench_function("concordance-name-first-page", |b| {
        b.iter(|| {
            index.concordance(
                black_box(&request("マドゥロ")),
                KwicSort::Date,
                0,
                PAGE,
                CONTEXT_CHARS,
            )
        })
    });
    group.bench_function("export-results-csv-name", |b| {
        b.iter(|| {
            kiroku_core::export::results(&index, black_box(&request("マドゥロ")), "ja").to_csv()
        })
    });
    group.finish();
    c.final_summary();
}
