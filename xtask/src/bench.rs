//! `cargo xtask bench`: kiroku against its peers in one Chromium run, plus the core's
//! criterion benchmarks, into `target/bench/report.md` and `results.json`.
//!
//! Steps: the pinned npm peers (`bench/peers/package-lock.json`, `npm ci` into
//! `target/bench/node` only when missing or changed); the corpora (the default one
//! and `kiroku_gen::generate(N, 2025)`, as criterion uses); a release dist per corpus
//! and a 1-article build that measures the app shell alone; the peers' sites and
//! Pagefind indexes; the browser measurements (`kiroku-bench measure`); criterion;
//! the report. Nothing from npm reaches any `dist/`: the peers live in
//! `target/bench/<corpus>/site`, served only to the benchmark's browser.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
    process::Command,
};

use anyhow::{Context, Result};

use crate::{dist, files, shell};

/// The seed of every generated corpus (the criterion benchmarks use it too).
const SEED: u64 = 2025;
/// The corpus of the build that measures the app shell without a real corpus.
const SHELL: &str = "shell";

pub struct Options {
    pub sizes: Vec<String>,
    pub runs: usize,
    pub skip_build: bool,
    pub skip_native: bool,
    pub criterion_args: Vec<String>,
}

pub fn run(options: &Options) -> Result<()> {
    let root = shell::root();
    let dir = root.join("target/bench");
    let node = dir.join("node");
    ensure_peers(&root.join("bench/peers"), &node)?;
    let mut builds: Vec<&str> = options.sizes.iter().map(String::as_str).collect();
    builds.push(SHELL);
    for name in &builds {
        write_corpus(&dir, name)?;
    }
    if !options.skip_build {
        for name in &builds {
            let generated = *name != "default";
            dist::build(&dist::Options {
                corpus: generated.then(|| dir.join(name).join("corpus.txt")),
                entities: (generated && *name != SHELL).then(|| root.join("corpus/entities.toml")),
                title: None,
                out: Some(dir.join(name).join("dist")),
            })?;
        }
    }
    let sizes = options.sizes.join(",");
    shell::run(bench_binary(&dir).args(["prepare", "--sizes", &sizes]))?;
    for name in &options.sizes {
        let site = dir.join(name).join("site");
        if options.skip_build && site.join("pagefind-ids.json").is_file() {
            continue;
        }
        shell::run(
            Command::new("node")
                .arg(node.join("pagefind-index.mjs"))
                .arg(site.join("articles.json"))
                .arg(&site),
        )?;
    }
    shell::run(bench_binary(&dir).args([
        "measure",
        "--sizes",
        &sizes,
        "--runs",
        &options.runs.to_string(),
    ]))?;
    if !options.skip_native {
        criterion(&dir.join("criterion.txt"), &options.criterion_args)?;
    }
    shell::run(bench_binary(&dir).arg("report"))?;
    eprintln!(
        "xtask bench: {} and {}",
        dir.join("report.md").display(),
        dir.join("results.json").display()
    );
    Ok(())
}

/// `kiroku-bench` built with the `bench-harness` profile (optimized, no LTO).
fn bench_binary(dir: &Path) -> Command {
    let mut cmd = shell::cargo();
    cmd.args([
        "run",
        "--quiet",
        "--profile",
        "bench-harness",
        "-p",
        "kiroku-bench",
        "--",
        "--dir",
    ])
    .arg(dir)
    .current_dir(shell::root());
    cmd
}

/// Installs the pinned peers with `npm ci` (registry only) unless the installed lock
/// file is the committed one; copies the Pagefind indexing script beside them.
fn ensure_peers(source: &Path, node: &Path) -> Result<()> {
    files::create_dir_all(node)?;
    let lock = files::read(&source.join("package-lock.json"))?;
    let installed = fs::read(node.join("package-lock.json")).unwrap_or_default();
    let complete = node.join("node_modules/pagefind/package.json").is_file();
    files::copy(
        &source.join("pagefind-index.mjs"),
        &node.join("pagefind-index.mjs"),
    )?;
    if complete && installed == lock {
        return Ok(());
    }
    files::copy(&source.join("package.json"), &node.join("package.json"))?;
    files::copy(
        &source.join("package-lock.json"),
        &node.join("package-lock.json"),
    )?;
    shell::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(node),
    )
}

/// `target/bench/<name>/corpus.txt`: the default corpus, `Nk` generated articles, or
/// one generated article for the shell build.
fn write_corpus(dir: &Path, name: &str) -> Result<()> {
    let text = match name {
        "default" => files::read(&shell::root().join("corpus/corpus.txt"))?,
        SHELL => kiroku_gen::generate(1, SEED).into_bytes(),
        _ => {
            let n: usize = name
                .strip_suffix('k')
                .and_then(|k| k.parse::<usize>().ok())
                .map(|k| k * 1000)
                .with_context(|| {
                    format!("unknown corpus size {name:?} (default, 1k, 10k, 50k…)")
                })?;
            kiroku_gen::generate(n, SEED).into_bytes()
        }
    };
    let path = dir.join(name).join("corpus.txt");
    if fs::read(&path).ok().as_deref() == Some(&text[..]) {
        return Ok(());
    }
    files::write(&path, text)
}

/// `cargo bench -p kiroku-core`, echoing its output and keeping it for the report.
fn criterion(out: &PathBuf, args: &[String]) -> Result<()> {
    let mut file =
        fs::File::create(out).with_context(|| format!("cannot write {}", out.display()))?;
    shell::run_lines(
        shell::cargo()
            .args(["bench", "-p", "kiroku-core", "--"])
            .args(args)
            .current_dir(shell::root()),
        |line| {
            println!("{line}");
            let _ = writeln!(file, "{line}");
        },
    )
}
