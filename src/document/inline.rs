//! Blocks → protected spans, words and sentences.
//!
//! Per prose block (heading, paragraph, list item, table cell) this finds the spans that are not prose
//! (inline code, URLs, e-mail addresses, file names, link targets, HTML tags), then the words, then, for
//! paragraphs and list items, the sentences. A full stop ends a sentence unless it belongs to an
//! abbreviation ("Dr.", "e.g.", "U.S." before a lowercase word), an initial ("J. R. R. Tolkien"), a number
//! ("3.5") or an ellipsis followed by lowercase; terminal punctuation inside closing quotes followed by a
//! lowercase word ("“Stop!” he said") does not end one either. A full stop glued to a capitalised word
//! ("Washington.Her") does, so that later rules see the second sentence.

use super::lexicon::{abbreviation_kind, AbbreviationKind};
use super::{BlockKind, Document, Sentence, Word};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

pub(super) fn split(doc: &mut Document) {
    let text = doc.text;
    let mut words = Vec::with_capacity(text.len() / 6);
    let mut sentences = Vec::with_capacity(text.len() / 100);
    let mut all_protected = Vec::new();
    for (index, block) in doc.blocks.iter_mut().enumerate() {
        let spans: Vec<Range<usize>> = match &block.kind {
            BlockKind::Heading(_) | BlockKind::Paragraph | BlockKind::ListItem(_) => vec![block.content.clone()],
            BlockKind::TableRow(row) if !row.is_delimiter => row.cells.clone(),
            _ => continue,
        };
        let words_start = words.len();
        let sentences_start = sentences.len();
        let prose = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem(_));
        for span in spans {
            let protected = protected_spans(text, span.clone());
            let first_word = words.len();
            push_words(text, span.clone(), &protected, index, &mut words);
            all_protected.extend(protected.iter().cloned());
            if prose {
                for range in sentence_ranges(text, span, &protected) {
                    let from = first_word + words[first_word..].partition_point(|w: &Word| w.range.start < range.start);
                    let to = from + words[from..].partition_point(|w: &Word| w.range.start < range.end);
                    sentences.push(Sentence { range, block: index, words: from..to });
                }
            }
        }
        block.words = words_start..words.len();
        block.sentences = sentences_start..sentences.len();
    }
    doc.words = words;
    doc.sentences = sentences;
    doc.protected = all_protected;
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Words: runs of letters, digits and combining marks, with apostrophes inside ("don't", "Takaichi’s").
fn push_words(text: &str, span: Range<usize>, protected: &[Range<usize>], block: usize, out: &mut Vec<Word>) {
    let s = &text[span.clone()];
    let mut chars = s.char_indices().peekable();
    let mut guard = 0;
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '\'' | '’') && s[j + d.len_utf8()..].chars().next().is_some_and(is_word_char) {
                chars.next();
            } else {
                break;
            }
        }
        let range = span.start + start..span.start + end;
        while guard < protected.len() && protected[guard].end <= range.start {
            guard += 1;
        }
        let is_protected = protected.get(guard).is_some_and(|p| p.start < range.end);
        out.push(Word { range, block, protected: is_protected });
    }
}

fn markup_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Link targets `](…)` and HTML tags.
    // Anchored: it is tried only where a `](` or a `<` stands (see `markup_spans`).
    RE.get_or_init(|| Regex::new(r"^(?:\]\([^() \t\r\n]*(?:\([^() \t\r\n]*\)[^() \t\r\n]*)*\)|</?[A-Za-z][^<>\n]{0,200}>)").expect("valid regex"))
}

/// The matches of `markup_regex` in `s`, leftmost first and not overlapping, as `find_iter` would give
/// them. Every match starts with `](` or `<`, so the anchored regex runs only at those bytes instead of
/// the regex engine (a PikeVM: the crate is built without its DFAs) stepping through every character.
fn markup_spans(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < bytes.len() {
            let i = from + bytes[from..].iter().position(|&b| b == b']' || b == b'<')?;
            from = i + 1;
            if bytes[i] == b']' && bytes.get(i + 1) != Some(&b'(') {
                continue;
            }
            if let Some(m) = markup_regex().find(&s[i..]) {
                from = i + m.end();
                return Some(i..i + m.end());
            }
        }
        None
    })
}

