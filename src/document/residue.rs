//! Template residue phrases: `data/residue.txt`, one anchored regex per line.
//!
//! Shared by the model, which must not read "Advertisement" or "Photo: Reuters" alone on a line as a
//! section heading, and by the `template-residue` rule, which reports them. Each data line is
//! `KIND SCOPE [OPTION …] | PATTERN`; see the file's own header and `residue_syntax`.
//!
//! Running a regex costs microseconds on the PikeVM, so a place is first ruled out by its first bytes.
//! `build.rs` lists, for every first one to three bytes, the entries whose matches can start with them
//! (`HEAD_KEYS`, `HEAD_MASKS`), and for each entry the first bytes, up to six, its matches can start
//! with (`PREFIX_KEYS`), which tell "in this article" from "In the". An entry's regex is compiled the
//! first time a place passes both. A check pays only for the entries its text comes near, and never
//! parses a pattern to learn how its matches start: in the browser, that parsing took a third of the
//! first check of the sample article.

use super::residue_syntax::{prefix_key, HEAD_LEN};
pub(crate) use super::residue_syntax::{Entry, Kind, Scope, PREFIX_LEN};
use regex::Regex;
use std::sync::OnceLock;

/// The data file, for the tests that check the tables `build.rs` made from it.
#[cfg(test)]
pub(crate) const RESIDUE: &str = crate::data_file!("residue.txt");

/// Blocks longer than this are never "nothing but furniture".
pub(crate) const MAX_BLOCK_BYTES: usize = 400;

// `ENTRIES` and `SOURCES`: the data file's entries in order and each one's pattern, anchored (`^(?:…)`),
// as `residue_syntax::entries` reads them. `HEAD_KEYS`, sorted, and `HEAD_MASKS`: the key of the first
// one to three bytes, and the mask of the entries whose matches may start so.
// `PREFIX_KEYS[PREFIX_STARTS[i]..PREFIX_STARTS[i + 1]]`: entry i's first bytes, up to six, as sorted
// `prefix_key`s. Made by `build.rs` with `residue_syntax` and `residue_prefixes`.
include!(concat!(env!("OUT_DIR"), "/residue_tables.rs"));

/// The data file's entries; each entry's regex is compiled when first needed.
pub(crate) struct Residue {
    entries: &'static [Entry],
    /// Each entry's pattern, anchored: `^(?:…)`.
    sources: &'static [&'static str],
    regexes: Vec<OnceLock<Regex>>,
    /// The entries for which [`is_furniture_line`] is true when they are the first to match.
    furniture_lines: u64,
}

impl Residue {
    /// The entries that may match at the start of `head`: its first [`PREFIX_LEN`] bytes (or fewer),
    /// already lowercased as the text the regexes see. Zero when none can.
    pub(crate) fn candidates(&self, head: &[u8]) -> u64 {
        self.refine(head, Self::coarse(head))
    }

    /// The entries that may match at the start of `head` by its first one to three bytes alone.
    fn coarse(head: &[u8]) -> u64 {
        (1..=head.len().min(HEAD_LEN)).fold(0, |mask, n| {
            let key = prefix_key(&head[..n]);
            HEAD_KEYS.binary_search(&(key as u32)).map_or(mask, |i| mask | HEAD_MASKS[i])
        })
    }

    /// Those of the entries in `coarse` that may match at the start of `head` by its first six bytes.
    fn refine(&self, head: &[u8], mut coarse: u64) -> u64 {
        let head = &head[..head.len().min(PREFIX_LEN)];
        let mut fine = 0;
        while coarse != 0 {
            let i = coarse.trailing_zeros() as usize;
            coarse &= coarse - 1;
            let prefixes = &PREFIX_KEYS[usize::from(PREFIX_STARTS[i])..usize::from(PREFIX_STARTS[i + 1])];
            if (1..=head.len()).any(|n| prefixes.binary_search(&prefix_key(&head[..n])).is_ok()) {
                fine |= 1 << i;
            }
        }
        fine
    }

    /// The first entry among `candidates` (in data-file order: the earlier line wins) that matches at
    /// the start of `hay`, and the length of its match.
    pub(crate) fn match_at(&self, hay: &str, mut candidates: u64) -> Option<(Entry, usize)> {
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let regex = self.regexes[i].get_or_init(|| Regex::new(self.sources[i]).expect("checked by build.rs and the tests"));
            if let Some(m) = regex.find(hay) {
                return Some((self.entries[i], m.end()));
            }
        }
        None
    }
}

