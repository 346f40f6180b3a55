//! `kiroku`: the corpus author's command line.
//!
//! - `kiroku check FILE` prints diagnostics (`FILE:LINE: error: reason`) and a
//!   summary; the exit status is 1 when there are errors.
//! - `kiroku search FILE QUERY [--from D] [--to D] [--entity NAME]… [--year Y]…
//!   [--sort relevance|newest|oldest] [--entities PATH] [--json]` runs the same search
//!   as the app and prints hits, total, facet counts and timeline bins.
//!
//! The gazetteer defaults to `entities.toml` beside FILE when it exists.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kiroku_core::facet::Facets;
use kiroku_core::normalize::Normalizer;
use kiroku_core::timeline::Granularity;
use kiroku_core::{
    parse, Date, Gazetteer, Hit, Index, Parsed, SearchRequest, SearchResults, Severity, Sort,
};
use serde::Serialize;

#[derive(Parser)]
#[command(name = "kiroku", version, about = "Check and search kiroku corpora")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a corpus (digest or JSON Lines) and its gazetteer.
    Check {
        /// Corpus file (digest format or JSON Lines).
        file: PathBuf,
        /// Gazetteer file (default: entities.toml beside FILE, if any).
        #[arg(long)]
        entities: Option<PathBuf>,
    },
    /// Search a corpus as the app would.
    Search {
        /// Corpus file (digest format or JSON Lines).
        file: PathBuf,
        /// Query: terms ANDed, "quoted phrase", -exclude, a OR b ("" lists all).
        query: String,
        /// First date, inclusive (2025-01-31 or 2025年1月31日).
        #[arg(long)]
        from: Option<Date>,
        /// Last date, inclusive.
        #[arg(long)]
        to: Option<Date>,
        /// Only articles mentioning this entity (repeatable; ORed within a kind).
        #[arg(long = "entity")]
        entities: Vec<String>,
        /// Only articles published this year (repeatable).
        #[arg(long = "year")]
        years: Vec<i32>,
        /// relevance, newest or oldest.
        #[arg(long, default_value = "relevance")]
        sort: Sort,
        /// Gazetteer file (default: entities.toml beside FILE, if any).
        #[arg(long = "entities")]
        entities_file: Option<PathBuf>,
        /// Maximum number of hits to print.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("kiroku: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Check { file, entities } => check(&file, entities.as_deref()),
        Command::Search {
            file,
            query,
            from,
            to,
            entities,
            years,
            sort,
            entities_file,
            limit,
            json,
        } => {
            let parsed = read_corpus(&file)?;
            print_diagnostics(&file, &parsed, true);
            let gazetteer = read_gazetteer(&file, entities_file.as_deref())?.unwrap_or_default();
            let index = Index::build(parsed.corpus, &gazetteer);
            let request = SearchRequest {
                query,
                from,
                to,
                years,
                entities,
                together: Vec::new(),
                sort,
                offset: 0,
                limit,
            };
            let results = index.search(&request);
            let mut out = String::new();
            if json {
                let json = JsonResults::new(&index, &results);
                out = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
                out.push('\n');
            } else {
                // Writing into a String cannot fail.
                let _ = writeln!(out, "{} hit(s) for `{}`", results.total, results.query);
                for hit in &results.hits {
                    let _ = writeln!(
                        out,
                        "{} {} [{}] {:.3}",
                        hit.date, hit.title, hit.id, hit.score
                    );
                    let _ = writeln!(out, "    {}", hit.snippet.text);
                }
            }
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(file: &Path, entities: Option<&Path>) -> Result<ExitCode, String> {
    let parsed = read_corpus(file)?;
    print_diagnostics(file, &parsed, false);
    let count = |s: Severity| {
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let (mut errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let mut entity_note = String::new();
    match read_gazetteer(file, entities) {
        Ok(Some(g)) => {
            entity_note = format!(", {} entities", g.entities().len());
            // Gazetteer authors want to know about entries that never fire
            // (a misspelled variant, say); a note, not a warning.
            let index = Index::build(parsed.corpus.clone(), &g);
            let all = index.search(&SearchRequest {
                limit: 0,
                ..SearchRequest::default()
            });
            let found: Vec<&str> = all
                .facets
                .entities
                .iter()
                .flat_map(|group| &group.values)
                .map(|v| v.name.as_str())
                .collect();
            for entity in g
                .entities()
                .iter()
                .filter(|e| !found.contains(&e.name.as_str()))
            {
                eprintln!(
                    "note: entity {:?} ({}) matches no article",
                    entity.name,
                    entity.kind.as_str()
                );
            }
        }
        Ok(None) => {}
        Err(message) => {
            eprintln!("{message}");
            errors += 1;
        }
    }
    print(&format!(
        "{}: {} articles{entity_note}, {errors} error(s), {warnings} warning(s)\n",
        file.display(),
        parsed.corpus.articles.len()
    ))?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes to stdout. A reader that stopped reading (`kiroku search … | head`) is not
/// an error: the output is simply not wanted any more (`println!` would panic).
fn print(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {err}"))
        }
        _ => Ok(()),
    }
}

/// The corpus owns its text: the file's bytes are dropped here.
fn read_corpus(file: &Path) -> Result<Parsed<'static>, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    Ok(parse::parse_bytes(&bytes).into_owned())
}

fn print_diagnostics(file: &Path, parsed: &Parsed, only_errors: bool) {
    let name = file.display().to_string();
    for d in &parsed.diagnostics {
        if !only_errors || d.severity == Severity::Error {
            eprintln!("{}", d.display(&name));
        }
    }
}

/// The explicit gazetteer, or `entities.toml` beside the corpus if there is one.
fn read_gazetteer(corpus: &Path, explicit: Option<&Path>) -> Result<Option<Gazetteer>, String> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let sibling = corpus.with_file_name("entities.toml");
            if !sibling.is_file() {
                return Ok(None);
            }
            sibling
        }
    };
    let src = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Gazetteer::from_toml(&src, Normalizer::unicode_tables())
        .map(Some)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The results as JSON: like [`SearchResults`], but timeline bins list stable
/// article ids (corpus authors grep for those) instead of index positions.
#[derive(Serialize)]
struct JsonResults<'a> {
    query: &'a str,
    total: usize,
    hits: &'a [Hit],
    facets: &'a Facets,
    timeline: JsonTimeline<'a>,
}

#[derive(Serialize)]
struct JsonTimeline<'a> {
    granularity: Granularity,
    bins: Vec<JsonBin<'a>>,
    mentions_outside: usize,
}

#[derive(Serialize)]
struct JsonBin<'a> {
    start: Date,
    end: Date,
    articles: Vec<&'a str>,
    mentioned: usize,
}

impl<'a> JsonResults<'a> {
    fn new(index: &'a Index, results: &'a SearchResults) -> JsonResults<'a> {
        let bins = results
            .timeline
            .bins
            .iter()
            .map(|bin| JsonBin {
                start: bin.start,
                end: bin.end,
                articles: bin
                    .articles
                    .iter()
                    .filter_map(|&doc| index.article(doc))
                    .map(|a| a.id.as_str())
                    .collect(),
                mentioned: bin.mentioned,
            })
            .collect();
        JsonResults {
            query: &results.query,
            total: results.total,
            hits: &results.hits,
            facets: &results.facets,
            timeline: JsonTimeline {
                granularity: results.timeline.granularity,
                bins,
                mentions_outside: results.timeline.mentions_outside,
            },
        }
    }
}