/// Links, e-mail addresses, domain and file names, paths. Tokens reach it without white space, so `.`
/// stands for any character; classes are ASCII, which keeps the wasm free of Unicode tables.
fn link_like_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:[A-Za-z][A-Za-z0-9+.\-]*://.+|(?:mailto|MAILTO):.+|(?:www|WWW)\..+",
            r"|[^@]+@[^@]+\.[^@]+",
            r"|(?:[A-Za-z0-9_\-]+\.)+(?:com|org|net|edu|gov|mil|int|io|dev|app|ai|uk|de|fr|jp|cn|ru|ca|au|eu|info|biz|ly|gg|xyz",
            r"|html?|php|aspx?|md|txt|pdf|docx?|xlsx?|csv|json|ya?ml|toml|xml|js|mjs|ts|tsx|jsx|rs|py|rb|go|java|cpp|sh",
            r"|png|jpe?g|gif|svg|webp|mp[34]|zip|exe|wasm)(?:[/:?#].*)?",
            r"|(?:\.{0,2}/|~/)[A-Za-z0-9_.\-/]+|[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-/]*[A-Za-z0-9_])$"
        ))
        .expect("valid regex")
    })
}

/// False only for a token `link_like_regex` cannot match: each of its alternatives needs a `/` (which
/// "://" has), a leading "mailto:" or "www.", an `@`, or a `.` before a lowercase ending (".com",
/// ".pdf"). So "10:30", "2.5%" and "Ph.D" are ruled out without the regex being run or compiled (a
/// test checks this on generated tokens).
fn may_be_link(core: &str) -> bool {
    let b = core.as_bytes();
    core.contains(['/', '@'])
        || [&b"mailto:"[..], b"MAILTO:", b"www.", b"WWW."].iter().any(|p| b.starts_with(p))
        || b.windows(2).any(|w| w[0] == b'.' && w[1].is_ascii_lowercase())
}

