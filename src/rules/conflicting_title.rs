//! `conflicting-title`: one person given titles that cannot both be true ("U.S. President Donald Trump",
//! later "Former U.S. President Donald Trump"; "Prime Minister Sanae Takaichi", later "politician Sanae
//! Takaichi"; "Dr. Jane Roe", later "Ms. Roe").
//!
//! A title is the phrase written right before a capitalised name: an honorific ("Ms.", "Dr."), an office
//! ("Prime Minister", "Deputy Mayor") or a role noun ("politician"), with the modifiers before it
//! ("former", "then-", "acting", "U.S.", "Japanese", "prominent"). The vocabulary is `data/titles.txt`.
//! A person is the name after the title: two or three capitalised words make a full name, compared
//! without case ("Sanae takaichi" is "Sanae Takaichi"); one word is a surname and counts for the full name
//! with that surname introduced earlier, unless the article names two people with that surname ("George
//! Bush", "Jeb Bush"), when it is left alone. Middle initials are not part of the key.
//!
//! For one person these conflict: the same office with and without "former" or "ex-"; two different
//! offices, neither marked former; an office and a role noun ("Prime Minister", "politician"), except a
//! legislative office with "lawmaker" or "politician"; two different honorifics (not "Dr." and "Prof.").
//! Left alone: the same office with more or fewer modifiers ("U.S. President Donald Trump", "President
//! Trump"); "then-President" (a title as it was); a current office or a role noun in a sentence that dates
//! itself (a year, "then", "ago", "until", "at the time", "previously"), where an earlier office is history
//! ("In 1987, businessman Donald Trump"); a former office next to another current one ("former Governor X",
//! now "Senator X": a career, not a conflict); an office qualified by an organisation or place ("LDP
//! President Takaichi" beside "Prime Minister Takaichi": one person holds both); titles in quoted speech,
//! headings and tables of contents (Title Case makes every word look like a name); a titled name that
//! is an attribute of the next noun ("former President Joe Biden adviser Jane Roe").
//!
//! The less used title is flagged (on a tie, the later one), each of its uses, with the other title's
//! uses as related places. A fix is offered only between "former X" and "X", and only when the other form
//! is used at least twice as often.
//!
//! Cost: one pass over the words builds tokens; persons and forms live in hash maps keyed by name, and the
//! forms compared pairwise per person are bounded by the vocabulary, not by the text.

use super::{excerpt, Rule, RuleMeta};
use crate::document::lexicon::is_function_word;
use crate::document::{Block, BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use crate::hash::{HashMap, HashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "conflicting-title",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "One person is given titles or roles that contradict each other.",
        what: "Reads the title written before each person's name (honorifics such as \"Dr.\", offices such as \"President\" with modifiers such as \"former\", role nouns such as \"politician\") and flags a person given two that cannot both be true: an office with and without \"former\", two different offices, an office and a plain role noun, two different honorifics. The same office with more or fewer modifiers, \"then-\" titles, dated sentences and quoted speech are left alone.",
        why: "A person who is \"President\" in one paragraph and \"Former President\" in another tells the reader that parts of the article were written at different times or copied from different sources, and one of them is wrong.",
        example: "U.S. President Donald Trump arrived on Tuesday. President Trump met the press.\n\nFormer U.S. President Donald Trump left on Wednesday.",
        use_instead: "U.S. President Donald Trump arrived on Tuesday. President Trump met the press.\n\nU.S. President Donald Trump left on Wednesday.",
    },
    check,
};

const TITLES: &str = crate::data_file!("titles.txt");

