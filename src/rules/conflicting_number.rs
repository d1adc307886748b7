//! `conflicting-number`: the same figure given two values in one article ("a 15% tariff" … "the 20%
//! tariff"; "$185 billion in bilateral trade" … "$200 billion in bilateral trade").
//!
//! A claim is a number in digits with its unit and its subject, read from the words of one prose
//! sentence (paragraphs and list items; never headings, table rows or code):
//! - the unit: a percentage ("15%", "15 percent", "15 per cent"), an amount of money ("$185 billion":
//!   the currency sign, the scale word folded into the value), or a plain count ("500 engineers");
//! - the subject: the one or two words right after the number ("tariff", "defence spending"; for a count,
//!   up to its plural noun), plus a qualifier starting with "in", "of", "on" or "for" up to the next
//!   punctuation, preposition or clause ("tariff on steel"), lowercased and singular. An amount of money
//!   may have the qualifier alone ("in bilateral trade"); a percentage needs the words after it (in "15% of
//!   the budget" the subject comes before the number, and is not read); a count needs both ("500
//!   employees in Ohio": "300 people" alone is too vague).
//!
//! Two claims with the same unit and subject and different values are flagged, the later one pointing at
//! the earlier. Precision comes first, so a claim is not compared when anything says the values may
//! legitimately differ:
//! - the sentence talks about change, time, order or hypotheses: "from", "rose", "cut", "increase",
//!   "previously", "last", "new", "first", "expected", "proposed", "would", "than", "now" and the like;
//! - the sentences differ in the years, months or periods they name ("in 2023" / "in 2024");
//! - the sentences name different things: the capitalised words of one must all appear in the other
//!   ("Canada faces a 25% tariff" / "Japan faces a 15% tariff" are two subjects); a capitalised first
//!   word counts as a name unless it is a function word or the article also writes it in lowercase;
//! - the number is approximate ("over", "about", "nearly"), part of a range ("15-20%", "15% to 20%"),
//!   an amount of change ("by 18%"), or inside quoted speech;
//! - both claims are in the same sentence or in items of the same list (parallel options);
//! - the subject is given three or more different values in the article: it is a generic word ("tariff")
//!   naming several things, not one figure stated two ways.

use super::weekday_date_mismatch::{month_of, year_of};
use super::lowercase_proper_noun::is_known_name;
use super::{number_at, Rule, RuleMeta};
use crate::document::lexicon::{is_function_word, with_lowercase};
use crate::document::{BlockKind, Document, Sentence};
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "conflicting-number",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "The same figure is given two different values.",
        what: "Reads each number with its unit and the noun phrase after it (“a 15% tariff”, “$185 billion in bilateral trade”) and flags a later statement of the same figure with a different value. Sentences about change, other years, other named subjects, ranges, approximations, quotations, tables and parallel list items are left alone.",
        why: "When an article gives one figure two values, at least one is wrong, and the reader cannot tell which. It often comes from an edit that updated one mention and missed another.",
        example: "Japan is absorbing a 15% tariff on its exports. The 20% tariff on its exports is hard to bear, exporters say.",
        use_instead: "Japan is absorbing a 15% tariff on its exports. The 15% tariff on its exports is hard to bear, exporters say.",
    },
    check,
};

