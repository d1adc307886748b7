//! Tables and lists as wholes: the blocks are rows and items; these views group them once, the same way
//! for every rule.
//!
//! - A **table** is a run of consecutive `TableRow` blocks: a blank line or any other block ends it.
//! - A **list** is a run of list items of one depth and one kind (bullet or ordered), possibly separated
//!   by blank lines, by deeper items (which form lists of their own) and by indented paragraphs, code or
//!   tables (an item's continuation, as in a Markdown list whose items have several paragraphs). An item of a
//!   lower depth, an item of the other kind at the same depth, or any other block ends it. Bullet
//!   characters (`-`, `*`, `+`, `•`) do not split a list: mixing them is something rules report.
//!
//! Both views are built in one pass over the blocks and hold block indexes, so they are linear in the
//! length of the text.

use super::{Block, BlockKind, Document, ListItem, ListMarker, TableRow};
use std::ops::Range;

/// One list: its items at one depth, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// 0 for a top-level list.
    pub depth: u8,
    /// Numbered (`1.`, `1)`) rather than bulleted.
    pub ordered: bool,
    /// Block indexes of the items, in order. Nested items belong to their own lists.
    pub items: Vec<usize>,
    /// Blocks from the first item to the end of the last one (its nested items and continuations).
    pub blocks: Range<usize>,
    /// An item holds a nested list.
    pub has_nested: bool,
    /// The items are entries of a table of contents.
    pub in_toc: bool,
}

impl Document<'_> {
    /// Each table as the index range of its rows in `blocks`, in order.
    pub fn tables(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let is_row = |i: usize| matches!(self.blocks[i].kind, BlockKind::TableRow(_));
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < self.blocks.len() && !is_row(i) {
                i += 1;
            }
            let start = i;
            while i < self.blocks.len() && is_row(i) {
                i += 1;
            }
            (start < i).then_some(start..i)
        })
    }

    /// The row data of a table row block.
    pub fn table_row(&self, index: usize) -> Option<&TableRow> {
        match &self.blocks.get(index)?.kind {
            BlockKind::TableRow(row) => Some(row),
            _ => None,
        }
    }

    /// The item data of a list item block.
    pub fn list_item(&self, index: usize) -> Option<&ListItem> {
        match &self.blocks.get(index)?.kind {
            BlockKind::ListItem(item) => Some(item),
            _ => None,
        }
    }

    /// Every list, ordered by its first item; a nested list comes after the list holding it.
    pub fn lists(&self) -> Vec<List> {
        let mut in_toc = vec![false; self.blocks.len()];
        for entry in self.tocs.iter().flat_map(|t| &t.entries) {
            in_toc[entry.block] = true;
        }
        let mut lists: Vec<List> = Vec::new();
        // Indexes into `lists` of the lists still open, shallowest first.
        let mut open: Vec<usize> = Vec::new();
        let mut last_inside = 0;
        for (index, block) in self.blocks.iter().enumerate() {
            match &block.kind {
                BlockKind::Blank => {}
                BlockKind::ListItem(item) => {
                    let ordered = matches!(item.marker, ListMarker::Ordered { .. });
                    while open.last().is_some_and(|&l| lists[l].depth > item.depth || (lists[l].depth == item.depth && lists[l].ordered != ordered)) {
                        let l = open.pop().unwrap_or_default();
                        lists[l].blocks.end = last_inside + 1;
                    }
                    match open.last() {
                        Some(&l) if lists[l].depth == item.depth => lists[l].items.push(index),
                        parent => {
                            if let Some(&p) = parent {
                                lists[p].has_nested = true;
                            }
                            open.push(lists.len());
                            lists.push(List { depth: item.depth, ordered, items: vec![index], blocks: index..index + 1, has_nested: false, in_toc: in_toc[index] });
                        }
                    }
                    last_inside = index;
                }
                _ if !open.is_empty() && self.continues_item(block) => last_inside = index,
                _ => {
                    for l in open.drain(..) {
                        lists[l].blocks.end = last_inside + 1;
                    }
                }
            }
        }
        for l in open {
            lists[l].blocks.end = last_inside + 1;
        }
        lists
    }

    /// An indented paragraph, code block or table row inside a list: more of the item above.
    fn continues_item(&self, block: &Block) -> bool {
        matches!(block.kind, BlockKind::Paragraph | BlockKind::CodeBlock | BlockKind::TableRow(_)) && self.lines.get(block.lines.start).is_some_and(|l| self.text[l.range.clone()].starts_with([' ', '\t']))
    }

    /// Per block: a `*` list item that follows a footnote mark ("€200m*", "Cost*") earlier in its section,
    /// so the item is the footnote ("* Estimated figures."), not a bullet. A heading starts a new section.
    pub fn footnote_items(&self) -> Vec<bool> {
        let mut footnotes = vec![false; self.blocks.len()];
        let is_star_item = |block: &Block| matches!(&block.kind, BlockKind::ListItem(item) if item.marker == ListMarker::Bullet('*'));
        // Marks after the last `*` item explain nothing: the text is read only up to it, and not at all
        // in the many articles without one.
        let Some(last) = self.blocks.iter().rposition(is_star_item) else { return footnotes };
        let mut mark_seen = false;
        for (index, block) in self.blocks[..=last].iter().enumerate() {
            match &block.kind {
                BlockKind::Heading(_) => mark_seen = false,
                BlockKind::ListItem(item) if item.marker == ListMarker::Bullet('*') => footnotes[index] = mark_seen,
                _ => {}
            }
            mark_seen = mark_seen || has_footnote_mark(self.slice(&block.content));
        }
        footnotes
    }
}

