//! Text normalization shared by indexing, querying, entity matching and highlighting.
//!
//! One function decides when two spellings are "the same": NFKC, lowercase,
//! hiragana → katakana, and prolonged-sound marks folded away after kana, so that
//! マドゥーロ = マドゥロ = ﾏﾄﾞｩｰﾛ = まどぅろ and サーバー = サーバ, while voicing marks are
//! kept (ハ ≠ バ).
//!
//! ```
//! use kiroku_core::normalize::normalize;
//! assert_eq!(normalize("ﾏﾄﾞｩｰﾛ"), normalize("まどぅーろ"));
//! assert_eq!(normalize("ＵＳＤＴ"), "usdt");
//! assert_ne!(normalize("ハ"), normalize("バ"));
//! ```
//!
//! Every step is local: a character's output depends on itself, the combining marks
//! that follow it, and at most the previous *output* character. So normalizing a
//! piece of a text gives (away from the piece's first character) the same output as
//! the text itself, which is what lets the index promise "a term matches iff the
//! normalized text contains the normalized term", and lets [`Normalized`] map every
//! output character back to a byte span of the original for highlighting.

use unicode_normalization::char::canonical_combining_class;

use crate::chars::char_at;

/// An NFKC implementation: the normalized form of a short text.
pub type Nfkc = fn(&str) -> String;

/// The text folding of the module docs, with its NFKC. The index, its queries and
/// highlights and the gazetteer hold one (as tantivy attaches its analyzers to the
/// index), so everything that compares text folds it the same way.
///
/// Where NFKC comes from is the caller's choice: native code takes the Unicode
/// tables ([`Normalizer::unicode_tables`], feature `nfkc-tables`, about 60 KB of
/// gzip in wasm); the browser app passes `String.prototype.normalize("NFKC")`, which
/// every browser ships. A build without the tables has no default: it must be
/// given an NFKC, so there is no silent mode that leaves ﾏﾄﾞｩｰﾛ unmatched.
///
/// ```
/// use kiroku_core::normalize::Normalizer;
/// fn identity(text: &str) -> String { text.to_owned() } // a stand-in, not NFKC
/// let normalizer = Normalizer::new(identity);
/// assert_eq!(normalizer.normalize("まどぅーろ"), "マドゥロ"); // the fast path needs no NFKC
/// assert_eq!(normalizer.normalize("ＵＳＤ"), "ｕｓｄ"); // NFKC is the caller's
/// assert_eq!(Normalizer::unicode_tables().normalize("ＵＳＤ"), "usd");
/// ```
#[derive(Clone, Copy)]
pub struct Normalizer {
    /// Called only for the rare units off the fast path (not ASCII, kana or kanji),
    /// one short unit at a time; a plain `fn`, so no allocation or vtable.
    nfkc: Nfkc,
}

impl Normalizer {
    /// A normalizer whose NFKC is `nfkc`.
    pub fn new(nfkc: Nfkc) -> Normalizer {
        Normalizer { nfkc }
    }

    /// NFKC from unicode-normalization's tables.
    #[cfg(feature = "nfkc-tables")]
    pub fn unicode_tables() -> Normalizer {
        fn tables(text: &str) -> String {
            unicode_normalization::UnicodeNormalization::nfkc(text).collect()
        }
        Normalizer::new(tables)
    }

    /// Normalizes `text` (see the module docs). Idempotent.
    pub fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.normalize_each(text, |c, _| out.push(c));
        out
    }

    /// Normalizes `text`, keeping the map back to it (for highlighting).
    pub fn normalized(&self, text: &str) -> Normalized {
        let mut normalized = Normalized {
            text: String::with_capacity(text.len()),
            origins: Vec::with_capacity(text.len() / 2),
        };
        self.normalize_each(text, |c, span| {
            normalized.origins.push(Origin {
                normalized: to_u32(normalized.text.len()),
                start: to_u32(span.start),
                end: to_u32(span.end),
            });
            normalized.text.push(c);
        });
        normalized
    }
}

/// With the tables compiled in, they are the default.
#[cfg(feature = "nfkc-tables")]
impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::unicode_tables()
    }
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer").finish_non_exhaustive()
    }
}

/// [`Normalizer::normalize`] with the Unicode tables: for native tools and tests.
#[cfg(feature = "nfkc-tables")]
pub fn normalize(text: &str) -> String {
    Normalizer::unicode_tables().normalize(text)
}

/// A normalized text that remembers where each of its characters came from.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// One entry per character of `text`, in order.
    origins: Vec<Origin>,
}

#[derive(Clone, Copy, Debug)]
struct Origin {
    /// Byte offset of the character in the normalized text.
    normalized: u32,
    /// Byte span in the original text of the unit (a character plus its combining
    /// marks) this character was produced from.
    start: u32,
    end: u32,
}

