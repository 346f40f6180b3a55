//! `kiroku-bench prepare|measure|report` (run by `cargo xtask bench`; see lib.rs).

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use kiroku_bench::{
    measure,
    report::{self, Machine, Results},
    Layout,
};

#[derive(Parser)]
#[command(about = "kiroku's browser benchmarks (run through `cargo xtask bench`)")]
struct Cli {
    /// The benchmark folder.
    #[arg(long, default_value = "target/bench")]
    dir: PathBuf,
    #[command(subcommand)]
    step: Step,
}

#[derive(Subcommand)]
enum Step {
    /// Write each corpus' peer site (page, libraries, articles.json).
    Prepare {
        #[arg(long, value_delimiter = ',', required = true)]
        sizes: Vec<String>,
    },
    /// Measure kiroku and the peers in Chromium; writes results.json.
    Measure {
        #[arg(long, value_delimiter = ',', required = true)]
        sizes: Vec<String>,
        /// Cold loads (each followed by typing every query) per engine and corpus.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Engines to measure (kiroku and the peers by default).
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "kiroku,minisearch,flexsearch,pagefind"
        )]
        engines: Vec<String>,
        /// Skip the ground truth and the recall check (native, and minutes long
        /// at 50k and more): loads, latency, memory and long tasks only.
        #[arg(long)]
        skip_accuracy: bool,
        /// Open kiroku at this view of the results (its `v=` key, e.g. `kwic`), so
        /// the typed queries time that view: query, view and render.
        #[arg(long)]
        kiroku_view: Option<String>,
    },
    /// Write report.md from results.json (and criterion.txt when present).
    Report,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let layout = Layout { dir: cli.dir };
    let result = match cli.step {
        Step::Prepare { sizes } => sizes.iter().try_for_each(|name| {
            measure::prepare_site(&layout, name).map(|site| {
                eprintln!("kiroku-bench: {name}: peer site in {}", site.display());
            })
        }),
        Step::Measure {
            sizes,
            runs,
            engines,
            skip_accuracy,
            kiroku_view,
        } => measure_all(
            &layout,
            &sizes,
            runs,
            &engines,
            !skip_accuracy,
            kiroku_view.as_deref(),
        ),
        Step::Report => report::write(&layout),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kiroku-bench: error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn measure_all(
    layout: &Layout,
    sizes: &[String],
    runs: usize,
    engines: &[String],
    accuracy: bool,
    kiroku_view: Option<&str>,
) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| err.to_string())?;
    let machine = Machine::now();
    let mut corpora = Vec::new();
    for name in sizes {
        let result = runtime.block_on(measure::corpus(
            layout,
            name,
            runs,
            engines,
            accuracy,
            kiroku_view,
        ))?;
        corpora.push(result);
        // Written after each corpus, so a long run that fails late keeps what it has.
        let results = Results {
            machine: machine.clone().finished(),
            runs,
            corpora: corpora.clone(),
        };
        results.save(&layout.results())?;
    }
    eprintln!("kiroku-bench: wrote {}", layout.results().display());
    Ok(())
}
