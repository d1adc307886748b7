//! Tables of contents: a title ("Table of Contents", "Contents", "In this article", "On this page")
//! followed, after blank lines at most, by a list. Each entry keeps its text without the list marker,
//! its own numbering ("1." in "- 1. Intro") or link syntax (`[Intro](#intro)`), so later rules compare
//! entries with headings directly. A title heading becomes `is_toc_title`: it is not a section.

use super::{BlockKind, Document, ListMarker, Toc, TocEntry};
use crate::hash::HashMap;
use std::ops::Range;

/// The titles a table of contents goes by, lowercased, with straight and curly apostrophes.
const TITLES: [&str; 11] = ["table of contents", "contents", "in this article", "in this post", "in this story", "in this guide", "on this page", "jump to", "article contents", "what's inside", "what’s inside"];

/// Whether a lowercased block is a contents title: one of [`TITLES`], then spaces or tabs and at most
/// one colon at the very end ("Contents:", "In this article :"). A string test, not a regex: most
/// articles have a short block, and compiling a regex for it was a large part of a first check in the
/// browser (see BENCHMARKS.md).
fn is_title(lower: &str) -> bool {
    let name = lower.strip_suffix(':').unwrap_or(lower).trim_end_matches([' ', '\t']);
    TITLES.contains(&name)
}

/// A contents entry's parts, as byte ranges into the entry's text.
#[derive(Debug, Default, PartialEq, Eq)]
struct EntryParts {
    /// The whole numbering ("2.1" in "2.1 Methods") and its first number ("2").
    numbering: Option<(Range<usize>, Range<usize>)>,
    /// A Markdown link's label and anchor (`[Methods](#methods)`), or else the plain text.
    label: Option<(Range<usize>, Range<usize>)>,
    plain: Option<Range<usize>>,
}

/// Splits an entry into an optional numbering ("2." / "2.1" / "2)": one to four digits per number,
/// then spaces or tabs) and either a Markdown link to an anchor filling the rest or plain text without a
/// line break. `None` when neither fits. Hand-written so that no regex is compiled for a first check; a
/// test compares it with the equivalent regex, leftmost-first semantics included, on generated entries.
fn split_entry(s: &str) -> Option<EntryParts> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    // The numbering is taken whenever it fits; with more than one space after it, one may go to the text.
    let numbered = (|| {
        let first = digits(0);
        if !(1..=4).contains(&first) {
            return None;
        }
        let mut end = first;
        while b.get(end) == Some(&b'.') && digits(end + 1) > 0 {
            let more = digits(end + 1);
            if more > 4 {
                return None;
            }
            end += 1 + more;
        }
        let after = end + usize::from(matches!(b.get(end), Some(b'.' | b')')));
        let spaces = b[after..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
        (spaces > 0).then_some((0..end, 0..first, after + spaces, spaces))
    })();
    if let Some((whole, number, text_start, spaces)) = numbered {
        let mut parts = rest(s, text_start).or_else(|| (spaces > 1 && !s[text_start - 1..].contains('\n')).then(|| EntryParts { plain: Some(text_start - 1..s.len()), ..EntryParts::default() }));
        if let Some(parts) = &mut parts {
            parts.numbering = Some((whole, number));
            return Some(std::mem::take(parts));
        }
    }
    rest(s, 0)
}

/// `[label](#anchor)` filling `s[from..]`, or plain text without a line break.
fn rest(s: &str, from: usize) -> Option<EntryParts> {
    let t = &s[from..];
    let link = (|| {
        let close = t.strip_prefix('[')?.find(']')? + 1;
        let anchor_start = close + "](#".len();
        if close < 2 || !t[close..].starts_with("](#") {
            return None;
        }
        let anchor_end = anchor_start + t[anchor_start..].find([')', ' ', '\t'])?;
        (t[anchor_end..] == *")").then(|| EntryParts { label: Some((from + 1..from + close, from + anchor_start..from + anchor_end)), ..EntryParts::default() })
    })();
    link.or_else(|| (!t.is_empty() && !t.contains('\n')).then(|| EntryParts { plain: Some(from..s.len()), ..EntryParts::default() }))
}