/// The sections of `data/titles.txt`.
struct Vocabulary {
    /// Spelling → honorific group (the line's index).
    honorifics: HashMap<&'static str, usize>,
    /// Pairs of honorific groups one person can carry at once.
    compatible: HashSet<(usize, usize)>,
    /// Office phrase (words joined by one space) → the office (the line's first phrase).
    offices: HashMap<String, &'static str>,
    longest_office: usize,
    /// The last word of every office phrase: most tokens end none, and are ruled out by one look-up.
    office_ends: HashSet<&'static str>,
    /// Office abbreviations written with a full stop ("sen" for "Sen.").
    abbreviations: HashSet<&'static str>,
    /// Offices held alongside another ("General Secretary", "Chair").
    concurrent: HashSet<&'static str>,
    prefixes: HashSet<&'static str>,
    legislative: HashSet<&'static str>,
    past: HashSet<&'static str>,
    historical: HashSet<&'static str>,
    modifiers: HashSet<&'static str>,
    nationalities: HashSet<&'static str>,
    adjectives: HashSet<&'static str>,
    /// Role noun → whether legislative offices are compatible with it.
    roles: HashMap<&'static str, bool>,
    not_qualifiers: HashSet<&'static str>,
    /// Nouns after a name that make it an attribute ("President Biden adviser").
    attributive: HashSet<&'static str>,
    /// Every word of the titles, offices and modifiers: none of them starts or continues a name.
    words: HashSet<&'static str>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut v = Vocabulary {
            honorifics: HashMap::default(),
            compatible: HashSet::default(),
            offices: HashMap::default(),
            longest_office: 1,
            office_ends: HashSet::default(),
            abbreviations: HashSet::default(),
            concurrent: HashSet::default(),
            prefixes: HashSet::default(),
            legislative: HashSet::default(),
            past: HashSet::default(),
            historical: HashSet::default(),
            modifiers: HashSet::default(),
            nationalities: HashSet::default(),
            adjectives: HashSet::default(),
            roles: HashMap::default(),
            not_qualifiers: HashSet::default(),
            attributive: HashSet::default(),
            words: HashSet::default(),
        };
        let mut section = "";
        let mut honorific_lines = 0;
        for line in TITLES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let mut words = line.split_whitespace();
            match section {
                "[honorifics]" => {
                    for w in words {
                        v.honorifics.insert(w, honorific_lines);
                        v.words.insert(w);
                    }
                    honorific_lines += 1;
                }
                "[compatible-honorifics]" => {
                    let groups: Vec<usize> = words.filter_map(|w| v.honorifics.get(w).copied()).collect();
                    for &a in &groups {
                        for &b in &groups {
                            v.compatible.insert((a, b));
                        }
                    }
                }
                "[offices]" => {
                    let office = line.split('/').next().unwrap_or(line).trim();
                    for phrase in line.split('/') {
                        let phrase: Vec<&str> = phrase.split_whitespace().map(|w| w.trim_end_matches('.')).collect();
                        if let [abbreviation] = phrase[..] {
                            if line.contains(&format!("{abbreviation}.")) {
                                v.abbreviations.insert(abbreviation);
                            }
                        }
                        v.longest_office = v.longest_office.max(phrase.len());
                        v.words.extend(phrase.iter().copied().filter(|w| !is_function_word(w)));
                        // Words hold no spaces, so this is the phrase's text after its last space.
                        v.office_ends.insert(phrase.last().copied().unwrap_or(""));
                        v.offices.insert(phrase.join(" "), office);
                    }
                }
                "[roles]" => {
                    if let Some(role) = words.next() {
                        v.roles.insert(role, words.next() == Some("legislative"));
                        v.words.insert(role);
                    }
                }
                _ => {
                    let set = match section {
                        "[office-prefixes]" => &mut v.prefixes,
                        "[concurrent]" => {
                            v.concurrent.insert(line);
                            continue;
                        }
                        "[legislative]" => {
                            v.legislative.insert(line);
                            continue;
                        }
                        "[past]" => &mut v.past,
                        "[historical]" => &mut v.historical,
                        "[modifiers]" => &mut v.modifiers,
                        "[nationalities]" => {
                            v.nationalities.extend(words);
                            continue;
                        }
                        "[adjectives]" => &mut v.adjectives,
                        "[attributive]" => {
                            v.attributive.extend(words);
                            continue;
                        }
                        "[not-qualifiers]" => {
                            v.not_qualifiers.extend(words);
                            continue;
                        }
                        _ => continue,
                    };
                    for w in words {
                        set.insert(w);
                        v.words.insert(w);
                    }
                }
            }
        }
        v
    })
}

/// How a token is joined to the one before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    Space,
    Hyphen,
    Break,
}

/// A word of prose, with dotted abbreviations ("U.S.") and hyphenated names ("Jean-Pierre") merged.
struct Token<'d> {
    /// Without a trailing full stop.
    range: Range<usize>,
    /// Followed by a full stop.
    dotted: bool,
    /// Lowercase, dots removed, possessive "'s" removed. Borrowed from the text when the word is
    /// lowercase ASCII already (most words are): lowering each word into a new `String` was 2 % of a check.
    key: Cow<'d, str>,
    possessive: bool,
    capitalised: bool,
    sentence: usize,
    join: Join,
    /// What the key is in the word lists: the `HONORIFIC`, `OFFICE_END`, `ROLE` and `NOT_NAME` bits.
    class: u8,
    /// The document vocabulary's id of the key when it is a single word's lowercase form, else `NO_FORM`.
    form: u32,
}

const HONORIFIC: u8 = 1;
/// The last word of an office phrase.
const OFFICE_END: u8 = 2;
const ROLE: u8 = 4;
/// Never part of a name: empty, not starting with a letter, a function word or a word of the lists.
const NOT_NAME: u8 = 8;
/// A `class` not yet worked out, in the per-form memo.
const UNKNOWN: u8 = 0x80;
const NO_FORM: u32 = u32::MAX;

