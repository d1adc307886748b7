//! `truncated-ending`: the article stops mid-word, mid-sentence, mid-table, inside a quotation or
//! markup, or on a cut-off marker.
//!
//! Looks only at the last non-blank block, and reports at most one cut, the first of these that applies:
//! - a cut-off marker: a last block that is only "Read more", "Continue reading", "(continued)", "[…]"
//!   or "…", or a last paragraph whose final sentence is such a link or which ends on "[…]";
//! - a word or sentence cut: a hyphen glued to a word ("Post-"), a final comma, semicolon, colon or dash,
//!   an article, preposition or conjunction ("… and the"), a paragraph whose last word has no closing
//!   punctuation at all (sign-offs and bylines such as "Jane Doe" excepted), a last list item without a
//!   full stop when the items before it all have one;
//! - an open span: a quotation opened in the last paragraph or list item and never closed (each paragraph
//!   of a long quotation opens one and only the last closes it, so an open one at the end means the
//!   text goes on elsewhere), or bold, italic, inline code, link text or a parenthesis opened in its last
//!   sentence and never closed (earlier, an unclosed one is more likely a typo: `unbalanced-delimiter`);
//! - a table cut mid-row: a last row with fewer cells than the header, or without the closing `|` the
//!   other rows have, or a header and delimiter row with no row under them;
//! - a fenced code block whose closing fence never comes.
//!
//! Headings other than bare-line ones, complete tables, closed code, thematic breaks and a final URL are
//! left alone; so is an ellipsis at the end of a sentence ("and so on…"), which is style, not a cut.

use super::{excerpt, Rule, RuleMeta};
use crate::document::lexicon::is_function_word;
use crate::document::{ends_sentence, Block, BlockKind, Document, HeadingStyle, TableRow};
use crate::report::{Category, Finding, Severity};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "truncated-ending",
        category: Category::Structure,
        severity: Severity::Error,
        summary: "The article ends mid-word, mid-sentence, mid-table or on a cut-off marker.",
        what: "Checks how the text ends: a word cut at a hyphen, a sentence stopping on a comma, a colon or a word like “the” or “and”, a final paragraph without closing punctuation, a quotation or bold text never closed, a table row cut short, an unclosed code block, or a last line such as “Read more”, “(continued)” or “[…]”.",
        why: "A cut-off ending means the copy was truncated by a length limit, a failed paste, a feed excerpt or a scraper. Whatever came after is missing, and readers notice at once.",
        example: "The alliance has evolved since the war.\n\nIts most recent phase began with the",
        use_instead: "The alliance has evolved since the war.\n\nIts most recent phase began with the 2015 guidelines.",
    },
    check,
};

/// Last lines that stand where the rest of the text was: a link to it, or the mark of an excerpt.
/// Compared lowercased, without emphasis, trailing dots, colons and arrows. `template-residue`
/// leaves these to this rule in the last block, and reports them as page furniture elsewhere.
pub(crate) const CUT_OFF_MARKERS: &[&str] = &[
    "read more",
    "continue reading",
    "keep reading",
    "read the full article",
    "read the full story",
    "read the full post",
    "read the full text",
    "read full article",
    "read full story",
    "read full post",
    "read full text",
    "click to read more",
    "click here to read more",
    "click here to continue reading",
    "click to continue reading",
    "click here to continue",
    "click to continue",
    "see more",
    "show more",
    "load more",
    "view more",
    "(continued)",
    "[continued]",
    "continued",
    "[…]",
    "[...]",
    "(…)",
    "(...)",
    "…",
    "...",
];

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let Some((index, block)) = doc.last_non_blank() else { return };
    if is_markdown_epilogue(doc.slice(&block.content)) {
        return;
    }
    let finding = match &block.kind {
        BlockKind::Paragraph | BlockKind::ListItem(_) => cut_off_marker(doc, block).or_else(|| word_cut(doc, index, block)).or_else(|| open_span(doc, block)),
        BlockKind::Heading(h) if h.style == HeadingStyle::Plain => cut_off_marker(doc, block).or_else(|| word_cut(doc, index, block)),
        BlockKind::TableRow(row) => table_cut(doc, index, block, row),
        BlockKind::CodeBlock => unclosed_fence(doc, block),
        _ => None,
    };
    out.extend(finding);
}

