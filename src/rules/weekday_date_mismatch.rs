//! `weekday-date-mismatch`: a date whose weekday is wrong, "Tuesday, October 28, 2024" (a Monday).
//!
//! Reads dates word by word: a capitalised weekday ("Tuesday", "Tue.") followed by a month and a day
//! ("October 28", "Oct. 28th") or a day and a month ("28 October", "the 28th of October"), then an
//! optional year. The weekday is computed with the proleptic Gregorian calendar (days from the civil
//! date, no crate).
//!
//! The year must be known. Either the expression states it, or the article states exactly one distinct
//! year in its dates ("Month D, YYYY", "D Month YYYY", "Month YYYY", ISO "YYYY-MM-DD"), and no other
//! year-like number (a bare "2023", "(2023)") appears anywhere: with several years in the article nothing
//! is inferred and nothing is flagged. A date without a weekday has nothing to check; an impossible date
//! ("February 30") is left alone. Code and protected spans (URLs, code spans) are skipped.

use super::{capitalize, number_at, Rule, RuleMeta};
use crate::document::{BlockKind, Document, Word};
use crate::report::{Category, Finding, Severity};
use std::ops::Range;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "weekday-date-mismatch",
        category: Category::Consistency,
        severity: Severity::Warning,
        summary: "A weekday does not match its date.",
        what: "Flags a date such as “Tuesday, October 28, 2024” whose weekday is not the one that date falls on. The year is the one stated in the date, or the article's only year when it states exactly one; with several years nothing is inferred.",
        why: "A weekday that contradicts its date leaves the reader unsure which day is meant, and usually shows that the date or the day was edited without the other.",
        example: "The summit opened on Tuesday, October 28, 2024.",
        use_instead: "The summit opened on Monday, October 28, 2024.",
    },
    check,
};

const WEEKDAYS: [&str; 7] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// Weekday index (0 = Sunday) of a capitalised weekday name or abbreviation, and whether it is the full name.
fn weekday_of(word: &str) -> Option<(usize, bool)> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    if let Some(index) = WEEKDAYS.iter().position(|&d| d == lower) {
        return Some((index, true));
    }
    let index = match lower.as_str() {
        "sun" => 0,
        "mon" => 1,
        "tue" | "tues" => 2,
        "wed" => 3,
        "thu" | "thur" | "thurs" => 4,
        "fri" => 5,
        "sat" => 6,
        _ => return None,
    };
    Some((index, false))
}

/// Month number (1-12) of a capitalised month name or abbreviation.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() < 3 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    if let Some(index) = MONTHS.iter().position(|&m| m == lower) {
        return Some(index as u32 + 1);
    }
    let index = match lower.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(index)
}

/// A day of the month: "28", "28th", "1st".
fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year: four digits, 1000-2999.
pub(crate) fn year_of(word: &str) -> Option<i64> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok()).flatten().filter(|y| (1000..3000).contains(y))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Weekday (0 = Sunday) of a date, or `None` for an impossible date.
fn weekday(year: i64, month: u32, day: u32) -> Option<usize> {
    (day <= days_in_month(year, month)).then(|| (days_from_civil(year, month, day) + 4).rem_euclid(7) as usize)
}

/// Whether the text between two words of a date is only spaces with at most one "," or ".": ", ", ". ", " ".
fn date_gap(gap: &str) -> bool {
    gap.len() <= 4 && !gap.contains('\n') && gap.trim_matches(' ').len() <= 2 && gap.chars().all(|c| matches!(c, ' ' | ',' | '.'))
}

/// A date after a weekday: the words from `at` on.
struct DateAfter {
    month: u32,
    day: u32,
    year: Option<(i64, Range<usize>)>,
    /// From the weekday to the last word of the date.
    end: usize,
}

