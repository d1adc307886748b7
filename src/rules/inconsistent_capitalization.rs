//! `inconsistent-capitalization`: one name or term written with different capitals in the same article
//! ("Sanae takaichi" next to "Sanae Takaichi", "indo-Pacific" next to "Indo-Pacific", "Prime minister"
//! next to "Prime Minister").
//!
//! Every run of two to four words inside one block, joined only by spaces or a hyphen, is keyed by its
//! case-folded text (a possessive ending on the last word left off) in one hash map, so the cost is
//! linear. Only runs that share a word with some capital written mid-sentence are kept. Each use gets a
//! case pattern (which of its words start with a capital); the pattern most uses share is the article's
//! form, and uses that differ from it are flagged when that form is used more often than theirs.
//!
//! Not evidence, and never flagged: headings, tables of contents, table header rows, Title Case labels
//! before a colon ("Supply Chain Resilience: …"), Title Case lines written as sentences, quotations, and
//! code or URLs. A word whose capital may be forced (the first word of a sentence, list item or table cell,
//! or the word after a colon), a word in capitals ("NATO", shouting), a word with a capital inside
//! ("iPhone", "eBay", "McDonald's"), a function word ("of", "the") and a name particle ("de Gaulle",
//! "van Gogh", "bin Salman") are left out of the comparison: only the other words of the run are compared.
//!
//! All capitals against all lowercase is often a style choice, not a slip: "the Prime Minister said" next
//! to "a prime minister must". So a use in lowercase only is flagged only when its words are nowhere else
//! written in lowercase (not ordinary words of the article: "sanae takaichi") and no use of it follows an
//! article or determiner ("a", "the", "every"); and a form the article mostly writes in lowercase is never
//! held against its capitalised uses. Such words are also kept out of longer runs ("the Japanese prime
//! minister"), so the same decision holds whatever run contains them.
//!
//! A use is also left alone when every use of the article's form is followed by another capitalised word
//! and it is not: "trans-Pacific trade" next to "Trans-Pacific Partnership" differs by being part of a
//! longer name, not by a slip. Likewise a use that continues into a longer name the article's form never
//! does: "the Rust Language Server" next to "the Rust language".
//!
//! One finding per differing word: the shortest run that shows it is reported. `lowercase-proper-noun`
//! asks [`reported_words`] and leaves alone a listed word ("indo" in "indo-Pacific") this rule reports.

use super::{Rule, RuleMeta};
use crate::document::lexicon::{is_function_word, with_lowercase};
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use crate::hash::{HashMap, HashSet};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "inconsistent-capitalization",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "A name or term is capitalised differently in different places.",
        what: "Compares every use of the same run of two to four words or hyphenated compound (\"Sanae Takaichi\", \"Indo-Pacific\", \"Prime Minister\") and flags a use whose capitals differ from the form the article mostly writes. Sentence starts, headings, labels, words in capitals, brand names (\"iPhone\"), name particles (\"de Gaulle\") and quotations are left out; a term written all in lowercase as a common noun (\"a prime minister\") is left alone.",
        why: "A name capitalised one way here and another way there reads as a typo, and one of the two forms is wrong.",
        example: "Prime Minister Sanae Takaichi met the press. Later, Sanae Takaichi spoke again, and Sanae takaichi left.",
        use_instead: "Prime Minister Sanae Takaichi met the press. Later, Sanae Takaichi spoke again, and Sanae Takaichi left.",
    },
    check,
};

/// Longest run of words compared.
const MAX_WORDS: usize = 4;

/// Lowercase particles inside names: "de Gaulle", "van Gogh", "bin Salman", "al-Assad". A `match`, not a
/// list scan: every word of an article asks.
fn is_particle(lower: &str) -> bool {
    matches!(lower, "de" | "del" | "della" | "der" | "den" | "di" | "da" | "das" | "dos" | "du" | "la" | "le" | "van" | "von" | "ter" | "ten" | "bin" | "ibn" | "al" | "el" | "zu" | "y")
}

/// Words before a term that make it a common noun: "a prime minister", "the former prime minister".
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those", "every", "each", "any", "no", "another", "some", "our", "their", "his", "her", "its", "my", "your", "whose", "such", "one", "former", "new"];

/// How a word is written, as far as this rule compares it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Capitalized,
    /// All capitals, a capital inside ("iPhone"), no letter, or a capital that may be forced: not compared.
    Unknown,
}