pub(super) fn find(doc: &mut Document) -> Vec<Toc> {
    let mut tocs = Vec::new();
    for title in 0..doc.blocks.len() {
        let block = &doc.blocks[title];
        let title_text = doc.slice(&block.content).trim_matches(['*', '_', ' ']);
        if !matches!(block.kind, BlockKind::Heading(_) | BlockKind::Paragraph) || title_text.len() > 32 || !is_title(&title_text.to_lowercase()) {
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
    let at = |r: Range<usize>| content.start + r.start..content.start + r.end;
    let marker_numbering = match marker {
        ListMarker::Ordered { number, .. } => Some((number, marker_range.start..marker_range.end - 1)),
        ListMarker::Bullet(_) => None,
    };
    let Some(parts) = split_entry(s) else {
        let (number, numbering) = marker_numbering.unzip();
        return TocEntry { block, text: content, number, numbering, anchor: None, target: None };
    };
    let own = parts.numbering.and_then(|(whole, first)| Some((s[first].parse().ok()?, at(whole))));
    let (number, numbering) = own.or(marker_numbering).unzip();
    let (text_range, anchor) = match (parts.label, parts.plain) {
        (Some((label, anchor)), _) => (at(label), Some(at(anchor))),
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
    use super::{is_title, normalize_title, split_entry, EntryParts};
    use crate::rules::testing::strings_from;
    use regex::Regex;

    #[test]
    fn titles_are_recognised_as_the_regex_they_replace_would() {
        let regex = Regex::new(r"^(?:table of contents|contents|in this (?:article|post|story|guide)|on this page|jump to|article contents|what(?:'|’)s inside)[ \t]*:?$").unwrap();
        let pieces = ["contents", "table of ", "in this ", "article", "post", "guide", "on this page", "jump to", "what's inside", "what’s inside", " ", "\t", ":", "::", "x", "\n"];
        let mut titles = strings_from(&pieces, 20_000, 9, 0x2545_f491_4f6c_dd1d);
        titles.extend(["contents", "contents:", "contents :", "contents: ", "in this article\t:", "what’s inside", ""].map(String::from));
        let mut matched = 0;
        for t in &titles {
            assert_eq!(is_title(t), regex.is_match(t), "{t:?}");
            matched += usize::from(is_title(t));
        }
        assert!(matched > 200, "the generated titles should include many real ones, got {matched}");
    }

    #[test]
    fn entries_split_as_the_regex_they_replace_would() {
        let regex = Regex::new(r"^(?:(([0-9]{1,4})(?:\.[0-9]{1,4})*)[.)]?[ \t]+)?(?:\[([^\]]+)\]\(#([^) \t]*)\)|(.+))$").unwrap();
        let pieces = ["1", "2", "12", "12345", ".", ")", " ", "  ", "\t", "[", "]", "(", "#", "](#", "\n", "a", "Intro", "é", "-", "2. ", "1.2 ", "[Intro](#intro)", "[a b](#a-b)"];
        let mut entries = strings_from(&pieces, 50_000, 9, 0x9e37_79b9_7f4a_7c15);
        entries.extend(["2. Methods", "2.1 Methods", "2)  ", "2.  ", "[Intro](#intro)", "3. [Intro](#a b)", "1.2.3.4 x", "1.23456 x", "", "\n"].map(String::from));
        let (mut numbered, mut links) = (0, 0);
        for e in &entries {
            let expected = regex.captures(e).map(|c| {
                let r = |i| c.get(i).map(|m| m.range());
                EntryParts { numbering: r(1).zip(r(2)), label: r(3).zip(r(4)), plain: r(5) }
            });
            let got = split_entry(e);
            assert_eq!(got, expected, "{e:?}");
            numbered += usize::from(got.as_ref().is_some_and(|p| p.numbering.is_some()));
            links += usize::from(got.as_ref().is_some_and(|p| p.label.is_some()));
        }
        assert!(numbered > 2_000 && links > 200, "the generated entries should exercise both parts: {numbered} numbered, {links} links");
    }

    #[test]
    fn titles_normalise_case_quotes_numbering_and_final_punctuation() {
        assert_eq!(normalize_title("2. Takaichi’s Role:"), "takaichi's role");
        assert_eq!(normalize_title("  What   Comes Next? "), "what comes next");
        assert_eq!(normalize_title("**Key Pillars**"), "key pillars");
        assert_eq!(normalize_title("3.1 Methods"), "methods");
        assert_eq!(normalize_title("2024 Results"), "2024 results");
    }
}