/// Markdown that ends a document without being prose: link reference definitions ("[8]: #license"),
/// or an emoji shortcode closing the last sentence ("… pull request. :smile:").
fn is_markdown_epilogue(content: &str) -> bool {
    let is_definition = |line: &str| {
        let line = line.trim();
        line.starts_with('[') && line.find("]:").is_some_and(|close| close > 1 && !line[close + 2..].trim().is_empty())
    };
    let last = content.trim_end();
    let shortcode = last.strip_suffix(':').and_then(|s| s.rsplit_once(':')).is_some_and(|(before, name)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')) && (before.is_empty() || before.ends_with(char::is_whitespace))
    });
    shortcode || content.lines().all(is_definition)
}

/// "Read more", "[…]", "(continued)": the whole last block, or the last sentence of a paragraph, or a
/// bracketed ellipsis closing it.
fn cut_off_marker(doc: &Document, block: &Block) -> Option<Finding> {
    let found = |range: Range<usize>| {
        let marker = doc.slice(&range).trim_matches(['*', '_']);
        Finding::new(range.clone(), format!("The article ends on the cut-off marker “{marker}”: the rest of the text is missing."))
    };
    if is_cut_off_marker(doc.slice(&block.content)) {
        return Some(found(block.content.clone()));
    }
    if !matches!(block.kind, BlockKind::Paragraph) {
        return None;
    }
    let last = doc.sentences.get(block.sentences.clone()).and_then(<[_]>::last)?;
    if block.sentences.len() > 1 && is_cut_off_marker(doc.slice(&last.range)) {
        return Some(found(last.range.clone()));
    }
    let content = doc.slice(&block.content).trim_end();
    ["[…]", "[...]", "(…)", "(...)"].iter().find(|m| content.ends_with(*m)).map(|m| found(block.content.start + content.len() - m.len()..block.content.start + content.len()))
}

fn is_cut_off_marker(s: &str) -> bool {
    let core = s.trim().trim_matches(['*', '_']).trim();
    let core = core.trim_end_matches(['»', '›', '→', '>', ':', ' ']).trim_end();
    let core = if core.len() > 3 { core.trim_end_matches(['.', '…']).trim_end() } else { core };
    core.len() <= 40 && CUT_OFF_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(core))
}

enum Cut {
    MidWord,
    MidSentence,
    DanglingColon,
}

/// A word or sentence that stops short (the original check of this rule).
fn word_cut(doc: &Document, index: usize, block: &Block) -> Option<Finding> {
    let (is_paragraph, is_list_item) = (block.kind == BlockKind::Paragraph, matches!(block.kind, BlockKind::ListItem(_)));
    let last_word = doc.words_in(&block.words).last()?;
    let content_text = doc.slice(&block.content).trim_end();
    let content_end = block.content.start + content_text.len();
    if last_word.protected || doc.is_protected(content_end.saturating_sub(1)) {
        return None;
    }
    let tail = doc.text[last_word.range.end..content_end].trim_matches(['*', '_']);
    let word = doc.slice(&last_word.range);
    let cut = match tail {
        "-" | "‐" if !doc.text[..last_word.range.start].ends_with(char::is_whitespace) || word.chars().count() > 1 => Cut::MidWord,
        "," | ";" | " -" | " –" | " —" | "–" | "—" => Cut::MidSentence,
        ":" => Cut::DanglingColon,
        "" if is_function_word(word) => Cut::MidSentence,
        "" if is_paragraph && !is_sign_off(doc, block) => Cut::MidSentence,
        "" if is_list_item && siblings_end_sentences(doc, index) => Cut::MidSentence,
        _ => return None,
    };
    let range = last_token(doc, block);
    let ending = tail_excerpt(content_text, 50);
    let message = match cut {
        Cut::MidWord => format!("The article ends mid-word: “{}” is cut off.", doc.slice(&range)),
        Cut::MidSentence => format!("The article ends mid-sentence: “{ending}” has no end."),
        Cut::DanglingColon => format!("The article ends on a colon: what “{ending}” introduces is missing."),
    };
    Some(Finding::new(range, message))
}

