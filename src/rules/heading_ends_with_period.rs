//! `heading-ends-with-period`: a heading that ends with a full stop.
//!
//! Headings are labels, not sentences. Flags a final "." unless it belongs to an abbreviation
//! ("Washington, D.C.", "Acme Inc.") or an ellipsis. Questions and exclamations are headings too and are
//! left alone. Plain-text headings never end with a full stop (such a line reads as a sentence), so in
//! practice this checks Markdown headings.

use super::{Rule, RuleMeta};
use crate::document::lexicon::abbreviation_kind;
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "heading-ends-with-period",
        category: Category::Structure,
        severity: Severity::Info,
        summary: "A heading ends with a full stop.",
        what: "Flags a heading whose last character is a full stop, unless the full stop ends an abbreviation or an ellipsis, and offers the heading without it.",
        why: "Headings are labels; a full stop makes one read like a stray sentence, and it is inconsistent with the article's other headings.",
        example: "# Trams\n\n## The costs keep rising.\n\nText.",
        use_instead: "# Trams\n\n## The costs keep rising\n\nText.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for (block, heading) in doc.headings() {
        if heading.is_toc_title {
            continue;
        }
        let title = doc.slice(&block.content);
        let Some(without) = title.strip_suffix('.') else { continue };
        let last_word = without.rsplit(char::is_whitespace).next().unwrap_or("");
        if without.ends_with('.') || title.ends_with('…') || abbreviation_kind(last_word.trim_start_matches(['(', '"', '“'])).is_some() {
            continue;
        }
        out.push(Finding::new(block.content.clone(), format!("Heading “{title}” ends with a full stop.")).suggest(without));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_a_final_full_stop() {
        assert_eq!(flagged(&RULE, "# Trams\n\n## The costs keep rising.\n\nText.\n"), ["The costs keep rising."]);
        assert_eq!(run(&RULE, "## Costs.\n")[0].suggestions, ["Costs"]);
    }

    #[test]
    fn abbreviations_ellipses_and_other_marks_are_fine() {
        assert_clean(&RULE, &["## Life in Washington, D.C.\n", "## Acme Inc.\n", "## And then…\n", "## Wait...\n", "## Why now?\n", "## Go!\n", "## Costs\n"]);
    }
}
