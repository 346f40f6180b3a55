//! Embeds the corpus into the app at build time, after validating it with kiroku-core.
//!
//! The corpus path comes from `KIROKU_CORPUS` (default: `corpus/corpus.txt`). A corpus
//! with errors fails the build with `FILE:LINE: reason` diagnostics; warnings are printed.
//! The entity gazetteer comes from `KIROKU_ENTITIES` (default: `entities.toml` beside
//! the corpus; none there means no entity facets) and must parse, or the build fails.

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

fn main() -> ExitCode {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=KIROKU_CORPUS");
    let corpus_path = match env::var_os("KIROKU_CORPUS") {
        Some(path) => manifest_dir.join(path),
        None => manifest_dir.join("corpus/corpus.txt"),
    };
    println!("cargo:rerun-if-changed={}", corpus_path.display());

    let bytes = match fs::read(&corpus_path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("error: cannot read corpus {}: {err}", corpus_path.display());
            return ExitCode::FAILURE;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            eprintln!(
                "error: corpus {} is not valid UTF-8: {err}",
                corpus_path.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let parsed = kiroku_core::parse::parse_digest(&text);
    for diagnostic in &parsed.diagnostics {
        let line = format!(
            "{}:{}: {}",
            corpus_path.display(),
            diagnostic.line,
            diagnostic.message
        );
        match diagnostic.severity {
            kiroku_core::Severity::Error => eprintln!("error: {line}"),
            kiroku_core::Severity::Warning => println!("cargo:warning={line}"),
        }
    }
    if parsed.has_errors() {
        eprintln!(
            "error: corpus {} has errors; fix them and rebuild",
            corpus_path.display()
        );
        return ExitCode::FAILURE;
    }

    let Some(entities) = read_entities(&manifest_dir, &corpus_path) else {
        return ExitCode::FAILURE;
    };

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    let written = fs::write(out_dir.join("corpus.txt"), text)
        .and_then(|()| fs::write(out_dir.join("entities.toml"), entities));
    if let Err(err) = written {
        eprintln!("error: cannot write embedded corpus: {err}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The gazetteer text, validated; empty when the corpus has none. `None` after
/// printing the error when it exists but does not parse.
fn read_entities(manifest_dir: &Path, corpus_path: &Path) -> Option<String> {
    println!("cargo:rerun-if-env-changed=KIROKU_ENTITIES");
    let path = match env::var_os("KIROKU_ENTITIES") {
        Some(path) => manifest_dir.join(path),
        None => corpus_path.with_file_name("entities.toml"),
    };
    println!("cargo:rerun-if-changed={}", path.display());
    let Ok(text) = fs::read_to_string(&path) else {
        if env::var_os("KIROKU_ENTITIES").is_some() {
            eprintln!("error: cannot read entities {}", path.display());
            return None;
        }
        return Some(String::new());
    };
    match kiroku_core::Gazetteer::from_toml(&text) {
        Ok(_) => Some(text),
        Err(err) => {
            eprintln!("error: {}: {err}", path.display());
            None
        }
    }
}
