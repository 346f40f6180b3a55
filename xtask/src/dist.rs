//! The release build: `trunk build --release` into `dist/`, then a size report.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use flate2::{write::GzEncoder, Compression};

use crate::{
    setup,
    shell::{self, Result},
};

/// Builds the app into `dist/` and prints each file's raw and gzip size.
pub fn build(corpus: Option<&Path>) -> Result<PathBuf> {
    setup::ensure_tools(false)?;
    let root = shell::root();
    let dist = root.join("dist");
    let mut trunk = shell::cargo_like("trunk");
    trunk
        .args(["build", "--release", "--dist"])
        .arg(&dist)
        .current_dir(&root);
    if let Some(corpus) = corpus {
        let corpus = fs::canonicalize(corpus)
            .map_err(|err| format!("corpus {}: {err}", corpus.display()))?;
        trunk.env("KIROKU_CORPUS", corpus);
    }
    shell::run(&mut trunk)?;
    print_sizes(&dist)?;
    Ok(dist)
}

fn print_sizes(dist: &Path) -> Result {
    let mut files: Vec<PathBuf> = fs::read_dir(dist)
        .map_err(|err| format!("cannot list {}: {err}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    let (mut total_raw, mut total_gzip) = (0, 0);
    eprintln!("\n{:<44} {:>10} {:>10}", "dist/", "raw", "gzip");
    for path in &files {
        let bytes = fs::read(path).map_err(|err| format!("{}: {err}", path.display()))?;
        let gzip = gzip_len(&bytes);
        total_raw += bytes.len();
        total_gzip += gzip;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        eprintln!("{name:<44} {:>10} {:>10}", kb(bytes.len()), kb(gzip));
    }
    eprintln!(
        "{:<44} {:>10} {:>10}",
        "total",
        kb(total_raw),
        kb(total_gzip)
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
