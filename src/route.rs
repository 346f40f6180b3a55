//! URL hash ⇄ [`State`]: the view's only serialized form.
//!
//! `#/?q=マドゥロ&e=ロシア&e=中国&y=2025&from=2025-01-01&to=2025-12-31&sort=new&a=<id>`
//! — every key optional, entities and years repeated, values percent-encoded UTF-8.
//! The views add `v=` (`trends`, `kwic`, `chronology`, `cooccurrence`; the article
//! list has none), `c=` (a compared query, repeated, at most four), `tm=share` (the
//! trends measure), `ks=left|right` (the concordance's order) and `m=` (the match the
//! reader emphasizes, 1-based, only with `a=`). `b=` (repeated, at most
//! [`MAX_TOGETHER`]) names entities that must all appear: a co-occurrence pair's
//! "both", which `e=` cannot say for two entities of one kind (it ORs them).
//! Decoding never fails: unknown keys and invalid values (a bad date, a year that
//! is not a number, broken percent escapes) are skipped, so any URL gives a view;
//! a `from` after its `to` is read as the same range written forwards.
//!
//! ```
//! use kiroku::{route, state::State};
//! let state = State { query: "ベネズエラ 石油".into(), years: vec![2024], ..State::default() };
//! let hash = route::encode(&state);
//! assert_eq!(hash, "#/?q=%E3%83%99%E3%83%8D%E3%82%BA%E3%82%A8%E3%83%A9%20%E7%9F%B3%E6%B2%B9&y=2024");
//! assert_eq!(route::decode(&hash), state);
//! assert_eq!(route::decode("#/?y=soon&from=2025-02-30&sort=sideways"), State::default());
//! ```

use std::fmt::Write;

use kiroku_core::{Date, KwicSort, Sort};

use crate::state::{Measure, State, View, MAX_SERIES};

/// Entities a URL can require together at most (a pair needs two; the bound
/// keeps a hand-made link from asking for hundreds).
pub const MAX_TOGETHER: usize = 8;

/// The hash for `state`, starting with `#/`.
pub fn encode(state: &State) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !state.query.is_empty() {
        pairs.push(("q", state.query.clone()));
    }
    for query in &state.compare {
        pairs.push(("c", query.clone()));
    }
    for entity in &state.entities {
        pairs.push(("e", entity.clone()));
    }
    for entity in &state.together {
        pairs.push(("b", entity.clone()));
    }
    for year in &state.years {
        pairs.push(("y", year.to_string()));
    }
    if let Some(from) = state.from {
        pairs.push(("from", from.to_string()));
    }
    if let Some(to) = state.to {
        pairs.push(("to", to.to_string()));
    }
    match state.sort {
        Sort::Relevance => {}
        Sort::Newest => pairs.push(("sort", "new".into())),
        Sort::Oldest => pairs.push(("sort", "old".into())),
    }
    if state.view != View::Articles {
        pairs.push(("v", state.view.key().into()));
    }
    if state.measure == Measure::Share {
        pairs.push(("tm", "share".into()));
    }
    match state.line_sort {
        KwicSort::Date => {}
        KwicSort::Left => pairs.push(("ks", "left".into())),
        KwicSort::Right => pairs.push(("ks", "right".into())),
    }
    if let Some(id) = &state.article {
        pairs.push(("a", id.clone()));
    }
    if let Some(n) = state.occurrence {
        pairs.push(("m", n.to_string()));
    }
    if state.embed {
        pairs.push(("embed", "1".into()));
    }

    let mut hash = String::from("#/");
    for (n, (key, value)) in pairs.iter().enumerate() {
        hash.push(if n == 0 { '?' } else { '&' });
        hash.push_str(key);
        hash.push('=');
        percent_encode(value, &mut hash);
    }
    hash
}

/// The state a hash (with or without the leading `#`, `/`, `?`) describes.
pub fn decode(hash: &str) -> State {
    let query = hash.trim_start_matches('#').trim_start_matches('/');
    let query = query.trim_start_matches('?');
    let mut state = State::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(value) = percent_decode(raw) else {
            continue;
        };
        match key {
            "q" => state.query = value,
            "e" if !value.is_empty() && !state.entities.contains(&value) => {
                state.entities.push(value)
            }
            "b" if !value.is_empty()
                && state.together.len() < MAX_TOGETHER
                && !state.together.contains(&value) =>
            {
                state.together.push(value)
            }
            "y" => {
                if let Ok(year) = value.parse::<i32>() {
                    if (1..=9999).contains(&year) {
                        if let Err(at) = state.years.binary_search(&year) {
                            state.years.insert(at, year);
                        }
                    }
                }
            }
            "from" => state.from = parse_date(&value).or(state.from),
            "to" => state.to = parse_date(&value).or(state.to),
            "sort" => match value.as_str() {
                "new" | "newest" => state.sort = Sort::Newest,
                "old" | "oldest" => state.sort = Sort::Oldest,
                "rel" | "relevance" => state.sort = Sort::Relevance,
                _ => {}
            },
            "c" if !value.trim().is_empty()
                && state.compare.len() < MAX_SERIES
                && !state.compare.contains(&value) =>
            {
                state.compare.push(value)
            }
            "v" => state.view = View::from_key(&value).unwrap_or(state.view),
            "tm" => match value.as_str() {
                "share" => state.measure = Measure::Share,
                "articles" => state.measure = Measure::Articles,
                _ => {}
            },
            "ks" => match value.as_str() {
                "left" => state.line_sort = KwicSort::Left,
                "right" => state.line_sort = KwicSort::Right,
                "date" => state.line_sort = KwicSort::Date,
                _ => {}
            },
            "a" if !value.is_empty() => state.article = Some(value),
            "m" => {
                if let Ok(n) = value.parse::<usize>() {
                    if n >= 1 {
                        state.occurrence = Some(n);
                    }
                }
            }
            "embed" => state.embed = value == "1",
            _ => {}
        }
    }
    // A match means nothing without its article.
    if state.article.is_none() {
        state.occurrence = None;
    }
    // A range written backwards (by hand, or by another tool) means the same days:
    // read as given, it would select nothing and show a backwards chip.
    if let (Some(from), Some(to)) = (state.from, state.to) {
        if from > to {
            (state.from, state.to) = (Some(to), Some(from));
        }
    }
    state
}

/// `YYYY-MM-DD` only: the URL form is the one `encode` writes.
fn parse_date(value: &str) -> Option<Date> {
    let mut fields = value.split('-');
    let (year, month, day) = (fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// RFC 3986 unreserved characters stay, every other byte becomes `%XX`.
fn percent_encode(value: &str, out: &mut String) {
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// `%XX` escapes and `+` (form encoding, from links made by other tools) decoded;
/// `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(raw: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut input = raw.bytes();
    while let Some(byte) = input.next() {
        match byte {
            b'%' => {
                let high = hex(input.next()?)?;
                let low = hex(input.next()?)?;
                bytes.push(high << 4 | low);
            }
            b'+' => bytes.push(b' '),
            _ => bytes.push(byte),
        }
    }
    String::from_utf8(bytes).ok()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}
