//! The invariants ARCHITECTURE.md promises, checked.
//!
//! The core (`crates/core`) is pure: no web crate anywhere in what it depends on when
//! built for the browser, and no IO in its sources.
#![cfg(not(target_arch = "wasm32"))]

use std::{
    collections::{BTreeSet, HashMap},
    path::Path,
    process::Command,
};

use serde_json::Value;

/// Crate name prefixes that mean "knows about the browser".
const WEB_CRATES: &[&str] = &["yew", "web-sys", "wasm-bindgen", "js-sys", "gloo"];

/// Modules of std that do IO or read the process's environment.
const IO_MODULES: &[&str] = &["fs", "net", "env", "process"];

const WASM: &str = "wasm32-unknown-unknown";

/// `cargo metadata` of the workspace, resolved for the browser target.
fn wasm_metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--filter-platform",
            WASM,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// Every package `package` depends on for the browser target, directly or not
/// (normal and build dependencies; dev-dependencies never ship), by name.
fn dependencies_of(metadata: &Value, package: &str) -> BTreeSet<String> {
    let nodes: HashMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("a resolve graph")
        .iter()
        .map(|node| (node["id"].as_str().expect("node id"), node))
        .collect();
    let names: HashMap<&str, &str> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id"),
                p["name"].as_str().expect("name"),
            )
        })
        .collect();
    let start = names
        .iter()
        .find(|(_, name)| **name == package)
        .map(|(id, _)| *id)
        .unwrap_or_else(|| panic!("no package {package} in the workspace"));
    let mut seen = BTreeSet::new();
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            let shipped = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|kind| kind["kind"].as_str() != Some("dev"));
            let dep_id = dep["pkg"].as_str().expect("dependency id");
            if shipped && seen.insert(names[dep_id].to_string()) {
                stack.push(dep_id);
            }
        }
    }
    seen
}

fn web_crates(dependencies: &BTreeSet<String>) -> Vec<&String> {
    dependencies
        .iter()
        .filter(|name| WEB_CRATES.iter().any(|web| name.starts_with(web)))
        .collect()
}

/// crates/core is the pure text engine: no web crate anywhere below it.
#[test]
fn core_depends_on_no_web_crate_even_indirectly() {
    let metadata = wasm_metadata();
    let core = dependencies_of(&metadata, "kiroku-core");
    assert!(
        web_crates(&core).is_empty(),
        "kiroku-core depends on web crates {:?} (for {WASM}): the core must stay pure \
         (ARCHITECTURE.md)",
        web_crates(&core)
    );
    // The check can fail: the app, which is built on yew, does show web crates, and
    // ones it only has indirectly too (gloo-utils comes through gloo-storage).
    let app = web_crates(&dependencies_of(&metadata, "kiroku"))
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    for expected in [
        "yew",
        "web-sys",
        "js-sys",
        "gloo-storage",
        "gloo-utils",
        "wasm-bindgen-futures",
    ] {
        assert!(
            app.iter().any(|name| name == expected),
            "{expected} not seen in {app:?}"
        );
    }
}

/// The `std` modules named by `std::…` paths in `source`, comments skipped:
/// `std::fs::read` and `use std::{env, fs::File}` (over several lines too) name `fs`
/// and `env`.
fn std_modules(source: &str) -> BTreeSet<String> {
    let code: String = source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut modules = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("std::") {
        rest = rest[at + "std::".len()..].trim_start();
        let items = match rest.strip_prefix('{') {
            Some(group) => top_level_items(group),
            None => vec![rest],
        };
        for item in items {
            let module: String = item
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !module.is_empty() {
                modules.insert(module);
            }
        }
    }
    modules
}

/// The comma-separated items of a `{…}` group (`group` starts after the `{`),
/// nested groups kept whole.
fn top_level_items(group: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// The core does no IO: no file system, network, environment or processes.
#[test]
fn core_sources_do_no_io() {
    let mut found = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read crates/core/src") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let source = std::fs::read_to_string(&path).expect("read a source file");
                for module in std_modules(&source) {
                    if IO_MODULES.contains(&module.as_str()) {
                        found.push(format!("{}: std::{module}", path.display()));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "IO in the core: {found:?}");
}

#[test]
fn the_io_check_sees_every_spelling() {
    let source = "use std::{collections::{HashMap, HashSet}, env,\n    fs::File};\n\
                  let x = ::std::process::id(); // std::thread in a comment\n\
                  std::net::TcpStream::connect(a);";
    assert_eq!(
        std_modules(source).into_iter().collect::<Vec<_>>(),
        ["collections", "env", "fs", "net", "process"]
    );
}