impl Normalized {
    /// Maps a byte range of the normalized text back to a byte range of the original
    /// text. Both ends of the result are char boundaries of the original. An empty
    /// or out-of-range input gives `None`.
    pub fn original_span(
        &self,
        normalized: std::ops::Range<usize>,
    ) -> Option<std::ops::Range<usize>> {
        if normalized.start >= normalized.end {
            return None;
        }
        let first = self.char_at(normalized.start)?;
        let last = self.char_at(normalized.end - 1)?;
        Some(first.start as usize..last.end as usize)
    }

    /// The origin of the normalized character that contains byte `offset`.
    fn char_at(&self, offset: usize) -> Option<Origin> {
        let offset = to_u32(offset);
        let idx = self.origins.partition_point(|o| o.normalized <= offset);
        idx.checked_sub(1).map(|i| self.origins[i])
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Normalizer {
    /// Drives normalization, calling `emit(char, original_span)` for each output char.
    ///
    /// Text is cut into NFKC units: a character plus the marks that may combine with it.
    /// NFKC is applied per unit, which is what keeps normalization local and the span
    /// map exact. Half-width voiced marks (ﾞ ﾟ) have combining class 0 but turn into
    /// combining marks under NFKC, so they join the unit before them (ﾊﾞ → バ).
    ///
    /// This loop runs once per indexed character and the wasm build is optimized for
    /// size, which inlines little: characters are decoded by [`char_at`] and the fast
    /// path's helpers are inlined by hand (`#[inline(always)]`). NFKC is called through
    /// a plain `fn` pointer, and only off the fast path.
    fn normalize_each(&self, text: &str, mut emit: impl FnMut(char, std::ops::Range<usize>)) {
        let mut folder = KanaFolder::default();
        let mut buf: Vec<char> = Vec::new();
        let mut at = 0;
        while let Some(first) = char_at(text, at) {
            let start = at;
            let mut end = start + first.len_utf8();
            let mut alone = true;
            while let Some(c) = char_at(text, end).filter(|&c| joins_previous(c)) {
                end += c.len_utf8();
                alone = false;
            }
            at = end;
            let span = start..end;
            if alone && is_nfkc_stable(first) {
                // Fast path for the overwhelmingly common case: ASCII, kana and kanji are
                // already NFKC and need no table look-ups.
                if let Some(c) = folder.fold(hiragana_to_katakana(first.to_ascii_lowercase()), true)
                {
                    emit(c, span);
                }
                continue;
            }
            let unit = &text[span.clone()];
            buf.clear();
            buf.extend(
                (self.nfkc)(unit)
                    .chars()
                    .flat_map(char::to_lowercase)
                    .map(hiragana_to_katakana),
            );
            // Lowercasing and kana folding can (rarely) leave a non-NFKC sequence: İ → i +
            // U+0307, or わ + ゛, which composes only as katakana (ヷ). Normalizing again
            // keeps `normalize` idempotent.
            if !buf.iter().all(|c| c.is_ascii()) {
                let folded: String = buf.drain(..).collect();
                buf.extend((self.nfkc)(&folded).chars());
            }
            // A prolonged-sound mark carrying a combining mark is kept: dropping it would
            // attach the mark to the previous character (カ + ー゙ must not become ガ).
            // Any other ー may go, also inside a multi-character expansion (㍂ → ホーン →
            // ホン), or normalizing the output again would drop it then (found by fuzzing).
            for (i, &c) in buf.iter().enumerate() {
                let carries_mark = buf
                    .get(i + 1)
                    .is_some_and(|&next| canonical_combining_class(next) != 0);
                if let Some(c) = folder.fold(c, !carries_mark) {
                    emit(c, span.clone());
                }
            }
        }
    }
}

/// Characters that NFKC and lowercase leave alone, so the fast path may skip them.
/// (`matches!` on ranges, not `RangeInclusive::contains`, which "z" does not inline.)
#[inline(always)]
fn is_nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '\u{3001}'..='\u{3002}' // 、。
            | '\u{3008}'..='\u{3011}' // 〈〉《》「」『』【】
            | '\u{3041}'..='\u{3096}' // hiragana letters
            | '\u{30A1}'..='\u{30FC}' // katakana letters, ・ and ー
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        )
}

#[inline(always)]
fn joins_previous(c: char) -> bool {
    // Combining marks start at U+0300; kanji, kana letters and 、。 never combine
    // (the kana voicing marks U+3099 and U+309A do). Skipping the table look-up for
    // them matters: this runs once per character indexed.
    if (c as u32) < 0x300
        || matches!(
            c,
            '\u{3001}'..='\u{3002}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30A0}'..='\u{30FF}'
            | '\u{4E00}'..='\u{9FFF}'
        )
    {
        return false;
    }
    joins_by_table(c)
}

