//! Word lists the model and the rules embed from `data/`, parsed once on first use.
//!
//! Lists are lowercase; lookups take the lowercase form. Parsing is cheap (a few hundred words) and
//! happens at most once per process or wasm instance.

use crate::hash::HashSet;
use std::sync::OnceLock;

const ABBREVIATIONS: &str = crate::data_file!("abbreviations.txt");
const FUNCTION_WORDS: &str = crate::data_file!("function-words.txt");

/// How an abbreviation's full stop behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// "Dr." and "e.g.": the sentence always goes on.
    NeverEnds,
    /// "etc." and "U.S.": a new sentence starts if the next word is capitalised.
    MayEnd,
}

struct Abbreviations {
    never_end: HashSet<&'static str>,
    may_end: HashSet<&'static str>,
}

fn abbreviations() -> &'static Abbreviations {
    static LIST: OnceLock<Abbreviations> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut never_end = HashSet::default();
        let mut may_end = HashSet::default();
        let mut section = "";
        for line in ABBREVIATIONS.lines().map(str::trim) {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let target = if section == "[never-end]" { &mut never_end } else { &mut may_end };
            target.extend(line.split_whitespace());
        }
        Abbreviations { never_end, may_end }
    })
}

/// Classifies the word standing before a full stop (without the stop), e.g. `Dr`, `U.S`, `J`.
pub fn abbreviation_kind(word: &str) -> Option<AbbreviationKind> {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first = letters.next()?;
    let single_letter = letters.next().is_none() && word.chars().count() == 1;
    if single_letter && first.is_uppercase() {
        // An initial: "J. R. R. Tolkien", "George W. Bush".
        return Some(AbbreviationKind::NeverEnds);
    }
    let lower = word.to_lowercase();
    let list = abbreviations();
    if list.never_end.contains(lower.as_str()) {
        return Some(AbbreviationKind::NeverEnds);
    }
    if list.may_end.contains(lower.as_str()) || is_dotted(word) {
        return Some(AbbreviationKind::MayEnd);
    }
    None
}

/// "U.S", "Ph.D", "a.m": letters separated by single dots.
fn is_dotted(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| !part.is_empty() && part.chars().count() <= 2 && part.chars().all(char::is_alphabetic))
}

fn function_words() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        FUNCTION_WORDS.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect()
    })
}

/// True for a lowercase article, preposition, conjunction or auxiliary: no sentence ends on one.
pub fn is_function_word(word: &str) -> bool {
    function_words().contains(word)
}

/// Calls `f` with `word` in lowercase: the word itself when it is lowercase ASCII already (most words
/// are), else a short ASCII word is lowered on the stack, not allocated.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return f(word);
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).unwrap_or_default())
        }
        None => f(&word.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_abbreviations() {
        assert_eq!(abbreviation_kind("Dr"), Some(AbbreviationKind::NeverEnds));
        assert_eq!(abbreviation_kind("e.g"), Some(AbbreviationKind::NeverEnds));
        assert_eq!(abbreviation_kind("J"), Some(AbbreviationKind::NeverEnds));
        assert_eq!(abbreviation_kind("U.S"), Some(AbbreviationKind::MayEnd));
        assert_eq!(abbreviation_kind("etc"), Some(AbbreviationKind::MayEnd));
        assert_eq!(abbreviation_kind("Ph.D"), Some(AbbreviationKind::MayEnd));
        assert_eq!(abbreviation_kind("Washington"), None);
        assert_eq!(abbreviation_kind("a"), None, "lowercase single letters are words, not initials");
        assert_eq!(abbreviation_kind("2024"), None);
    }

    #[test]
    fn with_lowercase_gives_what_to_lowercase_gives() {
        let long = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        for word in ["tariff", "Tariff", "NATO", "it's", "été", "ÉTÉ", "İstanbul", long, &long.to_lowercase(), ""] {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn function_words_are_lowercase_only() {
        assert!(is_function_word("the"));
        assert!(!is_function_word("May"));
        assert!(!is_function_word("tariff"));
    }
}