/// Reads "October 28[th][, 2024]", "28[th] October[ 2024]" or "the 28th of October[, 2024]" starting at
/// word `at`, all words in one block with date-like gaps.
fn date_after(doc: &Document, at: usize) -> Option<DateAfter> {
    let words = &doc.words;
    let first = words.get(at)?;
    let text = |k: usize| words.get(k).filter(|w| w.block == first.block && !w.protected).map(|w| doc.slice(&w.range));
    let joined = |k: usize| words.get(k).is_some_and(|w| w.block == first.block && date_gap(doc.slice(&(words[k - 1].range.end..w.range.start))));
    let (month, day, mut last) = if let Some(month) = text(at).and_then(month_of) {
        let day = text(at + 1).filter(|_| joined(at + 1)).and_then(day_of)?;
        (month, day, at + 1)
    } else {
        let mut k = at;
        if text(k).is_some_and(|t| t.eq_ignore_ascii_case("the")) {
            k += 1;
        }
        let day = text(k).filter(|_| k == at || joined(k)).and_then(day_of)?;
        k += 1;
        if text(k) == Some("of") && joined(k) {
            k += 1;
        }
        let month = text(k).filter(|_| joined(k)).and_then(month_of)?;
        (month, day, k)
    };
    let mut year = None;
    if let Some(y) = text(last + 1).filter(|_| joined(last + 1)).and_then(year_of) {
        // "October 28, 2024" but not "October 28, 2024.5" or "28 October 2024-25".
        let continues = words.get(last + 2).is_some_and(|w| w.block == first.block && matches!(doc.slice(&(words[last + 1].range.end..w.range.start)), "." | "," | "-" | "–" | "/"));
        if !continues {
            year = Some((y, words[last + 1].range.clone()));
            last += 1;
        }
    }
    Some(DateAfter { month, day, year, end: last })
}

/// Every year the article states, in order: `(year, range, in_a_date)`. A year in a date is one after a
/// month ("October 28, 2024", "28 October 2024", "September 2024") or an ISO date; any other four-digit
/// number 1800-2199 standing alone counts as a bare year.
fn stated_years(doc: &Document) -> Vec<(i64, Range<usize>, bool)> {
    let mut years = Vec::new();
    let words = &doc.words;
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if word.protected || matches!(doc.blocks[word.block].kind, BlockKind::CodeBlock) {
            i += 1;
            continue;
        }
        let text = doc.slice(&word.range);
        let same_block = |k: usize| words.get(k).filter(|w: &&Word| w.block == word.block && !w.protected);
        let gap = |k: usize| doc.slice(&(words[k - 1].range.end..words[k].range.start));
        if month_of(text).is_some() {
            let mut k = i + 1;
            if same_block(k).is_some_and(|w| date_gap(gap(k)) && day_of(doc.slice(&w.range)).is_some()) {
                k += 1;
            }
            if let Some(y) = same_block(k).filter(|_| date_gap(gap(k))).and_then(|w| year_of(doc.slice(&w.range))) {
                years.push((y, words[k].range.clone(), true));
                i = k + 1;
                continue;
            }
            i += 1;
            continue;
        }
        let Some(number) = number_at(doc, i) else {
            i += 1;
            continue;
        };
        i = number.words.end;
        let Some(year) = (number.words.len() == 1).then(|| year_of(text)).flatten() else { continue };
        // "2024-10-28": an ISO date.
        let iso = same_block(i).is_some_and(|w| gap(i) == "-" && doc.slice(&w.range).len() == 2) && same_block(i + 1).is_some_and(|w| gap(i + 1) == "-" && doc.slice(&w.range).len() == 2);
        let before = doc.text[..word.range.start].chars().next_back();
        let after = doc.text[word.range.end..].chars().next();
        let is_amount = matches!(before, Some('$' | '€' | '£' | '¥')) || matches!(after, Some('%'));
        if iso || ((1800..2200).contains(&year) && !is_amount) {
            years.push((year, word.range.clone(), iso));
        }
    }
    years
}

