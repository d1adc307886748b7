//! `lowercase-proper-noun`: a country, city, region, nationality, language, month or weekday written in
//! lowercase ("moscow", "japanese", "tuesday").
//!
//! Reads a compact built-in gazetteer (`data/gazetteer.txt`, single words, lowercase). A word written all
//! in lowercase whose form (less a possessive "’s") is listed is flagged, with its capitalised form as
//! the suggestion and, when the article capitalises the word elsewhere, that place as related.
//!
//! Words of the list's `[ambiguous]` section are also common words or lowercase idioms: "china" (the
//! dishes), "turkey" (the bird), "may" and "march" (verbs), "polish the car", "french fries", "plaster of
//! paris". They are flagged only when the article itself writes the word capitalised mid-sentence at least
//! once, so that "china" is a slip next to "China" and left alone in an article about porcelain.
//!
//! The months "may", "march" and "august" instead need a date next to them (the verbs are too frequent for
//! a majority): a day or year number
//! ("may 3", "3 march", "august 2024") or a word like "in", "since", "early" before them.
//!
//! Left alone: the first word of a sentence (`lowercase-sentence-start` reports it), words with any
//! capital, protected spans (code, URLs, e-mail addresses, file names) and words glued to a handle, tag,
//! path or code sign (`#tuesday`, `@paris`, `tokyo.txt`, `paris_v2`), and a word that
//! `inconsistent-capitalization` already reports as part of a term the article capitalises elsewhere
//! ("indo" in "indo-Pacific" next to "Indo-Pacific").

use super::{capitalize, glued_to_non_prose, inconsistent_capitalization, Rule, RuleMeta};
use crate::document::lexicon::with_lowercase;
use crate::document::Document;
use crate::report::{Category, Finding, Severity};
use crate::hash::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "lowercase-proper-noun",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "A place, nationality, language, month or weekday is written in lowercase.",
        what: "Flags a lowercase country, capital or major city, continent or region, nationality, language, month or weekday from a built-in list. Names that are also common words (“china”, “turkey”, “may”, “polish”) are flagged only when the article also capitalises them mid-sentence.",
        why: "Proper nouns are capitalised in English; a lowercase one reads as a typo, and next to the capitalised form it shows the article disagreeing with itself.",
        example: "Talks in Beijing, moscow and Pyongyang ended on tuesday.",
        use_instead: "Talks in Beijing, Moscow and Pyongyang ended on Tuesday.",
    },
    check,
};

const GAZETTEER: &str = crate::data_file!("gazetteer.txt");

struct Gazetteer {
    names: HashSet<&'static str>,
    ambiguous: HashSet<&'static str>,
    /// Ambiguous months: flagged only next to a date.
    months: HashSet<&'static str>,
}

fn gazetteer() -> &'static Gazetteer {
    static LIST: OnceLock<Gazetteer> = OnceLock::new();
    LIST.get_or_init(|| {
        let (mut names, mut ambiguous, mut months) = (HashSet::default(), HashSet::default(), HashSet::default());
        let mut section = "";
        for line in GAZETTEER.lines().map(str::trim) {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let target = match section {
                "[ambiguous]" => &mut ambiguous,
                "[ambiguous-month]" => &mut months,
                _ => &mut names,
            };
            target.extend(line.split_whitespace());
        }
        ambiguous.extend(months.iter().copied());
        Gazetteer { names, ambiguous, months }
    })
}

/// Whether a lowercase word is a name in the gazetteer ("canada", "tuesday"), or may be one ("japan").
pub(crate) fn is_known_name(lower: &str) -> bool {
    let list = gazetteer();
    list.names.contains(lower) || list.ambiguous.contains(lower)
}

/// The word less a possessive ending: "moscow’s" → "moscow".
fn stem(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// A word's lowercase stem is in the gazetteer's names.
const NAME: u8 = 1;
/// It is in the gazetteer's ambiguous names ("china", "may").
const AMBIGUOUS: u8 = 2;
/// Not yet looked up, in the per-form memo of `check`.
const UNKNOWN: u8 = 0x80;

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let list = gazetteer();
    // Per form: the gazetteer's bits for its stem, worked out at the form's first use. A word that is
    // not its own stem (a possessive) is looked up by its stem each time.
    let vocabulary = doc.vocabulary();
    let ids = vocabulary.ids();
    let mut classes = vec![UNKNOWN; vocabulary.len()];
    let class_of = |key: &str| (u8::from(list.names.contains(key)) * NAME) | (u8::from(list.ambiguous.contains(key)) * AMBIGUOUS);
    let mut class = |i: usize, text: &str| {
        let stem = stem(text);
        if stem.len() != text.len() {
            return with_lowercase(stem, class_of);
        }
        let memo = &mut classes[ids[i] as usize];
        if *memo == UNKNOWN {
            *memo = with_lowercase(text, class_of);
        }
        *memo
    };
    // First capitalised occurrence of each listed word, for `related`; one pass.
    let mut capitalized: HashMap<String, Range<usize>> = HashMap::default();
    for (i, w) in doc.words.iter().enumerate().filter(|(_, w)| !w.protected) {
        let text = doc.slice(&w.range);
        if text.chars().next().is_some_and(char::is_uppercase) && class(i, text) != 0 {
            capitalized.entry(stem(text).to_lowercase()).or_insert_with(|| w.range.clone());
        }
    }
    let mut sentence_starts = vec![false; doc.words.len()];
    for s in &doc.sentences {
        if let Some(start) = sentence_starts.get_mut(s.words.start).filter(|_| !s.words.is_empty()) {
            *start = true;
        }
    }
    let mut reported_by_term: Option<Vec<Range<usize>>> = None;
    for (i, w) in doc.words.iter().enumerate().filter(|(_, w)| !w.protected) {
        let text = doc.slice(&w.range);
        if !text.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’') || sentence_starts[i] {
            continue;
        }
        let key = stem(text);
        let found = class(i, text);
        let known = found & NAME != 0
            || (found & AMBIGUOUS != 0 && {
                let case = doc.body_case(key);
                // A month next to a date needs no majority: "may" the verb is far more frequent.
                case.capitalized > 0 && if list.months.contains(key) { next_to_a_date(doc, i) } else { case.capitalized >= case.lower }
            });
        if !known || glued_to_non_prose(doc, &w.range) {
            continue;
        }
        // "indo" in "indo-Pacific" next to "Indo-Pacific": `inconsistent-capitalization` reports the term.
        let by_term = reported_by_term.get_or_insert_with(|| inconsistent_capitalization::reported_words(doc));
        if by_term.binary_search_by_key(&w.range.start, |r| r.start).is_ok() {
            continue;
        }
        let fixed = capitalize(text);
        let mut finding = Finding::new(w.range.clone(), format!("“{text}” is a proper noun written in lowercase.")).suggest(fixed.clone());
        if let Some(other) = capitalized.get(key) {
            finding = finding.related(other.clone(), "the capitalised form elsewhere in the article");
        }
        out.push(finding);
    }
}