/// One use of a run of words.
struct Use {
    /// Index of the first word in `Document::words`.
    first: usize,
    len: usize,
    range: Range<usize>,
    /// Bit `p` set: word `p` is compared.
    known: u8,
    /// Bit `p` set: word `p` starts with a capital.
    caps: u8,
    /// The next word continues a name: "Trans-Pacific Partnership".
    name_follows: bool,
}

/// A use that differs from the article's form.
struct Variant {
    use_index: usize,
    key: usize,
    /// Bits of the words whose capital differs.
    changed: u8,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    out.extend(analysis(doc).iter().map(|(f, _)| f.clone()));
}

/// [`analyse`] once per document: `lowercase-proper-noun` asks for the same result.
fn analysis<'d>(doc: &'d Document) -> &'d [(Finding, Vec<Range<usize>>)] {
    doc.capitalization.get_or_init(|| analyse(doc))
}

/// The words (byte ranges, sorted) whose capitals this rule reports as differing from the article's form.
pub(crate) fn reported_words(doc: &Document) -> Vec<Range<usize>> {
    let mut words: Vec<Range<usize>> = analysis(doc).iter().flat_map(|(_, w)| w.iter().cloned()).collect();
    crate::sort::sort_by_key(&mut words, |r| r.start);
    words
}

