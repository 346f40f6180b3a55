//! Characters of a `&str` by byte offset, for the per-character loops of the index
//! build (normalize, tokenize, entity matching).
//!
//! Hand-written because the wasm build is optimized for size ("z"), and there
//! `CharIndices::next` and `Peekable::peek` stay out-of-line calls: callgrind put them
//! at a third of the instructions of an index build. This is the same UTF-8 decoding,
//! inlined into those loops; `text` is a `&str`, so the bytes are valid UTF-8.

/// The character that starts at byte `at` of `text`, or `None` at the end. `at` must
/// be a char boundary (the loops only step by `len_utf8`).
#[inline(always)]
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    let bytes = text.as_bytes();
    let lead = u32::from(*bytes.get(at)?);
    if lead < 0x80 {
        return char::from_u32(lead);
    }
    let tail = |i: usize| bytes.get(at + i).map_or(0, |&b| u32::from(b) & 0x3F);
    let code = if lead < 0xE0 {
        ((lead & 0x1F) << 6) | tail(1)
    } else if lead < 0xF0 {
        ((lead & 0x0F) << 12) | (tail(1) << 6) | tail(2)
    } else {
        ((lead & 0x07) << 18) | (tail(1) << 12) | (tail(2) << 6) | tail(3)
    };
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_char_indices() {
        let text = "aé米𠮷\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}ﾏﾄﾞ";
        for (at, c) in text.char_indices() {
            assert_eq!(char_at(text, at), Some(c), "at {at}");
        }
        assert_eq!(char_at(text, text.len()), None);
        assert_eq!(char_at("", 0), None);
    }
}
