//! `template-residue`: page furniture, engagement filler and placeholders left in an article.
//!
//! The phrases live in `data/residue.txt`, one per line with their kind (engagement, furniture,
//! placeholder) and scope (label, sentence, block, title, bracket); each becomes an anchored regex,
//! compiled the first time it is needed. Each prose block (paragraph, heading, list item) is lowercased
//! once (ASCII letters only, line breaks and tabs to spaces, so byte offsets do not move), and the
//! regexes are tried at a few candidate places only: the block's start, each sentence's start, and each
//! `[` or `(`, and there only the entries whose first bytes fit. An anchored run dies within a few bytes
//! where nothing matches, so the cost is linear in the text however many phrases there are, even on the
//! regex crate's plain PikeVM.
//!
//! What it flags: a label ("Did You Know?", "Pro Tip:") at the start of a block or sentence, the label
//! only; a sentence that opens with a call to comment, share or subscribe, the whole sentence, together
//! with the reader questions ("What are your thoughts…?") right before or after it in the same
//! paragraph; a short heading or paragraph that is nothing but furniture ("Advertisement", "Photo:
//! Reuters", "Related: …"); a contents title with no list under it; a bracketed slot ("[Insert
//! statistic]", "[citation needed]").
//!
//! What it leaves alone: code blocks and code spans, URLs, tables, block quotes (`> …`), anything after
//! an opening quotation mark that is still open, so an article *about* newsletters can quote
//! "Subscribe to our newsletter"; phrases in the middle of a sentence ("avoid link text like click
//! here"); a contents title followed by a list or by unbulleted entries (short heading lines), and a
//! contents heading followed by another heading, which `empty-section` reports; "Read more" and other
//! cut-off markers in the article's last block, which `truncated-ending` reports.
//!
//! Findings carry no suggestion: the fix is to delete the span, and the report has no way to say
//! "delete" other than an empty replacement, which the page would show as an empty quotation.

use super::{excerpt, Rule, RuleMeta};
use crate::document::{Block, BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use crate::document::residue::{residue, Entry, Kind, Residue, Scope, MAX_BLOCK_BYTES, PREFIX_LEN};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "template-residue",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "Page furniture, an engagement prompt or a placeholder is left in the article.",
        what: "Flags what a web page or a template wraps around an article rather than the article itself: calls to comment, share or subscribe (“Share your opinions in the comments below.”), box labels (“Did You Know?”, “Pro Tip:”), lines such as “Advertisement”, “Photo: Reuters” or “Related: …”, a contents title with no contents, and unfilled slots such as “[Insert statistic]” or “Lorem ipsum”.",
        why: "Residue from the page or the template tells the reader the text was pasted or generated without a final read. It interrupts the article and often promises things (comments, a newsletter box, a photo) that are not there.",
        example: "The council approved the budget on Tuesday.\n\nAdvertisement\n\nWhat do you think of the plan? Share your opinions in the comments below.",
        use_instead: "The council approved the budget on Tuesday.\n\nThe plan takes effect in January.",
    },
    check,
};

/// Where a candidate match may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// The block's first text (after `**` / `_` markup).
    BlockStart,
    /// The start of the block's sentence with this index into `Document::sentences`.
    Sentence(usize),
    /// An opening bracket.
    Bracket,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let residue = residue();
    let mut scan = Scan { doc, residue, lower: String::new(), candidates: Vec::new(), last_block: doc.last_non_blank().map(|(i, _)| i) };
    for (index, block) in doc.blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Paragraph | BlockKind::ListItem(_) => {}
            BlockKind::Heading(h) if !h.is_toc_title => {}
            _ => continue,
        }
        scan.block(index, block, out);
    }
}

struct Scan<'d> {
    doc: &'d Document<'d>,
    residue: &'static Residue,
    /// The current block's text, ASCII-lowercased, line breaks and tabs as spaces: same byte offsets.
    lower: String,
    /// (offset in the block's text, kind of place), sorted by offset.
    candidates: Vec<(usize, At)>,
    last_block: Option<usize>,
}

