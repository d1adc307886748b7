//! `toc-entry-without-section`: a table-of-contents entry that no heading answers.
//!
//! Compares each entry of every table of contents with the article's headings after normalising both
//! (case, curly or straight quotes, numbering such as "2.", final punctuation), and accepts a Markdown
//! anchor (`(#key-pillars)`) that matches a heading's slug. When a heading is near — the same words but
//! one changed, added or dropped, or a couple of letters apart — it is suggested and linked.
//!
//! An entry whose heading exists but was already claimed by an earlier entry (the contents pasted twice,
//! or two lists of contents naming the same section) is left alone: the section is there.

use super::{edit_distance, Rule, RuleMeta};
use crate::document::{normalize_title, Document, TocEntry};
use crate::report::{Category, Finding, Severity};
use std::collections::HashSet;
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "toc-entry-without-section",
        category: Category::Structure,
        severity: Severity::Error,
        summary: "The table of contents lists a section the article does not have.",
        what: "Checks every entry of a table of contents (“Contents”, “In this article”) against the article's headings, ignoring case, quotes, numbering and final punctuation. When a heading differs by a word or a few letters, it is offered as the fix.",
        why: "A contents entry without its section sends readers looking for text that is not there; it is the clearest sign that a section was lost when the article was assembled or pasted.",
        example: "Contents\n- Costs\n- Outlook\nCosts\nThe line costs €480 million.",
        use_instead: "Contents\n- Costs\n- Outlook\nCosts\nThe line costs €480 million.\nOutlook\nThe first trams run in 2029.",
    },
    check,
};

struct Section {
    normalized: String,
    content: Range<usize>,
}

/// Above this many comparisons the nearest-heading hint is skipped: exact matching stays linear.
const MAX_NEAREST_COMPARISONS: usize = 50_000;

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let missing: Vec<&TocEntry> = doc.tocs.iter().flat_map(|t| &t.entries).filter(|e| e.target.is_none()).collect();
    if missing.is_empty() {
        return;
    }
    let sections: Vec<Section> = doc
        .headings()
        .filter(|(_, h)| !h.is_toc_title)
        .map(|(b, _)| Section { normalized: normalize_title(doc.slice(&b.content)), content: b.content.clone() })
        .collect();
    let titles: HashSet<&str> = sections.iter().map(|s| s.normalized.as_str()).collect();
    let mut budget = MAX_NEAREST_COMPARISONS;
    for entry in missing {
        let text = doc.slice(&entry.text);
        let normalized = normalize_title(text);
        // Its section exists and another contents entry already points at it.
        if normalized.is_empty() || titles.contains(normalized.as_str()) {
            continue;
        }
        let nearest = if budget >= sections.len() {
            budget -= sections.len();
            nearest_section(&normalized, &sections)
        } else {
            None
        };
        let finding = match nearest {
            Some(section) => {
                let heading = doc.slice(&section.content);
                Finding::new(entry.text.clone(), format!("The table of contents lists “{text}”, but the section is headed “{heading}”."))
                    .suggest(heading)
                    .related(section.content.clone(), "the nearest heading")
            }
            None => Finding::new(entry.text.clone(), format!("The table of contents lists “{text}”, but no section has that heading.")),
        };
        out.push(finding);
    }
}

/// A heading one word or two letters away from the entry, if there is exactly one best.
fn nearest_section<'s>(entry: &str, sections: &'s [Section]) -> Option<&'s Section> {
    let entry_words: Vec<&str> = entry.split(' ').collect();
    let entry_chars: Vec<char> = entry.chars().collect();
    let mut best: Option<(usize, &Section)> = None;
    for section in sections {
        let words: Vec<&str> = section.normalized.split(' ').collect();
        if words.len().abs_diff(entry_words.len()) > 1 {
            continue;
        }
        let word_distance = edit_distance(&entry_words, &words);
        // Letters are compared only when the lengths allow two edits at most: that rules out almost every
        // heading without the quadratic letter-by-letter comparison.
        let near = (word_distance == 1 && entry_words.len().max(words.len()) >= 3)
            || (section.normalized.chars().count().abs_diff(entry_chars.len()) <= 2
                && edit_distance(&entry_chars, &section.normalized.chars().collect::<Vec<_>>()) <= 2);
        if near && best.is_none_or(|(d, _)| word_distance < d) {
            best = Some((word_distance, section));
        }
    }
    best.map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    const ARTICLE: &str = "Intro text of the article.\nTable of Contents\n- Why Trams\n- Costs and Funding\n- Lessons for Other Cities\n- What Riders Said\nWhy Trams\nBuses were slow.\nCosts and Funding\nIt cost a lot.\nWhat Riders Say\nThey liked it.\n";

    #[test]
    fn flags_entries_without_a_section_and_suggests_a_near_heading() {
        assert_eq!(flagged(&RULE, ARTICLE), ["Lessons for Other Cities", "What Riders Said"]);
        let found = run(&RULE, ARTICLE);
        assert_eq!(found[0].message, "The table of contents lists “Lessons for Other Cities”, but no section has that heading.");
        assert!(found[0].suggestions.is_empty());
        assert_eq!(found[1].message, "The table of contents lists “What Riders Said”, but the section is headed “What Riders Say”.");
        assert_eq!(found[1].suggestions, ["What Riders Say"]);
        assert_eq!(&ARTICLE[found[1].related[0].range.clone()], "What Riders Say");
    }

    #[test]
    fn matches_despite_case_quotes_numbering_punctuation_and_anchors() {
        assert_clean(
            &RULE,
            &[
                "Intro text.\nContents\n- 1. takaichi's role\n- 2. What Comes Next?\nTakaichi’s Role\nText.\nWhat comes next\nText.\n",
                "# Guide\n\n## In this article\n\n1. [Setting up](#setting-up)\n2. [Use It](#usage)\n\n## Setting Up\n\nText.\n\n## Usage\n\nText.\n",
                "Intro text.\nTable of Contents\n1. First Part:\n2. Second Part\nThe report follows.\n1. First Part\nText.\n2. Second Part\nText.\n",
                // The contents pasted twice: each heading is claimed by the first list.
                "Intro text here.\nContents\n- Costs Today\n- Outlook Ahead\nContents\n- Costs Today\n- Outlook Ahead\nCosts Today\nThe line costs a lot.\nOutlook Ahead\nThe first trams run in 2029.\n",
            ],
        );
    }
}
