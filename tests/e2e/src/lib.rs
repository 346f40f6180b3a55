//! Harness for kiroku's end-to-end tests: serves a release build (`KIROKU_DIST`) on
//! loopback, starts chromedriver, and opens a fresh headless Chromium session.
//!
//! `cargo xtask test` builds `dist/` and runs these tests; to run them by hand:
//! `cargo xtask dist && KIROKU_DIST=$PWD/dist cargo test -p kiroku-e2e`.

use std::os::unix::process::CommandExt;
use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    thread,
    time::{Duration, Instant},
};

use fantoccini::{wd::WebDriverCompatibleCommand, Client, ClientBuilder, Locator};
use nix::{
    sys::signal::{killpg, Signal},
    unistd::Pid,
};

/// An element's box in CSS pixels of the viewport (`getBoundingClientRect`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    fn from_json(value: &serde_json::Value) -> Option<Rect> {
        let get = |key: &str| value.get(key).and_then(serde_json::Value::as_f64);
        Some(Rect {
            left: get("left")?,
            top: get("top")?,
            right: get("right")?,
            bottom: get("bottom")?,
            width: get("width")?,
            height: get("height")?,
        })
    }

    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// A served build, a chromedriver and a browser session; everything stops on drop.
pub struct Session {
    pub client: Client,
    pub base_url: String,
    server: Option<StaticServer>,
    /// Other origins this session serves (host pages for the embeds).
    others: Vec<StaticServer>,
    /// Where Chromium saves downloads (a fresh folder per session).
    pub downloads: PathBuf,
    _driver: ChromeDriver,
}

/// The release build under test: `KIROKU_DIST`, or `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("KIROKU_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
}

/// The build of the fixture corpus (`tests/fixtures/own-corpus.jsonl`) that
/// `cargo xtask test` makes: `KIROKU_DIST_OWN`, or `target/dist-own`.
pub fn own_dist_dir() -> PathBuf {
    std::env::var_os("KIROKU_DIST_OWN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/dist-own"))
}

/// The build of the hostile corpus (`cargo xtask hostile-corpus`, then a dist of
/// `target/hostile-corpus.jsonl`) that `cargo xtask test` makes:
/// `KIROKU_DIST_HOSTILE`, or `target/dist-hostile`.
pub fn hostile_dist_dir() -> PathBuf {
    std::env::var_os("KIROKU_DIST_HOSTILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/dist-hostile"))
}

/// axe-core's `axe.min.js` (installed by `cargo xtask setup --browser`): `KIROKU_AXE`,
/// or its place in the tools folder (`KIROKU_TOOLS`, default
/// `~/.local/share/kiroku-tools`).
pub fn axe_script() -> PathBuf {
    if let Some(path) = std::env::var_os("KIROKU_AXE") {
        return path.into();
    }
    let tools = std::env::var_os("KIROKU_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(&std::env::var_os("HOME").unwrap_or_else(|| "/root".into()))
                .join(".local/share/kiroku-tools")
        });
    tools.join("node_modules/axe-core/axe.min.js")
}

/// WebDriver's names for special keys (W3C WebDriver, "keyboard actions").
pub mod keys {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const DOWN: &str = "\u{E015}";
    pub const LEFT: &str = "\u{E012}";
    pub const RIGHT: &str = "\u{E014}";
}

impl Session {
    /// Serves the build under test and opens a browser. Panics with a clear message when
    /// the build or the driver is missing: these tests must not pass by skipping.
    pub async fn start() -> Session {
        Session::serving(dist_dir()).await
    }

    /// Serves `dist` on loopback and opens a browser.
    pub async fn serving(dist: PathBuf) -> Session {
        Session::serving_with_flags(dist, &[]).await
    }

    /// Like [`Session::serving`], with extra Chromium flags (the benchmarks pass
    /// `--enable-precise-memory-info`). Every session is a fresh profile: no cache.
    pub async fn serving_with_flags(dist: PathBuf, flags: &[&str]) -> Session {
        assert!(
            dist.join("index.html").is_file(),
            "no release build at {} (run `cargo xtask dist`, or set KIROKU_DIST)",
            dist.display()
        );
        let server = StaticServer::start(dist);
        let driver = ChromeDriver::start();
        let downloads = downloads_dir();
        let client = connect(&driver.url, flags, &downloads).await;
        let mut session = Session {
            client,
            base_url: String::new(),
            server: None,
            others: Vec::new(),
            downloads,
            _driver: driver,
        };
        session.base_url = server.url.clone();
        session.server = Some(server);
        session
    }

