//! `section-missing-from-toc`: a section of the article that its table of contents leaves out.
//!
//! Reads the links the model made from contents entries to headings. A table of contents is trusted only
//! when at least two of its entries, and at least half, name real sections: otherwise it is not a list
//! of this article's sections and there is nothing to compare. The levels it covers are the levels of
//! the sections it names (a contents list of level-2 sections says nothing about level-3 subsections).
//! Every heading of those levels after the contents list, up to the next contents list, that no entry
//! names is flagged, except back matter ("References", "About the Author", …) that contents lists
//! commonly omit. Headings before the contents list (the title, an intro heading) are not expected in it.

use super::{Rule, RuleMeta};
use crate::document::{normalize_title, BlockKind, Document};
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "section-missing-from-toc",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A section is missing from the table of contents.",
        what: "Compares the article's headings with its table of contents. A heading after the contents list, at a level the contents list covers, that no entry names is flagged. Back matter such as “References” or “About the Author” is not expected in the list.",
        why: "Readers use the contents list to see what the article covers and to jump to a part. A section left out of it is hard to find, and usually means the list was written for an earlier version of the article.",
        example: "Contents\n- Costs\n- Outlook\nCosts\nThe line costs €480 million.\nTimetable\nThe first trams run in May.\nOutlook\nA second line is planned.",
        use_instead: "Contents\n- Costs\n- Timetable\n- Outlook\nCosts\nThe line costs €480 million.\nTimetable\nThe first trams run in May.\nOutlook\nA second line is planned.",
    },
    check,
};

/// Headings that contents lists usually leave out.
const BACK_MATTER: &[&str] = &[
    "references", "sources", "notes", "footnotes", "further reading", "see also", "related", "related articles", "related posts",
    "related stories", "about the author", "about the authors", "acknowledgements", "acknowledgments", "comments", "share this",
    "read more", "more stories", "bibliography", "credits", "disclaimer",
];

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let mut named = vec![false; doc.blocks.len()];
    for entry in doc.tocs.iter().flat_map(|t| &t.entries) {
        if let Some(target) = entry.target {
            named[target] = true;
        }
    }
    for (t, toc) in doc.tocs.iter().enumerate() {
        let targets: Vec<usize> = toc.entries.iter().filter_map(|e| e.target).collect();
        if targets.len() < 2 || targets.len() * 2 < toc.entries.len() {
            continue;
        }
        let mut levels = [false; 7];
        for &target in &targets {
            if let BlockKind::Heading(h) = &doc.blocks[target].kind {
                levels[usize::from(h.level.min(6))] = true;
            }
        }
        let after = toc.entries.last().map_or(toc.title_block, |e| e.block) + 1;
        let until = doc.tocs.get(t + 1).map_or(doc.blocks.len(), |next| next.title_block);
        let title = &doc.blocks[toc.title_block];
        for (index, block) in doc.blocks.iter().enumerate().take(until).skip(after) {
            let BlockKind::Heading(h) = &block.kind else { continue };
            let heading = doc.slice(&block.content);
            if named[index] || h.is_toc_title || !levels[usize::from(h.level.min(6))] || BACK_MATTER.contains(&normalize_title(heading).as_str()) {
                continue;
            }
            out.push(
                Finding::new(block.content.clone(), format!("Section “{heading}” is not listed in the table of contents."))
                    .related(title.content.clone(), "the table of contents"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_sections_at_covered_levels_that_no_entry_names() {
        let text = "Intro text.\nContents\n- Costs\n- Outlook\nCosts\nIt cost a lot.\nTimetable\nTrams run in May.\nOutlook\nMore lines.\n";
        assert_eq!(flagged(&RULE, text), ["Timetable"]);
        assert_eq!(run(&RULE, text)[0].message, "Section “Timetable” is not listed in the table of contents.");
        let md = "# Trams\n\n## Contents\n\n- [Costs](#costs)\n- [Outlook](#outlook)\n\n## Costs\n\nText.\n\n### Detail\n\nText.\n\n## Riders\n\nText.\n\n## Outlook\n\nText.\n";
        assert_eq!(flagged(&RULE, md), ["Riders"]);
    }

    #[test]
    fn leaves_untrusted_lists_uncovered_levels_front_and_back_matter_alone() {
        assert_clean(
            &RULE,
            &[
                // Only one entry names a section: not this article's contents list.
                "Intro text.\nContents\n- Costs\n- Other Thing\n- Third Thing\nCosts\nText.\nTimetable\nText.\n",
                // Subsections are not expected in a list of sections.
                "# Trams\n\n## Contents\n\n- Costs\n- Outlook\n\n## Costs\n\nText.\n\n### Detail\n\nText.\n\n## Outlook\n\nText.\n",
                // The title and an intro heading come before the list.
                "# Trams\n\n## Summary\n\nText.\n\n## Contents\n\n- Costs\n- Outlook\n\n## Costs\n\nText.\n\n## Outlook\n\nText.\n\n## References\n\n1. A book.\n",
            ],
        );
    }
}
