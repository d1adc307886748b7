//! `duplicate-paragraph`: a paragraph or list item that repeats an earlier one, word for word or lightly
//! reworded.
//!
//! Blocks are compared by their normalised words (see [`crate::document::fingerprint`]), so case,
//! spacing, punctuation and quote style do not matter. An exact repeat needs [`MIN_WORDS`] prose words.
//! A near repeat needs [`NEAR_MIN_WORDS`] in both blocks and [`NEAR_THRESHOLD`] of their word pairs in
//! common (Jaccard similarity of the two sets of adjacent-word pairs): a few synonyms swapped or words
//! added in a 30-word paragraph keep it above 0.5, while different paragraphs on the same subject stay
//! under 0.25. Pairs rather than triples because each changed word breaks only two of them. Candidates
//! come from a MinHash index, so each block is verified against a bounded number of earlier ones and
//! the cost stays linear. Each later block is reported once, against its most similar earlier block
//! (the earliest on a tie).
//!
//! Left alone:
//! - headings, table-of-contents entries, table rows and code;
//! - a block that is one quotation set apart (a `>` blockquote, or a paragraph that is a single quote,
//!   with at most an attribution after it): pull quotes repeat the body on purpose;
//! - boilerplate (newsletter, copyright, disclaimer and affiliate lines), which sites repeat by design;
//! - repeats among the steps of one numbered list (recipes and how-tos repeat instructions on purpose);
//! - parallel structure, which is written on purpose: near repeats among items of one list (unless one
//!   is the other with words added in one place), near repeats whose differences are mostly names,
//!   numbers or code on both sides (“The Nokia G42 costs 199 euros …” / “The Fairphone 5 costs 699
//!   euros …”), and a block that is near two or more others (a series of entries on one pattern).
//!   Reference manuals, whose entries come in pairs (“Shift lines left” / “Shift lines right”), can
//!   still trip it; articles rarely do;
//! - a near repeat explained by sentences the two blocks share word for word (“A. B.” / “C. A.”, or a
//!   copy with a sentence added): `duplicate-sentence` reports those sentences.
//!
//! [`repeats`] is shared with `duplicate-sentence` (computed once per document), which skips the blocks
//! reported here.

use super::{excerpt, Rule, RuleMeta};
use crate::document::fingerprint::{jaccard, min_hash, sequence_key, set_key, shingles, word_keys, CandidateIndex};
use crate::document::{Block, BlockKind, Document, ListMarker};
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "duplicate-paragraph",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A paragraph repeats an earlier one, word for word or lightly reworded.",
        what: "Flags a paragraph or list item whose words repeat an earlier block, ignoring case, spacing, punctuation and quote style, or that shares most of its wording with an earlier block (a few words changed, added or dropped). Pull quotes, boilerplate lines, steps of one numbered list and parallel items that differ in names and numbers are left alone.",
        why: "A repeated paragraph is almost always a paste or merge slip, or two drafts of the same passage left in. Readers notice at once, and it makes the article look unedited.",
        example: "The council approved the tram line after a long debate about its cost.\n\nConstruction starts in May.\n\nThe council approved the tram line after a long debate about its cost.",
        use_instead: "The council approved the tram line after a long debate about its cost.\n\nConstruction starts in May.",
    },
    check,
};

/// Words a block needs before an exact repeat counts: “Read more.” and “Thanks for reading.” do not.
pub(crate) const MIN_WORDS: usize = 8;
/// Words a sentence needs before its repeat counts: shorter ones are often a deliberate refrain (“The
/// problem was solved, and life was good.”).
pub(crate) const SENTENCE_MIN_WORDS: usize = 10;
/// Words both blocks need before a near repeat counts.
const NEAR_MIN_WORDS: usize = 15;
/// Share of word pairs two blocks must have in common to be near repeats. Measured: light rewordings
/// score 0.51–0.76; different paragraphs on one subject, 0.25 at most; parallel entries of manuals
/// and release notes from 0.45 up, which the filters above handle.
const NEAR_THRESHOLD: f64 = 0.5;

/// Most similar earlier blocks checked for parallel structure before giving up on a block.
const MAX_VERIFIED: usize = 4;
/// Similarity above which a near repeat is reported even among a series of similar blocks.
const COPY_THRESHOLD: f64 = 0.8;

