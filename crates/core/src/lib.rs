//! kiroku-core: every piece of text work kiroku does, as a pure library.
//!
//! It takes `&str`, returns data, and never imports a web crate or touches IO, so it
//! is tested and benchmarked natively and runs unchanged inside the wasm app.
//!
//! # API in one screen
//!
//! ```
//! use kiroku_core::{normalize::Normalizer, parse, Gazetteer, Index, SearchRequest, Sort};
//!
//! // Parse (digest or JSON Lines, auto-detected); diagnostics carry line numbers.
//! let parsed = parse::parse("- 2025年10月21日 ルビオ氏が主導\n2025年10月21日 ルビオ氏が主導\n\
//!                            マドゥーロ大統領の追放を求めた。\n- 米国の圧力\n");
//! assert!(!parsed.has_errors());
//!
//! // A gazetteer (corpus/entities.toml) and the index, folding text with the Unicode
//! // tables' NFKC (the browser app passes its own; see `Normalizer`).
//! let normalizer = Normalizer::unicode_tables();
//! let gazetteer = Gazetteer::from_toml("[[entity]]\nname = \"マドゥロ\"\nkind = \"person\"\n", normalizer).unwrap();
//! let index = Index::build(parsed.corpus, &gazetteer);
//!
//! // Per keystroke.
//! let results = index.search(&SearchRequest {
//!     query: "まどぅろ".into(),
//!     entities: vec!["マドゥロ".into()],
//!     sort: Sort::Relevance,
//!     ..SearchRequest::default()
//! });
//! assert_eq!(results.total, 1);
//! let hit = &results.hits[0];
//! assert_eq!(&hit.snippet.text[hit.snippet.highlights[0].range()], "マドゥーロ");
//! assert_eq!(results.facets.entities[0].values[0].count, 1);
//! assert_eq!(results.timeline.bins[0].articles, [hit.doc]);
//!
//! // The reader.
//! let article = index.article(hit.doc).unwrap();
//! assert_eq!(article.blocks().len(), 2); // a paragraph and a bullet
//! let marks = index.highlight("マドゥロ", article.blocks()[0].text);
//! assert_eq!(marks.len(), 1);
//! assert_eq!(index.entities_of(hit.doc), [0]);
//! assert!(index.mentioned_dates_of(hit.doc).is_empty());
//! ```
//!
//! The public API, by use:
//!
//! | call | returns |
//! |---|---|
//! | [`parse::parse`]`(&str)` / [`parse::parse_bytes`]`(&[u8])` (also `parse_digest`, `parse_jsonl`) | [`Parsed`] `{ corpus, diagnostics }`, [`Parsed::has_errors`], [`Diagnostic::display`]`(file)` → `FILE:LINE: error: reason` |
//! | [`Gazetteer::from_toml`]`(&str, Normalizer)` | `Result<Gazetteer, `[`Error`]`>`; `entities()`, `entity(id)`, `find(name)`, `entities_in(text)` |
//! | [`Index::build`]`(Corpus, &Gazetteer)` | [`Index`]; `articles()`, `article(doc)`, `find_id(id)`, `newest_first()`, `len()` |
//! | [`IndexBuilder::new`]`(Corpus, &Gazetteer)` | `newest_first()` at once, `index_some(bytes)` → [`Progress`], `finish()` → [`Index`] |
//! | [`Index::search`]`(&SearchRequest)` | [`SearchResults`] `{ hits: Vec<Hit>, total, facets, timeline, query }` |
//! | [`Index::neighbours`]`(&SearchRequest, doc)` | `Option<`[`Neighbours`]` { rank, total, previous, next }>`: a doc's place in the full ranking |
//! | [`Index::highlight`]`(query, text)` / [`snippet::highlight`] | `Vec<Span>`: byte ranges of matches in any text |
//! | [`Article::blocks`]`()` | `Vec<Block { kind: Paragraph \| Bullet \| Heading, text, span }>` |
//! | [`Index::entities_of`]`(doc)`, [`Index::mentioned_dates_of`]`(doc)` | entity ids; [`date::Mention`] `{ date, precision, span }` |
//! | [`Index::trends`]`(&SearchRequest, &[String])` | [`trends::Trends`] `{ granularity, bins: Vec<TrendBin { start, end, articles }>, series: Vec<Series { query, counts, total }> }`, `share(series, bin)`, `empty_stretches()` |
//! | [`Index::concordance`]`(&SearchRequest, KwicSort, offset, limit, context_chars)` | [`concordance::Concordance`] `{ total, lines: Vec<KwicLine> }`; or [`Index::kwic`]`(&SearchRequest, KwicSort)` once, then [`concordance::Kwic::page`]`(&index, offset, limit, context_chars)` per page |
//! | [`Index::matches_in`]`(query, doc)` | `Vec<(Option<usize>, Span)>`: an article's matches in reading order (`None` = title, `Some(i)` = `blocks()[i]`) |
//! | [`Index::chronology`]`(&SearchRequest, offset, limit)` | [`chronology::Chronology`] `{ total, years: Vec<(year, count)>, entries: Vec<ChronologyEntry { date, precision, sentence, span, cut_before, cut_after, block, doc, id, title, published }> }` |
//! | [`Index::cooccurrence`]`(&SearchRequest, top)` | [`cooccurrence::Cooccurrence`] `{ articles, entities: Vec<CooccurringEntity { id, name, kind, count }>, pairs: Vec<Pair { a, b, count }> }`, `count(a, b)` (a matrix cell) |
//! | [`export::results`]`(&index, &SearchRequest, lang)`, [`export::concordance`]`(&[KwicLine])`, [`export::chronology`]`(&[ChronologyEntry])`, [`export::trends`]`(&Trends)` | [`export::Table`] `{ columns, rows: Vec<Vec<Value>> }`; `to_csv()` (RFC 4180, BOM, CRLF), `to_json_lines()`; [`export::file_name`]`(ViewKind, query, ext)` |
//! | [`normalize::Normalizer`]: `new(nfkc)`, `unicode_tables()`, `normalize(&str)`; [`query::Query::parse`]`(&str, &Normalizer)` | the building blocks, for tests and tools |
//!
//! A [`Hit`] has `doc` (index into `articles()`), `id` (stable, URL-safe), `date`,
//! `title`, `score`, `title_highlights`, `snippet { text, highlights, cut_before,
//! cut_after }` and entity names. Facets are entity counts grouped by kind plus
//! year counts, disjunctive ([`facet`]). Timeline bins carry `start`, `end`, the
//! matching articles' `DocId`s (newest first) and the count of mentioned dates
//! ([`timeline`]). All result types implement `serde::Serialize`.
//!
//! Modules, one concept each:
//! - [`parse`]: corpus formats → [`parse::Corpus`] + [`parse::Diagnostic`]s, article ids, body blocks
//! - [`normalize`]: the text folding shared by index, query and highlighting
//! - [`tokenize`]: the one tokenizer (bigrams for CJK, words for Latin)
//! - [`index`]: the positional index, built at once or in slices, and occurrence look-up
//! - [`postings`]: compressed position lists
//! - [`query`]: the query language → atoms
//! - [`search`]: ranking and the one-call search API
//! - [`neighbours`]: one article's place in a search's full ranking (the reader's previous/next)
//! - [`facet`], [`timeline`], [`snippet`]: what the result view shows
//! - [`date`], [`entity`]: dates in text, the gazetteer
//! - views of the current results, each a method on [`Index`] taking the article
//!   list's [`SearchRequest`]: [`trends`] (compared queries over time),
//!   [`concordance`] (keyword in context), [`chronology`] (dates mentioned, with
//!   their sentences), [`cooccurrence`] (entities mentioned together); [`export`]
//!   writes them as CSV or JSON Lines

