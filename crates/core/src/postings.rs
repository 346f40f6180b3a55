//! Compressed position lists: the sorted positions at which one term occurs, in
//! blocks of [`BLOCK`] positions, each block the gaps between its positions
//! bit-packed at the width of its largest gap.
//!
//! A block's head (its first position, where its bits start, their width) sits in a
//! small array beside the bits, so [`Cursor::seek`] skips whole blocks by looking at
//! heads only (galloping forward from the block in hand) and decodes only the block
//! it lands in. Positions are global to the
//! index (articles follow each other in one position stream), so a list needs no
//! per-article entries: the gap to the next occurrence is all it stores.
//!
//! ```
//! use kiroku_core::postings::PostingList;
//! let mut list = PostingList::default();
//! for position in [3, 4, 90, 1_000_000] {
//!     list.push(position);
//! }
//! list.finish();
//! assert_eq!(list.len(), 4);
//! let mut cursor = list.cursor();
//! assert_eq!(cursor.seek(5), Some(90));
//! assert_eq!(cursor.seek(91), Some(1_000_000));
//! assert_eq!(cursor.seek(1_000_001), None);
//! assert_eq!(list.iter().collect::<Vec<_>>(), [3, 4, 90, 1_000_000]);
//! ```

/// Positions per block: small enough that a seek decodes little, large enough that
/// block heads cost under a tenth of a byte per position.
pub const BLOCK: usize = 128;

/// Where a block starts and how to read it.
#[derive(Clone, Copy, Debug)]
struct BlockHead {
    /// The block's first position, stored whole.
    first: u32,
    /// Byte offset of the block's packed gaps in `PostingList::bits`.
    offset: u32,
    /// Bits per gap (0..=32); the gaps stored are `gap - 1`, so a run of
    /// consecutive positions costs nothing.
    width: u8,
    /// Number of positions in the block (1..=BLOCK).
    len: u8,
}

/// One term's positions. Built by [`PostingList::push`] in increasing order, then
/// [`PostingList::finish`]ed before it is read.
#[derive(Clone, Debug, Default)]
pub struct PostingList {
    heads: Vec<BlockHead>,
    bits: Vec<u8>,
    /// Positions of the block being filled (only while building).
    pending: Vec<u32>,
    len: u32,
    /// The last position pushed.
    last: u32,
}

impl PostingList {
    /// A list with no positions.
    pub const EMPTY: PostingList = PostingList {
        heads: Vec::new(),
        bits: Vec::new(),
        pending: Vec::new(),
        len: 0,
        last: 0,
    };

    /// Appends a position, which must be greater than every position pushed before
    /// (smaller or equal ones are ignored, so the list stays strictly increasing).
    pub fn push(&mut self, position: u32) {
        if self.len > 0 && position <= self.last {
            return;
        }
        self.pending.push(position);
        self.len += 1;
        self.last = position;
        if self.pending.len() == BLOCK {
            self.flush();
        }
    }

    /// Packs the positions still pending and frees the building buffers' slack.
    pub fn finish(&mut self) {
        self.flush();
        self.pending = Vec::new();
        self.heads.shrink_to_fit();
        self.bits.shrink_to_fit();
    }

    /// Number of positions.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes of memory the list holds (heads, bits and buffers).
    pub fn heap_bytes(&self) -> usize {
        self.heads.capacity() * std::mem::size_of::<BlockHead>()
            + self.bits.capacity()
            + self.pending.capacity() * 4
    }

    /// A cursor at the start of the list.
    pub fn cursor(&self) -> Cursor<'_> {
        Cursor {
            list: self,
            block: 0,
            decoded: Box::new([0; BLOCK]),
            decoded_len: 0,
            at: 0,
        }
    }

    /// Every position, in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let mut cursor = self.cursor();
        std::iter::from_fn(move || cursor.next())
    }

    fn flush(&mut self) {
        let Some(&first) = self.pending.first() else {
            return;
        };
        let gaps = self.pending.windows(2).map(|w| w[1] - w[0] - 1);
        let width = gaps.clone().max().map_or(0, |max| 32 - max.leading_zeros());
        let offset = u32::try_from(self.bits.len()).unwrap_or(u32::MAX);
        let mut acc: u64 = 0;
        let mut n_acc = 0u32;
        for gap in gaps {
            acc |= u64::from(gap) << n_acc;
            n_acc += width;
            while n_acc >= 8 {
                self.bits.push(acc as u8);
                acc >>= 8;
                n_acc -= 8;
            }
        }
        if n_acc > 0 {
            self.bits.push(acc as u8);
        }
        self.heads.push(BlockHead {
            first,
            offset,
            width: width as u8,
            len: self.pending.len() as u8,
        });
        self.pending.clear();
    }

    /// The gap stored at bit `bit` of the packed gaps, `width` bits wide. Bits past
    /// the end (a truncated list) read as zero: never a panic.
    #[inline(always)]
    fn gap_at(&self, bit: usize, width: u32) -> u32 {
        let byte = bit / 8;
        let word = match self.bits.get(byte..byte + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8])),
            None => {
                let mut eight = [0u8; 8];
                let tail = self.bits.get(byte..).unwrap_or(&[]);
                let n = tail.len().min(8);
                eight[..n].copy_from_slice(&tail[..n]);
                u64::from_le_bytes(eight)
            }
        };
        let mask = (1u64 << width.min(32)) - 1;
        ((word >> (bit % 8)) & mask) as u32
    }

    /// Decodes a block into `out`, returning its number of positions.
    fn decode(&self, head: &BlockHead, out: &mut [u32; BLOCK]) -> usize {
        let len = usize::from(head.len).clamp(1, BLOCK);
        let width = u32::from(head.width.min(32));
        let mut bit = head.offset as usize * 8;
        let mut position = head.first;
        out[0] = position;
        for slot in out.iter_mut().take(len).skip(1) {
            let gap = self.gap_at(bit, width);
            bit += width as usize;
            position = position.wrapping_add(gap).wrapping_add(1);
            *slot = position;
        }
        len
    }
}

