//! The script embed's pure parts: its options. That its stylesheet isolates it from the
//! host page both ways is checked in Chromium (`tests/e2e/tests/embed.rs`).
#![cfg(not(target_arch = "wasm32"))]

use kiroku::embed::{parse_lang, parse_theme, Options};
use kiroku::i18n::Lang;
use kiroku::prefs::Theme;

#[test]
fn options_start_from_a_shared_view_with_the_query_on_top() {
    let options = Options {
        view: Some("#/?q=%E7%B1%B3&sort=new".into()),
        query: Some("マドゥロ".into()),
        ..Options::default()
    };
    let state = options.initial_state();
    assert_eq!(state.query, "マドゥロ");
    assert_eq!(state.sort, kiroku_core::Sort::Newest);
    assert!(state.embed, "a mounted explorer is compact");

    let tampered = Options {
        view: Some("#/?sort=%%%&from=2025-13-40&q".into()),
        ..Options::default()
    };
    assert_eq!(
        tampered.initial_state().from,
        None,
        "invalid values are ignored"
    );
}

#[test]
fn lang_and_theme_values_fall_back_safely() {
    assert_eq!(parse_lang("en-GB"), Lang::En);
    assert_eq!(parse_lang("ja"), Lang::Ja);
    assert_eq!(parse_theme("dark"), Theme::Dark);
    assert_eq!(parse_theme("<script>"), Theme::System);
}
