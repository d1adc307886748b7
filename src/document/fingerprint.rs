//! Fingerprints of passages, for rules that look for repeated text.
//!
//! A word becomes a 64-bit key of its normalised form (lowercase, curly apostrophes straightened), so
//! comparing passages never compares strings and punctuation, spacing and quote style drop out. A run of
//! keys becomes one key ([`sequence_key`]), a sorted set of 32-bit keys of its overlapping runs of
//! words ([`shingles`]), and a MinHash sketch of that set ([`min_hash`]) that estimates how much two
//! passages share.
//! [`CandidateIndex`] buckets sketches band by band (locality-sensitive hashing), so finding the earlier
//! passages that may resemble a new one costs a few lookups instead of a scan over all of them.
//!
//! Invariants: every hash is fixed (FNV-1a and the SplitMix64 finaliser with constant seeds), so results
//! are the same in every process and in the wasm; nothing here iterates a `HashMap`; a bucket holds at
//! most [`BUCKET_CAPACITY`] passages, which bounds the candidates of a passage by a constant and keeps
//! the whole search linear in the text, however many passages share a common phrase.

use super::Document;
use crate::hash::HashMap;

/// Number of hash functions in a MinHash sketch.
pub const SKETCH_LEN: usize = 32;
/// Sketch values per band: two passages become candidates when one whole band agrees.
const ROWS_PER_BAND: usize = 2;
/// A bucket keeps the earliest passages only: a crowded bucket is a common phrase, not a repeat.
pub const BUCKET_CAPACITY: usize = 8;

/// A MinHash sketch.
pub type Sketch = [u64; SKETCH_LEN];

/// The SplitMix64 finaliser: a fixed bijection that spreads every input bit over the output.
#[inline]
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const fn seeds() -> Sketch {
    let mut out = [0; SKETCH_LEN];
    let mut i = 0;
    while i < SKETCH_LEN {
        out[i] = mix(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1));
        i += 1;
    }
    out
}

/// One seed per hash function of the sketch.
const SEEDS: Sketch = seeds();

/// The key of a word: FNV-1a over its lowercase characters, with ’ ‘ ʼ read as '.
pub fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for b in word.bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3);
        }
        return mix(h);
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c };
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    mix(h)
}

/// The key of every word of the document, aligned with `Document::words`. Words of one lowercase form
/// share a key, so each form of the vocabulary is hashed once, at its first use.
pub fn word_keys(doc: &Document) -> Vec<u64> {
    let vocabulary = doc.vocabulary();
    // Per form: its key, or 0 until first used (a real key of 0 is only computed again).
    let mut form_keys = vec![0u64; vocabulary.len()];
    doc.words
        .iter()
        .zip(vocabulary.ids())
        .map(|(w, &id)| {
            let key = &mut form_keys[id as usize];
            if *key == 0 {
                *key = word_key(doc.slice(&w.range));
            }
            *key
        })
        .collect()
}

/// One key for a run of word keys; order matters.
pub fn sequence_key(keys: &[u64]) -> u64 {
    keys.iter().fold(mix(keys.len() as u64), |h, &k| mix(h ^ k))
}

/// A 32-bit key for sets: plenty to compare a few hundred items, and sorting 32-bit keys shares code
/// with the rest of the crate in the wasm (where `usize` is 32 bits).
pub fn set_key(key: u64) -> u32 {
    (key >> 32) as u32
}

/// The keys of every run of `width` consecutive words, sorted and without repeats. Empty when there
/// are fewer than `width` words.
pub fn shingles(keys: &[u64], width: usize) -> Vec<u32> {
    let mut out: Vec<u32> = keys.windows(width.max(1)).map(|w| set_key(sequence_key(w))).collect();
    crate::sort::sort_keys(&mut out);
    out.dedup();
    out
}

/// The MinHash sketch of a shingle set: for each seeded hash, the least value over the set. Two
/// sketches agree in a position with probability equal to the sets' Jaccard similarity.
pub fn min_hash(shingles: &[u32]) -> Sketch {
    let mut sketch = [u64::MAX; SKETCH_LEN];
    for &s in shingles {
        let h = mix(u64::from(s));
        for (slot, seed) in sketch.iter_mut().zip(SEEDS) {
            *slot = (*slot).min(h.wrapping_mul(seed | 1));
        }
    }
    sketch
}

