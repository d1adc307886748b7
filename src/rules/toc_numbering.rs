//! `toc-numbering`: a table of contents whose numbers skip or repeat.
//!
//! Reads each entry's numbering from the model ("3" in "- 3. Costs", "2.1" in "2.1 Sampling", or an ordered
//! list marker). An entry may continue at its own depth (2.1 → 2.2), open a deeper level (2 → 2.1) or
//! return to a shallower one (2.1 → 3); anything else is a skip or a repeat. Each entry is compared with
//! the one before it as written, so one wrong number gives one finding. Single-level numbers that hold a
//! whole run, only shuffled (1, 2, 4, 3, 5), are left to `toc-out-of-order`. A list numbered "1." throughout
//! is Markdown's lazy numbering and is left alone; unnumbered entries are skipped.

use super::{Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "toc-numbering",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "The table of contents numbering skips or repeats a number.",
        what: "Follows the numbers of a table of contents (1, 2, 3 or 2, 2.1, 2.2, 3) and flags an entry whose number does not follow from the one before it.",
        why: "A gap in the numbering makes readers look for a section that is not listed; a repeated number makes references like “see section 3” ambiguous. Both usually mean an entry was lost or added by hand.",
        example: "Contents\n1. Costs\n2. Riders\n4. Outlook\nCosts\nText.\nRiders\nText.\nOutlook\nText.",
        use_instead: "Contents\n1. Costs\n2. Riders\n3. Outlook\nCosts\nText.\nRiders\nText.\nOutlook\nText.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for toc in &doc.tocs {
        let numbered: Vec<(std::ops::Range<usize>, Vec<u64>)> =
            toc.entries.iter().filter_map(|e| e.numbering.clone()).filter_map(|r| Some((r.clone(), parse(doc.slice(&r))?))).collect();
        if numbered.len() < 2 || numbered.iter().all(|(_, n)| *n == numbered[0].1) || is_reordered_run(&numbered) {
            continue;
        }
        for pair in numbered.windows(2) {
            let [(_, previous), (range, current)] = pair else { continue };
            if follows(previous, current) {
                continue;
            }
            let expected = expected_after(previous, current.len());
            let shown = |n: &[u64]| n.iter().map(u64::to_string).collect::<Vec<_>>().join(".");
            let message = if current == previous {
                format!("The contents numbering repeats {}.", shown(current))
            } else {
                format!("The contents numbering jumps from {} to {}; expected {}.", shown(previous), shown(current), shown(&expected))
            };
            out.push(Finding::new(range.clone(), message).suggest(shown(&expected)));
        }
    }
}

/// Single-level numbers that hold every number of a run exactly once, only not in order (1, 2, 4, 3, 5):
/// nothing is missing or repeated, and the order is `toc-out-of-order`'s to judge against the sections.
fn is_reordered_run(numbered: &[(std::ops::Range<usize>, Vec<u64>)]) -> bool {
    let mut numbers: Vec<u64> = Vec::with_capacity(numbered.len());
    for (_, n) in numbered {
        let [single] = n.as_slice() else { return false };
        numbers.push(*single);
    }
    crate::sort::sort(&mut numbers);
    numbers.windows(2).all(|w| w[1] == w[0] + 1)
}

/// "2.1" → [2, 1]; `None` for anything that is not dot-separated numbers.
fn parse(numbering: &str) -> Option<Vec<u64>> {
    numbering.split('.').map(|p| p.parse().ok()).collect()
}

/// Whether `current` may come right after `previous`: the next number at the same depth or a shallower
/// one, or the first number (0 or 1) one level deeper.
fn follows(previous: &[u64], current: &[u64]) -> bool {
    match current.len() {
        n if n == previous.len() + 1 => current[..previous.len()] == *previous && matches!(current[n - 1], 0 | 1),
        n if n >= 1 && n <= previous.len() => current[..n - 1] == previous[..n - 1] && current[n - 1] == previous[n - 1] + 1,
        _ => false,
    }
}

/// The number that should follow `previous` at the depth `depth` the writer used.
fn expected_after(previous: &[u64], depth: usize) -> Vec<u64> {
    if depth > previous.len() {
        let mut next = previous.to_vec();
        next.push(1);
        return next;
    }
    let mut next = previous[..depth.max(1)].to_vec();
    if let Some(last) = next.last_mut() {
        *last += 1;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::{follows, RULE};
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_skips_and_repeats_once_each() {
        let text = "Intro text.\nContents\n- 1. Costs\n- 2. Riders\n- 4. Outlook\n- 5. Fares\n- 5. Lines\nCosts\nText.\n";
        assert_eq!(flagged(&RULE, text), ["4", "5"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "The contents numbering jumps from 2 to 4; expected 3.");
        assert_eq!(found[0].suggestions, ["3"]);
        assert_eq!(found[1].message, "The contents numbering repeats 5.");
        assert_eq!(flagged(&RULE, "Intro text.\nContents\n- 1. Costs\n- 2. Riders\n- 2.2 Fares\nCosts\nText.\n"), ["2.2"]);
    }

    #[test]
    fn accepts_nested_numbering_lazy_numbering_and_any_start() {
        assert_clean(
            &RULE,
            &[
                "Intro text.\nContents\n- 1. Costs\n- 1.1 Land\n- 1.2 Trams\n- 2. Riders\n- 2.1 Fares\n- 3. Outlook\nCosts\nText.\n",
                "# Guide\n\n## Contents\n\n1. [Costs](#costs)\n1. [Riders](#riders)\n1. [Outlook](#outlook)\n\n## Costs\n\nText.\n",
                "Intro text.\nContents\n- 0. Preface\n- 1. Costs\n- 2. Riders\nCosts\nText.\n",
                "Intro text.\nContents\n- Costs\n- Riders\nCosts\nText.\n",
                "Intro text.\nContents\n- 1. Costs\n- 2. Riders\n- 4. Fares\n- 3. Lines\n- 5. Outlook\nCosts\nText.\n",
            ],
        );
        assert!(follows(&[1, 2], &[2]) && follows(&[2], &[2, 1]) && !follows(&[2], &[2, 2]) && !follows(&[3], &[3]));
    }
}
