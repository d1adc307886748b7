//! `lowercase-sentence-start`: a sentence that begins with a lowercase letter.
//!
//! Reads the sentences of paragraphs and list items. The first sentence of a list item is exempt (items
//! are often fragments: "- use the old key"), and so is the first sentence of a paragraph that follows a
//! line ending mid-sentence, a list or a code block (the sentence may go on after them). A word the
//! article writes in lowercase in a heading too ("# ureq") is a name styled that way. Words with a capital inside (iPhone, eBay), protected words (URLs, code),
//! code-like tokens (`foo()`, `x=1`) and name particles before a capitalised name (de Gaulle, van Gogh)
//! are never flagged, nor is a byline opening its block ("*by Jane Roe*"), nor a sentence that opens with an ellipsis ("…except when"),
//! which continues the one before it. Abbreviations do not end sentences in the model, so "e.g. the" is one sentence.

use super::{capitalize, excerpt, Rule, RuleMeta};
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use crate::hash::HashSet;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "lowercase-sentence-start",
        category: Category::Mechanics,
        severity: Severity::Warning,
        summary: "A sentence starts with a lowercase letter.",
        what: "Flags a sentence whose first word begins with a lowercase letter after a full stop, question or exclamation mark. Abbreviations such as “e.g.” and “U.S.”, brand names such as “iPhone”, name particles such as “de Gaulle”, code and list items written as fragments are left alone.",
        why: "A lowercase start usually means two texts were joined, a sentence was cut, or a full stop replaced a comma. Readers lose the sentence boundary.",
        example: "The deal was signed on Monday. these agreements include new investment.",
        use_instead: "The deal was signed on Monday. These agreements include new investment.",
    },
    check,
};

/// Lowercase particles that begin names: "de Gaulle", "van Gogh", "al-Assad".
const NAME_PARTICLES: &[&str] = &["de", "van", "von", "der", "den", "du", "da", "di", "dos", "das", "le", "la", "al", "el", "bin", "ibn", "ten", "ter"];

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let mut lowercase_heading_words: Option<HashSet<&str>> = None;
    for (index, block) in doc.blocks.iter().enumerate() {
        let is_list_item = match block.kind {
            BlockKind::ListItem(_) => true,
            BlockKind::Paragraph => false,
            _ => continue,
        };
        for (k, sentence) in doc.sentences[block.sentences.clone()].iter().enumerate() {
            if k == 0 && (is_list_item || !follows_complete_sentence(doc, index)) {
                continue;
            }
            let words = doc.words_in(&sentence.words);
            let Some(first) = words.first() else { continue };
            let lead = &doc.text[sentence.range.start..first.range.start];
            if first.protected || lead.chars().any(|c| c.is_alphanumeric() || matches!(c, '`' | '$' | '<' | '/' | '[' | '(' | ':' | '…' | '.' | '\\')) {
                continue;
            }
            let word = doc.slice(&first.range);
            // A lowercase letter with a capital: "º" and "ª" are lowercase but have none to suggest.
            let starts_lowercase = word.chars().next().is_some_and(|c| c.is_lowercase() && !c.to_uppercase().eq([c]));
            if !starts_lowercase || word.chars().any(char::is_uppercase) || looks_like_code(doc, first.range.end) {
                continue;
            }
            let next_capitalized = words.get(1).is_some_and(|w| doc.slice(&w.range).chars().next().is_some_and(char::is_uppercase));
            let joined_particle = doc.text[first.range.end..].starts_with(['-', '\'']);
            if NAME_PARTICLES.contains(&word) && (next_capitalized || joined_particle) {
                continue;
            }
            // A byline opening its block: "by Steve Klabnik and Carol Nichols".
            if k == 0 && word == "by" && next_capitalized {
                continue;
            }
            // A name the article writes in lowercase even in a heading ("# ureq", "## webpki"): its style.
            let lowercase_in_headings = lowercase_heading_words.get_or_insert_with(|| {
                doc.headings().flat_map(|(b, _)| doc.words_in(&b.words)).map(|w| doc.slice(&w.range)).filter(|w| w.starts_with(char::is_lowercase)).collect()
            });
            if lowercase_in_headings.contains(word) {
                continue;
            }
            out.push(
                Finding::new(first.range.clone(), format!("Sentence starts with a lowercase letter: “{}”.", excerpt(doc.slice(&sentence.range), 40)))
                    .suggest(capitalize(word)),
            );
        }
    }
}

/// The paragraph before ends a sentence (or there is none, or it is a heading or a table). After a list
/// or a code block the sentence may go on: "Licensed under either of" · list · "at your option."
fn follows_complete_sentence(doc: &Document, index: usize) -> bool {
    match doc.previous_non_blank(index) {
        Some(prev) if prev.kind == BlockKind::Paragraph => {
            let text = doc.slice(&prev.content).trim_end_matches(['"', '”', '’', ')', ']', '*', '_']);
            text.ends_with(['.', '!', '?', '…'])
        }
        Some(prev) => !matches!(prev.kind, BlockKind::ListItem(_) | BlockKind::CodeBlock),
        None => true,
    }
}

/// `foo(`, `x=`, `obj.method`, `snake_case`: a code token rather than a word.
fn looks_like_code(doc: &Document, word_end: usize) -> bool {
    let mut after = doc.text[word_end..].chars();
    match after.next() {
        Some('(' | '=' | '_' | '[' | '{' | '<' | '/') => true,
        Some('.') => after.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_lowercase_after_a_sentence_end() {
        assert_eq!(flagged(&RULE, "The deal was signed. these agreements include more."), ["these"]);
        assert_eq!(flagged(&RULE, "Is it true? yes, it is."), ["yes"]);
        assert_eq!(flagged(&RULE, "First paragraph ends here.\n\nsecond paragraph starts low."), ["second"]);
        assert_eq!(flagged(&RULE, "- item one\n- Item two. then more."), ["then"]);
        let found = run(&RULE, "It ended. these agreements include more.");
        assert_eq!(found[0].suggestions, ["These"]);
        assert_eq!(found[0].message, "Sentence starts with a lowercase letter: “these agreements include more.”.");
    }

    #[test]
    fn leaves_abbreviations_brands_particles_code_and_fragments_alone() {
        assert_clean(
            &RULE,
            &[
                "Take fruit, e.g. apples. Or pears, i.e. the green ones.",
                "Licensed under either of\n\n- Apache License 2.0\n- MIT license\n\nat your option.",
                "Add the crate.\n\n```\ncargo add ureq\n```\n\nor add this to your manifest.",
                "# ureq\n\nA small client. ureq supports proxies.",
                "The map is fast. (enabled by default) It grows.",
                "The U.S. economy grew. It met Dr. Smith at 10 a.m. on Monday.",
                "Apple sold it. iPhone sales rose. eBay listed it.",
                "France mourned. de Gaulle had died. van Gogh painted.",
                "- use the old key\n- keep the new one",
                "Call it. `npm install` works. foo() returns. x=1 is set.",
                "He said “Stop!” and left. “Wait!” she cried.",
                "It went on... and on.",
                "It works! …except when it does not. It works. ...unless it fails.",
                "# The Book\n\n*by Jane Roe and John Doe, with help from readers*\n\nThis version assumes Rust 1.85.",
                "The line breaks here,\nand goes on.",
                "He waited. 3 days passed.",
                "See https://example.com. www.example.com is the site.",
            ],
        );
    }
}
