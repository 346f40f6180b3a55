//! `cargo xtask <task>`: the one entry point for every task of the project.
//!
//! - `setup`: installs what is missing (wasm32 target, trunk 0.21, wasm-bindgen-cli at
//!   the locked version, wasm-opt from npm `binaryen@132`; with `--browser` Debian's
//!   chromium and chromium-driver). Idempotent and fast when everything is present.
//! - `serve`: setup, then `trunk serve` on 127.0.0.1 with live reload.
//! - `test`: setup, then every check CI runs (fmt, clippy host + wasm32, native tests,
//!   browser tests, release build, end-to-end tests in headless Chromium).
//! - `dist`: release build into `dist/`, printing raw and gzip sizes.
//! - `screenshots`: a release build, then the README's screenshots into `docs/`.
//! - `gen-corpus`: writes a deterministic generated corpus (`kiroku-gen`).
//! - `hostile-corpus`: writes the hostile corpus the end-to-end tests build.
//! - `bench`: kiroku against MiniSearch, FlexSearch and Pagefind in headless Chromium
//!   (release builds of the default and generated corpora), the core's criterion
//!   benchmarks, and `target/bench/report.md` (see `bench.rs`, BENCHMARKS.md).

mod bench;
mod csp;
mod dist;
mod embed;
mod files;
mod html;
mod offline;
mod prerender;
mod preview;
mod setup;
mod shell;
mod single_file;
mod test_run;
mod trunk;

use std::{path::PathBuf, process::ExitCode, time::Instant};

use anyhow::{bail, Result};
use clap::{Parser, Subcommand};
use kiroku_sizes::APP_SHELL_BUDGET;

use crate::test_run::TestRun;

