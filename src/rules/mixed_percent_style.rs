//! `mixed-percent-style`: percentages written both with the sign and as a word in one article ("15%"
//! and "18 percent" or "18 per cent").
//!
//! Counts every number in digits followed by "%" (or " %"), by the word "percent" or by "per cent" in the
//! article's prose (paragraphs, list items, headings). The form used most is the article's style (the
//! first one used on a tie) and each use of another form is flagged, with the number rewritten in the
//! majority form. Left alone: table rows (data laid out in cells), code and protected spans (URLs, code
//! spans), quoted speech (a quotation keeps its own wording), numbers spelt out ("fifteen percent") and
//! "percentage point(s)", which is a different unit.

use super::{number_at, Rule, RuleMeta};
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "mixed-percent-style",
        category: Category::Consistency,
        severity: Severity::Info,
        summary: "Percentages are written both with “%” and as “percent”.",
        what: "Counts the percentages written with the sign (“15%”), with “percent” and with “per cent” in the article's prose, and flags each one written in a less frequent form. Tables, code, quotations and “percentage points” are left out.",
        why: "House styles pick one way to write percentages. Mixing them looks like text stitched together from different sources and makes figures harder to scan and compare.",
        example: "Tariffs rose to 15%. Defence spending grew 18% and trade fell 4 percent.",
        use_instead: "Tariffs rose to 15%. Defence spending grew 18% and trade fell 4%.",
    },
    check,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Sign,
    Percent,
    PerCent,
}

impl Form {
    fn write(self, number: &str) -> String {
        match self {
            Form::Sign => format!("{number}%"),
            Form::Percent => format!("{number} percent"),
            Form::PerCent => format!("{number} per cent"),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Form::Sign => "the sign “%”",
            Form::Percent => "the word “percent”",
            Form::PerCent => "the words “per cent”",
        }
    }
}

struct Use {
    /// The number and its percent sign or words.
    range: Range<usize>,
    number: Range<usize>,
    form: Form,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let mut uses: Vec<Use> = Vec::new();
    let words = &doc.words;
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem(_) | BlockKind::Heading(_)) {
            continue;
        }
        let mut i = block.words.start;
        while i < block.words.end {
            let Some(number) = number_at(doc, i) else {
                i += 1;
                continue;
            };
            i = number.words.end;
            // A number glued after another ("1.2.3", "v2") is not a quantity.
            if number.words.start > block.words.start && doc.text[..number.range.start].ends_with(['.', ',', '-', '/']) {
                continue;
            }
            let rest = doc.text.get(number.range.end..block.content.end).unwrap_or("");
            let word_is = |k: usize, gap: &[&str], text: &str| {
                k < block.words.end && !words[k].protected && gap.contains(&doc.slice(&(words[k - 1].range.end..words[k].range.start))) && doc.slice(&words[k].range).eq_ignore_ascii_case(text)
            };
            let (form, end) = if rest.starts_with('%') || rest.starts_with(" %") {
                (Form::Sign, number.range.end + rest.find('%').unwrap_or(0) + 1)
            } else if word_is(i, &[" ", "-"], "percent") {
                (Form::Percent, words[i].range.end)
            } else if word_is(i, &[" "], "per") && word_is(i + 1, &[" "], "cent") {
                (Form::PerCent, words[i + 1].range.end)
            } else {
                continue;
            };
            if doc.quotation_at(number.range.start).is_some() {
                continue;
            }
            uses.push(Use { range: number.range.start..end, number: number.range, form });
        }
    }
    let count = |form: Form| uses.iter().filter(|u| u.form == form).count();
    let Some(first) = uses.first() else { return };
    let mut majority = first.form;
    for form in [Form::Sign, Form::Percent, Form::PerCent] {
        if count(form) > count(majority) {
            majority = form;
        }
    }
    let Some(model) = uses.iter().find(|u| u.form == majority) else { return };
    let model_text = doc.slice(&model.range);
    for minority in uses.iter().filter(|u| u.form != majority) {
        let text = doc.slice(&minority.range);
        let tally = format!("{} to {}", count(majority), count(minority.form));
        out.push(
            Finding::new(minority.range.clone(), format!("“{text}” writes the percentage with {}, but the article mostly uses {} (“{model_text}”, {tally}).", minority.form.describe(), majority.describe()))
                .suggest(majority.write(doc.slice(&minority.number)))
                .related(model.range.clone(), format!("the first “{model_text}”")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_the_minority_form() {
        assert_eq!(flagged(&RULE, "Tariffs rose to 15%. Spending grew 18% and trade fell 4 percent."), ["4 percent"]);
        assert_eq!(flagged(&RULE, "Rates of 2.5 per cent and 3 per cent, then 1,200% later."), ["1,200%"]);
        assert_eq!(flagged(&RULE, "A 15% tariff, an 18 % rise and a 4-percent cut."), ["4-percent"]);
        let found = run(&RULE, "Tariffs rose to 15%. Spending grew 18% and trade fell 4.5 percent.");
        assert_eq!(found[0].suggestions, ["4.5%"]);
        let found = run(&RULE, "Rates were 15 percent. Then 4%.");
        assert_eq!(found[0].suggestions, ["4 percent"], "a tie goes to the form used first");
    }

    #[test]
    fn leaves_one_form_tables_quotes_and_points_alone() {
        assert_clean(
            &RULE,
            &[
                "Tariffs rose to 15%. Spending grew 18%.",
                "Tariffs rose 15 percent. Spending grew 18 percent.",
                "Tariffs rose to 15%. Rates rose 2 percentage points.",
                "Tariffs rose to 15%. “We expect 20 percent,” she said.",
                "Tariffs rose to 15%.\n\n| Year | Growth |\n|---|---|\n| 2024 | 4 percent |\n",
                "Tariffs rose to 15%. Run `echo 15 percent` or see https://example.com/15-percent now.",
                "Tariffs rose to 15%. Fifteen percent is high.",
                "A large percent of voters stayed home. Turnout was 45%.",
            ],
        );
    }
}
