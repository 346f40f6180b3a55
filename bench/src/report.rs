//! `results.json` (what was measured, and on what) and `report.md` (the tables,
//! ratios kiroku/peer and budgets that BENCHMARKS.md quotes).

use std::{fmt::Write as _, path::Path, process::Command};

use kiroku_sizes::kb;
use serde::{Deserialize, Serialize};

use crate::{
    measure::{BuildSizes, CorpusResult, EngineResult},
    sizes::Size,
    truth::median,
    Layout, QUERIES,
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Machine {
    pub date: String,
    pub commit: String,
    pub nproc: usize,
    pub cpu: String,
    pub memory: String,
    pub chromium: String,
    pub load_start: String,
    pub load_end: String,
}

impl Machine {
    pub fn now() -> Machine {
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .unwrap_or_default()
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")
                    .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
            })
            .unwrap_or_default();
        let memory = std::fs::read_to_string("/proc/meminfo")
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|kb| kb.trim().trim_end_matches(" kB").parse::<f64>().ok())
            .map(|kb| format!("{:.0} GB", kb / 1e6))
            .unwrap_or_default();
        let dirty = !output("git", &["status", "--porcelain"]).is_empty();
        Machine {
            date: output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
            commit: format!(
                "{}{}",
                output("git", &["rev-parse", "--short", "HEAD"]),
                if dirty {
                    " (with uncommitted changes)"
                } else {
                    ""
                }
            ),
            nproc: std::thread::available_parallelism().map_or(0, |n| n.get()),
            cpu,
            memory,
            chromium: output("/usr/bin/chromium", &["--version"]),
            load_start: load_average(),
            load_end: String::new(),
        }
    }

    /// The same machine, with the load average now.
    pub fn finished(mut self) -> Machine {
        self.load_end = load_average();
        self
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .current_dir(crate::workspace())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Results {
    pub machine: Machine,
    pub runs: usize,
    pub corpora: Vec<CorpusResult>,
}

impl Results {
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let json = serde_json::to_string_pretty(self).map_err(|err| err.to_string())?;
        std::fs::write(path, json).map_err(|err| format!("{}: {err}", path.display()))
    }

    pub fn load(path: &Path) -> Result<Results, String> {
        let json =
            std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
        serde_json::from_str(&json).map_err(|err| format!("{}: {err}", path.display()))
    }
}

/// Writes `report.md` from `results.json`, the `shell` build and `criterion.txt`.
pub fn write(layout: &Layout) -> Result<(), String> {
    let results = Results::load(&layout.results())?;
    let shell = BuildSizes::of(&layout.dist("shell"), &layout.corpus("shell")).ok();
    let criterion = std::fs::read_to_string(layout.criterion()).ok();
    let mut text = render(&results, shell.as_ref(), criterion.as_deref());
    // Pagefind indexes ahead of time (its Node API, in pagefind-index.mjs).
    let _ = writeln!(text, "## Pagefind's ahead-of-time index build (Node API)\n");
    for corpus in &results.corpora {
        let path = layout.site(&corpus.name).join("pagefind-ids.json");
        let index_ms = std::fs::read_to_string(&path)
            .ok()
            .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
            .and_then(|ids| ids["indexMs"].as_f64());
        let _ = writeln!(text, "- `{}`: {}", corpus.name, opt(index_ms, ms));
    }
    std::fs::write(layout.report(), text).map_err(|err| err.to_string())?;
    eprintln!("kiroku-bench: wrote {}", layout.report().display());
    Ok(())
}

fn ms(value: f64) -> String {
    if value >= 1000.0 {
        format!("{:.2} s", value / 1000.0)
    } else if value >= 10.0 {
        format!("{value:.0} ms")
    } else {
        format!("{value:.1} ms")
    }
}

fn mb(bytes: Option<f64>) -> String {
    bytes.map_or("–".into(), |b| format!("{:.1} MB", b / 1e6))
}

fn opt(value: Option<f64>, show: fn(f64) -> String) -> String {
    value.map_or("–".into(), show)
}

fn size_row(out: &mut String, what: &str, size: Size) {
    let _ = writeln!(
        out,
        "| {what} | {} | {} | {} |",
        kb(size.raw),
        kb(size.gzip),
        kb(size.brotli)
    );
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "–".into(),
    }
}

fn pass(ok: bool) -> &'static str {
    if ok {
        "✓ pass"
    } else {
        "✗ FAIL"
    }
}

fn interactive(engine: &EngineResult) -> Option<f64> {
    median(&engine.interactive_ms)
}

