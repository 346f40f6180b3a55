//! Trunk's release build: running it, and finding the hashed app files it leaves in
//! the output folder.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::{files, shell};

/// What `trunk build --release` builds.
pub struct Build<'a> {
    /// Output folder.
    pub dist: &'a Path,
    /// `KIROKU_CORPUS` / `KIROKU_ENTITIES` for `build.rs` (absolute paths).
    pub corpus: Option<PathBuf>,
    pub entities: Option<PathBuf>,
}

impl Build<'_> {
    pub fn run(&self) -> Result<()> {
        let mut trunk = shell::tool("trunk");
        // Relative asset URLs, so the build works from any sub-path of a host.
        trunk
            .args(["build", "--release", "--public-url", "./", "--dist"])
            .arg(self.dist)
            .current_dir(shell::root());
        if let Some(corpus) = &self.corpus {
            trunk.env("KIROKU_CORPUS", corpus);
        }
        if let Some(entities) = &self.entities {
            trunk.env("KIROKU_ENTITIES", entities);
        }
        shell::run(&mut trunk)
    }
}

/// The hashed file names Trunk gave the app's wasm module and its JS glue.
pub struct AppFiles {
    pub glue: String,
    pub wasm: String,
}

impl AppFiles {
    pub fn find(dist: &Path) -> Result<AppFiles> {
        let names: Vec<String> = files::files_in(dist)?
            .iter()
            .map(|path| files::name(path))
            .collect();
        let wasm = names
            .iter()
            .find(|name| name.ends_with("_bg.wasm"))
            .cloned()
            .with_context(|| format!("no wasm module in {}", dist.display()))?;
        let glue = format!("{}.js", wasm.trim_end_matches("_bg.wasm"));
        if !names.contains(&glue) {
            bail!("no {glue} beside {wasm} in {}", dist.display());
        }
        Ok(AppFiles { glue, wasm })
    }
}
