//! Driving headless Chromium (through the `kiroku-e2e` harness): cold loads and
//! typing, for kiroku's release build and for the peers' page.
//!
//! Every load is a fresh browser profile (a new chromedriver session), so nothing is
//! cached. Before the page's first script runs, an injected script starts a
//! long-task observer and samples `performance.memory.usedJSHeapSize` every 50 ms
//! (Chromium runs with `--enable-precise-memory-info`).

use std::{path::PathBuf, time::Duration};

use fantoccini::{wd::TimeoutConfiguration, Locator};
use kiroku_e2e::Session;
use serde::Deserialize;
use serde_json::{json, Value};

/// Chromium flags for every benchmark session.
const FLAGS: &[&str] = &["--enable-precise-memory-info"];

/// Runs before any script of the page (CDP `Page.addScriptToEvaluateOnNewDocument`).
const PROBES: &str = r#"
window.__bench = { longtasks: [], heap: 0 };
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
} catch (err) { window.__bench.error = String(err); }
// Largest contentful paint is only reported to observers (not in the timeline).
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
} catch (err) { window.__bench.error = String(err); }
const sampleHeap = () => {
  if (performance.memory) {
    window.__bench.heap = Math.max(window.__bench.heap, performance.memory.usedJSHeapSize);
  }
};
sampleHeap();
setInterval(sampleHeap, 50);
"#;

/// What the page reports about itself at some moment.
const SNAPSHOT: &str = r#"
const mark = (name) => performance.getEntriesByName(name)[0] || null;
const resources = performance.getEntriesByType("resource").concat(performance.getEntriesByType("navigation"));
const wasm = performance.getEntriesByType("measure").concat(performance.getEntriesByType("mark"))
  .filter((e) => e.detail && e.detail.wasm_bytes).map((e) => e.detail.wasm_bytes);
const b = window.__bench || { longtasks: [], heap: 0 };
if (performance.memory) b.heap = Math.max(b.heap, performance.memory.usedJSHeapSize);
return {
  now: performance.now(),
  interactive: mark(arguments[0]) && mark(arguments[0]).startTime,
  index_ms: mark(arguments[1]) && mark(arguments[1]).duration,
  ready: mark(arguments[1]) && mark(arguments[1]).startTime + mark(arguments[1]).duration,
  painted: mark(arguments[2]) && mark(arguments[2]).startTime,
  fcp: mark("first-contentful-paint") && mark("first-contentful-paint").startTime,
  lcp: b.lcp || null,
  fetched: resources.reduce((sum, e) => sum + (e.encodedBodySize || 0), 0),
  longtasks: b.longtasks,
  heap: b.heap || null,
  wasm: wasm.length ? Math.max(...wasm) : null,
  probe_error: b.error || null,
};
"#;

#[derive(Debug, Deserialize)]
pub struct Snapshot {
    pub now: f64,
    pub interactive: Option<f64>,
    pub index_ms: Option<f64>,
    /// When the index was complete (the end of its entry): search is ready.
    #[serde(default)]
    pub ready: Option<f64>,
    /// The frame that shows the first results, painted.
    pub painted: Option<f64>,
    /// The browser's first contentful paint and (latest) largest contentful paint.
    #[serde(default)]
    pub fcp: Option<f64>,
    #[serde(default)]
    pub lcp: Option<f64>,
    /// Bytes of every response so far (the test server sends them uncompressed).
    pub fetched: f64,
    /// `(startTime, duration)` of every long task so far.
    pub longtasks: Vec<(f64, f64)>,
    pub heap: Option<f64>,
    pub wasm: Option<f64>,
    pub probe_error: Option<String>,
}

/// One measured keystroke (kiroku) or search call (peers).
#[derive(Debug, Clone)]
pub struct Sample {
    /// The text in the box when it was measured.
    pub typed: String,
    /// Durations of the searches it caused (kiroku may report none, on a timeout).
    pub ms: Vec<f64>,
    /// kiroku: `detail.total` of its last search; peers: number of hits.
    pub total: Option<usize>,
    /// Peers (and kiroku, natively): the hit ids, on the run that checks accuracy.
    pub ids: Option<Vec<u32>>,
}

