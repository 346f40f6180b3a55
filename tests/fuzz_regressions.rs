//! URL hashes the `url_decode` fuzzer found interesting (`fuzz/regressions/url_decode/`),
//! replayed with its checks: decoding never panics and survives an encode round trip.
#![cfg(not(target_arch = "wasm32"))]

use std::{fs, path::Path};

use kiroku::route::{decode, encode};

#[test]
fn url_decode_inputs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/url_decode");
    let mut n = 0;
    for entry in fs::read_dir(&dir).expect("regressions folder") {
        let path = entry.expect("entry").path();
        let hash = String::from_utf8_lossy(&fs::read(&path).expect("read")).into_owned();
        let state = decode(&hash);
        assert_eq!(decode(&encode(&state)), state, "{}", path.display());
        n += 1;
    }
    assert!(n > 0, "no inputs in {}", dir.display());
}
