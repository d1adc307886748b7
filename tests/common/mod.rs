//! The offset invariants every report must keep, whatever the input: shared by the property test
//! (`tests/properties.rs`), the pathological inputs (`tests/pathological.rs`) and the fuzz target
//! (`fuzz/fuzz_targets/check.rs`, which includes this file by path), so all three assert the same thing.
//!
//! Positions are recomputed here from the text alone, independently of `report.rs`: UTF-16 offsets from
//! `encode_utf16`, lines split on `\n`, `\r\n` and a lone `\r` (a final terminator does not start another
//! line), columns in UTF-16 units from the line's start, both 1-based.

#![allow(dead_code)]

use article_checker::Report;

/// The text in the units a JavaScript string has, with what is needed to check a position.
pub struct Positions {
    /// UTF-16 length of the text.
    pub len: usize,
    /// `true` at each UTF-16 offset that starts a code point, and at the end.
    boundary: Vec<bool>,
    /// UTF-16 offsets where lines start, ascending; the first is 0.
    line_starts: Vec<usize>,
}

impl Positions {
    pub fn new(text: &str) -> Self {
        let mut boundary = Vec::with_capacity(text.len() + 1);
        let mut line_starts = vec![0usize];
        let mut units = 0usize;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            boundary.push(true);
            if c.len_utf16() == 2 {
                boundary.push(false);
            }
            units += c.len_utf16();
            let ends_line = match c {
                '\n' => true,
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                        boundary.push(true);
                        units += 1;
                    }
                    true
                }
                _ => false,
            };
            if ends_line && chars.peek().is_some() {
                line_starts.push(units);
            }
        }
        boundary.push(true);
        debug_assert_eq!(boundary.len(), units + 1);
        Positions { len: units, boundary, line_starts }
    }

    /// Panics unless `start..end` is a valid range of the text on code point boundaries.
    pub fn check_range(&self, start: usize, end: usize, what: &dyn Fn() -> String) {
        assert!(start <= end, "start > end: {}", what());
        assert!(end <= self.len, "end {end} past the text's {} UTF-16 units: {}", self.len, what());
        assert!(self.boundary[start], "start {start} splits a surrogate pair: {}", what());
        assert!(self.boundary[end], "end {end} splits a surrogate pair: {}", what());
    }

    /// The 1-based (line, column) of UTF-16 offset `at`.
    pub fn line_column(&self, at: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= at);
        (line, at - self.line_starts[line - 1] + 1)
    }
}

/// Panics with the offending issue unless every position in `report` is valid for `text`: each issue's
/// range, its line/column, its related ranges, and the outline's and contents' ranges.
pub fn assert_valid_report(text: &str, report: &Report) {
    let pos = Positions::new(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    for issue in &report.issues {
        let what = || format!("{issue:?}");
        pos.check_range(issue.start, issue.end, &what);
        assert_eq!((issue.line, issue.column), pos.line_column(issue.start), "line/column do not match start: {}", what());
        assert!(!issue.message.is_empty(), "empty message: {}", what());
        for r in &issue.related {
            pos.check_range(r.start, r.end, &what);
        }
        let replaced = String::from_utf16(&units[issue.start..issue.end]).expect("checked range");
        for s in &issue.suggestions {
            assert_ne!(s, &replaced, "a suggestion that changes nothing: {}", what());
        }
    }
    let sorted = report.issues.windows(2).all(|w| (w[0].start, w[0].end, w[0].rule) <= (w[1].start, w[1].end, w[1].rule));
    assert!(sorted, "issues are not sorted by (start, end, rule)");
    for o in &report.outline {
        pos.check_range(o.start, o.end, &|| format!("{o:?}"));
        assert_eq!(String::from_utf16(&units[o.start..o.end]).ok().as_deref(), Some(o.text.as_str()), "outline text is not its range: {o:?}");
    }
    for c in &report.contents {
        pos.check_range(c.start, c.end, &|| format!("{c:?}"));
        assert_eq!(String::from_utf16(&units[c.start..c.end]).ok().as_deref(), Some(c.text.as_str()), "contents text is not its range: {c:?}");
        if let Some(t) = c.target {
            assert!(t < report.outline.len(), "contents target {t} past the outline: {c:?}");
        }
    }
}