    /// A browser with nothing served (for `file://` pages).
    pub async fn browser_only() -> Session {
        let driver = ChromeDriver::start();
        let downloads = downloads_dir();
        let client = connect(&driver.url, &[], &downloads).await;
        Session {
            client,
            base_url: String::new(),
            server: None,
            others: Vec::new(),
            downloads,
            _driver: driver,
        }
    }

    /// Serves `dir` on another loopback port, i.e. another origin (a host page that
    /// embeds kiroku); returns its base URL.
    pub fn serve_other_origin(&mut self, dir: PathBuf) -> String {
        let server = StaticServer::start(dir);
        let url = server.url.clone();
        self.others.push(server);
        url
    }

    /// Like [`Session::serve_other_origin`], but the server sends no
    /// `Access-Control-Allow-Origin`: a host that forgot the CORS headers.
    pub fn serve_other_origin_without_cors(&mut self, dir: PathBuf) -> String {
        let server = StaticServer::start_with_cors(dir, false);
        let url = server.url.clone();
        self.others.push(server);
        url
    }

    /// Serves the host page `page` (see [`host_page`], [`column_host_page`]) on
    /// another origin, opens it, and waits until the explorer it mounts into
    /// `#archive` lists results. Returns the host's URL.
    pub async fn open_host_page(&mut self, page: PathBuf) -> String {
        let host = self.serve_other_origin(page);
        self.client
            .goto(&format!("{host}/"))
            .await
            .expect("open the host page");
        self.eventually("the mounted explorer lists results", || async {
            self.js(
                "const root = document.getElementById('archive').shadowRoot;
                 return root ? root.querySelectorAll('#results li').length : 0;",
                vec![],
            )
            .await
            .as_u64()
            .is_some_and(|n| n > 0)
        })
        .await;
        host
    }

