//! Invariants, checked on random input (proptest).
//!
//! The central one is the recall guarantee: for any corpus and any Japanese terms,
//! the index's hit set equals the naive set "normalized title or body contains the
//! normalized term" (ANDed, with exclusions). Case counts are kept small so the
//! whole suite stays within a few seconds on CI's 2 cores; the alphabets are tiny on
//! purpose, so that random terms actually occur in random documents and the tricky
//! characters (long vowels, half-width voicing marks, combining marks, small kana)
//! meet each other often.

use kiroku_core::normalize::{normalize, Normalizer};
use kiroku_core::parse::{self, Article, Corpus};
use kiroku_core::query::Query;
use kiroku_core::snippet::{highlight, snippet};
use kiroku_core::{Date, Gazetteer, Index, SearchRequest};
use proptest::prelude::*;
use proptest::sample::select;

/// Characters that make Japanese normalization interesting.
const TERM_CHARS: &[&str] = &[
    "ア", "イ", "カ", "ガ", "サ", "バ", "ハ", "パ", "ァ", "ヴ", "あ", "か", "が", "ぁ", "ゝ", "ー",
    "ｰ", "－", "〜", "～", "―", "ｶ", "ﾊ", "ﾞ", "ﾟ", "\u{3099}", "米", "国", "・", "、", "「", "」",
];
/// Documents also have spaces, newlines and words.
const DOC_CHARS: &[&str] = &[
    "ア", "イ", "カ", "ガ", "サ", "バ", "ハ", "パ", "ァ", "ヴ", "あ", "か", "が", "ぁ", "ゝ", "ー",
    "ｰ", "－", "〜", "～", "―", "ｶ", "ﾊ", "ﾞ", "ﾟ", "\u{3099}", "米", "国", "・", "、", "「", "」",
    " ", "\n", "a", "B", "1", "ＵＳ",
];

fn text_from(chars: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(select(chars), 0..max).prop_map(|v| v.concat())
}

fn term() -> impl Strategy<Value = String> {
    prop::collection::vec(select(TERM_CHARS), 1..5)
        .prop_map(|v| v.concat())
        .prop_filter("a leading minus means exclusion", |t| {
            !t.starts_with(['－', '-'])
        })
}

fn corpus() -> impl Strategy<Value = Corpus<'static>> {
    prop::collection::vec((text_from(TERM_CHARS, 6), text_from(DOC_CHARS, 40)), 1..12).prop_map(
        |docs| Corpus {
            articles: docs
                .into_iter()
                .enumerate()
                .map(|(i, (title, body))| Article {
                    id: format!("a{i}"),
                    date: Date::new(2000 + i as i32, 1 + (i % 12) as u32, 1).expect("a valid date"),
                    title: title.into(),
                    body: body.into(),
                    line: i + 1,
                    tags: Vec::new(),
                    source: None,
                    url: None,
                })
                .collect(),
        },
    )
}

fn contains(article: &Article, term: &str) -> bool {
    let term = normalize(term);
    normalize(&article.title).contains(&term) || normalize(&article.body).contains(&term)
}

/// Characters that belong to the NFKC unit of the character before them.
fn joins_previous(c: char) -> bool {
    matches!(c, '\u{FF9E}' | '\u{FF9F}')
        || unicode_normalization::char::canonical_combining_class(c) != 0
}