/// The `class` bits of a token key.
fn class_of(v: &Vocabulary, key: &str) -> u8 {
    let mut class = 0;
    if v.honorifics.contains_key(key) {
        class |= HONORIFIC;
    }
    // A phrase of keys joined by spaces ends with the last key's text after its last space.
    if v.office_ends.contains(key.rsplit(' ').next().unwrap_or("")) {
        class |= OFFICE_END;
    }
    if v.roles.contains_key(key) {
        class |= ROLE;
    }
    if key.is_empty() || is_function_word(key) || v.words.contains(key) || v.not_qualifiers.contains(key) || !key.chars().next().is_some_and(char::is_alphabetic) {
        class |= NOT_NAME;
    }
    class
}

/// A title followed by a name.
struct Occurrence {
    /// The title phrase and the name.
    range: Range<usize>,
    title: Title,
    /// Tokens of "former"/"ex" inside the phrase (for the fix).
    past_tokens: Vec<Range<usize>>,
    name: Vec<String>,
    sentence: usize,
    /// The name is a surname alone ("Ms. Roe").
    surname_only: bool,
    /// Where the phrase starts its sentence (a fix inserting "former" capitalises it).
    starts_sentence: bool,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum Title {
    Honorific(usize),
    Office { key: String, past: bool, then: bool, qualified: bool },
    Role { key: String, legislative_ok: bool },
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let v = vocabulary();
    let mut occurrences = Vec::new();
    // Surname → the first names the article gives it, from titled and untitled full names.
    let mut first_names: HashMap<String, HashSet<String>> = HashMap::default();
    let mut in_toc = vec![false; doc.blocks.len()];
    for toc in &doc.tocs {
        for e in &toc.entries {
            in_toc[e.block] = true;
        }
    }
    // One block's tokens at a time (the whole article's would be ~60 bytes a word), buffers reused.
    let mut block_tokens: Vec<Token<'_>> = Vec::new();
    let mut sentence_of: Vec<usize> = Vec::new();
    // Per form of the document vocabulary: its key's `class`, worked out at its first token.
    let mut classes: Vec<u8> = vec![UNKNOWN; doc.vocabulary().len()];
    for (b, block) in doc.blocks.iter().enumerate() {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem(_)) || in_toc[b] {
            continue;
        }
        tokens(doc, v, block, &mut sentence_of, &mut classes, &mut block_tokens);
        let block_tokens = &block_tokens;
        for j in 0..block_tokens.len() {
            if let Some(o) = occurrence_at(doc, v, block_tokens, j) {
                if o.name.len() >= 2 {
                    first_names.entry(o.name[o.name.len() - 1].clone()).or_default().insert(o.name[0].clone());
                }
                occurrences.push(o);
            }
        }
        untitled_names(doc, block_tokens, &mut first_names);
    }
    // Person key → occurrences in order; persons in order of first titled mention.
    let mut full_name_of_surname: HashMap<&str, String> = HashMap::default();
    let mut persons: HashMap<String, Vec<usize>> = HashMap::default();
    let mut order: Vec<String> = Vec::new();
    for (index, o) in occurrences.iter().enumerate() {
        let key = if o.name.len() >= 2 {
            let key = o.name.join(" ");
            let surname = o.name[o.name.len() - 1].as_str();
            if first_names.get(surname).is_some_and(|f| f.len() == 1) {
                full_name_of_surname.entry(surname).or_insert_with(|| key.clone());
            }
            key
        } else {
            match full_name_of_surname.get(o.name[0].as_str()) {
                Some(key) => key.clone(),
                None => continue,
            }
        };
        if doc.quotation_at(o.range.start).is_some() {
            continue;
        }
        let entry = persons.entry(key.clone()).or_default();
        if entry.is_empty() {
            order.push(key);
        }
        entry.push(index);
    }
    let mut dated: HashMap<usize, bool> = HashMap::default();
    for key in &order {
        report(doc, v, &occurrences, &persons[key], &mut dated, out);
    }
}