mod chars;
pub mod chronology;
pub mod concordance;
pub mod cooccurrence;
pub mod date;
pub mod entity;
pub mod export;
pub mod facet;
pub mod index;
pub mod neighbours;
pub mod normalize;
pub mod order;
pub mod parse;
pub mod postings;
pub mod query;
mod results;
pub mod search;
pub mod snippet;
pub mod timeline;
pub mod tokenize;
pub mod trends;

pub use chronology::{Chronology, ChronologyEntry};
pub use concordance::{Concordance, Kwic, KwicLine, KwicSort};
pub use cooccurrence::{Cooccurrence, CooccurringEntity, Pair};
pub use date::Date;
pub use entity::{EntityKind, Gazetteer, LocalName};
pub use index::{DocId, Index, IndexBuilder, IndexMemory, Progress};
pub use neighbours::Neighbours;
pub use parse::{Article, Block, BlockKind, Corpus, Diagnostic, Parsed, Severity};
pub use query::Expansion;
pub use search::{Hit, SearchRequest, SearchResults, Sort};
pub use trends::{Series, TrendBin, Trends};

use serde::Serialize;

/// A byte range `start..end` in some text, always on char boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Errors returned by this crate (corpus problems are [`Diagnostic`]s instead, so
/// that one bad line does not hide the others).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("entities file line {line}: {message}")]
    Gazetteer { line: usize, message: String },
    #[error(transparent)]
    Date(#[from] date::DateError),
}