/// Words before a month that make it a date: "in may", "early march", "since august".
const BEFORE_A_MONTH: &[&str] = &["in", "since", "until", "till", "early", "late", "mid", "last", "next", "during"];

/// Whether the word at index `i` (a month) stands next to a day or year number or after a date preposition,
/// in the same block.
fn next_to_a_date(doc: &Document, i: usize) -> bool {
    let block = doc.words[i].block;
    let is_number = |w: &crate::document::Word| w.block == block && doc.slice(&w.range).bytes().all(|b| b.is_ascii_digit());
    // Before the month only a day counts ("3 may"): a year there ends a date ("May 15, 2015 may contain").
    let is_day = |w: &crate::document::Word| is_number(w) && w.range.len() <= 2;
    let before = i.checked_sub(1).and_then(|j| doc.words.get(j));
    before.is_some_and(|w| is_day(w) || (w.block == block && BEFORE_A_MONTH.contains(&doc.slice(&w.range).to_lowercase().as_str())))
        || doc.words.get(i + 1).is_some_and(is_number)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_lowercase_names() {
        let text = "Talks in Beijing, moscow and Pyongyang ended on tuesday. Moscow said the japanese side agreed.";
        assert_eq!(flagged(&RULE, text), ["moscow", "tuesday", "japanese"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "“moscow” is a proper noun written in lowercase.");
        assert_eq!(found[0].suggestions, ["Moscow"]);
        assert_eq!(&text[found[0].related[0].range.clone()], "Moscow");
        assert!(found[1].related.is_empty());
        // A possessive keeps its ending.
        assert_eq!(flagged(&RULE, "The talks in moscow's suburbs went on."), ["moscow's"]);
        assert_eq!(run(&RULE, "The talks in moscow’s suburbs went on.")[0].suggestions, ["Moscow’s"]);
    }

    #[test]
    fn flags_ambiguous_names_only_next_to_the_capitalised_form() {
        let text = "Exports to China grew. Analysts say china will buy more. Talks resume in March, end in March and the army moved in march. Troops march.";
        assert_eq!(flagged(&RULE, text), ["china", "march"]);
        assert_eq!(flagged(&RULE, "It ended in May 2024. It restarts on 3 may and august 2025. It may end in August."), ["may", "august"]);
        assert_eq!(flagged(&RULE, "The indo-Pacific region matters."), ["indo"]);
        // Next to "Indo-Pacific", the compound is `inconsistent-capitalization`'s finding, not this rule's.
        assert_eq!(flagged(&RULE, "The Indo-Pacific grew. The Indo-Pacific is vast. The indo-Pacific region matters."), Vec::<&str>::new());
    }

    #[test]
    fn leaves_common_words_code_and_sentence_starts_alone() {
        assert_clean(
            &RULE,
            &[
                "We may go. The troops march at dawn. Polish the car and carve the turkey.",
                "It opened in May. A reply sent on May 15, 2015 may carry the header.",
                "Set the china on the table. The pig was a guinea pig. It was nice reading.",
                "I ate french fries with swiss chard. May I help?",
                // Capitalised only at a sentence start: not evidence.
                "May was warm. We may go.",
                // The month is capitalised elsewhere, but "may" here is the verb.
                "The vote is on 3 May. It may fail, and the troops march on.",
                // "China" once, "china" the dishes twice: the article's lowercase use wins.
                "Made in China. The china was fine, and the china cabinet too.",
                "moscow is lowercase at the start of a sentence.",
                "Tag it #tuesday or ping @paris about tokyo.txt and paris_v2 or `berlin` and https://moscow.example.com/tokyo.",
                "Mail moscow@example.com or call london() today.",
                "Tokyo, Moscow and Berlin on Monday.",
                "",
            ],
        );
    }
}
