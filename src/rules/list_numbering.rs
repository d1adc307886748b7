//! `list-numbering`: an ordered list whose numbers skip or repeat (1, 2, 4 or 1, 2, 2).
//!
//! Reads each numbered list (see [`Document::lists`]: items of one depth, blank lines and nested lists
//! between them allowed) and walks its numbers: each must be the previous one plus one. Any start number
//! is fine, and so are lazily numbered lists whose items all carry the same number ("1. 1. 1.", which
//! Markdown renumbers) and countdowns ("5. 4. 3." that stay at zero or above). Only the first wrong
//! number of a list is flagged, with the expected one offered: fixing it may settle the rest. Lists
//! that form a table of contents are left to the contents rules, and bullet lists whose text starts
//! with a number ("- 1. Intro") are not numbered lists.

use super::{Rule, RuleMeta};
use crate::document::{Document, ListMarker};
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "list-numbering",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A numbered list skips or repeats a number.",
        what: "Walks the numbers of each numbered list and flags the first one that is not the previous number plus one, offering the expected number. Lists that start at any number, lists numbered “1. 1. 1.” throughout and countdowns are fine.",
        why: "A skipped number makes readers look for a missing step; a repeated one suggests two items were merged or one was pasted twice. In instructions either can make readers doubt they have every step.",
        example: "1. Buy a ticket.\n2. Validate it on board.\n4. Keep it until you leave the tram.",
        use_instead: "1. Buy a ticket.\n2. Validate it on board.\n3. Keep it until you leave the tram.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for list in doc.lists() {
        if !list.ordered || list.in_toc || list.items.len() < 2 {
            continue;
        }
        let markers: Vec<(u64, char, usize)> = list
            .items
            .iter()
            .filter_map(|&i| match doc.list_item(i)?.marker {
                ListMarker::Ordered { number, delimiter } => Some((number, delimiter, i)),
                ListMarker::Bullet(_) => None,
            })
            .collect();
        let (Some(&(first, ..)), Some(&(second, ..))) = (markers.first(), markers.get(1)) else { continue };
        if markers.iter().all(|&(n, ..)| n == first) {
            continue;
        }
        let countdown = second.checked_add(1) == Some(first) && first.checked_add(1).is_some_and(|f| f >= markers.len() as u64);
        for pair in markers.windows(2) {
            let [(previous, _, previous_block), (number, delimiter, block)] = [pair[0], pair[1]];
            let expected = if countdown { previous.checked_sub(1) } else { previous.checked_add(1) };
            let Some(expected) = expected.filter(|&e| e != number) else { continue };
            let (Some(item), Some(previous_item)) = (doc.list_item(block), doc.list_item(previous_block)) else { break };
            let message = if number == previous {
                format!("The numbering repeats {number}; this item should be {expected}.")
            } else if (number > expected) != countdown {
                format!("The numbering skips from {previous} to {number}; this item should be {expected}.")
            } else {
                format!("The numbering jumps from {previous} back to {number}; this item should be {expected}.")
            };
            out.push(Finding::new(item.marker_range.clone(), message).suggest(format!("{expected}{delimiter}")).related(previous_item.marker_range.clone(), "the previous item"));
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_the_first_skipped_or_repeated_number() {
        let text = "Steps:\n\n1. Buy a ticket.\n2. Validate it.\n4. Ride.\n5. Leave.\n";
        assert_eq!(flagged(&RULE, text), ["4."]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "The numbering skips from 2 to 4; this item should be 3.");
        assert_eq!(found[0].suggestions, ["3."]);
        assert_eq!(&text[found[0].related[0].range.clone()], "2.");
        assert_eq!(run(&RULE, "1) a\n2) b\n2) c\n")[0].message, "The numbering repeats 2; this item should be 3.");
        assert_eq!(run(&RULE, "1. a\n2. b\n3. c\n1. d\n")[0].message, "The numbering jumps from 3 back to 1; this item should be 4.");
        // Blank lines and nested items do not break the list; a countdown is checked downwards.
        assert_eq!(flagged(&RULE, "1. a\n\n   - detail\n\n2. b\n\n4. c\n"), ["4."]);
        assert_eq!(flagged(&RULE, "5. e\n4. d\n2. b\n1. a\n"), ["2."]);
        assert_eq!(flagged(&RULE, "1. a\n1. b\n2. c\n"), ["1."]);
    }

    #[test]
    fn accepts_any_start_lazy_numbering_countdowns_and_contents() {
        assert_clean(
            &RULE,
            &[
                "1. a\n2. b\n3. c\n",
                "3. c\n4. d\n5. e\n",
                "1. a\n1. b\n1. c\n",
                "0. a\n0. b\n",
                "3. c\n2. b\n1. a\n",
                "1. a\n   1. nested a\n   2. nested b\n2. b\n",
                "1. a\n2. b\n\nA paragraph.\n\n1. c\n2. d\n",
                "1. a\n\n   ```\n   code\n   ```\n\n2. b\n",
                "- 1. Intro\n- 3. Outlook\n",
                "Intro text.\nContents\n1. First\n3. Third\nFirst\nText.\nThird\nText.\n",
                "1. only one\n",
            ],
        );
    }
}
