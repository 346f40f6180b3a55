//! A normalizer given its own NFKC (the browser's, in the app) uses it instead of the
//! built-in tables, only for characters off the fast path, and an index built with
//! it folds indexed text, queries and highlights with it.

use std::sync::atomic::{AtomicUsize, Ordering};

use kiroku_core::normalize::Normalizer;
use kiroku_core::{parse, Gazetteer, Index, SearchRequest};
use unicode_normalization::UnicodeNormalization;

static CALLS: AtomicUsize = AtomicUsize::new(0);

fn counting_nfkc(text: &str) -> String {
    CALLS.fetch_add(1, Ordering::SeqCst);
    text.nfkc().collect()
}

fn calls() -> usize {
    CALLS.load(Ordering::SeqCst)
}

/// Leaves compatibility forms alone: stands in for an NFKC that differs from the
/// tables, to show which one an index uses.
fn no_nfkc(text: &str) -> String {
    text.to_owned()
}

#[test]
fn given_nfkc_is_used_off_the_fast_path_only() {
    let normalizer = Normalizer::new(counting_nfkc);
    assert_eq!(
        normalizer.normalize("マドゥロ大統領、石油。usd"),
        "マドゥロ大統領、石油。usd"
    );
    assert_eq!(calls(), 0, "ASCII, kana, kanji and 、。 take the fast path");

    assert_eq!(normalizer.normalize("ﾏﾄﾞｩｰﾛ"), "マドゥロ");
    assert_eq!(normalizer.normalize("ＵＳＤＴ㍂"), "usdtホン");
    assert!(
        calls() >= 5,
        "half-width and full-width forms went through it: {}",
        calls()
    );
}

#[test]
fn an_index_folds_with_its_gazetteers_normalizer() {
    let corpus = "- 2025年1月2日 ＵＳＤＴの話\n2025年1月2日 ＵＳＤＴの話\n本文\n";
    let total = |normalizer: Normalizer, query: &str| {
        let gazetteer = Gazetteer::empty(normalizer);
        let index = Index::build(parse::parse(corpus).corpus, &gazetteer);
        index
            .search(&SearchRequest {
                query: query.into(),
                ..SearchRequest::default()
            })
            .total
    };
    assert_eq!(total(Normalizer::unicode_tables(), "usdt"), 1);
    // Without NFKC, ＵＳＤＴ only lowercases to ｕｓｄｔ: the index and its queries
    // agree on that, and plain usdt is another word.
    assert_eq!(total(Normalizer::new(no_nfkc), "usdt"), 0);
    assert_eq!(total(Normalizer::new(no_nfkc), "ＵＳＤＴ"), 1);
}
