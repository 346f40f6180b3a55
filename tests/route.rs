//! The URL codec, natively: decoding as data, and a property test that any state
//! survives encode → decode.
#![cfg(not(target_arch = "wasm32"))]

use kiroku::route::{decode, encode};
use kiroku::state::{Measure, State, View};
use kiroku_core::{Date, KwicSort, Sort};
use proptest::prelude::*;

/// Decodes `hash` and re-encodes it: the canonical form shows what was kept.
#[track_caller]
fn check(hash: &str, expect: &str) {
    assert_eq!(encode(&decode(hash)), expect, "decoding {hash:?}");
}

#[test]
fn decoding_keeps_what_is_valid_and_skips_the_rest() {
    check("", "#/");
    check("#", "#/");
    check("#/", "#/");
    check("#/?", "#/");
    check("?q=abc", "#/?q=abc");
    check("#q=abc", "#/?q=abc");
    // Raw (unencoded) Japanese, `+` as space, and repeated keys.
    check(
        "#/?q=マドゥロ+政権",
        "#/?q=%E3%83%9E%E3%83%89%E3%82%A5%E3%83%AD%20%E6%94%BF%E6%A8%A9",
    );
    check("#/?e=a&e=b&e=a", "#/?e=a&e=b");
    check("#/?y=2025&y=2013&y=2025", "#/?y=2013&y=2025");
    // Invalid values are ignored, never an error.
    check("#/?y=soon&y=-4&y=99999&y=2024", "#/?y=2024");
    check("#/?from=2025-02-30&to=2025-13-01", "#/");
    check("#/?from=2025-1-1&to=yesterday", "#/");
    check("#/?from=2024-02-29", "#/?from=2024-02-29");
    check("#/?sort=sideways", "#/");
    check("#/?sort=newest", "#/?sort=new");
    check("#/?sort=old", "#/?sort=old");
    check("#/?q=%E3%81", "#/"); // a cut UTF-8 sequence
    check("#/?q=%zz&y=2024", "#/?y=2024"); // a broken escape
    check("#/?q=100%", "#/");
    check("#/?a=&e=", "#/");
    check("#/?nonsense=1&&=&q", "#/");
    check("#/?embed=1", "#/?embed=1");
    check("#/?embed=yes", "#/");
    check(
        "#/?a=2025-11-07-1&q=%3Cscript%3E",
        "#/?q=%3Cscript%3E&a=2025-11-07-1",
    );
}

#[test]
fn the_views_keys_decode_and_bad_values_are_dropped() {
    check("#/?v=trends", "#/?v=trends");
    check("#/?v=kwic&ks=right", "#/?v=kwic&ks=right");
    check("#/?v=chronology", "#/?v=chronology");
    check("#/?v=cooccurrence", "#/?v=cooccurrence");
    check("#/?v=articles", "#/");
    check("#/?v=pie-chart&v=", "#/");
    check("#/?v=trends&v=bogus", "#/?v=trends");
    check("#/?ks=date&ks=sideways", "#/");
    check("#/?tm=share&tm=pie", "#/?tm=share");
    // Compared queries: blanks and repeats dropped, four at most.
    check("#/?c=a&c=&c=%20&c=a&c=b", "#/?c=a&c=b");
    check("#/?c=1&c=2&c=3&c=4&c=5", "#/?c=1&c=2&c=3&c=4");
    // A match only with an article, and a positive number.
    check("#/?a=x&m=3", "#/?a=x&m=3");
    check("#/?m=3", "#/");
    check("#/?a=x&m=0&m=-1&m=two", "#/?a=x");
    check("#/?a=x&m=99999999999999999999999999", "#/?a=x");
    // Entities required together: blanks and repeats dropped, eight at most.
    check("#/?b=a&b=&b=a&b=b", "#/?b=a&b=b");
    check(
        "#/?b=1&b=2&b=3&b=4&b=5&b=6&b=7&b=8&b=9",
        "#/?b=1&b=2&b=3&b=4&b=5&b=6&b=7&b=8",
    );
    check("#/?e=a&b=a&b=%E3%81", "#/?e=a&b=a");
}

