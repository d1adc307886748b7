//! `spelling-variant`: an article that writes one word two ways ("defence" and "defense", "e-mail" and
//! "email").
//!
//! The groups of variants come from `data/variants.txt` (British and American spellings, hyphenated and
//! closed compounds); inflections are groups of their own, so "organised"/"organized" is counted apart
//! from "organise"/"organize". Pairs where one form is also correct in the other spelling with another
//! meaning ("program", "licence", "practise") are left out of the data.
//!
//! The article's own majority decides: every use of each form is counted and each use of a minority form is
//! flagged, with the majority form (capitalised like the original) as the fix. On a tie the form used first
//! wins. Only words in prose are counted: not words in code, URLs or link targets, not words inside double
//! quotation marks (a quotation keeps its own spelling), and not names: a capitalised form that does not
//! start its sentence ("Ministry of Defence", "Self-Defense Forces"), an all-caps one, or a capitalised one
//! at a sentence start that is followed by another capitalised word ("Defence Secretary") or whose
//! lowercase form the prose never uses ("Labour won the vote").

use super::{capitalize, Rule, RuleMeta};
use crate::document::{BlockKind, Document};
use crate::document::lexicon::with_lowercase;
use crate::report::{Category, Finding, Severity};
use crate::hash::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "spelling-variant",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "A word is spelt two ways in the same article.",
        what: "Counts the British and American spellings (\"defence\", \"defense\") and the hyphenated and closed compounds (\"e-mail\", \"email\") of the same word in the article's prose, and flags each use of the less frequent form. Names (\"Ministry of Defence\"), quotations and code are left out of the count.",
        why: "Switching spellings mid-article reads as careless editing or text pasted from another source, and makes searching the text unreliable.",
        example: "Spending on defense rose. The defense budget grew. Critics said defence was overfunded.",
        use_instead: "Spending on defense rose. The defense budget grew. Critics said defense was overfunded.",
    },
    check,
};

const VARIANTS: &str = crate::data_file!("variants.txt");

/// Lowercase form → (group id, the group's forms).
pub(crate) fn variants() -> &'static HashMap<&'static str, (usize, Vec<&'static str>)> {
    static MAP: OnceLock<HashMap<&'static str, (usize, Vec<&'static str>)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        let groups = VARIANTS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        for (id, line) in groups.enumerate() {
            let forms: Vec<&str> = line.split_whitespace().collect();
            for &form in &forms {
                map.insert(form, (id, forms.clone()));
            }
        }
        map
    })
}

