//! Running commands with the project's tools on PATH.

use std::{
    env,
    ffi::{OsStr, OsString},
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Command, ExitStatus, Stdio},
};

use anyhow::{bail, Context, Result};

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

fn home() -> PathBuf {
    env::var_os("HOME").map_or_else(|| "/root".into(), PathBuf::from)
}

/// Where tools installed from npm live (shared by every clone on this machine).
pub fn tools_dir() -> PathBuf {
    match env::var_os("KIROKU_TOOLS") {
        Some(dir) => dir.into(),
        None => home().join(".local/share/kiroku-tools"),
    }
}

/// `cargo install` puts binaries here.
pub fn cargo_bin_dir() -> PathBuf {
    match env::var_os("CARGO_HOME") {
        Some(cargo_home) => Path::new(&cargo_home).join("bin"),
        None => home().join(".cargo/bin"),
    }
}

/// PATH with the npm tools and cargo's bin directory in front, so Trunk finds the
/// locally installed wasm-bindgen and wasm-opt and never downloads them.
pub fn tool_path() -> OsString {
    let mut dirs = vec![tools_dir().join("node_modules/.bin"), cargo_bin_dir()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// A command for `program` with the tool PATH.
pub fn tool(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("PATH", tool_path());
    cmd
}

/// `cargo`, the same one that runs xtask.
pub fn cargo() -> Command {
    tool(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs a command to completion, failing on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<()> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .with_context(|| format!("cannot start `{}`", describe(cmd)))?;
    check(cmd, status)
}

/// Runs a command like [`run`], handing each line of its stdout to `on_line` as it
/// comes (stderr goes straight through).
pub fn run_lines(cmd: &mut Command, mut on_line: impl FnMut(&str)) -> Result<()> {
    eprintln!("$ {}", describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start `{}`", describe(cmd)))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout)
            .lines()
            .map_while(std::io::Result::ok)
        {
            on_line(&line);
        }
    }
    let status = child
        .wait()
        .with_context(|| format!("`{}` did not finish", describe(cmd)))?;
    check(cmd, status)
}

/// Runs a command and returns its stdout, or None if it cannot start or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn check(cmd: &Command, status: ExitStatus) -> Result<()> {
    if !status.success() {
        bail!("`{}` failed ({status})", describe(cmd));
    }
    Ok(())
}

fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