/// How a block repeats an earlier one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Repeat {
    /// Index of the earlier block.
    pub first: usize,
    /// Jaccard similarity of the two blocks' word pairs; 1 for an exact repeat.
    pub similarity: f64,
    pub exact: bool,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for (index, repeat) in repeats(doc).iter().copied().enumerate() {
        let Some(repeat) = repeat else { continue };
        let (block, first) = (&doc.blocks[index], &doc.blocks[repeat.first]);
        let line = doc.line_index_of(first.content.start) + 1;
        let (kind, first_kind) = (kind_name(block), kind_name(first));
        let other = if kind == first_kind { "the one".to_string() } else { format!("the {first_kind}") };
        let quoted = quote(doc.slice(&block.content));
        let message = if repeat.exact {
            format!("This {kind} repeats {other} on line {line} word for word: “{quoted}”.")
        } else {
            // An integer: formatting an f64 would pull float printing into the wasm.
            let percent = (repeat.similarity * 100.0).floor() as u32;
            format!("This {kind} nearly repeats {other} on line {line} ({percent}% of its wording is the same): “{quoted}”.")
        };
        out.push(Finding::new(block.content.clone(), message).related(first.content.clone(), format!("the earlier {first_kind}")));
    }
}

/// The start of a passage for a message, on one line.
pub(crate) fn quote(passage: &str) -> String {
    excerpt(&passage.split_whitespace().collect::<Vec<_>>().join(" "), 60)
}

fn kind_name(block: &Block) -> &'static str {
    match block.kind {
        BlockKind::ListItem(_) => "list item",
        _ => "paragraph",
    }
}

/// For each block, the earlier block it repeats, if any.
/// [`repeated_blocks`], once per document: `duplicate-sentence` asks too. (The word keys are made again
/// by a rule that needs them: kept, they would hold 8 bytes a word through the whole check.)
pub(crate) fn repeats<'d>(doc: &'d Document) -> &'d [Option<Repeat>] {
    doc.repeats.get_or_init(|| repeated_blocks(doc, &word_keys(doc)))
}

pub(crate) fn repeated_blocks(doc: &Document, keys: &[u64]) -> Vec<Option<Repeat>> {
    let prose = prose_blocks(doc);
    let lists = lists(doc);
    let mut repeats = vec![None; doc.blocks.len()];
    let mut seen: HashMap<u64, usize> = HashMap::default();
    let mut index = CandidateIndex::default();
    let mut pair_sets: Vec<Vec<u32>> = vec![Vec::new(); doc.blocks.len()];
    // How many blocks each block is near, in either direction.
    let mut similar_blocks = vec![0usize; doc.blocks.len()];
    for (b, block) in doc.blocks.iter().enumerate() {
        if !prose[b] {
            continue;
        }
        let words = &keys[block.words.clone()];
        let length = prose_length(doc, block.words.clone());
        if length < MIN_WORDS {
            continue;
        }
        let key = sequence_key(words);
        match seen.get(&key) {
            Some(&first) if keys[doc.blocks[first].words.clone()] == *words => {
                let steps = lists[b].is_some_and(|l| l.numbered && lists[first] == Some(l));
                if !steps && !is_boilerplate(doc.slice(&block.content)) {
                    repeats[b] = Some(Repeat { first, similarity: 1.0, exact: true });
                }
                continue;
            }
            Some(_) => {}
            None => {
                seen.insert(key, b);
            }
        }
        if length < NEAR_MIN_WORDS {
            continue;
        }
        let pairs = shingles(words, 2);
        let sketch = min_hash(&pairs);
        let near: Vec<(f64, usize)> = index.candidates(&sketch).into_iter().map(|c| (jaccard(&pairs, &pair_sets[c]), c)).filter(|&(s, _)| s >= NEAR_THRESHOLD).collect();
        for &(_, candidate) in &near {
            similar_blocks[b] += 1;
            similar_blocks[candidate] += 1;
        }
        // Most similar first, the earliest on a tie; the costlier checks run on a few at most.
        let mut best = None;
        let mut tried = vec![false; near.len()];
        for _ in 0..MAX_VERIFIED.min(near.len()) {
            let Some(next) = (0..near.len()).filter(|&i| !tried[i]).max_by(|&i, &j| near[i].0.total_cmp(&near[j].0).then(near[j].1.cmp(&near[i].1))) else { break };
            tried[next] = true;
            let (similarity, candidate) = near[next];
            let siblings = lists[b].is_some() && lists[b] == lists[candidate];
            let parallel_items = siblings && !(lists[b].is_some_and(|l| !l.numbered) && extends(&pairs, &pair_sets[candidate]));
            if !parallel_items && !differs_in_names_and_numbers(doc, keys, candidate, b) && alike_beyond_shared_sentences(doc, keys, candidate, b) {
                best = Some((similarity, candidate));
                break;
            }
        }
        index.insert(b, &sketch);
        pair_sets[b] = pairs;
        if let Some((similarity, first)) = best {
            if !is_boilerplate(doc.slice(&block.content)) {
                repeats[b] = Some(Repeat { first, similarity, exact: false });
            }
        }
    }
    // A block like two or more others is one of a series of entries built on one pattern, unless it
    // is so close to its match that it can only be a copy.
    for (b, repeat) in repeats.iter_mut().enumerate() {
        if repeat.is_some_and(|r| r.similarity < COPY_THRESHOLD && (similar_blocks[b] > 1 || similar_blocks[r.first] > 1)) {
            *repeat = None;
        }
    }
    repeats
}

