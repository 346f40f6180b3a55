//! Any URL hash: decoding never panics, and the state it gives survives a round trip
//! through the encoder (a shared link reproduces the view).
#![no_main]

use kiroku::route::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let hash = String::from_utf8_lossy(data);
    let state = decode(&hash);
    assert_eq!(decode(&encode(&state)), state, "encode/decode round trip");
});
