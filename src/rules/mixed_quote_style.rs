//! `mixed-quote-style`: straight and curly apostrophes, or straight and curly quotation marks, in one
//! article.
//!
//! Counts, over prose only (paragraphs, list items, headings; never code, URLs or other protected
//! spans), apostrophes between two letters (`don't` / `don’t`) and double quotation marks (`"` / `“ ”`),
//! each family on its own. A family written both ways takes the article's majority as its style (the
//! first style used on a tie) and every mark in the other style is flagged, with the curly or straight
//! mark to use. A straight `"` right after a digit is an inch mark, and single quotes used as quotation
//! marks are ambiguous with apostrophes: both are left alone.

use super::{capitalize, char_at, char_before, next_char_among, Rule, RuleMeta};
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "mixed-quote-style",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "Straight and curly apostrophes or quotation marks are mixed.",
        what: "Learns whether the article writes apostrophes and double quotation marks straight (' \") or curly (’ “ ”) from its own majority, and flags each mark written the other way.",
        why: "Mixed quote styles show that parts of the text came from different sources or editors, and they look careless in print. They also break searches for a word such as “don’t”.",
        example: "Takaichi’s visit was short. Trump’s was longer. The summit's tone was warm.",
        use_instead: "Takaichi’s visit was short. Trump’s was longer. The summit’s tone was warm.",
    },
    check,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Straight,
    Curly,
}

/// One quote mark: where it is, its style, and the curly mark that would replace a straight one.
struct Mark {
    range: Range<usize>,
    style: Style,
    curly: char,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let (mut apostrophes, mut quotes) = (Vec::new(), Vec::new());
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem(_) | BlockKind::Heading(_)) {
            continue;
        }
        let base = block.content.start;
        let s = doc.slice(&block.content);
        // Only `'`, `"` and the curly marks (three bytes from 0xE2) matter.
        let mut offset = 0;
        while let Some((here, c)) = next_char_among(s, offset, b"'\"\xE2") {
            offset = here + c.len_utf8();
            if !matches!(c, '\'' | '’' | '"' | '“' | '”') || doc.is_protected(base + here) {
                continue;
            }
            let before = char_before(s, here);
            let after = char_at(s, offset);
            let range = base + here..base + offset;
            match c {
                '\'' | '’' if before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic) => {
                    apostrophes.push(Mark { range, style: if c == '’' { Style::Curly } else { Style::Straight }, curly: '’' });
                }
                '"' if !before.is_some_and(|b| b.is_ascii_digit()) => {
                    let opens = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'));
                    quotes.push(Mark { range, style: Style::Straight, curly: if opens { '“' } else { '”' } });
                }
                '“' | '”' => quotes.push(Mark { range, style: Style::Curly, curly: c }),
                _ => {}
            }
        }
    }
    report(doc, &apostrophes, "apostrophe", "apostrophes", out);
    report(doc, &quotes, "quotation mark", "quotation marks", out);
}

fn report(doc: &Document, marks: &[Mark], noun: &str, plural: &str, out: &mut Vec<Finding>) {
    let curly = marks.iter().filter(|m| m.style == Style::Curly).count();
    let straight = marks.len() - curly;
    if curly == 0 || straight == 0 {
        return;
    }
    let majority = match curly.cmp(&straight) {
        std::cmp::Ordering::Greater => Style::Curly,
        std::cmp::Ordering::Less => Style::Straight,
        std::cmp::Ordering::Equal => marks[0].style,
    };
    let first_majority = marks.iter().find(|m| m.style == majority).map(|m| m.range.clone());
    let (kept, other, count, against) = match majority {
        Style::Curly => ("curly", "straight", curly, straight),
        Style::Straight => ("straight", "curly", straight, curly),
    };
    for mark in marks.iter().filter(|m| m.style != majority) {
        let word = context(doc, &mark.range);
        let replacement = match majority {
            Style::Curly => mark.curly.to_string(),
            Style::Straight => if noun == "apostrophe" { "'" } else { "\"" }.to_string(),
        };
        let mut finding = Finding::new(
            mark.range.clone(),
            format!("{} {noun} in “{word}”: the article mostly uses {kept} {plural} ({count} to {against}).", capitalize(other)),
        )
        .suggest(replacement);
        if let Some(first) = &first_majority {
            finding = finding.related(first.clone(), format!("a {kept} {noun}"));
        }
        out.push(finding);
    }
}

/// The word around a mark, for the message: "don't", "“Yes". At most 30 bytes either side, and only
/// those are searched for the white space that ends the word: a line of marks without spaces must not
/// make each mark rescan the line (that made a 1 MB line of punctuation take minutes).
fn context(doc: &Document, range: &Range<usize>) -> String {
    let text = doc.text;
    let lo = (range.start.saturating_sub(30)..=range.start).find(|&i| text.is_char_boundary(i)).unwrap_or(range.start);
    let hi = (range.end..=(range.end + 30).min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(range.end);
    let start = text[lo..range.start].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let end = text[range.end..hi].find(char::is_whitespace).map_or(hi, |i| range.end + i);
    text[start..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_the_minority_style_of_each_family() {
        let text = "Takaichi’s visit was short. Trump’s was longer. The summit's tone was warm.";
        assert_eq!(flagged(&RULE, text), ["'"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "Straight apostrophe in “summit's”: the article mostly uses curly apostrophes (2 to 1).");
        assert_eq!(found[0].suggestions, ["’"]);
        let quotes = "He said \"yes\" and she said \"no\". They agreed on “maybe”.";
        let found = run(&RULE, quotes);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].suggestions, ["\""]);
    }

    #[test]
    fn opening_and_closing_straight_quotes_get_the_right_curly_mark() {
        let text = "She said “yes” and “fine”, then \"no\".";
        let found = run(&RULE, text);
        let fixes: Vec<&str> = found.iter().map(|f| f.suggestions[0].as_str()).collect();
        assert_eq!(fixes, ["“", "”"]);
    }

    #[test]
    fn one_style_inches_code_and_single_quotes_are_fine() {
        assert_clean(
            &RULE,
            &[
                "Don't worry. It's fine. He said \"yes\".",
                "Don’t worry. It’s fine. He said “yes”.",
                "A 12\" pipe and a “standard” fitting.",
                "It’s done: run `echo 'it's'` to see.",
                "It’s the ‘best’ and 'worst' of times.",
                "Don’t forget:\n\n```\nlet s = \"it's\";\n```\n",
            ],
        );
    }
}
