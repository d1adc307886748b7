//! `duplicate-heading`: two sections with the same heading under the same parent.
//!
//! Headings are compared after normalising case, quotes, numbering and final punctuation. Only siblings
//! count: two "Background" subsections under different parent sections are a legitimate pattern in
//! documentation, while two "Background" sections side by side mean a section was pasted twice or a
//! heading was copied without being edited. Titles of tables of contents are not sections.

use super::{Rule, RuleMeta};
use crate::document::{normalize_title, Document};
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "duplicate-heading",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "Two sibling sections have the same heading.",
        what: "Flags a heading that repeats the heading of an earlier section at the same level under the same parent, ignoring case, quotes, numbering and final punctuation.",
        why: "Two sections with one name cannot both be found from a table of contents or linked to, and usually mean a section was pasted twice.",
        example: "# Trams\n\n## Costs\n\nIt cost a lot.\n\n## Riders\n\nThey liked it.\n\n## Costs\n\nIt cost a lot.",
        use_instead: "# Trams\n\n## Costs\n\nIt cost a lot.\n\n## Riders\n\nThey liked it.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    // The stack of open headings: (level, block index). A heading's parent is the nearest shallower one.
    let mut open: Vec<(u8, usize)> = Vec::new();
    let mut seen: HashMap<(Option<usize>, u8, String), usize> = HashMap::default();
    for (index, block) in doc.blocks.iter().enumerate() {
        let crate::document::BlockKind::Heading(heading) = &block.kind else { continue };
        if heading.is_toc_title {
            continue;
        }
        while open.last().is_some_and(|&(level, _)| level >= heading.level) {
            open.pop();
        }
        let parent = open.last().map(|&(_, b)| b);
        open.push((heading.level, index));
        let title = doc.slice(&block.content);
        let key = normalize_title(title);
        if key.is_empty() {
            continue;
        }
        match seen.get(&(parent, heading.level, key.clone())) {
            Some(&first) => out.push(
                Finding::new(block.content.clone(), format!("Heading “{title}” repeats an earlier section heading at the same level."))
                    .related(doc.blocks[first].content.clone(), "the first section with this heading"),
            ),
            None => {
                seen.insert((parent, heading.level, key), index);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_a_repeated_sibling_heading() {
        let text = "# Trams\n\n## Costs\n\nText.\n\n## Riders\n\nText.\n\n## costs:\n\nText.\n";
        assert_eq!(flagged(&RULE, text), ["costs:"]);
        let found = run(&RULE, text);
        assert_eq!(&text[found[0].related[0].range.clone()], "Costs");
        assert_eq!(flagged(&RULE, "Intro text.\nCosts\nText.\nRiders\nText.\nCosts\nText.\n"), ["Costs"]);
    }

    #[test]
    fn same_heading_under_different_parents_is_fine() {
        assert_clean(&RULE, &["# Guide\n\n## Install\n\n### Notes\n\nText.\n\n## Use\n\n### Notes\n\nText.\n", "# A\n\n## Costs\n\n### Costs\n\nText.\n"]);
    }
}