#[inline(never)]
fn joins_by_table(c: char) -> bool {
    matches!(c, '\u{FF9E}' | '\u{FF9F}') || canonical_combining_class(c) != 0
}

/// The long-vowel step, applied to NFKC'd, lowercased, katakana-folded characters.
/// Its only state is the previous output character (one character of look-back).
#[derive(Default)]
struct KanaFolder {
    prev_is_kana_letter: bool,
}

impl KanaFolder {
    /// Returns the character, or `None` when it is dropped (only if `droppable`).
    #[inline(always)]
    fn fold(&mut self, c: char, droppable: bool) -> Option<char> {
        // A prolonged-sound mark (or something typed for one: ｰ － ― 〜 …) after a kana
        // letter is dropped: writers disagree on long vowels (マドゥーロ/マドゥロ,
        // サーバー/サーバ), so the index must not care. The previous output character
        // stays the kana letter, so ーー is dropped too and folding stays idempotent.
        if droppable && self.prev_is_kana_letter && is_long_vowel_like(c) {
            return None;
        }
        self.prev_is_kana_letter = is_kana_letter(c);
        Some(c)
    }
}

#[inline(always)]
fn hiragana_to_katakana(c: char) -> char {
    match c {
        // ぁ..ゖ and the iteration marks ゝゞ sit exactly 0x60 below their katakana.
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => {
            char::from_u32(c as u32 + 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

/// Katakana letters (after hiragana folding), excluding ・ ー and iteration marks.
#[inline(always)]
pub(crate) fn is_kana_letter(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{31F0}'..='\u{31FF}')
}

/// ー and the characters people type for it. After NFKC, ｰ is already ー, － is '-'
/// and ～ is '~'.
#[inline(always)]
fn is_long_vowel_like(c: char) -> bool {
    matches!(
        c,
        'ー' | '-' | '~' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{301C}' | '\u{3030}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(input: &str, expect: Expect) {
        expect.assert_eq(&normalize(input));
    }

    #[test]
    fn folds_spellings_of_the_same_word() {
        check("マドゥーロ", expect!["マドゥロ"]);
        check("ﾏﾄﾞｩｰﾛ", expect!["マドゥロ"]);
        check("まどぅろ", expect!["マドゥロ"]);
        check("マドゥ－ロ", expect!["マドゥロ"]);
        check("サーバー", expect!["サバ"]);
        check("コンピューター", expect!["コンピュタ"]);
        check("ｻｰﾊﾞｰ", expect!["サバ"]);
        check("ＵＳＤＴ", expect!["usdt"]);
        check("２０２５年８月７日", expect!["2025年8月7日"]);
        check("ゝ", expect!["ヽ"]);
        check("ハとバとパ", expect!["ハトバトパ"]);
        check("ﾊﾟ", expect!["パ"]);
        // Squared katakana words expand to several characters (found by fuzzing).
        check("㍂", expect!["ホン"]);
        check("㌔㍍", expect!["キロメトル"]);
    }

    #[test]
    fn fast_path_characters_are_nfkc_and_lowercase_stable() {
        use unicode_normalization::UnicodeNormalization;
        let stable = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_nfkc_stable(c));
        for c in stable {
            let one = c.to_string();
            assert_eq!(one.nfkc().collect::<String>(), one, "NFKC changes {c:?}");
            assert_eq!(
                c.to_lowercase().to_string(),
                c.to_ascii_lowercase().to_string(),
                "{c:?}"
            );
            assert_eq!(canonical_combining_class(c), 0, "{c:?} combines");
        }
    }

    #[test]
    fn joins_previous_skips_the_table_only_where_it_agrees() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            assert_eq!(joins_previous(c), joins_by_table(c), "{c:?}");
        }
    }

    #[test]
    fn keeps_dashes_that_are_not_long_vowels() {
        check("反発―ベネズエラ", expect!["反発―ベネズエラ"]);
        check("covid-19", expect!["covid-19"]);
        check("ーア", expect!["ーア"]);
        check("カーー", expect!["カ"]);
        check("カ・ー", expect!["カ・ー"]);
    }

    #[test]
    fn maps_back_to_original_spans() {
        let original = "ﾏﾄﾞｩｰﾛ大統領";
        let n = Normalizer::default().normalized(original);
        let start = n.text.find("ドゥロ").unwrap();
        let span = n.original_span(start..start + "ドゥロ".len()).unwrap();
        assert_eq!(&original[span], "ﾄﾞｩｰﾛ");
        assert_eq!(n.original_span(3..3), None);
    }
}
