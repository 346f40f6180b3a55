//! Trends: how many of the current articles match each of a few compared queries,
//! bin by bin over time, beside how many articles each bin has at all.
//!
//! The axis is the timeline's: [`Index::trends`] bins the articles that pass the
//! request's filters and date range (its query left out), exactly as the timeline
//! of that request would, so the bins are years, months or days by span, and every
//! compared series fits on them (a series selects a subset of those articles).
//!
//! ```
//! use kiroku_core::{parse::parse, Gazetteer, Index, SearchRequest};
//! let corpus = parse("- 2023年5月1日 米国\n- 2025年1月2日 米と中国\n- 2025年3月3日 中国\n\
//!                     2023年5月1日 米国\n本文\n2025年1月2日 米と中国\n本文\n2025年3月3日 中国\n本文\n").corpus;
//! let index = Index::build(corpus, &Gazetteer::default());
//! let trends = index.trends(&SearchRequest::default(), &["米".into(), "中国".into()]);
//! let years: Vec<i32> = trends.bins.iter().map(|b| b.start.year).collect();
//! assert_eq!(years, [2023, 2024, 2025]);
//! assert_eq!(trends.bins.iter().map(|b| b.articles).collect::<Vec<_>>(), [1, 0, 2]);
//! assert_eq!(trends.series[0].counts, [1, 0, 1]);
//! assert_eq!(trends.series[1].counts, [0, 0, 2]);
//! assert_eq!(trends.share(0, 2), Some(0.5));
//! assert_eq!(trends.share(0, 1), None); // 2024 has no articles: a gap, not 0 %
//! ```

use serde::Serialize;

use crate::date::Date;
use crate::index::Index;
use crate::results::{result_docs, without_query};
use crate::search::SearchRequest;
use crate::timeline::Granularity;

/// How many queries a trend chart compares; later ones are ignored.
pub const MAX_SERIES: usize = 4;

/// Compared queries over a shared time axis. See [`Index::trends`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trends {
    pub granularity: Granularity,
    /// The axis, oldest first, contiguous: empty stretches are bins too.
    pub bins: Vec<TrendBin>,
    /// One per compared query, in the order given.
    pub series: Vec<Series>,
}

/// One step of the time axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TrendBin {
    /// First day of the bin (cut to the request's date range, as the timeline's).
    pub start: Date,
    /// Last day of the bin, inclusive.
    pub end: Date,
    /// Articles published in the bin that pass the request's filters and date
    /// range, whatever they say: the denominator of a share.
    pub articles: usize,
}

/// One compared query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Series {
    /// The query as given.
    pub query: String,
    /// Per bin: articles matching the query and the request's filters.
    pub counts: Vec<usize>,
    /// The sum of `counts`: every article the query finds under the filters.
    pub total: usize,
}

impl Trends {
    /// The share of bin `bin`'s articles that series `series` matches, `0.0..=1.0`;
    /// `None` where the bin has no article (nothing to take a share of) or either
    /// index is out of range.
    pub fn share(&self, series: usize, bin: usize) -> Option<f64> {
        let articles = self.bins.get(bin)?.articles;
        let count = *self.series.get(series)?.counts.get(bin)?;
        (articles > 0).then(|| count as f64 / articles as f64)
    }

    /// Runs of at least two consecutive bins without any article, as index ranges
    /// into `bins`: a chart may draw each as one break ("2014–2022: no articles")
    /// rather than a long flat line.
    pub fn empty_stretches(&self) -> Vec<std::ops::Range<usize>> {
        let mut stretches = Vec::new();
        let mut run_start = None;
        for (i, bin) in self.bins.iter().enumerate() {
            match (bin.articles == 0, run_start) {
                (true, None) => run_start = Some(i),
                (false, Some(start)) => {
                    if i - start >= 2 {
                        stretches.push(start..i);
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        if let Some(start) = run_start.filter(|&s| self.bins.len() - s >= 2) {
            stretches.push(start..self.bins.len());
        }
        stretches
    }
}

impl Index<'_> {
    /// Compares `queries` over time under `request`'s filters and date range.
    ///
    /// - The request's own query is not applied (pass it among `queries` to show
    ///   it); its entities, years and `from`/`to` are, to the bins and to every
    ///   series alike. Paging and sort are ignored.
    /// - A blank query (nothing but spaces, or nothing searchable such as `"`) is
    ///   skipped: it would match every article and compare nothing. Of the rest,
    ///   the first [`MAX_SERIES`] are kept. A query of exclusions only (`-米`) is a
    ///   real selection (articles without 米) and is kept.
    /// - The bins are those of the timeline of the request without its query, so
    ///   they follow its granularity (year, month or day by span) and cover every
    ///   article any series can count. Every bin of the span is present, the empty
    ///   ones with `articles` 0 and all counts 0, so time stays linear on the axis;
    ///   [`Trends::share`] is `None` there, and [`Trends::empty_stretches`] names
    ///   the long empty runs (the default corpus: 2013, nothing until 2023, then
    ///   2023–2025).
    /// - Counts are exact: a series' count in a bin equals the `total` of
    ///   [`Index::search`] for that query with the bin's `start..=end` as its date
    ///   range.
    pub fn trends(&self, request: &SearchRequest, queries: &[String]) -> Trends {
        let base = without_query(request);
        let axis = self.search(&base).timeline;
        let bins: Vec<TrendBin> = axis
            .bins
            .iter()
            .map(|bin| TrendBin {
                start: bin.start,
                end: bin.end,
                articles: bin.articles.len(),
            })
            .collect();
        let series = queries
            .iter()
            .filter(|query| !self.parse_query(query).clauses.is_empty())
            .take(MAX_SERIES)
            .map(|query| {
                let mut counts = vec![0; bins.len()];
                let matching = SearchRequest {
                    query: query.clone(),
                    ..base.clone()
                };
                for doc in result_docs(self, &matching) {
                    let Some(date) = self.article(doc).map(|a| a.date) else {
                        continue;
                    };
                    // Bins are in date order and the date lies in one of them.
                    let slot = bins.partition_point(|bin| bin.end < date);
                    if let Some(count) = counts.get_mut(slot) {
                        *count += 1;
                    }
                }
                Series {
                    query: query.clone(),
                    total: counts.iter().sum(),
                    counts,
                }
            })
            .collect();
        Trends {
            granularity: axis.granularity,
            bins,
            series,
        }
    }
}