/// The findings, each with the words whose capital differs.
fn analyse(doc: &Document) -> Vec<(Finding, Vec<Range<usize>>)> {
    let words = &doc.words;
    // Each word's case-folded stem as an id, so that each distinct form is looked up in the word lists
    // and hashed once, not at every use: the vocabulary's id for a word that is its own stem, and for a
    // possessive its stem's id (a new one past the vocabulary's when no word is spelt so). Per form: a
    // function word or particle (2 until first seen), and its run hash.
    let vocabulary = doc.vocabulary();
    let mut stem_ids: HashMap<Box<str>, usize> = HashMap::default();
    let mut form_hashes: Vec<RunHash> = vec![RunHash::default(); vocabulary.len()];
    let mut form_uninformative: Vec<u8> = vec![2; vocabulary.len()];
    let form: Vec<u32> = words
        .iter()
        .zip(vocabulary.ids())
        .map(|(w, &id)| {
            let text = doc.slice(&w.range);
            let stem = stem(text);
            let id = if stem.len() == text.len() {
                id as usize
            } else {
                with_lowercase(stem, |lower| match vocabulary.id_of(lower) {
                    Some(id) => id as usize,
                    None => *stem_ids.entry(lower.into()).or_insert_with(|| {
                        form_hashes.push(RunHash::default());
                        form_uninformative.push(2);
                        form_hashes.len() - 1
                    }),
                })
            };
            if form_uninformative[id] == 2 {
                // Equal case-folded forms hash alike (see `RunHash`), so the first use stands for all.
                form_hashes[id] = RunHash::of(stem);
                form_uninformative[id] = with_lowercase(stem, |lower| u8::from(is_function_word(lower) || is_particle(lower)));
            }
            id as u32
        })
        .collect();
    drop(stem_ids);
    // Words compared at all: not function words, particles or caseless.
    let informative: Vec<bool> = words.iter().zip(&form).map(|(w, &f)| doc.slice(&w.range).chars().any(char::is_alphabetic) && form_uninformative[f as usize] == 0).collect();
    // Each word's case as written, then `Unknown` where a capital may be forced.
    let mut cases: Vec<Case> = words.iter().map(|w| case_of(doc.slice(&w.range))).collect();
    let (excluded, forced) = classify(doc, &informative, &cases);
    for (case, &forced) in cases.iter_mut().zip(&forced) {
        if forced {
            *case = Case::Unknown;
        }
    }
    // Case-folded forms seen with a capital mid-sentence: a run needs one of them.
    let mut capitalized = vec![false; form_hashes.len()];
    for (i, &f) in form.iter().enumerate() {
        if !excluded[i] && informative[i] && cases[i] == Case::Capitalized {
            capitalized[f as usize] = true;
        }
    }
    let has_capital_form: Vec<bool> = form.iter().map(|&f| capitalized[f as usize]).collect();
    // Each word's case-folded stem hashed once; a run's hash combines them (see `RunHash::join`).
    let word_hash: Vec<RunHash> = form.iter().map(|&f| form_hashes[f as usize]).collect();
    drop((form, form_hashes, form_uninformative, capitalized));
    // Per word: how it joins the previous word into a run (b' ', b'-', or 0: it cannot; a byte, not a
    // `&str`, to keep this per-word table small on long texts), and whether it is its own stem (a
    // possessive ends a run).
    let joiner_before: Vec<u8> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let Some(previous) = i.checked_sub(1).map(|p| &words[p]) else { return 0 };
            if word.block != previous.block {
                return 0;
            }
            let gap = doc.slice(&(previous.range.end..word.range.start));
            if gap == " " {
                b' '
            } else if gap == "-" {
                b'-'
            } else if !gap.is_empty() && gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1 {
                b' '
            } else {
                0
            }
        })
        .collect();
    let whole_stem: Vec<bool> = words.iter().map(|w| doc.slice(&w.range).len() == stem(doc.slice(&w.range)).len()).collect();

    // Case-folded run → index into `groups`, in order of first use. Most runs occur once and can never
    // differ from another use, so a first pass counts each run's hash in two bit sets (seen, seen again)
    // and the second builds keys and uses only for runs whose hash was seen twice: a few hash collisions
    // let in runs that occur once, which the one-use rule below skips, and equal keys always hash alike.
    let bits = (words.len() * 16).next_power_of_two().max(64);
    let shift = 64 - bits.trailing_zeros();
    let mut seen = vec![0u64; bits / 64];
    let mut seen_twice = vec![0u64; bits / 64];
    let mut keys: HashMap<Box<str>, usize> = HashMap::default();
    let mut groups: Vec<Vec<Use>> = Vec::new();
    for counting in [true, false] {
        for first in 0..words.len() {
            if excluded[first] || !informative[first] {
                continue;
            }
            // The joiner before each word of the run ("" before the first), for building its key.
            let mut joiners = [""; MAX_WORDS];
            // The stem's hash stands for the whole first word: a run goes on past a word only when the
            // word is its own stem (a possessive ends a run).
            let mut hash = word_hash[first];
            let mut any_capital_form = has_capital_form[first];
            for len in 2..=MAX_WORDS {
                let last = first + len - 1;
                let Some(word) = words.get(last) else { break };
                if excluded[last] {
                    break;
                }
                let joiner = match joiner_before[last] {
                    b'-' => "-",
                    b' ' => " ",
                    _ => break,
                };
                // A possessive ending inside a run ends the name: "Takaichi’s Role".
                if !whole_stem[last - 1] {
                    break;
                }
                any_capital_form |= has_capital_form[last];
                let word_text = doc.slice(&word.range);
                if informative[last] && any_capital_form {
                    let full_hash = hash.join(joiner, word_hash[last]);
                    let slot = (full_hash.0 >> shift) as usize;
                    let (cell, bit) = (slot / 64, 1u64 << (slot % 64));
                    if counting {
                        if seen[cell] & bit != 0 {
                            seen_twice[cell] |= bit;
                        }
                        seen[cell] |= bit;
                    } else if seen_twice[cell] & bit != 0 {
                        joiners[len - 1] = joiner;
                        let mut full = String::new();
                        for p in 0..len - 1 {
                            full.push_str(joiners[p]);
                            full.push_str(&doc.slice(&words[first + p].range).to_lowercase());
                        }
                        full.push_str(joiner);
                        full.push_str(&stem(word_text).to_lowercase());
                        let (mut known, mut caps) = (0u8, 0u8);
                        for p in 0..len {
                            if informative[first + p] {
                                match cases[first + p] {
                                    Case::Lower => known |= 1 << p,
                                    Case::Capitalized => {
                                        known |= 1 << p;
                                        caps |= 1 << p;
                                    }
                                    Case::Unknown => {}
                                }
                            }
                        }
                        let end = word.range.start + stem(word_text).len();
                        let next = groups.len();
                        let group = *keys.entry(full.into_boxed_str()).or_insert(next);
                        if group == next {
                            groups.push(Vec::new());
                        }
                        let name_follows = end == word.range.end
                            && words.get(last + 1).is_some_and(|next| {
                                next.block == word.block
                                    && !excluded[last + 1]
                                    && informative[last + 1]
                                    && cases[last + 1] == Case::Capitalized
                                    && matches!(doc.slice(&(word.range.end..next.range.start)), " " | "-")
                            });
                        groups[group].push(Use { first, len, range: words[first].range.start..end, known, caps, name_follows });
                    }
                }
                hash = hash.join(joiner, word_hash[last]);
                joiners[len - 1] = joiner;
            }
        }
    }
    drop((seen, seen_twice, keys));

    // Decide each group; words judged a legitimate lowercase style are vetoed for every run.
    let mut variants: Vec<Variant> = Vec::new();
    let mut majorities: Vec<(u8, usize)> = vec![(0, 0); groups.len()];
    let mut vetoed: HashSet<usize> = HashSet::default();
    for (g, uses) in groups.iter().enumerate() {
        if uses.len() < 2 {
            continue;
        }
        let Some((majority, count)) = majority(uses) else { continue };
        majorities[g] = (majority, count);
        let all_lower_majority = majority == 0;
        let lowercase_uses: Vec<&Use> = uses.iter().filter(|u| u.known != 0 && u.caps == 0).collect();
        let generic_lowercase = !lowercase_uses.is_empty() && lowercase_is_common(doc, uses, &lowercase_uses);
        for (u, use_) in uses.iter().enumerate() {
            let changed = use_.known & (use_.caps ^ majority);
            if changed == 0 {
                continue;
            }
            let all_lower = use_.caps == 0;
            if all_lower_majority || (all_lower && generic_lowercase) {
                vetoed.extend((0..use_.len).filter(|p| changed & (1 << p) != 0).map(|p| use_.first + p));
                continue;
            }
            // "trans-Pacific trade" next to "Trans-Pacific Partnership" twice: the capitals belong to a longer name.
            if !use_.name_follows && uses.iter().filter(|v| v.known & (v.caps ^ majority) == 0).all(|v| v.name_follows) {
                continue;
            }
            // The other way round: "the Rust Language Server" next to "the Rust language" twice.
            if use_.name_follows && !uses.iter().filter(|v| v.known & (v.caps ^ majority) == 0).any(|v| v.name_follows) {
                continue;
            }
            let minority = uses.iter().filter(|v| v.known == use_.known && v.caps == use_.caps).count();
            if count > minority {
                variants.push(Variant { use_index: u, key: g, changed });
            }
        }
    }

    // One finding per differing word: shortest run first, then in text order.
    crate::sort::sort_by_key(&mut variants, |v| {
        let u = &groups[v.key][v.use_index];
        (u.len, u.range.start)
    });
    let mut reported: HashSet<usize> = HashSet::default();
    let mut findings = Vec::new();
    for v in &variants {
        let u = &groups[v.key][v.use_index];
        let changed: Vec<usize> = (0..u.len).filter(|p| v.changed & (1 << p) != 0).map(|p| u.first + p).collect();
        if changed.iter().any(|w| vetoed.contains(w) || reported.contains(w)) {
            continue;
        }
        reported.extend(changed.iter().copied());
        let (majority, count) = majorities[v.key];
        let others: Vec<&Use> = groups[v.key].iter().filter(|o| o.known & (o.caps ^ majority) == 0 && o.known & v.changed != 0).collect();
        let fixed = apply_case(doc, u, majority);
        let written = doc.slice(&u.range);
        let times = if count == 1 { "once".to_string() } else { format!("{count} times") };
        let mut finding = Finding::new(u.range.clone(), format!("“{written}” is written “{fixed}” elsewhere in the article ({times}).")).suggest(fixed.clone());
        for (n, o) in others.iter().take(2).enumerate() {
            let what = if n == 0 { format!("the other form, “{}”", doc.slice(&o.range)) } else { "another use of the other form".to_string() };
            finding = finding.related(o.range.clone(), what);
        }
        findings.push((finding, changed.iter().map(|&w| doc.words[w].range.clone()).collect()));
    }
    crate::sort::sort_by_key(&mut findings, |(f, _)| (f.range.start, f.range.end));
    findings
}