    /// Runs a Chrome DevTools Protocol command (chromedriver's `goog/cdp/execute`),
    /// e.g. `Page.addScriptToEvaluateOnNewDocument`; returns its result.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|err| panic!("CDP {cmd}: {err}"))
    }

    /// Waits until a service worker controls the page (it has cached the build).
    pub async fn wait_for_service_worker(&self) {
        let controlled = self
            .client
            .execute_async(
                "const done = arguments[0];
                 navigator.serviceWorker.ready
                   .then(() => navigator.serviceWorker.controller ? done(true)
                     : navigator.serviceWorker.addEventListener('controllerchange', () => done(true)))
                   .catch(() => done(false));",
                vec![],
            )
            .await
            .expect("service worker state");
        assert_eq!(
            controlled,
            serde_json::json!(true),
            "a service worker controls the page"
        );
    }

    /// The names of the page's Cache Storage caches.
    pub async fn cache_names(&self) -> Vec<String> {
        let names = self
            .client
            .execute_async("caches.keys().then(arguments[0])", vec![])
            .await
            .expect("cache names");
        serde_json::from_value(names).expect("a list of names")
    }

    /// Deploys another build at the same origin: from now on the server serves `dist`.
    pub fn deploy(&self, dist: PathBuf) {
        let server = self.server.as_ref().expect("a served build to replace");
        *server.root.lock().expect("server root") = dist;
    }

    /// Stops the static server: from now on every request to it fails, as on a plane.
    pub fn stop_server(&mut self) {
        self.server = None;
    }

    /// Cuts the browser off the network (Chromium's network emulation).
    pub async fn go_offline(&self) {
        self.client
            .issue_cmd(NetworkConditions { offline: true })
            .await
            .expect("emulate offline network");
    }

    /// Opens `path` (e.g. `/` or `/#/?q=…`) on the served build, and waits (up to
    /// 20 s) until the app runs: the page already shows the pre-rendered start view
    /// before that, whose links and search box do nothing yet.
    pub async fn open(&self, path: &str) {
        self.open_raw(path).await;
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline && !self.app_runs().await {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Opens `path` without waiting for the app.
    pub async fn open_raw(&self, path: &str) {
        let url = format!("{}{}", self.base_url, path);
        self.client.goto(&url).await.expect("navigate");
    }

    /// Whether the app has rendered its first view (its `kiroku:interactive` mark).
    pub async fn app_runs(&self) -> bool {
        self.js(
            "return performance.getEntriesByName('kiroku:interactive').length > 0",
            vec![],
        )
        .await
            == serde_json::json!(true)
    }

    /// Waits until `css` matches at least one element.
    pub async fn wait_for(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("waiting for {css}: {err}"));
    }

    /// Polls `probe` until it returns true, for up to 30 s.
    pub async fn eventually<F, Fut>(&self, what: &str, mut probe: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        // Generous: CI machines are shared, and only a failing test waits this long.
        let deadline = Instant::now() + Duration::from_secs(30);
        while !probe().await {
            assert!(Instant::now() < deadline, "timed out waiting for: {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Texts of all elements matching `css`. The page may re-render between finding
    /// the elements and reading them (results update as the user types); a read that
    /// hits a replaced element starts over.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        'read: for _attempt in 0..20 {
            let mut texts = Vec::new();
            for element in self.client.find_all(Locator::Css(css)).await.expect("find") {
                match element.text().await {
                    Ok(text) => texts.push(text),
                    Err(err) if err.is_stale_element_reference() => {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        continue 'read;
                    }
                    Err(err) => panic!("text of {css}: {err}"),
                }
            }
            return texts;
        }
        panic!("{css} kept being replaced while being read")
    }

    /// Browser console messages at level SEVERE (uncaught errors, console.error,
    /// failed loads) since the last call.
    pub async fn console_errors(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("read the browser log");
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The current URL's path and fragment (`/#/?q=…`), to open in another session.
    pub async fn current_path(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        match url.fragment() {
            Some(fragment) => format!("{}#{}", url.path(), fragment),
            None => url.path().to_string(),
        }
    }

    /// The number in the result count (`5件` or `5 results`, after the UI's
    /// language); `usize::MAX` while there is none.
    pub async fn count(&self) -> usize {
        let text = self.text("#count").await;
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().unwrap_or(usize::MAX)
    }

    /// Text of the first element matching `css` (empty when there is none).
    pub async fn text(&self, css: &str) -> String {
        self.texts(css).await.into_iter().next().unwrap_or_default()
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("finding {css}: {err}"))
            .click()
            .await
            .unwrap_or_else(|err| panic!("clicking {css}: {err}"));
    }

    /// Drags with the mouse across the first element matching `css`, horizontally
    /// from `from` to `to` (fractions of its width), at its vertical middle.
    pub async fn drag(&self, css: &str, from: f64, to: f64) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("finding {css}: {err}"));
        let (_, _, width, _) = element.rectangle().await.expect("element size");
        let at = |fraction: f64| (fraction - 0.5) * width;
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: element.clone(),
                duration: None,
                x: at(from),
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveToElement {
                element: element.clone(),
                duration: Some(Duration::from_millis(200)),
                x: at(to),
                y: 0.0,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(mouse)
            .await
            .expect("perform the drag");
    }

    /// The boxes of every element matching `css` (`root` is a script expression for
    /// where to look, e.g. a shadow root; `document` for the page).
    pub async fn rects_in(&self, root: &str, css: &str) -> Vec<Rect> {
        let found = self
            .js(
                &format!(
                    "return [...({root}).querySelectorAll(arguments[0])]
                       .map((e) => e.getBoundingClientRect().toJSON())"
                ),
                vec![css.into()],
            )
            .await;
        found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Rect::from_json)
            .collect()
    }

    /// The boxes of every element matching `css` on the page.
    pub async fn rects(&self, css: &str) -> Vec<Rect> {
        self.rects_in("document", css).await
    }

    /// The box of the first element matching `css`; panics when there is none.
    pub async fn rect(&self, css: &str) -> Rect {
        self.rects(css)
            .await
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no element matches {css}"))
    }

    /// The viewport's width and height in CSS pixels.
    pub async fn viewport(&self) -> (f64, f64) {
        let size = self
            .js("return [window.innerWidth, window.innerHeight]", vec![])
            .await;
        let get = |i: usize| {
            size.get(i)
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(0.0)
        };
        (get(0), get(1))
    }

    /// Moves the mouse over the first element matching `css`, at `fraction` of its
    /// width from the left, at its vertical middle.
    pub async fn hover(&self, css: &str, fraction: f64) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction};
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("finding {css}: {err}"));
        let (_, _, width, _) = element.rectangle().await.expect("element size");
        let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: (fraction - 0.5) * width,
            y: 0.0,
        });
        self.client
            .perform_actions(mouse)
            .await
            .expect("move the mouse");
    }

    /// Taps with a finger (a touch pointer) on the first element matching `css`, at
    /// `fraction` of its width from the left, at its vertical middle.
    pub async fn tap(&self, css: &str, fraction: f64) {
        use fantoccini::actions::{InputSource, PointerAction, TouchActions};
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("finding {css}: {err}"));
        let (_, _, width, _) = element.rectangle().await.expect("element size");
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveToElement {
                element,
                duration: None,
                x: (fraction - 0.5) * width,
                y: 0.0,
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        self.client
            .perform_actions(finger)
            .await
            .expect("perform the tap");
    }

    /// Resizes the browser window (CSS pixels of the window, not the viewport).
    pub async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize the window");
    }

    /// URLs of every resource the page has requested (Resource Timing).
    pub async fn requested_urls(&self) -> Vec<String> {
        let urls = self
            .client
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name)",
                vec![],
            )
            .await
            .expect("resource timing");
        serde_json::from_value(urls).expect("a list of URLs")
    }

    /// Runs `script` (a function body; `arguments` are `args`) and returns its value.
    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|err| panic!("running {script}: {err}"))
    }

    /// `textContent` of every element matching `css`: the text exactly as in the DOM,
    /// invisible characters included (WebDriver's element text is the rendered text).
    pub async fn text_contents(&self, css: &str) -> Vec<String> {
        let texts = self
            .js(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)",
                vec![css.into()],
            )
            .await;
        serde_json::from_value(texts).expect("a list of texts")
    }

    /// The text of an open `alert`/`confirm`/`prompt` dialog, if one is open.
    pub async fn dialog(&self) -> Option<String> {
        match self.client.get_alert_text().await {
            Ok(text) => Some(text),
            Err(err) if err.is_no_such_alert() => None,
            Err(err) => panic!("asking for a dialog: {err}"),
        }
    }

    /// Types `text` (or [`keys`] constants) into the element `css`, as keystrokes, one
    /// per character; the element gets the focus first.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("no {css}: {err}"))
            .send_keys(text)
            .await
            .unwrap_or_else(|err| panic!("typing {text:?} into {css}: {err}"));
    }

    /// Types `keys` (text or [`keys`] constants) into the focused element, as a person
    /// at the keyboard would: focus is not moved first.
    pub async fn press(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .expect("the focused element")
            .send_keys(keys)
            .await
            .unwrap_or_else(|err| panic!("pressing {keys:?}: {err}"));
    }

    /// Switches into the `<iframe>` matching `css`: from now on every call looks inside
    /// its document, until [`Session::leave_frame`].
    pub async fn enter_frame(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("finding the iframe {css}: {err}"))
            .enter_frame()
            .await
            .unwrap_or_else(|err| panic!("entering the iframe {css}: {err}"));
    }

    /// Switches back from an iframe to the page that holds it.
    pub async fn leave_frame(&self) {
        self.client
            .enter_parent_frame()
            .await
            .expect("back to the parent page");
    }

    /// Presses `keys` (text or [`keys`] constants) as keyboard actions, delivered to
    /// whatever has focus: also inside a shadow root, where WebDriver's active
    /// element (`document.activeElement`) is only the shadow host.
    pub async fn keys(&self, keys: &str) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|err| panic!("pressing {keys:?}: {err}"));
    }

    /// Switches the UI language (`ja`, `en`) the way the toggle stores it, and
    /// reloads.
    pub async fn set_ui_lang(&self, lang: &str) {
        self.client
            .execute(
                "localStorage.setItem('kiroku.lang', JSON.stringify(arguments[0]))",
                vec![serde_json::json!(lang)],
            )
            .await
            .expect("store the language");
        self.client.refresh().await.expect("reload");
    }

    /// Starts recording `securitypolicyviolation` events of the page (read them with
    /// [`Session::csp_violations`]). Violations before this call show up in the
    /// console log instead, which [`Session::finish`] checks.
    pub async fn record_csp_violations(&self) {
        self.js(
            "window.__kirokuCsp = [];
             document.addEventListener('securitypolicyviolation', (e) =>
               window.__kirokuCsp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));",
            vec![],
        )
        .await;
    }

    /// The violations recorded since [`Session::record_csp_violations`].
    pub async fn csp_violations(&self) -> Vec<String> {
        let found = self.js("return window.__kirokuCsp", vec![]).await;
        serde_json::from_value(found)
            .expect("recording CSP violations: call record_csp_violations first")
    }

    /// Waits for the download named `name` to finish (Chromium writes it as
    /// `name.crdownload` first) in [`Session::downloads`], and returns its bytes.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.join(name);
        let partial = self.downloads.join(format!("{name}.crdownload"));
        self.eventually(&format!("the download {name}"), || async {
            path.is_file() && !partial.exists()
        })
        .await;
        std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
    }

    /// The names of the files downloaded so far, sorted.
    pub fn downloaded_names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.downloads)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Saves a PNG screenshot.
    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Ends a test: asserts the browser logged no error, then closes it.
    pub async fn finish(self) {
        let errors = self.console_errors().await;
        assert!(errors.is_empty(), "console errors: {errors:?}");
        self.close().await;
    }

    /// Writes `html` as the `index.html` of a fresh folder (a host page to serve on
    /// another origin with [`Session::serve_other_origin`]).
    pub fn write_page(name: &str, html: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kiroku-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("index.html"), html).expect("write host page");
        dir
    }

    pub async fn close(self) {
        self.client
            .clone()
            .close()
            .await
            .expect("close the browser");
    }
}

