//! Acronyms: where the article defines them and where it uses them, found in one pass over the words.
//!
//! A *definition* is an acronym next to its expansion in parentheses, either way round: "Liberal
//! Democratic Party (LDP)" or "LDP (Liberal Democratic Party)". The acronym is 2–8 ASCII capitals or
//! digits, with a few lowercase letters allowed ("IoT", "DoD": no more lowercase than capitals) and an
//! optional plural "s" ("NGOs"). The expansion must spell the acronym with its words' initials, in order:
//! function words ("of", "and", "the", "for", …) may be skipped or may supply a letter, a hyphenated word
//! gives one letter per part ("Self-Defense" → S, D) or only its first part ("Co-operation" → C), and
//! the first and last words must supply the first and last letters. Letters taken from inside a word
//! ("XML" for "Extensible Markup Language") are not matched: guessing them would make "(see below)" and
//! the like look like definitions, so such acronyms are simply not seen as defined. A parenthesis that
//! holds anything other than the acronym alone, or an expansion alone, is not a definition ("(2023)",
//! "(Reuters)", "(the LDP, in power since 1955)").
//!
//! A *use* is any other occurrence of the acronym as a whole word, case-sensitive, plural ("LDPs") and
//! possessive ("LDP's") included; its range covers the acronym itself. Words in code, URLs and link
//! targets are skipped, as the document model marks them protected.
//!
//! Definitions and uses are collected wherever there are words: headings, paragraphs, list items and
//! table cells. The rules decide which places matter (uses in headings before the definition are
//! fine, for instance). Cost: one pass over the words; each parenthesised acronym looks at most a dozen
//! words around it.

use super::{BlockKind, Document};
use crate::hash::HashMap;
use std::ops::Range;

/// Every acronym definition and use in the article.
#[derive(Debug, Default)]
pub struct Acronyms {
    /// Every definition, in text order.
    pub definitions: Vec<Definition>,
    /// Acronym → its occurrences that are not definitions, in text order.
    uses: HashMap<String, Vec<AcronymUse>>,
}

/// "Liberal Democratic Party (LDP)" or "LDP (Liberal Democratic Party)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The acronym without a plural "s": "LDP".
    pub acronym: String,
    /// Where the acronym is written (without a plural "s").
    pub acronym_range: Range<usize>,
    /// The expansion's words, first to last: "Liberal Democratic Party".
    pub expansion: Range<usize>,
    /// Expansion and acronym with the parentheses: "Liberal Democratic Party (LDP)".
    pub range: Range<usize>,
    /// True for "Expansion (ACR)", false for "ACR (Expansion)".
    pub acronym_in_parentheses: bool,
    /// Index into `Document::blocks`.
    pub block: usize,
}

/// An occurrence of a defined-looking acronym that is not a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcronymUse {
    /// The acronym itself: "LDP" in "LDPs" or "LDP's".
    pub range: Range<usize>,
    /// Index into `Document::words`.
    pub word: usize,
    /// The word is the acronym alone, neither plural nor possessive.
    pub bare: bool,
}

impl Acronyms {
    /// The uses of `acronym`, in text order.
    pub fn uses(&self, acronym: &str) -> &[AcronymUse] {
        self.uses.get(acronym).map_or(&[], Vec::as_slice)
    }

    /// The definitions grouped by acronym, groups in order of their first definition.
    pub fn by_acronym(&self) -> Vec<Vec<&Definition>> {
        let mut index: HashMap<&str, usize> = HashMap::default();
        let mut groups: Vec<Vec<&Definition>> = Vec::new();
        for d in &self.definitions {
            let i = *index.entry(d.acronym.as_str()).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[i].push(d);
        }
        groups
    }
}

/// Words that may sit inside an expansion without giving a letter.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "de", "del", "der", "des", "du", "et", "for", "from", "in", "la", "le", "of", "on", "or", "the", "to", "und", "von", "with", "y",
];

