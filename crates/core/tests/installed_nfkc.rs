//! An installed NFKC (the browser's, in the app) replaces the built-in tables, and is
//! asked only about characters off the fast path. Its own test binary: the
//! installation is process-wide.

use std::sync::atomic::{AtomicUsize, Ordering};

use kiroku_core::normalize::{install_nfkc, normalize};
use unicode_normalization::UnicodeNormalization;

static CALLS: AtomicUsize = AtomicUsize::new(0);

fn counting_nfkc(text: &str) -> String {
    CALLS.fetch_add(1, Ordering::SeqCst);
    text.nfkc().collect()
}

fn calls() -> usize {
    CALLS.load(Ordering::SeqCst)
}

#[test]
fn installed_nfkc_is_used_off_the_fast_path_only() {
    install_nfkc(counting_nfkc);

    assert_eq!(
        normalize("マドゥロ大統領、石油。usd"),
        "マドゥロ大統領、石油。usd"
    );
    assert_eq!(calls(), 0, "ASCII, kana, kanji and 、。 take the fast path");

    assert_eq!(normalize("ﾏﾄﾞｩｰﾛ"), "マドゥロ");
    assert_eq!(normalize("ＵＳＤＴ㍂"), "usdtホン");
    assert!(
        calls() >= 5,
        "half-width and full-width forms went through it: {}",
        calls()
    );
}
