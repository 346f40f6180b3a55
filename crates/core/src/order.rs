//! One stable sort for the views' orderings and the cold sorts, shared by all.
//!
//! Every `sort_by` with its own closure is a fresh copy of std's sort (a few KB of
//! wasm each); the concordance, co-occurrence and chronology orders, and the sorts
//! that run once per load or on short lists (the newest-first order, the
//! vocabulary, the gazetteer's patterns, facet values and years) go through
//! [`sort_by_dyn`] instead, so the app carries a single sort over indices, whatever
//! the items and the comparison. Hot sorts over many items (hits, match starts)
//! keep std's own.
//!
//! ```
//! let mut words = vec!["b", "a", "c"];
//! kiroku_core::order::sort_by_dyn(&mut words, &|x, y| x.cmp(y));
//! assert_eq!(words, ["a", "b", "c"]);
//! ```

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order), like
/// `items.sort_by(compare)`.
pub fn sort_by_dyn<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The indices `0..n` stably sorted by `compare`: the one monomorphised sort.
fn stable_order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as std's stable sort, ties included.
        #[test]
        fn matches_std_stable_sort(items in prop::collection::vec((0u8..4, any::<u16>()), 0..60)) {
            let by_key = |x: &(u8, u16), y: &(u8, u16)| x.0.cmp(&y.0);
            let mut expected = items.clone();
            expected.sort_by(by_key);
            let mut sorted = items;
            sort_by_dyn(&mut sorted, &by_key);
            prop_assert_eq!(sorted, expected);
        }
    }
}
