//! Embeds the corpus into the app at build time, after validating it with kiroku-core.
//!
//! The corpus path comes from `KIROKU_CORPUS` (default: `corpus/corpus.txt`). A corpus
//! with errors fails the build with `FILE:LINE: reason` diagnostics; warnings are printed.

use std::{env, fs, path::PathBuf, process::ExitCode};

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
    let file = corpus_path.display().to_string();
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
        eprintln!("error: corpus {file} has errors; fix them and rebuild");
        return ExitCode::FAILURE;
    }
    // No errors means no invalid UTF-8 (parse_bytes reports every bad line).
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("error: corpus {file} is not valid UTF-8");
        return ExitCode::FAILURE;
    };

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    if let Err(err) = fs::write(out_dir.join("corpus.txt"), text) {
        eprintln!("error: cannot write embedded corpus: {err}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
