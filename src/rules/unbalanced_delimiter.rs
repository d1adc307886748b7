//! `unbalanced-delimiter`: brackets, double quotes and `**` / `__` markup left open or closed twice
//! within one block.
//!
//! Scans the characters of each heading, paragraph, list item and table row once, skipping protected
//! spans (code, URLs). Brackets use a stack; straight double quotes toggle; curly quotes pair “ with ”;
//! `**` and `__` runs toggle unless inside a word (`snake__case`, `2**3`), where only a `**` can close
//! bold already open ("**cov**ariant"). Left alone: smileys (":)"),
//! enumerators ("a)", "2)") with no opening bracket, inch marks after digits (12") unless a quotation is
//! open, half-open intervals ("[0, 0x800)"), footnote signs ("[**]"), and the convention of a
//! quotation running over paragraphs, where each paragraph opens a quote and only the last closes it.

use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};

use super::{char_before, next_char_among, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "unbalanced-delimiter",
        category: Category::Mechanics,
        severity: Severity::Warning,
        summary: "A bracket, quotation mark or ** / __ markup is opened but not closed, or closed but not opened.",
        what: "Within each paragraph, heading, list item or table row, pairs brackets ( ) [ ] { }, double quotes and Markdown bold markers ** and __, and flags the ones left without a partner.",
        why: "An unclosed bracket or quote leaves the reader unsure where an aside or a quotation ends; stray ** shows up as literal asterisks or turns the rest of the text bold.",
        example: "The treaty (signed in 1951 remains in force. **Key point: it was revised.",
        use_instead: "The treaty (signed in 1951) remains in force. **Key point:** it was revised.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for (index, block) in doc.blocks.iter().enumerate() {
        let noun = match &block.kind {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading(_) => "heading",
            BlockKind::ListItem(_) => "list item",
            BlockKind::TableRow(row) if !row.is_delimiter => "table row",
            _ => continue,
        };
        Scan { doc, noun, out }.block(index);
    }
}

struct Scan<'d, 'o> {
    doc: &'d Document<'d>,
    noun: &'static str,
    out: &'o mut Vec<Finding>,
}

impl Scan<'_, '_> {
    fn block(&mut self, index: usize) {
        let doc = self.doc;
        let content = doc.blocks[index].content.clone();
        let s = doc.slice(&content);
        let base = content.start;
        let mut brackets: Vec<(char, usize)> = Vec::new();
        let mut emphasis: [Option<usize>; 2] = [None, None];
        let mut straight: Option<usize> = None;
        let mut curly: Option<usize> = None;
        // Only these characters change the state below, so the scan jumps between their bytes (the curly
        // quotation marks are three bytes from 0xE2); `prev` is the character before, or a space.
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some((found, c)) = next_char_among(s, i, b"([{)]}*_\"\xE2") {
            i = found;
            let at = base + i;
            let prev = char_before(s, i).unwrap_or(' ');
            if !matches!(c, '(' | '[' | '{' | ')' | ']' | '}' | '*' | '_' | '"' | '“' | '”') || doc.is_protected(at) {
                i += c.len_utf8();
                continue;
            }
            match c {
                '(' | '[' | '{' if !(c == '(' && matches!(prev, ':' | ';')) => brackets.push((c, at)),
                ')' | ']' | '}' => self.closer(c, at, prev, &s[..i], &mut brackets),
                '*' | '_' => {
                    let run = bytes[i..].iter().take_while(|&&b| char::from(b) == c).count();
                    let next = s[i + run..].chars().next().unwrap_or(' ');
                    let inside_word = prev.is_alphanumeric() && next.is_alphanumeric();
                    // "[**]", "(*)": a footnote sign, not markup.
                    let symbol = matches!(prev, '[' | '(') && matches!(next, ']' | ')');
                    let slot = &mut emphasis[usize::from(c == '_')];
                    if (run == 2 || run == 3) && !symbol {
                        if !inside_word {
                            *slot = if slot.is_some() { None } else { Some(at) };
                        } else if c == '*' && slot.is_some() {
                            // "**cov**ariant": a `*` run may close inside a word; it never opens there ("2**3").
                            *slot = None;
                        }
                    }
                    i += run;
                    continue;
                }
                // After a digit a straight mark is an inch sign ("a 12\" pipe"), unless it closes a quote.
                '"' if !prev.is_ascii_digit() || straight.is_some() => straight = if straight.is_some() { None } else { Some(at) },
                '“' => {
                    if let Some(open) = curly.replace(at) {
                        self.unclosed(open, "“", "opens a quotation that is never closed");
                    }
                }
                // The guard closes an open quotation; only a closing mark with none open is reported.
                '”' if curly.take().is_none() => {
                    self.push(at..at + c.len_utf8(), format!("Closing quotation mark “”” has no opening “ in this {}.", self.noun));
                }
                _ => {}
            }
            i += c.len_utf8();
        }
        for (open, at) in brackets {
            self.unclosed(at, &open.to_string(), "is opened but never closed");
        }
        for (slot, marker) in emphasis.into_iter().zip(["**", "__"]) {
            if let Some(at) = slot {
                self.unclosed(at, marker, "starts bold text that is never closed");
            }
        }
        let continued = |quote: char| {
            doc.next_non_blank(index).is_some_and(|next| doc.slice(&next.content).starts_with(quote))
        };
        if let Some(at) = straight.filter(|&at| !(at == base && continued('"'))) {
            self.unclosed(at, "\"", "opens a quotation that is never closed");
        }
        if let Some(at) = curly.filter(|&at| !(at == base && continued('“'))) {
            self.unclosed(at, "“", "opens a quotation that is never closed");
        }
    }

