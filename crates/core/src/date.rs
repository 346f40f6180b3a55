//! Calendar dates: the corpus's `2025年11月7日` headers, `2025-11-07` in URLs and
//! JSON, and dates *mentioned* inside bodies (which feed the timeline's second series).
//!
//! Handwritten rather than a date crate: we need only validation of Gregorian dates,
//! a day count for binning, and Japanese patterns no crate parses; `chrono`/`time`
//! would add size to the wasm for nothing.
//!
//! ```
//! use kiroku_core::date::{mentioned_dates, Date};
//! let article: Date = "2024-04-23".parse().unwrap();
//! let found = mentioned_dates("5月31日までに、２０２３年１２月３日には", article);
//! assert_eq!(found[0].date.to_string(), "2024-05-31");
//! assert_eq!(found[1].date.to_string(), "2023-12-03");
//! ```

use serde::{Serialize, Serializer};

use crate::Span;

/// A valid calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A validated date, or `None` for e.g. 2025-13-40 or 2023-02-29.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month as u8) as u32;
        valid.then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Days since 0001-01-01 (day 0). Lets the timeline measure spans and step days.
    pub fn day_number(self) -> i64 {
        // Shift the year to start in March so the leap day is the year's last day.
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + self.day as i64 - 307
    }

    /// Inverse of [`Date::day_number`] (clamped to years 1..=9999).
    pub fn from_day_number(n: i64) -> Date {
        // Estimate the year, then correct it: simple and obviously right.
        let mut year = ((n as f64) / 365.2425) as i32 + 1;
        year = year.clamp(1, 9999);
        while year > 1 && Date::first_of_year(year).day_number() > n {
            year -= 1;
        }
        while year < 9999 && Date::first_of_year(year + 1).day_number() <= n {
            year += 1;
        }
        let mut date = Date::first_of_year(year);
        let mut remaining = n - date.day_number();
        while date.month < 12 && remaining >= days_in_month(year, date.month) as i64 {
            remaining -= days_in_month(year, date.month) as i64;
            date.month += 1;
        }
        date.day = (1 + remaining.clamp(0, days_in_month(year, date.month) as i64 - 1)) as u8;
        date
    }

    fn first_of_year(year: i32) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("not a date: {0:?} (expected YYYY-MM-DD or YYYY年M月D日)")]
    Malformed(String),
    #[error("impossible date: {0}")]
    Impossible(String),
}

impl std::str::FromStr for Date {
    type Err = DateError;

    /// Accepts `2025-11-07`, `2025/11/7` and `2025年11月7日` (full-width digits too),
    /// and the date part of an ISO 8601 timestamp (`2025-11-07T09:30:00Z`), which
    /// JSON exports often carry.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        let s = match s.split_once(['T', ' ']) {
            Some((date, time)) if time.starts_with(|c: char| c.is_ascii_digit()) => date,
            _ => s,
        };
        let malformed = || DateError::Malformed(s.to_string());
        let parts = if let Some((parts, len)) = ja_date_prefix(s) {
            (len == s.len()).then_some(parts)
        } else {
            let mut fields = s.split(['-', '/']);
            match (fields.next(), fields.next(), fields.next(), fields.next()) {
                (Some(y), Some(m), Some(d), None) => Some((
                    number(y).ok_or_else(malformed)?,
                    number(m).ok_or_else(malformed)?,
                    number(d).ok_or_else(malformed)?,
                )),
                _ => None,
            }
        };
        let (year, month, day) = parts.ok_or_else(malformed)?;
        i32::try_from(year)
            .ok()
            .and_then(|y| Date::new(y, month, day))
            .ok_or_else(|| DateError::Impossible(s.to_string()))
    }
}

/// Parses an entire string of ASCII or full-width digits (at most 4 of them).
fn number(s: &str) -> Option<u32> {
    let (n, len) = digits_prefix(s)?;
    (len == s.len()).then_some(n)
}

/// A digit's value, for ASCII and full-width digits (NFKC-free, so spans stay raw).
#[inline(always)]
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// 1–4 leading digits → (value, byte length).
fn digits_prefix(s: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for (n, c) in s.chars().enumerate() {
        let Some(d) = digit(c) else { break };
        if n == 4 {
            return None;
        }
        value = value * 10 + d;
        len += c.len_utf8();
    }
    (len > 0).then_some((value, len))
}

/// `YYYY年M月D日` at the start of `s` → ((year, month, day), byte length), without
/// validating the values (the parser reports impossible dates itself).
pub(crate) fn ja_date_prefix(s: &str) -> Option<((u32, u32, u32), usize)> {
    let (year, a) = digits_prefix(s)?;
    let rest = s[a..].strip_prefix('年')?;
    let (month, b) = digits_prefix(rest)?;
    let rest = rest[b..].strip_prefix('月')?;
    let (day, c) = digits_prefix(rest)?;
    rest[c..].strip_prefix('日')?;
    Some(((year, month, day), a + 3 + b + 3 + c + 3))
}

/// How precise a mentioned date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    /// `2025年8月`: the date is the first of the month.
    Month,
}