/// A lone `*` glued to the end of a word, number or bracket that no opening `*` before it explains:
/// "€200m*" is a footnote mark, the closing star of "*really*" is emphasis, "**bold**" is neither.
fn has_footnote_mark(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut emphasis_open = false;
    for (i, _) in s.match_indices('*') {
        if bytes.get(i + 1) == Some(&b'*') || (i > 0 && bytes[i - 1] == b'*') {
            continue;
        }
        let before = s[..i].chars().next_back();
        let glued = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, ')' | '%' | '.' | ',' | '’' | '\'' | '"' | '”'));
        let after_is_word = s[i + 1..].chars().next().is_some_and(|c| !c.is_whitespace());
        match (glued, emphasis_open) {
            (true, true) => emphasis_open = false,
            (true, false) => return true,
            (false, _) if after_is_word => emphasis_open = true,
            (false, _) => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{has_footnote_mark, Document, List};

    fn lists(text: &str) -> Vec<(u8, bool, Vec<&str>)> {
        let doc = Document::parse(text);
        doc.lists().into_iter().map(|l: List| (l.depth, l.ordered, l.items.iter().map(|&i| doc.slice(&doc.blocks[i].content)).collect())).collect()
    }

    #[test]
    fn tables_are_runs_of_consecutive_rows() {
        let doc = Document::parse("| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n\nText.\n| x | y |\n| z | w |\n");
        let tables: Vec<_> = doc.tables().collect();
        assert_eq!(tables, [0..3, 4..5, 7..9]);
        assert!(doc.table_row(1).is_some_and(|r| r.is_delimiter));
        assert_eq!(Document::parse("").tables().count(), 0);
    }

    #[test]
    fn lists_group_items_of_one_depth_and_kind() {
        assert_eq!(
            lists("- a\n  - a1\n  - a2\n- b\n\n- c\n\nText.\n\n1. one\n2. two\n- bullet\n"),
            [(0, false, vec!["a", "b", "c"]), (1, false, vec!["a1", "a2"]), (0, true, vec!["one", "two"]), (0, false, vec!["bullet"])]
        );
        // An indented paragraph or code block continues the item; an unindented paragraph ends the list.
        assert_eq!(lists("1. Install:\n\n   ```\n   npm i\n   ```\n\n2. Run.\n"), [(0, true, vec!["Install:", "Run."])]);
        assert_eq!(lists("- a\n\n  More about a.\n\n- b\n"), [(0, false, vec!["a", "b"])]);
        assert_eq!(lists("1. a\n\n   | x | y |\n   |---|---|\n\n2. b\n"), [(0, true, vec!["a", "b"])]);
        assert_eq!(lists("- a\n\nText.\n\n- b\n"), [(0, false, vec!["a"]), (0, false, vec!["b"])]);
        // Different bullet characters stay one list.
        assert_eq!(lists("- a\n* b\n"), [(0, false, vec!["a", "b"])]);
    }

    #[test]
    fn lists_know_their_extent_nesting_and_contents_membership() {
        let doc = Document::parse("Intro.\n\n- a\n  - a1\n\nText.\n");
        let all = doc.lists();
        assert_eq!((all[0].blocks.clone(), all[0].has_nested), (2..4, true));
        assert_eq!((all[1].blocks.clone(), all[1].has_nested), (3..4, false));
        let doc = Document::parse("Intro text.\nContents\n- First\n- Second\nFirst\nText.\nSecond\nText.\n");
        assert!(doc.lists()[0].in_toc);
    }

    #[test]
    fn footnote_marks_are_glued_stars_not_emphasis() {
        assert!(has_footnote_mark("Phase one costs €200m*"));
        assert!(has_footnote_mark("| Cost* | Year |"));
        assert!(!has_footnote_mark("It was *really* cheap."));
        assert!(!has_footnote_mark("It was **really** cheap."));
        assert!(!has_footnote_mark("2 * 3 = 6"));
        let doc = Document::parse("## Costs\n\n| Plan | Cost* |\n|---|---|\n| A | 10 |\n\n* Estimated.\n\n## Next\n\n* Item.\n");
        let flagged: Vec<&str> = doc.footnote_items().iter().enumerate().filter(|(_, &f)| f).map(|(i, _)| doc.slice(&doc.blocks[i].content)).collect();
        assert_eq!(flagged, ["Estimated."]);
    }
}
