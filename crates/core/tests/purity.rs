//! kiroku-core is pure: it ships inside the wasm app and is tested natively, so it
//! must never depend on a web crate (DESIGN.md, "Invariant").

#[test]
fn no_web_crates_in_dependencies() {
    let manifest = include_str!("../Cargo.toml");
    // Only the [dependencies] table matters; dev-dependencies never ship.
    let deps = manifest
        .split("\n[")
        .find(|section| section.starts_with("dependencies]"))
        .expect("Cargo.toml has a [dependencies] table");
    for web in [
        "yew",
        "web-sys",
        "wasm-bindgen",
        "js-sys",
        "gloo",
        "wasm-bindgen-futures",
    ] {
        let declared = deps
            .lines()
            .any(|line| line.split(['=', ' ', '.']).next() == Some(web));
        assert!(!declared, "kiroku-core must not depend on {web}");
    }
    assert!(
        deps.contains("unicode-normalization"),
        "sanity: the table was found"
    );
}