/// The pattern most complete uses share, counting an incomplete use for the one pattern it fits, and its
/// count; `None` on a tie or with fewer than two uses of it.
fn majority(uses: &[Use]) -> Option<(u8, usize)> {
    let informative = uses.iter().fold(0u8, |acc, u| acc | u.known);
    let mut counts: Vec<(u8, usize)> = Vec::new();
    for u in uses.iter().filter(|u| u.known == informative) {
        match counts.iter_mut().find(|(p, _)| *p == u.caps) {
            Some(c) => c.1 += 1,
            None => counts.push((u.caps, 1)),
        }
    }
    for u in uses.iter().filter(|u| u.known != informative && u.known != 0) {
        let mut fits = counts.iter_mut().filter(|(p, _)| (p ^ u.caps) & u.known == 0);
        if let (Some(only), None) = (fits.next(), fits.next()) {
            only.1 += 1;
        }
    }
    crate::sort::sort_by_key(&mut counts, |c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(pattern, count), rest @ ..] if *count >= 2 && rest.first().is_none_or(|r| r.1 < *count) => Some((*pattern, *count)),
        _ => None,
    }
}

/// Whether a term written all in lowercase is an ordinary common noun here: one of its words is written in
/// lowercase outside these runs, or one lowercase use follows a determiner ("a prime minister").
fn lowercase_is_common(doc: &Document, uses: &[Use], lowercase_uses: &[&Use]) -> bool {
    let sample = lowercase_uses[0];
    let ordinary = (0..sample.len).filter(|p| sample.known & (1 << p) != 0).any(|p| {
        let word = doc.slice(&doc.words[sample.first + p].range);
        let own = uses.iter().filter(|u| u.known & (1 << p) != 0 && u.caps & (1 << p) == 0 && !starts_sentence(doc, u.first + p)).count() as u32;
        doc.body_case(stem(word)).lower > own
    });
    ordinary
        || lowercase_uses.iter().any(|u| {
            let block = doc.words[u.first].block;
            let word_before = |back: usize| u.first.checked_sub(back).map(|i| &doc.words[i]).filter(|w| w.block == block).map(|w| doc.slice(&w.range));
            let is_determiner = |w: &str| DETERMINERS.contains(&w.to_lowercase().as_str());
            // "a prime minister", or "the Japanese prime minister" / "the new prime minister".
            word_before(1).is_some_and(is_determiner)
                || (word_before(2).is_some_and(is_determiner) && word_before(1).is_some_and(|w| is_determiner(w) || case_of(w) == Case::Capitalized))
        })
}

