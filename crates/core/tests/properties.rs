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
