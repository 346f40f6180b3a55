//! The Share menu's link and iframe snippet.
#![cfg(not(target_arch = "wasm32"))]

use kiroku::components::share_menu::{iframe_snippet, share_link};
use kiroku::route;
use kiroku::state::State;

fn view() -> State {
    State {
        query: "マドゥロ \"国営 石油\"".into(),
        entities: vec!["ルビオ".into()],
        embed: true,
        ..State::default()
    }
}

#[test]
fn the_link_reproduces_the_view_but_not_the_compact_mode() {
    let link = share_link("https://example.org/kiroku/", &view());
    let hash = link
        .strip_prefix("https://example.org/kiroku/")
        .expect("same page");
    let decoded = route::decode(hash);
    assert_eq!(
        decoded,
        State {
            embed: false,
            ..view()
        }
    );
}

#[test]
fn the_iframe_snippet_shows_the_compact_view_and_is_safe_to_paste() {
    let snippet = iframe_snippet(
        "https://example.org/k/?a=1&b=\"x\"",
        &State {
            embed: false,
            ..view()
        },
    );
    assert!(snippet.starts_with("<iframe src=\"https://example.org/k/?a=1&amp;b=&quot;x&quot;#/?"));
    assert!(snippet.ends_with("></iframe>"));
    let src = snippet
        .split('"')
        .nth(1)
        .expect("src attribute")
        .replace("&amp;", "&");
    let hash = &src[src.find('#').expect("a hash")..];
    assert_eq!(
        route::decode(hash),
        view(),
        "the iframe opens the same view, compact"
    );
}
