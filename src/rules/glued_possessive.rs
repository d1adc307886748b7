//! `glued-possessive`: a possessive whose apostrophe was lost and whose "s" was capitalised: "ChinaS".
//!
//! Flags a word made of a capitalised stem of at least three letters with no other capital ("China")
//! and one trailing capital "S", when the stem appears elsewhere in the article as a word of its own
//! with a capital first letter ("China", "CHINA", or its possessive "China’s"). The suggestion restores
//! the apostrophe in the style the article uses most (’ unless straight quotes outnumber curly ones);
//! the related place is the stem's first standalone occurrence.
//!
//! Left alone: words with a capital inside the stem (camelCase identifiers, "McDonalds", "PlayStationS"),
//! all-caps words ("CEOS"), plural initialisms with a lowercase "s" ("CEOs", "PhDs"), brand names whose
//! stem never stands alone, protected spans (code, URLs) and words glued to a handle or code sign.

use super::{glued_to_non_prose, Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "glued-possessive",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "A possessive lost its apostrophe and gained a capital S: “ChinaS”.",
        what: "Flags a capitalised word ending in a capital “S” (“ChinaS”) whose stem appears elsewhere in the article as a word of its own, and suggests the possessive with the article's own apostrophe style (“China’s”).",
        why: "A capital S glued to a name is what a possessive becomes when a converter drops the apostrophe; readers stumble on it and search engines index a word that does not exist.",
        example: "China has a plan. Analysts study ChinaS strategy.",
        use_instead: "China has a plan. Analysts study China’s strategy.",
    },
    check,
};

/// The stem of "ChinaS": a capital, then at least two lowercase letters, then a capital "S".
fn glued_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('S')?;
    let mut chars = stem.chars();
    let first = chars.next()?;
    (first.is_uppercase() && stem.chars().count() >= 3 && chars.all(char::is_lowercase)).then_some(stem)
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let candidates: Vec<(&Range<usize>, &str)> =
        doc.words.iter().filter(|w| !w.protected).filter_map(|w| glued_stem(doc.slice(&w.range)).map(|stem| (&w.range, stem))).collect();
    if candidates.is_empty() {
        return;
    }
    // First standalone, capitalised occurrence of each word (possessive ending dropped), lowercase keys.
    let mut standalone: HashMap<String, Range<usize>> = HashMap::default();
    for w in doc.words.iter().filter(|w| !w.protected) {
        let text = doc.slice(&w.range);
        if text.chars().next().is_some_and(char::is_uppercase) {
            let base = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
            standalone.entry(base.to_lowercase()).or_insert_with(|| w.range.clone());
        }
    }
    let apostrophe = if doc.text.matches('\'').count() > doc.text.matches('’').count() { '\'' } else { '’' };
    for (range, stem) in candidates {
        let Some(other) = standalone.get(&stem.to_lowercase()) else { continue };
        if glued_to_non_prose(doc, range) {
            continue;
        }
        let word = doc.slice(range);
        out.push(
            Finding::new(range.clone(), format!("“{word}” looks like the possessive “{stem}{apostrophe}s” with its apostrophe lost."))
                .suggest(format!("{stem}{apostrophe}s"))
                .related(other.clone(), "the name on its own"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_a_lost_apostrophe() {
        let text = "China has a plan. Analysts study ChinaS strategy and ChinaS allies.";
        assert_eq!(flagged(&RULE, text), ["ChinaS", "ChinaS"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "“ChinaS” looks like the possessive “China’s” with its apostrophe lost.");
        assert_eq!(found[0].suggestions, ["China’s"]);
        assert_eq!(&text[found[0].related[0].range.clone()], "China");
        // The article's own apostrophe style, and a possessive or all-caps stem counts as standalone.
        assert_eq!(run(&RULE, "Japan's plan and JapanS allies. It's 'new'.")[0].suggestions, ["Japan's"]);
        assert_eq!(flagged(&RULE, "CHINA said so. Read ChinaS reply."), ["ChinaS"]);
    }

    #[test]
    fn leaves_names_identifiers_and_plurals_alone() {
        assert_clean(
            &RULE,
            &[
                // The stem never stands alone: a brand or a name.
                "Analysts study ChinaS strategy.",
                "We met the CEOs and PhDs of NASA. CEOS is an acronym; CEO is the boss.",
                "McDonalds and McDonald are both here. Apple ships iOS and macOS.",
                "Call getItemS in `ItemS()`; Item is a class. Item.ItemS, ItemS.rs, @ItemS and #ItemS too.",
                "PlayStationS sell. PlayStation is big.",
                // Stems shorter than three letters.
                "Ab said AbS.",
                "",
            ],
        );
    }
}
