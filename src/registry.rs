//! Every rule, in one list. Docs, the page's rule list, the CLI and the config validation all read it.
//!
//! Invariant: ids are unique and kebab-case (checked by the registry test). Adding a rule is one line here.

use crate::rules::{self, edit_distance, Rule};

/// All rules, ordered by category and then id.
pub static RULES: &[&Rule] = &[
    &rules::lowercase_sentence_start::RULE,
    &rules::missing_space::RULE,
    &rules::repeated_word::RULE,
    &rules::unbalanced_delimiter::RULE,
    &rules::empty_section::RULE,
    &rules::template_residue::RULE,
    &rules::toc_entry_without_section::RULE,
    &rules::truncated_ending::RULE,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.meta.id == id)
}

/// The known id nearest to a mistyped one (at most two edits away).
pub fn closest_id(id: &str) -> Option<&'static str> {
    RULES.iter().map(|r| (edit_distance(&id.chars().collect::<Vec<_>>(), &r.meta.id.chars().collect::<Vec<_>>()), r.meta.id)).filter(|&(d, _)| d <= 2).min().map(|(_, near)| near)
}