/// A fresh, empty folder for one session's downloads.
fn downloads_dir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SESSIONS: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "kiroku-downloads-{}-{}",
        std::process::id(),
        SESSIONS.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a downloads folder");
    dir
}

async fn connect(driver_url: &str, extra_flags: &[&str], downloads: &Path) -> Client {
    let mut args: Vec<&str> = vec![
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
    ];
    args.extend_from_slice(extra_flags);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": args,
            // Downloads go to the session's folder without asking, where
            // `Session::downloaded` reads them.
            "prefs": {
                "download.default_directory": downloads.to_string_lossy(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
            },
        }),
    );
    caps.insert(
        "goog:loggingPrefs".into(),
        serde_json::json!({ "browser": "ALL" }),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match ClientBuilder::rustls()
            .expect("TLS roots")
            .capabilities(caps.clone())
            .connect(driver_url)
            .await
        {
            Ok(client) => return client,
            Err(err) if Instant::now() < deadline => {
                let _ = err;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(err) => panic!("cannot start Chromium through chromedriver: {err}"),
        }
    }
}

/// A host page on its own folder, from `examples/host.html` (hostile styles, an
/// iframe embed and a script embed) with the kiroku URLs pointed at `kiroku_url`; serve
/// it with [`Session::serve_other_origin`].
pub fn host_page(kiroku_url: &str) -> PathBuf {
    let example =
        include_str!("../../../examples/host.html").replace("../dist/", &format!("{kiroku_url}/"));
    Session::write_page("host", &example)
}

