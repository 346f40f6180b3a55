//! Timeline bins over the matching articles: how many were published in each bin,
//! and how many dates their bodies *mention* in it.
//!
//! Granularity follows the span of the matching articles' dates: years beyond
//! ~6 years, months beyond ~3 months, days otherwise. Bins are contiguous (empty
//! ones included) from the first to the last article date, so a chart needs no gap
//! logic. Mentioned dates outside that span are counted in
//! [`Timeline::mentions_outside`] rather than stretching the axis (a 1990 aside in
//! a 2025 story should not squash the chart).
//!
//! ```
//! use kiroku_core::{date::Date, timeline::{bin_range, Granularity}};
//! let d = |s: &str| s.parse::<Date>().unwrap();
//! assert_eq!(Granularity::for_span(d("2013-03-07"), d("2025-11-07")), Granularity::Year);
//! assert_eq!(bin_range(Granularity::Month, d("2025-02-14")).1, d("2025-02-28"));
//! ```

use serde::Serialize;

use crate::date::{days_in_month, Date};
use crate::index::{DocId, Index};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Year,
    Month,
    Day,
}

impl Granularity {
    /// The granularity for dates from `first` to `last`.
    pub fn for_span(first: Date, last: Date) -> Granularity {
        let days = last.day_number() - first.day_number();
        if days > 6 * 366 {
            Granularity::Year
        } else if days > 92 {
            Granularity::Month
        } else {
            Granularity::Day
        }
    }

    /// A number that increases by one from each bin to the next.
    fn ordinal(self, date: Date) -> i64 {
        match self {
            Granularity::Year => date.year as i64,
            Granularity::Month => date.year as i64 * 12 + date.month as i64 - 1,
            Granularity::Day => date.day_number(),
        }
    }

    fn first_day(self, ordinal: i64) -> Date {
        match self {
            Granularity::Year => Date::new(ordinal.clamp(1, 9999) as i32, 1, 1)
                .unwrap_or_else(|| Date::from_day_number(0)),
            Granularity::Month => {
                let year = ordinal.div_euclid(12).clamp(1, 9999) as i32;
                let month = ordinal.rem_euclid(12) as u32 + 1;
                Date::new(year, month, 1).unwrap_or_else(|| Date::from_day_number(0))
            }
            Granularity::Day => Date::from_day_number(ordinal),
        }
    }
}

/// First and last day of the bin containing `date`.
pub fn bin_range(granularity: Granularity, date: Date) -> (Date, Date) {
    let start = granularity.first_day(granularity.ordinal(date));
    let end = match granularity {
        Granularity::Year => Date {
            year: date.year,
            month: 12,
            day: 31,
        },
        Granularity::Month => Date {
            day: days_in_month(date.year, date.month),
            ..start
        },
        Granularity::Day => date,
    };
    (start, end)
}

/// The timeline of a result set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    pub granularity: Granularity,
    pub bins: Vec<Bin>,
    /// Mentioned dates of matching articles that fall outside the bins.
    pub mentions_outside: usize,
}

impl Default for Timeline {
    fn default() -> Timeline {
        Timeline {
            granularity: Granularity::Year,
            bins: Vec::new(),
            mentions_outside: 0,
        }
    }
}

/// One bin: its date range and both series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bin {
    /// First day of the bin.
    pub start: Date,
    /// Last day of the bin (inclusive).
    pub end: Date,
    /// Matching articles published in the bin, newest first.
    pub articles: Vec<DocId>,
    /// Dates mentioned by matching articles that fall in the bin.
    pub mentioned: usize,
}

/// Bins the articles `docs` of `index` (any order).
pub fn timeline(index: &Index, docs: &[DocId]) -> Timeline {
    let dates = &index.dates;
    let date_of = |doc: DocId| dates.get(doc as usize).copied();
    let (Some(first), Some(last)) = (
        docs.iter().filter_map(|&d| date_of(d)).min(),
        docs.iter().filter_map(|&d| date_of(d)).max(),
    ) else {
        return Timeline::default();
    };
    let granularity = Granularity::for_span(first, last);
    let base = granularity.ordinal(first);
    let n_bins = (granularity.ordinal(last) - base + 1) as usize;
    let mut bins: Vec<Bin> = (0..n_bins)
        .map(|i| {
            let (start, end) = bin_range(granularity, granularity.first_day(base + i as i64));
            Bin {
                start,
                end,
                articles: Vec::new(),
                mentioned: 0,
            }
        })
        .collect();
    let mut mentions_outside = 0;
    for &doc in docs {
        let Some(date) = date_of(doc) else { continue };
        let slot = (granularity.ordinal(date) - base) as usize;
        if let Some(bin) = bins.get_mut(slot) {
            // The newest rank for now: see below.
            bin.articles.push(index.newest_rank[doc as usize]);
        }
        for mention in index.mentioned_dates_of(doc) {
            let slot = granularity.ordinal(mention.date) - base;
            match usize::try_from(slot).ok().and_then(|s| bins.get_mut(s)) {
                Some(bin) => bin.mentioned += 1,
                None => mentions_outside += 1,
            }
        }
    }
    // Newest first is ascending rank, and a rank names its doc (`newest_first` is
    // the inverse permutation): sorting plain integers and mapping them back gives
    // the same lists as sorting docs by a looked-up key, for less.
    let newest_first = index.newest_first();
    for bin in &mut bins {
        bin.articles.sort_unstable();
        for article in &mut bin.articles {
            *article = newest_first[*article as usize];
        }
    }
    Timeline {
        granularity,
        bins,
        mentions_outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use crate::Gazetteer;
    use expect_test::{expect, Expect};

    fn check(corpus: &str, expect: Expect) {
        let index = Index::build(parse(corpus).corpus, &Gazetteer::default());
        let docs: Vec<DocId> = (0..index.len() as DocId).collect();
        let t = timeline(&index, &docs);
        let mut out = vec![format!(
            "{:?}, {} mention(s) outside",
            t.granularity, t.mentions_outside
        )];
        out.extend(
            t.bins
                .iter()
                .map(|b| format!("{}..{} {:?} m={}", b.start, b.end, b.articles, b.mentioned)),
        );
        expect.assert_debug_eq(&out);
    }

    #[test]
    fn granularity_follows_the_span() {
        // Four months: month bins, empty ones included; a yearless mention resolves
        // against its article; one mention falls outside the span.
        check(
            "- 2024年1月20日 甲\n- 2024年5月2日 乙\n2024年1月20日 甲\n2月3日に会談、1990年5月にも。\n2024年5月2日 乙\n本文\n",
            expect![[r#"
                [
                    "Month, 1 mention(s) outside",
                    "2024-01-01..2024-01-31 [0] m=0",
                    "2024-02-01..2024-02-29 [] m=1",
                    "2024-03-01..2024-03-31 [] m=0",
                    "2024-04-01..2024-04-30 [] m=0",
                    "2024-05-01..2024-05-31 [1] m=0",
                ]
            "#]],
        );
        // Three days: day bins.
        check(
            "- 2024年2月28日 甲\n- 2024年3月1日 乙\n2024年2月28日 甲\n2024年2月29日の予定。\n2024年3月1日 乙\n本文\n",
            expect![[r#"
                [
                    "Day, 0 mention(s) outside",
                    "2024-02-28..2024-02-28 [0] m=0",
                    "2024-02-29..2024-02-29 [] m=1",
                    "2024-03-01..2024-03-01 [1] m=0",
                ]
            "#]],
        );
        check(
            "",
            expect![[r#"
            [
                "Year, 0 mention(s) outside",
            ]
        "#]],
        );
    }
}
