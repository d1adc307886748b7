//! Tables of contents: a title ("Table of Contents", "Contents", "In this article", "On this page")
//! followed, after blank lines at most, by a list. Each entry keeps its text without the list marker,
//! its own numbering ("1." in "- 1. Intro") or link syntax (`[Intro](#intro)`), so later rules compare
//! entries with headings directly. A title heading becomes `is_toc_title`: it is not a section.

use super::{BlockKind, Document, ListMarker, Toc, TocEntry};
use regex::Regex;
use crate::hash::HashMap;
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
    // Groups: 1 the whole numbering "2.1", 2 its first number, 3 a link's label, 4 its anchor, 5 plain text.
    RE.get_or_init(|| Regex::new(r"^(?:(([0-9]{1,4})(?:\.[0-9]{1,4})*)[.)]?[ \t]+)?(?:\[([^\]]+)\]\(#([^) \t]*)\)|(.+))$").expect("valid regex"))
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
                BlockKind::ListItem(item) => entries.push(entry(doc.text, index, b.content.clone(), item.marker, item.marker_range.clone())),
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
    link_targets(doc, &mut tocs);
    tocs
}

/// Points each entry at the heading it names: the first heading not yet claimed whose normalised title
/// equals the entry's, or whose GitHub-style slug equals the entry's `#anchor`. One hash lookup per entry.
fn link_targets(doc: &Document, tocs: &mut [Toc]) {
    if tocs.is_empty() {
        return;
    }
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_slug: HashMap<String, Vec<usize>> = HashMap::default();
    for (index, block) in doc.blocks.iter().enumerate() {
        if matches!(&block.kind, BlockKind::Heading(h) if !h.is_toc_title) {
            let text = doc.slice(&block.content);
            by_title.entry(normalize_title(text)).or_default().push(index);
            by_slug.entry(slug(text)).or_default().push(index);
        }
    }
    let mut claimed = vec![false; doc.blocks.len()];
    for entry in tocs.iter_mut().flat_map(|t| t.entries.iter_mut()) {
        let title = normalize_title(doc.slice(&entry.text));
        let anchor = entry.anchor.as_ref().map(|a| doc.slice(a).to_lowercase());
        let candidates = by_title.get(&title).into_iter().chain(anchor.as_ref().and_then(|a| by_slug.get(a)));
        entry.target = candidates.flatten().copied().find(|&b| !claimed[b]);
        if let Some(b) = entry.target {
            claimed[b] = true;
        }
    }
}

fn entry(text: &str, block: usize, content: Range<usize>, marker: ListMarker, marker_range: Range<usize>) -> TocEntry {
    let s = &text[content.clone()];
    let at = |m: regex::Match| content.start + m.start()..content.start + m.end();
    let marker_numbering = match marker {
        ListMarker::Ordered { number, .. } => Some((number, marker_range.start..marker_range.end - 1)),
        ListMarker::Bullet(_) => None,
    };
    let Some(caps) = entry_regex().captures(s) else {
        let (number, numbering) = marker_numbering.unzip();
        return TocEntry { block, text: content, number, numbering, anchor: None, target: None };
    };
    let own = caps.get(2).and_then(|m| Some((m.as_str().parse().ok()?, at(caps.get(1)?))));
    let (number, numbering) = own.or(marker_numbering).unzip();
    let (text_range, anchor) = match (caps.get(3), caps.get(5)) {
        (Some(label), _) => (at(label), caps.get(4).map(at)),
        (None, Some(plain)) => (at(plain), None),
        (None, None) => (content.clone(), None),
    };
    TocEntry { block, text: text_range, number, numbering, anchor, target: None }
}

/// GitHub-style anchor: lowercase, spaces to hyphens, other punctuation dropped.
pub fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
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
