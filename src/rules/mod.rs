//! The rules: one file each, every one a [`RuleMeta`] plus a check function over the [`Document`].
//!
//! A rule never re-reads the raw text to find structure: it walks the document model (blocks, sentences,
//! words) and may look at the bytes *between* model elements (the gap between two words) or inside one.
//! Findings are byte ranges; the report converts them. Each rule file ends with tests of inputs that must
//! and must not fire; the data-driven fixtures live in `tests/fixtures/<rule-id>/`.

use crate::document::Document;
use crate::report::{Category, Finding, Severity};
use serde::Serialize;
use std::ops::Range;

pub mod acronym_redefined;
pub mod acronym_unused;
pub mod acronym_used_before_definition;
pub mod conflicting_number;
pub mod conflicting_title;
pub mod duplicate_heading;
pub mod duplicate_paragraph;
pub mod duplicate_sentence;
pub mod empty_section;
pub mod glued_possessive;
pub mod heading_case;
pub mod heading_ends_with_period;
pub mod heading_level_skip;
pub mod hyphenated_ly_adverb;
pub mod inconsistent_capitalization;
pub mod list_numbering;
pub mod lowercase_proper_noun;
pub mod lowercase_sentence_start;
pub mod missing_space;
pub mod misspelled_word;
pub mod mixed_dash_style;
pub mod mixed_list_markers;
pub mod mixed_percent_style;
pub mod mixed_quote_style;
pub mod repeated_word;
pub mod section_missing_from_toc;
pub mod single_item_list;
pub mod spelling_variant;
pub mod table_cell_count;
pub mod table_empty_header;
pub mod table_missing_delimiter;
pub mod template_residue;
pub mod toc_entry_without_section;
pub mod toc_numbering;
pub mod toc_out_of_order;
pub mod truncated_ending;
pub mod unbalanced_delimiter;
pub mod weekday_date_mismatch;

/// A rule's identity and documentation. The page's rule list, the CLI's `--rules` and the docs read this.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleMeta {
    /// Kebab-case, names the problem: `missing-space`.
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// What it does, in a few sentences.
    pub what: &'static str,
    /// Why is this bad?
    pub why: &'static str,
    /// Text the rule flags.
    pub example: &'static str,
    /// The same text, fixed: the rule stays silent on it.
    pub use_instead: &'static str,
}

/// A rule: its metadata and its check.
pub struct Rule {
    pub meta: RuleMeta,
    pub check: fn(&Document, &mut Vec<Finding>),
}

/// Lowercase form of a word for comparisons.
/// The next char of `s` at or after byte `from` whose first byte is one of `starts`, with its offset: a
/// scan that jumps to the few characters a rule reads (a dash's first byte is 0xE2) and skips the rest.
pub(crate) fn next_char_among(s: &str, from: usize, starts: &[u8]) -> Option<(usize, char)> {
    let at = from + s.as_bytes()[from..].iter().position(|b| starts.contains(b))?;
    Some((at, char_at(s, at)?))
}

/// The char that starts at byte `i` of `s` (`None` at the end).
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

/// The char that ends at byte `i` of `s` (`None` at the start).
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

pub(crate) fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// The word with its first letter upper-cased.
pub(crate) fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether the word at `range` is glued to something that makes it a handle, tag, path, file or code
/// name rather than prose: `#tuesday`, `@paris`, `/moscow`, `tokyo.txt`, `paris_v2`, `china()`.
pub(crate) fn glued_to_non_prose(doc: &Document, range: &Range<usize>) -> bool {
    let before = doc.text[..range.start].chars().next_back();
    let mut after = doc.text[range.end..].chars();
    let (next, then) = (after.next(), after.next());
    matches!(before, Some('#' | '@' | '/' | '\\' | '_' | '.' | '$' | '~' | '=' | '<' | '`'))
        || matches!(next, Some('_' | '@' | '/' | '\\' | '(' | '`' | '='))
        || (matches!(next, Some('.' | ':')) && then.is_some_and(char::is_alphanumeric))
}

/// Shortens `s` to at most `max` chars for quoting in a message, marking the cut with "…".
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
    }
}

/// Levenshtein distance between two sequences (chars of a word, words of a title).
pub(crate) fn edit_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A number written in digits, as one or more words: "15", "1.3", "2,500", "1,200.5".
#[derive(Debug, Clone)]
pub(crate) struct Number {
    /// Indexes into `Document::words`, first to one past the last.
    pub words: Range<usize>,
    pub range: Range<usize>,
    pub value: f64,
}

/// The number whose first word is `doc.words[first]`, if that word is all ASCII digits. A word glued to
/// the previous one by "." or "," continues that number and is not a start: callers walk forward and
/// skip to `words.end`.
pub(crate) fn number_at(doc: &Document, first: usize) -> Option<Number> {
    let word = doc.words.get(first)?;
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if word.protected || !is_digits(doc.slice(&word.range)) {
        return None;
    }
    let (mut end, mut decimal) = (first + 1, false);
    while let Some(next) = doc.words.get(end) {
        let gap = doc.slice(&(doc.words[end - 1].range.end..next.range.start));
        let text = doc.slice(&next.range);
        let joins = next.block == word.block
            && is_digits(text)
            && ((gap == "." && !decimal) || (gap == "," && !decimal && text.len() == 3));
        if !joins {
            break;
        }
        decimal |= gap == ".";
        end += 1;
    }
    let range = word.range.start..doc.words[end - 1].range.end;
    let value = crate::decimal::parse_decimal(&doc.slice(&range).replace(',', ""))?;
    Some(Number { words: first..end, range, value })
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the pass/fail lists at the end of each rule file.
    use super::Rule;
    use crate::document::Document;
    use crate::report::Finding;

    /// `count` strings of fewer than `max_pieces` pieces each, drawn by a fixed xorshift64 sequence from
    /// `seed`: inputs for the tests that compare a hand-written matcher with the regex it replaces.
    pub fn strings_from(pieces: &[&str], count: usize, max_pieces: u64, mut seed: u64) -> Vec<String> {
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..count).map(|_| (0..next() % max_pieces).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()).collect()
    }

    /// The findings of one rule on `text`.
    pub fn run(rule: &Rule, text: &str) -> Vec<Finding> {
        let doc = Document::parse(text);
        let mut out = Vec::new();
        (rule.check)(&doc, &mut out);
        out
    }

    /// The flagged excerpts of one rule on `text`.
    pub fn flagged<'t>(rule: &Rule, text: &'t str) -> Vec<&'t str> {
        run(rule, text).into_iter().map(|f| &text[f.range]).collect()
    }

    /// Asserts that every text in `clean` yields no finding.
    pub fn assert_clean(rule: &Rule, clean: &[&str]) {
        for text in clean {
            let found = run(rule, text);
            assert!(found.is_empty(), "{} fired on {text:?}: {found:?}", rule.meta.id);
        }
    }
}
