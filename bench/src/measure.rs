//! The measurements of one corpus: sizes of its build, kiroku's cold loads and typed
//! queries in Chromium, the same queries through each peer, and accuracy against
//! the ground truth.

use std::path::{Path, PathBuf};

use kiroku_core::{parse, Gazetteer, Index, SearchRequest};
use serde::{Deserialize, Serialize};

use crate::{
    browser::{self, Run},
    sizes::{files_in, Size},
    truth::{median, Accuracy, GroundTruth, Latency},
    Layout, QUERIES,
};

/// The peers, by the name the page's `?lib=` takes.
pub const PEERS: &[(&str, &str)] = &[
    ("minisearch", "MiniSearch"),
    ("flexsearch", "FlexSearch"),
    ("pagefind", "Pagefind"),
];

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CorpusResult {
    pub name: String,
    pub articles: usize,
    pub corpus_chars: usize,
    pub sizes: BuildSizes,
    pub engines: Vec<EngineResult>,
    /// Typed prefixes where the total kiroku showed differs from the native total.
    pub total_mismatches: Vec<String>,
    /// kiroku's single file opened from `file://` (default corpus only).
    #[serde(default)]
    pub single_file: SingleFileLoads,
}

/// Transfer sizes of a kiroku build.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct BuildSizes {
    pub wasm: Size,
    /// Every `.js` but the service worker (glue, `register-sw.js`, `embed.js`).
    pub js: Size,
    pub css: Size,
    /// wasm + JS + CSS, as `xtask dist` sums them.
    pub app: Size,
    pub corpus_text: Size,
    pub single_file: Size,
    /// Everything the service worker caches, plus the worker: the offline download.
    pub offline: Size,
}

