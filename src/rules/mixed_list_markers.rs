//! `mixed-list-markers`: bullet characters (`-`, `*`, `+`, `•`) mixed within a list or across lists.
//!
//! Reads each bullet list (see [`Document::lists`]). Inside a list, every item whose bullet differs from
//! the list's most common one is flagged, with that bullet offered. Across the article, top-level lists
//! of two items or more each get one bullet (their most common), and a list whose bullet differs from
//! the one most lists use is flagged once, at its first item; a tie goes to the earliest list. Nested
//! lists are only compared within themselves (a different bullet per level is a common convention),
//! and tables of contents are left out of the comparison across lists (they are often generated in
//! their own style). `•`, which text copied from web pages and word processors carries, counts as a
//! bullet like the others: an article mixing it with `-` was most likely put together from two
//! sources, and readers of plain text see the difference. A `*` item after a footnote mark in its
//! section ("€200m*") is the footnote ("* Estimated."), not a bullet, and is skipped. `+` next to `-`
//! often marks pros and cons: a list of only those two is left alone, and `+` lists are not compared
//! across the article.
//!
//! Severity is info: in Markdown `-`, `*` and `+` all show the same bullet, and in plain text the mix
//! is visible but loses nothing; it is a sign of careless assembly rather than a fault in itself.

use super::{Rule, RuleMeta};
use crate::document::{Document, ListMarker};
use crate::report::{Category, Finding, Severity};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "mixed-list-markers",
        category: Category::Structure,
        severity: Severity::Info,
        summary: "Bullet lists mix `-`, `*`, `+` or `•` markers.",
        what: "Flags an item whose bullet differs from the rest of its list, and a list whose bullet differs from the one the article's other lists use, offering the more common bullet. Nested lists, tables of contents, `*` footnotes and `+`/`-` pros and cons are left alone.",
        why: "Consistent bullets look deliberate. Mixed bullets usually mean the article was assembled from pieces written or pasted separately, and in plain text readers see the change; in Markdown a bullet change in the middle of a list even splits it in two.",
        example: "- Trade\n- Defence\n* Energy",
        use_instead: "- Trade\n- Defence\n- Energy",
    },
    check,
};

/// A bullet character, how many times it occurs, and the marker of its first occurrence.
struct Tally {
    bullet: char,
    count: usize,
    first: Range<usize>,
}

/// The most common bullet; a tie goes to the one seen first.
fn most_common(tallies: &[Tally]) -> Option<&Tally> {
    tallies.iter().fold(None, |best: Option<&Tally>, t| if best.is_none_or(|b| t.count > b.count) { Some(t) } else { best })
}

fn add(tallies: &mut Vec<Tally>, bullet: char, marker: &Range<usize>) {
    match tallies.iter_mut().find(|t| t.bullet == bullet) {
        Some(t) => t.count += 1,
        None => tallies.push(Tally { bullet, count: 1, first: marker.clone() }),
    }
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let footnotes = doc.footnote_items();
    // Top-level lists: (their bullet, the marker of their first item with it).
    let mut top_lists: Vec<(char, Range<usize>)> = Vec::new();
    for list in doc.lists() {
        if list.ordered {
            continue;
        }
        let items: Vec<(char, &Range<usize>)> = list
            .items
            .iter()
            .filter(|&&i| !footnotes[i])
            .filter_map(|&i| match doc.list_item(i) {
                Some(item) => match item.marker {
                    ListMarker::Bullet(bullet) => Some((bullet, &item.marker_range)),
                    ListMarker::Ordered { .. } => None,
                },
                None => None,
            })
            .collect();
        let mut tallies = Vec::new();
        for &(bullet, marker) in &items {
            add(&mut tallies, bullet, marker);
        }
        let Some(main) = most_common(&tallies) else { continue };
        let pros_and_cons = tallies.len() == 2 && tallies.iter().all(|t| matches!(t.bullet, '+' | '-'));
        for &(bullet, marker) in &items {
            if bullet != main.bullet && !pros_and_cons {
                out.push(
                    Finding::new(marker.clone(), format!("This item's bullet is “{bullet}”, but its list uses “{}”.", main.bullet))
                        .suggest(main.bullet.to_string())
                        .related(main.first.clone(), format!("the list's first “{}” item", main.bullet)),
                );
            }
        }
        if list.depth == 0 && !list.in_toc && items.len() >= 2 && main.bullet != '+' {
            top_lists.push((main.bullet, main.first.clone()));
        }
    }
    let mut tallies = Vec::new();
    for (bullet, marker) in &top_lists {
        add(&mut tallies, *bullet, marker);
    }
    let Some(main) = most_common(&tallies) else { return };
    let most = if main.count * 2 > top_lists.len() { "most of the article's lists use" } else { "the article's first list uses" };
    for (bullet, marker) in &top_lists {
        if *bullet != main.bullet {
            out.push(
                Finding::new(marker.clone(), format!("This list's bullets are “{bullet}”, but {most} “{}”.", main.bullet))
                    .suggest(main.bullet.to_string())
                    .related(main.first.clone(), format!("the first list using “{}”", main.bullet)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_odd_bullets_within_a_list() {
        let text = "Plan:\n\n- trade\n- defence\n* energy\n- health\n";
        assert_eq!(flagged(&RULE, text), ["*"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "This item's bullet is “*”, but its list uses “-”.");
        assert_eq!(found[0].suggestions, ["-"]);
        assert_eq!(found[0].range.start, text.find("* energy").unwrap());
        assert_eq!(found[0].related[0].range.start, text.find("- trade").unwrap());
        assert_eq!(flagged(&RULE, "• one\n• two\n- three\n"), ["-"]);
    }

    #[test]
    fn flags_lists_that_differ_from_the_articles_usual_bullet() {
        let text = "A:\n\n- a\n- b\n\nB:\n\n* c\n* d\n\nC:\n\n- e\n- f\n";
        assert_eq!(flagged(&RULE, text), ["*"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "This list's bullets are “*”, but most of the article's lists use “-”.");
        assert_eq!(found[0].related[0].range.start, text.find("- a").unwrap());
        let tie = run(&RULE, "A:\n\n* a\n* b\n\nB:\n\n- c\n- d\n");
        assert_eq!(tie[0].message, "This list's bullets are “-”, but the article's first list uses “*”.");
    }

    #[test]
    fn leaves_nesting_footnotes_contents_and_single_items_alone() {
        assert_clean(
            &RULE,
            &[
                "- a\n- b\n",
                "• a\n• b\n\nText.\n\n• c\n• d\n",
                "- a\n  * nested\n  * nested\n- b\n",
                "- a\n- b\n\nText.\n\n1. c\n2. d\n",
                "- Phase one: €200m*\n- Phase two: €280m\n\n* Estimated figures.\n",
                "| Plan | Cost* |\n|---|---|\n| A | 10 |\n\n* Estimated.\n\n- a\n- b\n",
                "Intro text.\nContents\n- First\n- Second\nFirst\nText.\n* a\n* b\nSecond\nText.\n* c\n* d\n",
                "- a\n- b\n\nText.\n\n* Note: one aside.\n",
                "1. a\n2. b\n",
                "Verdict:\n\n+ cheap\n+ fast\n- noisy\n- ugly\n",
                "Pros:\n\n+ cheap\n+ fast\n\nCons:\n\n- noisy\n- ugly\n",
                "",
            ],
        );
    }
}
