//! Lines → blocks.
//!
//! Each line is classified once by its own shape (blank, fence, `#` heading, list marker, table row,
//! rule, text); a second pass groups lines into blocks using at most one line of look-ahead and the
//! previous block. Plain-text headings (a short bare line between paragraphs, as pasted from web pages)
//! are recognised only when the text has no Markdown headings: a Markdown document marks its own.

use super::lexicon::is_function_word;
use super::residue;
use super::{Block, BlockKind, Heading, HeadingStyle, Line, ListItem, ListMarker, TableRow};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
enum Class {
    Blank,
    Fence { ch: u8, len: usize },
    Atx { level: u8, content: Range<usize> },
    /// `===`: a setext level-1 underline.
    EqualsLine,
    /// `---`: a setext level-2 underline after text, a thematic break otherwise.
    DashLine,
    /// `***`, `___`, `- - -`.
    Thematic,
    List { marker: ListMarker, marker_range: Range<usize>, content_start: usize, indent: usize },
    Table { delimiter: bool },
    Text { indent: usize },
}

/// Groups lines into blocks; also says whether paragraphs are hard-wrapped.
pub(super) fn build(text: &str, lines: &[Line]) -> (Vec<Block>, bool) {
    let mut classes: Vec<Class> = lines.iter().map(|l| classify(&text[l.range.clone()], l.range.start)).collect();
    mark_pipe_rows_next_to_tables(text, lines, &mut classes);
    let hard_wrapped = is_hard_wrapped(text, lines, &classes);
    let markdown_headings = classes.iter().enumerate().any(|(i, c)| {
        matches!(c, Class::Atx { .. })
            || (matches!(c, Class::Text { .. }) && matches!(classes.get(i + 1), Some(Class::EqualsLine)))
    });
    let mut builder = Builder { text, lines, classes: &classes, blocks: Vec::new(), hard_wrapped, plain_headings: !markdown_headings, list_indents: Vec::new() };
    builder.run();
    let mut blocks = builder.blocks;
    infer_plain_levels(text, &mut blocks);
    promote_title(&mut blocks);
    (blocks, hard_wrapped)
}

fn classify(line: &str, base: usize) -> Class {
    let indent = indent_width(line);
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Class::Blank;
    }
    let lead = line.len() - line.trim_start().len();
    let bytes = trimmed.as_bytes();
    if indent <= 3 {
        let run = |ch: u8| bytes.iter().take_while(|&&b| b == ch).count();
        for ch in [b'`', b'~'] {
            let len = run(ch);
            if len >= 3 && !(ch == b'`' && trimmed[len..].contains('`')) {
                return Class::Fence { ch, len };
            }
        }
        let hashes = run(b'#');
        if (1..=6).contains(&hashes) && (trimmed.len() == hashes || bytes[hashes] == b' ' || bytes[hashes] == b'\t') {
            let inner = trimmed[hashes..].trim();
            let inner = strip_closing_hashes(inner);
            let start = base + lead + (trimmed.len() - trimmed[hashes..].trim_start().len());
            return Class::Atx { level: hashes as u8, content: start..start + inner.len() };
        }
        if bytes.iter().all(|&b| b == b'=') {
            return Class::EqualsLine;
        }
        if bytes.iter().all(|&b| b == b'-') && bytes.len() >= 2 {
            return Class::DashLine;
        }
        for ch in [b'-', b'*', b'_'] {
            let marks = bytes.iter().filter(|&&b| b == ch).count();
            if marks >= 3 && bytes.iter().all(|&b| b == ch || b == b' ' || b == b'\t') {
                return Class::Thematic;
            }
        }
    }
    if indent <= 3 && trimmed.starts_with('|') && trimmed[1..].contains('|') {
        return Class::Table { delimiter: is_delimiter_row(trimmed) };
    }
    if let Some((marker, marker_len)) = list_marker(trimmed) {
        let marker_start = base + lead;
        let after = &trimmed[marker_len..];
        let content_start = marker_start + marker_len + (after.len() - after.trim_start().len());
        return Class::List { marker, marker_range: marker_start..marker_start + marker_len, content_start, indent };
    }
    Class::Text { indent }
}

