//! Corpus parsing: text in, [`Corpus`] plus [`Diagnostic`]s out.

mod digest;

pub use digest::parse_digest;

/// A calendar date as written in the corpus (proleptic Gregorian, validated).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One dated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id, usable in URLs.
    pub id: String,
    pub date: Date,
    pub title: String,
    pub body: String,
    /// 1-based line of the article header in the source.
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in the corpus, with the 1-based line it was found on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}