/// |a ∩ b| / |a ∪ b| of two sorted, repeat-free sets; 0 when both are empty.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Passages bucketed by sketch bands. With 16 bands of 2 rows, a pair sharing 30% of its shingles is
/// a candidate with probability 0.78, one sharing 50% with 0.99, one sharing 5% with 0.04.
#[derive(Debug, Default)]
pub struct CandidateIndex {
    /// Band key → its bucket: the first and last entry of a list in `entries`, and its length. Lookups
    /// only: never iterated, so its random order cannot reach the output. (Most buckets hold one id: a
    /// `Vec` per bucket cost ~80 bytes a band, 16 bands a passage.)
    bucket_of: HashMap<u64, Bucket>,
    /// `(id, next entry of the same bucket or u32::MAX)`, in insertion order within each bucket.
    entries: Vec<(u32, u32)>,
    /// For each inserted id, the last query that returned it: repeats are dropped without a sort.
    returned_by: Vec<usize>,
    queries: usize,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    first: u32,
    last: u32,
    len: u32,
}

impl CandidateIndex {
    fn band_keys(sketch: &Sketch) -> impl Iterator<Item = u64> + '_ {
        sketch.chunks(ROWS_PER_BAND).enumerate().map(|(band, rows)| sequence_key(rows) ^ mix(band as u64))
    }

    /// The passages already inserted that share a band with `sketch`, each once, in a fixed order.
    pub fn candidates(&mut self, sketch: &Sketch) -> Vec<usize> {
        self.queries += 1;
        let mut out = Vec::new();
        for key in Self::band_keys(sketch) {
            let Some(bucket) = self.bucket_of.get(&key) else { continue };
            let mut entry = bucket.first;
            while let Some(&(id, next)) = self.entries.get(entry as usize) {
                let id = id as usize;
                if self.returned_by[id] != self.queries {
                    self.returned_by[id] = self.queries;
                    out.push(id);
                }
                entry = next;
            }
        }
        out
    }

    /// Adds passage `id`; a full bucket keeps its earlier passages.
    pub fn insert(&mut self, id: usize, sketch: &Sketch) {
        if self.returned_by.len() <= id {
            self.returned_by.resize(id + 1, 0);
        }
        for key in Self::band_keys(sketch) {
            let new = self.entries.len() as u32;
            match self.bucket_of.get_mut(&key) {
                Some(bucket) => {
                    if (bucket.len as usize) < BUCKET_CAPACITY {
                        self.entries[bucket.last as usize].1 = new;
                        self.entries.push((id as u32, u32::MAX));
                        bucket.last = new;
                        bucket.len += 1;
                    }
                }
                None => {
                    self.bucket_of.insert(key, Bucket { first: new, last: new, len: 1 });
                    self.entries.push((id as u32, u32::MAX));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<u64> {
        text.split_whitespace().map(word_key).collect()
    }

    #[test]
    fn word_keys_ignore_case_and_apostrophe_style() {
        assert_eq!(word_key("Takaichi’s"), word_key("takaichi's"));
        assert_eq!(word_key("ÉTÉ"), word_key("été"));
        assert_ne!(word_key("form"), word_key("from"));
    }

    #[test]
    fn sequence_keys_depend_on_order_and_length() {
        assert_ne!(sequence_key(&keys("a b c")), sequence_key(&keys("c b a")));
        assert_ne!(sequence_key(&keys("a b")), sequence_key(&keys("a b b")));
        assert_eq!(sequence_key(&keys("The  cat sat")), sequence_key(&keys("the cat SAT")));
    }

    #[test]
    fn similar_passages_have_similar_sketches() {
        let a = shingles(&keys("the council approved the new tram line after a long debate about its cost and its route through the old town"), 3);
        let b = shingles(&keys("the council approved the new tram line after a heated debate about its cost and its route through the old town"), 3);
        let c = shingles(&keys("rain is expected over the weekend with temperatures falling sharply in the north of the country on sunday"), 3);
        let (sa, sb, sc) = (min_hash(&a), min_hash(&b), min_hash(&c));
        let agree = |x: &Sketch, y: &Sketch| x.iter().zip(y).filter(|(p, q)| p == q).count();
        assert!(jaccard(&a, &b) > 0.6 && agree(&sa, &sb) > SKETCH_LEN / 3);
        assert!(jaccard(&a, &c) < 0.05 && agree(&sa, &sc) < 3);
        let mut index = CandidateIndex::default();
        index.insert(0, &sa);
        index.insert(1, &sc);
        assert_eq!(index.candidates(&sb), [0]);
    }

    #[test]
    fn short_runs_have_no_shingles_and_empty_sets_no_similarity() {
        assert!(shingles(&keys("two words"), 3).is_empty());
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(min_hash(&[]), [u64::MAX; SKETCH_LEN]);
    }

    #[test]
    fn keys_are_fixed_across_processes() {
        // A fixed hash: this value must never change with the build or the run.
        assert_eq!(word_key("a"), mix(0xaf63_dc4c_8601_ec8c));
    }
}
