//! `acronym-unused`: an acronym is spelt out but never used ("Japan Self-Defense Forces (JSDF)" and no
//! other "JSDF" anywhere).
//!
//! Reads [`Document::acronyms`]: an acronym defined exactly once whose letters appear nowhere else in the
//! article (not in the title, headings, lists, tables or quotations, not as "JSDFs" or "JSDF's") is
//! flagged, on the parenthesis that introduces it. The suggestion drops the acronym: " (JSDF)" removed,
//! or "JSDF (Japan Self-Defense Forces)" replaced by the expansion alone.
//!
//! Left alone: acronyms used anywhere else, even only in a headline before the definition (the
//! definition then explains the headline), and acronyms defined twice (`acronym-redefined` looks at
//! those). Info only: an unused acronym costs the reader a few letters, and some house styles give the
//! acronym of major bodies whatever happens next.

use super::{Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "acronym-unused",
        category: Category::Consistency,
        severity: Severity::Info,
        summary: "An acronym is spelt out but never used.",
        what: "Flags an acronym the article defines (“Japan Self-Defense Forces (JSDF)”) and then never uses anywhere, not even in a heading or as a plural or possessive.",
        why: "Introducing an acronym asks the reader to remember it; if it never comes back, the parenthesis is clutter. It often means the later uses were edited out.",
        example: "The Japan Self-Defense Forces (JSDF) took part in the drill.",
        use_instead: "The Japan Self-Defense Forces took part in the drill.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let acronyms = doc.acronyms();
    for group in acronyms.by_acronym() {
        let [definition] = group[..] else { continue };
        if !acronyms.uses(&definition.acronym).is_empty() {
            continue;
        }
        let expansion = doc.slice(&definition.expansion).split_whitespace().collect::<Vec<_>>().join(" ");
        let message = format!("“{}” is defined as “{expansion}” but never used again.", definition.acronym);
        let finding = if definition.acronym_in_parentheses {
            // From the space before "(": "*Japan Self-Defense Forces* (JSDF)" keeps its closing "*".
            let open = definition.acronym_range.start - 1;
            let start = doc.text[..open].trim_end().len().max(definition.expansion.end);
            Finding::new(start..definition.range.end, message).suggest("")
        } else {
            Finding::new(definition.range.clone(), message).suggest(expansion)
        };
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_a_definition_never_used() {
        assert_eq!(flagged(&RULE, "The Japan Self-Defense Forces (JSDF).This aligns.\n"), [" (JSDF)"]);
        assert_eq!(run(&RULE, "The Japan Self-Defense Forces (JSDF) drilled.\n")[0].suggestions, [""]);
        assert_eq!(flagged(&RULE, "The *Japan Self-Defense Forces* (JSDF) drilled.\n"), [" (JSDF)"]);
        let text = "The JSDF (Japan Self-Defense Forces) drilled.\n";
        assert_eq!(flagged(&RULE, text), ["JSDF (Japan Self-Defense Forces)"]);
        assert_eq!(run(&RULE, text)[0].suggestions, ["Japan Self-Defense Forces"]);
        assert_eq!(flagged(&RULE, "The Liberal Democratic Party (LDP) won. The ldp is lowercase. `LDP` is code. LDPX is other.\n"), [" (LDP)"]);
    }

    #[test]
    fn any_other_use_counts() {
        assert_clean(
            &RULE,
            &[
                "The Liberal Democratic Party (LDP) won. The LDP governs.\n",
                "The Liberal Democratic Party (LDP) won. Two LDPs met.\n",
                "The Liberal Democratic Party (LDP) won. The LDP's leader spoke.\n",
                "# LDP wins\n\nThe Liberal Democratic Party (LDP) won.\n",
                "The Liberal Democratic Party (LDP) won.\n\n| Party | Seats |\n|---|---|\n| LDP | 191 |\n",
                "The Liberal Democratic Party (LDP) won. “The LDP is back,” he said.\n",
                "The Liberal Democratic Party (LDP) won. Later the Liberal Democratic Party (LDP) governed.\n",
                "NATO met. Trade grew (2023). Reuters said so (Reuters).\n",
            ],
        );
    }
}
