//! `heading-level-skip`: a Markdown heading more than one level deeper than the heading before it.
//!
//! Only headings that carry their level (`#` marks or a setext underline) are checked: the levels of
//! plain-text headings are inferred by the model and cannot skip. The first heading may start at any
//! level (many articles start at `##` under a title the page supplies). For an ATX heading the fix
//! rewrites its `#` marks to one level below the previous heading.

use super::{Rule, RuleMeta};
use crate::document::{Document, HeadingStyle};
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "heading-level-skip",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A heading skips a level (## followed by ####).",
        what: "Flags a Markdown heading that is more than one level deeper than the heading before it, such as `#` followed by `###`.",
        why: "Skipped levels break the document outline that screen readers, tables of contents and search engines build, and usually mean a section heading was lost or mistyped.",
        example: "# Trams\n\nText.\n\n### Costs\n\nText.",
        use_instead: "# Trams\n\nText.\n\n## Costs\n\nText.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let mut previous: Option<u8> = None;
    for (block, heading) in doc.headings() {
        if heading.is_toc_title && heading.style == HeadingStyle::Plain {
            continue;
        }
        if let Some(before) = previous {
            if heading.style != HeadingStyle::Plain && heading.level > before + 1 {
                let title = doc.slice(&block.content);
                let expected = before + 1;
                let mut finding = Finding::new(
                    block.range.start..block.content.end.max(block.range.start),
                    format!("Heading “{title}” is level {}, but the heading before it is level {before}: level {expected} is skipped.", heading.level),
                );
                if heading.style == HeadingStyle::Atx {
                    let line = doc.slice(&(block.range.start..block.content.end));
                    let lead = line.len() - line.trim_start().len();
                    finding = finding.suggest(format!("{}{} {title}", &line[..lead], "#".repeat(usize::from(expected))));
                }
                out.push(finding);
            }
        }
        previous = Some(heading.level);
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_a_heading_two_levels_deeper_and_offers_the_right_marks() {
        let text = "# Trams\n\nText.\n\n### Costs\n\nText.\n\n## Riders\n\nText.\n\n#### Fares\n\nText.\n";
        assert_eq!(flagged(&RULE, text), ["### Costs", "#### Fares"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "Heading “Costs” is level 3, but the heading before it is level 1: level 2 is skipped.");
        assert_eq!(found[0].suggestions, ["## Costs"]);
        assert_eq!(found[1].suggestions, ["### Fares"]);
    }

    #[test]
    fn steps_back_any_depth_and_a_deep_first_heading_are_fine() {
        assert_clean(
            &RULE,
            &[
                "## Costs\n\nText.\n\n### Land\n\nText.\n\n#### Parcels\n\nText.\n\n## Riders\n\nText.\n",
                "### Notes\n\nA fragment that starts deep.\n",
                "Trams\n=====\n\nText.\n\nCosts\n-----\n\nText.\n",
                "Intro text.\nCosts\nText.\n2.1 Land\nText.\n",
            ],
        );
    }
}