pub fn render(results: &Results, shell: Option<&BuildSizes>, criterion: Option<&str>) -> String {
    let mut out = String::new();
    let m = &results.machine;
    let _ = writeln!(out, "# kiroku benchmark report\n");
    let _ = writeln!(
        out,
        "{} · commit {} · {} × {} · {} RAM · {}  \nload average (1/5/15 min) at start {}, at end {} · {} cold load(s) per engine and corpus, each followed by typing every query\n",
        m.date, m.commit, m.nproc, m.cpu, m.memory, m.chromium, m.load_start, m.load_end, results.runs
    );
    budgets(&mut out, results, shell);
    for corpus in &results.corpora {
        corpus_section(&mut out, corpus);
    }
    queries_section(&mut out);
    if let Some(criterion) = criterion {
        native_section(&mut out, criterion);
    }
    out
}

fn budgets(out: &mut String, results: &Results, shell: Option<&BuildSizes>) {
    let _ = writeln!(out, "## Budgets (issue 6, issue 7 item 6)\n");
    let _ = writeln!(out, "| budget | measured | verdict |\n|---|---|---|");
    if let Some(shell) = shell {
        let _ = writeln!(
            out,
            "| app shell (wasm + JS + CSS of a 1-article build) ≤ {} gzip | {} gzip | {} |",
            kb(kiroku_sizes::APP_SHELL_BUDGET),
            kb(shell.app.gzip),
            pass(shell.app.gzip <= kiroku_sizes::APP_SHELL_BUDGET)
        );
    }
    let find = |name: &str| results.corpora.iter().find(|c| c.name == name);
    let kiroku = |c: &CorpusResult| c.engines.first().cloned().unwrap_or_default();
    if let Some(c) = find("default") {
        // kiroku's page carries its start view pre-rendered: its first contentful
        // paint is the newest-first list of titles (the boot screen is hidden).
        let fcp = median(&kiroku(c).fcp_ms);
        let _ = writeln!(
            out,
            "| default: first contentful paint, titles shown, ≤ 100 ms (median of cold loads) | {} | {} |",
            opt(fcp, ms),
            pass(fcp.is_some_and(|v| v <= 100.0))
        );
        let file = &c.single_file;
        for (what, values, limit) in [
            ("first contentful paint", &file.fcp_ms, 100.0),
            ("interactive", &file.interactive_ms, 200.0),
        ] {
            let value = median(values);
            let _ = writeln!(
                out,
                "| default, `kiroku.html` from `file://`: {what} ≤ {} (median of cold loads) | {} | {} |",
                ms(limit),
                opt(value, ms),
                pass(value.is_some_and(|v| v <= limit))
            );
        }
    }
    for (name, limit) in [("default", 200.0), ("10k", 1500.0)] {
        if let Some(c) = find(name) {
            let value = interactive(&kiroku(c));
            let _ = writeln!(
                out,
                "| {name}: interactive ≤ {} (median of cold loads) | {} | {} |",
                ms(limit),
                opt(value, ms),
                pass(value.is_some_and(|v| v <= limit))
            );
        }
    }
    for c in &results.corpora {
        let k = kiroku(c);
        let p95 = k.latency.map(|l| l.p95);
        let _ = writeln!(
            out,
            "| {}: query + facets + timeline + render p95 ≤ 16 ms | {} | {} |",
            c.name,
            opt(p95, ms),
            pass(p95.is_some_and(|v| v <= 16.0) && k.missing == 0)
        );
    }
    for c in &results.corpora {
        let limit = 2 * c.sizes.corpus_text.brotli;
        let _ = writeln!(
            out,
            "| {}: offline download (brotli) ≤ 2 × brotli(corpus text) = {} | {} ({:.2}×) | {} |",
            c.name,
            kb(limit),
            kb(c.sizes.offline.brotli),
            c.sizes.offline.brotli as f64 / c.sizes.corpus_text.brotli.max(1) as f64,
            pass(c.sizes.offline.brotli <= limit)
        );
    }
    // What a corpus adds to the download: below a few hundred articles the app shell
    // alone (~240 KB) is more than twice any corpus, so the row above cannot pass
    // there whatever the corpus costs; this one measures the corpus's own share.
    if let Some(shell) = shell {
        for c in &results.corpora {
            let limit = 2 * c.sizes.corpus_text.brotli;
            let added = c.sizes.offline.brotli.saturating_sub(shell.offline.brotli);
            let _ = writeln!(
                out,
                "| {}: what the corpus adds to the offline download (minus the 1-article build's) ≤ 2 × brotli(corpus text) = {} | {} ({:.2}×) | {} |",
                c.name,
                kb(limit),
                kb(added),
                added as f64 / c.sizes.corpus_text.brotli.max(1) as f64,
                pass(added <= limit)
            );
        }
    }
    for c in &results.corpora {
        let k = kiroku(c);
        let (fn_, fp) = k.prefixes.map_or((usize::MAX, usize::MAX), |a| {
            (a.false_negatives, a.false_positives)
        });
        let _ = writeln!(
            out,
            "| {}: recall 100 %, no false positives (every typed prefix) | {} missed, {} false | {} |",
            c.name,
            fn_,
            fp,
            pass(fn_ == 0 && fp == 0 && c.total_mismatches.is_empty())
        );
    }
    if let Some(c) = find("10k") {
        let k = kiroku(c);
        if let Some(mini) = c.engines.iter().find(|e| e.name == "MiniSearch") {
            let (kp, mp) = (k.latency.map(|l| l.p95), mini.latency.map(|l| l.p95));
            let (k50, m50) = (k.latency.map(|l| l.p50), mini.latency.map(|l| l.p50));
            let _ = writeln!(
                out,
                "| 10k: query latency no worse than MiniSearch's (p50, p95) | p50 {} vs {}, p95 {} vs {} | {} |",
                opt(k50, ms),
                opt(m50, ms),
                opt(kp, ms),
                opt(mp, ms),
                pass(matches!((kp, mp, k50, m50), (Some(a), Some(b), Some(c), Some(d)) if a <= b && c <= d))
            );
        }
    }
    if let Some(c) = find("50k") {
        let k = kiroku(c);
        let _ = writeln!(
            out,
            "| 50k: no main-thread task over 200 ms while typing | {} long tasks, longest {} | {} |",
            k.longtasks_typing.count,
            ms(k.longtasks_typing.max_ms),
            pass(k.longtasks_typing.max_ms <= 200.0 && !k.interactive_ms.is_empty())
        );
    }
    let _ = writeln!(out);
    scale_budgets(out, results);
}