fn indent_width(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

fn strip_closing_hashes(s: &str) -> &str {
    let without = s.trim_end_matches('#');
    if without.len() < s.len() && (without.is_empty() || without.ends_with(' ') || without.ends_with('\t')) {
        without.trim_end()
    } else {
        s
    }
}

/// `- `, `* `, `+ `, `• `, `12. `, `3) `: the marker and its length in bytes.
fn list_marker(trimmed: &str) -> Option<(ListMarker, usize)> {
    let first = trimmed.chars().next()?;
    let followed_by_space = |len: usize| trimmed.len() == len || trimmed[len..].starts_with([' ', '\t']);
    if matches!(first, '-' | '*' | '+' | '•') {
        let len = first.len_utf8();
        return followed_by_space(len).then_some((ListMarker::Bullet(first), len));
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let delimiter = trimmed[digits..].chars().next()?;
        if matches!(delimiter, '.' | ')') && followed_by_space(digits + 1) && trimmed.len() > digits + 1 {
            let number = trimmed[..digits].parse().ok()?;
            return Some((ListMarker::Ordered { number, delimiter }, digits + 1));
        }
    }
    None
}

/// A Markdown table's `|---|:--:|` row: cells of dashes, each with an optional colon at either end and
/// spaces or tabs around, between `|`s; the outer pipes are optional but one `|` is required. A string
/// test rather than a regex, so that a first check compiles none (a test compares the two).
fn is_delimiter_row(trimmed: &str) -> bool {
    if !trimmed.contains('|') {
        return false;
    }
    let inner = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').all(|cell| {
        let cell = cell.trim_matches([' ', '\t']);
        let dashes = cell.strip_prefix(':').unwrap_or(cell);
        let dashes = dashes.strip_suffix(':').unwrap_or(dashes);
        !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
    })
}

/// `a | b` rows without outer pipes count as table rows when they touch a table.
fn mark_pipe_rows_next_to_tables(text: &str, lines: &[Line], classes: &mut [Class]) {
    let is_table = |c: &Class| matches!(c, Class::Table { .. });
    for i in 0..classes.len() {
        let line = text[lines[i].range.clone()].trim();
        if !matches!(classes[i], Class::Text { .. } | Class::DashLine) || !line.contains('|') {
            continue;
        }
        if is_delimiter_row(line) {
            classes[i] = Class::Table { delimiter: true };
        }
    }
    for pass in 0..2 {
        let order: Box<dyn Iterator<Item = usize>> = if pass == 0 { Box::new(1..classes.len()) } else { Box::new((0..classes.len().saturating_sub(1)).rev()) };
        for i in order {
            let neighbour = if pass == 0 { i - 1 } else { i + 1 };
            if is_table(&classes[neighbour]) && matches!(classes[i], Class::Text { .. }) && text[lines[i].range.clone()].contains('|') {
                classes[i] = Class::Table { delimiter: false };
            }
        }
    }
}

/// Wrapped text: few long lines, and many lines that stop mid-sentence with the sentence going on, in
/// lowercase, on the next line. (Headings also lack final punctuation, but a capital follows them.)
fn is_hard_wrapped(text: &str, lines: &[Line], classes: &[Class]) -> bool {
    let (mut total, mut long, mut continued) = (0usize, 0usize, 0usize);
    for (i, (line, class)) in lines.iter().zip(classes).enumerate() {
        if !matches!(class, Class::Text { .. }) {
            continue;
        }
        let s = text[line.range.clone()].trim();
        // Link reference definitions and HTML lines are as long as their URLs, whatever the prose does.
        if s.starts_with('<') || is_link_definition(s) {
            continue;
        }
        total += 1;
        if s.chars().count() > 100 {
            long += 1;
        }
        let next_continues = matches!(classes.get(i + 1), Some(Class::Text { .. })) && starts_lowercase(text[lines[i + 1].range.clone()].trim());
        if !ends_sentence(s) && next_continues {
            continued += 1;
        }
    }
    total >= 3 && long * 20 < total && continued * 5 >= total
}

/// "[label]: https://example.com": a Markdown link reference definition.
fn is_link_definition(s: &str) -> bool {
    s.strip_prefix('[').and_then(|rest| rest.split_once("]:")).is_some_and(|(label, target)| !label.is_empty() && !label.contains(']') && target.starts_with([' ', '\t']) && !target.trim().contains(' '))
}

/// Ends with `.`, `!`, `?`, `…` or `:`, possibly followed by closing quotes, brackets or emphasis.
pub fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_', '»']);
    s.ends_with(['.', '!', '?', '…', ':'])
}

struct Builder<'a> {
    text: &'a str,
    lines: &'a [Line],
    classes: &'a [Class],
    blocks: Vec<Block>,
    hard_wrapped: bool,
    plain_headings: bool,
    /// Indents of the list items enclosing the current one.
    list_indents: Vec<usize>,
}