/// At most this many words may be skipped in one expansion.
const MAX_SKIPPED: usize = 4;

/// Whether `word` (any case) may sit in an expansion without giving a letter: "of", "the", "and".
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// "LDP's" → ("LDP", false), "LDPs" → ("LDP", false), "LDP" → ("LDP", true), if the word looks like an
/// acronym at all.
pub fn acronym_of(word: &str) -> Option<(&str, bool)> {
    let stem = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    let possessive = stem.len() != word.len();
    let base = match stem.strip_suffix('s') {
        Some(b) if b.ends_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()) && looks_like_acronym(b) => b,
        _ => stem,
    };
    looks_like_acronym(base).then_some((base, !possessive && base.len() == word.len()))
}

fn looks_like_acronym(s: &str) -> bool {
    let bytes = s.as_bytes();
    if !(2..=8).contains(&bytes.len()) || !bytes[0].is_ascii_uppercase() || !bytes.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
    let lower = bytes.iter().filter(|b| b.is_ascii_lowercase()).count();
    upper >= 2 && lower <= upper
}

/// One word of a candidate expansion, nearest to the acronym first.
struct Candidate {
    initial: char,
    function: bool,
    /// The second or later part of a hyphenated word.
    continuation: bool,
}

/// Whether `letters` (last letter first) can be spelt by `words` (nearest to the acronym first). The
/// nearest word must give the last letter; the word that gives the first letter ends the expansion, and
/// is returned as the number of words used. With `use_all`, every word must be used.
fn spell(letters: &[char], words: &[Candidate], use_all: bool) -> Option<usize> {
    fn go(letters: &[char], words: &[Candidate], wi: usize, li: usize, skipped: usize, use_all: bool) -> Option<usize> {
        if li == letters.len() {
            return (!use_all || wi == words.len()).then_some(wi);
        }
        let word = words.get(wi)?;
        let last_letter = li + 1 == letters.len();
        if word.initial == letters[li] && !(last_letter && word.function) {
            if let Some(n) = go(letters, words, wi + 1, li + 1, skipped, use_all) {
                return Some(n);
            }
        }
        if wi > 0 && li > 0 && (word.function || word.continuation) && skipped < MAX_SKIPPED {
            return go(letters, words, wi + 1, li, skipped + 1, use_all);
        }
        None
    }
    go(letters, words, 0, 0, 0, use_all)
}

/// Whether the text between two words of an expansion keeps them in one name: spaces, a hyphen, or a
/// comma ("Ministry of Economy, Trade and Industry").
fn joins_expansion(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '-' | '‐' | ',')) && gap.matches(',').count() <= 1 && gap.matches('\n').count() <= 1
}

fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "‐")
}

pub(super) fn find(doc: &Document) -> Acronyms {
    let mut acronyms = Acronyms::default();
    for (index, word) in doc.words.iter().enumerate() {
        if word.protected || matches!(doc.blocks[word.block].kind, BlockKind::CodeBlock) {
            continue;
        }
        let written = doc.slice(&word.range);
        let Some((acronym, bare)) = acronym_of(written) else { continue };
        let acronym_range = word.range.start..word.range.start + acronym.len();
        let definition = if bare || written.len() == acronym.len() + 1 {
            defined_before(doc, index, acronym).or_else(|| defined_after(doc, index, acronym))
        } else {
            None
        };
        match definition {
            Some((expansion, range, acronym_in_parentheses)) => acronyms.definitions.push(Definition {
                acronym: acronym.to_string(),
                acronym_range,
                expansion,
                range,
                acronym_in_parentheses,
                block: word.block,
            }),
            None => acronyms.uses.entry(acronym.to_string()).or_default().push(AcronymUse { range: acronym_range, word: index, bare }),
        }
    }
    acronyms
}

/// The acronym's letters, last first (the order [`spell`] reads them).
fn letters(acronym: &str) -> Vec<char> {
    acronym.chars().rev().map(|c| c.to_ascii_lowercase()).collect()
}

