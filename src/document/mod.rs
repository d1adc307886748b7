//! The document model: the text parsed once, read by every rule.
//!
//! [`Document::parse`] splits the text into lines, groups lines into blocks (headings, paragraphs, list
//! items, table rows, code, blank runs), finds the table of contents, then splits each prose block into
//! sentences and words. Every element carries a half-open UTF-8 byte range into the original text, and
//! parents refer to children by index ranges into the flat vectors (`Block::words` indexes
//! `Document::words`), so the model is a handful of allocations however long the text is.
//!
//! Invariants, relied on by the rules and checked by the tests:
//! - lines, blocks, sentences and words are each sorted by start and do not overlap;
//! - every range lies on `char` boundaries of `text`;
//! - a sentence lies inside one block and a word inside one block; words inside code spans, URLs, e-mail
//!   addresses and link targets are kept but marked `protected`, and rules skip them;
//! - parsing is linear in the length of the text (no step looks further back than a block).

pub mod acronyms;
mod blocks;
pub use blocks::ends_sentence;
pub mod fingerprint;
mod inline;
pub mod lexicon;
pub mod tables_lists;
pub mod residue;
// The data file's syntax: read at build time (`build.rs`) and by the tests; the wasm uses its types only.
#[cfg_attr(not(test), allow(dead_code))]
mod residue_syntax;
#[cfg(test)]
mod residue_prefixes;
mod quotes;
mod toc;
pub use toc::{normalize_title, slug};
pub mod vocabulary;
pub use vocabulary::Vocabulary;

use crate::report::Stats;
use std::cell::OnceCell;
use std::ops::Range;

/// The parsed text.
#[derive(Debug)]
pub struct Document<'t> {
    pub text: &'t str,
    pub lines: Vec<Line>,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Word>,
    /// Sorted, disjoint spans that are not prose: inline code, URLs, e-mail addresses, link targets, tags.
    pub protected: Vec<Range<usize>>,
    /// Tables of contents: a title ("Contents", "In this article") followed by a list.
    pub tocs: Vec<Toc>,
    /// True when paragraphs are wrapped over several lines (Markdown style); false when each line is
    /// a paragraph (text pasted from a web page).
    pub hard_wrapped: bool,
    /// Lazily built by [`Document::vocabulary`].
    vocabulary: OnceCell<Vocabulary>,
    /// Lazily built by [`Document::body_case`]: per vocabulary id.
    body_cases: OnceCell<Vec<BodyCase>>,
    /// Lazily built by [`Document::acronyms`].
    acronyms: OnceCell<acronyms::Acronyms>,
    /// Lazily built by [`Document::quotations`].
    quotations: OnceCell<Vec<Range<usize>>>,
    /// `inconsistent-capitalization`'s findings with the words each one reports, computed once: that
    /// rule reports them and `lowercase-proper-noun` leaves those words to it.
    pub(crate) capitalization: OnceCell<Vec<(crate::report::Finding, Vec<Range<usize>>)>>,
    /// Each block's earlier copy, computed once: `duplicate-paragraph` reports the copies and
    /// `duplicate-sentence` leaves their sentences to it.
    pub(crate) repeats: OnceCell<Vec<Option<crate::rules::duplicate_paragraph::Repeat>>>,
}

/// How a word is written inside the article's sentences (never counting a sentence's first word).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BodyCase {
    /// Times it starts with a lowercase letter: "tariff".
    pub lower: u32,
    /// Times it starts with a capital: "Tariff".
    pub capitalized: u32,
}

/// One line, without its terminator (`\n`, `\r\n` or a lone `\r`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
}