/// Whether word `i` is the first word of a sentence (`Document::body_case` does not count those).
fn starts_sentence(doc: &Document, i: usize) -> bool {
    let start = doc.words[i].range.start;
    let s = doc.sentences.partition_point(|s| s.range.end <= start);
    doc.sentences.get(s).is_some_and(|s| s.words.start == i)
}

/// The use's text with the majority pattern's capitals.
fn apply_case(doc: &Document, u: &Use, majority: u8) -> String {
    let mut fixed = String::with_capacity(u.range.len());
    let mut at = u.range.start;
    for p in 0..u.len {
        let w = &doc.words[u.first + p];
        fixed.push_str(doc.slice(&(at..w.range.start)));
        let end = w.range.end.min(u.range.end);
        let text = doc.slice(&(w.range.start..end));
        let mut chars = text.chars();
        if u.known & (1 << p) != 0 && (u.caps ^ majority) & (1 << p) != 0 {
            if let Some(c) = chars.next() {
                if majority & (1 << p) != 0 {
                    fixed.extend(c.to_uppercase());
                } else {
                    fixed.extend(c.to_lowercase());
                }
            }
        }
        fixed.push_str(chars.as_str());
        at = end;
    }
    fixed
}

/// A hash of a run's case-folded words. A word's hash folds it char by char with final sigma taken as
/// sigma, so two words whose `to_lowercase` forms are equal always hash alike; a run's hash combines its
/// words' hashes and joiners in order, so equal case-folded runs hash alike too.
#[derive(Clone, Copy, Default)]
struct RunHash(u64);

impl RunHash {
    fn of(word: &str) -> Self {
        let mut h = 0u64;
        if word.is_ascii() {
            // The same values as the loop below gives an ASCII word, without decoding.
            for b in word.bytes() {
                h = (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0xf135_7aea_2e62_a9c5);
            }
            return RunHash(h);
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            let c = if c == 'ς' { 'σ' } else { c };
            h = (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0xf135_7aea_2e62_a9c5);
        }
        RunHash(h)
    }

