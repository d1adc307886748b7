//! Template residue phrases: `data/residue.txt` compiled once into one anchored regex.
//!
//! Shared by the model, which must not read "Advertisement" or "Photo: Reuters" alone on a line as a
//! section heading, and by the `template-residue` rule, which reports them. Each data line is
//! `KIND SCOPE [OPTION …] | PATTERN`; see the file's own header. The regex has one capture group per
//! line, so a match names its entry; `prefixes` lists every first 1–6 bytes a match can start with, so
//! most places are ruled out by a binary search before the (PikeVM) regex runs.

use regex::Regex;
use std::sync::OnceLock;

pub(crate) const RESIDUE: &str = crate::data_file!("residue.txt");

/// Blocks longer than this are never "nothing but furniture".
pub(crate) const MAX_BLOCK_BYTES: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Engagement,
    Furniture,
    Placeholder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Label,
    Sentence,
    Block,
    Title,
    Bracket,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) kind: Kind,
    pub(crate) scope: Scope,
    /// The text must be in capitals.
    pub(crate) caps: bool,
    /// Skipped in the article's last block (a cut-off marker there).
    pub(crate) not_last: bool,
    /// Only a block of one sentence.
    pub(crate) one_sentence: bool,
}

/// The compiled data file: one alternative, and one capture group, per entry.
pub(crate) struct Residue {
    pub(crate) regex: Regex,
    pub(crate) entries: Vec<Entry>,
    /// Sorted [`prefix_key`]s: every text the regex matches starts with one of these 1 to 6 bytes.
    /// Running the regex costs microseconds on the PikeVM (it steps through every alternative); this
    /// look-up rules out almost every place first.
    pub(crate) prefixes: Vec<u64>,
}

/// Up to [`PREFIX_LEN`] bytes and their count, packed into one number.
pub(crate) fn prefix_key(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |key, &b| key << 8 | u64::from(b)) << 8 | bytes.len() as u64
}

/// The first bytes any match of `pattern` starts with, or `None` when they are not a short list.
fn literal_prefixes(pattern: &str) -> Option<Vec<u64>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let mut seq = Extractor::new().kind(ExtractKind::Prefix).limit_literal_len(PREFIX_LEN).limit_class(40).limit_total(20_000).extract(&hir);
    seq.keep_first_bytes(PREFIX_LEN);
    seq.dedup();
    let literals = seq.literals()?;
    if literals.iter().any(|l| l.is_empty()) {
        return None;
    }
    let mut prefixes: Vec<u64> = literals.iter().map(|l| prefix_key(l.as_bytes())).collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    Some(prefixes)
}

/// Six bytes tell "in this article" from "In the", which starts many sentences.
pub(crate) const PREFIX_LEN: usize = 6;

pub(crate) fn residue() -> &'static Residue {
    static RESIDUE_SET: OnceLock<Residue> = OnceLock::new();
    RESIDUE_SET.get_or_init(|| compile(RESIDUE).expect("data/residue.txt is valid (checked by the tests)"))
}

/// One data line: `KIND SCOPE [OPTION …] | PATTERN`.
pub(crate) fn parse_line(line: &str) -> Result<(Entry, String), String> {
    let (head, pattern) = line.split_once(" | ").ok_or_else(|| format!("no ` | ` in {line:?}"))?;
    let mut words = head.split_whitespace();
    let kind = match words.next() {
        Some("engagement") => Kind::Engagement,
        Some("furniture") => Kind::Furniture,
        Some("placeholder") => Kind::Placeholder,
        other => return Err(format!("unknown kind {other:?} in {line:?}")),
    };
    let scope = match words.next() {
        Some("label") => Scope::Label,
        Some("sentence") => Scope::Sentence,
        Some("block") => Scope::Block,
        Some("title") => Scope::Title,
        Some("bracket") => Scope::Bracket,
        other => return Err(format!("unknown scope {other:?} in {line:?}")),
    };
    let mut entry = Entry { kind, scope, caps: false, not_last: false, one_sentence: false };
    for option in words {
        match option {
            "caps" => entry.caps = true,
            "not-last" => entry.not_last = true,
            "one-sentence" => entry.one_sentence = true,
            other => return Err(format!("unknown option {other:?} in {line:?}")),
        }
    }
    let pattern = pattern.trim();
    if !pattern.is_ascii() || pattern.is_empty() {
        return Err(format!("pattern must be non-empty ASCII: {line:?}"));
    }
    let mut source = widen_spaces_and_quotes(pattern);
    if matches!(scope, Scope::Block | Scope::Title) {
        source = format!("(?:{source})[^a-z0-9]{{0,4}}$");
    }
    Ok((entry, source))
}

/// Outside a character class, a space stands for a space or a no-break space and an apostrophe
/// for a straight or curly one.
fn widen_spaces_and_quotes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let (mut in_class, mut escaped) = (false, false);
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            ' ' if !in_class => {
                out.push_str(r"[ \x{A0}]");
                continue;
            }
            '\'' if !in_class => {
                out.push_str(r"['\x{2019}]");
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

pub(crate) fn compile(data: &str) -> Result<Residue, String> {
    let mut entries = Vec::new();
    let mut alternatives = Vec::new();
    for line in data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (entry, source) = parse_line(line)?;
        entries.push(entry);
        alternatives.push(format!("({source})"));
    }
    let pattern = format!("^(?:{})", alternatives.join("|"));
    let regex = Regex::new(&pattern).map_err(|e| e.to_string())?;
    if regex.captures_len() != entries.len() + 1 {
        return Err("a pattern in data/residue.txt has its own capture group; use (?:…)".into());
    }
    let prefixes = literal_prefixes(&pattern).ok_or("a pattern in data/residue.txt does not start with a short list of literal texts")?;
    Ok(Residue { regex, entries, prefixes })
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
    let head = &lower.as_bytes()[..lower.len().min(PREFIX_LEN)];
    if !(1..=head.len()).any(|n| residue.prefixes.binary_search(&prefix_key(&head[..n])).is_ok()) {
        return false;
    }
    let mut locations = residue.regex.capture_locations();
    if residue.regex.captures_read(&mut locations, &lower).is_none() {
        return false;
    }
    (1..locations.len()).find(|&g| locations.get(g).is_some()).is_some_and(|g| {
        let entry = residue.entries[g - 1];
        entry.scope == Scope::Block && !entry.caps && !entry.not_last
    })
}