/// A run of lines with one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole block, from its first line's start to its last line's end.
    pub range: Range<usize>,
    /// The text proper: without list markers, `#` marks or surrounding white space.
    pub content: Range<usize>,
    /// Indexes into `Document::lines`.
    pub lines: Range<usize>,
    /// Indexes into `Document::sentences` (empty for headings, tables, code and blanks).
    pub sentences: Range<usize>,
    /// Indexes into `Document::words` (empty for code and blanks).
    pub words: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// One or more blank lines.
    Blank,
    Heading(Heading),
    Paragraph,
    ListItem(ListItem),
    TableRow(TableRow),
    /// Fenced (```) or indented code: never checked as prose.
    CodeBlock,
    /// `---`, `***` or `___` alone on a line.
    ThematicBreak,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for the title, 2 for sections, and so on.
    pub level: u8,
    pub style: HeadingStyle,
    /// The title of a table of contents ("Table of Contents"): not an article section.
    pub is_toc_title: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// `## Heading`
    Atx,
    /// `Heading` underlined with `===` or `---`.
    Setext,
    /// A bare short line without final punctuation standing between paragraphs.
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub marker: ListMarker,
    pub marker_range: Range<usize>,
    /// 0 for a top-level item, 1 for an item nested in it, and so on.
    pub depth: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMarker {
    /// `-`, `*`, `+` or `•`.
    Bullet(char),
    /// `1.` or `1)`.
    Ordered { number: u64, delimiter: char },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Each cell's trimmed text.
    pub cells: Vec<Range<usize>>,
    /// The `|---|---|` row under a header.
    pub is_delimiter: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub block: usize,
    /// Indexes into `Document::words`.
    pub words: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub range: Range<usize>,
    pub block: usize,
    /// Inside a code span, URL, e-mail address or link target: not prose.
    pub protected: bool,
}

/// A table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toc {
    /// The block holding the title ("Table of Contents").
    pub title_block: usize,
    pub entries: Vec<TocEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    /// The list item block.
    pub block: usize,
    /// The entry's text, without list marker, numbering ("2.") or link syntax.
    pub text: Range<usize>,
    /// "2" in "2. Methods", "2.1 Methods" or "- 2. Methods".
    pub number: Option<u64>,
    /// The whole numbering: "2.1" in "2.1 Methods", or the digits of an ordered list marker.
    pub numbering: Option<Range<usize>>,
    /// `#methods` in `[Methods](#methods)`, without the `#`.
    pub anchor: Option<Range<usize>>,
    /// The heading block the entry names (normalised title or anchor slug), if any.
    pub target: Option<usize>,
}

impl<'t> Document<'t> {
    /// Parses `text`. Never fails: any string is a document.
    pub fn parse(text: &'t str) -> Document<'t> {
        let lines = split_lines(text);
        let (blocks, hard_wrapped) = blocks::build(text, &lines);
        let mut doc = Document { text, lines, blocks, sentences: Vec::new(), words: Vec::new(), protected: Vec::new(), tocs: Vec::new(), hard_wrapped, vocabulary: OnceCell::new(), body_cases: OnceCell::new(), quotations: OnceCell::new(), acronyms: OnceCell::new(), capitalization: OnceCell::new(), repeats: OnceCell::new() };
        inline::split(&mut doc);
        doc.tocs = toc::find(&mut doc);
        // The vectors were reserved by estimate and grown by doubling; the model lives through every
        // rule, so its slack (~15 % of a long article's model) would be held for the whole check.
        doc.lines.shrink_to_fit();
        doc.blocks.shrink_to_fit();
        doc.sentences.shrink_to_fit();
        doc.words.shrink_to_fit();
        doc.protected.shrink_to_fit();
        doc
    }

    /// The text of a range.
    pub fn slice(&self, range: &Range<usize>) -> &'t str {
        &self.text[range.clone()]
    }

    /// Whether byte `offset` lies in a protected (non-prose) span.
    pub fn is_protected(&self, offset: usize) -> bool {
        let i = self.protected.partition_point(|p| p.end <= offset);
        self.protected.get(i).is_some_and(|p| p.start <= offset)
    }

    /// The first word starting at or after byte `offset`.
    pub fn word_at_or_after(&self, offset: usize) -> Option<&Word> {
        self.words.get(self.words.partition_point(|w| w.range.start < offset))
    }

    /// The words of a block or sentence, by index range.
    pub fn words_in(&self, range: &Range<usize>) -> &[Word] {
        &self.words[range.clone()]
    }

