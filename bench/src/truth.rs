//! What the measurements are judged against: the ground truth of a query, recall and
//! precision of a hit set, and percentiles of latency samples.
//!
//! The ground truth of a query is the set of articles whose normalized text
//! (`title + "\n" + body`, through [`kiroku_core::normalize::normalize`]) contains
//! every normalized word of the query (words are ANDed, as in kiroku's and the
//! peers' query syntax; a one-word query is plain substring containment).
//!
//! ```
//! use kiroku_bench::truth::GroundTruth;
//! let truth = GroundTruth::new(&[("マドゥーロ氏", "来日"), ("ルビオ", "マドゥロ")]);
//! assert_eq!(truth.matching("まどぅろ"), [0, 1]);
//! assert_eq!(truth.matching("ルビオ まどぅろ"), [1]);
//! ```

use std::collections::HashSet;

use kiroku_core::normalize::normalize;

/// The normalized texts of a corpus, in article order.
pub struct GroundTruth {
    normalized: Vec<String>,
}

impl GroundTruth {
    /// `articles`: `(title, body)` in the corpus' order (article ids are indices).
    pub fn new(articles: &[(&str, &str)]) -> GroundTruth {
        GroundTruth {
            normalized: articles
                .iter()
                .map(|(title, body)| normalize(&format!("{title}\n{body}")))
                .collect(),
        }
    }

    /// Ids of the articles whose text contains every word of `query`, ascending.
    /// An empty query matches nothing (nothing was asked for).
    pub fn matching(&self, query: &str) -> Vec<u32> {
        let normalized = normalize(query);
        let words: Vec<&str> = normalized.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.normalized
            .iter()
            .enumerate()
            .filter(|(_, text)| words.iter().all(|word| text.contains(word)))
            .map(|(id, _)| id as u32)
            .collect()
    }
}

/// Recall and precision of one answer against the truth.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Accuracy {
    /// Hits that are true / all true articles (1 when nothing is true).
    pub recall: f64,
    /// Hits that are true / all hits (1 when there are no hits).
    pub precision: f64,
    pub false_negatives: usize,
    pub false_positives: usize,
}

impl Accuracy {
    pub fn of(hits: &[u32], truth: &[u32]) -> Accuracy {
        let truth: HashSet<u32> = truth.iter().copied().collect();
        let hits: HashSet<u32> = hits.iter().copied().collect();
        let true_hits = hits.intersection(&truth).count();
        let ratio = |part: usize, whole: usize| {
            if whole == 0 {
                1.0
            } else {
                part as f64 / whole as f64
            }
        };
        Accuracy {
            recall: ratio(true_hits, truth.len()),
            precision: ratio(true_hits, hits.len()),
            false_negatives: truth.len() - true_hits,
            false_positives: hits.len() - true_hits,
        }
    }

    /// Summed over many answers: the counts add up; recall and precision become the
    /// share of answers that were perfect on that side (so 1.0 = every answer).
    pub fn total(all: &[Accuracy]) -> Accuracy {
        let n = all.len().max(1) as f64;
        Accuracy {
            recall: all.iter().filter(|a| a.false_negatives == 0).count() as f64 / n,
            precision: all.iter().filter(|a| a.false_positives == 0).count() as f64 / n,
            false_negatives: all.iter().map(|a| a.false_negatives).sum(),
            false_positives: all.iter().map(|a| a.false_positives).sum(),
        }
    }
}

/// p50, p95 and max of latency samples (ms), nearest-rank; `None` without samples.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Latency {
    pub p50: f64,
    pub p95: f64,
    pub max: f64,
    pub n: usize,
}

impl Latency {
    pub fn of(samples: &[f64]) -> Option<Latency> {
        let mut sorted: Vec<f64> = samples.iter().copied().filter(|s| s.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        Some(Latency {
            p50: percentile(&sorted, 0.50),
            p95: percentile(&sorted, 0.95),
            max: sorted[sorted.len() - 1],
            n: sorted.len(),
        })
    }
}

/// Nearest-rank percentile of sorted samples: the smallest sample with at least
/// `q` of the samples at or below it.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The median (nearest-rank p50) of unsorted samples.
pub fn median(samples: &[f64]) -> Option<f64> {
    Latency::of(samples).map(|l| l.p50)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truth_folds_kana_width_and_long_vowels_and_ands_words() {
        let truth = GroundTruth::new(&[
            ("マドゥーロ大統領", "制裁を発表した"),
            ("ﾌｪﾝﾀﾆﾙ", "米国"),
            ("サーバー", "ベネズエラの制裁"),
        ]);
        let check = |query: &str, expect: &[u32]| {
            assert_eq!(truth.matching(query), expect, "{query}");
        };
        check("まどぅろ", &[0]);
        check("フェンタニル", &[1]);
        check("サーバ", &[2]);
        check("制裁", &[0, 2]);
        check("ベネズエラ 制裁", &[2]);
        check("ベネズエラ   ", &[2]);
        check("", &[]);
        // The title and the body are one text, but a line break stands between them.
        check("大統領制裁", &[]);
    }

    #[test]
    fn accuracy_counts_misses_and_extras() {
        let check = |hits: &[u32], truth: &[u32], expect: (f64, f64, usize, usize)| {
            let a = Accuracy::of(hits, truth);
            assert_eq!(
                (a.recall, a.precision, a.false_negatives, a.false_positives),
                expect,
                "{hits:?} vs {truth:?}"
            );
        };
        check(&[1, 2, 3], &[1, 2, 3], (1.0, 1.0, 0, 0));
        check(&[1, 2], &[1, 2, 3, 4], (0.5, 1.0, 2, 0));
        check(&[1, 2, 3, 4], &[1, 2], (1.0, 0.5, 0, 2));
        check(&[], &[], (1.0, 1.0, 0, 0));
        check(&[], &[7], (0.0, 1.0, 1, 0));
        check(&[7, 7], &[7], (1.0, 1.0, 0, 0));
        let total = Accuracy::total(&[Accuracy::of(&[1], &[1]), Accuracy::of(&[1, 2], &[1])]);
        assert_eq!(
            (total.recall, total.precision, total.false_positives),
            (1.0, 0.5, 1)
        );
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let samples: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let l = Latency::of(&samples).unwrap();
        assert_eq!((l.p50, l.p95, l.max, l.n), (50.0, 95.0, 100.0, 100));
        let l = Latency::of(&[3.0, 1.0, 2.0]).unwrap();
        assert_eq!((l.p50, l.p95, l.max), (2.0, 3.0, 3.0));
        assert_eq!(Latency::of(&[]), None);
        assert_eq!(Latency::of(&[f64::NAN, 4.0]).unwrap().n, 1);
        assert_eq!(median(&[5.0, 1.0, 9.0, 7.0]), Some(5.0));
    }
}