/// Issue 13: a 50k archive that opens in a second and fits in a phone's memory.
fn scale_budgets(out: &mut String, results: &Results) {
    let _ = writeln!(out, "## Budgets (issue 13: scale)\n");
    let _ = writeln!(out, "| budget | measured | verdict |\n|---|---|---|");
    let find = |name: &str| results.corpora.iter().find(|c| c.name == name);
    let kiroku = |c: &CorpusResult| c.engines.first().cloned().unwrap_or_default();
    // The first list is the pre-rendered start view, in the page's HTML: it is in
    // the DOM as the page is parsed, so its first contentful paint is when people
    // see it. Search works later, when the app has rendered (`kiroku:interactive`).
    for (name, limit) in [("10k", 500.0), ("50k", 1000.0)] {
        if let Some(c) = find(name) {
            let k = kiroku(c);
            let painted = median(&k.fcp_ms);
            let _ = writeln!(
                out,
                "| {name}: interactive (first list in the DOM, painted: first contentful paint) ≤ {} | {} | {} |",
                ms(limit),
                opt(painted, ms),
                pass(painted.is_some_and(|v| v <= limit))
            );
            let _ = writeln!(
                out,
                "| {name}: search works (the app's first results, reported) | {} | – |",
                opt(interactive(&k), ms),
            );
        }
    }
    if let Some(c) = find("50k") {
        let k = kiroku(c);
        let ready = median(&k.ready_ms);
        let _ = writeln!(
            out,
            "| 50k: search ready (index complete) ≤ 2.00 s | {} | {} |",
            opt(ready, ms),
            pass(ready.is_some_and(|v| v <= 2000.0))
        );
        let _ = writeln!(
            out,
            "| 50k: wasm memory ≤ 150 MB | {} | {} |",
            mb(k.wasm_peak),
            pass(k.wasm_peak.is_some_and(|b| b <= 150e6))
        );
        let _ = writeln!(
            out,
            "| 50k: no main-thread task over 200 ms during load | {} long tasks, longest {} | {} |",
            k.longtasks_load.count,
            ms(k.longtasks_load.max_ms),
            pass(k.longtasks_load.max_ms <= 200.0 && !k.interactive_ms.is_empty())
        );
    }
    for name in ["10k", "50k"] {
        if let Some(c) = find(name) {
            let limit = c.sizes.corpus_text.brotli as f64 * 1.3;
            let _ = writeln!(
                out,
                "| {name}: offline download ≤ 1.3 × brotli(corpus) = {} | {} ({:.2}×) | {} |",
                kb(limit as usize),
                kb(c.sizes.offline.brotli),
                c.sizes.offline.brotli as f64 / c.sizes.corpus_text.brotli.max(1) as f64,
                pass(c.sizes.offline.brotli as f64 <= limit)
            );
        }
    }
    if let Some(c) = find("100k") {
        let k = kiroku(c);
        let _ = writeln!(
            out,
            "| 100k: loads and searches (reported, no budget) | interactive {}, search ready {}, wasm memory {}, query p95 {} | {} |",
            opt(interactive(&k), ms),
            opt(median(&k.ready_ms), ms),
            mb(k.wasm_peak),
            opt(k.latency.map(|l| l.p95), ms),
            pass(interactive(&k).is_some() && k.missing == 0 && k.errors.is_empty())
        );
    }
    let _ = writeln!(out);
}

