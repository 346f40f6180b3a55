//! `cargo bench -p kiroku-core --bench memory`: heap memory of parsing and indexing
//! the generated 10k, 50k and 100k corpora, the native stand-in for the app's wasm
//! memory (which never shrinks, so a page keeps its peak). Prints, per corpus: the
//! corpus text (in the app it is embedded in the module), the peak heap while parsing
//! and indexing (on top of the text), what the finished index keeps, and its bytes
//! per indexed character. Reported in BENCHMARKS.md; nothing is asserted.

use kiroku_core::normalize::Normalizer;
use kiroku_core::{parse, Gazetteer, Index};
use peak_alloc::PeakAlloc;

mod common;

use common::{ENTITIES, SEED};

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn main() {
    let gazetteer =
        Gazetteer::from_toml(ENTITIES, Normalizer::unicode_tables()).expect("shipped gazetteer");
    println!("heap of parse + index (the corpus text itself not counted):");
    for n in [10_000, 50_000, 100_000] {
        let text = kiroku_gen::generate(n, SEED);
        let before = HEAP.current_usage();
        HEAP.reset_peak_usage();
        let index = Index::build(parse::parse(&text).corpus, &gazetteer);
        let peak = HEAP.peak_usage().saturating_sub(before);
        let kept = HEAP.current_usage().saturating_sub(before);
        let chars: usize = index
            .articles()
            .iter()
            .map(|a| a.title.chars().count() + a.body.chars().count())
            .sum();
        let memory = index.memory();
        println!(
            "  {}k: text {} ({chars} characters); peak {}; kept {}: positions {} + terms {} \
             ({:.2} B/char), per-article data {}",
            n / 1000,
            mb(text.len()),
            mb(peak),
            mb(kept),
            mb(memory.positions),
            mb(memory.terms),
            (memory.positions + memory.terms) as f64 / chars as f64,
            mb(memory.articles),
        );
        drop(index);
    }
}
