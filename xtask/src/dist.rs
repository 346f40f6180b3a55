//! The release build: `trunk build --release` into `dist/`, then what makes it work
//! offline (service worker, single file) and a size report.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use flate2::{write::GzEncoder, Compression};

use crate::{
    csp, embed, offline,
    shell::{self, Result},
    single_file,
};

/// What to build: the default corpus, or the user's own.
#[derive(Default)]
pub struct Options {
    pub corpus: Option<PathBuf>,
    pub entities: Option<PathBuf>,
    pub title: Option<String>,
    /// Output folder (default `dist/`).
    pub out: Option<PathBuf>,
}

/// Builds the app and returns the output folder. The caller has run
/// `setup::ensure_tools`.
pub fn build(options: &Options) -> Result<PathBuf> {
    let root = shell::root();
    let dist = options.out.clone().unwrap_or_else(|| root.join("dist"));
    let mut trunk = shell::tool("trunk");
    // Relative asset URLs, so the build works from any sub-path of a host.
    trunk
        .args(["build", "--release", "--public-url", "./", "--dist"])
        .arg(&dist)
        .current_dir(&root);
    let corpus_path = match &options.corpus {
        Some(corpus) => absolute(corpus)?,
        None => root.join("corpus/corpus.txt"),
    };
    if options.corpus.is_some() {
        trunk.env("KIROKU_CORPUS", &corpus_path);
    }
    if let Some(entities) = &options.entities {
        trunk.env("KIROKU_ENTITIES", absolute(entities)?);
    }
    shell::run(&mut trunk)?;

    let index_path = dist.join("index.html");
    let mut index = read(&index_path)?;
    let corpus_text =
        fs::read(&corpus_path).map_err(|err| format!("{}: {err}", corpus_path.display()))?;
    let description = describe_corpus(&corpus_text);
    index = set_head(&index, options.title.as_deref(), &description);
    embed::write_script(&dist)?;
    // The hosted page loads every script from its own origin (written before the
    // service worker lists the assets); the single file keeps them inline. Trunk's
    // `<link rel=preload>` of the wasm stays: the module downloads beside the CSS and
    // JS instead of after the glue ran (default corpus, cold loads: the index starts
    // 60–70 ms sooner), and the glue's fetch takes the preloaded response.
    let hosted = csp::externalize_scripts(&dist, &index)?;
    let assets = offline::write_service_worker(&dist)?;
    let hosted = csp::add_meta(&offline::register(&hosted), csp::HOSTED);
    write(&index_path, &hosted)?;
    let single = single_file::build(&dist, &index)?;
    let policy = csp::single_file_policy(
        &csp::inline_blocks(&single, "script"),
        &csp::inline_blocks(&single, "style"),
    );
    write(
        &dist.join(single_file::NAME),
        &csp::add_meta(&single, &policy),
    )?;
    eprintln!("xtask dist: {assets} assets cached by the service worker");
    print_sizes(&dist)?;
    Ok(dist)
}

fn absolute(path: &Path) -> Result<PathBuf> {
    fs::canonicalize(path).map_err(|err| format!("{}: {err}", path.display()))
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

pub fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

/// `12 articles, 2013-03-07 – 2025-11-07` for the page description.
fn describe_corpus(bytes: &[u8]) -> String {
    let corpus = kiroku_core::parse::parse_bytes(bytes).corpus;
    let dates = corpus.articles.iter().map(|article| article.date);
    match (dates.clone().min(), dates.max()) {
        (Some(first), Some(last)) => format!(
            "{} articles, {first} – {last}: search, facets, timeline and reader, offline in your browser",
            corpus.articles.len()
        ),
        _ => "An in-browser explorer for dated news articles".to_string(),
    }
}

/// Sets `<title>` (when given) and the description meta tag.
fn set_head(html: &str, title: Option<&str>, description: &str) -> String {
    let mut html = html.to_string();
    if let Some(title) = title {
        html = replace_between(&html, "<title>", "</title>", &escape_html(title));
    }
    replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\"",
        &escape_html(description),
    )
}

/// Replaces the text between the first `start` and the next `end`.
pub fn replace_between(html: &str, start: &str, end: &str, with: &str) -> String {
    let Some(from) = html.find(start).map(|i| i + start.len()) else {
        return html.to_string();
    };
    let Some(to) = html[from..].find(end).map(|i| from + i) else {
        return html.to_string();
    };
    format!("{}{with}{}", &html[..from], &html[to..])
}

pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One file of a build: raw and gzip sizes, and whether it belongs to the app shell
/// (wasm, JS and CSS the page loads; the service worker is not the app).
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub app: bool,
}

/// The files of `dist`, by name.
pub fn sizes(dist: &Path) -> Result<Vec<FileSize>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dist)
        .map_err(|err| format!("cannot list {}: {err}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let bytes = fs::read(path).map_err(|err| format!("{}: {err}", path.display()))?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let app = [".wasm", ".js", ".css"]
                .iter()
                .any(|ext| name.ends_with(ext))
                && name != "sw.js";
            Ok(FileSize {
                name: name.into_owned(),
                raw: bytes.len(),
                gzip: gzip_len(&bytes),
                app,
            })
        })
        .collect()
}

/// Gzip bytes of the app (wasm + JS + CSS) of the build in `dist`.
pub fn app_gzip(dist: &Path) -> Result<usize> {
    Ok(sizes(dist)?.iter().filter(|f| f.app).map(|f| f.gzip).sum())
}

fn print_sizes(dist: &Path) -> Result {
    eprintln!("\n{:<44} {:>10} {:>10}", dist.display(), "raw", "gzip");
    let (mut app_raw, mut app_gzip) = (0, 0);
    for file in sizes(dist)? {
        if file.app {
            app_raw += file.raw;
            app_gzip += file.gzip;
        }
        eprintln!(
            "{:<44} {:>10} {:>10}",
            file.name,
            kb(file.raw),
            kb(file.gzip)
        );
    }
    eprintln!(
        "{:<44} {:>10} {:>10}",
        "app (wasm + JS + CSS)",
        kb(app_raw),
        kb(app_gzip)
    );
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to a Vec cannot fail");
    encoder
        .finish()
        .expect("writing to a Vec cannot fail")
        .len()
}

fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_gets_an_escaped_title_and_description() {
        let html = "<title>kiroku</title>\n<meta name=\"description\" content=\"old\" />";
        let out = set_head(html, Some("A & <B>"), "8 articles");
        assert_eq!(
            out,
            "<title>A &amp; &lt;B&gt;</title>\n<meta name=\"description\" content=\"8 articles\" />"
        );
        assert_eq!(
            set_head(html, None, "x"),
            "<title>kiroku</title>\n<meta name=\"description\" content=\"x\" />"
        );
    }

    #[test]
    fn description_counts_articles_and_span() {
        let corpus = include_bytes!("../../corpus/corpus.txt");
        assert!(describe_corpus(corpus).starts_with("8 articles, 2013-03-07 – 2025-11-07"));
    }
}
