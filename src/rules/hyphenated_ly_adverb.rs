//! `hyphenated-ly-adverb`: an -ly adverb joined by a hyphen to the word it modifies ("newly-appointed",
//! "highly-regarded").
//!
//! An adverb ending in -ly already reads as a modifier, so style guides (Chicago, AP, the Guardian, the
//! Economist) leave the hyphen out: "newly appointed". Flags a lowercase word of at least five letters
//! ending in "ly", joined by a single hyphen to a following lowercase word, and suggests the two words
//! with a space. Left alone: words where -ly is no adverb suffix (adjectives and nouns such as "friendly",
//! "early", "family", "elderly", "daily", "assembly", "supply": the list below), capitalised words
//! ("Italy-based", "July-August"), a word already joined by a hyphen to the word before it
//! ("shilly-shally"), words in code, URLs and link targets.
//! A form the article repeats is reported once, at its first use, with the repeats as related places.

use super::{Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "hyphenated-ly-adverb",
        category: Category::Mechanics,
        severity: Severity::Warning,
        summary: "An -ly adverb is hyphenated to the word after it.",
        what: "Flags an adverb ending in -ly joined by a hyphen to the adjective or participle it modifies (\"newly-appointed\", \"highly-regarded\") and suggests a space instead. Adjectives and nouns that end in -ly (\"friendly-fire\", \"family-owned\", \"early-stage\") are left alone.",
        why: "An -ly adverb cannot be misread as an adjective, so the hyphen adds nothing; style guides agree on leaving it out, and its presence marks unedited text.",
        example: "The newly-appointed minister met highly-regarded officials.",
        use_instead: "The newly appointed minister met highly regarded officials.",
    },
    check,
};

/// Words of five letters or more ending in "ly" that are not -ly adverbs (adjectives, nouns, verbs).
const NOT_ADVERBS: &[&str] = &[
    "friendly", "unfriendly", "lovely", "likely", "unlikely", "early", "daily", "weekly", "biweekly", "monthly", "bimonthly", "yearly", "hourly",
    "nightly", "quarterly", "fortnightly", "elderly", "silly", "jolly", "curly", "burly", "lonely", "lively", "costly", "deadly", "orderly",
    "disorderly", "scholarly", "kindly", "unkindly", "family", "assembly", "anomaly", "monopoly", "melancholy", "homily", "panoply", "supply",
    "reply", "apply", "comply", "imply", "multiply", "butterfly", "dragonfly", "firefly", "gadfly", "housefly", "belly", "bully", "jelly",
    "rally", "tally", "folly", "gully", "sully", "dolly", "filly", "lolly", "brolly", "holly", "willy", "billy", "dilly", "shilly", "hurly",
    "sally", "smelly", "hilly", "chilly", "frilly", "woolly", "bubbly", "gnarly", "pearly", "surly", "manly", "unmanly", "womanly", "comely",
    "homely", "ghastly", "ghostly", "grisly", "grizzly", "measly", "sickly", "prickly", "wrinkly", "crinkly", "sparkly", "twinkly", "wobbly",
    "wibbly", "crumbly", "knobbly", "bristly", "stubbly", "cuddly", "beastly", "brotherly", "sisterly", "motherly", "fatherly", "kingly",
    "queenly", "princely", "saintly", "godly", "ungodly", "worldly", "unworldly", "earthly", "unearthly", "heavenly", "timely", "untimely",
    "stately", "unruly", "unsightly", "seemly", "unseemly", "shapely", "sprightly", "courtly", "cowardly", "dastardly", "lordly", "masterly",
    "miserly", "niggardly", "leisurely", "portly", "goodly", "lowly", "neighbourly", "neighborly", "bodily", "steely", "freckly", "pimply",
    "squiggly", "wiggly", "giggly", "jiggly", "drizzly", "scaly", "northerly", "southerly", "easterly", "westerly", "italy", "sicily",
];

fn check(doc: &Document, out: &mut Vec<Finding>) {
    // Each form once, at its first use: a compound the article repeats ("strongly-ordered" ×12) is one
    // decision for the writer, not twelve.
    let mut forms: Vec<(&str, Vec<Range<usize>>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (i, pair) in doc.words.windows(2).enumerate() {
        let (adverb, next) = (&pair[0], &pair[1]);
        if adverb.block != next.block || adverb.protected || next.protected || doc.slice(&(adverb.range.end..next.range.start)) != "-" {
            continue;
        }
        let word = doc.slice(&adverb.range);
        if word.len() < 5 || !word.ends_with("ly") || !word.bytes().all(|b| b.is_ascii_lowercase()) || NOT_ADVERBS.contains(&word) {
            continue;
        }
        let following = doc.slice(&next.range);
        if !following.chars().all(char::is_lowercase) || following.chars().count() < 2 {
            continue;
        }
        // "shilly-shally", "rolly-polly": part of a longer hyphenated compound.
        if i > 0 && doc.words[i - 1].block == adverb.block && doc.text[doc.words[i - 1].range.end..adverb.range.start].ends_with('-') {
            continue;
        }
        let joined = doc.slice(&(adverb.range.start..next.range.end));
        let k = *index.entry(joined).or_insert_with(|| {
            forms.push((joined, Vec::new()));
            forms.len() - 1
        });
        forms[k].1.push(adverb.range.start..next.range.end);
    }
    for (joined, places) in forms {
        let (adverb, following) = joined.split_once('-').unwrap_or((joined, ""));
        let times = if places.len() > 1 { format!(" (written so {} times)", places.len()) } else { String::new() };
        let mut finding = Finding::new(places[0].clone(), format!("“{joined}” needs no hyphen: an -ly adverb already modifies the word after it{times}."))
            .suggest(format!("{adverb} {following}"));
        for place in places.iter().skip(1).take(3) {
            finding = finding.related(place.clone(), format!("“{joined}” again"));
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::{NOT_ADVERBS, RULE};
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn the_exclusions_are_lowercase_ly_words_listed_once() {
        let mut sorted = NOT_ADVERBS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), NOT_ADVERBS.len());
        assert!(NOT_ADVERBS.iter().all(|w| w.len() >= 5 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn flags_hyphenated_ly_adverbs() {
        let text = "The newly-appointed minister met highly-regarded and fully-funded teams.";
        assert_eq!(flagged(&RULE, text), ["newly-appointed", "highly-regarded", "fully-funded"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "“newly-appointed” needs no hyphen: an -ly adverb already modifies the word after it.");
        assert_eq!(found[0].suggestions, ["newly appointed"]);
    }

    #[test]
    fn a_repeated_form_is_one_finding_at_its_first_use() {
        let text = "A strongly-ordered write. Another strongly-ordered read. A third strongly-ordered fence.";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "“strongly-ordered” needs no hyphen: an -ly adverb already modifies the word after it (written so 3 times).");
        assert_eq!(found[0].range.start, text.find("strongly").unwrap());
        assert_eq!(found[0].related.len(), 2);
    }

    #[test]
    fn adjectives_nouns_names_and_code_are_left_alone() {
        assert_clean(
            &RULE,
            &[
                "A family-owned, early-stage firm with only-child founders and friendly-fire incidents.",
                "An Italy-based firm in July-August with holy-water, daily-use and elderly-care plans.",
                "A likely-looking, costly-to-run, curly-haired and lonely-hearts story, willy-nilly, shilly-shally.",
                "A supply-side assembly-line plan. Newly-Appointed is a title. Run `newly-appointed` now.",
                "The newly appointed minister. The fully-2 case and a truly- dangling hyphen.",
            ],
        );
    }
}
