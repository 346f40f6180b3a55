//! The release build: `trunk build --release` into `dist/`, then what makes it work
//! offline (service worker, single file) and a size report.

use std::path::{Path, PathBuf};

use anyhow::Result;
use kiroku_sizes::{gzip_len, kb};

use crate::{
    csp, embed, files,
    html::{self, ContentType},
    offline, prerender, preview, shell, single_file, trunk,
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
    let corpus = options.corpus.as_deref().map(files::absolute).transpose()?;
    let entities = options
        .entities
        .as_deref()
        .map(files::absolute)
        .transpose()?;
    trunk::Build {
        dist: &dist,
        corpus: corpus.clone(),
        entities: entities.clone(),
    }
    .run()?;

    let index_path = dist.join("index.html");
    let corpus_path = corpus.unwrap_or_else(|| root.join("corpus/corpus.txt"));
    // The gazetteer the build script chose: the given one, else the one beside the corpus.
    let entities = entities.or_else(|| {
        Some(corpus_path.with_file_name("entities.toml")).filter(|path| path.is_file())
    });
    // Parsed once for the description and the preview (the build script has
    // already refused a corpus with errors).
    let parsed = kiroku_core::parse::parse_bytes(&files::read(&corpus_path)?).corpus;
    let description = describe_corpus(&parsed);
    let dates: Vec<_> = parsed.articles.iter().map(|article| article.date).collect();
    files::write(&dist.join(PREVIEW), preview::png(&dates)?)?;
    let index = set_head(
        &files::read_to_string(&index_path)?,
        options.title.as_deref(),
        &description,
    )?;
    // Both pages carry the start view, so it shows before the wasm has run.
    let views = prerender::render(&corpus_path, entities.as_deref())?;
    let index = prerender::insert(&index, &views)?;
    embed::write_script(&dist)?;
    // The hosted page loads every script from its own origin (written before the
    // service worker lists the assets); the single file keeps them inline. Trunk's
    // `<link rel=preload>` of the wasm stays: the module downloads beside the CSS and
    // JS instead of after the glue ran (default corpus, cold loads: the index starts
    // 60–70 ms sooner), and the glue's fetch takes the preloaded response.
    let hosted = csp::externalize_scripts(&dist, &index)?;
    let assets = offline::write_service_worker(&dist)?;
    let hosted = csp::add_meta(&offline::register(&hosted)?, csp::HOSTED)?;
    files::write(&index_path, hosted)?;
    let single = single_file::build(&dist, &index)?;
    let policy = csp::single_file_policy(&single)?;
    files::write(
        &dist.join(single_file::NAME),
        csp::add_meta(&single, &policy)?,
    )?;
    eprintln!("xtask dist: {assets} assets cached by the service worker");
    print_sizes(&dist)?;
    Ok(dist)
}

/// `12 articles, 2013-03-07 – 2025-11-07` for the page description.
fn describe_corpus(corpus: &kiroku_core::parse::Corpus) -> String {
    let dates = corpus.articles.iter().map(|article| article.date);
    match (dates.clone().min(), dates.max()) {
        (Some(first), Some(last)) => format!(
            "{} articles, {first} – {last}: search, facets, timeline and reader, offline in your browser",
            corpus.articles.len()
        ),
        _ => "An in-browser explorer for dated news articles".to_string(),
    }
}

/// The shared-link preview image ([`preview`]), beside the page.
const PREVIEW: &str = "preview.png";

/// Sets `<title>` (when given) and the description meta tag, and adds the Open
/// Graph and Twitter card tags a shared link's preview is made of.
fn set_head(page: &str, title: Option<&str>, description: &str) -> Result<String> {
    let page_title = match title {
        Some(title) => title.to_string(),
        None => html::texts(page, "title")?
            .into_iter()
            .next()
            .unwrap_or_default(),
    };
    let cards = share_meta(&page_title, description);
    let mut handlers = vec![html::on_element(
        "meta[name=\"description\"]",
        move |meta| {
            meta.set_attribute("content", &html::attribute_value(description))?;
            meta.after(&cards, ContentType::Html);
            Ok(())
        },
    )?];
    if let Some(title) = title {
        handlers.push(html::on_element("title", move |element| {
            element.set_inner_content(title, ContentType::Text);
            Ok(())
        })?);
    }
    html::rewrite(page, handlers)
}

/// Open Graph and Twitter card tags. The image is relative: the build does not know
/// where it will be hosted (crawlers resolve it against the page's URL).
fn share_meta(title: &str, description: &str) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let (title, description) = (escape(title), escape(description));
    [
        ("property", "og:type", "website".to_string()),
        ("property", "og:title", title.clone()),
        ("property", "og:description", description.clone()),
        ("property", "og:image", PREVIEW.to_string()),
        ("property", "og:image:width", preview::WIDTH.to_string()),
        ("property", "og:image:height", preview::HEIGHT.to_string()),
        (
            "property",
            "og:image:alt",
            "Timeline: articles per year".to_string(),
        ),
        ("name", "twitter:card", "summary_large_image".to_string()),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", PREVIEW.to_string()),
    ]
    .iter()
    .map(|(attribute, key, value)| {
        format!("\n    <meta {attribute}=\"{key}\" content=\"{value}\" />")
    })
    .collect()
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
    files::files_in(dist)?
        .iter()
        .map(|path| {
            let bytes = files::read(path)?;
            let name = files::name(path);
            let app = [".wasm", ".js", ".css"]
                .iter()
                .any(|ext| name.ends_with(ext))
                && name != offline::WORKER;
            Ok(FileSize {
                name,
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

fn print_sizes(dist: &Path) -> Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_gets_an_escaped_title_and_description() {
        let page = "<title>kiroku</title>\n<meta name=\"description\" content=\"old\" />";
        let head = set_head(page, Some("A & <B>"), "8 articles & \"more\"").unwrap();
        assert!(
            head.starts_with(
                "<title>A &amp; &lt;B&gt;</title>\n\
                 <meta name=\"description\" content=\"8 articles &amp; &quot;more&quot;\" />"
            ),
            "{head}"
        );
        assert!(
            head.contains("<meta property=\"og:title\" content=\"A &amp; &lt;B&gt;\" />"),
            "{head}"
        );
        assert!(
            head.contains(
                "<meta name=\"twitter:description\" content=\"8 articles &amp; &quot;more&quot;\" />"
            ),
            "{head}"
        );
        assert_eq!(
            html::attributes(&head, "meta[property=\"og:image\"]", "content").unwrap(),
            [PREVIEW]
        );
        let head = set_head(page, None, "x").unwrap();
        assert!(
            head.starts_with("<title>kiroku</title>\n<meta name=\"description\" content=\"x\" />"),
            "{head}"
        );
        assert!(
            head.contains("<meta property=\"og:title\" content=\"kiroku\" />"),
            "{head}"
        );
    }

    #[test]
    fn description_counts_articles_and_span() {
        let corpus = kiroku_core::parse::parse(include_str!("../../corpus/corpus.txt")).corpus;
        assert!(describe_corpus(&corpus).starts_with("8 articles, 2013-03-07 – 2025-11-07"));
    }
}