fn is_char_span(text: &str, start: usize, end: usize) -> bool {
    start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn search_equals_naive_substring(corpus in corpus(), terms in prop::collection::vec((term(), any::<bool>()), 1..4)) {
        // The first term is always positive; later ones may be exclusions.
        let query: Vec<String> = terms
            .iter()
            .enumerate()
            .map(|(i, (t, negated))| if *negated && i > 0 { format!("-{t}") } else { t.clone() })
            .collect();
        let query = query.join(" ");
        let expected: Vec<String> = corpus
            .articles
            .iter()
            .filter(|a| {
                terms.iter().enumerate().all(|(i, (t, negated))| contains(a, t) != (*negated && i > 0))
            })
            .map(|a| a.id.clone())
            .collect();
        let index = Index::build(corpus.clone(), &Gazetteer::default());
        let results = index.search(&SearchRequest { query: query.clone(), limit: usize::MAX, ..SearchRequest::default() });
        let mut got: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
        got.sort_by_key(|id| id[1..].parse::<usize>().unwrap());
        prop_assert_eq!(&got, &expected, "query {:?}", query);
        prop_assert_eq!(results.total, expected.len());
        // Every hit shows where it matched.
        let q = Query::parse(&query, &Normalizer::default());
        for hit in &results.hits {
            let article = index.article(hit.doc).unwrap();
            prop_assert!(!highlight(&q, &article.title, &Normalizer::default()).is_empty() || !highlight(&q, &article.body, &Normalizer::default()).is_empty());
        }
    }

    /// A term that is an entity's local name (`kaga`, English for カガ) finds the
    /// articles containing it or any of the entity's spellings; every other term
    /// keeps its exact meaning, local names in the gazetteer or not.
    #[test]
    fn local_names_expand_and_nothing_else_changes(
        corpus in corpus(),
        terms in prop::collection::vec((prop_oneof![term(), Just("KAGA".to_string())], any::<bool>()), 1..4),
    ) {
        let gazetteer = Gazetteer::from_toml(
            "[[entity]]\nname = \"カガ\"\nname_en = \"Kaga\"\nkind = \"place\"\nvariants = [\"米\", \"カガ米\"]\n",
            Normalizer::default(),
        ).unwrap();
        let query: Vec<String> = terms
            .iter()
            .enumerate()
            .map(|(i, (t, negated))| if *negated && i > 0 { format!("-{t}") } else { t.clone() })
            .collect();
        // Ends with a space: no prefix matching of the last Latin word.
        let query = query.join(" ") + " ";
        let means = |a: &Article, t: &str| {
            if t == "KAGA" {
                contains(a, "kaga") || contains(a, "カガ") || contains(a, "米")
            } else {
                contains(a, t)
            }
        };
        let expected: Vec<String> = corpus
            .articles
            .iter()
            .filter(|a| terms.iter().enumerate().all(|(i, (t, negated))| means(a, t) != (*negated && i > 0)))
            .map(|a| a.id.clone())
            .collect();
        let index = Index::build(corpus, &gazetteer);
        let results = index.search(&SearchRequest { query: query.clone(), limit: usize::MAX, ..SearchRequest::default() });
        let mut got: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
        got.sort_by_key(|id| id[1..].parse::<usize>().unwrap());
        prop_assert_eq!(&got, &expected, "query {:?}", query);
        let named = terms.iter().any(|(t, _)| t == "KAGA");
        prop_assert_eq!(!results.expansions.is_empty(), named, "query {:?}", query);
        for expansion in &results.expansions {
            prop_assert_eq!(expansion.term.as_str(), "Kaga");
            prop_assert_eq!(&expansion.spellings, &["カガ".to_string(), "米".to_string()]);
        }
    }

    /// The hits' highlights and snippets are what the highlighter finds in the full
    /// texts (the search skips fields where the index proves there is no match).
    #[test]
    fn hits_show_what_the_highlighter_finds(corpus in corpus(), terms in prop::collection::vec(term(), 1..3), word in select(&["", "a", "b1", "ｕｓ", "\"a b\""][..]), or in any::<bool>()) {
        let query = format!("{}{}{word}", terms.join(" "), if or { " OR " } else { " " });
        let index = Index::build(corpus, &Gazetteer::default());
        let results = index.search(&SearchRequest { query: query.clone(), limit: usize::MAX, ..SearchRequest::default() });
        let q = Query::parse(&query, &Normalizer::default());
        for hit in &results.hits {
            let article = index.article(hit.doc).unwrap();
            prop_assert_eq!(&hit.title_highlights, &highlight(&q, &article.title, &Normalizer::default()), "query {:?}", query);
            prop_assert_eq!(&hit.snippet, &snippet(&q, &article.body, 120, &Normalizer::default()), "query {:?}", query);
        }
    }

    /// A page is the same slice of the one full ranking, whichever way it was picked
    /// (a top list for short pages, a full sort for everything).
    #[test]
    fn pages_are_slices_of_the_full_ranking(corpus in corpus(), query in prop::collection::vec(select(&["米", "国", "カ", "ア", "a", ""][..]), 0..3), sort in 0usize..3, offset in 0usize..6, limit in 0usize..6) {
        let sort = [kiroku_core::Sort::Relevance, kiroku_core::Sort::Newest, kiroku_core::Sort::Oldest][sort];
        let index = Index::build(corpus, &Gazetteer::default());
        let request = SearchRequest { query: query.join(" "), sort, ..SearchRequest::default() };
        let full = index.search(&SearchRequest { limit: usize::MAX, ..request.clone() });
        let page = index.search(&SearchRequest { offset, limit, ..request });
        let expected: Vec<_> = full.hits.iter().skip(offset).take(limit).collect();
        let got: Vec<_> = page.hits.iter().collect();
        prop_assert_eq!(got, expected);
        prop_assert_eq!(page.total, full.total);
    }

    #[test]
    fn normalize_is_idempotent(text in text_from(DOC_CHARS, 30)) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once);
    }

    /// DESIGN.md: "normalizing a substring gives a substring of the normalized
    /// text", for substrings that start and end between NFKC units and do not start
    /// with a long-vowel mark (which the full text may have dropped after a kana).
    #[test]
    fn normalize_is_local(text in text_from(DOC_CHARS, 30), a in 0usize..64, b in 0usize..64) {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .filter(|&i| text[i..].chars().next().is_none_or(|c| !joins_previous(c)))
            .collect();
        let (i, j) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        let sub = &text[i.min(j)..i.max(j)];
        prop_assume!(!sub.starts_with(['ー', 'ｰ', '－', '〜', '～', '―']));
        let whole = normalize(&text);
        let part = normalize(sub);
        prop_assert!(whole.contains(&part), "{:?} of {:?}: {:?} not in {:?}", sub, text, part, whole);
    }

    #[test]
    fn normalize_is_idempotent_on_any_text(text in any::<String>()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn spans_are_char_boundaries(text in text_from(DOC_CHARS, 60), query in prop::collection::vec(term(), 1..3), max in 1usize..40) {
        let query = Query::parse(&query.join(" "), &Normalizer::default());
        for span in highlight(&query, &text, &Normalizer::default()) {
            prop_assert!(is_char_span(&text, span.start, span.end), "{:?} in {:?}", span, text);
        }
        let s = snippet(&query, &text, max, &Normalizer::default());
        for span in &s.highlights {
            prop_assert!(is_char_span(&s.text, span.start, span.end), "{:?} in {:?}", span, s.text);
        }
        let normalized = Normalizer::default().normalized(&text);
        let bounds: Vec<usize> = normalized.text.char_indices().map(|(i, _)| i).chain([normalized.text.len()]).collect();
        for w in bounds.windows(2) {
            let span = normalized.original_span(w[0]..w[1]).unwrap();
            prop_assert!(is_char_span(&text, span.start, span.end));
        }
    }

    #[test]
    fn entity_spans_are_char_boundaries(text in text_from(DOC_CHARS, 60)) {
        let gazetteer = Gazetteer::from_toml(
            "[[entity]]\nname = \"カガ\"\nkind = \"place\"\nvariants = [\"米\", \"ア\"]\nexclude = [\"米国\"]\n",
            Normalizer::default(),
        ).unwrap();
        for m in gazetteer.entities_in(&text) {
            prop_assert!(is_char_span(&text, m.span.start, m.span.end));
        }
    }
}