/// Reads a [`PostingList`] forward: [`Cursor::next`] for every position,
/// [`Cursor::seek`] to jump ahead. A seek past the block in hand skips whole blocks
/// by their heads and decodes only the block it lands in (the whole block at once:
/// a tight loop that costs about a nanosecond a position), then binary-searches it.
pub struct Cursor<'l> {
    list: &'l PostingList,
    /// Index of the next block to decode.
    block: usize,
    /// The block in hand, decoded.
    decoded: Box<[u32; BLOCK]>,
    decoded_len: usize,
    /// Index in `decoded` of the position under the cursor.
    at: usize,
}

impl Cursor<'_> {
    /// Decodes `block` into the buffer, the cursor on its first position.
    fn enter(&mut self, block: usize) {
        self.decoded_len = match self.list.heads.get(block) {
            Some(head) => self.list.decode(head, &mut self.decoded),
            None => 0,
        };
        self.block = block + 1;
        self.at = 0;
    }

    /// The position under the cursor, decoding the next block when this one is
    /// done; `None` past the end.
    #[inline]
    fn current(&mut self) -> Option<u32> {
        if self.at >= self.decoded_len {
            if self.block >= self.list.heads.len() {
                return None;
            }
            self.enter(self.block);
        }
        self.decoded.get(self.at).copied()
    }

    /// The next position, or `None` at the end.
    #[allow(clippy::should_implement_trait)] // a seeking cursor, kept apart from Iterator
    #[inline]
    pub fn next(&mut self) -> Option<u32> {
        let current = self.current()?;
        self.at += 1;
        Some(current)
    }

    /// The first position `>= target` not yet passed by [`Cursor::next`], or `None`;
    /// the cursor stays on it. Targets must not decrease between calls.
    pub fn seek(&mut self, target: u32) -> Option<u32> {
        let in_hand = &self.decoded[..self.decoded_len];
        if in_hand.last().is_none_or(|&last| last < target) {
            // Past the block in hand: the last block starting at or before the
            // target, found from the heads alone (or the next block, if it starts
            // after the target).
            let rest = self.list.heads.get(self.block..).unwrap_or(&[]);
            let skip = gallop(rest, |h| h.first <= target);
            if skip == 0 && rest.is_empty() {
                self.at = self.decoded_len;
                return None;
            }
            self.enter(self.block + skip.saturating_sub(1));
        }
        let in_hand = &self.decoded[..self.decoded_len];
        let from = self.at.min(in_hand.len());
        self.at = from + in_hand[from..].partition_point(|&p| p < target);
        self.current()
    }
}

/// `slice.partition_point(pred)` found by galloping from the front: a query's
/// targets mostly move a few blocks ahead, so the answer is near the start, and a
/// binary search over every block left would touch memory all over a long list.
fn gallop<T>(slice: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let mut low = 0;
    let mut step = 1;
    // Invariant: pred holds for every element before `low`.
    while let Some(probe) = slice.get(low + step - 1) {
        if !pred(probe) {
            let high = low + step - 1;
            return low + slice[low..high].partition_point(&pred);
        }
        low += step;
        step *= 2;
    }
    low + slice[low..].partition_point(&pred)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn list(positions: &[u32]) -> PostingList {
        let mut list = PostingList::default();
        for &p in positions {
            list.push(p);
        }
        list.finish();
        list
    }

    proptest! {
        #[test]
        fn round_trips_and_seeks_like_a_sorted_vec(
            mut positions in proptest::collection::vec(prop_oneof![0u32..300, 0u32..u32::MAX], 0..700),
            mut targets in proptest::collection::vec(prop_oneof![0u32..300, 0u32..u32::MAX], 0..40),
        ) {
            positions.sort_unstable();
            positions.dedup();
            let list = list(&positions);
            prop_assert_eq!(list.len(), positions.len());
            prop_assert_eq!(list.iter().collect::<Vec<_>>(), positions.clone());
            targets.sort_unstable();
            let mut cursor = list.cursor();
            let mut passed = 0;
            for target in targets {
                let expected_at = passed + positions[passed..].partition_point(|&p| p < target);
                let got = cursor.seek(target);
                prop_assert_eq!(got, positions.get(expected_at).copied(), "seek {}", target);
                passed = expected_at;
            }
        }
    }

    proptest! {
        #[test]
        fn gallop_is_partition_point(mut values in proptest::collection::vec(0u32..1000, 0..300), at in 0u32..1100) {
            values.sort_unstable();
            prop_assert_eq!(gallop(&values, |&v| v < at), values.partition_point(|&v| v < at));
        }
    }

    #[test]
    fn ignores_positions_out_of_order() {
        let list = list(&[5, 5, 3, 9]);
        assert_eq!(list.iter().collect::<Vec<_>>(), [5, 9]);
    }

    #[test]
    fn consecutive_positions_pack_to_nothing() {
        let list = list(&(1000..1000 + BLOCK as u32).collect::<Vec<_>>());
        assert_eq!(list.bits.len(), 0);
        assert_eq!(list.iter().count(), BLOCK);
    }
}