    /// Every heading block with its heading data.
    pub fn headings(&self) -> impl Iterator<Item = (&Block, &Heading)> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Heading(h) => Some((b, h)),
            _ => None,
        })
    }

    /// The last block that is not blank.
    pub fn last_non_blank(&self) -> Option<(usize, &Block)> {
        self.blocks.iter().enumerate().rev().find(|(_, b)| b.kind != BlockKind::Blank)
    }

    /// The nearest non-blank block before `index`.
    pub fn previous_non_blank(&self, index: usize) -> Option<&Block> {
        self.blocks[..index].iter().rev().find(|b| b.kind != BlockKind::Blank)
    }

    /// The nearest non-blank block after `index`.
    pub fn next_non_blank(&self, index: usize) -> Option<&Block> {
        self.blocks.get(index + 1..)?.iter().find(|b| b.kind != BlockKind::Blank)
    }

    /// Index of the line containing byte `offset` (the last line for the end of the text).
    pub fn line_index_of(&self, offset: usize) -> usize {
        self.lines.partition_point(|l| l.range.start <= offset).saturating_sub(1)
    }

    /// Byte offset where the line containing `offset` starts.
    pub fn line_start_of(&self, offset: usize) -> usize {
        self.lines.get(self.line_index_of(offset)).map_or(0, |l| l.range.start)
    }

    /// How `word` (any case) is capitalised inside the article's prose sentences, first words excepted.
    /// A word mostly lowercase there is a common word; one always capitalised is likely a name. Built on
    /// first use in one pass over the words, then shared by every rule that asks.
    pub fn body_case(&self, word: &str) -> BodyCase {
        let vocabulary = self.vocabulary();
        let cases = self.body_cases.get_or_init(|| {
            let mut cases = vec![BodyCase::default(); vocabulary.len()];
            let ids = vocabulary.ids();
            for sentence in &self.sentences {
                for (w, &id) in self.words_in(&sentence.words).iter().zip(&ids[sentence.words.clone()]).skip(1).filter(|(w, _)| !w.protected) {
                    let Some(first) = self.slice(&w.range).chars().next() else { continue };
                    let entry = &mut cases[id as usize];
                    if first.is_lowercase() {
                        entry.lower += 1;
                    } else if first.is_uppercase() {
                        entry.capitalized += 1;
                    }
                }
            }
            cases
        });
        vocabulary.id_of_word(word).map(|id| cases[id as usize]).unwrap_or_default()
    }

    /// Each word's lowercase form as an id (see [`Vocabulary`]); built on first use.
    pub fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary.get_or_init(|| Vocabulary::build(self.text, &self.words))
    }

    /// The acronyms the article defines ("Liberal Democratic Party (LDP)") and every use of acronym-like
    /// words. Built on first use in one pass over the words, then shared by the acronym rules.
    pub fn acronyms(&self) -> &acronyms::Acronyms {
        self.acronyms.get_or_init(|| acronyms::find(self))
    }

    /// The article's quotations (double quotation marks, see `quotes.rs`), sorted; found on first use.
    pub fn quotations(&self) -> &[Range<usize>] {
        self.quotations.get_or_init(|| quotes::find(self))
    }

    /// The quotation containing byte `offset`, if any: someone's quoted words rather than the article's.
    pub fn quotation_at(&self, offset: usize) -> Option<Range<usize>> {
        let quotations = self.quotations();
        let i = quotations.partition_point(|q| q.end <= offset);
        quotations.get(i).filter(|q| q.start <= offset).cloned()
    }

    /// Words, sentences, paragraphs and headings of the article.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats { words: 0, sentences: self.sentences.len(), paragraphs: 0, headings: 0 };
        stats.words = self.words.iter().filter(|w| !w.protected).count();
        for b in &self.blocks {
            match &b.kind {
                BlockKind::Paragraph => stats.paragraphs += 1,
                BlockKind::Heading(h) if !h.is_toc_title => stats.headings += 1,
                _ => {}
            }
        }
        stats
    }
}

/// Splits on `\n`, `\r\n` and lone `\r`. An empty text has one empty line; a final terminator does not
/// start another line unless text follows it.
fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(Line { range: start..i });
                start = i + 1;
            }
            b'\r' => {
                lines.push(Line { range: start..i });
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() || lines.is_empty() {
        lines.push(Line { range: start..bytes.len() });
    }
    lines
}

#[cfg(test)]
mod tests;