/// The prose tokens of one paragraph or list item, into `out` (cleared first); `sentence_of` is scratch
/// and `classes` the per-form memo of `class_of`.
fn tokens<'d>(doc: &'d Document, v: &Vocabulary, block: &Block, sentence_of: &mut Vec<usize>, classes: &mut [u8], out: &mut Vec<Token<'d>>) {
    let ids = doc.vocabulary().ids();
    out.clear();
    sentence_of.clear();
    sentence_of.resize(block.words.len(), usize::MAX);
    for s in block.sentences.clone() {
        for w in doc.sentences[s].words.clone() {
            if let Some(slot) = w.checked_sub(block.words.start).and_then(|i| sentence_of.get_mut(i)) {
                *slot = s;
            }
        }
    }
    for w in block.words.clone() {
        let word = &doc.words[w];
        if word.protected {
            if let Some(last) = out.last_mut() {
                last.dotted = false;
            }
            out.push(Token { range: word.range.clone(), dotted: false, key: Cow::Borrowed(""), possessive: false, capitalised: false, sentence: usize::MAX, join: Join::Break, class: 0, form: NO_FORM });
            continue;
        }
        let text = doc.slice(&word.range);
        let sentence = sentence_of[w - block.words.start];
        if let Some(last) = out.last_mut() {
            let gap = doc.slice(&(last.range.end..word.range.start));
            let short = |s: &str| s.chars().count() <= 2 && s.chars().all(char::is_alphabetic);
            // "U.S.": one-or-two-letter pieces joined by single dots.
            let last_piece = || doc.slice(&last.range).rsplit('.').next().unwrap_or("");
            if gap == "." && short(last_piece()) && short(text) && last.sentence == sentence {
                last.range.end = word.range.end;
                last.key.to_mut().push_str(&text.to_lowercase());
                last.form = NO_FORM;
                last.dotted = doc.text[word.range.end..].starts_with('.');
                continue;
            }
            // "Jean-Pierre", "Self-Defense"; not "ex-President", "Vice-President", "newly-appointed".
            if gap == "-" && !v.words.contains(&*last.key) && !v.words.contains(text.to_lowercase().as_str()) && !last.possessive && last.sentence == sentence {
                last.range.end = word.range.end;
                last.key = Cow::Owned(doc.slice(&last.range).to_lowercase());
                last.form = NO_FORM;
                last.dotted = doc.text[word.range.end..].starts_with('.');
                continue;
            }
        }
        // The sentence splitter may end a sentence after "U.S." before a capital; joins read the gap.
        let join = match out.last() {
            None => Join::Break,
            Some(last) if last.dotted && !abbreviation_like(doc, v, last) => Join::Break,
            Some(last) => {
                let gap = doc.slice(&(last.range.end + usize::from(last.dotted)..word.range.start.max(last.range.end + usize::from(last.dotted))));
                if gap == "-" {
                    Join::Hyphen
                } else if !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\n' | '\r')) && !gap.contains("\n\n") {
                    Join::Space
                } else {
                    Join::Break
                }
            }
        };
        let mut key = if text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { Cow::Borrowed(text) } else { Cow::Owned(text.to_lowercase()) };
        let mut possessive = false;
        for ending in ["'s", "’s"] {
            if key.ends_with(ending) && key.len() > ending.len() {
                match &mut key {
                    Cow::Borrowed(k) => *k = &k[..k.len() - ending.len()],
                    Cow::Owned(k) => k.truncate(k.len() - ending.len()),
                }
                possessive = true;
            }
        }
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        let dotted = doc.text[word.range.end..].starts_with('.');
        // The key is the word's lowercase form unless an ending came off or it holds a full stop.
        let form = if possessive || text.contains('.') { NO_FORM } else { ids[w] };
        out.push(Token { range: word.range.clone(), dotted, key, possessive, capitalised, sentence, join, class: 0, form });
    }
    for t in out.iter_mut() {
        if t.key.contains('.') {
            t.key.to_mut().retain(|c| c != '.');
        }
        t.class = match classes.get_mut(t.form as usize) {
            Some(class) if *class != UNKNOWN => *class,
            Some(class) => {
                *class = class_of(v, &t.key);
                *class
            }
            None => class_of(v, &t.key),
        };
    }
}

/// Whether a token's full stop belongs to it ("Dr.", "U.S.", "J."), not to a sentence end.
fn abbreviation_like(doc: &Document, v: &Vocabulary, t: &Token) -> bool {
    let text = doc.slice(&t.range);
    v.honorifics.contains_key(t.key.as_ref()) || v.abbreviations.contains(t.key.as_ref()) || text.contains('.') || (text.chars().count() == 1 && t.capitalised)
}

/// Whether the token is joined to the previous one by a space or a hyphen.
fn joined(t: &Token) -> bool {
    t.join != Join::Break
}

/// A single capital letter with a full stop: a middle initial ("Donald J. Trump").
fn is_initial(doc: &Document, t: &Token) -> bool {
    t.dotted && doc.slice(&t.range).chars().count() == 1 && t.capitalised
}

/// Whether the token may be a part of a name.
fn name_like(doc: &Document, t: &Token, first: bool) -> bool {
    if t.class & NOT_NAME != 0 {
        return false;
    }
    if t.capitalised {
        return true;
    }
    // "Sanae takaichi": a lowercase later part the article otherwise capitalises.
    let case = doc.body_case(&t.key);
    !first && case.capitalized > case.lower
}