/// Whether two blocks are still alike once the sentences they share word for word are set aside.
/// A copy with a few words added or changed, or with its sentences reordered, is alike: what is left
/// on each side is short. When a real sentence is left on one side only (“A. B. C.” / “A. B.”), the
/// shared sentences are the story and `duplicate-sentence` reports them, unless the other block is a
/// single sentence, which that rule leaves alone; when both sides keep real sentences, those must be
/// alike too.
fn alike_beyond_shared_sentences(doc: &Document, keys: &[u64], a: usize, b: usize) -> bool {
    let sentences = |block: usize| -> Vec<(u32, Range<usize>)> {
        doc.sentences[doc.blocks[block].sentences.clone()]
            .iter()
            .filter(|s| prose_length(doc, s.words.clone()) >= SENTENCE_MIN_WORDS)
            .map(|s| (set_key(sequence_key(&keys[s.words.clone()])), s.words.clone()))
            .collect()
    };
    let (sentences_a, sentences_b) = (sentences(a), sentences(b));
    // The block's word indexes outside the sentences whose key the other block also has.
    let rest = |block: usize, own: &[(u32, Range<usize>)], other: &[(u32, Range<usize>)]| -> Vec<usize> {
        let mut other_keys: Vec<u32> = other.iter().map(|(k, _)| *k).collect();
        crate::sort::sort_keys(&mut other_keys);
        let words = doc.blocks[block].words.clone();
        let mut kept = vec![true; words.len()];
        for (_, range) in own.iter().filter(|(k, _)| other_keys.binary_search(k).is_ok()) {
            kept[range.start - words.start..range.end - words.start].fill(false);
        }
        words.zip(kept).filter(|&(_, keep)| keep).map(|(w, _)| w).collect()
    };
    let (rest_a, rest_b) = (rest(a, &sentences_a, &sentences_b), rest(b, &sentences_b, &sentences_a));
    if rest_a.len() == doc.blocks[a].words.len() {
        return true;
    }
    let short = |rest: &[usize]| rest.iter().filter(|&&w| !doc.words[w].protected && doc.slice(&doc.words[w].range).chars().any(char::is_alphabetic)).count() < MIN_WORDS;
    match (short(&rest_a), short(&rest_b)) {
        (true, true) => true,
        (false, false) => {
            let pairs = |rest: &[usize]| shingles(&rest.iter().map(|&w| keys[w]).collect::<Vec<_>>(), 2);
            jaccard(&pairs(&rest_a), &pairs(&rest_b)) >= NEAR_THRESHOLD
        }
        // A one-sentence block is left alone by `duplicate-sentence`, so it is judged whole here.
        (true, false) => doc.blocks[a].sentences.len() <= 1,
        (false, true) => doc.blocks[b].sentences.len() <= 1,
    }
}

