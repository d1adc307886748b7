//! `mixed-dash-style`: dashes that set off a phrase written in different forms in one article.
//!
//! A dash in the role of a break in the sentence ("Tokyo – The meeting", "the plan—if it passes—") can be a
//! spaced hyphen ` - `, a spaced en dash ` – `, a spaced em dash ` — `, a closed em dash `—` or a double
//! hyphen `--`. Counts these forms over prose only (never code, URLs, tables or list markers), takes the
//! article's majority as its style (the first form used on a tie), and flags each dash in another form
//! with the majority form as the fix. En dashes in ranges ("1990–2000", "pages 4–7"), a dash between
//! numbers ("won 3 - 1") and hyphens inside words are another role and are not counted.

use super::{char_at, char_before, next_char_among, Rule, RuleMeta};
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "mixed-dash-style",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "Dashes that set off a phrase are written in different forms.",
        what: "Finds the dashes that break a sentence (spaced hyphen, spaced en dash, spaced or closed em dash, double hyphen), takes the form the article uses most, and flags the others.",
        why: "One article should use one dash style. A mix shows pieces from different sources, and a spaced hyphen or a double hyphen is usually a typing substitute for the proper dash.",
        example: "The plan – approved on Monday – starts in May. Critics - including two councillors - objected.",
        use_instead: "The plan – approved on Monday – starts in May. Critics – including two councillors – objected.",
    },
    check,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    SpacedHyphen,
    SpacedEn,
    SpacedEm,
    ClosedEm,
    DoubleHyphen,
}

impl Form {
    fn text(self) -> &'static str {
        match self {
            Form::SpacedHyphen => " - ",
            Form::SpacedEn => " – ",
            Form::SpacedEm => " — ",
            Form::ClosedEm => "—",
            Form::DoubleHyphen => "--",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Form::SpacedHyphen => "a spaced hyphen “ - ”",
            Form::SpacedEn => "a spaced en dash “ – ”",
            Form::SpacedEm => "a spaced em dash “ — ”",
            Form::ClosedEm => "a closed em dash “—”",
            Form::DoubleHyphen => "a double hyphen “--”",
        }
    }
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let mut dashes: Vec<(Range<usize>, Form)> = Vec::new();
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem(_) | BlockKind::Heading(_)) {
            continue;
        }
        let base = block.content.start;
        let s = doc.slice(&block.content);
        let width = |c: Option<char>| c.map_or(0, char::len_utf8);
        let mut o = 0;
        // Only `-` and the dashes (three bytes from 0xE2) can start a form.
        while let Some((at, c)) = next_char_among(s, o, b"-\xE2") {
            o = at;
            // The chars around: two before (ending at `start`), two after (ending at `one` and `two`).
            let prev = char_before(s, o);
            let start = o - width(prev);
            let one = o + c.len_utf8();
            let next = char_at(s, one);
            let one = one + width(next);
            let next2 = char_at(s, one);
            let two = one + width(next2);
            let prev2 = char_before(s, start);
            // "3 - 1", "10 – 12": a score, a minus or a range between numbers, not a break in the sentence.
            let between_numbers = prev2.is_some_and(|c| c.is_ascii_digit()) && next2.is_some_and(|c| c.is_ascii_digit());
            let found = match c {
                '—' if prev == Some(' ') && next == Some(' ') => Some((start, one, Form::SpacedEm)),
                '—' if prev.is_some_and(char::is_alphanumeric) || next.is_some_and(char::is_alphanumeric) => Some((o, o + c.len_utf8(), Form::ClosedEm)),
                '–' if prev == Some(' ') && next == Some(' ') && !between_numbers => Some((start, one, Form::SpacedEn)),
                '-' if next == Some('-') && prev != Some('-') && next2 != Some('-') => {
                    let spaced = prev == Some(' ') && next2 == Some(' ');
                    let joins = prev.is_some_and(char::is_alphanumeric) && next2.is_some_and(char::is_alphanumeric);
                    (spaced || joins).then_some(if spaced { (start, two, Form::DoubleHyphen) } else { (o, one, Form::DoubleHyphen) })
                }
                '-' if prev == Some(' ') && next == Some(' ') && prev2.is_some() && !between_numbers => Some((start, one, Form::SpacedHyphen)),
                _ => None,
            };
            let Some((from, to, form)) = found else {
                o += c.len_utf8();
                continue;
            };
            if !doc.is_protected(base + o) {
                dashes.push((base + from..base + to, form));
            }
            o = to;
        }
    }
    let mut counts: Vec<(Form, usize)> = Vec::new();
    for &(_, form) in &dashes {
        match counts.iter_mut().find(|(f, _)| *f == form) {
            Some((_, n)) => *n += 1,
            None => counts.push((form, 1)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most used form; on a tie the first one used (counts keep the order of first use).
    let (majority, most) = counts.iter().copied().fold(counts[0], |best, c| if c.1 > best.1 { c } else { best });
    let first = dashes.iter().find(|(_, f)| *f == majority).map(|(r, _)| r.clone());
    for (range, form) in dashes.iter().filter(|(_, f)| *f != majority) {
        let mut finding = Finding::new(
            range.clone(),
            format!("This dash is {}, but the article's dashes are mostly {} ({most} of {}).", form.name(), majority.name(), dashes.len()),
        )
        .suggest(majority.text());
        if let Some(first) = &first {
            finding = finding.related(first.clone(), "a dash in the article's usual form");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_dashes_in_the_minority_form() {
        let text = "The plan – approved on Monday – starts in May. Critics - including two councillors - objected.";
        assert_eq!(flagged(&RULE, text), [" - ", " - "]);
        let found = run(&RULE, text);
        assert_eq!(found[0].suggestions, [" – "]);
        assert_eq!(found[0].message, "This dash is a spaced hyphen “ - ”, but the article's dashes are mostly a spaced en dash “ – ” (2 of 4).");
        assert_eq!(flagged(&RULE, "It worked—mostly. It failed -- twice. It ended—finally."), [" -- "]);
    }

    #[test]
    fn one_form_ranges_hyphenated_words_code_and_tables_are_fine() {
        assert_clean(
            &RULE,
            &[
                "The plan – approved on Monday – starts in May, in 2024–2025.",
                "It worked—mostly—and the well-known co-op paid for pages 4–7.",
                "Run `ls - l` or `a -- b` — then stop — and read on.",
                "| a - b | c — d |\n|---|---|\n| 1 | 2 |\n\nThe table — above — is fine.",
                "- a list item — with a dash\n- another — too",
                "Scores were 3 - 1 and 2 - 0 — a good week.",
            ],
        );
    }
}
