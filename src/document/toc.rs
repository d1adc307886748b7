//! Tables of contents: a title ("Table of Contents", "Contents", "In this article", "On this page")
//! followed, after blank lines at most, by a list. Each entry keeps its text without the list marker,
//! its own numbering ("1." in "- 1. Intro") or link syntax (`[Intro](#intro)`), so later rules compare
//! entries with headings directly. A title heading becomes `is_toc_title`: it is not a section.

use super::{BlockKind, Document, ListMarker, Toc, TocEntry};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Matched against the lowercased title (ASCII classes only: no Unicode tables in the wasm).
fn title_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:table of contents|contents|in this (?:article|post|story|guide)|on this page|jump to|article contents|what(?:'|’)s inside)[ \t]*:?$")
            .expect("valid regex")
    })
}

fn entry_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Optional numbering "2." / "2.1" / "2)", then either a Markdown link or plain text.
    RE.get_or_init(|| Regex::new(r"^(?:([0-9]{1,4})(?:\.[0-9]{1,4})*[.)]?[ \t]+)?(?:\[([^\]]+)\]\(#([^) \t]*)\)|(.+))$").expect("valid regex"))
}

pub(super) fn find(doc: &mut Document) -> Vec<Toc> {
    let mut tocs = Vec::new();
    for title in 0..doc.blocks.len() {
        let block = &doc.blocks[title];
        let title_text = doc.slice(&block.content).trim_matches(['*', '_', ' ']);
        if !matches!(block.kind, BlockKind::Heading(_) | BlockKind::Paragraph) || title_text.len() > 32 || !title_regex().is_match(&title_text.to_lowercase()) {
            continue;
        }
        let mut entries = Vec::new();
        for (index, b) in doc.blocks.iter().enumerate().skip(title + 1) {
            match &b.kind {
                BlockKind::Blank => continue,
                BlockKind::ListItem(item) => entries.push(entry(doc.text, index, b.content.clone(), item.marker)),
                _ => break,
            }
        }
        if entries.is_empty() {
            continue;
        }
        if let BlockKind::Heading(h) = &mut doc.blocks[title].kind {
            h.is_toc_title = true;
        }
        tocs.push(Toc { title_block: title, entries });
    }
    tocs
}

fn entry(text: &str, block: usize, content: Range<usize>, marker: ListMarker) -> TocEntry {
    let s = &text[content.clone()];
    let at = |m: regex::Match| content.start + m.start()..content.start + m.end();
    let Some(caps) = entry_regex().captures(s) else {
        return TocEntry { block, text: content, number: None, anchor: None };
    };
    let own_number = caps.get(1).and_then(|m| m.as_str().parse().ok());
    let number = own_number.or(match marker {
        ListMarker::Ordered { number, .. } => Some(number),
        ListMarker::Bullet(_) => None,
    });
    let (text_range, anchor) = match (caps.get(2), caps.get(4)) {
        (Some(label), _) => (at(label), caps.get(3).map(at)),
        (None, Some(plain)) => (at(plain), None),
        (None, None) => (content.clone(), None),
    };
    TocEntry { block, text: text_range, number, anchor }
}

/// A heading or ToC entry reduced for comparison: lowercase, straight quotes, no numbering prefix
/// ("2." / "2.1"), no final punctuation, single spaces. "2. Takaichi’s Role:" → "takaichi's role".
pub fn normalize_title(title: &str) -> String {
    let lower = title.to_lowercase().replace(['’', '‘'], "'").replace(['“', '”'], "\"");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let skip = usize::from(words.first().is_some_and(|w| (w.ends_with(['.', ')']) || w.contains('.')) && w.trim_end_matches(['.', ')']).split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))));
    let joined = words[skip.min(words.len())..].join(" ");
    joined.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ')' && c != '"').trim_matches(['*', '_']).to_string()
}

#[cfg(test)]
mod tests {
    use super::normalize_title;

    #[test]
    fn titles_normalise_case_quotes_numbering_and_final_punctuation() {
        assert_eq!(normalize_title("2. Takaichi’s Role:"), "takaichi's role");
        assert_eq!(normalize_title("  What   Comes Next? "), "what comes next");
        assert_eq!(normalize_title("**Key Pillars**"), "key pillars");
        assert_eq!(normalize_title("3.1 Methods"), "methods");
        assert_eq!(normalize_title("2024 Results"), "2024 results");
    }
}
