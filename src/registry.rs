//! Every rule, in one list. Docs, the page's rule list, the CLI and the config validation all read it.
//!
//! Invariant: ids are unique and kebab-case (checked by the registry test). Adding a rule is one line here.

use crate::rules::{self, edit_distance, Rule};

/// All rules, ordered by category and then id.
pub static RULES: &[&Rule] = &[
    &rules::duplicate_heading::RULE,
    &rules::duplicate_paragraph::RULE,
    &rules::duplicate_sentence::RULE,
    &rules::empty_section::RULE,
    &rules::heading_case::RULE,
    &rules::heading_ends_with_period::RULE,
    &rules::heading_level_skip::RULE,
    &rules::list_numbering::RULE,
    &rules::mixed_list_markers::RULE,
    &rules::section_missing_from_toc::RULE,
    &rules::single_item_list::RULE,
    &rules::table_cell_count::RULE,
    &rules::table_empty_header::RULE,
    &rules::table_missing_delimiter::RULE,
    &rules::template_residue::RULE,
    &rules::toc_entry_without_section::RULE,
    &rules::toc_numbering::RULE,
    &rules::toc_out_of_order::RULE,
    &rules::truncated_ending::RULE,
    &rules::acronym_redefined::RULE,
    &rules::acronym_unused::RULE,
    &rules::acronym_used_before_definition::RULE,
    &rules::conflicting_number::RULE,
    &rules::conflicting_title::RULE,
    &rules::glued_possessive::RULE,
    &rules::inconsistent_capitalization::RULE,
    &rules::lowercase_proper_noun::RULE,
    &rules::mixed_dash_style::RULE,
    &rules::mixed_percent_style::RULE,
    &rules::mixed_quote_style::RULE,
    &rules::spelling_variant::RULE,
    &rules::weekday_date_mismatch::RULE,
    &rules::hyphenated_ly_adverb::RULE,
    &rules::lowercase_sentence_start::RULE,
    &rules::missing_space::RULE,
    &rules::misspelled_word::RULE,
    &rules::repeated_word::RULE,
    &rules::unbalanced_delimiter::RULE,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.meta.id == id)
}

/// The known id nearest to a mistyped one (at most two edits away).
pub fn closest_id(id: &str) -> Option<&'static str> {
    RULES.iter().map(|r| (edit_distance(&id.chars().collect::<Vec<_>>(), &r.meta.id.chars().collect::<Vec<_>>()), r.meta.id)).filter(|&(d, _)| d <= 2).min().map(|(_, near)| near)
}