/// The title ending at token `j` and the name after it, if any.
fn occurrence_at(doc: &Document, v: &Vocabulary, tokens: &[Token], j: usize) -> Option<Occurrence> {
    let head = &tokens[j];
    if head.key.is_empty() || head.possessive || head.class & (HONORIFIC | OFFICE_END | ROLE) == 0 {
        return None;
    }
    // The title's head: an honorific, an office (longest phrase ending here) or a role noun.
    let (mut start, mut title) = if let Some(&group) = v.honorifics.get(head.key.as_ref()).filter(|_| head.capitalised) {
        (j, Title::Honorific(group))
    } else if let Some((from, key)) = office_ending_at(v, tokens, j) {
        (from, Title::Office { key, past: false, then: false, qualified: false })
    } else if let Some(&legislative_ok) = v.roles.get(head.key.as_ref()) {
        (j, Title::Role { key: head.key.to_string(), legislative_ok })
    } else {
        return None;
    };
    if head.dotted && !matches!(title, Title::Honorific(_)) && !v.abbreviations.contains(head.key.as_ref()) {
        return None;
    }
    // The name: one to three parts, middle initials skipped.
    let mut name = Vec::new();
    let mut k = j + 1;
    let mut end = head.range.end;
    while k < tokens.len() && tokens[k].join == Join::Space && name.len() < 3 {
        let t = &tokens[k];
        if !name.is_empty() && is_initial(doc, t) {
            k += 1;
            continue;
        }
        if !name_like(doc, t, name.is_empty()) {
            break;
        }
        name.push(t.key.to_string());
        end = if t.possessive { t.range.end - if doc.slice(&t.range).ends_with('’') { "’s".len() } else { 2 } } else { t.range.end };
        k += 1;
        if t.possessive || t.dotted {
            break;
        }
    }
    if name.is_empty() || !tokens[j + 1].capitalised {
        return None;
    }
    // A fourth capitalised word: Title Case text, not a name.
    if name.len() == 3 && tokens.get(k).is_some_and(|t| t.join == Join::Space && t.capitalised && !tokens[k - 1].possessive && !tokens[k - 1].dotted) {
        return None;
    }
    // "former President Joe Biden adviser Jane Roe": the title may belong to the adviser.
    if tokens.get(k).is_some_and(|t| t.join == Join::Space && v.attributive.contains(t.key.as_ref())) && !tokens[k - 1].possessive && !tokens[k - 1].dotted {
        return None;
    }
    // The modifiers before the head.
    let mut past_tokens = Vec::new();
    let mut only_names_so_far = true;
    let is_office = matches!(title, Title::Office { .. });
    let mut steps = 0;
    while start > 0 && joined(&tokens[start]) && steps < 6 {
        let t = &tokens[start - 1];
        let key = t.key.as_ref();
        if let Title::Office { past, then, qualified, .. } = &mut title {
            if v.past.contains(key) {
                *past = true;
                past_tokens.push(t.range.start..tokens[start].range.start);
                only_names_so_far = false;
            } else if v.historical.contains(key) {
                *then = true;
                only_names_so_far = false;
            } else if v.nationalities.contains(key) && t.capitalised {
            } else if v.modifiers.contains(key) {
                only_names_so_far = false;
            } else if only_names_so_far && t.capitalised && !t.possessive && !is_function_word(key) && !v.words.contains(key) && !v.not_qualifiers.contains(key) {
                *qualified = true;
            } else {
                break;
            }
        } else if matches!(title, Title::Role { .. }) && (v.adjectives.contains(key) || v.modifiers.contains(key) || (v.nationalities.contains(key) && t.capitalised)) {
        } else {
            break;
        }
        start -= 1;
        steps += 1;
    }
    // A lowercase office needs a modifier before it ("U.S. president Trump"), not a verb ("will judge Biden").
    if is_office && !tokens[start].capitalised && start == office_start(v, tokens, j) {
        return None;
    }
    let first = &tokens[start];
    let starts_sentence = start == 0 || doc.slice(&(tokens[start - 1].range.end..first.range.start)).contains(['.', '!', '?', '\n']);
    let surname_only = name.len() == 1;
    Some(Occurrence { range: first.range.start..end, title, past_tokens, name, sentence: head.sentence, surname_only, starts_sentence })
}

/// Where the office ending at `j` starts (its prefix included), or `j + 1` when there is none.
fn office_start(v: &Vocabulary, tokens: &[Token], j: usize) -> usize {
    office_ending_at(v, tokens, j).map_or(j + 1, |(from, _)| from)
}