impl BuildSizes {
    pub fn of(dist: &Path, corpus: &Path) -> Result<BuildSizes, String> {
        let mut sizes = BuildSizes {
            corpus_text: Size::of_file(corpus)?,
            ..BuildSizes::default()
        };
        for path in files_in(dist, false)? {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let size = Size::of_file(&path)?;
            if name == "kiroku.html" {
                sizes.single_file = size;
                continue;
            }
            sizes.offline += size;
            if name.ends_with(".wasm") {
                sizes.wasm += size;
            } else if name.ends_with(".js") && name != "sw.js" {
                sizes.js += size;
            } else if name.ends_with(".css") {
                sizes.css += size;
            } else {
                continue;
            }
            sizes.app += size;
        }
        Ok(sizes)
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LongTasks {
    pub count: usize,
    pub max_ms: f64,
    pub total_ms: f64,
}

impl LongTasks {
    fn of(tasks: impl Iterator<Item = f64>) -> LongTasks {
        let mut out = LongTasks::default();
        for ms in tasks {
            out.count += 1;
            out.max_ms = out.max_ms.max(ms);
            out.total_ms += ms;
        }
        out
    }

    /// The worst run's long tasks, counting those whose start `keep` accepts.
    fn worst_of(runs: &[Run], keep: impl Fn(&Run, f64) -> bool) -> LongTasks {
        runs.iter()
            .map(|run| {
                let tasks = run.end.longtasks.iter();
                LongTasks::of(
                    tasks
                        .filter(|&&(start, _)| keep(run, start))
                        .map(|&(_, ms)| ms),
                )
            })
            .max_by(|a, b| a.max_ms.total_cmp(&b.max_ms))
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct QueryAccuracy {
    pub query: String,
    pub truth: usize,
    pub hits: usize,
    pub accuracy: Accuracy,
}

/// kiroku or one peer on one corpus.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EngineResult {
    pub name: String,
    /// Navigation start → first result list in the DOM, per cold load (ms).
    pub interactive_ms: Vec<f64>,
    /// Navigation start → the frame showing that list painted, per cold load (ms).
    #[serde(default)]
    pub painted_ms: Vec<f64>,
    /// Navigation start → first contentful paint / largest contentful paint, per
    /// cold load (ms).
    #[serde(default)]
    pub fcp_ms: Vec<f64>,
    #[serde(default)]
    pub lcp_ms: Vec<f64>,
    /// In-page index build (kiroku: parse + index), per cold load (ms).
    pub index_ms: Vec<f64>,
    /// Search ready (the index entry's end), per cold load.
    #[serde(default)]
    pub ready_ms: Vec<f64>,
    /// Every typed prefix's search (+ facets, timeline, render for kiroku; + render
    /// of 20 titles for the peers), pooled over the runs.
    pub latency: Option<Latency>,
    /// Keystrokes that produced no search measure (kiroku, 10 s timeout).
    pub missing: usize,
    pub js_heap_peak: Option<f64>,
    pub wasm_peak: Option<f64>,
    /// Bytes fetched up to interactive and up to the end of typing (median).
    pub fetched_at_interactive: Option<f64>,
    pub fetched_at_end: Option<f64>,
    /// Worst run's long tasks during load and while typing.
    pub longtasks_load: LongTasks,
    pub longtasks_typing: LongTasks,
    /// What a visitor downloads: library + data/index (kiroku: its app + corpus).
    pub download: Size,
    /// Per full query (run 0).
    pub queries: Vec<QueryAccuracy>,
    /// Over every typed prefix (run 0).
    pub prefixes: Option<Accuracy>,
    pub errors: Vec<String>,
}

impl EngineResult {
    fn from_runs(name: &str, runs: &[Run], errors: Vec<String>) -> EngineResult {
        let samples: Vec<f64> = runs
            .iter()
            .flat_map(|run| run.samples.iter().flat_map(|s| s.ms.iter().copied()))
            .collect();
        let max = |values: Vec<Option<f64>>| values.into_iter().flatten().reduce(f64::max);
        let fetched = |pick: fn(&Run) -> f64| median(&runs.iter().map(pick).collect::<Vec<_>>());
        EngineResult {
            name: name.to_string(),
            interactive_ms: runs.iter().filter_map(|r| r.loaded.interactive).collect(),
            painted_ms: runs.iter().filter_map(|r| r.loaded.painted).collect(),
            // Read at the end: a paint entry arrives a few milliseconds after its
            // frame, later than a peer's painted mark, and the largest contentful
            // paint stops changing at the first keystroke.
            fcp_ms: runs.iter().filter_map(|r| r.end.fcp).collect(),
            lcp_ms: runs.iter().filter_map(|r| r.end.lcp).collect(),
            index_ms: runs.iter().filter_map(|r| r.loaded.index_ms).collect(),
            ready_ms: runs.iter().filter_map(|r| r.end.ready).collect(),
            latency: Latency::of(&samples),
            missing: runs
                .iter()
                .flat_map(|r| &r.samples)
                .filter(|s| s.ms.is_empty())
                .count(),
            js_heap_peak: max(runs.iter().map(|r| r.end.heap).collect()),
            wasm_peak: max(runs.iter().map(|r| r.end.wasm).collect()),
            fetched_at_interactive: fetched(|r| r.loaded.fetched),
            fetched_at_end: fetched(|r| r.end.fetched),
            longtasks_load: LongTasks::worst_of(runs, |run, start| start < run.typing_from),
            longtasks_typing: LongTasks::worst_of(runs, |run, start| start >= run.typing_from),
            errors,
            ..EngineResult::default()
        }
    }
}

/// The typed prefixes of every query, in typing order.
pub fn prefixes() -> Vec<String> {
    QUERIES
        .iter()
        .flat_map(|(query, _)| {
            query
                .char_indices()
                .map(move |(i, c)| query[..i + c.len_utf8()].to_string())
        })
        .collect()
}

/// kiroku's hit set for `query`, natively (the same code the wasm runs): every
/// matching article, from the timeline bins (no page limit, no snippets).
pub fn kiroku_hits(index: &Index, query: &str) -> (usize, Vec<u32>) {
    let results = index.search(&SearchRequest {
        query: query.to_string(),
        limit: 0,
        ..SearchRequest::default()
    });
    let mut ids: Vec<u32> = results
        .timeline
        .bins
        .iter()
        .flat_map(|bin| bin.articles.iter().copied())
        .collect();
    ids.sort_unstable();
    (results.total, ids)
}

fn check_accuracy(
    truth: &GroundTruth,
    hits_of: impl Fn(&str) -> Option<Vec<u32>>,
) -> (Vec<QueryAccuracy>, Option<Accuracy>) {
    let mut per_query = Vec::new();
    for (query, _) in QUERIES {
        if let Some(hits) = hits_of(query) {
            let expected = truth.matching(query);
            per_query.push(QueryAccuracy {
                query: query.to_string(),
                truth: expected.len(),
                hits: hits.len(),
                accuracy: Accuracy::of(&hits, &expected),
            });
        }
    }
    let all: Vec<Accuracy> = prefixes()
        .iter()
        .filter_map(|prefix| Some(Accuracy::of(&hits_of(prefix)?, &truth.matching(prefix))))
        .collect();
    (per_query, (!all.is_empty()).then(|| Accuracy::total(&all)))
}

/// Measures one corpus of the layout; without `accuracy`, no ground truth, recall
/// or count check (their fields stay empty).
pub async fn corpus(
    layout: &Layout,
    name: &str,
    runs: usize,
    engines: &[String],
    accuracy: bool,
    kiroku_view: Option<&str>,
) -> Result<CorpusResult, String> {
    let wanted = |engine: &str| engines.iter().any(|e| e == engine);
    let corpus_path = layout.corpus(name);
    let dist = layout.dist(name);
    let site = layout.site(name);
    let text =
        std::fs::read(&corpus_path).map_err(|err| format!("{}: {err}", corpus_path.display()))?;
    let parsed = parse::parse_bytes(&text);
    let articles: Vec<(&str, &str)> = parsed
        .corpus
        .articles
        .iter()
        .map(|a| (a.title.as_ref(), a.body.as_ref()))
        .collect();
    let truth = GroundTruth::new(if accuracy { &articles } else { &[] });
    let gazetteer = Gazetteer::from_toml(
        &std::fs::read_to_string(layout.entities())
            .map_err(|err| format!("{}: {err}", layout.entities().display()))?,
        kiroku_core::normalize::Normalizer::unicode_tables(),
    )
    .map_err(|err| err.to_string())?;
    let n_articles = parsed.corpus.articles.len();
    let corpus_chars = String::from_utf8_lossy(&text).chars().count();
    let index = Index::build(
        if accuracy {
            parse::parse_bytes(&text).corpus
        } else {
            kiroku_core::Corpus::default()
        },
        &gazetteer,
    );
    let sizes = BuildSizes::of(&dist, &corpus_path)?;
    let queries: Vec<&str> = QUERIES.iter().map(|(q, _)| *q).collect();

    let mut kiroku_runs = Vec::new();
    let mut single_file = SingleFileLoads::default();
    let mut peer_runs: Vec<Vec<Run>> = PEERS.iter().map(|_| Vec::new()).collect();
    let mut kiroku_errors = Vec::new();
    let mut peer_errors: Vec<Vec<String>> = PEERS.iter().map(|_| Vec::new()).collect();
    for run in 0..runs {
        if wanted("kiroku") {
            eprintln!("kiroku-bench: {name}: run {}/{runs}: kiroku", run + 1);
            match browser::kiroku_run(dist.clone(), &queries, kiroku_view).await {
                Ok(result) => kiroku_runs.push(result),
                Err(err) => {
                    eprintln!("kiroku-bench: {name}: kiroku: {err}");
                    kiroku_errors.push(err);
                }
            }
        }
        // The budget is for the default corpus (a large single file takes long to open).
        if wanted("kiroku") && name == "default" {
            eprintln!(
                "kiroku-bench: {name}: run {}/{runs}: kiroku.html from file://",
                run + 1
            );
            match browser::kiroku_file_load(dist.clone()).await {
                Ok(loaded) => single_file.add(&loaded),
                Err(err) => {
                    eprintln!("kiroku-bench: {name}: kiroku.html: {err}");
                    kiroku_errors.push(format!("kiroku.html: {err}"));
                }
            }
        }
        for (i, (lib, _)) in PEERS.iter().enumerate() {
            if !wanted(lib) {
                continue;
            }
            eprintln!("kiroku-bench: {name}: run {}/{runs}: {lib}", run + 1);
            match browser::peer_run(site.clone(), lib, &queries, run == 0).await {
                Ok(result) => peer_runs[i].push(result),
                Err(err) => {
                    eprintln!("kiroku-bench: {name}: {lib}: {err}");
                    peer_errors[i].push(err);
                }
            }
        }
    }

    let mut engines = Vec::new();
    let mut kiroku = EngineResult::from_runs("kiroku", &kiroku_runs, kiroku_errors);
    kiroku.download = sizes.offline;
    let mut total_mismatches = Vec::new();
    if accuracy {
        let (queries_acc, prefixes_acc) =
            check_accuracy(&truth, |q| Some(kiroku_hits(&index, q).1));
        kiroku.queries = queries_acc;
        kiroku.prefixes = prefixes_acc;
    }
    for run in kiroku_runs.iter().filter(|_| accuracy) {
        for sample in &run.samples {
            let native = kiroku_hits(&index, &sample.typed).0;
            if sample.total.is_some_and(|shown| shown != native) {
                total_mismatches.push(format!(
                    "{:?}: shown {:?}, native {native}",
                    sample.typed, sample.total
                ));
            }
        }
    }
    engines.push(kiroku);
    for (i, (lib, label)) in PEERS.iter().enumerate() {
        // An engine left out (`--engines`) has no site to weigh: prepared sites
        // are not needed to measure kiroku alone.
        if !wanted(lib) {
            continue;
        }
        let runs = &peer_runs[i];
        let mut result = EngineResult::from_runs(label, runs, std::mem::take(&mut peer_errors[i]));
        result.download = peer_download(&site, lib)?;
        let first = runs.first().filter(|_| accuracy);
        let (per_query, all) = check_accuracy(&truth, |q| {
            first?
                .samples
                .iter()
                .find(|s| s.typed == q)
                .and_then(|s| s.ids.clone())
        });
        result.queries = per_query;
        result.prefixes = all;
        engines.push(result);
    }
    Ok(CorpusResult {
        name: name.to_string(),
        articles: n_articles,
        corpus_chars,
        sizes,
        engines,
        total_mismatches,
        single_file,
    })
}

/// Cold loads of the single file from `file://` (kiroku only), per load (ms).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SingleFileLoads {
    pub interactive_ms: Vec<f64>,
    pub fcp_ms: Vec<f64>,
    pub lcp_ms: Vec<f64>,
}

impl SingleFileLoads {
    fn add(&mut self, loaded: &browser::Snapshot) {
        self.interactive_ms.extend(loaded.interactive);
        self.fcp_ms.extend(loaded.fcp);
        self.lcp_ms.extend(loaded.lcp);
    }
}

/// What a visitor of the peer's page downloads: the library and its data (the
/// articles as JSON for the in-browser indexes; Pagefind's bundle for Pagefind,
/// without its optional UI files, whose chunks are already gzip'd).
fn peer_download(site: &Path, lib: &str) -> Result<Size, String> {
    match lib {
        "pagefind" => {
            let mut total = Size::default();
            for path in files_in(&site.join("pagefind"), true)? {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                if name.contains("-ui") || name.contains("highlight") {
                    continue;
                }
                // Its scripts and JSON are plain text; its chunks are gzip'd already.
                let plain = (name.starts_with("pagefind") && name.ends_with(".js"))
                    || name.ends_with(".json");
                if plain {
                    total += Size::of_file(&path)?;
                } else {
                    let len = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
                    total += Size::precompressed(len as usize);
                }
            }
            Ok(total)
        }
        _ => Size::of_files(&[
            site.join(format!("lib/{lib}.js")),
            site.join("articles.json"),
        ]),
    }
}

/// Writes the peers' site for a corpus: the page, the libraries, the articles.
pub fn prepare_site(layout: &Layout, name: &str) -> Result<PathBuf, String> {
    let site = layout.site(name);
    std::fs::create_dir_all(site.join("lib")).map_err(|err| err.to_string())?;
    let corpus_path = layout.corpus(name);
    let text =
        std::fs::read(&corpus_path).map_err(|err| format!("{}: {err}", corpus_path.display()))?;
    let articles: Vec<serde_json::Value> = parse::parse_bytes(&text)
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(id, a)| serde_json::json!({ "id": id, "title": a.title, "body": a.body }))
        .collect();
    let json = serde_json::to_string(&articles).map_err(|err| err.to_string())?;
    let copy = |from: PathBuf, to: &str| {
        std::fs::copy(&from, site.join(to))
            .map(|_| ())
            .map_err(|err| format!("{} -> {to}: {err}", from.display()))
    };
    std::fs::write(site.join("articles.json"), json).map_err(|err| err.to_string())?;
    let peers = Path::new(env!("CARGO_MANIFEST_DIR")).join("peers");
    // The harness serves a folder with an index.html.
    copy(peers.join("peer.html"), "index.html")?;
    copy(peers.join("peer.js"), "peer.js")?;
    let modules = layout.node().join("node_modules");
    copy(
        modules.join("minisearch/dist/umd/index.js"),
        "lib/minisearch.js",
    )?;
    copy(
        modules.join("flexsearch/dist/flexsearch.bundle.min.js"),
        "lib/flexsearch.js",
    )?;
    Ok(site)
}