impl Builder<'_> {
    fn line(&self, i: usize) -> &str {
        &self.text[self.lines[i].range.clone()]
    }

    fn push(&mut self, kind: BlockKind, lines: Range<usize>, content: Range<usize>) {
        if !matches!(kind, BlockKind::ListItem(_) | BlockKind::Blank) {
            self.list_indents.clear();
        }
        let range = self.lines[lines.start].range.start..self.lines[lines.end - 1].range.end;
        self.blocks.push(Block { kind, range, content, lines, sentences: 0..0, words: 0..0 });
    }

    /// The trimmed range of a line.
    fn trimmed(&self, i: usize) -> Range<usize> {
        let r = &self.lines[i].range;
        let s = &self.text[r.clone()];
        let start = r.start + (s.len() - s.trim_start().len());
        start..start + s.trim().len()
    }

    fn run(&mut self) {
        let n = self.lines.len();
        let mut i = 0;
        while i < n {
            i = match self.classes[i].clone() {
                Class::Blank => {
                    let end = (i..n).find(|&j| self.classes[j] != Class::Blank).unwrap_or(n);
                    self.push(BlockKind::Blank, i..end, self.lines[i].range.start..self.lines[i].range.start);
                    end
                }
                Class::Fence { ch, len } => {
                    let close = (i + 1..n).find(|&j| matches!(self.classes[j], Class::Fence { ch: c, len: l } if c == ch && l >= len));
                    let end = close.map_or(n, |j| j + 1);
                    self.push(BlockKind::CodeBlock, i..end, self.trimmed(i).start..self.trimmed(end - 1).end);
                    end
                }
                Class::Atx { level, content } => {
                    self.push(BlockKind::Heading(Heading { level, style: HeadingStyle::Atx, is_toc_title: false }), i..i + 1, content);
                    i + 1
                }
                Class::EqualsLine | Class::DashLine | Class::Thematic => {
                    self.push(BlockKind::ThematicBreak, i..i + 1, self.trimmed(i));
                    i + 1
                }
                Class::Table { delimiter } => {
                    let cells = self.cells(i);
                    self.push(BlockKind::TableRow(TableRow { cells, is_delimiter: delimiter }), i..i + 1, self.trimmed(i));
                    i + 1
                }
                Class::List { marker, marker_range, content_start, indent } => self.list_item(i, marker, marker_range, content_start, indent),
                Class::Text { indent } => self.text_line(i, indent),
            };
        }
    }

    fn cells(&self, i: usize) -> Vec<Range<usize>> {
        let r = self.trimmed(i);
        let row = &self.text[r.clone()];
        let inner_start = usize::from(row.starts_with('|'));
        let inner_end = if row.len() > inner_start && row.ends_with('|') && !row.ends_with("\\|") { row.len() - 1 } else { row.len() };
        let mut cells = Vec::new();
        let mut cell_start = inner_start;
        let bytes = row.as_bytes();
        let mut k = inner_start;
        while k <= inner_end {
            if k == inner_end || (bytes[k] == b'|' && (k == 0 || bytes[k - 1] != b'\\')) {
                let cell = &row[cell_start..k];
                let lead = cell.len() - cell.trim_start().len();
                let start = r.start + cell_start + lead;
                cells.push(start..start + cell.trim().len());
                cell_start = k + 1;
            }
            k += 1;
        }
        cells
    }

    fn list_item(&mut self, i: usize, marker: ListMarker, marker_range: Range<usize>, content_start: usize, indent: usize) -> usize {
        if self.plain_headings && self.is_numbered_heading(i, marker, content_start) {
            let content = content_start..self.trimmed(i).end;
            self.push(BlockKind::Heading(Heading { level: 2, style: HeadingStyle::Plain, is_toc_title: false }), i..i + 1, self.trimmed(i).start..content.end);
            return i + 1;
        }
        let mut end = i + 1;
        while end < self.lines.len() {
            let Class::Text { indent: next_indent } = self.classes[end] else { break };
            let next = self.line(end).trim();
            let continues = next_indent > indent || (!ends_sentence(self.line(end - 1)) && starts_lowercase(next));
            if !continues {
                break;
            }
            end += 1;
        }
        while self.list_indents.last().is_some_and(|&top| top >= indent) {
            self.list_indents.pop();
        }
        let depth = self.list_indents.len().min(u8::MAX as usize) as u8;
        self.list_indents.push(indent);
        let content_end = self.trimmed(end - 1).end.max(content_start);
        self.push(BlockKind::ListItem(ListItem { marker, marker_range, depth }), i..end, content_start..content_end);
        end
    }

    /// "2. Methods" alone between paragraphs in plain text is a numbered heading, not a one-item list.
    fn is_numbered_heading(&self, i: usize, marker: ListMarker, content_start: usize) -> bool {
        if !matches!(marker, ListMarker::Ordered { delimiter: '.', .. }) {
            return false;
        }
        let ListMarker::Ordered { number, .. } = marker else { return false };
        // A list right before ends here only if its numbering restarts: a numbered contents list followed
        // at once by the numbered sections it lists ("2. Methods" then "1. Introduction" + text).
        let continues_list = |j: usize| match &self.classes[j] {
            Class::List { marker: ListMarker::Ordered { number: before, .. }, .. } => *before < number,
            Class::List { .. } => true,
            _ => false,
        };
        let prev_is_list = (0..i).rev().find(|&j| self.classes[j] != Class::Blank).is_some_and(continues_list);
        let next = (i + 1..self.lines.len()).find(|&j| self.classes[j] != Class::Blank);
        let next_is_text = next.is_some_and(|j| matches!(self.classes[j], Class::Text { .. }));
        let content = &self.text[content_start..self.trimmed(i).end];
        !prev_is_list && next_is_text && has_heading_shape(content, 12)
    }

    fn text_line(&mut self, i: usize, indent: usize) -> usize {
        let n = self.lines.len();
        let after_blank_or_start = i == 0 || self.classes[i - 1] == Class::Blank;
        if indent >= 4 && after_blank_or_start && !self.in_list_context() {
            let mut end = i + 1;
            while end < n && (matches!(self.classes[end], Class::Text { indent: k } if k >= 4) || self.classes[end] == Class::Blank) {
                end += 1;
            }
            while self.classes[end - 1] == Class::Blank {
                end -= 1;
            }
            self.push(BlockKind::CodeBlock, i..end, self.trimmed(i).start..self.trimmed(end - 1).end);
            return end;
        }
        if i + 1 < n && matches!(self.classes[i + 1], Class::EqualsLine | Class::DashLine) {
            let level = if self.classes[i + 1] == Class::EqualsLine { 1 } else { 2 };
            self.push(BlockKind::Heading(Heading { level, style: HeadingStyle::Setext, is_toc_title: false }), i..i + 2, self.trimmed(i));
            return i + 2;
        }
        if self.plain_headings && self.is_plain_heading(i) {
            self.push(BlockKind::Heading(Heading { level: 2, style: HeadingStyle::Plain, is_toc_title: false }), i..i + 1, self.trimmed(i));
            return i + 1;
        }
        // In text pasted line by line, a furniture line ("Advertisement") is a block of its own: it neither
        // joins the lines around it nor hides the heading after it.
        let is_furniture = |k: usize| !self.hard_wrapped && residue::is_furniture_line(self.line(k));
        let stands_alone = is_furniture(i);
        let mut end = i + 1;
        while end < n && matches!(self.classes[end], Class::Text { .. }) && !stands_alone {
            let setext_next = end + 1 < n && matches!(self.classes[end + 1], Class::EqualsLine | Class::DashLine);
            let joins = self.hard_wrapped || !ends_sentence(self.line(end - 1));
            if !joins || setext_next || (self.plain_headings && self.is_plain_heading(end)) || is_furniture(end) {
                break;
            }
            end += 1;
        }
        self.push(BlockKind::Paragraph, i..end, self.trimmed(i).start..self.trimmed(end - 1).end);
        end
    }

    fn in_list_context(&self) -> bool {
        self.blocks.iter().rev().find(|b| b.kind != BlockKind::Blank).is_some_and(|b| matches!(b.kind, BlockKind::ListItem(_)))
    }

    /// A bare short line, capitalised, without final punctuation, between complete paragraphs, that is
    /// not page furniture ("Advertisement", "Image credit: …").
    fn is_plain_heading(&self, i: usize) -> bool {
        let line = self.line(i).trim();
        let is_last = (i + 1..self.lines.len()).all(|j| self.classes[j] == Class::Blank);
        if !has_heading_shape(line, 20) || (is_last && !is_title_like(line)) || residue::is_furniture_line(line) {
            return false;
        }
        let prev_blank = i == 0 || self.classes[i - 1] == Class::Blank;
        let prev_ok = prev_blank
            || match self.blocks.last().map(|b| &b.kind) {
                Some(BlockKind::Paragraph) => ends_sentence(self.line(i - 1)) || residue::is_furniture_line(self.line(i - 1)),
                _ => true,
            };
        if !prev_ok {
            return false;
        }
        let next_blank = i + 1 >= self.lines.len() || self.classes[i + 1] == Class::Blank;
        if !next_blank && matches!(self.classes[i + 1], Class::Text { .. }) && starts_lowercase(self.line(i + 1).trim()) {
            return false;
        }
        !self.hard_wrapped || prev_blank || next_blank
    }
}