/// Pieces of corpus lines, valid and broken, for the parser.
const LINE_PIECES: &[&str] = &[
    "- ",
    "2025年",
    "２０２５年",
    "13月",
    "1月",
    "０８月",
    "7日",
    "40日",
    "31日",
    " ",
    "\u{3000}",
    "見出し",
    "本文",
    "・",
    "\r",
    "\u{feff}",
    "{",
    "}",
    "\"date\":",
    "\"2025-01-01\"",
    "\"title\":\"t\"",
    ",",
    "\"body\":\"b\"",
    "[",
    "]",
    "\\",
    "\u{FFFD}",
    "é",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics(lines in prop::collection::vec(prop::collection::vec(select(LINE_PIECES), 0..8), 0..12)) {
        let text: Vec<String> = lines.into_iter().map(|l| l.concat()).collect();
        let text = text.join("\n");
        let parsed = parse::parse(&text);
        for d in &parsed.diagnostics {
            prop_assert!(d.line >= 1 && d.line <= text.split('\n').count());
        }
        // Indexing and an empty search must cope with whatever was kept.
        let index = Index::build(parsed.corpus, &Gazetteer::default());
        let _ = index.search(&SearchRequest::default());
    }

    #[test]
    fn parse_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse::parse_bytes(&bytes);
    }

    #[test]
    fn search_never_panics(
        corpus in corpus(),
        query in any::<String>(),
        offset in 0usize..20,
        limit in 0usize..20,
        years in prop::collection::vec(1990i32..2030, 0..3),
        entity in select(&["カガ", "ア", "unknown", ""][..]),
    ) {
        let gazetteer = Gazetteer::from_toml("[[entity]]\nname = \"カガ\"\nkind = \"place\"\nvariants = [\"ア\"]\n", Normalizer::default()).unwrap();
        let index = Index::build(corpus, &gazetteer);
        let results = index.search(&SearchRequest {
            query,
            offset,
            limit,
            years,
            entities: vec![entity.to_string()],
            from: Date::new(2003, 1, 1),
            ..SearchRequest::default()
        });
        prop_assert!(results.hits.len() <= limit);
        for hit in &results.hits {
            for span in &hit.title_highlights {
                prop_assert!(is_char_span(&hit.title, span.start, span.end));
            }
        }
    }

    #[test]
    fn query_parse_never_panics(query in any::<String>(), text in text_from(DOC_CHARS, 30)) {
        let q = Query::parse(&query, &Normalizer::default());
        let _ = highlight(&q, &text, &Normalizer::default());
        let _ = snippet(&q, &text, 10, &Normalizer::default());
    }
}

/// A small alphabet, so random terms often match: katakana (with a long vowel that
/// folds away after them), kanji, punctuation, spaces and newlines between
/// characters (which take no position), and a Latin word (which takes one).
const DENSE_DOC_CHARS: &[&str] = &["ア", "イ", "カ", "ー", "米", "国", "・", " ", "\n", "a"];
const DENSE_TERM_CHARS: &[&str] = &["ア", "イ", "カ", "ー", "米", "国", "・", "ｶ"];

/// Many short articles, so matches sit next to article and title/body boundaries.
fn dense_corpus() -> impl Strategy<Value = Corpus<'static>> {
    let field =
        |max| prop::collection::vec(select(DENSE_DOC_CHARS), 1..max).prop_map(|v| v.concat());
    prop::collection::vec((field(5), field(14)), 1..16).prop_map(|docs| Corpus {
        articles: docs
            .into_iter()
            .enumerate()
            .map(|(i, (title, body))| Article {
                id: format!("a{i}"),
                date: Date::new(2000 + i as i32, 1, 1).expect("a valid date"),
                title: title.into(),
                body: body.into(),
                line: i + 1,
                tags: Vec::new(),
                source: None,
                url: None,
            })
            .collect(),
    })
}

/// One clause of a random query: a term of one to four characters (one and two most
/// often), or a quoted phrase of two or three such terms; maybe an exclusion.
#[derive(Clone, Debug)]
struct Clause {
    words: Vec<String>,
    negated: bool,
}

fn clause() -> impl Strategy<Value = Clause> {
    let word = prop_oneof![
        3 => prop::collection::vec(select(DENSE_TERM_CHARS), 1..3),
        1 => prop::collection::vec(select(DENSE_TERM_CHARS), 3..5),
    ]
    .prop_map(|v| v.concat());
    (
        prop_oneof![3 => prop::collection::vec(word.clone(), 1..2), 1 => prop::collection::vec(word, 2..4)],
        any::<bool>(),
    )
        .prop_map(|(words, negated)| Clause { words, negated })
}

impl Clause {
    fn query(&self, first: bool) -> String {
        let minus = if self.negated && !first { "-" } else { "" };
        match self.words.as_slice() {
            [one] => format!("{minus}{one}"),
            many => format!("{minus}\"{}\"", many.join(" ")),
        }
    }