#[test]
fn huge_hashes_decode_to_what_they_hold() {
    // 100 KB of percent garbage, a 100 KB query, and 10k repeated keys.
    check(&format!("#/?q={}", "%%zz%E3".repeat(20_000)), "#/");
    let query = "a".repeat(100_000);
    assert_eq!(decode(&format!("#/?q={query}&sort=new")).query, query);
    let many = "y=2024&".repeat(10_000);
    check(&format!("#/?{many}e=x"), "#/?e=x&y=2024");
}

#[test]
fn a_later_valid_date_wins_and_an_invalid_one_keeps_the_earlier() {
    check("#/?from=2024-01-01&from=bad", "#/?from=2024-01-01");
    check("#/?from=2024-01-01&from=2024-06-01", "#/?from=2024-06-01");
}

#[test]
fn a_backwards_range_reads_forwards() {
    check(
        "#/?from=2025-12-31&to=2013-01-01",
        "#/?from=2013-01-01&to=2025-12-31",
    );
    check(
        "#/?to=2013-01-01&from=2025-12-31",
        "#/?from=2013-01-01&to=2025-12-31",
    );
    check(
        "#/?from=2025-05-05&to=2025-05-05",
        "#/?from=2025-05-05&to=2025-05-05",
    );
}

fn arb_date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).expect("day 1..=28 exists in every month"))
}

fn arb_state() -> impl Strategy<Value = State> {
    (
        any::<String>(),
        prop::collection::vec(
            any::<String>().prop_filter("non-empty", |s| !s.is_empty()),
            0..4,
        ),
        prop::collection::btree_set(1i32..=9999, 0..4),
        prop::option::of(arb_date()),
        prop::option::of(arb_date()),
        prop_oneof![
            Just(Sort::Relevance),
            Just(Sort::Newest),
            Just(Sort::Oldest)
        ],
        prop::option::of(any::<String>().prop_filter("non-empty", |s| !s.is_empty())),
        any::<bool>(),
        (
            prop::option::of(1usize..100_000),
            prop::sample::select(View::ALL.to_vec()),
            prop::collection::vec(
                any::<String>().prop_filter("not blank", |s| !s.trim().is_empty()),
                0..=4,
            ),
            prop_oneof![Just(Measure::Articles), Just(Measure::Share)],
            prop_oneof![
                Just(KwicSort::Date),
                Just(KwicSort::Left),
                Just(KwicSort::Right)
            ],
            prop::collection::btree_set(
                any::<String>().prop_filter("non-empty", |s| !s.is_empty()),
                0..4,
            ),
        ),
    )
        .prop_map(
            |(
                query,
                mut entities,
                years,
                from,
                to,
                sort,
                article,
                embed,
                (occurrence, view, mut compare, measure, line_sort, together),
            )| {
                let mut seen = Vec::new();
                entities.retain(|e| {
                    let new = !seen.contains(e);
                    seen.push(e.clone());
                    new
                });
                // The states the app makes: a range is never backwards (the
                // reducer and the decoder both put it forwards).
                let (from, to) = match (from, to) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    range => range,
                };
                let mut seen = Vec::new();
                compare.retain(|q| {
                    let new = !seen.contains(q);
                    seen.push(q.clone());
                    new
                });
                // A match belongs to an open article.
                let occurrence = article.as_ref().and(occurrence);
                State {
                    query,
                    entities,
                    together: together.into_iter().collect(),
                    years: years.into_iter().collect(),
                    from,
                    to,
                    sort,
                    article,
                    occurrence,
                    view,
                    compare,
                    measure,
                    line_sort,
                    embed,
                }
            },
        )
}

proptest! {
    #[test]
    fn encode_then_decode_round_trips(state in arb_state()) {
        let hash = encode(&state);
        prop_assert!(hash.is_ascii(), "the hash is plain ASCII: {}", hash);
        prop_assert_eq!(decode(&hash), state);
    }

    #[test]
    fn decoding_any_text_never_panics(hash in any::<String>()) {
        let state = decode(&hash);
        // And whatever it gives is stable from then on.
        prop_assert_eq!(decode(&encode(&state)), state);
    }
}