fn candidate(doc: &Document, index: usize, continuation: bool) -> Option<Candidate> {
    let word = doc.slice(&doc.words[index].range);
    let initial = word.chars().next()?.to_lowercase().next()?;
    initial.is_alphanumeric().then(|| Candidate { initial, function: is_function_word(word), continuation })
}

/// "Liberal Democratic Party (LDP)": the word at `index` alone in parentheses, after its expansion.
/// Returns the expansion's range and the whole definition's range.
fn defined_before(doc: &Document, index: usize, acronym: &str) -> Option<(Range<usize>, Range<usize>, bool)> {
    let word = &doc.words[index];
    let text = doc.text;
    if !text[..word.range.start].ends_with('(') || !text[word.range.end..].starts_with(')') || index == 0 {
        return None;
    }
    let open = word.range.start - 1;
    let nearest = &doc.words[index - 1];
    // Spaces, or the end of emphasis or a quotation: "*Liberal Democratic Party* (LDP)".
    if nearest.block != word.block || !text[nearest.range.end..open].chars().all(|c| matches!(c, ' ' | '\t' | '*' | '_' | '”' | '"')) {
        return None;
    }
    let letters = letters(acronym);
    let limit = letters.len() + MAX_SKIPPED;
    let mut words: Vec<Candidate> = Vec::with_capacity(limit);
    let mut indexes = Vec::with_capacity(limit);
    let mut i = index - 1;
    loop {
        let w = &doc.words[i];
        if w.protected || w.block != word.block {
            break;
        }
        // Whether this word is the second part of a hyphenated word: look at the gap before it.
        let gap_before = (i > 0 && doc.words[i - 1].block == word.block).then(|| doc.slice(&(doc.words[i - 1].range.end..w.range.start)));
        let Some(c) = candidate(doc, i, gap_before.is_some_and(is_hyphen)) else { break };
        words.push(c);
        indexes.push(i);
        if words.len() == limit || !gap_before.is_some_and(joins_expansion) {
            break;
        }
        i -= 1;
    }
    let used = spell(&letters, &words, false)?;
    let first = &doc.words[indexes[used - 1]];
    Some((first.range.start..nearest.range.end, first.range.start..word.range.end + 1, true))
}

