//! `heading-case`: a heading capitalised differently from the article's other headings.
//!
//! Learns the article's own style instead of imposing one. The title (level 1) is left out: it is often
//! styled apart from the section headings. Each heading is read word by word, skipping
//! its first word (and the first word after a colon or dash), minor words (articles, short prepositions,
//! conjunctions), acronyms, words with digits or inner capitals ("iPhone"). What remains is evidence:
//! - a lowercase word ("chapter") is sentence-case evidence;
//! - a capitalised word that the article's own prose writes in lowercase ("Relations", when the text says
//!   "relations"), or a capitalised minor word ("Of"), is Title Case evidence. A capitalised word the prose never lowercases may be a name
//!   ("Tokyo", "Takaichi") and counts for nothing.
//!
//! A heading with only Title Case evidence is Title Case, one with only lowercase words is sentence case,
//! one with both, or with more capitalised words of any kind than lowercase ones, is mixed. When at least two headings share a style and outnumber the other style two
//! to one, the odd ones out are flagged: a whole heading in the minority style, or the stray words of a
//! mixed heading ("A New chapter in Bilateral Relations"). Questions are left alone when they are in
//! sentence case: FAQ-style questions are conventionally written so even among Title Case headings.
//! Identifiers ("page_title"), a word in emphasis (a literal name: "The *tests* Directory") and the tail
//! of a hyphenated compound ("Re-exporting") are not read.

use super::{capitalize, glued_to_non_prose, Rule, RuleMeta};
use crate::document::lexicon::is_function_word;
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "heading-case",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A heading's capitalisation differs from the article's other headings.",
        what: "Infers whether the article's headings use Title Case or sentence case from the headings themselves, then flags a heading written the other way, or a lowercase word inside a Title Case heading (and a capitalised common word inside a sentence-case one).",
        why: "Mixed heading styles look careless, and a single lowercase word in a Title Case heading usually marks a heading that was retyped or pasted from elsewhere.",
        example: "Costs\nThe line costs €480 million, and costs keep rising.\nRiders and Fares\nMore riders pay lower fares than before.\nA New chapter for Trams\nEvery chapter of the plan is public.\nWhat Comes Next\nNext comes the second line.",
        use_instead: "Costs\nThe line costs €480 million, and costs keep rising.\nRiders and Fares\nMore riders pay lower fares than before.\nA New Chapter for Trams\nEvery chapter of the plan is public.\nWhat Comes Next\nNext comes the second line.",
    },
    check,
};

/// Words Title Case leaves in lowercase, besides the function words of the lexicon.
const MINOR_WORDS: &[&str] = &[
    "vs", "v", "so", "yet", "off", "up", "out", "over", "down", "near", "past", "till", "until", "amid", "like", "onto", "toward",
    "towards", "across", "after", "against", "along", "around", "before", "behind", "below", "beneath", "beside", "beyond", "despite",
    "inside", "outside", "since", "under", "versus", "whether", "de", "la", "le", "van", "von", "der", "da", "del", "di", "du", "e",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Title,
    Sentence,
    Mixed,
    Unknown,
}

struct Read {
    content: Range<usize>,
    style: Style,
    /// Lowercase content words.
    lower: Vec<Range<usize>>,
    /// Capitalised words the prose writes in lowercase.
    capitalized: Vec<Range<usize>>,
    question: bool,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let reads: Vec<Read> = doc
        .blocks
        .iter()
        .filter(|b| matches!(&b.kind, BlockKind::Heading(h) if !h.is_toc_title && h.level > 1))
        .map(|b| read(doc, b.content.clone(), b.words.clone()))
        .collect();
    let count = |style: Style| reads.iter().filter(|r| r.style == style && !(style == Style::Sentence && r.question)).count();
    let (title, sentence) = (count(Style::Title), count(Style::Sentence));
    let majority = if title >= 2 && title >= 2 * sentence {
        Style::Title
    } else if sentence >= 2 && sentence >= 2 * title {
        Style::Sentence
    } else {
        return;
    };
    for r in &reads {
        let heading = doc.slice(&r.content);
        match (majority, r.style) {
            (Style::Title, Style::Sentence) if !r.question => out.push(
                Finding::new(r.content.clone(), format!("“{heading}” is in sentence case, but the article's other headings use Title Case."))
                    .suggest(recase(doc, &r.content, &r.lower, true)),
            ),
            (Style::Sentence, Style::Title) => out.push(
                Finding::new(r.content.clone(), format!("“{heading}” is in Title Case, but the article's other headings use sentence case."))
                    .suggest(recase(doc, &r.content, &r.capitalized, false)),
            ),
            (Style::Title, Style::Mixed) => {
                for word in &r.lower {
                    let w = doc.slice(word);
                    out.push(Finding::new(word.clone(), format!("“{w}” is lowercase in a Title Case heading: “{heading}”.")).suggest(capitalize(w)));
                }
            }
            (Style::Sentence, Style::Mixed) => {
                for word in &r.capitalized {
                    let w = doc.slice(word);
                    out.push(Finding::new(word.clone(), format!("“{w}” is capitalised in a sentence-case heading: “{heading}”.")).suggest(w.to_lowercase()));
                }
            }
            _ => {}
        }
    }
}