fn corpus_section(out: &mut String, c: &CorpusResult) {
    let _ = writeln!(
        out,
        "## Corpus `{}`: {} articles, {} characters\n",
        c.name, c.articles, c.corpus_chars
    );
    let engines = &c.engines;
    let header: Vec<&str> = engines.iter().map(|e| e.name.as_str()).collect();
    let _ = writeln!(out, "| | {} |", header.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(engines.len()));
    let row = |out: &mut String, what: &str, cell: &dyn Fn(&EngineResult) -> String| {
        let cells: Vec<String> = engines.iter().map(cell).collect();
        let _ = writeln!(out, "| {what} | {} |", cells.join(" | "));
    };
    row(
        out,
        "interactive: first results in the DOM (median of cold loads)",
        &|e| {
            let runs: Vec<String> = e.interactive_ms.iter().map(|&v| ms(v)).collect();
            format!("**{}** ({})", opt(interactive(e), ms), runs.join(", "))
        },
    );
    row(out, "… and painted (median of cold loads)", &|e| {
        let runs: Vec<String> = e.painted_ms.iter().map(|&v| ms(v)).collect();
        format!("{} ({})", opt(median(&e.painted_ms), ms), runs.join(", "))
    });
    row(out, "first contentful paint (median of cold loads)", &|e| {
        let runs: Vec<String> = e.fcp_ms.iter().map(|&v| ms(v)).collect();
        format!("{} ({})", opt(median(&e.fcp_ms), ms), runs.join(", "))
    });
    row(
        out,
        "largest contentful paint (median of cold loads)",
        &|e| {
            let runs: Vec<String> = e.lcp_ms.iter().map(|&v| ms(v)).collect();
            format!("{} ({})", opt(median(&e.lcp_ms), ms), runs.join(", "))
        },
    );
    row(out, "in-page index build (median)", &|e| {
        opt(median(&e.index_ms), ms)
    });
    row(out, "query p50", &|e| opt(e.latency.map(|l| l.p50), ms));
    row(out, "query p95", &|e| {
        format!("**{}**", opt(e.latency.map(|l| l.p95), ms))
    });
    row(out, "query max", &|e| opt(e.latency.map(|l| l.max), ms));
    row(out, "samples (keystrokes × runs)", &|e| {
        let n = e.latency.map_or(0, |l| l.n);
        if e.missing > 0 {
            format!("{n} ({} without a search)", e.missing)
        } else {
            n.to_string()
        }
    });
    row(out, "JS heap peak", &|e| mb(e.js_heap_peak));
    row(out, "wasm memory peak", &|e| mb(e.wasm_peak));
    row(out, "download, brotli (see sizes)", &|e| {
        kb(e.download.brotli)
    });
    row(
        out,
        "fetched by interactive / by the end (uncompressed)",
        &|e| {
            format!(
                "{} / {}",
                opt(e.fetched_at_interactive, |b| kb(b as usize)),
                opt(e.fetched_at_end, |b| kb(b as usize))
            )
        },
    );
    row(out, "long tasks during load: count, longest", &|e| {
        format!(
            "{}, {}",
            e.longtasks_load.count,
            ms(e.longtasks_load.max_ms)
        )
    });
    row(out, "long tasks while typing: count, longest", &|e| {
        format!(
            "{}, {}",
            e.longtasks_typing.count,
            ms(e.longtasks_typing.max_ms)
        )
    });
    row(
        out,
        "typed prefixes with every match / no false match",
        &|e| {
            e.prefixes.map_or("–".into(), |a| {
                format!("{} / {}", pct(a.recall), pct(a.precision))
            })
        },
    );
    row(out, "missed / false matches (all prefixes)", &|e| {
        e.prefixes.map_or("–".into(), |a| {
            format!("{} / {}", a.false_negatives, a.false_positives)
        })
    });
    let _ = writeln!(out);

    // Ratios kiroku / peer.
    if let Some((kiroku, peers)) = engines.split_first() {
        let _ = writeln!(out, "Ratios kiroku / peer (below 1 = kiroku better):\n");
        let _ = writeln!(
            out,
            "| peer | interactive | query p50 | query p95 | download (brotli) | JS heap + wasm peak |\n|---|---:|---:|---:|---:|---:|"
        );
        let memory = |e: &EngineResult| {
            (e.js_heap_peak.is_some() || e.wasm_peak.is_some())
                .then(|| e.js_heap_peak.unwrap_or(0.0) + e.wasm_peak.unwrap_or(0.0))
        };
        for peer in peers {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                peer.name,
                ratio(interactive(kiroku), interactive(peer)),
                ratio(kiroku.latency.map(|l| l.p50), peer.latency.map(|l| l.p50)),
                ratio(kiroku.latency.map(|l| l.p95), peer.latency.map(|l| l.p95)),
                ratio(
                    Some(kiroku.download.brotli as f64),
                    Some(peer.download.brotli as f64)
                ),
                ratio(memory(kiroku), memory(peer)),
            );
        }
        let _ = writeln!(out);
    }

    // Accuracy per full query.
    let _ = writeln!(
        out,
        "Hits per full query (truth = articles whose normalized text contains every normalized word; missed/false in brackets when not 0):\n"
    );
    let _ = writeln!(out, "| query | truth | {} |", header.join(" | "));
    let _ = writeln!(out, "|---|---:|{}", "---:|".repeat(engines.len()));
    for (query, _) in QUERIES {
        let truth = engines
            .iter()
            .flat_map(|e| &e.queries)
            .find(|q| q.query == *query)
            .map_or("–".into(), |q| q.truth.to_string());
        let cells: Vec<String> = engines
            .iter()
            .map(|e| {
                e.queries
                    .iter()
                    .find(|q| q.query == *query)
                    .map_or("–".into(), |q| {
                        let a = q.accuracy;
                        if a.false_negatives == 0 && a.false_positives == 0 {
                            q.hits.to_string()
                        } else {
                            format!("{} (−{} +{})", q.hits, a.false_negatives, a.false_positives)
                        }
                    })
            })
            .collect();
        let _ = writeln!(out, "| `{query}` | {truth} | {} |", cells.join(" | "));
    }
    let _ = writeln!(out);

    let s = &c.sizes;
    let _ = writeln!(out, "kiroku build sizes:\n");
    let _ = writeln!(out, "| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
    size_row(out, "wasm", s.wasm);
    size_row(out, "JS", s.js);
    size_row(out, "CSS", s.css);
    size_row(out, "**app (wasm + JS + CSS)**", s.app);
    size_row(out, "corpus text", s.corpus_text);
    size_row(out, "`kiroku.html` (single file)", s.single_file);
    size_row(
        out,
        "offline download (all the service worker caches)",
        s.offline,
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "Peer downloads (library + data or index):\n");
    let _ = writeln!(out, "| peer | raw | gzip | brotli |\n|---|---:|---:|---:|");
    for e in engines.iter().skip(1) {
        size_row(out, &e.name, e.download);
    }
    let _ = writeln!(out);
    if !c.total_mismatches.is_empty() {
        let _ = writeln!(
            out,
            "**kiroku showed a different total than the native search for:** {}\n",
            c.total_mismatches.join("; ")
        );
    }
    for e in engines {
        if !e.errors.is_empty() {
            let _ = writeln!(out, "**{} errors:** {}\n", e.name, e.errors.join("; "));
        }
    }
}

fn queries_section(out: &mut String) {
    let _ = writeln!(
        out,
        "## Queries\n\nTyped one character at a time; every prefix is a measured search.\n"
    );
    for (query, what) in QUERIES {
        let _ = writeln!(out, "- `{query}`: {what}");
    }
    let _ = writeln!(out);
}

/// The native numbers criterion printed: per-corpus index builds and the latency
/// summary lines.
fn native_section(out: &mut String, criterion: &str) {
    let _ = writeln!(
        out,
        "## Native (criterion, `cargo bench -p kiroku-core`)\n\n```"
    );
    let mut lines = criterion.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("parse+index/") || trimmed.starts_with("search/") {
            // Criterion prints the name, then `time: [low median high]` (same or next line).
            let time = if line.contains("time:") {
                line.to_string()
            } else {
                lines.next().unwrap_or_default().to_string()
            };
            let name = trimmed.split_whitespace().next().unwrap_or_default();
            let time = time.split("time:").nth(1).unwrap_or_default().trim();
            let _ = writeln!(out, "{name:<40} {time}");
        } else if trimmed.starts_with("query+facets+timeline") || trimmed.contains("articles): p50")
        {
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out, "```\n");
}