/// The shape of a heading: 1..=max_words words, at most 150 chars, starting with a capital or digit,
/// not ending like a sentence or a clause, not ending on an article or preposition, not a bare URL.
fn has_heading_shape(line: &str, max_words: usize) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > max_words || line.chars().count() > 150 {
        return false;
    }
    if line.starts_with(['>', '<', '(', '[', '{', '|', '!', '#']) || line.contains("://") || line.contains('@') {
        return false;
    }
    let Some(first) = line.chars().find(|c| c.is_alphanumeric()) else { return false };
    if first.is_lowercase() {
        return false;
    }
    let core = line.trim_end_matches(['"', '”', '’', ')', ']', '*', '_', '»']);
    if core.ends_with(['.', ',', ';', '…', '-', '–', '—', '/', '&', '+', '=']) || core.is_empty() {
        return false;
    }
    if core.contains("; ") || (core.ends_with(':') && words > 6 && !is_title_like(core)) {
        // "They rest on several key pillars:" introduces a list; it does not title a section.
        return false;
    }
    let last_word = core.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    !is_function_word(last_word)
}

/// Half the longer words or more are capitalised: "Thanks for Reading", not "It grew, and then it changed".
/// A last line must look like this to count as a heading rather than a cut-off sentence.
fn is_title_like(line: &str) -> bool {
    let long: Vec<&str> = line.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capitalised = long.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    line.split_whitespace().count() <= 10 && capitalised * 2 >= long.len()
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// A plain heading that opens the text, before any other heading, is its title (level 1).
fn promote_title(blocks: &mut [Block]) {
    let first = blocks.iter_mut().find(|b| b.kind != BlockKind::Blank);
    if let Some(Block { kind: BlockKind::Heading(h), .. }) = first {
        if h.style == HeadingStyle::Plain {
            h.level = 1;
        }
    }
}

/// Levels for plain headings, which carry no `#` marks: a numbering keeps its depth ("2. Methods" is a
/// section, level 2; "2.1 Sampling" is level 3), and the questions under a "Frequently Asked Questions"
/// heading sit one level below it, so they are not read as sections of the article. Everything else
/// stays at level 2.
fn infer_plain_levels(text: &str, blocks: &mut [Block]) {
    let mut faq_level: Option<u8> = None;
    for block in blocks.iter_mut() {
        let BlockKind::Heading(h) = &mut block.kind else { continue };
        if h.style != HeadingStyle::Plain {
            faq_level = None;
            continue;
        }
        let title = &text[block.content.clone()];
        if let Some(depth) = numbering_depth(title) {
            h.level = (depth + 1).min(6);
        }
        match faq_level {
            Some(level) if title.trim_end().ends_with('?') => h.level = level + 1,
            _ => faq_level = is_faq_title(title).then_some(h.level),
        }
    }
}

/// 1 for "2." or "2", 2 for "2.1", 3 for "2.1.4": the depth of a heading's leading section number.
fn numbering_depth(title: &str) -> Option<u8> {
    let first = title.split_whitespace().next()?;
    title.split_whitespace().nth(1)?;
    let number = first.strip_suffix(['.', ')']).unwrap_or(first);
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = parts.iter().all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    // "2024 Results" is not numbered: a bare number needs its own "." or ")" to count.
    (numeric && (parts.len() > 1 || number.len() < first.len())).then(|| parts.len().min(5) as u8)
}

fn is_faq_title(title: &str) -> bool {
    let t = title.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(t.as_str(), "faq" | "faqs" | "frequently asked questions" | "frequently asked questions (faq)" | "frequently asked questions (faqs)" | "questions and answers" | "common questions" | "q&a" | "your questions answered")
}

#[cfg(test)]
mod tests {
    use super::is_delimiter_row;

    #[test]
    fn delimiter_rows_are_recognised_as_the_regex_they_replace_would() {
        let regex = regex::Regex::new(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$").unwrap();
        let pieces = ["|", "-", "---", ":", " ", "\t", "a", "||", "|-", ":-:"];
        let mut matched = 0;
        for row in crate::rules::testing::strings_from(&pieces, 50_000, 10, 0x2545_f491_4f6c_dd1d) {
            let expected = row.contains('|') && row.contains('-') && regex.is_match(&row);
            assert_eq!(is_delimiter_row(&row), expected, "{row:?}");
            matched += usize::from(expected);
        }
        assert!(matched > 1_000, "the generated rows should include many delimiter rows, got {matched}");
    }
}
