//! The crate's one sort: a stable merge sort of indices behind a comparison callback, so every call
//! site shares one copy of the sorting code. Plain `u32` keys, sorted per block on a hot path, have
//! their own [`sort_keys`].
//!
//! `slice::sort*` is generic over the element and the comparison closure, and each of its instances
//! (driftsort for `sort`, ipnsort for `sort_unstable`) is 2-4 KB of wasm. With one per call site the
//! crate carried 16 of them, about 60 KB of the 715 KB module. Here the generic part of a call is a
//! thin wrapper and an in-place permutation; the merge sort itself, over `u32` indices, exists once.
//!
//! Invariants: every function here is stable (equal elements keep their order), so replacing an
//! unstable sort by one of these never changes a result that did not depend on the order of equal
//! elements. Slices longer than `u32::MAX` are not supported (the checker's input is far smaller).

use std::cmp::Ordering;

/// Sorts 32-bit keys in ascending order: the one instance of `slice::sort_unstable` in the crate, for
/// the word-pair keys the duplicate rules sort per block (hot enough that the index sort's callbacks
/// cost 2.6 % of a whole check).
pub fn sort_keys(v: &mut [u32]) {
    v.sort_unstable();
}

/// Sorts `v` in ascending order, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` by the key `key` gives each element, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by `compare`, stably.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = stable_order(v.len(), &mut |i, j| compare(&v[i as usize], &v[j as usize]) == Ordering::Greater);
    permute(v, order);
}

/// Moves `v[order[k]]` to position `k` for every `k`, following each cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut here = start;
        while order[here] != DONE {
            let from = order[here] as usize;
            order[here] = DONE;
            if from == start {
                break;
            }
            v.swap(here, from);
            here = from;
        }
    }
}

/// The indices `0..n` in the order that sorts the elements they stand for: insertion sort on runs of
/// `RUN` elements, then bottom-up merges. `greater(i, j)` tells whether element `i` must come after element
/// `j`; on a tie the earlier index stays first.
fn stable_order(n: usize, greater: &mut dyn FnMut(u32, u32) -> bool) -> Vec<u32> {
    const RUN: usize = 8;
    let mut a: Vec<u32> = (0..n as u32).collect();
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            let mut j = i;
            while j > start && greater(a[j - 1], x) {
                a[j] = a[j - 1];
                j -= 1;
            }
            a[j] = x;
        }
    }
    if n <= RUN {
        return a;
    }
    let mut b = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                if j >= hi || (i < mid && !greater(a[i], a[j])) {
                    *slot = a[i];
                    i += 1;
                } else {
                    *slot = a[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::{sort, sort_by, sort_by_key};
    use crate::rules::testing::strings_from;

    #[test]
    fn sorts_like_the_standard_library_at_every_length() {
        for len in 0..300 {
            let mut v = strings_from(&["a", "b", "c", "d"], len, 4, len as u64 + 1);
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            assert_eq!(v, expected, "length {len}");
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        // Pairs sorted by their first half only: the second half records the original order.
        let mut v: Vec<(u8, usize)> = (0..1000).map(|i| (((i * 7919) % 13) as u8, i)).collect();
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
    }

    #[test]
    fn sorts_owned_values_by_a_comparison() {
        let mut v: Vec<String> = strings_from(&["b", "a", "é", "", "ab", "B"], 500, 4, 7);
        let mut expected = v.clone();
        expected.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        sort_by(&mut v, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        assert_eq!(v, expected);
    }
}