/// One counted use of a form.
struct Use {
    range: Range<usize>,
    form: &'static str,
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let map = variants();
    // Which words start a sentence, a heading, a list item or a table cell.
    let mut starts = vec![false; doc.words.len()];
    for sentence in &doc.sentences {
        if let Some(s) = starts.get_mut(sentence.words.start) {
            *s = sentence.words.start < sentence.words.end;
        }
    }
    for block in &doc.blocks {
        if let Some(s) = starts.get_mut(block.words.start) {
            *s |= block.words.start < block.words.end;
        }
        // A row without words (a delimiter row at the end of the text) has no word after its first.
        if matches!(block.kind, BlockKind::TableRow(_)) && block.words.len() >= 2 {
            let words = doc.words_in(&block.words);
            for (pair, start) in words.windows(2).zip(&mut starts[block.words.start + 1..]) {
                *start = doc.slice(&(pair[0].range.end..pair[1].range.start)).contains('|');
            }
        }
    }
    // Group id → uses in order.
    let mut uses: HashMap<usize, Vec<Use>> = HashMap::default();
    // Per form of the document vocabulary: its entry in the variant table (form and group), looked up
    // at the form's first use as a whole word.
    let vocabulary = doc.vocabulary();
    let mut entries: Vec<Option<Option<(&'static str, usize)>>> = vec![None; vocabulary.len()];
    let entry = |key: &str| map.get_key_value(key).map(|(&form, (group, _))| (form, *group));
    let mut quote_depth = 0usize;
    let mut i = 0;
    while i < doc.words.len() {
        let word = &doc.words[i];
        let index = i;
        i += 1;
        // Quotation marks between the previous word of the block and this one.
        if index == 0 || doc.words[index - 1].block != word.block {
            let block = &doc.blocks[word.block];
            quote_depth = quotes(doc.slice(&(block.content.start.min(word.range.start)..word.range.start)), 0);
        } else {
            quote_depth = quotes(doc.slice(&(doc.words[index - 1].range.end..word.range.start)), quote_depth);
        }
        if word.protected || matches!(doc.blocks[word.block].kind, BlockKind::CodeBlock) {
            continue;
        }
        // A hyphenated compound: this word, "-", the next word.
        let mut range = word.range.clone();
        let mut compound = None;
        if let Some(next) = doc.words.get(i) {
            if next.block == word.block && !next.protected && doc.slice(&(word.range.end..next.range.start)) == "-" {
                let text = doc.slice(&(word.range.start..next.range.end)).to_lowercase();
                if map.contains_key(text.as_str()) {
                    compound = Some(text);
                    range = word.range.start..next.range.end;
                    i += 1;
                }
            }
        }
        // "defence's": the possessive ending is not part of the form.
        let whole = doc.slice(&range);
        if let Some(stem) = whole.strip_suffix("'s").or_else(|| whole.strip_suffix("’s")) {
            range.end = range.start + stem.len();
        }
        let text = doc.slice(&range);
        let found = match compound {
            Some(key) => entry(&key),
            None if range == word.range => *entries[vocabulary.ids()[index] as usize].get_or_insert_with(|| with_lowercase(text, entry)),
            None => with_lowercase(text, entry),
        };
        let Some((form, group)) = found else { continue };
        if quote_depth > 0 || !counts(doc, text, index, i, &starts, form) {
            continue;
        }
        uses.entry(group).or_default().push(Use { range, form });
    }
    let mut groups: Vec<(usize, Vec<Use>)> = uses.into_iter().collect();
    crate::sort::sort_by_key(&mut groups, |(_, u)| u[0].range.start);
    for (_, group_uses) in groups {
        report(doc, &group_uses, out);
    }
}

/// Whether a use spelt `text` (words `first..next` of the document) counts: lowercase, or capitalised
/// as the first word of a sentence and not the start of a name.
fn counts(doc: &Document, text: &str, first: usize, next: usize, starts: &[bool], form: &str) -> bool {
    let mut chars = text.chars();
    let Some(initial) = chars.next() else { return false };
    if chars.any(char::is_uppercase) {
        return false;
    }
    if initial.is_lowercase() {
        return true;
    }
    if !starts[first] || (!form.contains('-') && doc.body_case(form).lower == 0) {
        return false;
    }
    // "Defence Secretary": a capitalised word after it, in the same block and sentence, makes a name.
    match doc.words.get(next) {
        Some(w) if w.block == doc.words[first].block && !starts[next] => !doc.slice(&w.range).starts_with(char::is_uppercase),
        _ => true,
    }
}

/// The quotation depth after reading `gap`: “ opens, ” closes, a straight " toggles.
fn quotes(gap: &str, mut depth: usize) -> usize {
    for c in gap.chars() {
        match c {
            '“' => depth += 1,
            '”' => depth = depth.saturating_sub(1),
            '"' => depth = usize::from(depth == 0),
            _ => {}
        }
    }
    depth
}

fn report(doc: &Document, uses: &[Use], out: &mut Vec<Finding>) {
    // Form → (count, first use index).
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (n, u) in uses.iter().enumerate() {
        match counts.iter_mut().find(|(f, _, _)| *f == u.form) {
            Some(entry) => entry.1 += 1,
            None => counts.push((u.form, 1, n)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most used form; on a tie, the one used first (`counts` is in order of first use).
    let &(majority, most, first) = counts.iter().fold(&counts[0], |best, c| if c.1 > best.1 { c } else { best });
    let tie = counts.iter().any(|c| c.0 != majority && c.1 == most);
    let majority_uses: Vec<&Use> = uses.iter().filter(|u| u.form == majority).take(3).collect();
    for u in uses.iter().filter(|u| u.form != majority) {
        let minority = counts.iter().find(|c| c.0 == u.form).map_or(0, |c| c.1);
        let message = if tie && minority == most {
            format!("“{}” and “{majority}” are both used, as often each ({most} to {minority}); the article writes “{majority}” first.", u.form)
        } else {
            format!("“{}” and “{majority}” are both used; the article mostly writes “{majority}” ({most} to {minority}).", u.form)
        };
        let original = doc.slice(&u.range);
        let suggestion = if original.starts_with(char::is_uppercase) { capitalize(majority) } else { majority.to_string() };
        let mut finding = Finding::new(u.range.clone(), message).suggest(suggestion);
        for (n, m) in majority_uses.iter().enumerate() {
            let what = if n == 0 && uses[first].range == m.range { format!("the first “{majority}”") } else { format!("another “{majority}”") };
            finding = finding.related(m.range.clone(), what);
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::{variants, RULE};
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn the_data_file_has_no_form_in_two_groups() {
        let groups = super::VARIANTS.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let forms: usize = groups.map(|l| l.split_whitespace().count()).sum();
        assert_eq!(forms, variants().len());
        assert!(variants().keys().all(|f| !f.chars().any(char::is_uppercase)));
    }

    #[test]
    fn flags_the_minority_spelling() {
        let text = "Spending on defense rose. The defense budget grew. Critics said defence was overfunded. Defense ministers agreed.";
        assert_eq!(flagged(&RULE, text), ["defence"]);
        let capital = "Spending on defence rose. The defence budget grew. Our defense grew. Defense ministers agreed.";
        assert_eq!(flagged(&RULE, capital), ["defense", "Defense"]);
        assert_eq!(run(&RULE, capital)[1].suggestions, ["Defence"]);
        // A possessive, and a table cell's first word.
        let table = "Our defence grew, defence's costs rose and defence won. Their defense fell.\n\n| Area | Plan |\n|---|---|\n| Defense | More |\n";
        assert_eq!(flagged(&RULE, table), ["defense", "Defense"]);
        assert!(run(&RULE, table)[0].message.ends_with("(3 to 2)."));
        assert_eq!(flagged(&RULE, "The defence grew. Our defense's costs rose."), ["defense"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "“defence” and “defense” are both used; the article mostly writes “defense” (3 to 1).");
        assert_eq!(found[0].suggestions, ["defense"]);
        assert_eq!(&text[found[0].related[0].range.clone()], "defense");
        assert_eq!(found[0].related[0].message, "the first “defense”");
    }

    #[test]
    fn a_tie_goes_to_the_first_form_and_capitals_are_kept() {
        let text = "Send an email first.\n\nE-mail is slow.\n";
        assert_eq!(flagged(&RULE, text), ["E-mail"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "“e-mail” and “email” are both used, as often each (1 to 1); the article writes “email” first.");
        assert_eq!(found[0].suggestions, ["Email"]);
        assert_eq!(&text[found[0].related[0].range.clone()], "email");
    }

    #[test]
    fn inflections_are_counted_apart() {
        assert_eq!(flagged(&RULE, "They organise it. It was organized well. It is organized again. Organisers came."), Vec::<&str>::new());
        assert_eq!(flagged(&RULE, "The organisation grew. The organization was organised."), ["organization"]);
    }

    #[test]
    fn names_quotations_and_code_are_left_alone() {
        assert_clean(
            &RULE,
            &[
                // Names: capitalised inside a sentence, all caps, or followed by a capitalised word.
                "The Ministry of Defence said defense spending rose. The defense budget grew.",
                "Japan Self-Defense Forces train. Britain's defence grew. DEFENSE is a word.",
                "Defense Secretary Hegseth spoke. Our defence grew.",
                // A capitalised sentence start whose lowercase form the prose never uses.
                "Labour won the vote. Wages and labor costs rose.",
                // Quotations and code keep their own spelling.
                "Our defense grew. “Britain's defence matters,” he said. Run `defence --help` now.",
                "Our defense grew. \"Britain's defence matters,\" he said.",
                // Hyphen chains and other words.
                "Send an email. Then read the mail-in ballot and the e-commerce page.",
            ],
        );
    }
}