    fn closer(&mut self, c: char, at: usize, prev: char, before: &str, brackets: &mut Vec<(char, usize)>) {
        let opener = match c {
            ')' => '(',
            ']' => '[',
            _ => '{',
        };
        // A half-open interval, "[0, 0x800)" or "(0, 1]": the other bracket closes it.
        let interval_opener = match c {
            ')' => Some('['),
            ']' => Some('('),
            _ => None,
        };
        if let Some(&(open, open_at)) = brackets.last() {
            if Some(open) == interval_opener && self.doc.text[open_at + 1..at].contains(',') {
                brackets.pop();
                return;
            }
        }
        if let Some(depth) = brackets.iter().rposition(|&(o, _)| o == opener) {
            for (inner, inner_at) in brackets.drain(depth..).skip(1).collect::<Vec<_>>() {
                self.unclosed(inner_at, &inner.to_string(), "is opened but never closed");
            }
            return;
        }
        let smiley = c == ')' && matches!(prev, ':' | ';' | '8' | '^');
        let token = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let enumerator = c == ')' && !token.is_empty() && token.chars().count() <= 3 && token.chars().all(char::is_alphanumeric);
        if !smiley && !enumerator {
            self.push(at..at + 1, format!("“{c}” closes nothing: no “{opener}” opens it in this {}.", self.noun));
        }
    }

    /// An opener left open: flagged together with the word it is glued to, for a visible highlight.
    fn unclosed(&mut self, at: usize, marker: &str, what: &str) {
        let marker_end = at + marker.len();
        let end = match self.doc.word_at_or_after(marker_end) {
            Some(w) if w.range.start == marker_end => w.range.end,
            _ => marker_end,
        };
        self.push(at..end, format!("“{marker}” {what} in this {}.", self.noun));
    }

    fn push(&mut self, range: std::ops::Range<usize>, message: String) {
        self.out.push(Finding::new(range, message));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_unclosed_and_unmatched_delimiters() {
        assert_eq!(flagged(&RULE, "The treaty (signed in 1951 holds."), ["(signed"]);
        assert_eq!(flagged(&RULE, "It holds) firmly."), [")"]);
        assert_eq!(flagged(&RULE, "* **Post-war years"), ["**Post"]);
        assert_eq!(flagged(&RULE, "He said \"stop and left."), ["\"stop"]);
        assert_eq!(flagged(&RULE, "She wrote “never again and left."), ["“never"]);
        assert_eq!(flagged(&RULE, "She wrote never again” and left."), ["”"]);
        assert_eq!(flagged(&RULE, "A list [with (nested] items."), ["(nested"]);
        let found = run(&RULE, "The treaty (signed in 1951 holds.");
        assert_eq!(found[0].message, "“(” is opened but never closed in this paragraph.");
    }

    #[test]
    fn leaves_balanced_text_smileys_enumerators_and_code_alone() {
        assert_clean(
            &RULE,
            &[
                "The treaty (signed in 1951) holds. He said \"yes\" and “no”.",
                "Great news :) and sad news :( today.",
                "[docs.rs/walkdir](https://docs.rs/walkdir/)",
                "Choose a) tea or b) coffee, then 1) sit and 2) drink.",
                "A 12\" pizza and a 3\" pipe.",
                "Use `f(x` and **bold** and __strong__ text, snake__case and 2**3.",
                "Functions are **contra**variant, which is un**frig**believable.",
                "Code points [0, 0x800), then [0x800, 0x10000) and (0, 1] and a footnote [**] here.",
                "Base 128 as \"Little Endian Base 128\" and \"stable - 2\". A 12\" pipe.",
                "See [the docs](https://example.com/a_(b)) now.",
                "“The first paragraph of a long quotation.\n\n“The second, which closes it.”",
            ],
        );
    }
}
