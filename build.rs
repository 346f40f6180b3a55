//! Embeds the corpus and its gazetteer into the app at build time, after validating
//! both with kiroku-core.
//!
//! - `KIROKU_CORPUS`: the corpus (digest or JSON Lines; default `corpus/corpus.txt`).
//! - `KIROKU_ENTITIES`: the gazetteer (default: `entities.toml` beside the corpus; none
//!   there means no entity facets).
//!
//! Errors fail the build with `FILE:LINE: error: reason` diagnostics; warnings are
//! printed as cargo warnings. Relative paths are taken from the workspace root.

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

fn main() -> ExitCode {
    match embed() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn embed() -> Result<(), String> {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").ok_or("CARGO_MANIFEST_DIR unset")?);
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?);
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

    let corpus = validate_corpus(&corpus_path)?;
    let entities = match &entities_path {
        Some(path) => validate_entities(path)?,
        None => String::new(),
    };
    write(&out_dir.join("corpus.txt"), &corpus)?;
    write(&out_dir.join("entities.toml"), &entities)
}

fn validate_corpus(path: &Path) -> Result<String, String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let file = path.display().to_string();
    let bytes = fs::read(path).map_err(|err| format!("cannot read corpus {file}: {err}"))?;
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
        return Err(format!("corpus {file} has errors; fix them and rebuild"));
    }
    if parsed.corpus.articles.is_empty() {
        return Err(format!("corpus {file} has no articles"));
    }
    // No errors means no invalid UTF-8: parse_bytes reports every bad line.
    String::from_utf8(bytes).map_err(|_| format!("corpus {file} is not valid UTF-8"))
}

fn validate_entities(path: &Path) -> Result<String, String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let file = path.display().to_string();
    let text =
        fs::read_to_string(path).map_err(|err| format!("cannot read gazetteer {file}: {err}"))?;
    let normalizer = kiroku_core::normalize::Normalizer::unicode_tables();
    kiroku_core::Gazetteer::from_toml(&text, normalizer).map_err(|err| format!("{file}: {err}"))?;
    Ok(text)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}