/// The last white-space-separated token of a block's content.
fn last_token(doc: &Document, block: &Block) -> Range<usize> {
    let content_text = doc.slice(&block.content).trim_end();
    let token_start = content_text.rfind(char::is_whitespace).map_or(0, |p| p + content_text[p..].chars().next().map_or(1, char::len_utf8));
    block.content.start + token_start..block.content.start + content_text.len()
}

/// What an open span is, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Span {
    Quotation,
    Bold,
    Italic,
    Code,
    LinkText,
    Parenthesis,
}

/// A quotation left open anywhere in the last block, or markup left open in its last sentence.
fn open_span(doc: &Document, block: &Block) -> Option<Finding> {
    let text = doc.slice(&block.content);
    let base = block.content.start;
    let last_sentence_start = doc.sentences.get(block.sentences.clone()).and_then(<[_]>::last).map_or(base, |s| s.range.start);
    let mut quote: Option<usize> = None;
    let mut curly: Vec<usize> = Vec::new();
    let mut brackets: Vec<(char, usize)> = Vec::new();
    // Open `*`, `**`, `_`, `__`: [star 1, star 2, underscore 1, underscore 2].
    let mut emphasis: [Option<usize>; 4] = [None; 4];
    let mut code: Option<usize> = None;
    let mut prev = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if doc.is_protected(base + i) {
            prev = c;
            continue;
        }
        match c {
            '"' if !prev.is_ascii_digit() => quote = if quote.is_some() { None } else { Some(i) },
            '“' | '«' | '„' => curly.push(i),
            '”' | '»' => drop(curly.pop()),
            '[' => brackets.push((c, i)),
            '(' if !matches!(prev, ':' | ';') => brackets.push((c, i)),
            ']' | ')' => {
                let opener = if c == ']' { '[' } else { '(' };
                if let Some(k) = brackets.iter().rposition(|&(o, _)| o == opener) {
                    brackets.truncate(k);
                }
            }
            '`' => code = code.or(Some(i)),
            '*' | '_' => {
                let mut run = 1;
                while chars.peek().is_some_and(|&(_, d)| d == c) {
                    chars.next();
                    run += 1;
                }
                let next = text[i + run..].chars().next().unwrap_or(' ');
                let (opens, closes) = flanking(prev, next, c);
                let lengths: &[usize] = match run {
                    1 => &[1],
                    2 => &[2],
                    3 => &[2, 1],
                    _ => &[],
                };
                for &len in lengths {
                    let slot = &mut emphasis[usize::from(c == '_') * 2 + len - 1];
                    if closes && slot.is_some() {
                        *slot = None;
                    } else if opens && slot.is_none() {
                        *slot = Some(i);
                    }
                }
                prev = c;
                continue;
            }
            _ => {}
        }
        prev = c;
    }
    let in_last_sentence = |at: &usize| base + at >= last_sentence_start;
    let open = quote
        .into_iter()
        .chain(curly.first().copied())
        .map(|at| (at, Span::Quotation))
        .min()
        .or_else(|| {
            let marks = [(emphasis[1], Span::Bold), (emphasis[3], Span::Bold), (emphasis[0], Span::Italic), (emphasis[2], Span::Italic), (code, Span::Code)];
            let brackets = brackets.iter().map(|&(o, at)| (Some(at), if o == '[' { Span::LinkText } else { Span::Parenthesis }));
            marks.into_iter().chain(brackets).filter_map(|(at, span)| Some((at?, span))).filter(|(at, _)| in_last_sentence(at)).min()
        })?;
    let (at, span) = open;
    let opener_len: usize = text[at..].chars().take(if span == Span::Bold { 2 } else { 1 }).map(char::len_utf8).sum();
    let opener_text = &text[at..at + opener_len];
    let inside = excerpt(&text[at + opener_len..], 60);
    let message = match span {
        Span::Quotation => format!("The article ends inside a quotation: “{inside}” has no closing quotation mark."),
        Span::Bold => format!("The article ends inside bold text: “{inside}” has no closing “{opener_text}”."),
        Span::Italic => format!("The article ends inside italic text: “{inside}” has no closing “{opener_text}”."),
        Span::Code => format!("The article ends inside inline code: “{inside}” has no closing backtick."),
        Span::LinkText => format!("The article ends inside link text: “{inside}” has no closing “]”."),
        Span::Parenthesis => format!("The article ends inside a parenthesis: “{inside}” has no closing “)”."),
    };
    Some(Finding::new(last_token(doc, block), message).related(base + at..base + at + opener_len, "where it opens"))
}