/// The longest office phrase ending at token `j`, with an office prefix ("Deputy") before it.
fn office_ending_at(v: &Vocabulary, tokens: &[Token], j: usize) -> Option<(usize, String)> {
    if tokens[j].class & OFFICE_END == 0 {
        return None;
    }
    let mut phrase = String::new();
    for n in (1..=v.longest_office.min(j + 1)).rev() {
        let from = j + 1 - n;
        if !tokens[from + 1..=j].iter().all(joined) {
            continue;
        }
        phrase.clear();
        for (i, t) in tokens[from..=j].iter().enumerate() {
            if i > 0 {
                phrase.push(' ');
            }
            phrase.push_str(&t.key);
        }
        if let Some(office) = v.offices.get(&phrase) {
            if from > 0 && joined(&tokens[from]) && v.prefixes.contains(tokens[from - 1].key.as_ref()) {
                return Some((from - 1, format!("{} {office}", tokens[from - 1].key)));
            }
            return Some((from, office.to_string()));
        }
    }
    None
}

/// First names of untitled full names ("Jeb Bush said"): two or three capitalised words, the first one
/// never written in lowercase in the article.
fn untitled_names(doc: &Document, tokens: &[Token], first_names: &mut HashMap<String, HashSet<String>>) {
    let mut k = 0;
    while k < tokens.len() {
        let mut run = Vec::new();
        let mut m = k;
        while m < tokens.len() && (run.is_empty() || tokens[m].join == Join::Space) {
            let t = &tokens[m];
            if !run.is_empty() && is_initial(doc, t) {
                m += 1;
                continue;
            }
            if !(t.capitalised && name_like(doc, t, true)) {
                break;
            }
            run.push(m);
            m += 1;
            if t.possessive || t.dotted {
                break;
            }
        }
        if (2..=3).contains(&run.len()) && doc.body_case(&tokens[run[0]].key).lower == 0 {
            let surname = tokens[run[run.len() - 1]].key.to_string();
            first_names.entry(surname).or_default().insert(tokens[run[0]].key.to_string());
        }
        k = m.max(k + 1);
    }
}

/// Whether a sentence dates itself: a year, "then", "ago", "until", "previously", "at the time".
fn is_dated(doc: &Document, sentence: usize, dated: &mut HashMap<usize, bool>) -> bool {
    *dated.entry(sentence).or_insert_with(|| {
        let Some(s) = doc.sentences.get(sentence) else { return false };
        let words = doc.words_in(&s.words);
        words.iter().enumerate().any(|(i, w)| {
            let text = doc.slice(&w.range);
            let lower = text.to_lowercase();
            let year = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && ("1800".."2100").contains(&text);
            let at_the_time = lower == "time" && i >= 2 && doc.slice(&words[i - 2].range).eq_ignore_ascii_case("at") && doc.slice(&words[i - 1].range).eq_ignore_ascii_case("the");
            year || at_the_time || matches!(lower.as_str(), "then" | "ago" | "until" | "previously" | "formerly" | "once")
        })
    })
}

/// Whether one person can carry both titles.
fn conflicts(v: &Vocabulary, a: &Title, b: &Title) -> bool {
    match (a, b) {
        (Title::Honorific(x), Title::Honorific(y)) => x != y && !v.compatible.contains(&(*x, *y)),
        (Title::Office { key: ka, past: pa, qualified: qa, .. }, Title::Office { key: kb, past: pb, qualified: qb, .. }) => {
            if ka == kb {
                pa != pb
            } else {
                !(*pa || *pb || *qa || *qb || v.concurrent.contains(ka.as_str()) || v.concurrent.contains(kb.as_str()))
            }
        }
        (Title::Office { key, past, qualified, .. }, Title::Role { legislative_ok, .. }) | (Title::Role { legislative_ok, .. }, Title::Office { key, past, qualified, .. }) => {
            let compatible_role = *legislative_ok && v.legislative.contains(key.as_str());
            !(*past || *qualified || compatible_role)
        }
        _ => false,
    }
}

/// One form of title and its uses.
struct Form<'a> {
    title: &'a Title,
    uses: Vec<usize>,
}