fn check(doc: &Document, out: &mut Vec<Finding>) {
    let mut inferred: Option<Option<(i64, Range<usize>)>> = None;
    let words = &doc.words;
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        i += 1;
        if word.protected || matches!(doc.blocks[word.block].kind, BlockKind::CodeBlock) {
            continue;
        }
        let Some((weekday_index, full)) = weekday_of(doc.slice(&word.range)) else { continue };
        // "The Sun, October 28": a newspaper, not a day.
        if !full && i >= 2 && words[i - 2].block == word.block && doc.slice(&words[i - 2].range).eq_ignore_ascii_case("the") {
            continue;
        }
        if words.get(i).is_none_or(|w| w.block != word.block || !date_gap(doc.slice(&(word.range.end..w.range.start)))) {
            continue;
        }
        let Some(date) = date_after(doc, i) else { continue };
        let range_of_date = word.range.start..words[date.end].range.end;
        i = date.end + 1;
        let (year, stated_at) = match date.year {
            Some((year, _)) => (year, None),
            None => {
                let only = inferred.get_or_insert_with(|| {
                    let years = stated_years(doc);
                    let first = years.first()?.0;
                    if years.iter().any(|y| y.0 != first) {
                        return None;
                    }
                    years.into_iter().find(|y| y.2).map(|(y, range, _)| (y, range))
                });
                match only {
                    Some((year, range)) => (*year, Some(range.clone())),
                    None => continue,
                }
            }
        };
        let Some(actual) = weekday(year, date.month, date.day) else { continue };
        if actual == weekday_index {
            continue;
        }
        let written = doc.slice(&word.range);
        let right = if full { WEEKDAYS[actual].to_string() } else { WEEKDAYS[actual][..3].to_string() };
        let right = if written.len() > 1 && written.chars().all(|c| c.is_ascii_uppercase()) { right.to_ascii_uppercase() } else { capitalize(&right) };
        let month_name = capitalize(MONTHS[date.month as usize - 1]);
        let quoted = doc.slice(&range_of_date);
        let finding = match stated_at {
            None => Finding::new(word.range.clone(), format!("“{quoted}” does not match its date: {month_name} {}, {year} is a {}.", date.day, capitalize(WEEKDAYS[actual]))),
            Some(range) => Finding::new(
                word.range.clone(),
                format!("“{quoted}” does not match its date: in {year}, the only year the article gives, {month_name} {} is a {}.", date.day, capitalize(WEEKDAYS[actual])),
            )
            .related(range, format!("the year {year}, stated here")),
        };
        out.push(finding.suggest(right));
    }
}

#[cfg(test)]
mod tests {
    use super::{weekday, RULE};
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn computes_weekdays() {
        assert_eq!(weekday(1970, 1, 1), Some(4));
        assert_eq!(weekday(2025, 10, 28), Some(2));
        assert_eq!(weekday(2024, 10, 28), Some(1));
        assert_eq!(weekday(2000, 2, 29), Some(2));
        assert_eq!(weekday(1900, 2, 29), None);
        assert_eq!(weekday(2023, 2, 30), None);
        assert_eq!(weekday(1600, 3, 1), Some(3));
    }

    #[test]
    fn flags_a_weekday_that_does_not_match_the_stated_year() {
        assert_eq!(flagged(&RULE, "The summit opened on Tuesday, October 28, 2024."), ["Tuesday"]);
        assert_eq!(flagged(&RULE, "It opened on Tue. Oct. 28th, 2024 in Tokyo."), ["Tue"]);
        assert_eq!(flagged(&RULE, "It opened on Wednesday 28 October 2025."), ["Wednesday"]);
        assert_eq!(flagged(&RULE, "It opened on Friday the 28th of October 2025."), ["Friday"]);
        let found = run(&RULE, "It opened on Tuesday, October 28, 2024.");
        assert_eq!(found[0].suggestions, ["Monday"]);
        let found = run(&RULE, "It opened on TUE, OCTOBER 28, 2024.");
        assert_eq!(found[0].suggestions, ["MON"]);
    }

    #[test]
    fn infers_the_only_year_of_the_article() {
        let text = "The report of September 2024 was clear.\n\nLeaders met on Tuesday, October 28th and left on October 29th.";
        assert_eq!(flagged(&RULE, text), ["Tuesday"]);
        let found = run(&RULE, text);
        assert_eq!(&text[found[0].related[0].range.clone()], "2024");
    }

    #[test]
    fn leaves_matching_unknown_and_impossible_dates_alone() {
        assert_clean(
            &RULE,
            &[
                "The summit opened on Tuesday, October 28, 2025.",
                "It opened on Tue. Oct. 28th, 2025.",
                "Leaders met on Tuesday, October 28th.",
                "Leaders met on Tuesday, October 28th. The 2023 figures and the report of September 2024 differ.",
                "Leaders met on Monday, February 30, 2024.",
                "Leaders met on October 28, 2024, a Tuesday by some accounts.",
                "The Sun, October 28, 2024 edition.",
                "Run `Tuesday, October 28, 2024` in the shell.",
                "Tuesday, October 28 and September 2024 and 2025 figures.",
            ],
        );
    }
}
