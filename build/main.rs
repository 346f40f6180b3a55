//! What the app embeds, prepared at build time (plain `trunk build` runs it too):
//!
//! - the corpus and its gazetteer, after validating both with kiroku-core:
//!   - `KIROKU_CORPUS`: the corpus (digest or JSON Lines; default `corpus/corpus.txt`).
//!   - `KIROKU_ENTITIES`: the gazetteer (default: `entities.toml` beside the corpus;
//!     none there means no entity facets).
//!
//!   Errors fail the build with `FILE:LINE: error: reason` diagnostics; warnings are
//!   printed as cargo warnings. Relative paths are taken from the workspace root.
//! - the script embed's stylesheet: `static/style.css` rewritten for a shadow root
//!   ([`shadow_css`]).
//!
//! - both again in the packed form (`kiroku_core::parse::packed`), parsed here, so
//!   the wasm carries neither corpus reader, `serde_json` nor the TOML reader.
//!
//! Everything goes to `OUT_DIR` for `include_str!`.

mod shadow_css;

use std::{
    env, fs,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context, Result};

fn main() -> Result<()> {
    let root =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").context("CARGO_MANIFEST_DIR unset")?);
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").context("OUT_DIR unset")?);
    embed_corpus(&root, &out_dir)?;
    embed_shadow_css(&root, &out_dir)
}

fn embed_shadow_css(root: &Path, out_dir: &Path) -> Result<()> {
    let path = root.join("static/style.css");
    println!("cargo:rerun-if-changed={}", path.display());
    let css =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let shadow = shadow_css::rewrite(&css, "static/style.css")?;
    write(&out_dir.join("shadow.css"), &shadow)
}

fn embed_corpus(root: &Path, out_dir: &Path) -> Result<()> {
    println!("cargo:rerun-if-env-changed=KIROKU_CORPUS");
    println!("cargo:rerun-if-env-changed=KIROKU_ENTITIES");

    let custom_corpus = env::var_os("KIROKU_CORPUS");
    let corpus_path = root.join(
        custom_corpus
            .as_deref()
            .unwrap_or("corpus/corpus.txt".as_ref()),
    );
    let entities_path = match env::var_os("KIROKU_ENTITIES") {
        Some(path) => Some(root.join(path)),
        None => Some(corpus_path.with_file_name("entities.toml")).filter(|path| path.is_file()),
    };

    let (corpus, parsed) = validate_corpus(&corpus_path)?;
    let (entities, gazetteer) = match &entities_path {
        Some(path) => validate_entities(path)?,
        None => (String::new(), Vec::new()),
    };
    write(&out_dir.join("corpus.txt"), &corpus)?;
    write(&out_dir.join("entities.toml"), &entities)?;
    write(
        &out_dir.join("packed.txt"),
        &kiroku_core::parse::packed::pack(&parsed, &gazetteer),
    )
}

fn validate_corpus(path: &Path) -> Result<(String, kiroku_core::Corpus)> {
    println!("cargo:rerun-if-changed={}", path.display());
    let file = path.display().to_string();
    let bytes = fs::read(path).with_context(|| format!("cannot read corpus {file}"))?;
    let parsed = kiroku_core::parse::parse_bytes(&bytes);
    for diagnostic in &parsed.diagnostics {
        match diagnostic.severity {
            kiroku_core::Severity::Error => eprintln!("{}", diagnostic.display(&file)),
            kiroku_core::Severity::Warning => {
                println!("cargo:warning={}", diagnostic.display(&file))
            }
        }
    }
    if parsed.has_errors() {
        bail!("corpus {file} has errors; fix them and rebuild");
    }
    if parsed.corpus.articles.is_empty() {
        bail!("corpus {file} has no articles");
    }
    // No errors means no invalid UTF-8: parse_bytes reports every bad line.
    let text =
        String::from_utf8(bytes).with_context(|| format!("corpus {file} is not valid UTF-8"))?;
    Ok((text, parsed.corpus))
}

fn validate_entities(path: &Path) -> Result<(String, Vec<kiroku_core::entity::Entity>)> {
    println!("cargo:rerun-if-changed={}", path.display());
    let file = path.display().to_string();
    let text = fs::read_to_string(path).with_context(|| format!("cannot read gazetteer {file}"))?;
    let normalizer = kiroku_core::normalize::Normalizer::unicode_tables();
    let gazetteer = kiroku_core::Gazetteer::from_toml(&text, normalizer)
        .with_context(|| format!("gazetteer {file}"))?;
    Ok((text, gazetteer.entities().to_vec()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