/// Words that count towards a block's length: prose words with a letter, so “1.5.4.1” and a URL
/// do not make a short line long.
pub(crate) fn prose_length(doc: &Document, words: Range<usize>) -> usize {
    doc.words_in(&words).iter().filter(|w| !w.protected && doc.slice(&w.range).chars().any(char::is_alphabetic)).count()
}

/// One of the two pair sets holds nearly all of the other: a copy with words added or dropped in
/// one place, rather than a sibling item built on the same pattern.
fn extends(a: &[u32], b: &[u32]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|s| large.binary_search(s).is_ok()).count();
    shared * 10 >= small.len() * 9
}

/// Paragraphs and list items that are prose of the article: not contents entries, not pull quotes.
pub(crate) fn prose_blocks(doc: &Document) -> Vec<bool> {
    let mut prose: Vec<bool> = doc.blocks.iter().map(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem(_)) && !is_set_apart_quote(doc.slice(&b.content))).collect();
    for toc in &doc.tocs {
        for entry in &toc.entries {
            prose[entry.block] = false;
        }
    }
    prose
}

/// The list a list item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct List {
    /// The list's first block: shared by all its items.
    pub id: usize,
    /// Its first item is numbered (steps of a procedure).
    pub numbered: bool,
}

/// For each list item, its list. Blank lines and nested items do not end a list; any other block does.
pub(crate) fn lists(doc: &Document) -> Vec<Option<List>> {
    let mut out = vec![None; doc.blocks.len()];
    let mut current: Option<List> = None;
    for (b, block) in doc.blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Blank => {}
            BlockKind::ListItem(item) => out[b] = Some(*current.get_or_insert(List { id: b, numbered: matches!(item.marker, ListMarker::Ordered { .. }) })),
            _ => current = None,
        }
    }
    out
}

/// A `>` blockquote, or a paragraph that is one quotation (“…”, "…", «…») with at most a short
/// attribution after it (“… ” — Jane Doe).
pub(crate) fn is_set_apart_quote(content: &str) -> bool {
    let t = content.trim().trim_matches(['*', '_']).trim();
    if t.starts_with('>') {
        return true;
    }
    let Some(open) = t.chars().next() else { return false };
    let close = match open {
        '“' | '„' => '”',
        '"' => '"',
        '«' => '»',
        _ => return false,
    };
    let inner = &t[open.len_utf8()..];
    let Some(end) = inner.find(close) else { return false };
    if inner[end + close.len_utf8()..].contains(open) {
        return false;
    }
    let tail = inner[end + close.len_utf8()..].trim_start_matches(['.', ',', '*', '_']).trim();
    tail.is_empty() || (tail.starts_with(['—', '–', '-', '―', '~']) && tail.split_whitespace().count() <= 8)
}

/// Phrases of lines that sites repeat by design: sign-up prompts, notices, legal lines.
const BOILERPLATE: &[&str] = &[
    "newsletter",
    "subscribe",
    "sign up",
    "all rights reserved",
    "copyright",
    "©",
    "disclaimer",
    "disclosure",
    "affiliate",
    "sponsored",
    "advertisement",
    "informational purposes",
    "financial advice",
    "investment advice",
    "legal advice",
    "medical advice",
    "originally published",
    "originally appeared",
    "cookie",
    "privacy policy",
    "terms of service",
    "terms of use",
    "click here",
    "read more",
    "share this",
    "follow us",
];

pub(crate) fn is_boilerplate(text: &str) -> bool {
    let lower = text.to_lowercase();
    BOILERPLATE.iter().any(|p| lower.contains(p))
}

/// Parallel structure rather than a copy: each block has words the other lacks, and on both sides at
/// least half of those are names or numbers (“Model X costs $500” / “Model Y costs $700”).
fn differs_in_names_and_numbers(doc: &Document, keys: &[u64], a: usize, b: usize) -> bool {
    let (words_a, words_b) = (distinct_words(doc, keys, a), distinct_words(doc, keys, b));
    let mostly_names = |mine: &[u32], theirs: &[u32]| {
        let (mut own, mut names) = (0, 0);
        for &word in mine {
            let i = theirs.partition_point(|&t| t & !1 < word & !1);
            if theirs.get(i).is_none_or(|&t| t & !1 != word & !1) {
                own += 1;
                names += (word & 1) as usize;
            }
        }
        names > 0 && names * 2 >= own
    };
    mostly_names(&words_a, &words_b) && mostly_names(&words_b, &words_a)
}

