//! `repeated-word`: the same word twice in a row ("the the").
//!
//! Reads neighbouring words of a block that are separated by white space only (a comma or a line of
//! table between them means the repetition is deliberate or structural). Case-insensitive; leaves alone
//! numbers, protected words, deliberate doublings ("had had", "that that", "bye bye") and capitalised
//! pairs, which are names ("Walla Walla", "Bora Bora").

use super::{lower, Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "repeated-word",
        category: Category::Mechanics,
        severity: Severity::Warning,
        summary: "The same word twice in a row.",
        what: "Flags a word written twice in a row with only space between, such as “the the”. Grammatical doublings (“had had”, “that that”), numbers and names made of a repeated word (“Walla Walla”) are left alone.",
        why: "A doubled word is almost always an editing slip: the eye skips it when reading back, so it survives into print.",
        example: "The summit ended with with a joint statement.",
        use_instead: "The summit ended with a joint statement.",
    },
    check,
};

/// Doublings that are grammatical or idiomatic.
const DELIBERATE: &[&str] = &["had", "that", "bye", "ha", "haha", "so", "knock", "tut", "chop", "wink", "hush", "blah", "yada", "boo", "tsk", "bang", "choo", "cha", "la", "na", "ho", "hey", "now", "pom", "dum", "there", "very", "many", "more", "no", "yes", "well", "ding", "bla"];

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let ids = doc.vocabulary().ids();
    for block in &doc.blocks {
        for i in block.words.start..block.words.end.saturating_sub(1) {
            let (a, b) = (&doc.words[i], &doc.words[i + 1]);
            // The same lowercase form: the same vocabulary id.
            if ids[i] != ids[i + 1] {
                continue;
            }
            let gap = &doc.text[a.range.end..b.range.start];
            if a.protected || b.protected || gap.is_empty() || !gap.chars().all(char::is_whitespace) {
                continue;
            }
            let (first, second) = (doc.slice(&a.range), doc.slice(&b.range));
            if !first.chars().any(char::is_alphabetic) || DELIBERATE.contains(&lower(first).as_str()) {
                continue;
            }
            let both_capitalized = [first, second].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
            // "the the-atre": the second word is the start of a compound, not a repetition of the first.
            let starts_compound = doc.text[b.range.end..].starts_with(['-', '‐']);
            // "logical AND and": a word in capitals names the operator or acronym, the other is prose.
            let all_caps = |w: &str| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase());
            if both_capitalized || starts_compound || all_caps(first) != all_caps(second) {
                continue;
            }
            let range = a.range.start..b.range.end;
            out.push(Finding::new(range, format!("“{first}” is repeated: “{first}{gap}{second}”.").replace('\n', " ")).suggest(first));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_doubled_words() {
        assert_eq!(flagged(&RULE, "We met in the the spring."), ["the the"]);
        assert_eq!(flagged(&RULE, "The the report was late."), ["The the"]);
        assert_eq!(flagged(&RULE, "It was signed by\nby both sides."), ["by\nby"]);
        let found = run(&RULE, "ended with with a statement");
        assert_eq!(found[0].suggestions, ["with"]);
        assert_eq!(found[0].message, "“with” is repeated: “with with”.");
    }

    #[test]
    fn leaves_deliberate_doublings_names_numbers_and_punctuated_repeats_alone() {
        assert_clean(
            &RULE,
            &[
                "She had had enough. He said that that was fine.",
                "They flew to Walla Walla and Bora Bora.",
                "The scores were 2 2 and 10 10.",
                "Go, go, go! No, no.",
                "| a | a |\n|---|---|\n| b | b |",
                "Run `echo echo` now.",
                "It is true when both are true: a logical AND and a logical OR.",
            ],
        );
    }
}
