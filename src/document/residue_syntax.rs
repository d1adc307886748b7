//! The syntax of `data/residue.txt`, shared by the library and by `build.rs`, which lists ahead of time
//! the first bytes each entry's matches can start with (`residue_prefixes`), so that a check parses an
//! entry's pattern only when some text starts like one of its matches. Nothing here may use the crate:
//! `build.rs` includes this file alone.

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

/// Six bytes tell "in this article" from "In the", which starts many sentences.
pub(crate) const PREFIX_LEN: usize = 6;

/// The first bytes looked up in the table `build.rs` makes: one to three (a key then fits in a `u32`).
pub(crate) const HEAD_LEN: usize = 3;

/// Entries are told apart by one bit of a `u64`.
pub(crate) const MAX_ENTRIES: usize = 64;

/// Up to [`PREFIX_LEN`] bytes and their count, packed into one number, every ASCII digit read as `0`:
/// "[0-9][0-9]? min read" then starts in two ways ("0 min", "00 min"), not 110, which keeps the tables
/// small, and a text that starts like a match still has a key in them.
pub(crate) fn prefix_key(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |key, &b| key << 8 | u64::from(if b.is_ascii_digit() { b'0' } else { b })) << 8 | bytes.len() as u64
}

/// Every entry of the data file with its anchored pattern, in order.
pub(crate) fn entries(data: &str) -> Result<Vec<(Entry, String)>, String> {
    let entries: Vec<(Entry, String)> = data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(parse_line).collect::<Result<_, _>>()?;
    if entries.len() > MAX_ENTRIES {
        return Err(format!("data/residue.txt has more than {MAX_ENTRIES} entries; widen the masks in src/document/residue.rs"));
    }
    Ok(entries)
}

/// One data line: `KIND SCOPE [OPTION …] | PATTERN`.
/// The entry and its pattern, anchored (`^(?:…)`) and widened (see `widen_spaces_and_quotes`).
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
    Ok((entry, format!("^(?:{source})")))
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