fn report(doc: &Document, v: &Vocabulary, occurrences: &[Occurrence], uses: &[usize], dated: &mut HashMap<usize, bool>, out: &mut Vec<Finding>) {
    let mut forms: Vec<Form> = Vec::new();
    for &u in uses {
        let o = &occurrences[u];
        let compared = match &o.title {
            Title::Office { then: true, .. } => false,
            Title::Office { past: false, .. } | Title::Role { .. } => !is_dated(doc, o.sentence, dated),
            // "Mrs. Poe" beside "Mr. Alan Poe" may be his wife: honorifics compare full names only.
            Title::Honorific(_) => !o.surname_only,
            _ => true,
        };
        if !compared {
            continue;
        }
        // Forms compare without the `qualified` mark when the office is the same: they are one form.
        match forms.iter_mut().find(|f| same_form(f.title, &o.title)) {
            Some(f) => f.uses.push(u),
            None => forms.push(Form { title: &o.title, uses: vec![u] }),
        }
    }
    // Each losing form and the form it loses to.
    let mut loses_to: Vec<Option<usize>> = vec![None; forms.len()];
    for a in 0..forms.len() {
        for b in a + 1..forms.len() {
            if !conflicts(v, forms[a].title, forms[b].title) {
                continue;
            }
            // `a` was used first: on a tie the later form (`b`) loses.
            let (loser, winner) = if forms[b].uses.len() > forms[a].uses.len() { (a, b) } else { (b, a) };
            let better = loses_to[loser].is_none_or(|w| forms[winner].uses.len() > forms[w].uses.len());
            if better {
                loses_to[loser] = Some(winner);
            }
        }
    }
    for (loser, winner) in loses_to.iter().enumerate() {
        let Some(winner) = *winner else { continue };
        let (lost, won) = (&forms[loser], &forms[winner]);
        let first_winner = &occurrences[won.uses[0]];
        let other = quote(doc, &first_winner.range);
        let suggestion_allowed = won.uses.len() >= 2 && won.uses.len() >= 2 * lost.uses.len();
        for &u in &lost.uses {
            let o = &occurrences[u];
            let place = if first_winner.range.start < o.range.start { "earlier" } else { "later" };
            let message = format!("“{}” conflicts with “{other}” {place} in the article.", quote(doc, &o.range));
            let mut finding = Finding::new(o.range.clone(), message);
            if suggestion_allowed {
                if let Some(fix) = fix(doc, o, won.title) {
                    finding = finding.suggest(fix);
                }
            }
            for &w in won.uses.iter().take(3) {
                finding = finding.related(occurrences[w].range.clone(), format!("the other title, “{}”", quote(doc, &occurrences[w].range)));
            }
            out.push(finding);
        }
    }
}

/// Two titles that are one form: equal, or the same office with the same "former" but another qualifier.
fn same_form(a: &Title, b: &Title) -> bool {
    match (a, b) {
        (Title::Office { key: ka, past: pa, .. }, Title::Office { key: kb, past: pb, .. }) => ka == kb && pa == pb,
        _ => a == b,
    }
}

/// The occurrence rewritten to the other form, between "former X" and "X" only.
fn fix(doc: &Document, o: &Occurrence, other: &Title) -> Option<String> {
    let (Title::Office { key, past, .. }, Title::Office { key: other_key, past: other_past, .. }) = (&o.title, other) else { return None };
    if key != other_key || past == other_past {
        return None;
    }
    let text = doc.slice(&o.range);
    if *past {
        let mut fixed = String::new();
        let mut at = o.range.start;
        for cut in &o.past_tokens {
            fixed.push_str(doc.slice(&(at..cut.start)));
            at = cut.end;
        }
        fixed.push_str(doc.slice(&(at..o.range.end)));
        if o.past_tokens.iter().any(|c| c.start == o.range.start) && text.starts_with(char::is_uppercase) {
            fixed = super::capitalize(&fixed);
        }
        Some(fixed)
    } else if o.starts_sentence {
        Some(format!("Former {text}"))
    } else {
        Some(format!("former {text}"))
    }
}

/// A range's text on one line, shortened for a message.
fn quote(doc: &Document, range: &Range<usize>) -> String {
    excerpt(&doc.slice(range).split_whitespace().collect::<Vec<_>>().join(" "), 80)
}

#[cfg(test)]
mod tests {
    use super::{vocabulary, RULE};
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn the_data_file_reads() {
        let v = vocabulary();
        assert!(v.offices.contains_key("prime minister") && v.offices.contains_key("secretary of state"));
        assert_eq!(v.offices["ceo"], "chief executive officer");
        assert_eq!(v.offices["sen"], "senator");
        assert!(v.abbreviations.contains("sen") && !v.abbreviations.contains("ceo"));
        assert!(v.past.contains("former") && v.roles.contains_key("politician"));
        assert!(v.compatible.contains(&(v.honorifics["dr"], v.honorifics["prof"])));
        assert!(!v.compatible.contains(&(v.honorifics["mr"], v.honorifics["ms"])));
    }