    /// The truth, from the normalized text alone: the phrase's normalized pieces
    /// stand in this order, with nothing but whitespace between them (a space takes
    /// no position, so "ア イ" also finds アイ).
    fn in_text(&self, text: &str) -> bool {
        let phrase = normalize(&self.words.join(" "));
        let pieces: Vec<&str> = phrase.split_whitespace().collect();
        let text = normalize(text);
        text.char_indices().any(|(start, _)| {
            let mut rest = &text[start..];
            pieces.iter().enumerate().all(|(i, piece)| {
                if i > 0 {
                    rest = rest.trim_start_matches([' ', '\n']);
                }
                match rest.strip_prefix(piece) {
                    Some(after) => {
                        rest = after;
                        true
                    }
                    None => false,
                }
            })
        })
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    /// The index finds exactly the articles whose normalized title or body contains
    /// every positive clause and no excluded one: one- and two-character terms,
    /// longer ones, phrases, exclusions, next to article and field boundaries.
    #[test]
    fn index_equals_naive_truth(corpus in dense_corpus(), clauses in prop::collection::vec(clause(), 1..4)) {
        let query: Vec<String> = clauses.iter().enumerate().map(|(i, c)| c.query(i == 0)).collect();
        let query = query.join(" ");
        let expected: Vec<String> = corpus
            .articles
            .iter()
            .filter(|a| {
                clauses.iter().enumerate().all(|(i, c)| {
                    let found = c.in_text(&a.title) || c.in_text(&a.body);
                    found != (c.negated && i > 0)
                })
            })
            .map(|a| a.id.clone())
            .collect();
        let index = Index::build(corpus, &Gazetteer::default());
        let results = index.search(&SearchRequest { query: query.clone(), limit: usize::MAX, ..SearchRequest::default() });
        let mut got: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
        got.sort_by_key(|id| id[1..].parse::<usize>().unwrap());
        prop_assert_eq!(&got, &expected, "query {:?}", query);
        prop_assert_eq!(results.total, expected.len());
    }

    /// Built in slices or at once, the index answers alike.
    #[test]
    fn slices_build_the_same_index(corpus in dense_corpus(), budget in 1usize..40, clauses in prop::collection::vec(clause(), 1..3)) {
        let query: Vec<String> = clauses.iter().enumerate().map(|(i, c)| c.query(i == 0)).collect();
        let request = SearchRequest { query: query.join(" "), limit: usize::MAX, ..SearchRequest::default() };
        let whole = Index::build(corpus.clone(), &Gazetteer::default());
        let mut builder = kiroku_core::IndexBuilder::new(corpus, &Gazetteer::default());
        prop_assert_eq!(builder.newest_first(), whole.newest_first());
        let mut last = 0;
        loop {
            let progress = builder.index_some(budget);
            prop_assert!(progress.indexed > last || progress.is_done());
            last = progress.indexed;
            if progress.is_done() {
                break;
            }
        }
        let sliced = builder.finish();
        prop_assert_eq!(sliced.search(&request), whole.search(&request));
    }
}

/// Query characters: terms, Latin words and prefixes, quotes, minus, OR.
const QUERY_CHARS: &[&str] = &[
    "ア", "イ", "カ", "ー", "米", "国", "a", "b1", " ", "\"", "-", "OR ", "ｶ", "、",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Whatever the query (words, prefixes, phrases, OR, exclusions), the index finds
    /// exactly what a scan of every article's text with the highlighter's matcher
    /// finds.
    #[test]
    fn search_equals_scan(corpus in dense_corpus(), query in text_from(QUERY_CHARS, 10)) {
        let index = Index::build(corpus, &Gazetteer::default());
        let results = index.search(&SearchRequest { query: query.clone(), limit: usize::MAX, ..SearchRequest::default() });
        let mut hits: Vec<_> = results.hits.iter().map(|h| h.doc).collect();
        hits.sort_unstable();
        prop_assert_eq!(hits, index.scan(&query), "query {:?}", query);
    }

    /// Typed a character at a time, every prefix's answer is exact too: the index
    /// remembers the last terms' matches and narrows them as a term grows, so each
    /// prefix searches with what the ones before it left behind.
    #[test]
    fn every_typed_prefix_equals_scan(corpus in dense_corpus(), query in text_from(QUERY_CHARS, 10)) {
        let index = Index::build(corpus, &Gazetteer::default());
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let results = index.search(&SearchRequest { query: typed.clone(), limit: usize::MAX, ..SearchRequest::default() });
            let mut hits: Vec<_> = results.hits.iter().map(|h| h.doc).collect();
            hits.sort_unstable();
            prop_assert_eq!(hits, index.scan(&typed), "prefix {:?} of {:?}", typed, query);
        }
    }
}

/// Naive occurrences of `terms` in `text`: every place the normalized text contains
/// a normalized term, mapped back to the original, overlapping and touching ones
/// merged (as the reader marks them).
/// Every start of a normalized term in the normalized `text`, as the original's
/// byte spans, by start then term order (not merged).
fn naive_starts(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let normalized = Normalizer::default().normalized(text);
    let terms: Vec<String> = terms.iter().map(|t| normalize(t)).collect();
    let mut spans = Vec::new();
    for (at, _) in normalized.text.char_indices() {
        for term in &terms {
            if !term.is_empty() && normalized.text[at..].starts_with(term.as_str()) {
                if let Some(span) = normalized.original_span(at..at + term.len()) {
                    spans.push((span.start, span.end));
                }
            }
        }
    }
    spans
}

