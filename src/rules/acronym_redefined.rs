//! `acronym-redefined`: one acronym spelt out two different ways ("Federal Reserve (FR)" … "Fire Rescue
//! (FR)").
//!
//! Reads the definitions of [`Document::acronyms`], grouped by acronym. Each later definition whose
//! expansion differs from the first one is flagged, with the first definition as the related place. Two
//! expansions are the same when their content words (function words such as "of" and "the" ignored) are
//! the same words, compared without case, a plural "s" or a shortened ending ("Democrat"/"Democratic").
//!
//! Left alone: the same expansion given twice. Long articles re-expand an acronym in a later section on
//! purpose (several style guides ask for it), so a repeat is not an inconsistency. No suggestion: which
//! expansion is right is for the writer to say.

use super::{Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "acronym-redefined",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "An acronym is spelt out two different ways.",
        what: "Flags a second definition of an acronym whose expansion differs from the first (“Federal Reserve (FR)” and later “Fire Rescue (FR)”). Defining it again with the same words is left alone.",
        why: "One acronym standing for two things leaves readers unsure which is meant each time it appears. It usually comes from merging texts that used the same letters for different bodies.",
        example: "The Federal Reserve (FR) raised rates.\n\nLater the Fire Rescue (FR) crews arrived.",
        use_instead: "The Federal Reserve (FR) raised rates.\n\nLater the fire and rescue crews arrived.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for group in doc.acronyms().by_acronym() {
        let first = group[0];
        let first_words = content_words(doc.slice(&first.expansion));
        let first_text = doc.slice(&first.expansion).split_whitespace().collect::<Vec<_>>().join(" ");
        for later in &group[1..] {
            let words = content_words(doc.slice(&later.expansion));
            if same_words(&first_words, &words) {
                continue;
            }
            let text = doc.slice(&later.expansion).split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(
                Finding::new(
                    later.range.clone(),
                    format!("“{}” is spelt out here as “{text}”, but earlier as “{first_text}”.", later.acronym),
                )
                .related(first.range.clone(), "the first definition"),
            );
        }
    }
}

/// The expansion's words that give letters, lowercased: "Department of Defense" → ["department", "defense"].
fn content_words(expansion: &str) -> Vec<String> {
    expansion
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty() && !crate::document::acronyms::is_function_word(w))
        .map(str::to_lowercase)
        .collect()
}

fn same_words(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_word(x, y))
}

/// "organization"/"organizations", "democrat"/"democratic": one is the other with a short ending.
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && (long.len() - short.len() <= 3) && (short.len() >= 4 || short == long)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_a_second_different_expansion() {
        let text = "The Federal Reserve (FR) raised rates.\n\nLater the Fire Rescue (FR) crews arrived.\n";
        assert_eq!(flagged(&RULE, text), ["Fire Rescue (FR)"]);
        assert_eq!(&text[run(&RULE, text)[0].related[0].range.clone()], "Federal Reserve (FR)");
        assert_eq!(flagged(&RULE, "The FR (Federal Reserve) met. Then the Fire Rescue (FR) came. Then the FR (Fund Raising) began.\n"), ["Fire Rescue (FR)", "FR (Fund Raising)"]);
    }

    #[test]
    fn the_same_expansion_twice_is_left_alone() {
        assert_clean(
            &RULE,
            &[
                "The Liberal Democratic Party (LDP) won.\n\n## Later\n\nThe Liberal Democratic Party (LDP) governs.\n",
                "The LDP (Liberal Democratic Party) won. The liberal democratic party (LDP) governs.\n",
                "A non-governmental organization (NGO) helped. Other non-governmental organizations (NGOs) did too.\n",
                "The Department of Defense (DoD) spoke. The Department for Defense (DoD) spoke.\n",
                "The Federal Reserve (FR) met. The Fed (FR) is not a definition.\n",
            ],
        );
    }
}