/// "LDP (Liberal Democratic Party)": the word at `index` followed by its expansion alone in parentheses.
fn defined_after(doc: &Document, index: usize, acronym: &str) -> Option<(Range<usize>, Range<usize>, bool)> {
    let word = &doc.words[index];
    let text = doc.text;
    let after = &text[word.range.end..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if spaces == 0 || !after[spaces..].starts_with('(') {
        return None;
    }
    let open = word.range.end + spaces;
    let letters = letters(acronym);
    let limit = letters.len() + MAX_SKIPPED;
    let mut reading: Vec<(usize, bool)> = Vec::with_capacity(limit);
    let mut previous_end = open + 1;
    let mut i = index + 1;
    while let Some(w) = doc.words.get(i).filter(|w| w.block == word.block) {
        let gap = &text[previous_end..w.range.start];
        if gap.contains(')') {
            break;
        }
        let first = reading.is_empty();
        if w.protected || reading.len() == limit || (first && !gap.is_empty()) || (!first && !joins_expansion(gap)) {
            return None;
        }
        reading.push((i, !first && is_hyphen(gap)));
        previous_end = w.range.end;
        i += 1;
    }
    let close = previous_end;
    if reading.is_empty() || !text[close..].starts_with(')') {
        return None;
    }
    let mut words = Vec::with_capacity(reading.len());
    for &(k, continuation) in reading.iter().rev() {
        words.push(candidate(doc, k, continuation)?);
    }
    spell(&letters, &words, true)?;
    let expansion = doc.words[reading[0].0].range.start..doc.words[reading[reading.len() - 1].0].range.end;
    Some((expansion, word.range.start..close + 1, false))
}

#[cfg(test)]
mod tests {
    use super::acronym_of;
    use crate::document::Document;

    fn definitions(text: &str) -> Vec<(String, &str)> {
        let doc = Document::parse(text);
        doc.acronyms().definitions.iter().map(|d| (d.acronym.clone(), &text[d.expansion.clone()])).collect()
    }

    #[test]
    fn acronym_shapes() {
        assert_eq!(acronym_of("LDP"), Some(("LDP", true)));
        assert_eq!(acronym_of("LDPs"), Some(("LDP", false)));
        assert_eq!(acronym_of("LDP's"), Some(("LDP", false)));
        assert_eq!(acronym_of("LDP’s"), Some(("LDP", false)));
        assert_eq!(acronym_of("IoT"), Some(("IoT", true)));
        assert_eq!(acronym_of("G7"), None);
        for no in ["A", "Tokyo", "McDonald", "iPhone", "YouTube", "ABCDEFGHIJ", "Ms", "2023", "Éé"] {
            assert_eq!(acronym_of(no), None, "{no}");
        }
    }

    #[test]
    fn finds_both_forms() {
        assert_eq!(definitions("The Liberal Democratic Party (LDP) won."), [("LDP".to_string(), "Liberal Democratic Party")]);
        assert_eq!(definitions("The Japan Self-Defense Forces (JSDF).This"), [("JSDF".to_string(), "Japan Self-Defense Forces")]);
        assert_eq!(definitions("The LDP (Liberal Democratic Party) won."), [("LDP".to_string(), "Liberal Democratic Party")]);
        assert_eq!(definitions("The Federal Bureau of Investigation (FBI) said."), [("FBI".to_string(), "Federal Bureau of Investigation")]);
        assert_eq!(definitions("The Department of Defense (DoD) said."), [("DoD".to_string(), "Department of Defense")]);
        assert_eq!(definitions("Many non-governmental organizations (NGOs) said."), [("NGO".to_string(), "non-governmental organizations")]);
        assert_eq!(definitions("The Internet of Things (IoT) grows."), [("IoT".to_string(), "Internet of Things")]);
        assert_eq!(
            definitions("The Organisation for Economic Co-operation and Development (OECD) said."),
            [("OECD".to_string(), "Organisation for Economic Co-operation and Development")]
        );
        assert_eq!(definitions("## The Liberal Democratic Party (LDP)\n\nText."), [("LDP".to_string(), "Liberal Democratic Party")]);
    }

    #[test]
    fn other_parentheses_are_not_definitions() {
        for text in [
            "Trade grew (2023).",
            "More on this (see below).",
            "Tokyo said on Monday (AP).",
            "The ruling party (LDP) won.",
            "The LDP (in power since 1955) won.",
            "The LDP (Liberal Democratic Party, in power) won.",
            "Talks were held in a test (IT).",
            "Written in Extensible Markup Language (XML).",
            "The party (Liberal Democratic Party) won.",
            "Code `Liberal Democratic Party (LDP)` here.",
            "Liberal Democratic Party (LDP",
            "LDP (",
            "LDP (Liberal",
        ] {
            assert!(definitions(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn uses_are_whole_words_plurals_and_possessives() {
        let text = "The LDP's leaders and two LDPs met LDPX and the ldp. See `LDP` and https://x.com/LDP here.";
        let doc = Document::parse(text);
        let uses: Vec<&str> = doc.acronyms().uses("LDP").iter().map(|u| &text[u.range.clone()]).collect();
        assert_eq!(uses, ["LDP", "LDP"]);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in ["", "(", ")", "AB", "(AB)", "AB (", "AB ()", "AB ( )", "AB (A B)", "é (ÉÉ)", "X-(AB)", "Ab Cd(AC)", "a b (AB", "AB (Alpha Beta", "Über Straße (ÜS)", "\u{0}(AB)\u{0}", "A\u{301}B (AB)"] {
            let doc = Document::parse(text);
            let _ = doc.acronyms();
        }
    }
}