    /// The hash of this run followed by `joiner` (" " or "-") and a word of hash `word`.
    fn join(self, joiner: &str, word: RunHash) -> Self {
        let joined = (self.0.rotate_left(23) ^ u64::from(joiner.as_bytes().first().copied().unwrap_or(0))).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        RunHash((joined ^ word.0).wrapping_mul(0xf135_7aea_2e62_a9c5) ^ (joined >> 29))
    }
}

/// The word less a possessive ending: "Takaichi’s" → "Takaichi".
fn stem(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else { return Case::Unknown };
    // "NATO", "iPhone", "McDonald's": a capital after the first letter is not compared.
    if letters.any(char::is_uppercase) {
        Case::Unknown
    } else if first.is_lowercase() {
        Case::Lower
    } else if first.is_uppercase() {
        Case::Capitalized
    } else {
        Case::Unknown
    }
}

/// Per word: left out altogether (headings, contents, labels, quotations, code), and capital possibly
/// forced (a sentence, item or cell start, after a colon).
fn classify(doc: &Document, informative: &[bool], cases: &[Case]) -> (Vec<bool>, Vec<bool>) {
    let words = &doc.words;
    // Words and quotations are both sorted: one walk finds each word's quotation.
    let quotations = doc.quotations();
    let mut q = 0;
    let mut excluded: Vec<bool> = words
        .iter()
        .map(|w| {
            while quotations.get(q).is_some_and(|r| r.end <= w.range.start) {
                q += 1;
            }
            w.protected || quotations.get(q).is_some_and(|r| r.start <= w.range.start)
        })
        .collect();
    let mut forced = vec![false; words.len()];
    let mut in_toc = vec![false; doc.blocks.len()];
    for toc in &doc.tocs {
        for block in std::iter::once(toc.title_block).chain(toc.entries.iter().map(|e| e.block)) {
            in_toc[block] = true;
        }
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        let skip = in_toc[b]
            || match &block.kind {
                BlockKind::Heading(_) | BlockKind::CodeBlock => true,
                // A header row: its cells are labels.
                BlockKind::TableRow(row) => row.is_delimiter || doc.next_non_blank(b).is_some_and(|n| matches!(&n.kind, BlockKind::TableRow(r) if r.is_delimiter)),
                _ => false,
            };
        if skip {
            excluded[block.words.clone()].iter_mut().for_each(|e| *e = true);
            continue;
        }
        if let Some(f) = forced.get_mut(block.words.start) {
            *f = block.words.start < block.words.end;
        }
        // After a colon, a table bar or any opening of a new clause-like unit, a capital may be forced.
        for i in block.words.start + 1..block.words.end {
            let gap = doc.slice(&(words[i - 1].range.end..words[i].range.start));
            if gap != " " && (gap.contains([':', '|', '•', '(', '[', '"', '“', '—', '–']) || gap.contains("- ")) {
                forced[i] = true;
            }
        }
    }
    for sentence in &doc.sentences {
        let range = sentence.words.clone();
        if range.is_empty() {
            continue;
        }
        forced[range.start] = true;
        let sentence_words = &words[range.clone()];
        // A Title Case label before a colon: "Supply Chain Resilience: Both sides …".
        let label = sentence_words.windows(2).position(|pair| doc.slice(&(pair[0].range.end..pair[1].range.start)).contains(':'));
        if let Some(last) = label.filter(|&l| l < 6) {
            excluded[range.start..=range.start + last].iter_mut().for_each(|e| *e = true);
        }
        // A line of Title Case written as a sentence (a caption, a title in running text), or a short
        // Title Case list item or label without final punctuation: no word of it but function words is
        // lowercase.
        let (mut capitals, mut lower) = (0, 0);
        for i in 1..sentence_words.len() {
            if forced[range.start + i] || !informative[range.start + i] {
                continue;
            }
            match cases[range.start + i] {
                Case::Lower => lower += 1,
                Case::Capitalized => capitals += 1,
                Case::Unknown => {}
            }
        }
        let text = doc.slice(&sentence.range).trim_end();
        let unpunctuated = !text.ends_with(['.', '!', '?', ';', ',', '"', '”', ')']);
        if lower == 0 && (capitals >= 3 || (capitals >= 1 && unpunctuated)) {
            excluded[range].iter_mut().for_each(|e| *e = true);
        }
    }
    (excluded, forced)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_a_name_written_two_ways() {
        let text = "Prime Minister Sanae Takaichi met the press. Later, Sanae Takaichi spoke again, and Sanae takaichi left.";
        assert_eq!(flagged(&RULE, text), ["Sanae takaichi"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "“Sanae takaichi” is written “Sanae Takaichi” elsewhere in the article (2 times).");
        assert_eq!(found[0].suggestions, ["Sanae Takaichi"]);
        assert_eq!(&text[found[0].related[0].range.clone()], "Sanae Takaichi");
        assert_eq!(found[0].related[0].range.start, 15);
    }

    #[test]
    fn flags_compounds_and_half_capitalised_titles() {
        let text = "Trade in the Indo-Pacific grew. The Indo-Pacific region is vast. Ships cross the indo-Pacific daily.";
        assert_eq!(flagged(&RULE, text), ["indo-Pacific"]);
        assert_eq!(run(&RULE, text)[0].suggestions, ["Indo-Pacific"]);
        let titles = "The Prime Minister spoke. Our Prime Minister’s staff agreed, and the Prime Minister left. The new Prime minister arrived.";
        assert_eq!(flagged(&RULE, titles), ["Prime minister"]);
        assert!(run(&RULE, titles)[0].message.ends_with("(3 times)."));
        // A sentence start counts for the words after it.
        assert_eq!(flagged(&RULE, "We met Sanae Takaichi. Then Sanae Takaichi left. Sanae takaichi returned."), ["Sanae takaichi"]);
        // A lowercase name whose words are not ordinary words of the article.
        assert_eq!(flagged(&RULE, "We met Sanae Takaichi and Sanae Takaichi left. Reporters saw sanae takaichi."), ["sanae takaichi"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["\u{0}\u{1}ÿ\u{feff}", "İstanbul İzmir. We saw İstanbul İzmir and i̇stanbul İzmir.", "ß-ẞ ß-ẞ. Ǆemal Ǆemal ǆemal", "- - -\n:\n|a|b|\n"] {
            run(&RULE, text);
        }
    }

    #[test]
    fn one_finding_per_word() {
        let text = "Japanese Prime Minister Sanae Takaichi spoke. Japanese Prime Minister Sanae Takaichi left. Then Japanese Prime Minister Sanae takaichi came.";
        assert_eq!(flagged(&RULE, text), ["Sanae takaichi"]);
    }

    #[test]
    fn leaves_style_choices_and_forced_capitals_alone() {
        assert_clean(
            &RULE,
            &[
                // Titles before a name, common nouns elsewhere.
                "The Prime Minister said so. Then the Prime Minister left. A prime minister must listen.",
                "Prime Minister Takaichi spoke, and Prime Minister Takaichi left. The prime minister of a country leads it; the minister spoke.",
                "The Japanese Prime Minister spoke and the Japanese Prime Minister left. The Japanese prime minister is elected.",
                // Sentence starts, labels, colons, headings.
                "Supply chains matter. Supply chain security is a concern. We saw supply chain issues.",
                "* Supply Chain Resilience: Both sides want supply chain security.\n* Supply chain security is vital.\n",
                "## Supply Chain Security\n\nWe studied supply chain security and supply chain security again.\n",
                "The rule: Supply chain security first. We like supply chain security.",
                // Brands, particles, capitals.
                "I bought an iPhone case. My IPhone case broke. An iphone case is cheap.",
                "Charles de Gaulle spoke. De Gaulle left. Later de Gaulle returned and Charles De Gaulle airport opened.",
                "Vincent van Gogh painted. Van Gogh died. The van Gogh museum opened.",
                "The NATO summit met. The Nato summit ended. The NATO SUMMIT is loud.",
                // Quotations and code.
                "The Golden Era began. The Golden Era ended. He called it “a golden Era” and ran `golden era`.",
                // Title Case list items and generic uses after an article or a proper adjective.
                "- Economic Partnership\n- Supply Chain Security\n\nWe want supply chain security and an economic partnership.\n",
                "The Foreign Minister spoke. The Foreign Minister left. Later the Japanese foreign minister resigned.",
                // The capitals belong to a longer name.
                "The Trans-Pacific Partnership failed. Talks on the Trans-Pacific Partnership ended. Our trans-Pacific trade grew.",
                "We use the Rust language daily. The team likes the Rust language. Editors run the Rust Language Server.",
                // Ties.
                "Sanae Takaichi spoke. Then Sanae takaichi left.",
                "",
            ],
        );
    }
}