/// A date written in an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub date: Date,
    pub precision: Precision,
    /// Byte span of the mention in the text it was found in.
    pub span: Span,
}

/// Finds `YYYY年M月D日`, `YYYY年M月` and yearless `M月D日` in `text`. A yearless date
/// takes the article's year, or the year before when that would put it more than
/// six months after the article (a January article recalling "12月28日").
/// Impossible dates are skipped.
pub fn mentioned_dates(text: &str, article_date: Date) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut prev_is_digit = false;
    let mut at = 0;
    // `char_at`, not `char_indices()`: this scans every body at index time (see
    // `crate::chars`).
    while let Some(c) = crate::chars::char_at(text, at) {
        let start = at;
        at += c.len_utf8();
        let starts_number = digit(c).is_some() && !prev_is_digit;
        prev_is_digit = digit(c).is_some();
        if !starts_number {
            continue;
        }
        let rest = &text[start..];
        if let Some(mention) = mention_at(rest, article_date) {
            let (date, precision, len) = mention;
            found.push(Mention {
                date,
                precision,
                span: Span::new(start, start + len),
            });
        }
    }
    // A match is never a suffix of an earlier one (numbers start after non-digits and
    // 年/月 are not digits), but `2025年8月7日` also contains `8月7日`: keep the first.
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    for m in found {
        if kept.last().is_none_or(|k| m.span.start >= k.span.end) {
            kept.push(m);
        }
    }
    kept
}

fn mention_at(s: &str, article_date: Date) -> Option<(Date, Precision, usize)> {
    let (first, a) = digits_prefix(s)?;
    let after_first = &s[a..];
    if let Some(rest) = after_first.strip_prefix('年') {
        if a < 4 * '0'.len_utf8() && first < 1000 {
            return None; // "10年以上": a duration, not a year
        }
        let (month, b) = digits_prefix(rest)?;
        let rest = rest[b..].strip_prefix('月')?;
        if let Some((day, c)) = digits_prefix(rest) {
            if rest[c..].starts_with('日') {
                let date = Date::new(first as i32, month, day)?;
                return Some((date, Precision::Day, a + 3 + b + 3 + c + 3));
            }
        }
        let date = Date::new(first as i32, month, 1)?;
        return Some((date, Precision::Month, a + 3 + b + 3));
    }
    let rest = after_first.strip_prefix('月')?;
    let (day, c) = digits_prefix(rest)?;
    rest[c..].strip_prefix('日')?;
    let month = first;
    let mut year = article_date.year;
    if month as i64 - article_date.month as i64 > 6 {
        year -= 1;
    }
    let date = Date::new(year, month, day)?;
    Some((date, Precision::Day, a + 3 + c + 3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check_mentions(text: &str, article: &str, expect: Expect) {
        let article: Date = article.parse().unwrap();
        let found: Vec<String> = mentioned_dates(text, article)
            .iter()
            .map(|m| format!("{} {:?} {:?}", m.date, m.precision, &text[m.span.range()]))
            .collect();
        expect.assert_debug_eq(&found);
    }

    #[test]
    fn finds_mentions() {
        check_mentions(
            "2025年08月7日、5月31日までに。2020年に。2023年12月に、10年以上。１２月２８日。2月30日",
            "2025-01-10",
            expect![[r#"
                [
                    "2025-08-07 Day \"2025年08月7日\"",
                    "2025-05-31 Day \"5月31日\"",
                    "2023-12-01 Month \"2023年12月\"",
                    "2024-12-28 Day \"１２月２８日\"",
                ]
            "#]],
        );
    }

    #[test]
    fn parses_and_validates() {
        let parse = |s: &str| {
            s.parse::<Date>()
                .map(|d| d.to_string())
                .map_err(|e| e.to_string())
        };
        assert_eq!(parse("2025-11-07"), Ok("2025-11-07".into()));
        assert_eq!(parse("２０２５年８月７日"), Ok("2025-08-07".into()));
        assert_eq!(parse("2024/2/29"), Ok("2024-02-29".into()));
        assert_eq!(parse("2025-11-07T09:30:00Z"), Ok("2025-11-07".into()));
        assert_eq!(parse("2025-11-07 09:30"), Ok("2025-11-07".into()));
        assert!(parse("2025-11-07 x").is_err());
        assert_eq!(
            parse("2023-02-29"),
            Err("impossible date: 2023-02-29".into())
        );
        assert_eq!(
            parse("2025年13月40日"),
            Err("impossible date: 2025年13月40日".into())
        );
        assert!(parse("2025-1").is_err());
        assert!(parse("yesterday").is_err());
    }

    #[test]
    fn day_numbers_round_trip() {
        for n in [0, 1, 59, 60, 365, 738_000, 739_560, 3_652_000] {
            assert_eq!(Date::from_day_number(n).day_number(), n, "{n}");
        }
        let d = |s: &str| s.parse::<Date>().unwrap().day_number();
        assert_eq!(d("2024-03-01") - d("2024-02-28"), 2);
        assert_eq!(d("2001-01-01") - d("2000-01-01"), 366);
    }
}
