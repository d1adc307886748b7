//! `single-item-list`: a top-level list with exactly one item.
//!
//! Reads the top-level lists (see [`Document::lists`]) and flags one whose only item has no nested list
//! and is not a table-of-contents entry. Left alone, as deliberate or covered elsewhere:
//! - a one-item list with another list of the same kind in its section (between the same headings):
//!   items split up by paragraphs or code, as in step-by-step text;
//! - a numbered item other than “1.”: it continues earlier numbering or numbers a heading;
//! - callouts (“- Note: …”, “- Tip: …”, “- Update: …”, “- Source: …”), items that are only a link, an
//!   attribution under a quotation (“- Jane Doe”), and a `*` footnote after a footnote mark (“€200m*”);
//! - a list that ends the article with no final punctuation: `truncated-ending` reports the cut.

use super::{excerpt, Rule, RuleMeta};
use crate::document::tables_lists::List;
use crate::document::{ends_sentence, BlockKind, Document, ListMarker};
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "single-item-list",
        category: Category::Structure,
        severity: Severity::Info,
        summary: "A list has only one item.",
        what: "Flags a top-level list with a single item. Notes and tips set as a bullet, attributions, footnotes, lone links, numbered steps split up by paragraphs and a cut-off last line are left alone.",
        why: "A list of one is either a paragraph that picked up a bullet or a list whose other items were lost when the article was edited or pasted. Both are worth a look.",
        example: "The kit includes:\n\n- a rain gauge\n\nSet it up in an open space.",
        use_instead: "The kit includes a rain gauge.\n\nSet it up in an open space.",
    },
    check,
};

/// Labels that set one bullet apart as an aside: “- Note: …”.
const CALLOUT_LABELS: &[&str] = &[
    "note", "notes", "nb", "n.b.", "tip", "pro tip", "hint", "update", "updated", "editor's note", "disclaimer", "disclosure", "warning", "caution",
    "important", "attention", "source", "sources", "credit", "credits", "photo", "image", "see also", "related", "read more", "also read", "read also",
    "correction", "ps", "p.s.", "fyi", "tl;dr", "tldr",
];

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let footnotes = doc.footnote_items();
    // The index of each block's section: how many headings come before it.
    let mut section = Vec::with_capacity(doc.blocks.len());
    let mut headings = 0;
    for block in &doc.blocks {
        headings += usize::from(matches!(block.kind, BlockKind::Heading(_)));
        section.push(headings);
    }
    let last_block = doc.last_non_blank().map(|(i, _)| i);
    let top: Vec<List> = doc.lists().into_iter().filter(|l| l.depth == 0).collect();
    for (k, list) in top.iter().enumerate() {
        let &[index] = list.items.as_slice() else { continue };
        if list.has_nested || list.in_toc || footnotes[index] {
            continue;
        }
        let is_sibling = |other: Option<&List>| other.is_some_and(|o| o.ordered == list.ordered && section[o.items[0]] == section[index]);
        if is_sibling(k.checked_sub(1).and_then(|p| top.get(p))) || is_sibling(top.get(k + 1)) {
            continue;
        }
        let Some(item) = doc.list_item(index) else { continue };
        if matches!(item.marker, ListMarker::Ordered { number, .. } if number != 1) {
            continue;
        }
        let block = &doc.blocks[index];
        let content = doc.slice(&block.content);
        let at_end = last_block.is_some_and(|last| last < list.blocks.end);
        if is_callout(content) || is_link_only(content) || is_attribution(doc, index, content) || (at_end && !ends_last_block(doc, last_block)) {
            continue;
        }
        out.push(Finding::new(item.marker_range.start..block.content.end, format!("The list “{}” has only one item.", excerpt(content, 50))));
    }
}

/// “Note: …”, “**Tip:** …”, “Update — …”.
fn is_callout(content: &str) -> bool {
    let head: String = content.chars().take(20).collect::<String>().to_lowercase().replace('’', "'");
    let head = head.trim_start_matches(['*', '_']);
    let label_end = head.find([':', '—', '–']).unwrap_or(head.len());
    let label = head[..label_end].trim().trim_end_matches(['*', '_']).trim();
    label_end < head.len() && CALLOUT_LABELS.contains(&label)
}

/// `[Title](https://…)`, `<https://…>` or a bare address.
fn is_link_only(content: &str) -> bool {
    let s = content.trim().trim_end_matches(['.', ';']);
    (s.starts_with('[') && s.ends_with(')') && s.contains("](")) || (!s.contains(char::is_whitespace) && (s.contains("://") || s.starts_with("www.")))
}

/// “- Jane Doe, mayor” under a paragraph that ends with a closing quotation mark.
fn is_attribution(doc: &Document, index: usize, content: &str) -> bool {
    let short = content.split_whitespace().count() <= 6 && !content.ends_with('.');
    let capitalised = content.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
    short && capitalised && doc.previous_non_blank(index).is_some_and(|b| doc.slice(&b.content).trim_end().ends_with(['”', '"', '»']))
}

fn ends_last_block(doc: &Document, last: Option<usize>) -> bool {
    last.is_some_and(|i| ends_sentence(doc.slice(&doc.blocks[i].content)))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_lists_of_one() {
        let text = "The kit includes:\n\n- a rain gauge\n\nSet it up in an open space.\n";
        assert_eq!(flagged(&RULE, text), ["- a rain gauge"]);
        assert_eq!(run(&RULE, text)[0].message, "The list “a rain gauge” has only one item.");
        assert_eq!(flagged(&RULE, "# Steps\n\n1. Buy a ticket.\n\n## Riding\n\n- Validate it on board.\n\nText.\n"), ["1. Buy a ticket.", "- Validate it on board."]);
        assert_eq!(flagged(&RULE, "Text.\n\n• Only point here.\n"), ["• Only point here."]);
    }

    #[test]
    fn leaves_deliberate_single_items_alone() {
        assert_clean(
            &RULE,
            &[
                "- a\n- b\n",
                "- Topic\n  - detail one\n  - detail two\n",
                "1. Install it.\n\nThen restart.\n\n2. Run it.\n",
                "- Step one.\n\nSome text.\n\n- Step two.\n",
                "Text.\n\n3. Third point.\n\nMore text.\n",
                "Text.\n\n- Note: prices may change.\n\nMore text.\n",
                "Text.\n\n* **Tip:** book early.\n\nMore text.\n",
                "Further reading:\n\n- [The tram plan](https://example.com/plan)\n\nMore text.\n",
                "“We waited a long time for this.”\n- Rui Matos\n\nMore text.\n",
                "| Plan | Cost* |\n|---|---|\n| A | 10 |\n\n* Estimated.\n",
                "Intro text.\nContents\n- First\nFirst\nText.\n",
                "The alliance evolved.\n* **Post-",
                "Text.\n\n- and then the",
            ],
        );
    }
}
