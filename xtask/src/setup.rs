//! Installs what the project needs, from the package registries only, skipping what is
//! already present.

use std::{fs, path::Path, process::Command, time::Instant};

use anyhow::{Context, Result};

use crate::{files, shell};

/// Debian's chromium-driver puts it here.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// Japanese glyphs for the headless browser (screenshots and layout would show tofu
/// without them; a reader's own machine brings its own fonts).
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// Trunk 0.22 needs a newer rustc than this machine's 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// Debian's binaryen (wasm-opt 108) cannot parse what rustc 1.95 emits; npm's 132 can.
const BINARYEN_VERSION: &str = "132";
/// The accessibility checker the end-to-end tests inject into the page (a test tool:
/// it never goes into a build).
const AXE_CORE_VERSION: &str = "4.14.1";

/// `axe.min.js` in the tools folder, for the end-to-end tests (`KIROKU_AXE`).
pub fn axe_script() -> std::path::PathBuf {
    shell::tools_dir().join("node_modules/axe-core/axe.min.js")
}

pub fn ensure_tools(browser: bool) -> Result<()> {
    let started = Instant::now();
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(&locked_wasm_bindgen_version()?)?;
    ensure_wasm_opt()?;
    if browser {
        ensure_chromium()?;
        ensure_axe_core()?;
    }
    eprintln!(
        "xtask setup: tools ready ({:.1}s)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let installed = shell::output(Command::new("rustup").args(["target", "list", "--installed"]))
        .unwrap_or_default();
    if installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    shell::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result<()> {
    let version = shell::output(shell::tool("trunk").arg("--version")).unwrap_or_default();
    if version.trim() == format!("trunk {TRUNK_VERSION}") {
        return Ok(());
    }
    shell::run(shell::cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

fn ensure_wasm_bindgen(version: &str) -> Result<()> {
    let found = shell::output(shell::tool("wasm-bindgen").arg("--version")).unwrap_or_default();
    let runner =
        shell::output(shell::tool("wasm-bindgen-test-runner").arg("--version")).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(version)
        && runner.split_whitespace().nth(1) == Some(version)
    {
        return Ok(());
    }
    // Not `--locked`: the published lock file pins a yanked crate and fails to install.
    shell::run(shell::cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={version}"),
    ]))
}

fn ensure_wasm_opt() -> Result<()> {
    let tools = shell::tools_dir();
    let wasm_opt = tools.join("node_modules/.bin/wasm-opt");
    let version = shell::output(Command::new(&wasm_opt).arg("--version")).unwrap_or_default();
    if version.contains(&format!("version_{BINARYEN_VERSION}")) {
        return Ok(());
    }
    files::create_dir_all(&tools)?;
    shell::run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&tools)
            .arg(format!("binaryen@{BINARYEN_VERSION}")),
    )
}

fn ensure_axe_core() -> Result<()> {
    let tools = shell::tools_dir();
    let manifest = tools.join("node_modules/axe-core/package.json");
    let installed = fs::read_to_string(&manifest).unwrap_or_default();
    if installed.contains(&format!("\"version\": \"{AXE_CORE_VERSION}\"")) && axe_script().is_file()
    {
        return Ok(());
    }
    files::create_dir_all(&tools)?;
    shell::run(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--save-exact",
                "--prefix",
            ])
            .arg(&tools)
            .arg(format!("axe-core@{AXE_CORE_VERSION}")),
    )
}

fn ensure_chromium() -> Result<()> {
    if [CHROMIUM, CHROMEDRIVER, CJK_FONT]
        .iter()
        .all(|path| Path::new(path).exists())
    {
        return Ok(());
    }
    let as_root = shell::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        shell::run(&mut cmd)
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
        "fonts-noto-cjk",
    ])
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock_path = shell::root().join("Cargo.lock");
    let lock = files::read_to_string(&lock_path)?;
    locked_version(&lock, "wasm-bindgen")
        .with_context(|| format!("{} has no wasm-bindgen package", lock_path.display()))
}

/// Finds `version` of package `name` in a Cargo.lock. A line scan is enough for the
/// lock file's fixed layout (`name = "…"` directly followed by `version = "…"`).
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let name_line = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return Some(version.trim_end_matches('"').to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_locked_version_of_the_named_package_only() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn trunk_toml_pins_the_locked_wasm_bindgen() {
        let trunk_toml = fs::read_to_string(shell::root().join("Trunk.toml")).unwrap();
        let pinned = format!(
            "wasm_bindgen = \"{}\"",
            locked_wasm_bindgen_version().unwrap()
        );
        assert!(
            trunk_toml.lines().any(|line| line.trim() == pinned),
            "Trunk.toml must say {pinned} to match Cargo.lock"
        );
    }
}
