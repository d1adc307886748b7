//! Quotations: the spans of prose between double quotation marks, found once for the rules that must
//! not treat someone's quoted words as the article's own claims (a quoted figure, a title in a quote).
//!
//! Recognised marks: curly “…”, low „…“ or „…”, guillemets «…» and »…«, and straight "…". A straight
//! mark opens a quotation only where a word could start (text start, after a space, a bracket or a dash)
//! and closes at the next straight mark. A quotation never crosses a block; one left open runs to the end
//! of its block, the convention for a quote that continues in the next paragraph. Single quotation marks
//! are not read: ‘’ is also the apostrophe, and "the parents’ view" would open or close a quote by
//! mistake. Code, URLs and other protected spans are skipped.

use super::{BlockKind, Document};
use std::ops::Range;

/// Sorted, disjoint quotation ranges (marks included).
pub(super) fn find(doc: &Document) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem(_) | BlockKind::Heading(_)) {
            continue;
        }
        let content = &doc.text[block.content.clone()];
        let mut open: Option<(usize, char)> = None;
        let mut previous = ' ';
        for (i, c) in content.char_indices() {
            let at = block.content.start + i;
            // Only a quotation mark can open or close; skip the lookup for every other character.
            let mark = matches!(c, '“' | '„' | '«' | '»' | '"') || open.is_some_and(|(_, opener)| closes(opener, c));
            if !mark || doc.is_protected(at) {
                previous = c;
                continue;
            }
            match (open, c) {
                (None, '“' | '„' | '«' | '»') => open = Some((at, c)),
                (None, '"') if can_open(previous) => open = Some((at, c)),
                (Some((start, opener)), _) if closes(opener, c) => {
                    out.push(start..at + c.len_utf8());
                    open = None;
                }
                _ => {}
            }
            previous = c;
        }
        if let Some((start, _)) = open {
            out.push(start..block.content.end);
        }
    }
    out
}

fn can_open(previous: char) -> bool {
    previous.is_whitespace() || matches!(previous, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
}

fn closes(opener: char, c: char) -> bool {
    match opener {
        '“' => c == '”',
        '„' => matches!(c, '“' | '”'),
        '«' => c == '»',
        '»' => c == '«',
        _ => c == '"',
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    fn quoted(text: &str) -> Vec<&str> {
        let doc = Document::parse(text);
        doc.quotations().iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn finds_curly_straight_and_guillemet_quotations() {
        assert_eq!(quoted("He said “we will win” and left."), ["“we will win”"]);
        assert_eq!(quoted("He said \"we will win\" and \"soon\"."), ["\"we will win\"", "\"soon\""]);
        assert_eq!(quoted("Elle a dit « oui » hier."), ["« oui »"]);
        assert_eq!(quoted("Er sagte „ja“ gestern."), ["„ja“"]);
    }

    #[test]
    fn apostrophes_inches_and_code_open_nothing() {
        assert!(quoted("The parents’ view is that it’s fine.").is_empty());
        assert!(quoted("A 3\" pipe, then `printf(\"%d\")` in code.").is_empty());
    }

    #[test]
    fn an_open_quotation_runs_to_the_end_of_its_block_only() {
        let text = "She said: “the first part\n\nA new paragraph “with a quote”.";
        assert_eq!(quoted(text), ["“the first part", "“with a quote”"]);
    }

    #[test]
    fn quotation_at_finds_the_enclosing_quotation() {
        let text = "They said “a 20% tariff” while the 15% tariff stood.";
        let doc = Document::parse(text);
        let inside = text.find("20%").unwrap();
        let outside = text.find("15%").unwrap();
        assert_eq!(doc.quotation_at(inside).map(|r| &text[r]), Some("“a 20% tariff”"));
        assert_eq!(doc.quotation_at(outside), None);
    }
}
