//! The report: what a check found, in the shape that crosses to JavaScript.
//!
//! Inside the crate every position is a half-open UTF-8 byte range into the checked text. The report is
//! the one place where positions change units: [`Report::build`] collects every byte offset the report
//! needs, sorts them and converts them to UTF-16 code units (what `String.prototype.slice` takes) and to
//! 1-based line/column in a single pass over the text, so the cost is O(text + k log k) for k offsets,
//! never a rescan per issue. Columns count UTF-16 code units from the start of the line.

use serde::Serialize;
use std::ops::Range;

use crate::document::Document;

/// How serious a finding is; ordered so that `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Every severity, lowest first.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error`.
    pub fn parse(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// What part of the article a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Sections, headings, table of contents, lists, tables, truncation.
    Structure,
    /// The article disagreeing with itself: names, spellings, numbers.
    Consistency,
    /// Spacing, punctuation, capitalisation, doubled words.
    Mechanics,
    /// Wording and tone.
    Style,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Consistency => "consistency",
            Category::Mechanics => "mechanics",
            Category::Style => "style",
        }
    }
}

/// A rule's finding before conversion: byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub range: Range<usize>,
    pub message: String,
    /// Replacement texts for `range`, best first.
    pub suggestions: Vec<String>,
    pub related: Vec<RelatedSpan>,
}

impl Finding {
    pub fn new(range: Range<usize>, message: impl Into<String>) -> Self {
        Finding { range, message: message.into(), suggestions: Vec::new(), related: Vec::new() }
    }

    pub fn suggest(mut self, replacement: impl Into<String>) -> Self {
        self.suggestions.push(replacement.into());
        self
    }

    pub fn related(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        self.related.push(RelatedSpan { range, message: message.into() });
        self
    }
}

/// Another place a finding involves, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedSpan {
    pub range: Range<usize>,
    pub message: String,
}

/// The result of [`crate::check`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Sorted by (start, end, rule).
    pub issues: Vec<Issue>,
    /// Every heading of the article in order (not the title of a table of contents).
    pub outline: Vec<OutlineEntry>,
    /// Every entry of the article's tables of contents, with the heading it leads to.
    pub contents: Vec<ContentsEntry>,
    pub stats: Stats,
}

/// One finding, positioned in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    /// UTF-16 code unit offset of the first unit, inclusive.
    pub start: usize,
    /// UTF-16 code unit offset one past the last unit.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in UTF-16 code units.
    pub column: usize,
    pub suggestions: Vec<String>,
    pub related: Vec<Related>,
}

/// Another place involved in an issue, in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// A heading of the article, in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineEntry {
    pub level: u8,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A table-of-contents entry, in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentsEntry {
    /// The entry without list marker, numbering or link syntax.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index into `Report::outline` of the section the entry names; `None` when no section matches.
    pub target: Option<usize>,
}

/// Counts over the whole article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub headings: usize,
}

/// What a rule contributes: its identity and its findings.
pub(crate) struct RuleFindings {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub findings: Vec<Finding>,
}

impl Report {
    /// Converts byte-ranged findings to the report, converting every offset in one pass.
    pub(crate) fn build(doc: &Document, found: Vec<RuleFindings>) -> Report {
        let text = doc.text;
        // Outline index of each heading block, so contents entries can name their section.
        let mut outline_index = vec![usize::MAX; doc.blocks.len()];
        let mut outline_src: Vec<(u8, Range<usize>)> = Vec::new();
        for (index, block) in doc.blocks.iter().enumerate() {
            if let crate::document::BlockKind::Heading(h) = &block.kind {
                if !h.is_toc_title {
                    outline_index[index] = outline_src.len();
                    outline_src.push((h.level, block.content.clone()));
                }
            }
        }
        let contents_src: Vec<(Range<usize>, Option<usize>)> =
            doc.tocs.iter().flat_map(|t| &t.entries).map(|e| (e.text.clone(), e.target.map(|b| outline_index[b]))).collect();

        let mut offsets: Vec<usize> = Vec::new();
        for rf in &found {
            for f in &rf.findings {
                offsets.extend([f.range.start, f.range.end]);
                offsets.push(doc.line_start_of(f.range.start));
                for r in &f.related {
                    offsets.extend([r.range.start, r.range.end]);
                }
            }
        }
        for r in outline_src.iter().map(|(_, r)| r).chain(contents_src.iter().map(|(r, _)| r)) {
            offsets.extend([r.start, r.end]);
        }
        let map = Utf16Map::new(text, offsets);

        let mut issues: Vec<Issue> = Vec::new();
        for rf in found {
            for f in rf.findings {
                let start = map.get(f.range.start);
                let line_start = doc.line_start_of(f.range.start);
                issues.push(Issue {
                    rule: rf.rule,
                    category: rf.category,
                    severity: rf.severity,
                    message: f.message,
                    start,
                    end: map.get(f.range.end),
                    line: doc.line_index_of(f.range.start) + 1,
                    column: start - map.get(line_start) + 1,
                    suggestions: f.suggestions,
                    related: f
                        .related
                        .into_iter()
                        .map(|r| Related { start: map.get(r.range.start), end: map.get(r.range.end), message: r.message })
                        .collect(),
                });
            }
        }
        crate::sort::sort_by(&mut issues, |a, b| (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule)));

        let outline = outline_src
            .into_iter()
            .map(|(level, r)| OutlineEntry {
                level,
                text: text[r.clone()].to_string(),
                start: map.get(r.start),
                end: map.get(r.end),
            })
            .collect();
        let contents = contents_src
            .into_iter()
            .map(|(r, target)| ContentsEntry { text: text[r.clone()].to_string(), start: map.get(r.start), end: map.get(r.end), target })
            .collect();
        Report { issues, outline, contents, stats: doc.stats() }
    }

    /// True when no issue reaches `severity`.
    pub fn is_clean_at(&self, severity: Severity) -> bool {
        self.issues.iter().all(|i| i.severity < severity)
    }
}

/// Byte offset → UTF-16 offset for a fixed set of offsets, computed in one forward pass.
struct Utf16Map {
    /// Sorted, deduplicated byte offsets.
    bytes: Vec<usize>,
    utf16: Vec<usize>,
    ascii: bool,
}

impl Utf16Map {
    fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        if text.is_ascii() {
            return Utf16Map { bytes: Vec::new(), utf16: Vec::new(), ascii: true };
        }
        crate::sort::sort(&mut offsets);
        offsets.dedup();
        let mut utf16 = Vec::with_capacity(offsets.len());
        let mut units = 0usize;
        let mut chars = text.char_indices().peekable();
        for &target in &offsets {
            while let Some(&(i, c)) = chars.peek() {
                if i >= target {
                    break;
                }
                units += c.len_utf16();
                chars.next();
            }
            utf16.push(units);
        }
        Utf16Map { bytes: offsets, utf16, ascii: false }
    }

    fn get(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let i = self.bytes.binary_search(&byte).expect("every offset is registered before conversion");
        self.utf16[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_map_counts_surrogate_pairs_and_multibyte_chars() {
        let text = "a😀é中\r\nb";
        let offsets = vec![0, 1, 5, 7, 10, 12, 13];
        let map = Utf16Map::new(text, offsets.clone());
        let expected: Vec<usize> = offsets.iter().map(|&b| text[..b].encode_utf16().count()).collect();
        let got: Vec<usize> = offsets.iter().map(|&b| map.get(b)).collect();
        assert_eq!(got, expected);
    }
}
