//! `empty-section`: a heading with no text before the next heading of the same or a higher level, or
//! before the end of the article.
//!
//! Reads the heading blocks in order. A table of contents right under a heading does not count as the
//! section's text, but does not make it empty either: the text after the contents is looked at. Thematic
//! breaks are skipped. A heading followed by a deeper heading opens subsections and is not empty.

use super::{Rule, RuleMeta};
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "empty-section",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A section heading has no text under it.",
        what: "Flags a heading that is followed directly by another heading of the same or a higher level, or by the end of the article. A table of contents between a heading and its text does not count as empty.",
        why: "An empty section promises content the reader never gets. It usually means a paste lost a section's text or a draft left a placeholder heading.",
        example: "## Costs\n\n## Timetable\n\nThe first trams run in May.",
        use_instead: "## Costs\n\nThe line costs €480 million.\n\n## Timetable\n\nThe first trams run in May.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    // One flag per block: membership is a lookup, not a scan, however long the contents list.
    let mut in_toc = vec![false; doc.blocks.len()];
    for toc in &doc.tocs {
        for block in std::iter::once(toc.title_block).chain(toc.entries.iter().map(|e| e.block)) {
            in_toc[block] = true;
        }
    }
    for (index, block) in doc.blocks.iter().enumerate() {
        let BlockKind::Heading(heading) = &block.kind else { continue };
        // A heading that is only a link ("## [API docs](https://…)") points elsewhere; it has no text of its own.
        let title = doc.slice(&block.content);
        if heading.is_toc_title || (title.starts_with('[') && title.ends_with([')', ']'])) {
            continue;
        }
        let next = doc.blocks[index + 1..]
            .iter()
            .enumerate()
            .map(|(k, b)| (index + 1 + k, b))
            .find(|(k, b)| !matches!(b.kind, BlockKind::Blank | BlockKind::ThematicBreak) && !in_toc[*k]);
        match next {
            None => out.push(Finding::new(block.content.clone(), format!("Section “{title}” has no text: the article ends after its heading."))),
            Some((_, next_block)) => {
                let BlockKind::Heading(next_heading) = &next_block.kind else { continue };
                if next_heading.level <= heading.level {
                    let next_title = doc.slice(&next_block.content);
                    out.push(
                        Finding::new(block.content.clone(), format!("Section “{title}” has no text before the next heading, “{next_title}”."))
                            .related(next_block.content.clone(), "the next heading"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged};

    #[test]
    fn flags_headings_followed_by_a_sibling_heading_or_the_end() {
        assert_eq!(flagged(&RULE, "# Title\n\nIntro.\n\n## Costs\n\n## Timetable\n\nText.\n"), ["Costs"]);
        assert_eq!(flagged(&RULE, "# Title\n\nIntro.\n\n## Costs\n\nText.\n\n## Outlook\n"), ["Outlook"]);
        assert_eq!(flagged(&RULE, "# Title\n\nIntro.\n\n### Detail\n\n## Next\n\nText.\n"), ["Detail"]);
        assert_eq!(flagged(&RULE, "Intro paragraph here.\nFares and Timetables\nWhat Comes Next\nMore text here.\n"), ["Fares and Timetables"]);
    }

    #[test]
    fn subsections_tables_of_contents_and_breaks_are_not_empty() {
        assert_clean(
            &RULE,
            &[
                "# Title\n\n## Part\n\nText.\n",
                "# Title\n\n## Part\n\n### Sub\n\nText.\n",
                "Intro paragraph here.\nA New Chapter\nTable of Contents\n- A New Chapter\n- Outlook\nText of the chapter.\nOutlook\nMore text.\n",
                "# Title\n\n---\n\nText.\n",
                "## Part\n\n- a list counts as text\n",
                "# Crate\n\nText.\n\n## [API docs](https://docs.rs/crate)\n\n## License\n\nMIT.\n",
            ],
        );
    }
}