/// Words that make a sentence about change, time, comparison or possibility: its numbers may differ from
/// the same figure elsewhere without contradicting it.
const UNSETTLED: &[&str] = &[
    "from", "rose", "rise", "rises", "rising", "risen", "raise", "raised", "raises", "raising", "fell", "fall", "falls", "falling", "fallen",
    "increase", "increased", "increases", "increasing", "decrease", "decreased", "decreases", "decreasing", "cut", "cuts", "cutting", "reduce",
    "reduced", "reduces", "reducing", "reduction", "lower", "lowered", "lowering", "hike", "hiked", "hikes", "jump", "jumped", "jumps", "grew",
    "grow", "grows", "growth", "drop", "dropped", "drops", "climb", "climbed", "climbs", "surge", "surged", "soar", "soared", "double",
    "doubled", "triple", "tripled", "halve", "halved", "slash", "slashed", "lift", "lifted", "boost", "boosted", "change", "changed",
    "changes", "adjust", "adjusted", "replace", "replaced", "replacing", "up", "down", "previously", "previous", "prior", "earlier",
    "formerly", "former", "originally", "original", "initially", "initial", "once", "last", "next", "expected", "expect", "expects",
    "forecast", "forecasts", "projected", "projection", "proposed", "propose", "proposes", "proposal", "plan", "plans", "planned", "would",
    "could", "might", "should", "if", "unless", "than", "versus", "vs", "compared", "instead", "now", "new", "old", "revised", "current",
    "currently", "target", "targets", "goal", "estimate", "estimated", "estimates", "between", "whereas", "extra", "additional", "another",
    "further", "average", "median", "each", "every", "first", "second", "third", "fourth", "fifth", "final", "latest", "recent", "recently", "until", "since", "after", "before", "became", "become", "becomes", "reached",
];

/// Words naming a period: two sentences must name the same ones for their figures to be compared.
const PERIODS: &[&str] = &["year", "years", "yearly", "annual", "annually", "quarter", "quarterly", "month", "months", "monthly", "week", "weeks", "weekly", "day", "days", "daily", "fiscal", "today", "yesterday", "tomorrow", "q1", "q2", "q3", "q4", "h1", "h2"];

/// Words right before a number that make it approximate, a change, or the end of a range.
const NOT_EXACT_BEFORE: &[&str] = &["by", "from", "to", "than", "about", "around", "nearly", "almost", "over", "under", "more", "less", "least", "most", "roughly", "approximately", "some", "up", "between", "through", "and", "or", "near", "above", "below", "beyond", "within", "exceeding", "exceeds", "top", "topped"];

/// Words that end a qualifier: a new clause starts.
const CLAUSE: &[&str] = &["that", "which", "who", "whom", "whose", "while", "when", "because", "as", "after", "before", "since", "until", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "said", "says", "and", "or", "but", "to", "by", "with"];

/// Head nouns that are units of time or measure, not subjects.
const NOT_SUBJECTS: &[&str] = &["year", "years", "month", "months", "day", "days", "week", "weeks", "hour", "hours", "minute", "minutes", "second", "seconds", "time", "times", "point", "points", "percentage", "percent", "per", "cent", "of", "more", "less", "higher", "lower", "share", "stake", "chance", "probability", "majority", "minority"];

/// Plural nouns without an "s".
const IRREGULAR_PLURALS: &[&str] = &["people", "children", "men", "women", "staff", "personnel", "police", "cattle", "sheep", "fish", "deer", "aircraft"];

const SCALES: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("mn", 1e6), ("bn", 1e9), ("tn", 1e12)];

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Unit {
    Percent,
    Money(char),
    Count,
}

struct Claim {
    /// Unit, the subject's first word and the sentence's periods.
    key: (Unit, String, String),
    /// The subject's second word, if any: "spending" in "defence spending". Two claims whose second words
    /// differ name different things; a missing one ("the 20% tariff hurts" / "a 15% tariff") may be a verb.
    second: Option<String>,
    /// "on steel" in "a 15% tariff on steel", singular and lowercase, articles left out. Two claims are the
    /// same figure if both have none, or one's qualifier starts with the other's ("on steel" / "on steel
    /// imports"); a qualifier on one side only may narrow the figure, so that pair is left alone.
    qualifier: Vec<String>,
    value: f64,
    /// The number with its currency sign and unit: "$185 billion", "15%".
    range: Range<usize>,
    /// From the currency sign or number to the end of the subject: "15% tariff on steel".
    phrase: Range<usize>,
    sentence: usize,
    /// The list the claim's item belongs to.
    list: Option<usize>,
    /// Index into the per-sentence name sets.
    names: usize,
}

fn lowercase_word(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’') && text.chars().any(char::is_alphabetic)
}

