//! kiroku-core: every piece of text work kiroku does, as a pure library.
//!
//! It takes `&str`, returns data, and never imports a web crate or touches IO, so
//! it is tested and benchmarked natively and runs unchanged inside the wasm app.
//!
//! ```
//! let parsed = kiroku_core::parse::parse_digest("- 2025年1月2日 見出し\n2025年1月2日 見出し\n本文\n");
//! assert_eq!(parsed.corpus.articles[0].title, "見出し");
//! ```

pub mod parse;

pub use parse::{Article, Corpus, Date, Diagnostic, Parsed, Severity};