/// Sorted, merged spans inside `span` that are not prose.
fn protected_spans(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[span.clone()];
    let mut out: Vec<Range<usize>> = Vec::new();
    // Code spans: a backtick run closes at the next run of the same length.
    let bytes = s.as_bytes();
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            match open {
                Some((start, len)) if len == run => {
                    out.push(start..i + run);
                    open = None;
                }
                None => open = Some((i, run)),
                _ => {}
            }
            i += run;
        } else {
            i += 1;
        }
    }
    if s.contains(['(', '<']) {
        // A link target is protected from its `(`; the `]` stays prose so brackets pair.
        out.extend(markup_spans(s).map(|m| if s.as_bytes()[m.start] == b']' { m.start + 1..m.end } else { m }));
    }
    // Whitespace-delimited tokens that look like links, addresses or paths. Only a token holding one of
    // `.@/:` can, so the scan jumps from one of those bytes to the next and reads the token around it.
    let mut done = 0;
    for at in bytes.iter().enumerate().filter(|&(_, &b)| matches!(b, b'.' | b'@' | b'/' | b':')).map(|(i, _)| i) {
        if at < done {
            continue; // in the token just read
        }
        let here = s[..at].char_indices().rev().find(|&(_, c)| c.is_whitespace()).map_or(0, |(j, c)| j + c.len_utf8());
        let i = s[at..].char_indices().find(|&(_, c)| c.is_whitespace()).map_or(s.len(), |(j, _)| at + j);
        done = i;
        // "[docs.rs/x](https://docs.rs/x)": the link text ends at "](" (the target is protected above), so
        // its `]` stays prose and pairs with the `[`.
        let token = &s[here..i];
        let token = token.find("](").map_or(token, |cut| &token[..cut]);
        if token.len() < 4 || !token.contains(['.', '@', '/', ':']) {
            continue;
        }
        let core = token.trim_start_matches(['(', '<', '[', '"', '\'', '“', '‘', '*', '_']);
        let lead = token.len() - core.len();
        let core = core.trim_end_matches([')', '>', ']', '"', '\'', '”', '’', '.', ',', ';', ':', '!', '?', '*', '_']);
        // Every alternative of the regex needs one of these; a sentence's last word ("done.") has lost its
        // full stop by now and is not run through the PikeVM.
        if core.len() >= 4 && may_be_link(core) && link_like_regex().is_match(core) {
            out.push(here + lead..here + lead + core.len());
        }
    }
    crate::sort::sort_by_key(&mut out, |r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        let r = span.start + r.start..span.start + r.end;
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

const TERMINAL: [char; 4] = ['.', '!', '?', '…'];
const CLOSERS: [char; 8] = ['"', '”', '’', '\'', ')', ']', '»', '*'];
const OPENERS: [char; 10] = ['"', '“', '‘', '\'', '(', '[', '«', '*', '_', '¿'];

/// The sentences of one paragraph or list item.
fn sentence_ranges(text: &str, span: Range<usize>, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    let s = &text[span.clone()];
    let base = span.start;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(s.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut start = chars.iter().position(|&(_, c)| !c.is_whitespace());
    let mut guard = 0;
    let mut k = start.unwrap_or(chars.len());
    while k < chars.len() {
        let (pos, c) = chars[k];
        while guard < protected.len() && protected[guard].end <= base + pos {
            guard += 1;
        }
        if protected.get(guard).is_some_and(|p| p.start <= base + pos) || !TERMINAL.contains(&c) {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < chars.len() && TERMINAL.contains(&chars[j].1) {
            j += 1;
        }
        let single_dot = j == k + 1 && c == '.';
        let ellipsis = chars[k..j].iter().any(|&(_, c)| c == '…') || (j - k >= 3 && chars[k..j].iter().all(|&(_, c)| c == '.'));
        let mut m = j;
        while m < chars.len() && CLOSERS.contains(&chars[m].1) {
            m += 1;
        }
        let closed = m > j;
        let Some(st) = start else { break };
        if m == chars.len() {
            break;
        }
        let next = chars[m].1;
        if next.is_whitespace() {
            let mut q = m;
            while q < chars.len() && chars[q].1.is_whitespace() {
                q += 1;
            }
            if q == chars.len() {
                break;
            }
            let first_letter = chars[q..].iter().take(4).map(|&(_, c)| c).find(|c| !OPENERS.contains(c)).unwrap_or(' ');
            let boundary = if closed && first_letter.is_lowercase() {
                false
            } else if ellipsis {
                first_letter.is_uppercase()
            } else if single_dot && !closed {
                match abbreviation_kind(word_before(s, pos)) {
                    Some(AbbreviationKind::NeverEnds) => false,
                    Some(AbbreviationKind::MayEnd) => first_letter.is_uppercase(),
                    None => true,
                }
            } else {
                true
            };
            if boundary {
                out.push(base + at(st)..base + at(m));
                start = Some(q);
            }
            k = q;
            continue;
        }
        // "Washington.Her": a sentence end glued to the next capitalised word.
        let glued = single_dot
            && next.is_uppercase()
            && chars.get(m + 1).is_some_and(|&(_, c)| c.is_lowercase())
            && k > 0
            && (chars[k - 1].1.is_lowercase() || matches!(chars[k - 1].1, ')' | ']'));
        if glued {
            out.push(base + at(st)..base + at(m));
            start = Some(m);
        }
        k = m.max(k + 1);
    }
    if let Some(st) = start {
        let end = s.trim_end().len();
        if at(st) < end {
            out.push(base + at(st)..base + end);
        }
    }
    out
}

/// The word, with internal dots, that ends right before byte `dot` of `s`: "U.S", "Dr", "3".
fn word_before(s: &str, dot: usize) -> &str {
    let head = &s[..dot];
    let mut start = dot;
    for (i, c) in head.char_indices().rev() {
        let dot_inside = c == '.' && start == i + 1 && i > 0;
        if is_word_char(c) || dot_inside {
            start = i;
        } else {
            break;
        }
    }
    head[start..].trim_start_matches('.')
}

#[cfg(test)]
mod markup_tests {
    use super::{link_like_regex, markup_spans, may_be_link};
    use regex::Regex;

    /// The quick test never rules out a token the link regex matches, and does rule out most others.
    #[test]
    fn may_be_link_never_rules_out_a_link() {
        let pieces = ["a", "B", "7", ".", ":", "/", "@", "com", "pdf", "www", "mailto", "MAILTO", "WWW", "-", "_", "%", "~", "?", "#", "é", "://", "html", "rs"];
        let (mut links, mut skipped) = (0, 0);
        for token in crate::rules::testing::strings_from(&pieces, 100_000, 9, 0x9e37_79b9_7f4a_7c15) {
            let link = link_like_regex().is_match(&token);
            assert!(may_be_link(&token) || !link, "{token:?} is a link");
            links += usize::from(link);
            skipped += usize::from(!may_be_link(&token));
        }
        assert!(links > 5_000 && skipped > 5_000, "{links} links, {skipped} tokens ruled out");
        for token in ["10:30", "2.5%", "Ph.D", "U.S.-Japan", "Sept.1"] {
            assert!(!may_be_link(token), "{token}");
        }
    }

    /// The anchored scan finds exactly what the unanchored regex's `find_iter` finds.
    #[test]
    fn markup_spans_match_find_iter() {
        let unanchored = Regex::new(r"\]\([^() \t\r\n]*(?:\([^() \t\r\n]*\)[^() \t\r\n]*)*\)|</?[A-Za-z][^<>\n]{0,200}>").unwrap();
        for s in [
            "See [the guide](https://example.com/a_(b)) and <b>bold</b> text.",
            "a ] ( b ]( x ]() <<a> <a <b>> </ x> 2 < 3 > 1 [x](y)(z) ](a(b)c)d)",
            "é]\u{a0}(x) <é> <a\nb> ](é) <p class=\"x\">",
            "",
            "]]]((( <<<>>> ](",
        ] {
            let expected: Vec<_> = unanchored.find_iter(s).map(|m| m.range()).collect();
            assert_eq!(markup_spans(s).collect::<Vec<_>>(), expected, "{s:?}");
        }
    }
}