/// Singular, lowercase form for keys: "tariffs" → "tariff", "duties" → "duty".
fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    if lower.ends_with("sses") || lower.ends_with("xes") || lower.ends_with("ches") || lower.ends_with("shes") {
        return lower[..lower.len() - 2].to_string();
    }
    if lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is") {
        return lower[..lower.len() - 1].to_string();
    }
    lower
}

fn is_plural(word: &str) -> bool {
    IRREGULAR_PLURALS.contains(&word) || (word.len() > 2 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is"))
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let mut list_of = vec![None; doc.blocks.len()];
    for (id, list) in doc.lists().iter().enumerate() {
        for &item in &list.items {
            list_of[item] = Some(id);
        }
    }
    let mut claims: Vec<Claim> = Vec::new();
    let mut name_sets: Vec<Vec<String>> = Vec::new();
    // Per form of the document vocabulary: whether it is in `UNSETTLED` and `PERIODS` (see `listed`).
    let mut listed: Vec<u8> = vec![UNLISTED_UNKNOWN; doc.vocabulary().len()];
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if !matches!(doc.blocks[sentence.block].kind, BlockKind::Paragraph | BlockKind::ListItem(_)) {
            continue;
        }
        let before = claims.len();
        read_sentence(doc, index, sentence, list_of[sentence.block], name_sets.len(), &mut listed, &mut claims);
        if claims.len() > before {
            name_sets.push(names(doc, sentence));
        }
    }
    let subset = |a: &[String], b: &[String]| a.iter().all(|n| b.binary_search(n).is_ok());
    let compatible = |a: &Claim, b: &Claim| {
        let (na, nb) = (&name_sets[a.names], &name_sets[b.names]);
        let second = match (&a.second, &b.second) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        let qualifier = match (a.qualifier.is_empty(), b.qualifier.is_empty()) {
            (true, true) => true,
            (false, false) => a.qualifier.starts_with(&b.qualifier) || b.qualifier.starts_with(&a.qualifier),
            _ => false,
        };
        second && qualifier && a.sentence != b.sentence && (a.list.is_none() || a.list != b.list) && (subset(na, nb) || subset(nb, na))
    };
    let differ = |a: f64, b: f64| (a - b).abs() > 1e-9 * a.abs().max(1.0);
    // A subject given three or more values ("tariff": 10%, 15%, 25%) is a generic word naming several
    // things, not one figure stated inconsistently: its claims are left alone.
    let mut values: HashMap<&(Unit, String, String), Vec<f64>> = HashMap::default();
    for claim in &claims {
        let seen = values.entry(&claim.key).or_default();
        if seen.len() <= 2 && seen.iter().all(|&v| differ(v, claim.value)) {
            seen.push(claim.value);
        }
    }
    let mut groups: HashMap<&(Unit, String, String), Vec<usize>> = HashMap::default();
    for (index, claim) in claims.iter().enumerate() {
        if values.get(&claim.key).is_some_and(|v| v.len() > 2) {
            continue;
        }
        let group = groups.entry(&claim.key).or_default();
        // The first claims of the figure are the ones a later one is checked against; a bounded number keeps
        // an article that repeats one figure thousands of times linear.
        let earlier = group.iter().take(16).map(|&k| &claims[k]).find(|e| compatible(e, claim) && differ(e.value, claim.value));
        if let Some(earlier) = earlier {
            let (this, that) = (doc.slice(&claim.phrase), doc.slice(&earlier.phrase));
            out.push(
                Finding::new(claim.range.clone(), format!("“{this}” contradicts the earlier “{that}”: the article gives this figure two values."))
                    .related(earlier.range.clone(), format!("the other value, “{that}”")),
            );
        }
        group.push(index);
    }
}