/// A wide host page (its own origin's `index.html`) with the script embed in a
/// 360 px column beside the article, mounted with a query.
pub fn column_host_page(kiroku_url: &str) -> PathBuf {
    Session::write_page(
        "column",
        &format!(
            r#"<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>A blog with a narrow column</title>
<style>
  body {{ margin: 0; display: flex; gap: 2rem; }}
  main {{ flex: 1; padding: 1rem; }}
  .column {{ width: 360px; flex: none; }}
  #archive {{ height: 760px; overflow: auto; }}
</style>
<script type="module" src="{kiroku_url}/embed.js"></script>
<main><h1>A wide article</h1><p>Text.</p></main>
<aside class="column"><div id="archive"></div></aside>
<script type="module">
  kiroku.mount(document.getElementById("archive"), {{ query: "ロシア" }});
</script>"#
        ),
    )
}

/// ChromeDriver's log endpoint (not part of W3C WebDriver, so fantoccini has no call).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_string()),
        )
    }
}

/// ChromeDriver's pass-through to the DevTools Protocol.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// ChromeDriver's network emulation (a Chromium extension to WebDriver).
#[derive(Debug)]
struct NetworkConditions {
    offline: bool,
}

impl WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/chromium/network_conditions",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({
            "network_conditions": {
                "offline": self.offline,
                "latency": 0,
                "download_throughput": -1,
                "upload_throughput": -1,
            }
        });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// chromedriver on a free loopback port.