pub(crate) fn residue() -> &'static Residue {
    static RESIDUE_SET: OnceLock<Residue> = OnceLock::new();
    RESIDUE_SET.get_or_init(|| {
        let furniture_lines = ENTRIES.iter().enumerate().filter(|(_, e)| is_furniture_entry(e)).fold(0, |mask, (i, _)| mask | 1 << i);
        Residue { entries: ENTRIES, sources: SOURCES, regexes: SOURCES.iter().map(|_| OnceLock::new()).collect(), furniture_lines }
    })
}

/// Whether a whole line is page furniture or a placeholder by itself ("Advertisement", "Photo: Reuters",
/// "Related: …"): a `block`-scope entry matching the entire line. Such a line is never a heading.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim().trim_matches(['*', '_']);
    if line.is_empty() || line.len() > MAX_BLOCK_BYTES {
        return false;
    }
    let residue = residue();
    let lower: String = line.chars().map(|c| if c == '\t' { ' ' } else { c.to_ascii_lowercase() }).collect();
    // The first entry that matches decides, so an entry after the last one that could make the line
    // furniture cannot change the answer: it is never refined or tested, nor its regex compiled. A
    // contents title ("Table of Contents") passes only such an entry.
    let up_to_last_furniture = |candidates: u64| {
        let furniture = candidates & residue.furniture_lines;
        (furniture != 0).then(|| candidates & u64::MAX >> furniture.leading_zeros())
    };
    let Some(coarse) = up_to_last_furniture(Residue::coarse(lower.as_bytes())) else { return false };
    let Some(candidates) = up_to_last_furniture(residue.refine(lower.as_bytes(), coarse)) else { return false };
    residue.match_at(&lower, candidates).is_some_and(|(entry, _)| is_furniture_entry(&entry))
}

/// An entry that makes a whole line furniture.
fn is_furniture_entry(entry: &Entry) -> bool {
    entry.scope == Scope::Block && !entry.caps && !entry.not_last
}

#[cfg(test)]
mod tests {
    use super::super::residue_syntax as syntax;
    use super::{residue, ENTRIES, HEAD_KEYS, HEAD_MASKS, PREFIX_KEYS, PREFIX_STARTS, RESIDUE, SOURCES};
    use crate::document::residue_prefixes as prefixes;
    use regex::Regex;

    #[test]
    fn every_entry_compiles_alone_and_the_table_of_first_bytes_is_current() {
        let entries = syntax::entries(RESIDUE).unwrap();
        assert_eq!(entries.iter().map(|(_, source)| source.as_str()).collect::<Vec<_>>(), SOURCES);
        assert_eq!(entries.iter().map(|(e, _)| format!("{e:?}")).collect::<Vec<_>>(), ENTRIES.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>());
        for (_, source) in &entries {
            let regex = Regex::new(source).unwrap_or_else(|e| panic!("{source}: {e}"));
            assert_eq!(regex.captures_len(), 1, "{source}: use (?:…), not (…)");
        }
        let heads = prefixes::heads(&entries).unwrap();
        assert!(heads.iter().map(|h| h.0 as u32).eq(HEAD_KEYS.iter().copied()) && heads.iter().map(|h| h.1).eq(HEAD_MASKS.iter().copied()));
        let (keys, starts) = prefixes::fine_prefixes(&entries).unwrap();
        assert_eq!((keys.as_slice(), starts.as_slice()), (PREFIX_KEYS, PREFIX_STARTS));
        assert!(syntax::entries("engagement sentence | (share) your").and_then(|e| prefixes::heads(&e)).is_err());
        assert!(syntax::entries("engagment sentence | share your").is_err());
        assert!(syntax::entries("furniture block | .*").and_then(|e| prefixes::heads(&e)).is_err());
    }

    /// Every entry's own literal starts pass the first-bytes tests for that entry: lowercase text that
    /// begins like a match is never ruled out before its regex is tried.
    #[test]
    fn the_starts_of_every_entry_pass_its_filters() {
        let entries = syntax::entries(RESIDUE).unwrap();
        for (i, (_, source)) in entries.iter().enumerate() {
            for key in prefixes::literal_prefixes(source, super::PREFIX_LEN).unwrap() {
                let len = (key & 0xff) as usize;
                let head: Vec<u8> = (0..len).map(|b| (key >> (8 * (len - b))) as u8).collect();
                assert!(residue().candidates(&head) & 1 << i != 0, "entry {i} ({source}) fails its own start {:?}", String::from_utf8_lossy(&head));
            }
        }
    }
}
