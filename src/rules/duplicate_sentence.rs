//! `duplicate-sentence`: a sentence that repeats an earlier sentence word for word.
//!
//! Sentences of [`SENTENCE_MIN_WORDS`] prose words or more are keyed by their normalised words (case, spacing,
//! punctuation and quote style do not matter) and looked up in one map, so the cost is linear. The
//! earlier copy may be in another block or earlier in the same one. Consecutive sentences copied from
//! consecutive sentences make one finding.
//!
//! Left alone:
//! - short sentences (“Read more.”, “Thanks for reading.”, refrains such as “And life was good.”) and boilerplate (newsletter, copyright,
//!   disclaimer lines);
//! - blocks already reported by `duplicate-paragraph`, so a repeated paragraph is reported once;
//! - a sentence that is a whole block on its own, on either side: a pull quote, a standfirst or a
//!   summary bullet repeating the body is a layout device, and a whole repeated block is
//!   `duplicate-paragraph`'s business;
//! - pull quotes, contents entries, headings and tables, as in `duplicate-paragraph`;
//! - steps of one numbered list, which repeat instructions on purpose.

use super::duplicate_paragraph::{is_boilerplate, lists, prose_blocks, prose_length, quote, repeats, SENTENCE_MIN_WORDS};
use super::{Rule, RuleMeta};
use crate::document::fingerprint::{sequence_key, word_keys};
use crate::document::{Document, Sentence};
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "duplicate-sentence",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A sentence repeats an earlier one word for word.",
        what: "Flags a sentence of ten words or more that repeats an earlier sentence, ignoring case, spacing, punctuation and quote style. Short stock phrases, boilerplate, pull quotes and one-sentence summary lines are left alone, and a paragraph that repeats as a whole is reported once, by duplicate-paragraph.",
        why: "A sentence written twice is usually left over from moving text around or merging two drafts. The reader meets the same statement twice and wonders what was lost.",
        example: "The line will cost €480 million and take five years to build. Work starts in May, once the last permits are signed.\n\nThe council met on Tuesday to vote on next year's budget. The line will cost €480 million and take five years to build.",
        use_instead: "The line will cost €480 million and take five years to build. Work starts in May, once the last permits are signed.\n\nThe council met on Tuesday to vote on next year's budget. It approved the plan.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let keys = word_keys(doc);
    let repeats = repeats(doc);
    let prose = prose_blocks(doc);
    let lists = lists(doc);
    let mut seen: HashMap<u64, usize> = HashMap::default();
    let stands_alone = |s: &Sentence| doc.blocks[s.block].sentences.len() == 1;
    // (repeating sentence, its first copy), in text order.
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let words = &keys[sentence.words.clone()];
        if !prose[sentence.block] || stands_alone(sentence) || prose_length(doc, sentence.words.clone()) < SENTENCE_MIN_WORDS {
            continue;
        }
        let key = sequence_key(words);
        let Some(&first) = seen.get(&key) else {
            seen.insert(key, index);
            continue;
        };
        let first_block = doc.sentences[first].block;
        let steps = lists[sentence.block].is_some_and(|l| l.numbered && lists[first_block] == Some(l));
        if keys[doc.sentences[first].words.clone()] == *words && repeats[sentence.block].is_none() && !steps && !is_boilerplate(doc.slice(&sentence.range)) {
            found.push((index, first));
        }
    }
    // Consecutive sentences copied from consecutive sentences make one finding.
    let mut k = 0;
    while k < found.len() {
        let (start, first) = found[k];
        let mut run = 1;
        while found.get(k + run).is_some_and(|&(s, f)| s == start + run && f == first + run && doc.sentences[s].block == doc.sentences[start].block && doc.sentences[f].block == doc.sentences[first].block) {
            run += 1;
        }
        let (last, last_first) = found[k + run - 1];
        let range = doc.sentences[start].range.start..doc.sentences[last].range.end;
        let earlier = doc.sentences[first].range.start..doc.sentences[last_first].range.end;
        let quoted = quote(doc.slice(&doc.sentences[start].range));
        let same_block = doc.sentences[start].block == doc.sentences[first].block;
        let line = doc.line_index_of(earlier.start) + 1;
        let message = match (run, same_block) {
            (1, true) => format!("“{quoted}” repeats a sentence earlier in the same paragraph."),
            (1, false) => format!("“{quoted}” repeats the sentence on line {line} word for word."),
            (_, true) => format!("These {run} sentences, from “{quoted}”, repeat {run} sentences earlier in the same paragraph."),
            (_, false) => format!("These {run} sentences, from “{quoted}”, repeat {run} sentences on line {line} word for word."),
        };
        let what = if run == 1 { "the earlier sentence" } else { "the earlier sentences" };
        out.push(Finding::new(range, message).related(earlier, what));
        k += run;
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    const S: &str = "The line will cost €480 million to build over five years.";

    #[test]
    fn flags_a_sentence_repeated_in_another_block_or_the_same_one() {
        let text = format!("{S} Work starts in May, once the last permits are signed.\n\nThe council met on Tuesday to vote on the budget for next year. {S}\n");
        assert_eq!(flagged(&RULE, &text), [S]);
        let found = run(&RULE, &text);
        assert_eq!(found[0].message, "“The line will cost €480 million to build over five years.” repeats the sentence on line 1 word for word.");
        assert_eq!(found[0].related[0].range, 0..S.len());
        let varied = "THE LINE will cost  €480 million to build, over five years!";
        assert_eq!(flagged(&RULE, &format!("{S} Work starts in May, once the last permits are signed.\n\nThe council met on Tuesday to vote on the budget. {varied}\n")), [varied]);
        assert_eq!(flagged(&RULE, &format!("{S} Work starts in May. {S}\n")), [S]);
        // A copy of a paragraph with a whole sentence added: one finding for the copied run.
        let (one, two) = ("The ferry will carry up to 120 passengers and twelve cars.", "It will run every forty minutes in the summer months.");
        let found = run(&RULE, &format!("{one} {two}\n\nText.\n\n{one} {two} Fares have not been set, and the council will decide on them in the spring.\n"));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("These 2 sentences, from “The ferry will"), "{}", found[0].message);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in ["", "\n\n\r", "ǅ İ ß ﬁ 😀 e\u{301}. ǅ İ ß ﬁ 😀 e\u{301}.", "“”«»>>> ‘’ … . . .", "A. A. A. A. A. A. A. A. A. A. A. A."] {
            let repeated = format!("{text} {text}\n\n{text}\n{text} {text}");
            run(&RULE, &repeated);
            run(&crate::rules::duplicate_paragraph::RULE, &repeated);
        }
    }

    #[test]
    fn leaves_short_lines_whole_blocks_pull_quotes_and_steps_alone() {
        assert_clean(
            &RULE,
            &[
                "Prices rose. Read more. Wages fell. Read more.\n",
                "Thanks for reading. See you soon.\n\nText. Thanks for reading.\n",
                // A whole repeated paragraph is duplicate-paragraph's finding.
                &format!("{S} Work starts in May.\n\nText.\n\n{S} Work starts in May.\n"),
                // A pull quote or summary line standing alone.
                &format!("{S}\n\nThe council met on Tuesday. {S}\n"),
                &format!("The council met on Tuesday. {S}\n\n> {S} Work starts soon.\n"),
                &format!("- {S}\n- Work starts in May.\n\nThe council met on Tuesday. {S} It agreed.\n"),
                "1. Mix the flour. Bake for ten more minutes until the top is golden.\n2. Turn the tray. Bake for ten more minutes until the top is golden.\n",
                "This article is not financial advice and is for informational purposes only. Text.\n\nMore. This article is not financial advice and is for informational purposes only.\n",
            ],
        );
    }
}