    #[test]
    fn flags_former_against_current() {
        let text = "U.S. President Donald Trump arrived on Tuesday. President Trump met the press.\n\nFormer U.S. President Donald Trump left on Wednesday.\n";
        assert_eq!(flagged(&RULE, text), ["Former U.S. President Donald Trump"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "“Former U.S. President Donald Trump” conflicts with “U.S. President Donald Trump” earlier in the article.");
        assert_eq!(found[0].suggestions, ["U.S. President Donald Trump"]);
        assert_eq!(found[0].related.len(), 2);
        assert_eq!(&text[found[0].related[1].range.clone()], "President Trump");
        // One to one: flagged, no fix.
        let even = "President Jane Roe spoke on Monday.\n\nFormer President Jane Roe left.\n";
        assert_eq!(flagged(&RULE, even), ["Former President Jane Roe"]);
        assert!(run(&RULE, even)[0].suggestions.is_empty());
        // The majority says former: the current title is flagged, "former" offered.
        let former = "Former President Jane Roe spoke. Former President Roe smiled. The ex-President Roe left. On Friday, President Jane Roe waved.";
        assert_eq!(flagged(&RULE, former), ["President Jane Roe"]);
        assert_eq!(run(&RULE, former)[0].suggestions, ["former President Jane Roe"]);
    }

    #[test]
    fn flags_two_offices_an_office_and_a_role_and_two_honorifics() {
        assert_eq!(
            flagged(&RULE, "Japanese Prime Minister Sanae Takaichi met him. Prime Minister Takaichi spoke.\n\nThe prominent Japanese politician Sanae Takaichi smiled.\n"),
            ["prominent Japanese politician Sanae Takaichi"]
        );
        assert_eq!(flagged(&RULE, "Governor Jane Roe spoke. Later, Senator Jane Roe left."), ["Senator Jane Roe"]);
        assert_eq!(flagged(&RULE, "Gov. Jane Roe spoke. Gov. Roe left. Later, Sen. Jane Roe voted."), ["Sen. Jane Roe"]);
        assert_eq!(flagged(&RULE, "Vice President Jane Roe spoke. Later, President Jane Roe left."), ["President Jane Roe"]);
        assert_eq!(flagged(&RULE, "Dr. Jane Roe treated him. Then Ms. Jane Roe left the room."), ["Ms. Jane Roe"]);
        assert_eq!(flagged(&RULE, "Mr. John Roe spoke. Ms. John Roe left."), ["Ms. John Roe"]);
        assert_eq!(flagged(&RULE, "Prime Minister Jane Roe spoke. Deputy Prime Minister Jane Roe left."), ["Deputy Prime Minister Jane Roe"]);
    }

    #[test]
    fn compatible_titles_are_left_alone() {
        assert_clean(
            &RULE,
            &[
                // More or fewer modifiers, one office.
                "U.S. President Donald Trump spoke. President Trump left. The acting President Donald J. Trump returned.",
                "Japanese prime minister Sanae Takaichi spoke. Prime Minister Takaichi left. Ms. Takaichi smiled.",
                "Pope Francis died on Monday. The late Pope Francis was buried in Rome.",
                "President Joe Biden spoke. The former President Joe Biden adviser Jane Roe agreed.",
                // Honorifics that go together, and an honorific beside an office.
                "Professor Jane Roe spoke. Dr. Roe left. Prof. Roe returned. Senator Roe waved.",
                // A surname alone with another honorific may be a relative.
                "Mr. Alan Poe spoke. Later Mrs. Poe cut the ribbon. Mrs. Alan Poe waved. Dr. Jane Roe smiled. Ms. Roe, her mother, waved.",
                // A former office beside a current one is a career.
                "Former Governor Jane Roe is now Senator Jane Roe. Senator Roe spoke.",
                // A legislator is a lawmaker.
                "Senator Jane Roe spoke. The veteran lawmaker Jane Roe left.",
                // then-, dated sentences, quoted speech.
                "Former President Barack Obama spoke. In 2009, President Barack Obama signed the law. Then-President Obama smiled.",
                "In 1987, businessman Donald Trump wrote a book. President Donald Trump spoke on Tuesday.",
                "Prime Minister Jane Roe spoke. “I met politician Jane Roe once,” he said. \"Former Prime Minister Jane Roe?\" she asked.",
                // An office qualified by an organisation or place.
                "Prime Minister Sanae Takaichi spoke. LDP President Sanae Takaichi left.",
                // Offices held at once, and one office's other names.
                "Chinese President Xi Jinping spoke. General Secretary Xi Jinping left. Chairman Xi Jinping waved.",
                "Sen. Bernie Sanders spoke. Senator Sanders left. The veteran lawmaker Bernie Sanders waved.",
                "Secretary of State Marco Rubio spoke. Secretary Rubio left. Chief Justice John Roberts and Justice Roberts.",
                "Chief Executive Officer Tim Cook spoke. CEO Tim Cook's company grew.",
            ],
        );
    }

    #[test]
    fn two_people_with_one_surname_are_left_alone() {
        assert_clean(
            &RULE,
            &[
                "President George Bush spoke. Governor Jeb Bush left. President Bush smiled. Governor Bush waved.",
                "President Donald Trump spoke. Melania Trump waved. Former President Trump? No: Ms. Trump.",
                // No full name: a surname alone is not a person.
                "President Smith spoke. Former President Smith left.",
            ],
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "President", "Former U.S.", "Dr. ", "President Ä-Ö Ü’s. Ms. É", "ex- President -Trump", "\u{0}\u{ffff} Mr. \u{301}A B"] {
            let _ = run(&RULE, text);
        }
    }
}
