//! Timeline bins over the matching articles: how many were published in each bin,
//! and how many dates their bodies *mention* in it.
//!
//! The axis spans the *window*: the date range the view selected (a timeline pick,
//! a brush, a year facet), or, where the view leaves an end open, the matching
//! articles' first or last date. So after picking 2025 the axis shows 2025, not
//! the few weeks of 2025 that have articles.
//!
//! Granularity is the finest that keeps the bins few enough to read and to tap:
//! days for a month or less, months for up to a year and a half, years beyond.
//! Bins are contiguous (empty ones included) and cut to the window at its ends, so
//! a bin's range never reaches outside what was selected and a chart needs no gap
//! logic. Mentioned dates outside the window are counted in
//! [`Timeline::mentions_outside`] rather than stretching the axis (a 1990 aside in
//! a 2025 story should not squash the chart).
//!
//! ```
//! use kiroku_core::{date::Date, timeline::{bin_range, Granularity}};
//! let d = |s: &str| s.parse::<Date>().unwrap();
//! assert_eq!(Granularity::for_span(d("2013-03-07"), d("2025-11-07")), Granularity::Year);
//! assert_eq!(Granularity::for_span(d("2025-01-01"), d("2025-12-31")), Granularity::Month);
//! assert_eq!(Granularity::for_span(d("2025-10-01"), d("2025-10-31")), Granularity::Day);
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
    /// The granularity for dates from `first` to `last`: the finest with at most
    /// [`MAX_DAY_BINS`] day bins or [`MAX_MONTH_BINS`] month bins, else years.
    pub fn for_span(first: Date, last: Date) -> Granularity {
        let (first, last) = (first.min(last), first.max(last));
        let bins =
            |granularity: Granularity| granularity.ordinal(last) - granularity.ordinal(first) + 1;
        if bins(Granularity::Day) <= MAX_DAY_BINS {
            Granularity::Day
        } else if bins(Granularity::Month) <= MAX_MONTH_BINS {
            Granularity::Month
        } else {
            Granularity::Year
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

/// Day bins at most: a month shows day by day.
pub const MAX_DAY_BINS: i64 = 31;
/// Month bins at most: a year (and a half) shows month by month; a longer span by
/// years. More bins would be slivers on a phone.
pub const MAX_MONTH_BINS: i64 = 18;
/// Year bins beyond which a window is cut to the corpus's own dates: a hand-edited
/// URL asking for 0001–9999 must not build ten thousand bins.
const MAX_YEAR_BINS: i64 = 200;

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

/// One step out from a selected range `from..=to`: a range inside one year widens to
/// that whole year; anything wider (or already a whole year) to no range at all
/// (`None`). Two levels, so a few presses always get back to the whole corpus.
///
/// ```
/// use kiroku_core::{date::Date, timeline::zoom_out};
/// let d = |s: &str| s.parse::<Date>().unwrap();
/// assert_eq!(zoom_out(d("2025-10-01"), d("2025-10-31")), Some((d("2025-01-01"), d("2025-12-31"))));
/// assert_eq!(zoom_out(d("2025-01-01"), d("2025-12-31")), None);
/// assert_eq!(zoom_out(d("2024-06-01"), d("2025-03-31")), None);
/// ```
pub fn zoom_out(from: Date, to: Date) -> Option<(Date, Date)> {
    let year = Date::new(from.year, 1, 1).zip(Date::new(from.year, 12, 31))?;
    (from.year == to.year && (from, to) != year).then_some(year)
}

/// The dates a view selected, as the timeline's window: the `from`/`to` range and
/// the picked `years` (the range they cover), whichever is narrower at each end.
/// `None` ends are open: the articles' own dates close them.
pub fn window(from: Option<Date>, to: Option<Date>, years: &[i32]) -> (Option<Date>, Option<Date>) {
    let year_start = years.iter().min().and_then(|&y| Date::new(y, 1, 1));
    let year_end = years.iter().max().and_then(|&y| Date::new(y, 12, 31));
    let narrower = |a: Option<Date>, b: Option<Date>, pick: fn(Date, Date) -> Date| match (a, b) {
        (Some(a), Some(b)) => Some(pick(a, b)),
        (a, b) => a.or(b),
    };
    (
        narrower(from, year_start, Date::max),
        narrower(to, year_end, Date::min),
    )
}

/// Bins the articles `docs` of `index` (any order) over `window` (see [`window`]).
pub fn timeline(index: &Index, docs: &[DocId], window: (Option<Date>, Option<Date>)) -> Timeline {
    let dates = &index.dates;
    let date_of = |doc: DocId| dates.get(doc as usize).copied();
    let (Some(data_first), Some(data_last)) = (
        docs.iter().filter_map(|&d| date_of(d)).min(),
        docs.iter().filter_map(|&d| date_of(d)).max(),
    ) else {
        return Timeline::default();
    };
    let (mut first, mut last) = (
        window.0.unwrap_or(data_first).min(data_first),
        window.1.unwrap_or(data_last).max(data_last),
    );
    // The selected ends cut the end bins; open ends keep whole bins (clicking the
    // first year of everything picks that whole year).
    let mut cut = window;
    if Granularity::Year.ordinal(last) - Granularity::Year.ordinal(first) >= MAX_YEAR_BINS {
        (first, last) = (data_first, data_last);
        cut = (None, None);
    }
    let granularity = Granularity::for_span(first, last);
    let base = granularity.ordinal(first);
    let n_bins = (granularity.ordinal(last) - base + 1) as usize;
    let mut bins: Vec<Bin> = (0..n_bins)
        .map(|i| {
            let (start, end) = bin_range(granularity, granularity.first_day(base + i as i64));
            // Cut to the window: picking a bin never selects beyond it.
            let start = cut.0.map_or(start, |from| start.max(from));
            let end = cut.1.map_or(end, |to| end.min(to));
            Bin {
                start,
                end,
                articles: Vec::new(),
                mentioned: 0,
            }
        })
        .collect();
    let mut mentions_outside = 0;
    let span = bins
        .first()
        .map(|b| b.start)
        .zip(bins.last().map(|b| b.end));
    for &doc in docs {
        let Some(date) = date_of(doc) else { continue };
        let slot = (granularity.ordinal(date) - base) as usize;
        if let Some(bin) = bins.get_mut(slot) {
            // The newest rank for now: see below.
            bin.articles.push(index.newest_rank[doc as usize]);
        }
        for mention in index.mentioned_dates_of(doc) {
            let slot = granularity.ordinal(mention.date) - base;
            let inside = span.is_some_and(|(start, end)| (start..=end).contains(&mention.date));
            match usize::try_from(slot)
                .ok()
                .filter(|_| inside)
                .and_then(|s| bins.get_mut(s))
            {
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
        check_window(corpus, "", expect);
    }

    /// `window` is `FROM..TO` (either may be empty) or empty for none; only the
    /// articles inside it are binned, as a search would.
    fn check_window(corpus: &str, window: &str, expect: Expect) {
        let index = Index::build(parse(corpus).corpus, &Gazetteer::default());
        let (from, to) = window.split_once("..").unwrap_or(("", ""));
        let window = (from.parse::<Date>().ok(), to.parse::<Date>().ok());
        let docs: Vec<DocId> = (0..index.len() as DocId)
            .filter(|&d| {
                let date = index.dates[d as usize];
                window.0.is_none_or(|f| date >= f) && window.1.is_none_or(|t| date <= t)
            })
            .collect();
        let t = timeline(&index, &docs, window);
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

    const THREE_YEARS: &str = "- 2023年12月5日 甲\n- 2025年10月21日 乙\n- 2025年11月3日 丙\n\
        2023年12月5日 甲\n本文\n2025年10月21日 乙\n2025年3月1日と2025年12月24日に。\n2025年11月3日 丙\n本文\n";

    #[test]
    fn the_axis_spans_the_selected_window_not_just_the_data() {
        // A year picked: month bins over the whole year, though its articles are
        // three weeks apart (days 3 px wide before); a mention in a month with no
        // article still counts there.
        check_window(
            THREE_YEARS,
            "2025-01-01..2025-12-31",
            expect![[r#"
                [
                    "Month, 0 mention(s) outside",
                    "2025-01-01..2025-01-31 [] m=0",
                    "2025-02-01..2025-02-28 [] m=0",
                    "2025-03-01..2025-03-31 [] m=1",
                    "2025-04-01..2025-04-30 [] m=0",
                    "2025-05-01..2025-05-31 [] m=0",
                    "2025-06-01..2025-06-30 [] m=0",
                    "2025-07-01..2025-07-31 [] m=0",
                    "2025-08-01..2025-08-31 [] m=0",
                    "2025-09-01..2025-09-30 [] m=0",
                    "2025-10-01..2025-10-31 [1] m=0",
                    "2025-11-01..2025-11-30 [2] m=0",
                    "2025-12-01..2025-12-31 [] m=1",
                ]
            "#]],
        );
        // A brushed range that starts and ends mid-month: the end bins are cut to
        // it, and a mention before its start is outside.
        check_window(
            THREE_YEARS,
            "2025-03-15..2025-11-10",
            expect![[r#"
                [
                    "Month, 2 mention(s) outside",
                    "2025-03-15..2025-03-31 [] m=0",
                    "2025-04-01..2025-04-30 [] m=0",
                    "2025-05-01..2025-05-31 [] m=0",
                    "2025-06-01..2025-06-30 [] m=0",
                    "2025-07-01..2025-07-31 [] m=0",
                    "2025-08-01..2025-08-31 [] m=0",
                    "2025-09-01..2025-09-30 [] m=0",
                    "2025-10-01..2025-10-31 [1] m=0",
                    "2025-11-01..2025-11-10 [2] m=0",
                ]
            "#]],
        );
        // One month: day bins. An open end is closed by the data.
        check_window(
            THREE_YEARS,
            "2025-10-20..",
            expect![[r#"
                [
                    "Day, 2 mention(s) outside",
                    "2025-10-20..2025-10-20 [] m=0",
                    "2025-10-21..2025-10-21 [1] m=0",
                    "2025-10-22..2025-10-22 [] m=0",
                    "2025-10-23..2025-10-23 [] m=0",
                    "2025-10-24..2025-10-24 [] m=0",
                    "2025-10-25..2025-10-25 [] m=0",
                    "2025-10-26..2025-10-26 [] m=0",
                    "2025-10-27..2025-10-27 [] m=0",
                    "2025-10-28..2025-10-28 [] m=0",
                    "2025-10-29..2025-10-29 [] m=0",
                    "2025-10-30..2025-10-30 [] m=0",
                    "2025-10-31..2025-10-31 [] m=0",
                    "2025-11-01..2025-11-01 [] m=0",
                    "2025-11-02..2025-11-02 [] m=0",
                    "2025-11-03..2025-11-03 [2] m=0",
                ]
            "#]],
        );
        // No window: the data's span, two years and a month → years, not 24 slivers.
        check_window(
            THREE_YEARS,
            "",
            expect![[r#"
                [
                    "Year, 0 mention(s) outside",
                    "2023-01-01..2023-12-31 [0] m=0",
                    "2024-01-01..2024-12-31 [] m=0",
                    "2025-01-01..2025-12-31 [2, 1] m=2",
                ]
            "#]],
        );
        // A window of ten thousand years (a hand-edited URL) falls back to the data.
        check_window(
            THREE_YEARS,
            "0001-01-01..9999-12-31",
            expect![[r#"
                [
                    "Year, 0 mention(s) outside",
                    "2023-01-01..2023-12-31 [0] m=0",
                    "2024-01-01..2024-12-31 [] m=0",
                    "2025-01-01..2025-12-31 [2, 1] m=2",
                ]
            "#]],
        );
    }

    #[test]
    fn the_window_is_the_narrower_of_the_range_and_the_years() {
        let d = |s: &str| s.parse::<Date>().ok();
        assert_eq!(window(None, None, &[]), (None, None));
        assert_eq!(
            window(None, None, &[2025, 2023]),
            (d("2023-01-01"), d("2025-12-31"))
        );
        assert_eq!(
            window(d("2024-06-01"), None, &[2023, 2025]),
            (d("2024-06-01"), d("2025-12-31"))
        );
        assert_eq!(
            window(d("2020-01-01"), d("2025-03-31"), &[2025]),
            (d("2025-01-01"), d("2025-03-31"))
        );
    }
}