/// The sentence's capitalised words, lowercased and sorted: the things it names. Its first word counts
/// unless it is a function word or written lowercase elsewhere in the article ("Exporters say …" names
/// nothing in an article that also writes "exporters"), and always when it is a known name ("Canada") or
/// starts a run of capitalised words ("Toyota Motor"). When unsure it counts: that only makes the rule
/// quieter.
fn names(doc: &Document, sentence: &Sentence) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (k, word) in doc.words_in(&sentence.words).iter().enumerate() {
        let text = doc.slice(&word.range);
        if word.protected || !text.starts_with(char::is_uppercase) || month_of(text).is_some() || text == "I" {
            continue;
        }
        let lower = text.to_lowercase();
        if k == 0 {
            let case = doc.body_case(text);
            let next_capitalised = doc.words_in(&sentence.words).get(1).is_some_and(|w| doc.slice(&w.range).starts_with(char::is_uppercase));
            let stem = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).unwrap_or(&lower);
            if !(is_known_name(stem) || (!is_function_word(&lower) && case.lower == 0) || next_capitalised) {
                continue;
            }
        }
        names.push(lower);
    }
    crate::sort::sort(&mut names);
    names.dedup();
    names
}

/// Bits of a form's entry in `listed`: in `UNSETTLED`, in `PERIODS`; or not looked up yet.
const IN_UNSETTLED: u8 = 1;
const IN_PERIODS: u8 = 2;
const UNLISTED_UNKNOWN: u8 = 4;