impl Scan<'_> {
    fn block(&mut self, index: usize, block: &Block, out: &mut Vec<Finding>) {
        let doc = self.doc;
        let text = doc.slice(&block.content);
        let base = block.content.start;
        self.lower.clear();

        self.candidates.clear();
        self.candidates.push((skip_markup(text, 0), At::BlockStart));
        for si in block.sentences.clone() {
            let start = skip_markup(text, doc.sentences[si].range.start - base);
            if start == self.candidates[0].0 {
                self.candidates[0].1 = At::Sentence(si);
            } else {
                self.candidates.push((start, At::Sentence(si)));
            }
        }
        self.candidates.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'[' || b == b'(').map(|(i, _)| (i, At::Bracket)));
        crate::sort::sort_by_key(&mut self.candidates, |&(pos, _)| pos);

        let mut quotes = Quotes::default();
        let mut walked = 0;
        let mut covered_until = 0;
        // The last engagement finding, and whether its message quotes all of it.
        let mut merged_from: Option<(usize, bool)> = None;
        for k in 0..self.candidates.len() {
            let (pos, at) = self.candidates[k];
            quotes.walk(&text.as_bytes()[walked..pos], walked.checked_sub(1).map_or(b' ', |i| text.as_bytes()[i]));
            walked = pos;
            if pos < covered_until || quotes.open() {
                continue;
            }
            let candidates = self.candidates(&text[pos..]);
            if candidates == 0 || doc.is_protected(base + pos) {
                continue;
            }
            if self.lower.is_empty() {
                // Same length as `text`, char for char: offsets carry over.
                self.lower.extend(text.chars().map(|c| match c {
                    '\n' | '\r' | '\t' => ' ',
                    c => c.to_ascii_lowercase(),
                }));
            }
            let Some((entry, len)) = self.lower.get(pos..).and_then(|hay| self.residue.match_at(hay, candidates)) else { continue };
            let found = self.finding(index, block, pos, at, entry, len);
            let Some((range, message, widened)) = found else { continue };
            covered_until = range.end - base;
            // Calls to comment in a row ("Share your thoughts below. Let us know!") make one finding.
            if entry.kind == Kind::Engagement && entry.scope == Scope::Sentence {
                if let Some((previous, quotes_all)) = merged_from.and_then(|(i, all)| Some((out.get_mut(i)?, all))) {
                    // The reader's questions taken in with a call can reach back into the previous
                    // finding ("Let us know what you think? Will you ride it? Let us know below.").
                    if range.start <= previous.range.end || doc.text[previous.range.end..range.start].trim().is_empty() {
                        previous.range.end = previous.range.end.max(range.end);
                        if quotes_all {
                            previous.message = format!("Engagement prompt left in the article: “{}”.", excerpt(clean(doc.slice(&previous.range)), 80));
                        }
                        continue;
                    }
                }
                merged_from = Some((out.len(), !widened));
            } else {
                merged_from = None;
            }
            out.push(Finding::new(range, message));
        }
    }

    /// The entries that may match at the start of `rest` (lowercased as `lower` is), as a mask.
    fn candidates(&self, rest: &str) -> u64 {
        let mut head = [0u8; PREFIX_LEN];
        let n = rest.len().min(PREFIX_LEN);
        for (h, &b) in head.iter_mut().zip(&rest.as_bytes()[..n]) {
            *h = if matches!(b, b'\n' | b'\r' | b'\t') { b' ' } else { b.to_ascii_lowercase() };
        }
        self.residue.candidates(&head[..n])
    }

    /// The flagged range and message for a match, or `None` when the place does not fit its scope.
    /// The flag says the range was widened beyond what the message quotes.
    fn finding(&self, index: usize, block: &Block, pos: usize, at: At, entry: Entry, len: usize) -> Option<(Range<usize>, String, bool)> {
        let doc = self.doc;
        let text = doc.slice(&block.content);
        let base = block.content.start;
        let matched = &text[pos..pos + len];
        if entry.caps && matched.bytes().any(|b| b.is_ascii_lowercase()) {
            return None;
        }
        if (entry.not_last && self.last_block == Some(index)) || (entry.one_sentence && block.sentences.len() > 1) {
            return None;
        }
        let is_heading_or_paragraph = matches!(block.kind, BlockKind::Heading(_) | BlockKind::Paragraph);
        // The flagged range, and the part of it the message quotes when that is not all of it.
        let (range, quote) = match (entry.scope, at) {
            (Scope::Label, At::BlockStart | At::Sentence(_)) => {
                let label_start = match at {
                    At::Sentence(si) => doc.sentences[si].range.start - base,
                    _ => 0,
                };
                let end = pos + len + text[pos + len..].bytes().take_while(|&b| b == b'*' || b == b'_').count();
                let end = if text[end..].trim().is_empty() { text.len() } else { end };
                (base + label_start..base + end, None)
            }
            (Scope::Sentence, At::Sentence(si)) => {
                let call = doc.sentences[si].range.clone();
                let range = if entry.kind == Kind::Engagement { self.with_reader_questions(block, si) } else { call.clone() };
                let quote = (range != call).then_some(call);
                (range, quote)
            }
            (Scope::Sentence, At::BlockStart) => (block.content.clone(), None),
            (Scope::Block, At::BlockStart | At::Sentence(_)) if pos == skip_markup(text, 0) && text.len() <= MAX_BLOCK_BYTES && is_heading_or_paragraph => (block.content.clone(), None),
            (Scope::Title, At::BlockStart | At::Sentence(_)) if pos == skip_markup(text, 0) && is_heading_or_paragraph && self.is_empty_contents_title(index, block) => {
                let title = clean(text);
                return Some((block.content.clone(), format!("Page furniture left in the article: “{title}” titles a table of contents that is not there."), false));
            }
            (Scope::Bracket, _) => {
                let next = text[pos + len..].chars().next();
                // "[this video][video]": the second brackets are a reference link's label.
                let previous = text[..pos].chars().next_back();
                if matches!(next, Some('(' | '[' | ':')) || previous == Some(']') || doc.is_protected(base + pos + len - 1) {
                    return None;
                }
                (base + pos..base + pos + len, None)
            }
            _ => return None,
        };
        let quoted = excerpt(clean(doc.slice(quote.as_ref().unwrap_or(&range))), 80);
        let message = match entry.kind {
            Kind::Engagement if quote.is_some() => format!("Engagement prompt left in the article: “{quoted}”, with the questions to the reader around it."),
            Kind::Engagement => format!("Engagement prompt left in the article: “{quoted}”."),
            Kind::Furniture => format!("Page furniture left in the article: “{quoted}”."),
            Kind::Placeholder => format!("Placeholder text left in the article: “{quoted}”."),
        };
        Some((range, message, quote.is_some()))
    }

    /// Sentence `si`, widened over the questions to the reader ("What do you think?") next to it in
    /// the same block.
    fn with_reader_questions(&self, block: &Block, si: usize) -> Range<usize> {
        let doc = self.doc;
        let mut first = si;
        let mut last = si;
        while first > block.sentences.start && self.is_reader_question(first - 1) {
            first -= 1;
        }
        while last + 1 < block.sentences.end && self.is_reader_question(last + 1) {
            last += 1;
        }
        doc.sentences[first].range.start..doc.sentences[last].range.end
    }

    /// A question with "you" or "your" in it.
    fn is_reader_question(&self, si: usize) -> bool {
        let doc = self.doc;
        let sentence = &doc.sentences[si];
        let text = doc.slice(&sentence.range).trim_end_matches(['"', '”', '’', '\'', ')', '*', '_']);
        text.ends_with('?') && doc.words_in(&sentence.words).iter().any(|w| matches!(doc.slice(&w.range).to_ascii_lowercase().as_str(), "you" | "your" | "you're" | "you’re" | "yours"))
    }

    /// A contents title with neither a list nor unbulleted entries after it. A heading followed by
    /// another heading or by the end is left to `empty-section`.
    fn is_empty_contents_title(&self, index: usize, block: &Block) -> bool {
        let doc = self.doc;
        if doc.tocs.binary_search_by_key(&index, |t| t.title_block).is_ok() {
            return false;
        }
        let is_heading = matches!(block.kind, BlockKind::Heading(_));
        match doc.next_non_blank(index) {
            None => !is_heading,
            Some(next) => match &next.kind {
                BlockKind::ListItem(_) => false,
                BlockKind::Heading(h) => !is_heading && h.style != crate::document::HeadingStyle::Plain,
                // A long entry ending in "?" is a paragraph too: prose has a dozen words or more.
                BlockKind::Paragraph => doc.words_in(&next.words).len() >= 12,
                _ => true,
            },
        }
    }
}