struct ChromeDriver {
    child: Child,
    url: String,
}

impl ChromeDriver {
    fn start() -> ChromeDriver {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, which the Chromium it starts joins: a test that
            // panics before closing its session leaves no browser behind.
            .process_group(0)
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot start {binary} (run `cargo xtask setup --browser`): {err}")
            });
        ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // The whole group: chromedriver and every Chromium process it started
        // (`process_group(0)` made the child the leader of a group with its pid).
        if let Ok(group) = i32::try_from(self.child.id()) {
            let _ = killpg(Pid::from_raw(group), Signal::SIGKILL);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Serves a directory on loopback, as a static host would: each connection on its own
/// thread, one request per connection (`Connection: close`).
///
/// Plain `std::net`: with tiny_http, a request now and then never got its response
/// once pages made a few more requests (a deferred script, so the page never finished
/// loading).
struct StaticServer {
    /// The folder served; swapped to deploy another build on the same origin.
    root: Arc<Mutex<PathBuf>>,
    url: String,
    address: std::net::SocketAddr,
    stopping: Arc<std::sync::atomic::AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl StaticServer {
    fn start(root: PathBuf) -> StaticServer {
        StaticServer::start_with_cors(root, true)
    }

    /// `cors`: whether responses carry `Access-Control-Allow-Origin: *`.
    fn start_with_cors(root: PathBuf, cors: bool) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let address = listener.local_addr().expect("a local address");
        let root = Arc::new(Mutex::new(root));
        let stopping = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (serving_root, stop) = (Arc::clone(&root), Arc::clone(&stopping));
        let thread = thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = serving_root
                    .lock()
                    .map(|root| root.clone())
                    .unwrap_or_default();
                thread::spawn(move || {
                    let _ = respond(&root, stream, cors);
                });
            }
            // The listener closes here: from now on connections are refused.
        });
        StaticServer {
            root,
            url: format!("http://{address}"),
            address,
            stopping,
            thread: Some(thread),
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping
            .store(true, std::sync::atomic::Ordering::SeqCst);
        // Wake the accepting thread so it sees the flag.
        let _ = std::net::TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn respond(root: &Path, mut stream: std::net::TcpStream, cors: bool) -> std::io::Result<()> {
    use std::io::{BufRead, BufReader, Write};
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers: read and ignored.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = path.trim_start_matches('/');
    let relative = if relative.is_empty() {
        "index.html"
    } else {
        relative
    };
    // Only plain file names below the root: no `..`, no absolute paths.
    let allowed = !relative
        .split('/')
        .any(|part| part == ".." || part.is_empty());
    let file = allowed
        .then(|| std::fs::read(root.join(relative)).ok())
        .flatten()
        .filter(|_| method == "GET" || method == "HEAD");
    let (status, body) = match file {
        Some(bytes) => ("200 OK", bytes),
        None => ("404 Not Found", Vec::new()),
    };
    // No keep-alive: once the server stops, the browser's requests fail at once
    // instead of hanging on a connection nobody answers. Access-Control-Allow-Origin
    // as a host serving the script embed to other sites must (module scripts and the
    // wasm fetch are CORS requests).
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
         {}\r\n",
        content_type(relative),
        body.len(),
        if cors {
            "Access-Control-Allow-Origin: *\r\n"
        } else {
            ""
        }
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()?;
    stream.shutdown(std::net::Shutdown::Write)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json" | "webmanifest") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// RFC 4180 records of `text` (quoted fields with doubled quotes, CRLF between
/// records), after its byte order mark, which must be there: what a spreadsheet
/// reads from an exported file.
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no byte order mark: {:?}", &text[..text.len().min(40)]));
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}
