//! Running commands with the project's tools on PATH.

use std::{
    env,
    ffi::OsString,
    path::{Path, PathBuf},
    process::Command,
};

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Where tools installed from npm live (shared by every clone on this machine).
pub fn tools_dir() -> PathBuf {
    if let Some(dir) = env::var_os("KIROKU_TOOLS") {
        return dir.into();
    }
    let home = env::var_os("HOME").unwrap_or_else(|| "/root".into());
    Path::new(&home).join(".local/share/kiroku-tools")
}

/// `cargo install` puts binaries here.
pub fn cargo_bin_dir() -> PathBuf {
    match env::var_os("CARGO_HOME") {
        Some(home) => Path::new(&home).join("bin"),
        None => {
            Path::new(&env::var_os("HOME").unwrap_or_else(|| "/root".into())).join(".cargo/bin")
        }
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
pub fn cargo_like(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("PATH", tool_path());
    cmd
}

/// `cargo`, the same one that runs xtask.
pub fn cargo() -> Command {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.env("PATH", tool_path());
    cmd
}

/// Runs a command to completion, failing on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|err| format!("cannot start `{}`: {err}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Runs a command and returns its stdout, or None if it cannot start or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