/// `offset` moved past `**`, `__` and spaces that open bold or italic text.
fn skip_markup(text: &str, offset: usize) -> usize {
    offset + text[offset..].bytes().take_while(|&b| matches!(b, b'*' | b'_' | b' ')).count()
}

/// Text for quoting: trimmed of white space and emphasis markers.
fn clean(s: &str) -> &str {
    s.trim().trim_matches(['*', '_']).trim()
}

/// Whether the scan is inside a quotation: straight double quotes toggle (not after a digit: 12"),
/// curly and angle quotes nest.
#[derive(Default)]
struct Quotes {
    straight: bool,
    curly: u32,
}

impl Quotes {
    /// Moves over `bytes`; `prev` is the byte before them.
    fn walk(&mut self, bytes: &[u8], mut prev: u8) {
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'"' if !prev.is_ascii_digit() => self.straight = !self.straight,
                // « and »
                0xC2 => match bytes.get(i + 1) {
                    Some(0xAB) => self.curly += 1,
                    Some(0xBB) => self.curly = self.curly.saturating_sub(1),
                    _ => {}
                },
                // “ „ and ”
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0x9C | 0x9E) => self.curly += 1,
                    Some(0x9D) => self.curly = self.curly.saturating_sub(1),
                    _ => {}
                },
                _ => {}
            }
            prev = b;
        }
    }

    fn open(&self) -> bool {
        self.straight || self.curly > 0
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_labels_calls_furniture_and_placeholders() {
        assert_eq!(flagged(&RULE, "Intro.\n\nDid You Know? Japan holds $1.3 trillion in U.S. debt."), ["Did You Know?"]);
        assert_eq!(flagged(&RULE, "Intro.\n\n**Pro Tip:** Follow reputable sources."), ["**Pro Tip:**"]);
        assert_eq!(flagged(&RULE, "Intro.\n\nIt rained. Pro tip: bring a coat."), ["Pro tip:"]);
        assert_eq!(flagged(&RULE, "The plan passed. Share your thoughts in the comments below."), ["Share your thoughts in the comments below."]);
        assert_eq!(
            flagged(&RULE, "Intro.\n\nWhat are your thoughts on the plan? Do you believe it will work? Share your opinions in the comments below."),
            ["What are your thoughts on the plan? Do you believe it will work? Share your opinions in the comments below."]
        );
        assert_eq!(flagged(&RULE, "Intro.\n\nAdvertisement\n\nMore text."), ["Advertisement"]);
        assert_eq!(flagged(&RULE, "Intro.\n\nPhoto: Reuters/Kim Kyung-Hoon\n\nMore text."), ["Photo: Reuters/Kim Kyung-Hoon"]);
        assert_eq!(flagged(&RULE, "Japan has [insert statistic here] in debt."), ["[insert statistic here]"]);
        assert_eq!(flagged(&RULE, "TODO: add the 2024 figures.\n\nText."), ["TODO:"]);
        assert_eq!(flagged(&RULE, "Lorem ipsum dolor sit amet, consectetur adipiscing elit."), ["Lorem ipsum dolor sit amet"]);
        assert_eq!(flagged(&RULE, "# Title\n\nTable of Contents\n\nThe council met on Tuesday to discuss the budget for the coming year and beyond.\n"), ["Table of Contents"]);
        let found = run(&RULE, "Intro.\n\nDid you know? It rained.");
        assert_eq!(found[0].message, "Page furniture left in the article: “Did you know?”.");
        let found = run(&RULE, "Intro. What do you think? Let us know in the comments.");
        assert_eq!(found[0].message, "Engagement prompt left in the article: “Let us know in the comments.”, with the questions to the reader around it.");
    }

    /// Found by the fuzz target: a call that is itself a question to the reader ("Let us know in the
    /// comments what you think?") is taken in by the next call's reader questions, so the next finding
    /// reached back into the previous one, and merging the two sliced the text backwards (a panic).
    #[test]
    fn calls_whose_reader_questions_overlap_make_one_finding() {
        let text = "Intro.\n\nWhat do you think of the line? Let us know in the comments what you think? Will you use it? Let us know in the comments below.";
        assert_eq!(flagged(&RULE, text), ["What do you think of the line? Let us know in the comments what you think? Will you use it? Let us know in the comments below."]);
    }

    #[test]
    fn leaves_quotes_code_and_mid_sentence_mentions_alone() {
        assert_clean(
            &RULE,
            &[
                "Most sites end with “Subscribe to our newsletter” in bold.",
                "The banner said: \"Subscribe to our newsletter.\" Nobody did.",
                "He wrote: “Great piece. Share your thoughts in the comments below.” It went viral.",
                "Avoid link text such as click here: it tells the reader nothing.",
                "Click here is bad link text.",
                "Use `Share your thoughts in the comments` as the prompt.",
                "> Share your thoughts in the comments below.",
                "```\nAdvertisement\n```",
                "Did you know that Japan holds U.S. debt?",
                "Pro tips from chefs are often simple.",
                "Readers were asked to share their opinions in the comments below the article.",
                "The final is on June 5 (TBD).",
                "The venue is TBD: the league will decide.",
                "See [your account](https://example.com/account) for details.",
                "Read the guide, or [this video][video], from the conference.\n\n[video]: https://example.com/talk",
                "Table of Contents\n\n- Intro\n- Outlook\n\nIntro\n\nText here.\n",
                "Contents\n\nThe box holds a charger, a cable and a manual for the device you bought last week.",
                "Photo: the camera's sensor size matters. Most phones use small sensors and large lenses, and the results show it in low light.",
                "- Photo: a recent one\n- Passport: valid",
                "Lorem ipsum is the name of the dummy text printers use.",
                "# Language guide\n\n## Comments\n\nA comment starts with two slashes.\n\n## Share\n\nThe share button copies a link.\n\n## Subscribe\n\nThe client subscribes to a topic.",
            ],
        );
    }

    #[test]
    fn cut_off_markers_at_the_end_are_left_to_truncated_ending() {
        use crate::rules::truncated_ending::{self, CUT_OFF_MARKERS};
        for marker in CUT_OFF_MARKERS {
            let at_end = format!("Text of the story.\n\n{marker}");
            assert!(flagged(&RULE, &at_end).is_empty(), "{marker:?} at the end");
            assert!(!flagged(&truncated_ending::RULE, &at_end).is_empty(), "{marker:?} at the end");
            if marker.starts_with(|c: char| c.is_ascii_alphabetic()) && *marker != "continued" {
                assert_eq!(flagged(&RULE, &format!("Text of the story.\n\n{marker}\n\nMore text.")), [*marker]);
            }
        }
    }
}
