//! What `build.rs` works out from `data/residue.txt`'s patterns with a regex parser, so that the wasm
//! never parses a pattern just to learn how its matches start: for every first one to three bytes, the
//! entries whose matches may start with them, and for each entry the first bytes (up to six) its
//! matches can start with. `build.rs` includes this file next to `residue_syntax.rs`; the library compiles it only for the
//! test that checks the generated tables are current.

use super::residue_syntax::{prefix_key, Entry, HEAD_LEN, PREFIX_LEN};

/// An entry whose list of six-byte starts is longer than this has it cut to fewer bytes (down to
/// [`HEAD_LEN`]), which only lets more places through to its regex: a guard on the wasm's size, which
/// pays 8 bytes a key. The longest list today, "[0-9][0-9]? min read" and others of one entry, has 261.
const MAX_PREFIXES: usize = 300;

/// The first bytes any match of `pattern` starts with, as [`prefix_key`]s of at most `keep` bytes; an
/// error when the pattern does not parse, has a capture group of its own, or may start with anything.
pub(crate) fn literal_prefixes(pattern: &str, keep: usize) -> Result<Vec<u64>, String> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::Parser::new().parse(pattern).map_err(|e| e.to_string())?;
    if hir.properties().explicit_captures_len() > 0 {
        return Err(format!("{pattern:?} has its own capture group; use (?:…)"));
    }
    let mut seq = Extractor::new().kind(ExtractKind::Prefix).limit_literal_len(PREFIX_LEN).limit_class(40).limit_total(20_000).extract(&hir);
    seq.keep_first_bytes(PREFIX_LEN);
    seq.dedup();
    let literals = seq.literals().filter(|ls| ls.iter().all(|l| !l.is_empty())).ok_or_else(|| format!("{pattern:?} does not start with a short list of literal texts"))?;
    let mut prefixes: Vec<u64> = literals.iter().map(|l| prefix_key(&l.as_bytes()[..l.len().min(keep)])).collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    Ok(prefixes)
}

/// (key of one to three first bytes, mask of the entries whose matches may start with them), sorted.
pub(crate) fn heads(entries: &[(Entry, String)]) -> Result<Vec<(u64, u64)>, String> {
    let mut heads = Vec::new();
    for (i, (_, source)) in entries.iter().enumerate() {
        heads.extend(literal_prefixes(source, HEAD_LEN)?.into_iter().map(|key| (key, 1u64 << i)));
    }
    heads.sort_unstable();
    heads.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 |= next.1;
        }
        same
    });
    Ok(heads)
}

/// Each entry's first bytes as sorted [`prefix_key`]s, all lists in one vector, and where each list
/// starts (one more start than entries). A key whose shorter start is also listed is left out: a place
/// passes when any of its first one to six bytes is listed, so it adds nothing. A list longer than
/// [`MAX_PREFIXES`] is cut to fewer bytes, which only lets more places through to the regex.
pub(crate) fn fine_prefixes(entries: &[(Entry, String)]) -> Result<(Vec<u64>, Vec<u16>), String> {
    let (mut keys, mut starts) = (Vec::new(), vec![0u16]);
    for (_, source) in entries {
        let mut list = Vec::new();
        for keep in (HEAD_LEN..=PREFIX_LEN).rev() {
            let all = literal_prefixes(source, keep)?;
            list = all.iter().copied().filter(|&key| !has_listed_start(key, &all)).collect();
            if list.len() <= MAX_PREFIXES {
                break;
            }
        }
        keys.extend(list);
        starts.push(u16::try_from(keys.len()).map_err(|_| "too many first bytes for u16 starts".to_string())?);
    }
    Ok((keys, starts))
}

/// Whether a shorter start of `key` is in the sorted `keys`.
fn has_listed_start(key: u64, keys: &[u64]) -> bool {
    let (bytes, len) = (key >> 8, (key & 0xff) as u32);
    (1..len).any(|n| keys.binary_search(&((bytes >> (8 * (len - n))) << 8 | u64::from(n))).is_ok())
}