/// One cold load followed by typing every query.
#[derive(Debug)]
pub struct Run {
    pub loaded: Snapshot,
    /// `performance.now()` when typing started (long tasks after it are "typing").
    pub typing_from: f64,
    pub samples: Vec<Sample>,
    pub end: Snapshot,
}

/// A fresh browser on `dir`, served by [`ThreadedServer`] (for kiroku and the peers
/// alike, so both load through the same server).
async fn start(dir: PathBuf) -> Result<(Session, ThreadedServer), String> {
    let server = ThreadedServer::start(&dir)?;
    let mut session = Session::serving_with_flags(dir, FLAGS).await;
    session.base_url = server.url.clone();
    session
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            Some(Duration::from_secs(600)),
            Some(Duration::ZERO),
        ))
        .await
        .expect("set timeouts");
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": PROBES }),
        )
        .await;
    Ok((session, server))
}

/// The entry names one engine records.
struct Marks {
    interactive: &'static str,
    index: &'static str,
    painted: &'static str,
}

const KIROKU: Marks = Marks {
    interactive: "kiroku:interactive",
    index: "kiroku:index",
    painted: "kiroku:painted",
};

const PEER: Marks = Marks {
    interactive: "peer:interactive",
    index: "peer:index",
    painted: "peer:painted",
};

async fn snapshot(session: &Session, marks: &Marks) -> Snapshot {
    let value = session
        .client
        .execute(
            SNAPSHOT,
            vec![
                json!(marks.interactive),
                json!(marks.index),
                json!(marks.painted),
            ],
        )
        .await
        .expect("snapshot");
    serde_json::from_value(value).expect("a snapshot")
}

/// Waits in the page (polling every 5 ms) until `name` has an entry.
async fn wait_for_entry(session: &Session, name: &str, timeout: Duration) -> Result<(), String> {
    let found = session
        .client
        .execute_async(
            "const [name, timeout, done] = arguments; const t0 = performance.now();
             (function poll() {
               if (performance.getEntriesByName(name).length) return done(true);
               if (performance.now() - t0 > timeout) return done(false);
               setTimeout(poll, 5);
             })();",
            vec![json!(name), json!(timeout.as_millis() as u64)],
        )
        .await
        .map_err(|err| err.to_string())?;
    if found == json!(true) {
        Ok(())
    } else {
        Err(format!("no {name} within {timeout:?}"))
    }
}

/// New `kiroku:search` entries after the first `seen`, waiting up to `timeout` for
/// the first; returns all entries seen so far (durations, last query and total).
const NEXT_SEARCH: &str = r#"
const [seen, timeout, done] = arguments; const t0 = performance.now();
(function poll() {
  const all = performance.getEntriesByName("kiroku:search", "measure");
  if (all.length > seen || performance.now() - t0 > timeout) {
    const fresh = all.slice(seen);
    const last = fresh[fresh.length - 1];
    return done({
      count: all.length,
      ms: fresh.map((e) => e.duration),
      total: last && last.detail ? last.detail.total : null,
    });
  }
  setTimeout(poll, 5);
})();
"#;

#[derive(Deserialize)]
struct Searched {
    count: usize,
    ms: Vec<f64>,
    total: Option<usize>,
}