/// A block's distinct word keys, sorted, with the lowest bit set when the word is a name, number or
/// code somewhere in the block: a capital other than a sentence's first letter (“Tokyo”,
/// “denyCurrentBranch”), a digit, or a protected span.
fn distinct_words(doc: &Document, keys: &[u64], block: usize) -> Vec<u32> {
    let range = doc.blocks[block].words.clone();
    // Ascending, as sentences are.
    let sentence_starts: Vec<usize> = doc.sentences[doc.blocks[block].sentences.clone()].iter().map(|s| s.words.start).collect();
    let mut out: Vec<u32> = range
        .clone()
        .map(|w| {
            let text = doc.slice(&doc.words[w].range);
            let starts_sentence = w == range.start || sentence_starts.binary_search(&w).is_ok();
            let capitalised = text.chars().skip(usize::from(starts_sentence)).any(char::is_uppercase);
            let name = doc.words[w].protected || capitalised || text.chars().any(|c| c.is_ascii_digit());
            set_key(keys[w]) & !1 | u32::from(name)
        })
        .collect();
    // Sorted, a key marked as a name comes right after the same key unmarked; keep the mark.
    crate::sort::sort_keys(&mut out);
    out.dedup_by(|later, earlier| {
        let same = *later & !1 == *earlier & !1;
        if same {
            *earlier |= *later & 1;
        }
        same
    });
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    const A: &str = "The council approved the new tram line on Tuesday after a long debate about its cost and its route through the old town.";

    #[test]
    fn flags_exact_repeats_whatever_the_case_spacing_and_quotes() {
        let text = format!("{A}\n\nConstruction starts in May.\n\n{A}\n");
        assert_eq!(flagged(&RULE, &text), [A]);
        let varied = "THE COUNCIL approved  the new tram line on Tuesday, after a long debate about its cost and its route through the ‘old town’.";
        assert_eq!(flagged(&RULE, &format!("{A}\n\nMore.\n\n{varied}\n")), [varied]);
        let found = run(&RULE, &format!("Intro.\n\n{A}\n\nMore.\n\n- {A}\n"));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("This list item repeats the paragraph on line 3 word for word: “The council"), "{}", found[0].message);
        assert_eq!(found[0].related[0].range.start, 8);
    }

    #[test]
    fn flags_light_rewording_against_the_best_earlier_match() {
        let reworded = "The council approved the new tram line on Tuesday after a heated debate about its cost and its route through the historic old town.";
        let found = run(&RULE, &format!("{A}\n\nConstruction starts in May and ends in June.\n\n{reworded}\n"));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("nearly repeats the one on line 1 ("), "{}", found[0].message);
    }

    #[test]
    fn leaves_short_lines_quotes_boilerplate_steps_and_templates_alone() {
        assert_clean(
            &RULE,
            &[
                "Read more.\n\nText here.\n\nRead more.\n",
                "Thanks for reading this far.\n\nText.\n\nThanks for reading this far.\n",
                &format!("> {A}\n\n{A}\n"),
                &format!("{A}\n\n“{A}”\n"),
                &format!("“{A}” — Jane Doe, mayor\n\n{A}\n"),
                "Sign up for our newsletter to get the latest news every morning.\n\nText.\n\nSign up for our newsletter to get the latest news every morning.\n",
                "1. Stir the sauce and cook it for another two minutes until golden.\n2. Add the onions.\n3. Stir the sauce and cook it for another two minutes until golden.\n",
                // Alike only through a shared sentence: duplicate-sentence's finding.
                "The line will cost €480 million and take five years to build. Work starts in May, once the last permits are signed.\n\nThe council met on Tuesday to vote on next year's budget. The line will cost €480 million and take five years to build.\n",
                "- The Model X costs $500 and comes with a two-year warranty, free shipping and a thirty-day return policy.\n- The Model Y costs $700 and comes with a two-year warranty, free shipping and a thirty-day return policy.\n",
                "",
            ],
        );
    }
}
