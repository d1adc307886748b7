//! `missing-space`: punctuation glued to the next word ("Washington.Her", "challenges,with").
//!
//! Reads pairs of neighbouring words in a block and the bytes between them. Only gaps made of optional
//! closing brackets or quotes plus one of `. , ; ! ?` count. Never fires inside URLs, e-mail addresses,
//! file names or code (their words are protected), on numbers ("3.5", "1,000"), on dotted abbreviations
//! ("U.S.", "e.g.") or on a full stop before a lowercase word unless a dotted abbreviation precedes it
//! ("U.S.commitment"), since "example.com"-like forms are too common to guess at.

use super::{Rule, RuleMeta};
use crate::document::{Document, Word};
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "missing-space",
        category: Category::Mechanics,
        severity: Severity::Warning,
        summary: "No space after a full stop, comma, semicolon, question or exclamation mark.",
        what: "Flags punctuation that is glued to the next word, as in “Washington.Her” or “challenges,with”. Numbers, abbreviations, web addresses, e-mail addresses, file names and code are left alone.",
        why: "Text assembled from several sources often loses the space between sentences. Readers stumble, search engines and screen readers treat the two words as one, and the text looks machine-made.",
        example: "The talks ended in Washington.Her team flew home with new challenges,with more to come.",
        use_instead: "The talks ended in Washington. Her team flew home with new challenges, with more to come.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for block in &doc.blocks {
        let words = doc.words_in(&block.words);
        for i in 1..words.len() {
            let (a, b) = (&words[i - 1], &words[i]);
            if a.protected || b.protected {
                continue;
            }
            let gap = &doc.text[a.range.end..b.range.start];
            let Some(punct) = glued_punctuation(gap) else { continue };
            let before = i.checked_sub(2).map(|k| &words[k]);
            if is_missing_space(doc, punct, before, a, b) {
                let range = a.range.start..b.range.end;
                let flagged = doc.slice(&range);
                out.push(
                    Finding::new(range.clone(), format!("No space after “{punct}” in “{flagged}”."))
                        .suggest(format!("{}{gap} {}", doc.slice(&a.range), doc.slice(&b.range))),
                );
            }
        }
    }
}

/// The punctuation mark of a gap like `.`, `).`, `”,` or `.”`; `None` for any other gap. After the mark
/// only unambiguous closers count: a straight quote there could as well open the next quotation.
fn glued_punctuation(gap: &str) -> Option<char> {
    let core = gap.trim_start_matches([')', ']', '”', '’', '"', '\'']).trim_end_matches([')', ']', '”', '’']);
    let mut chars = core.chars();
    let punct = chars.next()?;
    (chars.next().is_none() && matches!(punct, '.' | ',' | ';' | '!' | '?')).then_some(punct)
}

fn is_missing_space(doc: &Document, punct: char, before: Option<&Word>, a: &Word, b: &Word) -> bool {
    let a_text = doc.slice(&a.range);
    let b_text = doc.slice(&b.range);
    let Some(b_first) = b_text.chars().next() else { return false };
    if !b_first.is_alphabetic() {
        return false;
    }
    let b_len = b_text.chars().count();
    let a_len = a_text.chars().count();
    match punct {
        '.' => {
            if b_len == 1 {
                // "U.S", "e.g", "a.m": the dots of an abbreviation.
                return false;
            }
            let ends_dotted_abbreviation = a_len == 1 && before.is_some_and(|p| &doc.text[p.range.end..a.range.start] == ".");
            if ends_dotted_abbreviation {
                return b_text.chars().all(char::is_lowercase) || is_capitalized(b_text);
            }
            is_capitalized(b_text)
        }
        ',' | ';' => {
            let is_entity = punct == ';' && doc.text[..a.range.start].ends_with('&');
            // "TL;DR", "A,B": capitals on both sides are a code or a list of symbols, not a clause.
            let all_caps = |w: &str| w.chars().all(|c| !c.is_lowercase());
            !(is_entity || (a_len == 1 && b_len == 1) || (all_caps(a_text) && all_caps(b_text)))
        }
        _ => a_len >= 2 && is_capitalized(b_text),
    }
}

/// "Her", "According": an uppercase letter followed by a lowercase one.
fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_glued_sentences_and_clauses() {
        assert_eq!(flagged(&RULE, "It was agreed in Washington.Her team left."), ["Washington.Her"]);
        assert_eq!(flagged(&RULE, "They face challenges,with optimism."), ["challenges,with"]);
        assert_eq!(flagged(&RULE, "The Self-Defense Forces (JSDF).This matters."), ["JSDF).This"]);
        assert_eq!(flagged(&RULE, "a reaffirmation of the U.S.commitment to Japan."), ["S.commitment"]);
        assert_eq!(flagged(&RULE, "quantum computing,biotechnology,and energy."), ["computing,biotechnology", "biotechnology,and"]);
        assert_eq!(flagged(&RULE, "Who knew?Nobody did."), ["knew?Nobody"]);
        assert_eq!(flagged(&RULE, "It rained;then it stopped."), ["rained;then"]);
        assert_eq!(flagged(&RULE, "“We agree.”Then it ended."), ["agree.”Then"]);
    }

    #[test]
    fn suggests_the_text_with_a_space() {
        let found = run(&RULE, "in Washington.Her team");
        assert_eq!(found[0].suggestions, ["Washington. Her"]);
        assert_eq!(found[0].message, "No space after “.” in “Washington.Her”.");
    }

    #[test]
    fn leaves_numbers_abbreviations_links_and_code_alone() {
        assert_clean(
            &RULE,
            &[
                "The U.S. and the U.K. agreed, e.g. on trade.",
                "Inflation was 3.5 percent on 1,000 items at 10:30 a.m. today.",
                "See example.com/a.b or write to jane.doe@example.org for details.",
                "Visit https://example.com/path?q=A,B and www.Example.com today.",
                "Wait... what happened?",
                "TL;DR: it works. Keys A,B and C;D are symbols.",
                "J. R. R. Tolkien wrote it. J.R.R. Tolkien did.",
                "The U.S.-Japan alliance is old.",
                "Run `config.Load` or `a,b` in the shell.",
                "Use index.html and README.md files.",
                "Points x,y and A,B are plotted.",
                "The &amp;nbsp; entity stays.",
                "ASP.NET and Node.js are frameworks.",
                "Version 2.0.1 shipped.",
            ],
        );
    }
}