/// Cold-loads kiroku's single file (`kiroku.html` of `dist`) from `file://`, with
/// nothing served, until its first results are painted; returns that moment's
/// snapshot (no typing: the queries are timed on the hosted build).
pub async fn kiroku_file_load(dist: PathBuf) -> Result<Snapshot, String> {
    let session = Session::browser_only().await;
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": PROBES }),
        )
        .await;
    let path = dist.join("kiroku.html");
    let path = path
        .canonicalize()
        .map_err(|err| format!("{}: {err}", path.display()))?;
    let result = async {
        session
            .client
            .goto(&format!("file://{}", path.display()))
            .await
            .map_err(|err| format!("open {}: {err}", path.display()))?;
        wait_for_entry(&session, KIROKU.painted, Duration::from_secs(300)).await?;
        // A paint entry is reported a little after its frame.
        wait_for_entry(&session, "first-contentful-paint", Duration::from_secs(10)).await?;
        Ok(snapshot(&session, &KIROKU).await)
    }
    .await;
    session.close().await;
    result
}

/// Cold-loads kiroku from `dist` and types each query one character at a time,
/// waiting for the app's search after each (it debounces ~160 ms).
/// Cold-loads kiroku from `dist` (at `view`, a `v=` key, when given) and types every
/// prefix of every query.
pub async fn kiroku_run(
    dist: PathBuf,
    queries: &[&str],
    view: Option<&str>,
) -> Result<Run, String> {
    let (session, _server) = start(dist).await?;
    let result = kiroku_session(&session, queries, view).await;
    let result = with_console(&session, result).await;
    session.close().await;
    result
}

async fn kiroku_session(
    session: &Session,
    queries: &[&str],
    view: Option<&str>,
) -> Result<Run, String> {
    match view {
        Some(view) => session.open(&format!("/#v={view}")).await,
        None => session.open("/").await,
    }
    wait_for_entry(session, KIROKU.painted, Duration::from_secs(300)).await?;
    // The list comes first and search when the index is complete (it is built in
    // slices): typing starts then, into the app's own search box.
    wait_for_entry(session, KIROKU.index, Duration::from_secs(300)).await?;
    let loaded = snapshot(session, &KIROKU).await;
    let search = session
        .client
        .find(Locator::Css("input[type=search]"))
        .await
        .map_err(|err| format!("search box: {err}"))?;
    let mut seen = search_count(session).await?;
    let mut samples = Vec::new();
    let typing_from = snapshot(session, &KIROKU).await.now;
    for query in queries {
        // Empty the box (its own search, of "", is not a typed query).
        let emptied = session
            .client
            .execute(
                "const input = arguments[0]; if (!input.value) return false;
                 input.value = ''; input.dispatchEvent(new InputEvent('input', { bubbles: true }));
                 return true;",
                vec![serde_json::to_value(&search).map_err(|err| err.to_string())?],
            )
            .await
            .map_err(|err| err.to_string())?;
        if emptied == json!(true) {
            seen = next_search(session, seen).await?.count;
        }
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            search
                .send_keys(&c.to_string())
                .await
                .map_err(|err| format!("typing {c}: {err}"))?;
            let searched = next_search(session, seen).await?;
            seen = searched.count;
            samples.push(Sample {
                typed: typed.clone(),
                ms: searched.ms,
                total: searched.total,
                ids: None,
            });
        }
    }
    let end = snapshot(session, &KIROKU).await;
    Ok(Run {
        loaded,
        typing_from,
        samples,
        end,
    })
}

/// Python's threaded static server (`python3 -m http.server`): Pagefind fetches many
/// fragments at once, and the e2e harness' own server (tiny_http, one thread) left
/// some of those requests unanswered (about 1 cold load in 3 never finished its first
/// search). The harness' server still runs for the session but gets no request.
struct ThreadedServer {
    child: std::process::Child,
    url: String,
}

impl ThreadedServer {
    fn start(dir: &std::path::Path) -> Result<ThreadedServer, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|err| err.to_string())?
            .port();
        let child = std::process::Command::new("python3")
            .args(["-m", "http.server", "--bind", "127.0.0.1", "--directory"])
            .arg(dir)
            .arg(port.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|err| format!("cannot start python3 -m http.server: {err}"))?;
        let url = format!("http://127.0.0.1:{port}");
        // Wait until it accepts connections.
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(ThreadedServer { child, url });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err("python3 -m http.server did not start".into())
    }
}

