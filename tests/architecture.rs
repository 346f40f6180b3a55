//! The invariants ARCHITECTURE.md promises, checked.
#![cfg(not(target_arch = "wasm32"))]

const WEB_CRATES: &[&str] = &[
    "yew",
    "web-sys",
    "wasm-bindgen",
    "js-sys",
    "gloo",
    "wasm-bindgen-futures",
];

/// Every dependency name in a manifest: plain, dev, build and target-specific tables.
fn dependency_names(manifest: &toml::Table) -> Vec<String> {
    let tables = ["dependencies", "dev-dependencies", "build-dependencies"];
    let mut names = Vec::new();
    let mut collect = |table: &toml::Table| {
        for key in tables {
            if let Some(deps) = table.get(key).and_then(|d| d.as_table()) {
                names.extend(deps.keys().cloned());
            }
        }
    };
    collect(manifest);
    if let Some(targets) = manifest.get("target").and_then(|t| t.as_table()) {
        for target in targets.values().filter_map(|t| t.as_table()) {
            collect(target);
        }
    }
    names
}

/// crates/core is the pure text engine: it must not depend on any web crate.
#[test]
fn core_imports_no_web_crate() {
    let manifest: toml::Table = include_str!("../crates/core/Cargo.toml").parse().unwrap();
    let names = dependency_names(&manifest);
    for name in &names {
        assert!(
            !WEB_CRATES.contains(&name.as_str()),
            "crates/core depends on web crate {name}: the core must stay pure (ARCHITECTURE.md)"
        );
    }
}

/// The check above can fail: the app's own manifest does name web crates.
#[test]
fn the_purity_check_sees_web_crates() {
    let manifest: toml::Table = include_str!("../Cargo.toml").parse().unwrap();
    let names = dependency_names(&manifest);
    assert!(names.iter().any(|n| n == "yew") && names.iter().any(|n| n == "wasm-bindgen-test"));
}
