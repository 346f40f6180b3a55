//! The one tokenizer, used by the index, by queries and by the highlighter.
//!
//! It runs on *normalized* text (see [`crate::normalize`]) and gives every token one
//! position, consecutive within a text (whitespace takes no position):
//!
//! - a run of letters/digits of space-separated scripts (Latin, digits, Greek, …) is
//!   one [`TokenKind::Word`];
//! - every other non-space character (kanji, kana, punctuation, symbols) is one
//!   [`TokenKind::Gram`]: the character together with the next character of the same
//!   run, i.e. an overlapping bigram (`next: None` at the end of a run, so a lone
//!   character is a unigram).
//!
//! Because a gram knows its successor, a term matches exactly where its bigrams stand
//! at consecutive positions: a substring test, with no partial-overlap matches and no
//! misses, without a morphological dictionary.
//!
//! ```
//! use kiroku_core::tokenize::{tokenize, TokenKind};
//! let mut kinds = Vec::new();
//! tokenize("米国usdt", |t| kinds.push(t.kind));
//! assert_eq!(kinds, [
//!     TokenKind::Gram { first: '米', next: Some('国') },
//!     TokenKind::Gram { first: '国', next: None },
//!     TokenKind::Word("usdt"),
//! ]);
//! ```

use std::ops::Range;

use crate::chars::char_at;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind<'a> {
    /// A character of a non-word run and the character after it in the same run.
    Gram { first: char, next: Option<char> },
    /// A maximal run of word characters.
    Word(&'a str),
}

/// A token of a normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind<'a>,
    /// 0-based, consecutive within one call to [`tokenize`].
    pub position: u32,
    /// Byte span in the normalized text: the word, or the gram's *first* character.
    pub span: (usize, usize),
}

impl Token<'_> {
    pub fn range(&self) -> Range<usize> {
        self.span.0..self.span.1
    }
}

/// Calls `emit` for each token of `normalized`, in order.
pub fn tokenize<'a>(normalized: &'a str, mut emit: impl FnMut(Token<'a>)) {
    let mut position = 0u32;
    let mut at = 0;
    // `char_at`, not `char_indices().peekable()`: see `crate::chars`. Each character
    // is decoded and classified once: the look-ahead that ends a word or completes a
    // gram is carried over as the next character.
    let mut current = char_at(normalized, 0).map(|c| (c, class(c)));
    while let Some((c, class_c)) = current {
        let start = at;
        at += c.len_utf8();
        let mut next = char_at(normalized, at).map(|n| (n, class(n)));
        match class_c {
            Class::Space => {}
            Class::Word => {
                while let Some((n, Class::Word)) = next {
                    at += n.len_utf8();
                    next = char_at(normalized, at).map(|n| (n, class(n)));
                }
                let end = at;
                emit(Token {
                    kind: TokenKind::Word(&normalized[start..end]),
                    position,
                    span: (start, end),
                });
                position += 1;
            }
            Class::Gram => {
                let next = match next {
                    Some((n, Class::Gram)) => Some(n),
                    _ => None,
                };
                emit(Token {
                    kind: TokenKind::Gram { first: c, next },
                    position,
                    span: (start, start + c.len_utf8()),
                });
                position += 1;
            }
        }
        current = next;
    }
}

/// Whether `c` belongs to a [`TokenKind::Word`] (Latin letters, digits, …).
pub(crate) fn is_word_char(c: char) -> bool {
    class(c) == Class::Word
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Gram,
}

#[inline(always)]
fn class(c: char) -> Class {
    // Fast paths first: `is_alphanumeric` is a slow table search for kanji, and
    // kanji and kana are most of the text.
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            Class::Space
        } else if c.is_ascii_alphanumeric() {
            Class::Word
        } else {
            Class::Gram
        };
    }
    if is_cjk(c) {
        return if c == '\u{3000}' {
            Class::Space
        } else {
            Class::Gram
        };
    }
    if c.is_whitespace() {
        Class::Space
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Gram
    }
}

/// Scripts written without spaces: every character is searchable on its own.
#[inline(always)]
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}'     // CJK symbols, hiragana, katakana
        | '\u{31F0}'..='\u{31FF}'   // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(normalized: &str, expect: Expect) {
        let mut out = Vec::new();
        tokenize(normalized, |t| {
            out.push(match t.kind {
                TokenKind::Gram {
                    first,
                    next: Some(n),
                } => format!("{}:{first}{n}", t.position),
                TokenKind::Gram { first, next: None } => format!("{}:{first}", t.position),
                TokenKind::Word(w) => format!("{}:<{w}>", t.position),
            })
        });
        expect.assert_eq(&out.join(" "));
    }

    #[test]
    fn splits_runs() {
        check("", expect![""]);
        check("米", expect!["0:米"]);
        check("ベネズエラ", expect!["0:ベネ 1:ネズ 2:ズエ 3:エラ 4:ラ"]);
        check(
            "pdvsaと取引 usdt(テザ)",
            expect!["0:<pdvsa> 1:と取 2:取引 3:引 4:<usdt> 5:(テ 6:テザ 7:ザ) 8:)"],
        );
        check(
            "5,000万ドル",
            expect!["0:<5> 1:, 2:<000> 3:万ド 4:ドル 5:ル"],
        );
        check("a  b", expect!["0:<a> 1:<b>"]);
    }
}