impl Drop for ThreadedServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A failed run's error, with what the browser logged as errors.
async fn with_console(session: &Session, result: Result<Run, String>) -> Result<Run, String> {
    match result {
        Ok(run) => Ok(run),
        Err(err) => {
            let logged = session.console_errors().await;
            if logged.is_empty() {
                Err(err)
            } else {
                Err(format!("{err} (console: {})", logged.join(" | ")))
            }
        }
    }
}

async fn search_count(session: &Session) -> Result<usize, String> {
    let n = session
        .client
        .execute(
            "return performance.getEntriesByName('kiroku:search', 'measure').length",
            vec![],
        )
        .await
        .map_err(|err| err.to_string())?;
    Ok(n.as_u64().unwrap_or(0) as usize)
}

async fn next_search(session: &Session, seen: usize) -> Result<Searched, String> {
    let value = session
        .client
        .execute_async(NEXT_SEARCH, vec![json!(seen), json!(10_000)])
        .await
        .map_err(|err| err.to_string())?;
    serde_json::from_value(value).map_err(|err| err.to_string())
}

/// Cold-loads the peers' page for `lib` from `site` and runs every prefix of every
/// query through `benchSearch` (no debounce: the library is called directly).
pub async fn peer_run(
    site: PathBuf,
    lib: &str,
    queries: &[&str],
    with_ids: bool,
) -> Result<Run, String> {
    let (session, _server) = start(site).await?;
    let result = peer_session(&session, lib, queries, with_ids).await;
    let result = with_console(&session, result).await;
    session.close().await;
    result
}

async fn peer_session(
    session: &Session,
    lib: &str,
    queries: &[&str],
    with_ids: bool,
) -> Result<Run, String> {
    session.open(&format!("/?lib={lib}")).await;
    let ready = session
        .client
        .execute_async(
            "const done = arguments[0];
             setTimeout(() => done('not ready after 300 s'), 300000);
             window.benchReady.then(() => done(null), (err) => done(String(err && err.stack || err)));",
            vec![],
        )
        .await
        .map_err(|err| err.to_string())?;
    if let Some(err) = ready.as_str() {
        return Err(format!("{lib}: {err}"));
    }
    wait_for_entry(session, PEER.painted, Duration::from_secs(60)).await?;
    let loaded = snapshot(session, &PEER).await;
    let typing_from = loaded.now;
    let mut samples = Vec::new();
    for query in queries {
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let value = session
                .client
                .execute_async(
                    "const [q, withIds, done] = arguments;
                     setTimeout(() => done({ error: 'no answer after 60 s' }), 60000);
                     window.benchSearch(q).then(
                       (r) => done({ ms: r.ms, total: r.ids.length, ids: withIds ? r.ids : null }),
                       (err) => done({ error: String(err) }));",
                    vec![json!(typed), json!(with_ids)],
                )
                .await
                .map_err(|err| err.to_string())?;
            if let Some(err) = value.get("error") {
                if std::env::var_os("KIROKU_BENCH_DEBUG").is_some() {
                    let fetched = session
                        .client
                        .execute("return performance.getEntriesByType('resource').map(e => e.name + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd))", vec![])
                        .await;
                    eprintln!("kiroku-bench: fetched: {fetched:?}");
                }
                return Err(format!("{lib} searching {typed:?}: {err}"));
            }
            samples.push(Sample {
                typed: typed.clone(),
                ms: value["ms"].as_f64().into_iter().collect(),
                total: value["total"].as_u64().map(|n| n as usize),
                ids: value["ids"].as_array().map(|ids| {
                    ids.iter()
                        .filter_map(Value::as_u64)
                        .map(|id| id as u32)
                        .collect()
                }),
            });
        }
    }
    let end = snapshot(session, &PEER).await;
    Ok(Run {
        loaded,
        typing_from,
        samples,
        end,
    })
}