fn read(doc: &Document, content: Range<usize>, words: Range<usize>) -> Read {
    let mut lower = Vec::new();
    let mut capitalized = Vec::new();
    let mut names_or_unknown = 0usize;
    let mut starts_phrase = true;
    let mut previous_end = content.start;
    for word in doc.words_in(&words).iter().filter(|w| !w.protected) {
        let gap = doc.slice(&(previous_end..word.range.start));
        previous_end = word.range.end;
        if gap.contains([':', '–', '—', '?', '!']) || gap.contains(" - ") {
            starts_phrase = true;
        }
        let text = doc.slice(&word.range);
        let first_of_phrase = std::mem::replace(&mut starts_phrase, false);
        // Not the heading's words but a name or a compound's tail: "page_title", "*tests*" (a literal
        // name in emphasis) and "Re-exporting" (a prefix keeps the rest lowercase in Title Case).
        let before = doc.text[..word.range.start].chars().next_back();
        if glued_to_non_prose(doc, &word.range) || matches!(before, Some('*' | '-' | '‐')) {
            continue;
        }
        let key = text.to_lowercase();
        let mut chars = text.chars();
        let Some(first) = chars.next() else { continue };
        let rest_has_capital = chars.clone().any(char::is_uppercase);
        if first_of_phrase || !first.is_alphabetic() || rest_has_capital || text.chars().any(|c| c.is_ascii_digit()) || text.contains('.') {
            continue;
        }
        if is_function_word(&key) || MINOR_WORDS.contains(&key.as_str()) || text.chars().count() == 1 {
            // "Costs Of New Lines": only Title Case capitalises a minor word.
            if first.is_uppercase() && text.chars().count() > 1 {
                capitalized.push(word.range.clone());
            }
            continue;
        }
        if first.is_lowercase() {
            lower.push(word.range.clone());
        } else if first.is_uppercase() {
            let case = doc.body_case(&key);
            if case.lower > case.capitalized {
                capitalized.push(word.range.clone());
            } else {
                names_or_unknown += 1;
            }
        }
    }
    // A heading with more capitalised words than lowercase ones leans Title Case even when the
    // capitalised words never appear in the prose ("A New chapter for Trams").
    let style = match (lower.is_empty(), capitalized.is_empty()) {
        (true, true) => Style::Unknown,
        (true, false) => Style::Title,
        (false, true) if names_or_unknown > lower.len() => Style::Mixed,
        (false, true) => Style::Sentence,
        (false, false) => Style::Mixed,
    };
    let question = doc.slice(&content).trim_end().ends_with('?');
    Read { content, style, lower, capitalized, question }
}

/// The heading with the given words capitalised (`to_title`) or lowercased.
fn recase(doc: &Document, content: &Range<usize>, words: &[Range<usize>], to_title: bool) -> String {
    let mut out = String::new();
    let mut at = content.start;
    for word in words {
        out.push_str(doc.slice(&(at..word.start)));
        let w = doc.slice(word);
        out.push_str(&if to_title { capitalize(w) } else { w.to_lowercase() });
        at = word.end;
    }
    out.push_str(doc.slice(&(at..content.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    const TITLE_ARTICLE: &str = "Intro about costs, riders, fares, plans and the chapter ahead.\nRising Costs\nText about costs.\nRiders and Fares\nText about riders.\nA New chapter for Trams\nText.\nHow long will the works last?\nTwo years.\nWhere the money goes\nText.\n";

    #[test]
    fn flags_the_odd_ones_out_of_a_title_case_article() {
        assert_eq!(flagged(&RULE, TITLE_ARTICLE), ["chapter", "Where the money goes"]);
        let found = run(&RULE, TITLE_ARTICLE);
        assert_eq!(found[0].message, "“chapter” is lowercase in a Title Case heading: “A New chapter for Trams”.");
        assert_eq!(found[0].suggestions, ["Chapter"]);
        assert_eq!(found[1].suggestions, ["Where the Money Goes"]);
    }

    #[test]
    fn flags_title_case_in_a_sentence_case_article() {
        let text = "# Trams\n\nThe plan covers new lines, costs and riders.\n\n## How the new lines work\n\nText.\n\n## What riders pay\n\nText.\n\n## Costs Of New Lines\n\nText.\n";
        assert_eq!(flagged(&RULE, text), ["Costs Of New Lines"]);
    }

    #[test]
    fn names_minor_words_and_unclear_majorities_are_clean() {
        assert_clean(
            &RULE,
            &[
                // Names stay capitalised in sentence case: "Eastgate" and "Tokyo" never appear lowercase.
                "# Trams\n\nText about lines.\n\n## How the Eastgate line works\n\nText.\n\n## Why Tokyo built more lines\n\nText.\n",
                // Minor words, acronyms, numbers and words after a colon.
                "Intro about costs and riders.\nCosts in the Year 2024\nText.\nRiders vs Fares: a Look at NASA and iPhone Users\nText.\n",
                // One heading each way: no majority.
                "Intro about costs and riders.\nRising Costs\nText.\nWhat riders pay\nText.\n",
                // Identifiers, a literal name in emphasis and a prefixed compound in Title Case.
                "# Book\n\nThe page title, the tests and the names we export.\n\n## Defining the page_title Function\n\nText.\n\n## The *tests* Directory\n\nText.\n\n## Re-exporting Names Again\n\nText.\n\n## Bringing Paths Into Scope\n\nText.\n",
            ],
        );
    }
}