/// The claims of one sentence. `listed` memoises, per form of the vocabulary, the look-ups in the word
/// lists: scanning both lists for every word of a sentence with a number was most of this rule's time.
fn read_sentence(doc: &Document, index: usize, sentence: &Sentence, list: Option<usize>, names: usize, listed: &mut [u8], claims: &mut Vec<Claim>) {
    let words = &doc.words;
    let all = &sentence.words;
    let text = |k: usize| doc.slice(&words[k].range);
    let gap = |k: usize| doc.slice(&(words[k - 1].range.end..words[k].range.start));
    // A claim starts at a number (`number_at`: a word of digits outside code); most sentences have none.
    if !all.clone().any(|k| !words[k].protected && text(k).bytes().next().is_some_and(|b| b.is_ascii_digit())) {
        return;
    }
    let mut periods: Vec<String> = Vec::new();
    let ids = doc.vocabulary().ids();
    for k in all.clone() {
        let t = text(k);
        let bits = &mut listed[ids[k] as usize];
        if *bits == UNLISTED_UNKNOWN {
            *bits = with_lowercase(t, |lower| (u8::from(UNSETTLED.contains(&lower)) * IN_UNSETTLED) | (u8::from(PERIODS.contains(&lower)) * IN_PERIODS));
        }
        if *bits & IN_UNSETTLED != 0 && lowercase_word(t) {
            return;
        }
        if *bits & IN_PERIODS != 0 || month_of(t).is_some() || year_of(t).is_some_and(|y| (1800..2200).contains(&y)) {
            periods.push(with_lowercase(t, str::to_string));
        }
    }
    crate::sort::sort(&mut periods);
    periods.dedup();
    let periods = periods.join(",");
    let mut k = all.start;
    while k < all.end {
        let Some(number) = number_at(doc, k) else {
            k += 1;
            continue;
        };
        k = number.words.end;
        if number.words.end > all.end || words[number.words.start].protected {
            continue;
        }
        let first = number.words.start;
        let previous = (first > all.start).then(|| first - 1);
        let before = doc.text[..number.range.start].chars().next_back();
        let after = doc.text[number.range.end..].chars().next();
        // Part of a range, a version, a time, a code or a date: "15-20", "3.2.1", "10:30", "2024-10".
        if matches!(after, Some('-' | '–' | '—' | ':' | '/' | '.' | ',')) && words.get(number.words.end).is_some_and(|w| w.range.start == number.range.end + after.map_or(0, char::len_utf8) && text(number.words.end).starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        if matches!(before, Some('-' | '–' | '—' | '/' | '.' | ':' | '+' | '±' | '~' | '#')) {
            continue;
        }
        if previous.is_some_and(|p| NOT_EXACT_BEFORE.contains(&text(p).to_lowercase().as_str()) || (gap(first).trim().is_empty() && text(p).starts_with(|c: char| c.is_ascii_digit()))) {
            continue;
        }
        let (unit, start) = match before {
            Some(c @ ('$' | '€' | '£' | '¥')) => (Unit::Money(c), number.range.start - c.len_utf8()),
            _ => (Unit::Count, number.range.start),
        };
        let mut value = number.value;
        let mut next = number.words.end;
        let mut end = number.range.end;
        let rest = &doc.text[number.range.end..];
        let unit = if unit == Unit::Count && (rest.starts_with('%') || rest.starts_with(" %")) {
            end += rest.find('%').unwrap_or(0) + 1;
            Unit::Percent
        } else if unit == Unit::Count && next < all.end && text(next).eq_ignore_ascii_case("percent") && gap(next) == " " {
            end = words[next].range.end;
            next += 1;
            Unit::Percent
        } else if unit == Unit::Count && next + 1 < all.end && text(next) == "per" && text(next + 1) == "cent" && gap(next) == " " && gap(next + 1) == " " {
            end = words[next + 1].range.end;
            next += 2;
            Unit::Percent
        } else {
            if let Some(&(_, scale)) = (next < all.end && matches!(gap(next), " " | "")).then(|| SCALES.iter().find(|(w, _)| *w == text(next))).flatten() {
                value *= scale;
                end = words[next].range.end;
                next += 1;
            }
            unit
        };
        if unit == Unit::Count && (number.value.fract() != 0.0 && end == number.range.end || year_of(text(first)).is_some() || previous.is_some_and(|p| text(p).starts_with(char::is_uppercase) && !is_function_word(&text(p).to_lowercase()))) {
            continue;
        }
        // "15% tariff": the head words, on the same side of any punctuation.
        let mut subject: Vec<(String, usize)> = Vec::new();
        // The gap before word `k`, not counting a "%" glued to the number.
        let unit_end = end;
        let joined = |k: usize| k < all.end && !words[k].protected && matches!(doc.slice(&(words[k - 1].range.end.max(unit_end)..words[k].range.start)), " " | "-");
        while subject.len() < 2 && joined(next) && lowercase_word(text(next)) && !is_function_word(text(next)) && !(unit == Unit::Count && subject.last().is_some_and(|w| is_plural(&w.0))) {
            let t = text(next);
            if !subject.is_empty() && (t.ends_with("ed") || t.ends_with("ly")) {
                break;
            }
            subject.push((t.to_string(), words[next].range.end));
            next += 1;
        }
        let head = subject.first().map(|w| w.0.as_str());
        if head.is_some_and(|w| NOT_SUBJECTS.contains(&w) || w.ends_with("ed") || w.ends_with("ly")) {
            continue;
        }
        if unit == Unit::Count && !subject.last().is_some_and(|w| is_plural(&w.0)) {
            continue;
        }
        // "… on steel": the qualifier, up to punctuation, a number or a new clause.
        let mut qualifier: Vec<(String, usize)> = Vec::new();
        if joined(next) && matches!(text(next), "in" | "of" | "on" | "for") && gap(next) == " " {
            qualifier.push((text(next).to_string(), words[next].range.end));
            let mut q = next + 1;
            while q < all.end && qualifier.len() < 7 && !words[q].protected && gap(q).chars().all(|c| c == ' ' || c == '-' || c == '\'' || c == '’') {
                let t = text(q);
                let lower = t.to_lowercase();
                let determiner = matches!(lower.as_str(), "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "your" | "my" | "this" | "these" | "those");
                // A new clause, another preposition ("on imports from Japan"), or a verb after a name ("in Ohio build").
                let after_name = qualifier.len() > 1 && qualifier.last().is_some_and(|w| w.0.starts_with(char::is_uppercase)) && t.starts_with(char::is_lowercase);
                if t.starts_with(|c: char| c.is_ascii_digit()) || CLAUSE.contains(&lower.as_str()) || (is_function_word(&lower) && !determiner && lower != "of") || after_name {
                    break;
                }
                if !determiner {
                    qualifier.push((t.to_string(), words[q].range.end));
                }
                q += 1;
            }
            while qualifier.last().is_some_and(|w| is_function_word(&w.0.to_lowercase())) {
                qualifier.pop();
            }
        }
        let qualified_money = matches!(unit, Unit::Money(_)) && qualifier.first().is_some_and(|w| w.0 == "in");
        // "300 people" alone is too vague to be one figure ("the first round drew 300 people"): a count
        // needs its qualifier ("500 employees in Ohio").
        if unit == Unit::Count && qualifier.is_empty() {
            continue;
        }
        if subject.is_empty() && !qualified_money {
            continue;
        }
        if doc.quotation_at(number.range.start).is_some() {
            continue;
        }
        // The quoted phrase leaves out a second head word that may be a verb ("the 20% tariff hurts").
        let shown = subject.get(1).filter(|w| !w.0.ends_with('s') || w.0.ends_with("ss")).or(subject.first());
        let phrase_end = qualifier.last().or(shown).map_or(end, |w| w.1);
        let second = subject.get(1).map(|w| singular(&w.0));
        let head = head.map(singular).unwrap_or_default();
        let qualifier = qualifier.iter().map(|w| singular(&w.0)).collect();
        claims.push(Claim { key: (unit, head, periods.clone()), second, qualifier, value, range: start..end, phrase: start..phrase_end, sentence: index, list, names });
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_one_figure_with_two_values() {
        assert_eq!(flagged(&RULE, "Japan faces a 15% tariff imposed by the U.S. Exporters say the 20% tariff hurts many exporters."), ["20%"]);
        assert_eq!(flagged(&RULE, "The two countries did $185 billion in bilateral trade. That is $200 billion in bilateral trade, a big sum."), ["$200 billion"]);
        assert_eq!(flagged(&RULE, "A 25 percent tariff on steel applies. Steel buyers pay the 20% tariff on steel."), ["20%"]);
        assert_eq!(flagged(&RULE, "The firm has 500 employees in Ohio. Its 450 employees in Ohio work shifts."), ["450"]);
        let text = "Japan faces a 15% tariff. In Japan exporters say the 20% tariffs hurt.";
        let found = run(&RULE, text);
        assert_eq!(&text[found[0].related[0].range.clone()], "15%");
        assert_eq!(flagged(&RULE, "Japan holds $1.3 trillion in U.S. debt. Japan holds $1,200 billion in U.S. debt."), ["$1,200 billion"]);
    }

    #[test]
    fn different_subjects_times_and_changes_are_not_conflicts() {
        assert_clean(
            &RULE,
            &[
                "A 15% tariff on steel applies. A 25% tariff on cars applies.",
                "Canada faces a 25% tariff. Japan faces a 15% tariff.",
                "Trade reached $185 billion in 2023. Trade reached $200 billion in 2024.",
                "They did $185 billion in trade in 2023. They did $200 billion in trade.",
                "The tariff went from 15% to 20%. A 20% tariff applies.",
                "A 15% tariff applies. The tariff rose to a 20% tariff.",
                "A 15% tariff applied last year. The 20% tariff applies.",
                "A 15% tariff applies. A proposed 20% tariff is debated.",
                "A 15% tariff applies. “A 20% tariff would hurt,” she said.",
                "A 15% tariff applies. Some want a 15-20% tariff.",
                "A 15% tariff applies, and a 20% tariff on cars.",
                "Options:\n\n- a 15% tariff\n- a 20% tariff\n",
                "A 15% tariff applies.\n\n| Item | Rate |\n|---|---|\n| 20% tariff | new |\n",
                "A 15% tariff applies. Over 20% tariff revenue is lost.",
                "Defence takes 15% of the budget. Health takes 20% of the budget.",
                "Spending reached 2% of GDP. Health is 15% of GDP.",
                "Apple earned $90 billion in revenue. Google earned $80 billion in revenue. Both Apple and Google grew.",
                "Article 9 allows troops. Article 12 allows ships.",
                "The 15% tariff hits cars. The 20% duty hits steel.",
                "About 3 people came. Then 5 people left the room today.",
                "The version 1.2 release ships. The 1.3 release ships.",
                "A 15% tariff applies. Run `a 20% tariff` as code.",
                "A 15% import duty applies. A 20% import tariff applies.",
                "A 15% sales tax applies. A 20% sales commission applies.",
            ],
        );
    }
}
