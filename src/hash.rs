//! The hash tables of the document model and the rules: std's `HashMap`/`HashSet` with a fast,
//! deterministic hasher instead of SipHash.
//!
//! The keys are short words and phrases, hashed millions of times on a long article: SipHash-1-3 and
//! its per-table random keys made hashing a tenth of the profile. This is the multiply-rotate hash of
//! rustc (FxHash, as in `rustc-hash` 2, written out here rather than added as a crate). It does not
//! resist chosen collisions, which only matters for tables fed by an adversary; here the text is the
//! user's own article, checked on the user's machine.

use std::hash::{BuildHasherDefault, Hasher};

pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

/// FxHash: `hash = (hash + word) * K` over 8-byte words, rotated at the end so the high bits that
/// hashbrown uses for its control bytes depend on every input byte.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_work_with_strings_and_numbers() {
        let mut map: HashMap<String, usize> = HashMap::default();
        for (i, w) in ["a", "ab", "abcdefgh", "abcdefghi", "", "abcdefgh\0"].iter().enumerate() {
            map.insert(w.to_string(), i);
        }
        assert_eq!(map.len(), 6);
        assert_eq!(map["abcdefgh"], 2);
        assert_eq!(map["abcdefgh\0"], 5);
        let set: HashSet<usize> = (0..1000).collect();
        assert!(set.contains(&999) && !set.contains(&1000));
    }
}
