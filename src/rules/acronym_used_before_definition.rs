//! `acronym-used-before-definition`: an acronym appears in the article's prose before the sentence that
//! spells it out ("… the LDP said. … the Liberal Democratic Party (LDP) …").
//!
//! Reads [`Document::acronyms`]: for each acronym the article defines, the first use in prose (a
//! paragraph, a list item or a table cell) that comes before its first definition is flagged, once per
//! acronym, with the definition as the related place. When that use is the acronym alone ("the LDP", not
//! "LDPs" or "LDP's") the suggestion writes the definition there ("Liberal Democratic Party (LDP)"),
//! which moves the definition to the first use.
//!
//! Left alone: uses in the title, headings and table-of-contents entries (headlines use acronyms the body
//! goes on to define), uses inside quoted speech (a quotation keeps its own words), uses in a block
//! written mostly in capitals (a legal notice's "AS IS" is not the acronym "IS"), and acronyms the
//! article never defines, however well or little known.

use super::{Rule, RuleMeta};
use crate::document::{BlockKind, Document};
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "acronym-used-before-definition",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "An acronym is used before the article spells it out.",
        what: "Finds acronyms the article defines (“Liberal Democratic Party (LDP)” or “LDP (Liberal Democratic Party)”) and flags the first use in the text before that definition. Uses in the title, headings, the table of contents and quotations are left alone, and so are acronyms the article never defines.",
        why: "Readers meet the acronym before they are told what it stands for, and the definition further down comes too late to help. It usually means paragraphs were reordered or the definition was written for a later section.",
        example: "The LDP lost two seats.\n\nThe Liberal Democratic Party (LDP) still governs.",
        use_instead: "The Liberal Democratic Party (LDP) lost two seats.\n\nThe LDP still governs.",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let acronyms = doc.acronyms();
    let mut in_toc = vec![false; doc.blocks.len()];
    for toc in &doc.tocs {
        for entry in &toc.entries {
            in_toc[entry.block] = true;
        }
    }
    // Blocks written mostly in capitals ("THIS ARTICLE IS PROVIDED AS IS"), where "IS" is not an acronym.
    let mut shouting: HashMap<usize, bool> = HashMap::default();
    for group in acronyms.by_acronym() {
        let definition = group[0];
        let before = definition.range.start;
        let first_use = acronyms.uses(&definition.acronym).iter().take_while(|u| u.range.start < before).find(|u| {
            let block = doc.words[u.word].block;
            !matches!(doc.blocks[block].kind, BlockKind::Heading(_))
                && !in_toc[block]
                && doc.quotation_at(u.range.start).is_none()
                && !*shouting.entry(block).or_insert_with(|| mostly_capitals(doc, block))
        });
        let Some(first_use) = first_use else { continue };
        let acronym = &definition.acronym;
        let expansion = doc.slice(&definition.expansion).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut finding = Finding::new(
            first_use.range.clone(),
            format!("“{acronym}” is used before the article spells it out as “{expansion}” further down."),
        )
        .related(definition.range.clone(), "the definition");
        if first_use.bare {
            let sentence_start = doc.sentences.iter().any(|s| s.words.start == first_use.word && s.words.start < s.words.end);
            let mut written = expansion.clone();
            if sentence_start {
                written = super::capitalize(&written);
            }
            finding = finding.suggest(format!("{written} ({acronym})"));
        }
        out.push(finding);
    }
}

/// Whether most of the block's words of two letters or more are written in capitals.
fn mostly_capitals(doc: &Document, block: usize) -> bool {
    let words = doc.words_in(&doc.blocks[block].words).iter().map(|w| doc.slice(&w.range)).filter(|w| w.chars().nth(1).is_some());
    let (mut capitals, mut all) = (0usize, 0usize);
    for w in words {
        all += 1;
        capitals += usize::from(w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase));
    }
    all >= 4 && capitals * 2 > all
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_the_first_prose_use_before_the_definition() {
        let text = "The LDP lost. The LDP's leader spoke.\n\nThe Liberal Democratic Party (LDP) still governs.\n";
        assert_eq!(flagged(&RULE, text), ["LDP"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].suggestions, ["Liberal Democratic Party (LDP)"]);
        assert_eq!(&text[found[0].related[0].range.clone()], "Liberal Democratic Party (LDP)");
        assert_eq!(flagged(&RULE, "Two LDPs met.\n\nThe LDP (Liberal Democratic Party) still governs.\n"), ["LDP"]);
        assert!(run(&RULE, "Two LDPs met.\n\nThe Liberal Democratic Party (LDP) governs.\n")[0].suggestions.is_empty());
        assert_eq!(run(&RULE, "AI is here.\n\nSo is artificial intelligence (AI) in tools.\n")[0].suggestions, ["Artificial intelligence (AI)"]);
        assert_eq!(flagged(&RULE, "- The LDP won.\n\nThe Liberal Democratic Party (LDP) governs.\n"), ["LDP"]);
    }

    #[test]
    fn headings_contents_quotes_and_undefined_acronyms_are_left_alone() {
        assert_clean(
            &RULE,
            &[
                "# LDP wins again\n\nThe Liberal Democratic Party (LDP) won. The LDP now governs.\n",
                "LDP Wins Again\nThe Liberal Democratic Party (LDP) won the vote on Sunday.\nThe LDP now governs.\n",
                "## Contents\n\n- LDP history\n- Outlook\n\n## LDP history\n\nThe Liberal Democratic Party (LDP) was founded in 1955.\n\n## Outlook\n\nThe LDP governs.\n",
                "“The LDP will win,” he said.\n\nThe Liberal Democratic Party (LDP) did win.\n",
                "NATO and the EU met. The UN watched. The NATO summit ended.\n",
                "The ldp is a word. The Liberal Democratic Party (LDP) governs.\n",
                "Run `LDP` now. The Liberal Democratic Party (LDP) governs.\n",
                "THIS SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY.\n\nThe Information Systems (IS) team signed it.\n",
                "The Liberal Democratic Party (LDP) governs. The LDP's leader spoke.\n",
            ],
        );
    }
}
