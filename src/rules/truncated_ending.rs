//! `truncated-ending`: the article stops mid-word or mid-sentence.
//!
//! Looks only at the last non-blank block. Fires when it ends on a hyphen glued to a word ("Post-"), on a
//! comma, semicolon, colon or dash, or on an article, preposition or conjunction ("… and the"); and, for a
//! paragraph, when its last word has no closing punctuation at all. A last list item without a full stop
//! is only flagged when the items before it all have one. Sign-offs and bylines ("Jane Doe"), headings,
//! code, tables and a final URL are left alone.

use super::{excerpt, Rule, RuleMeta};
use crate::document::lexicon::is_function_word;
use crate::document::{ends_sentence, Block, BlockKind, Document, HeadingStyle};
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "truncated-ending",
        category: Category::Structure,
        severity: Severity::Error,
        summary: "The article ends mid-word or mid-sentence.",
        what: "Checks how the text ends: a word cut at a hyphen, a sentence stopping on a comma, a colon or a word like “the” or “and”, or a final paragraph without closing punctuation.",
        why: "A cut-off ending means the copy was truncated by a length limit, a failed paste or a scraper. Whatever came after is missing, and readers notice at once.",
        example: "The alliance has evolved since the war.\n\nIts most recent phase began with the",
        use_instead: "The alliance has evolved since the war.\n\nIts most recent phase began with the 2015 guidelines.",
    },
    check,
};

enum Cut {
    MidWord,
    MidSentence,
    DanglingColon,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let Some((index, block)) = doc.last_non_blank() else { return };
    let (is_paragraph, is_list_item) = match &block.kind {
        BlockKind::Paragraph => (true, false),
        BlockKind::ListItem(_) => (false, true),
        BlockKind::Heading(h) if h.style == HeadingStyle::Plain => (false, false),
        _ => return,
    };
    let Some(last_word) = doc.words_in(&block.words).last() else { return };
    let content_text = doc.slice(&block.content).trim_end();
    let content_end = block.content.start + content_text.len();
    if last_word.protected || doc.is_protected(content_end.saturating_sub(1)) {
        return;
    }
    let tail = doc.text[last_word.range.end..content_end].trim_matches(['*', '_']);
    let word = doc.slice(&last_word.range);
    let cut = match tail {
        "-" | "‐" if !doc.text[..last_word.range.start].ends_with(char::is_whitespace) || word.chars().count() > 1 => Some(Cut::MidWord),
        "," | ";" | " -" | " –" | " —" | "–" | "—" => Some(Cut::MidSentence),
        ":" => Some(Cut::DanglingColon),
        "" if is_function_word(word) => Some(Cut::MidSentence),
        "" if is_paragraph && !is_sign_off(doc, block) => Some(Cut::MidSentence),
        "" if is_list_item && siblings_end_sentences(doc, index) => Some(Cut::MidSentence),
        _ => None,
    };
    let Some(cut) = cut else { return };
    let token_start = content_text.rfind(char::is_whitespace).map_or(0, |p| p + content_text[p..].chars().next().map_or(1, char::len_utf8));
    let range = block.content.start + token_start..content_end;
    let ending = tail_excerpt(content_text, 50);
    let message = match cut {
        Cut::MidWord => format!("The article ends mid-word: “{}” is cut off.", doc.slice(&range)),
        Cut::MidSentence => format!("The article ends mid-sentence: “{ending}” has no end."),
        Cut::DanglingColon => format!("The article ends on a colon: what “{ending}” introduces is missing."),
    };
    out.push(Finding::new(range, message));
}

/// "Jane Doe", "The Editors": a short last line of capitalised words.
fn is_sign_off(doc: &Document, block: &Block) -> bool {
    let last_line = doc.slice(&doc.lines[block.lines.end - 1].range).trim();
    let words: Vec<&str> = last_line.split_whitespace().collect();
    words.len() <= 4 && words.iter().all(|w| w.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase()))
}

/// The list items right before `index` (two at least) all end with sentence punctuation.
fn siblings_end_sentences(doc: &Document, index: usize) -> bool {
    let siblings: Vec<&Block> = doc.blocks[..index]
        .iter()
        .rev()
        .filter(|b| b.kind != BlockKind::Blank)
        .take_while(|b| matches!(b.kind, BlockKind::ListItem(_)))
        .collect();
    siblings.len() >= 2 && siblings.iter().all(|b| ends_sentence(doc.slice(&b.content)))
}

/// The last `max` chars of `s`, starting at a word, with a leading "…" when cut.
fn tail_excerpt(s: &str, max: usize) -> String {
    let count = s.chars().count();
    if count <= max {
        return s.to_string();
    }
    let cut = s.char_indices().nth(count - max).map_or(0, |(i, _)| i);
    let from = s[cut..].find(char::is_whitespace).map_or(cut, |p| cut + p);
    format!("…{}", excerpt(&s[from..], max))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_texts_cut_mid_word_or_mid_sentence() {
        assert_eq!(flagged(&RULE, "The alliance evolved.\n* Early years.\n* **Post-"), ["**Post-"]);
        assert_eq!(flagged(&RULE, "The alliance evolved.\n\nIts latest phase began with the"), ["the"]);
        assert_eq!(flagged(&RULE, "The alliance evolved.\n\nIt grew, and then it changed its approach to trade"), ["trade"]);
        assert_eq!(flagged(&RULE, "The plan has three parts:"), ["parts:"]);
        assert_eq!(flagged(&RULE, "First.\n\nThey agreed on tariffs,"), ["tariffs,"]);
        assert_eq!(flagged(&RULE, "Intro.\n\n- First point.\n- Second point.\n- Third point with no"), ["no"]);
        let found = run(&RULE, "The alliance evolved.\n\nIts latest phase began with the");
        assert_eq!(found[0].message, "The article ends mid-sentence: “Its latest phase began with the” has no end.");
    }

    #[test]
    fn leaves_complete_endings_alone() {
        assert_clean(
            &RULE,
            &[
                "It ended well.",
                "Did it end? Yes!",
                "He said “it is over.”",
                "The story ends here.\n\nJane Doe",
                "Text.\n\n- apples\n- pears\n- plums",
                "Text.\n\n## Further reading",
                "Text.\n\n```\ncode here\n```",
                "Read more at https://example.com/story",
                "| a | b |\n|---|---|\n| 1 | 2 |",
                "",
                "   \n\n  ",
            ],
        );
    }
}