#[derive(Parser)]
#[command(about = "kiroku's tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Install the missing tools (from crates.io, npm and Debian only).
    Setup {
        /// Also install Chromium and chromedriver for the browser tests.
        #[arg(long)]
        browser: bool,
    },
    /// Serve the app on 127.0.0.1 with live reload.
    Serve {
        /// Extra arguments passed to `trunk serve` (e.g. `--port 9000`).
        #[arg(trailing_var_arg = true)]
        trunk_args: Vec<String>,
    },
    /// Run every check CI runs.
    Test,
    /// Release build into dist/ (hosted files, service worker, single kiroku.html).
    Dist {
        /// Corpus to embed instead of corpus/corpus.txt (digest or JSON Lines).
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Gazetteer (entities.toml) for the facets of that corpus.
        #[arg(long)]
        entities: Option<PathBuf>,
        /// Page title.
        #[arg(long)]
        title: Option<String>,
        /// Output folder (default dist/).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Release build into dist/, then the README's screenshots (light and dark,
    /// desktop and phone, the reader, both embeds, the Share menu).
    Screenshots {
        /// Output folder (default docs/).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write a realistic, deterministic digest-format corpus.
    GenCorpus {
        #[arg(long)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (default: target/corpus-<articles>-<seed>.txt).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the hostile test corpus (tests/fixtures/hostile-corpus.jsonl plus a 1 MB
    /// line and 100k blank lines) for the end-to-end tests.
    HostileCorpus {
        /// Output file (default: target/hostile-corpus.jsonl).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Benchmarks: kiroku and its peers in headless Chromium, then criterion.
    Bench {
        /// Corpora: `default` and generated `Nk` (N thousand articles).
        #[arg(long, value_delimiter = ',', default_value = "default,1k,10k,50k")]
        sizes: Vec<String>,
        /// Cold loads (each followed by typing the queries) per engine and corpus.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Reuse the release builds and Pagefind indexes of a previous run.
        #[arg(long)]
        skip_build: bool,
        /// Skip the native criterion benchmarks.
        #[arg(long)]
        skip_native: bool,
        /// Extra arguments for criterion (e.g. a filter such as `search/10k`).
        #[arg(trailing_var_arg = true)]
        criterion_args: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    let result = match cli.task {
        Task::Setup { browser } => setup::ensure_tools(browser),
        Task::Serve { trunk_args } => serve(&trunk_args),
        Task::Test => test(),
        Task::Dist {
            corpus,
            entities,
            title,
            out,
        } => setup::ensure_tools(false).and_then(|()| {
            dist::build(&dist::Options {
                corpus,
                entities,
                title,
                out,
            })
            .map(|_| ())
        }),
        Task::Screenshots { out } => screenshots(out),
        Task::GenCorpus {
            articles,
            seed,
            out,
        } => gen_corpus(articles, seed, out),
        Task::HostileCorpus { out } => hostile_corpus(out).map(|_| ()),
        Task::Bench {
            sizes,
            runs,
            skip_build,
            skip_native,
            criterion_args,
        } => setup::ensure_tools(true).and_then(|()| {
            bench::run(&bench::Options {
                sizes,
                runs,
                skip_build,
                skip_native,
                criterion_args,
            })
        }),
    };
    match result {
        Ok(()) => {
            eprintln!("xtask: done in {:.1}s", started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("xtask: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn gen_corpus(articles: usize, seed: u64, out: Option<PathBuf>) -> Result<()> {
    let out = out.unwrap_or_else(|| {
        shell::root()
            .join("target")
            .join(format!("corpus-{articles}-{seed}.txt"))
    });
    let corpus = kiroku_gen::generate(articles, seed);
    files::write(&out, &corpus)?;
    eprintln!(
        "xtask gen-corpus: {articles} articles, {:.1} MB -> {}",
        corpus.len() as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// The committed hostile fixture, plus what is too big to commit: 100k blank lines
/// and a record whose body is one line of over 1 MB, ending in a marker to search for.
fn hostile_corpus(out: Option<PathBuf>) -> Result<PathBuf> {
    let root = shell::root();
    let out = out.unwrap_or_else(|| root.join("target/hostile-corpus.jsonl"));
    let mut corpus = files::read_to_string(&root.join("tests/fixtures/hostile-corpus.jsonl"))?;
    corpus.push_str(&"\n".repeat(100_000));
    let long_line = format!("{}末尾マーカー", "lorem ipsum 長文 ".repeat(60_000));
    let blank_body = format!("上{}下", "\\n".repeat(100_000));
    corpus.push_str(&format!(
        "{{\"date\":\"2025-03-07\",\"title\":\"長い一行\",\"body\":\"{long_line}\"}}\n\
         {{\"date\":\"2025-03-08\",\"title\":\"空行だらけ\",\"body\":\"{blank_body}\"}}\n"
    ));
    files::write(&out, &corpus)?;
    eprintln!(
        "xtask hostile-corpus: {:.1} MB -> {}",
        corpus.len() as f64 / 1e6,
        out.display()
    );
    Ok(out)
}

fn serve(trunk_args: &[String]) -> Result<()> {
    setup::ensure_tools(false)?;
    shell::run(
        shell::tool("trunk")
            .arg("serve")
            .args(trunk_args)
            .current_dir(shell::root()),
    )
}

const WASM: &str = "wasm32-unknown-unknown";

/// Every check CI runs. A failing step does not stop the independent ones after it
/// (one run shows every failure); the end-to-end tests need the three builds. The
/// `summary:` line is printed in every case.
fn test() -> Result<()> {
    setup::ensure_tools(true)?;
    let root = shell::root();
    let mut run = TestRun::default();
    run.command(
        "rustfmt",
        shell::cargo()
            .current_dir(&root)
            .args(["fmt", "--all", "--check"]),
    );
    run.command(
        "clippy (host)",
        shell::cargo().current_dir(&root).args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );
    // The core's dev-dependencies (proptest, criterion) are native-only, so on wasm32
    // the core is linted as shipped (lib) and the app with its browser tests.
    run.command(
        "clippy (wasm32, app)",
        shell::cargo()
            .current_dir(&root)
            .args([
                "clippy", "-p", "kiroku", "--target", WASM, "--lib", "--bins", "--tests",
            ])
            .args(["--", "-D", "warnings"]),
    );
    run.command(
        "clippy (wasm32, core)",
        shell::cargo()
            .current_dir(&root)
            .args(["clippy", "-p", "kiroku-core", "--target", WASM, "--lib"])
            .args(["--", "-D", "warnings"]),
    );
    run.command(
        "native tests",
        shell::cargo().current_dir(&root).args([
            "test",
            "--no-fail-fast",
            "--workspace",
            "--exclude",
            "kiroku-e2e",
        ]),
    );
    run.command(
        "browser tests (wasm-bindgen-test, headless Chromium)",
        shell::cargo()
            .current_dir(&root)
            .args(["test", "-p", "kiroku", "--target", WASM])
            .env("CHROMEDRIVER", setup::CHROMEDRIVER),
    );
    let dists = run.task("release builds", || test_builds(&root));
    if let Some(dists) = &dists {
        run.task("app shell budget", || check_budget(&dists.default));
        run.command(
            "end-to-end tests (WebDriver, headless Chromium)",
            shell::cargo()
                .current_dir(&root)
                .args(["test", "--no-fail-fast", "-p", "kiroku-e2e"])
                .env("KIROKU_DIST", &dists.default)
                .env("KIROKU_DIST_OWN", &dists.own)
                .env("KIROKU_DIST_HOSTILE", &dists.hostile)
                .env("KIROKU_AXE", setup::axe_script())
                .env("CHROMEDRIVER", setup::CHROMEDRIVER),
        );
    }
    run.finish()
}

/// The three release builds the end-to-end tests use.
struct TestBuilds {
    /// The default corpus.
    default: PathBuf,
    /// A corpus of one's own (the JSON Lines fixture).
    own: PathBuf,
    /// A hostile corpus (markup, bidi, a 1 MB line, …) under a hostile title.
    hostile: PathBuf,
}

fn test_builds(root: &std::path::Path) -> Result<TestBuilds> {
    Ok(TestBuilds {
        default: dist::build(&dist::Options::default())?,
        own: dist::build(&dist::Options {
            corpus: Some(root.join("tests/fixtures/own-corpus.jsonl")),
            entities: Some(root.join("tests/fixtures/own-entities.toml")),
            title: Some("Test Wire digest".into()),
            out: Some(root.join("target/dist-own")),
        })?,
        hostile: dist::build(&dist::Options {
            corpus: Some(hostile_corpus(None)?),
            entities: None,
            title: Some("Hostile <script>alert(\"title\")</script>".into()),
            out: Some(root.join("target/dist-hostile")),
        })?,
    })
}

/// The app shell budget (issue 6), on the default build, whose 14 KB corpus is
/// counted too, so the shell itself is a little under it.
fn check_budget(dist: &std::path::Path) -> Result<()> {
    let app_gzip = dist::app_gzip(dist)?;
    if app_gzip > APP_SHELL_BUDGET {
        bail!(
            "the app (wasm + JS + CSS) is {app_gzip} bytes gzip, over the \
             {APP_SHELL_BUDGET}-byte budget (BENCHMARKS.md)"
        );
    }
    eprintln!("xtask test: app shell {app_gzip} bytes gzip (budget {APP_SHELL_BUDGET})");
    Ok(())
}

/// The README's screenshots, from a fresh release build of the default corpus.
fn screenshots(out: Option<PathBuf>) -> Result<()> {
    setup::ensure_tools(true)?;
    let root = shell::root();
    let out = out.unwrap_or_else(|| root.join("docs"));
    files::create_dir_all(&out)?;
    let dist = dist::build(&dist::Options::default())?;
    shell::run(
        shell::cargo()
            .args([
                "run",
                "--quiet",
                "-p",
                "kiroku-e2e",
                "--bin",
                "screenshots",
                "--",
            ])
            .arg(files::absolute(&out)?)
            .env("KIROKU_DIST", &dist)
            .env("CHROMEDRIVER", setup::CHROMEDRIVER)
            .current_dir(&root),
    )
}