/// A random date window over the generated corpus's years (2000–2011), or none.
fn window() -> impl Strategy<Value = (Option<Date>, Option<Date>)> {
    let date = (2000i32..2013, 1u32..13, 1u32..29).prop_map(|(y, m, d)| Date::new(y, m, d));
    (prop::option::of(date.clone()), prop::option::of(date))
        .prop_map(|(from, to)| (from.flatten(), to.flatten()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Every occurrence the concordance lists is a naive one and none is missing:
    /// per result article (newest first), the title's then the body's matches, one
    /// line per start of a normalized term in the normalized text (terms at one
    /// start in query order), each placed on its line, in the reader's mark that
    /// covers it.
    #[test]
    fn concordance_equals_naive_occurrences(
        corpus in corpus(),
        terms in prop::collection::vec(term(), 1..3),
        excluded in prop::option::of(term()),
        or in any::<bool>(),
        window in window(),
    ) {
        let mut query = terms.join(if or { " OR " } else { " " });
        if let Some(excluded) = &excluded {
            query += &format!(" -{excluded}");
        }
        let index = Index::build(corpus, &Gazetteer::default());
        let request = SearchRequest { query: query.clone(), from: window.0, to: window.1, ..SearchRequest::default() };
        let concordance = index.concordance(&request, kiroku_core::concordance::KwicSort::Date, 0, usize::MAX, 3);
        let results = index.search(&SearchRequest { limit: usize::MAX, sort: kiroku_core::Sort::Newest, ..request });
        let mut expected = Vec::new();
        for hit in &results.hits {
            let article = index.article(hit.doc).unwrap();
            let block_starts: Vec<usize> = article.blocks().iter().map(|b| b.span.start).collect();
            for (in_title, text) in [(true, &article.title[..]), (false, &article.body[..])] {
                for (start, end) in naive_starts(text, &terms) {
                    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                    let line_start = line_start + text[line_start..start].len() - text[line_start..start].trim_start().len();
                    let end = end.min(start + text[start..line_end].trim_end().len());
                    let block = (!in_title).then(|| block_starts.partition_point(|&s| s < line_start));
                    expected.push((hit.doc, block, (start, end), text[start..end].to_string()));
                }
            }
        }
        let got: Vec<_> = concordance
            .lines
            .iter()
            .map(|l| (l.doc, l.block, (l.span.start, l.span.end), l.matched.clone()))
            .collect();
        prop_assert_eq!(concordance.total, expected.len(), "query {:?}", query);
        prop_assert_eq!(got, expected, "query {:?}", query);
        for line in &concordance.lines {
            prop_assert!(line.left.chars().count() <= 3 && line.right.chars().count() <= 3);
            // The reader's mark n covers the line's match (marks are in blocks; a
            // match in a bullet's marker has none, and counts with the mark before).
            let article = index.article(line.doc).unwrap();
            let blocks = article.blocks();
            let marks: Vec<_> = index
                .matches_in(&query, line.doc)
                .into_iter()
                .map(|(block, span)| (block.is_some(), block.map_or(0, |b| blocks[b].span.start) + span.start, block.map_or(0, |b| blocks[b].span.start) + span.end))
                .collect();
            let at = (line.block.is_some(), line.span.start);
            let before = marks.iter().filter(|m| (m.0, m.1) <= at).count();
            prop_assert_eq!(line.occurrence, before.saturating_sub(1), "{:?} {:?}", line, marks);
            if let Some(mark) = marks.get(line.occurrence) {
                if mark.0 == at.0 && mark.1 <= at.1 && at.1 < mark.2 {
                    prop_assert!(line.span.end <= mark.2, "{:?} {:?}", line, mark);
                }
            }
        }
    }

    /// The other orders list the same lines, sorted by their context.
    #[test]
    fn concordance_orders_are_permutations(corpus in corpus(), term in term()) {
        use kiroku_core::concordance::KwicSort;
        let index = Index::build(corpus, &Gazetteer::default());
        let request = SearchRequest { query: term, ..SearchRequest::default() };
        let key = |l: &kiroku_core::concordance::KwicLine| (l.doc, l.block, l.span);
        let mut by_date: Vec<_> = index.concordance(&request, KwicSort::Date, 0, usize::MAX, 1000).lines.iter().map(key).collect();
        by_date.sort_unstable();
        for sort in [KwicSort::Left, KwicSort::Right] {
            let lines = index.concordance(&request, sort, 0, usize::MAX, 1000).lines;
            let mut keys: Vec<_> = lines.iter().map(key).collect();
            keys.sort_unstable();
            prop_assert_eq!(&keys, &by_date);
            // Blocks are single lines, far shorter than 1000 characters: the
            // contexts shown are the whole contexts, so they show the order (over
            // the characters a sort compares).
            let n = kiroku_core::concordance::SORT_CONTEXT_CHARS;
            for pair in lines.windows(2) {
                let ordered = match sort {
                    KwicSort::Left => pair[0].left.chars().rev().take(n).le(pair[1].left.chars().rev().take(n)),
                    _ => pair[0].right.chars().take(n).le(pair[1].right.chars().take(n)),
                };
                prop_assert!(ordered, "{:?}", pair);
            }
        }
    }

    /// A series' count in a bin is the search total for its query over that bin's
    /// dates; the bins' articles are the filters' totals there.
    #[test]
    fn trend_counts_are_search_totals_per_bin(
        corpus in corpus(),
        queries in prop::collection::vec(prop::collection::vec(term(), 1..3).prop_map(|t| t.join(" ")), 0..6),
        window in window(),
        years in prop::collection::vec(1999i32..2013, 0..3),
    ) {
        let index = Index::build(corpus, &Gazetteer::default());
        let request = SearchRequest { from: window.0, to: window.1, years, ..SearchRequest::default() };
        let trends = index.trends(&request, &queries);
        prop_assert_eq!(trends.series.len(), queries.len().min(4));
        let total = |query: &str, from, to| index.search(&SearchRequest { query: query.into(), from, to, limit: 0, ..request.clone() }).total;
        prop_assert_eq!(trends.bins.iter().map(|b| b.articles).sum::<usize>(), total("", request.from, request.to));
        for (i, bin) in trends.bins.iter().enumerate() {
            prop_assert!(bin.start <= bin.end);
            prop_assert_eq!(bin.articles, total("", Some(bin.start), Some(bin.end)));
            for series in &trends.series {
                prop_assert_eq!(series.counts[i], total(&series.query, Some(bin.start), Some(bin.end)), "{:?} in {:?}", series.query, bin);
            }
        }
        for series in &trends.series {
            prop_assert_eq!(series.total, total(&series.query, request.from, request.to));
        }
    }
}

/// Pieces of bodies that mention dates, with sentence ends and line breaks.
const DATED_PIECES: &[&str] = &[
    "2024年",
    "１２月",
    "3月",
    "5日",
    "31日",
    "に会談",
    "。",
    "！",
    ".",
    " ",
    "\n",
    "- ",
    "・",
    "5.5",
    "米",
];

fn dated_corpus() -> impl Strategy<Value = Corpus<'static>> {
    prop::collection::vec(
        (text_from(TERM_CHARS, 4), text_from(DATED_PIECES, 30)),
        1..8,
    )
    .prop_map(|docs| Corpus {
        articles: docs
            .into_iter()
            .enumerate()
            .map(|(i, (title, body))| Article {
                id: format!("a{i}"),
                date: Date::new(2020 + (i % 3) as i32, 1 + (i % 12) as u32, 1)
                    .expect("a valid date"),
                title: title.into(),
                body: body.trim().to_string().into(),
                line: i + 1,
                tags: Vec::new(),
                source: None,
                url: None,
            })
            .collect(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// One entry per mention in the results, in date order; each sentence holds its
    /// date where the span says, lies in one block, and ends no earlier than the
    /// date; pages are slices of the whole.
    #[test]
    fn chronology_lists_every_mention_in_order(corpus in dated_corpus(), query in select(&["", "米", "-米", "会談"][..]), offset in 0usize..8, limit in 0usize..8) {
        let index = Index::build(corpus, &Gazetteer::default());
        let request = SearchRequest { query: query.into(), ..SearchRequest::default() };
        let results = index.search(&SearchRequest { limit: usize::MAX, ..request.clone() });
        let expected: usize = results.hits.iter().map(|h| index.mentioned_dates_of(h.doc).len()).sum();
        let all = index.chronology(&request, 0, usize::MAX);
        prop_assert_eq!(all.total, expected);
        prop_assert_eq!(all.entries.len(), expected);
        prop_assert_eq!(all.years.iter().map(|y| y.1).sum::<usize>(), expected);
        for pair in all.entries.windows(2) {
            prop_assert!((pair[0].date, pair[0].published) <= (pair[1].date, pair[1].published));
        }
        for entry in &all.entries {
            let article = index.article(entry.doc).unwrap();
            let block = article.blocks()[entry.block];
            prop_assert!(block.text.contains(&entry.sentence), "{:?} in {:?}", entry, block.text);
            let mention = &entry.sentence[entry.span.range()];
            prop_assert!(mention.ends_with('日') || mention.ends_with('月'), "{:?}", entry);
        }
        let page = index.chronology(&request, offset, limit);
        prop_assert_eq!(page.entries, all.entries.iter().skip(offset).take(limit).cloned().collect::<Vec<_>>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Entity and pair counts equal a brute-force count over the results'
    /// `entities_of`, ranked count first, then by name.
    #[test]
    fn cooccurrence_equals_brute_force(corpus in corpus(), query in select(&["", "米", "-米", "ア", "カ OR 国"][..]), top in 0usize..6) {
        let index = Index::build(corpus, &views_gazetteer());
        let request = SearchRequest { query: query.into(), ..SearchRequest::default() };
        let co = index.cooccurrence(&request, top);
        let results = index.search(&SearchRequest { limit: usize::MAX, ..request });
        prop_assert_eq!(co.articles, results.total);
        let name = |e: u16| index.gazetteer().entity(e).unwrap().name.clone();
        let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
        for hit in &results.hits {
            for &e in index.entities_of(hit.doc) {
                *counts.entry(name(e)).or_default() += 1;
            }
        }
        let mut expected: Vec<(String, usize)> = counts.into_iter().collect();
        expected.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        expected.truncate(top);
        let got: Vec<(String, usize)> = co.entities.iter().map(|e| (e.name.clone(), e.count)).collect();
        prop_assert_eq!(&got, &expected);
        let mut expected_pairs = Vec::new();
        for (i, (a, _)) in expected.iter().enumerate() {
            for (b, _) in &expected[i + 1..] {
                let both = results.hits.iter().filter(|h| {
                    let names: Vec<String> = index.entities_of(h.doc).iter().map(|&e| name(e)).collect();
                    names.contains(a) && names.contains(b)
                }).count();
                if both > 0 {
                    expected_pairs.push((a.clone(), b.clone(), both));
                }
            }
        }
        expected_pairs.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| x.0.cmp(&y.0)).then_with(|| x.1.cmp(&y.1)));
        let got_pairs: Vec<(String, String, usize)> = co.pairs.iter().map(|p| (co.entities[p.a].name.clone(), co.entities[p.b].name.clone(), p.count)).collect();
        prop_assert_eq!(got_pairs, expected_pairs);
        for p in &co.pairs {
            prop_assert_eq!(co.count(p.b, p.a), p.count);
        }
    }
}

/// The co-occurrence tests' gazetteer: two people and two places (so a pair can
/// be of one kind, which the entity filter ORs), a variant and an exclusion.
fn views_gazetteer() -> Gazetteer {
    Gazetteer::from_toml(
        "[[entity]]\nname = \"カガ\"\nkind = \"place\"\nvariants = [\"ア\"]\n\
         [[entity]]\nname = \"米国\"\nkind = \"place\"\n\
         [[entity]]\nname = \"バ\"\nkind = \"person\"\n\
         [[entity]]\nname = \"パ\"\nkind = \"person\"\n\
         [[entity]]\nname = \"イ\"\nkind = \"topic\"\n\
         [[entity]]\nname = \"サ\"\nkind = \"organization\"\n\
         [[entity]]\nname = \"国\"\nkind = \"topic\"\nexclude = [\"米国\"]\n",
        Normalizer::default(),
    )
    .expect("a valid gazetteer")
}

/// The canonical names of [`views_gazetteer`], and one it does not know.
const VIEWS_ENTITIES: &[&str] = &["カガ", "米国", "バ", "パ", "イ", "サ", "国", "無名"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Entities required together select exactly the articles of the rest of the
    /// request that mention every known one of them (two of one kind included,
    /// which the entity filter would OR), and the facets and the timeline count
    /// those articles.
    #[test]
    fn together_selects_the_articles_mentioning_all(
        corpus in corpus(),
        query in select(&["", "米", "-米", "ア", "カ OR 国"][..]),
        together in prop::collection::vec(select(VIEWS_ENTITIES), 0..4),
        filter in prop::option::of(select(VIEWS_ENTITIES)),
    ) {
        let index = Index::build(corpus, &views_gazetteer());
        let together: Vec<String> = together.into_iter().map(String::from).collect();
        let base = SearchRequest {
            query: query.into(),
            entities: filter.into_iter().map(String::from).collect(),
            limit: usize::MAX,
            ..SearchRequest::default()
        };
        let results = index.search(&SearchRequest { together: together.clone(), ..base.clone() });
        let gazetteer = index.gazetteer();
        let required: Vec<u16> = together.iter().filter_map(|name| gazetteer.find(name)).collect();
        let mut expected: Vec<u32> = index
            .search(&base)
            .hits
            .iter()
            .map(|hit| hit.doc)
            .filter(|&doc| required.iter().all(|id| index.entities_of(doc).contains(id)))
            .collect();
        expected.sort_unstable();
        let mut got: Vec<u32> = results.hits.iter().map(|hit| hit.doc).collect();
        got.sort_unstable();
        prop_assert_eq!(&got, &expected);
        prop_assert_eq!(results.total, expected.len());

        let mut timeline: Vec<u32> = results.timeline.bins.iter().flat_map(|bin| bin.articles.clone()).collect();
        timeline.sort_unstable();
        prop_assert_eq!(&timeline, &expected);
        let mut years: std::collections::BTreeMap<i32, usize> = Default::default();
        for &doc in &expected {
            *years.entry(index.article(doc).unwrap().date.year).or_default() += 1;
        }
        let facet_years: std::collections::BTreeMap<i32, usize> = results.facets.years.iter()
            .filter(|y| y.count > 0)
            .map(|y| (y.year, y.count))
            .collect();
        prop_assert_eq!(facet_years, years);
        if base.entities.is_empty() {
            // Without an entity filter, each entity's facet count is the number of
            // those articles that mention it.
            for group in &results.facets.entities {
                for value in &group.values {
                    let id = gazetteer.find(&value.name).unwrap();
                    let mentioning = expected.iter().filter(|&&doc| index.entities_of(doc).contains(&id)).count();
                    prop_assert_eq!(value.count, mentioning, "{}", value.name);
                }
            }
        }
    }

    /// Each co-occurrence pair's count is the number of articles its "both"
    /// filter returns, so a pair's link lists as many articles as it says.
    #[test]
    fn a_pairs_count_is_what_its_filter_returns(
        corpus in corpus(),
        query in select(&["", "米", "-米", "ア", "カ OR 国"][..]),
        filter in prop::option::of(select(VIEWS_ENTITIES)),
    ) {
        let index = Index::build(corpus, &views_gazetteer());
        let request = SearchRequest {
            query: query.into(),
            entities: filter.into_iter().map(String::from).collect(),
            ..SearchRequest::default()
        };
        let co = index.cooccurrence(&request, 8);
        for pair in &co.pairs {
            let both = vec![co.entities[pair.a].name.clone(), co.entities[pair.b].name.clone()];
            let total = index.search(&SearchRequest { together: both, limit: 0, ..request.clone() }).total;
            prop_assert_eq!(total, pair.count);
        }
    }
}

/// Text that CSV and JSON must carry through: separators, quotes, line breaks,
/// control characters, escapes, a BOM, astral characters.
const EXPORT_PIECES: &[&str] = &[
    "a", "米", ",", "\"", "\r", "\n", "\r\n", "\\", "/", "\t", "\u{0}", "\u{1F}", "\u{7F}",
    "\u{2028}", "\u{feff}", "𠮷", " ", "=1+1", "é", "+", "-", "@", "'",
];

fn export_value() -> impl Strategy<Value = kiroku_core::export::Value> {
    use kiroku_core::export::Value;
    prop_oneof![
        text_from(EXPORT_PIECES, 8).prop_map(Value::Text),
        any::<usize>().prop_map(Value::Count),
        (0usize..1000, 0usize..1000).prop_map(|(part, whole)| Value::Share { part, whole }),
        prop::collection::vec(text_from(EXPORT_PIECES, 4), 0..3).prop_map(Value::List),
        Just(Value::Empty),
    ]
}

fn export_table() -> impl Strategy<Value = kiroku_core::export::Table> {
    (1usize..5).prop_flat_map(|width| {
        (
            prop::collection::vec(text_from(EXPORT_PIECES, 5), width),
            prop::collection::vec(prop::collection::vec(export_value(), width), 0..5),
        )
            .prop_map(|(columns, rows)| kiroku_core::export::Table { columns, rows })
    })
}

const BOM: char = '\u{feff}';

/// A value as CSV shows it (lists joined, nothing for empty), after an
/// apostrophe where a spreadsheet would read a formula.
fn csv_text(value: &kiroku_core::export::Value) -> String {
    let text = plain_text(value);
    if text.starts_with(kiroku_core::export::FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text
    }
}

/// A value's text, lists joined, nothing for empty.
fn plain_text(value: &kiroku_core::export::Value) -> String {
    use kiroku_core::export::Value;
    match value {
        Value::Text(t) => t.clone(),
        Value::Count(n) => n.to_string(),
        Value::Share { part, whole } => {
            let mut text = String::new();
            kiroku_core::export::push_share(&mut text, *part, *whole);
            text
        }
        Value::List(items) => items.join("; "),
        Value::Empty => String::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The `csv` crate reads back exactly the header and fields written; the file
    /// starts with the BOM and every record ends with CRLF.
    #[test]
    fn csv_reads_back(table in export_table()) {
        let csv_text_out = table.to_csv();
        prop_assert!(csv_text_out.starts_with(BOM) && csv_text_out.ends_with("\r\n"), "{:?}", csv_text_out);
        // The reader drops the byte order mark itself, as Excel does.
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text_out.as_bytes());
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        let header = table.columns.iter().cloned().map(kiroku_core::export::Value::Text).collect::<Vec<_>>();
        let expected: Vec<Vec<String>> = std::iter::once(&header)
            .chain(&table.rows)
            .map(|row| row.iter().map(csv_text).collect())
            .collect();
        // No field a spreadsheet reads starts a formula, and each is its value's
        // text, perhaps after the one apostrophe.
        for (record, row) in records.iter().zip(std::iter::once(&header).chain(&table.rows)) {
            for (field, value) in record.iter().zip(row) {
                prop_assert!(!field.starts_with(kiroku_core::export::FORMULA_STARTS), "{:?}", field);
                let text = plain_text(value);
                prop_assert!(*field == text || field.strip_prefix('\'') == Some(text.as_str()), "{:?}", field);
            }
        }
        prop_assert_eq!(records, expected);
    }

    /// serde_json parses every line back into an object with the columns as keys
    /// and the values as written.
    #[test]
    fn json_lines_read_back(table in export_table()) {
        use kiroku_core::export::Value;
        let out = table.to_json_lines();
        let lines: Vec<&str> = out.split_terminator('\n').collect();
        prop_assert_eq!(lines.len(), table.rows.len());
        for (line, row) in lines.iter().zip(&table.rows) {
            let parsed: serde_json::Value = serde_json::from_str(line).unwrap();
            let object = parsed.as_object().unwrap();
            for (column, value) in table.columns.iter().zip(row) {
                let expected = match value {
                    Value::Text(t) => serde_json::json!(t),
                    Value::Count(n) => serde_json::json!(n),
                    Value::Share { .. } => serde_json::Value::Null, // checked below
                    Value::List(items) => serde_json::json!(items),
                    Value::Empty => serde_json::Value::Null,
                };
                // A repeated column name keeps its last value, as JSON parsers do.
                let last = table.columns.iter().rposition(|c| c == column).unwrap();
                if table.columns.iter().position(|c| c == column) != Some(last) {
                    continue;
                }
                let got = &object[column.as_str()];
                if let Value::Share { part, whole } = *value {
                    match got.as_f64() {
                        Some(x) => prop_assert!(whole > 0 && (x - part as f64 / whole as f64).abs() <= 5e-7 + 1e-12, "{}", line),
                        None => prop_assert!(whole == 0 && got.is_null(), "{}", line),
                    }
                } else {
                    prop_assert_eq!(got, &expected, "{}", line);
                }
            }
        }
    }

    /// A share is written as the decimal nearest `part / whole` with at most six
    /// places and no trailing zero, exactly where six places suffice.
    #[test]
    fn shares_are_nearest_six_place_decimals(part in 0usize..5000, whole in 1usize..5000) {
        let mut text = String::new();
        kiroku_core::export::push_share(&mut text, part, whole);
        let exact = part as f64 / whole as f64;
        let written: f64 = text.parse().unwrap();
        prop_assert!((written - exact).abs() <= 5e-7 + 1e-12, "{} for {}/{}", text, part, whole);
        if let Some((_, places)) = text.split_once('.') {
            prop_assert!(places.len() <= 6 && !places.ends_with('0'), "{}", text);
        }
        if (part * 1_000_000) % whole == 0 {
            prop_assert_eq!(written, exact, "{}", text);
        }
    }

    /// Every string survives the hand-written escaper.
    #[test]
    fn json_strings_round_trip(text in prop_oneof!["(?s).{0,40}", text_from(EXPORT_PIECES, 20)]) {
        let mut out = String::new();
        kiroku_core::export::push_json_string(&mut out, &text);
        let back: String = serde_json::from_str(&out).unwrap();
        prop_assert_eq!(back, text);
    }

    /// Whatever the query, a file name has no forbidden or control character, ends
    /// in its extension and stays short.
    #[test]
    fn file_names_are_safe(query in prop_oneof!["(?s).{0,80}", text_from(EXPORT_PIECES, 60)]) {
        use kiroku_core::export::{file_name, ViewKind};
        let name = file_name(ViewKind::Concordance, &query, "csv");
        prop_assert!(name.starts_with("kiroku-concordance") && name.ends_with(".csv"), "{}", name);
        prop_assert!(!name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']), "{}", name);
        prop_assert!(!name.chars().any(|c| c.is_control() || c.is_whitespace()), "{:?}", name);
        prop_assert!(name.chars().count() <= "kiroku-concordance-".len() + 40 + ".csv".len());
    }
}
