//! `toc-out-of-order`: contents entries listed in a different order than their sections appear.
//!
//! Takes the entries that name a section, in list order, and finds the longest run of them whose sections
//! appear in the same order in the article (a longest increasing subsequence, O(n log n)). The entries
//! outside that run are the ones out of place; each is reported once, next to a neighbour in the run it
//! contradicts, so one moved section gives one finding, not a cascade.

use super::{Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "toc-out-of-order",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "The table of contents lists sections in a different order than the article.",
        what: "Compares the order of the table of contents with the order of the sections it names, and flags the fewest entries that, moved, would make the two agree.",
        why: "A contents list out of order misleads readers about how the article is organised, and is a sign that sections were moved or the list was assembled separately.",
        example: "Contents\n- Outlook\n- Costs\n- Riders\nCosts\nIt cost a lot.\nRiders\nThey liked it.\nOutlook\nMore lines.",
        use_instead: "Contents\n- Costs\n- Riders\n- Outlook\nCosts\nIt cost a lot.\nRiders\nThey liked it.\nOutlook\nMore lines.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for toc in &doc.tocs {
        let linked: Vec<(usize, usize)> = toc.entries.iter().enumerate().filter_map(|(i, e)| Some((i, e.target?))).collect();
        let targets: Vec<usize> = linked.iter().map(|&(_, t)| t).collect();
        let keep = longest_increasing(&targets);
        for (k, &(entry_index, target)) in linked.iter().enumerate() {
            if keep[k] {
                continue;
            }
            let entry = &toc.entries[entry_index];
            let text = doc.slice(&entry.text);
            let before = (0..k).rev().find(|&j| keep[j]).filter(|&j| targets[j] > target);
            let after = (k + 1..linked.len()).find(|&j| keep[j]).filter(|&j| targets[j] < target);
            let message = match (before, after) {
                (Some(j), _) => format!("“{text}” is listed after “{}”, but its section comes before it.", doc.slice(&toc.entries[linked[j].0].text)),
                (None, Some(j)) => format!("“{text}” is listed before “{}”, but its section comes after it.", doc.slice(&toc.entries[linked[j].0].text)),
                (None, None) => format!("“{text}” is listed in a different place than its section."),
            };
            out.push(Finding::new(entry.text.clone(), message).related(doc.blocks[target].content.clone(), "the section"));
        }
    }
}

/// Marks the members of one longest strictly increasing subsequence of `values` (patience sorting).
fn longest_increasing(values: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into values of the smallest tail of each length
    let mut previous = vec![usize::MAX; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let length = tails.partition_point(|&t| values[t] < v);
        if length > 0 {
            previous[i] = tails[length - 1];
        }
        if length == tails.len() {
            tails.push(i);
        } else {
            tails[length] = i;
        }
    }
    let mut keep = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = (previous[i] != usize::MAX).then(|| previous[i]);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::{longest_increasing, RULE};
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_the_fewest_entries_out_of_place() {
        let text = "Intro text.\nContents\n- Outlook\n- Costs\n- Riders\nCosts\nText.\nRiders\nText.\nOutlook\nText.\n";
        assert_eq!(flagged(&RULE, text), ["Outlook"]);
        assert_eq!(run(&RULE, text)[0].message, "“Outlook” is listed before “Costs”, but its section comes after it.");
        let swapped = "Intro text.\nContents\n- Costs\n- Outlook\n- Riders\n- Fares\nCosts\nText.\nRiders\nText.\nOutlook\nText.\nFares\nText.\n";
        assert_eq!(flagged(&RULE, swapped).len(), 1);
    }

    #[test]
    fn same_order_and_unmatched_entries_are_clean() {
        assert_clean(
            &RULE,
            &[
                "Intro text.\nContents\n- Costs\n- Riders\n- Outlook\nCosts\nText.\nRiders\nText.\nOutlook\nText.\n",
                "Intro text.\nContents\n- Costs\n- Lost Part\n- Outlook\nCosts\nText.\nOutlook\nText.\n",
            ],
        );
    }

    #[test]
    fn longest_increasing_keeps_a_maximal_run() {
        assert_eq!(longest_increasing(&[5, 1, 2, 6, 3, 4]), [false, true, true, false, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }
}