/// Whether a `*` / `_` run between `prev` and `next` may open and may close emphasis (CommonMark's
/// flanking rules, stricter: a run inside a word, as in snake_case or 2*3, never opens).
fn flanking(prev: char, next: char, c: char) -> (bool, bool) {
    let punct = |ch: char| !ch.is_alphanumeric() && !ch.is_whitespace();
    let left = !next.is_whitespace() && (!punct(next) || prev.is_whitespace() || punct(prev));
    let right = !prev.is_whitespace() && (!punct(prev) || next.is_whitespace() || punct(next));
    if c == '_' {
        (left && (!right || punct(prev)), right && (!left || punct(next)))
    } else {
        (left && !right, right)
    }
}

/// The last block is a table row: cut short of the header's cells or of the closing pipe, or the
/// header has no rows at all.
fn table_cut(doc: &Document, index: usize, block: &Block, last: &TableRow) -> Option<Finding> {
    let first = doc.blocks[..index].iter().rposition(|b| !matches!(b.kind, BlockKind::TableRow(_))).map_or(0, |k| k + 1);
    let rows: Vec<(&Block, &TableRow)> = doc.blocks[first..=index]
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow(row) => Some((b, row)),
            _ => None,
        })
        .collect();
    let (header_block, header) = *rows.first()?;
    if rows.len() < 2 || !rows[1].1.is_delimiter {
        return None;
    }
    let row_text = doc.slice(&block.content);
    let quoted = excerpt(row_text, 60);
    let closed = |b: &Block| {
        let t = doc.slice(&b.content);
        t.ends_with('|') && !t.ends_with("\\|")
    };
    let message = if rows.len() == 2 {
        format!("The article ends inside a table: the header “{}” has no rows under it.", excerpt(doc.slice(&header_block.content), 60))
    } else if last.cells.len() < header.cells.len() {
        format!("The article ends inside a table: the last row “{quoted}” has {} of the header’s {} cells.", last.cells.len(), header.cells.len())
    } else if !closed(block) && rows[..rows.len() - 1].iter().all(|(b, _)| closed(b)) {
        format!("The article ends inside a table: the last row “{quoted}” is not closed with “|”.")
    } else {
        return None;
    };
    Some(Finding::new(block.content.clone(), message).related(header_block.content.clone(), "the table's header"))
}

/// A fenced code block that runs to the end of the text without its closing fence.
fn unclosed_fence(doc: &Document, block: &Block) -> Option<Finding> {
    let line = |i: usize| doc.slice(&doc.lines[i].range).trim();
    let opening = line(block.lines.start);
    let fence_char = opening.chars().next().filter(|&c| c == '`' || c == '~')?;
    let fence_len = opening.chars().take_while(|&c| c == fence_char).count();
    if fence_len < 3 {
        return None;
    }
    // As the block builder does: a later line opening with as long a run of the same character closes it.
    let closed = block.lines.clone().skip(1).map(line).any(|l| l.chars().take_while(|&c| c == fence_char).count() >= fence_len);
    if closed {
        return None;
    }
    let fence = &opening[..fence_len];
    let trimmed = |i: usize| {
        let r = &doc.lines[i].range;
        let s = doc.slice(r);
        let start = r.start + (s.len() - s.trim_start().len());
        start..start + s.trim().len()
    };
    let fence_start = trimmed(block.lines.start).start;
    // The block runs to the end of the text, blank lines included: flag its last text.
    let range = block.lines.clone().rev().map(trimmed).find(|r| !r.is_empty()).unwrap_or(fence_start..fence_start + fence.len());
    let has_code = range.start > fence_start;
    let finding = Finding::new(range, format!("The article ends inside a code block: the “{fence}” fence is never closed."));
    Some(if has_code { finding.related(fence_start..fence_start + fence.len(), "where the code block opens") } else { finding })
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
    fn flags_cut_off_markers_at_the_end() {
        assert_eq!(flagged(&RULE, "The council met.\n\nRead more"), ["Read more"]);
        assert_eq!(flagged(&RULE, "The council met.\n\n**Continue reading »**"), ["**Continue reading »**"]);
        assert_eq!(flagged(&RULE, "The council met on Tuesday. Continue reading…"), ["Continue reading…"]);
        assert_eq!(flagged(&RULE, "The council met on Tuesday and agreed to [...]"), ["[...]"]);
        assert_eq!(flagged(&RULE, "Text.\n\n(continued)"), ["(continued)"]);
        assert_eq!(flagged(&RULE, "Text.\n\n…"), ["…"]);
        let found = run(&RULE, "The council met.\n\nRead more");
        assert_eq!(found[0].message, "The article ends on the cut-off marker “Read more”: the rest of the text is missing.");
    }

    #[test]
    fn flags_tables_cut_mid_row() {
        let text = "Intro.\n\n| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5";
        assert_eq!(flagged(&RULE, text), ["| 4 | 5"]);
        assert_eq!(run(&RULE, text)[0].message, "The article ends inside a table: the last row “| 4 | 5” has 2 of the header’s 3 cells.");
        assert_eq!(flagged(&RULE, "| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | fo"), ["| 3 | fo"]);
        assert_eq!(flagged(&RULE, "Intro.\n\n| A | B |\n|---|---|"), ["|---|---|"]);
    }

    #[test]
    fn flags_quotations_and_markup_left_open_at_the_end() {
        let found = run(&RULE, "Intro.\n\nShe said: “We will not stop. We will win.");
        assert_eq!(found[0].message, "The article ends inside a quotation: “We will not stop. We will win.” has no closing quotation mark.");
        assert_eq!(flagged(&RULE, "Intro.\n\nHe said: \"It is over."), ["over."]);
        let found = run(&RULE, "Intro.\n\nThe key point: **the alliance holds.");
        assert_eq!(found[0].message, "The article ends inside bold text: “the alliance holds.” has no closing “**”.");
        assert_eq!(run(&RULE, "Intro.\n\nRun `cargo test.")[0].message, "The article ends inside inline code: “cargo test.” has no closing backtick.");
        assert_eq!(run(&RULE, "Intro.\n\nSee [the report.")[0].message, "The article ends inside link text: “the report.” has no closing “]”.");
        assert_eq!(run(&RULE, "Intro.\n\nIt grew _fast.")[0].message, "The article ends inside italic text: “fast.” has no closing “_”.");
        let found = run(&RULE, "Text.\n\n```rust\nfn main() {");
        assert_eq!(found[0].message, "The article ends inside a code block: the “```” fence is never closed.");
        assert_eq!(flagged(&RULE, "Text.\n\n```rust\nfn main() {"), ["fn main() {"]);
        assert_eq!(flagged(&RULE, "Text.\n\n```\n\n"), ["```"]);
        assert_eq!(flagged(&RULE, "Text.\n\n~~~~\ncode\n~~~\n"), ["~~~"]);
    }

    #[test]
    fn leaves_closed_spans_complete_tables_and_stylistic_endings_alone() {
        assert_clean(
            &RULE,
            &[
                "Text.\n\n- **Bold** item.\n- Another item.",
                "See the [license][8] for details.\n\n[8]: #license\n[9]: https://example.com/",
                "Feel free to open an issue or a pull request. :smile:",
                "The treaty (signed in 1951 remains in force. It was revised in 1960.",
                "Use snake_case names for variables.",
                "Trade grew by 5%.*",
                "The formula is 2*3 = 6.",
                "A 12\" pipe is standard.",
                "It went on and on…",
                "See you soon :(",
                "The word “Read more” is common link text.",
                "To be continued.",
                "a | b\n---|---\n1 | 2",
                "| A | B |\n|---|---|\n| 1 | 2 | 3 |",
                "Text.\n\n    indented code",
                "Text.\n\n~~~\ncode\n~~~",
                "Smith said the plan *works*.",
                "Visit [the site](https://example.com/a_b_c).",
            ],
        );
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
