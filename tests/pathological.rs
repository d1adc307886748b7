//! Pathological inputs: each must return without panicking, with every position valid
//! (`common::assert_valid_report`), and with the number of findings one can know in advance where one
//! can. The time each input takes is printed (`cargo test --test pathological -- --nocapture`); nothing
//! here is a timed assertion, but a quadratic rule would make this file take minutes, not seconds.
//!
//! Also the regression inputs the property test and the fuzz target found.
// Native only: `wasm-pack test` builds every test target for wasm32, where proptest is not a dependency
// and 10 MB inputs have no place.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_checker::{check, Config, Report};
use std::time::Instant;

/// Checks `text` with every rule, prints the time and count, and asserts the report's invariants.
fn run(name: &str, text: &str) -> Report {
    let started = Instant::now();
    let report = check(text, &Config::default());
    let elapsed = started.elapsed();
    common::assert_valid_report(text, &report);
    let mut by_rule: Vec<(&str, usize)> = Vec::new();
    for issue in &report.issues {
        match by_rule.iter_mut().find(|(r, _)| *r == issue.rule) {
            Some((_, n)) => *n += 1,
            None => by_rule.push((issue.rule, 1)),
        }
    }
    eprintln!(
        "{name}: {:.1} KB in {:.0} ms, {} findings {by_rule:?}",
        text.len() as f64 / 1024.0,
        elapsed.as_secs_f64() * 1000.0,
        report.issues.len()
    );
    assert!(report.issues.len() <= text.len() + 1, "{name}: more findings than bytes");
    report
}

/// Deterministic, varied article prose of at least `size` bytes: seeded word choice, sentences of 6 to
/// 20 words, paragraphs of 2 to 6 sentences, a heading every few paragraphs, some lists and tables.
fn prose(size: usize, seed: u64) -> String {
    const WORDS: &[&str] = &[
        "the", "council", "said", "water", "rates", "would", "rise", "in", "April", "after", "a", "vote", "of", "members",
        "households", "pay", "more", "each", "month", "pipes", "are", "old", "and", "leaks", "waste", "board", "plans",
        "to", "replace", "network", "over", "ten", "years", "critics", "argued", "costs", "should", "fall", "first",
        "residents", "questioned", "whether", "increase", "was", "needed", "budget", "report", "showed", "spending",
        "on", "repairs", "doubled", "since", "2019", "while", "income", "grew", "slowly", "officials", "expect",
        "savings", "from", "new", "meters", "that", "detect", "problems", "early", "Mayor", "Ruiz", "Valley", "Tokyo",
        "12%", "€4.10", "3.5", "million", "policy", "region", "trade", "security", "summit", "leaders", "agreed",
    ];
    let mut state = seed | 1;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut out = String::with_capacity(size + 1024);
    let mut paragraph = 0usize;
    while out.len() < size {
        if paragraph % 5 == 0 {
            let words: Vec<&str> = (0..2 + next(5)).map(|_| WORDS[next(WORDS.len())]).collect();
            let heading = capitalize(&words.join(" "));
            out.push_str(&format!("{heading} {paragraph}\n"));
        }
        match next(12) {
            0 => {
                for i in 0..2 + next(4) {
                    out.push_str(&format!("- {} {} {}\n", WORDS[next(WORDS.len())], WORDS[next(WORDS.len())], i));
                }
            }
            1 => {
                out.push_str("| Item | Cost | Year |\n|---|---|---|\n");
                for _ in 0..2 + next(4) {
                    out.push_str(&format!("| {} | {} | {} |\n", WORDS[next(WORDS.len())], next(1000), 2000 + next(30)));
                }
            }
            _ => {
                for _ in 0..2 + next(5) {
                    let n = 6 + next(15);
                    let sentence: Vec<&str> = (0..n).map(|_| WORDS[next(WORDS.len())]).collect();
                    out.push_str(&capitalize(&sentence.join(" ")));
                    out.push_str(". ");
                }
                out.push('\n');
            }
        }
        out.push('\n');
        paragraph += 1;
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

#[test]
fn empty_text_has_no_findings() {
    let report = run("empty", "");
    assert!(report.issues.is_empty() && report.outline.is_empty() && report.contents.is_empty());
}

#[test]
fn white_space_only_has_no_findings() {
    let text = " \t\n \r\n\u{a0}\u{3000}\u{2003}\n\n\t\t  ".repeat(1000);
    assert!(run("white space only", &text).issues.is_empty());
}

#[test]
fn ten_megabytes_of_prose() {
    let text = prose(10 * 1024 * 1024, 0x5eed);
    let report = run("10 MB of prose", &text);
    assert!(report.stats.paragraphs > 10_000, "{:?}", report.stats);
}

#[test]
fn one_line_of_two_megabytes() {
    let text = prose(2 * 1024 * 1024, 7).replace('\n', " ");
    let report = run("one 2 MB line", &text);
    assert!(report.issues.iter().all(|i| i.line == 1));
}

#[test]
fn a_million_newlines_have_no_findings() {
    let report = run("1,000,000 newlines", &"\n".repeat(1_000_000));
    assert!(report.issues.is_empty());
    let report = run("1,000,000 CR LF", &"\r\n".repeat(1_000_000));
    assert!(report.issues.is_empty());
}

#[test]
fn a_hundred_thousand_headings() {
    let text: String = (0..100_000).map(|i| format!("## Section number {i}\n\nThe text of section {i} is short.\n\n")).collect();
    let report = run("100,000 Markdown headings with text", &text);
    assert_eq!(report.outline.len(), 100_000);
    let text = "# Heading\n".repeat(100_000);
    run("100,000 identical bare headings", &text);
    let text: String = (0..100_000).map(|i| format!("Heading Line {i}\nText here.\n")).collect();
    run("100,000 plain-text headings", &text);
}

#[test]
fn a_hundred_thousand_unclosed_brackets() {
    let report = run("100,000 ( in one line", &"(".repeat(100_000));
    assert!(report.issues.iter().any(|i| i.rule == "unbalanced-delimiter"));
    let text: String = (0..100_000).map(|i| format!("Item ({i} and [more {{ text “quoted. ")).collect();
    run("100,000 unclosed (, [, {, “ in prose", &text);
    let text: String = (0..100_000).map(|i| format!("Paragraph ({i} is open.\n\n")).collect();
    run("100,000 paragraphs with an unclosed (", &text);
}

#[test]
fn only_punctuation() {
    let text = ".,;:!?()[]{}\"“”‘’'*_-–—…#|>`~/\\@&%$€".repeat(20_000);
    run("only punctuation, one line", &text);
    let lines: String = ".,;:!?()[]{}\"“”‘’'*_-–—…#|>`~/\\@&%$€".chars().cycle().take(200_000).flat_map(|c| [c, '\n']).collect();
    run("only punctuation, one character a line", &lines);
}

#[test]
fn nul_bytes() {
    assert!(run("NUL bytes only", &"\0".repeat(100_000)).issues.is_empty());
    let text = "The\0 council\0 met.\0The the\0 vote\0\n\0# \0Heading\0\n| a\0 | b |\n".repeat(10_000);
    run("NUL bytes in prose", &text);
}

#[test]
fn right_to_left_text() {
    let text = "مرحبا بالعالم. هذا نص عربي (مع قوس.\n\nשלום עולם. זה טקסט בעברית, עם “מרכאות”.\n# כותרת\n\u{202E}reversed text\u{202C} and \u{200F}marks\u{200E}.\n".repeat(20_000);
    run("right-to-left text", &text);
}

#[test]
fn zero_width_joiners() {
    let text = "Family 👨\u{200D}👩\u{200D}👧\u{200D}👦 and flag 🏳\u{FE0F}\u{200D}🌈 in a\u{200D}b word\u{200D}. Ze\u{200B}ro wi\u{2060}dth.\n".repeat(20_000);
    run("zero-width joiners", &text);
    run("joiners only", &"\u{200D}".repeat(100_000));
}

#[test]
fn text_from_invalid_utf8() {
    let bytes: Vec<u8> = (0..300_000u32).map(|i| match i % 7 {
        0 => 0xC3,
        1 => 0x28,
        2 => 0xE2,
        3 => 0x82,
        4 => b'a',
        5 => 0xF0,
        _ => b'\n',
    }).collect();
    let text = String::from_utf8_lossy(&bytes);
    run("invalid UTF-8 decoded lossily", &text);
    // UTF-16 with lone surrogates, decoded lossily as a JavaScript string would reach Rust.
    let units: Vec<u16> = (0..200_000u32).map(|i| [0xD800, b'a'.into(), 0xDC00, 0xDBFF, b'\n'.into(), 0xDFFF, 0xD83D, 0xDE00][i as usize % 8]).collect();
    run("lone surrogates decoded lossily", &String::from_utf16_lossy(&units));
}

#[test]
fn binary_junk() {
    let mut state = 0x9e3779b97f4a7c15u64;
    let bytes: Vec<u8> = (0..1_000_000)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect();
    run("1 MB of random bytes", &String::from_utf8_lossy(&bytes));
    let chars: String = (0..300_000u32).map(|i| char::from_u32(i.wrapping_mul(2_654_435_761) % 0x11_0000).unwrap_or('\u{FFFD}')).collect();
    run("300,000 random code points", &chars);
}

/// Found by the property test: a table delimiter row at the very end of the text has no words, and
/// spelling-variant sliced the word list one past its end.
#[test]
fn regression_table_delimiter_row_at_the_end() {
    for text in ["|---|\n", "|---|", "Text.\n|---|---|", "| a |\n|---|"] {
        run("table delimiter row at the end", text);
    }
}

/// Found by the fuzz target: the same contents pasted twice. The second list's entries found their
/// headings already claimed by the first, and toc-entry-without-section suggested each heading as the
/// fix for itself (“lists “Costs Today”, but the section is headed “Costs Today””).
#[test]
fn regression_contents_listed_twice() {
    let text = "Intro text here.\nContents\n- Costs Today\n- Outlook Ahead\nContents\n- Costs Today\n- Outlook Ahead\nCosts Today\nThe line costs a lot.\nOutlook Ahead\nThe first trams run in 2029.\n";
    let report = run("contents listed twice", text);
    assert!(report.issues.iter().all(|i| i.rule != "toc-entry-without-section"), "{:?}", report.issues);
}

/// Found by the property test: “º” is a lowercase letter without a capital, and
/// lowercase-sentence-start suggested replacing it with itself.
#[test]
fn regression_lowercase_letter_without_a_capital() {
    for text in ["\u{feff}Text. º \u{202e}?", "The end. º is an ordinal sign. ª too."] {
        let report = run("lowercase letter without a capital", text);
        assert!(report.issues.iter().all(|i| i.rule != "lowercase-sentence-start"), "{:?}", report.issues);
    }
}

/// Found by the fuzz target (2026-12-05): a scraped article whose engagement call was itself a question
/// to the reader. template-residue merged two calls whose ranges overlapped and sliced the text
/// backwards, a panic that in the browser would have lost the whole report.
#[test]
fn regression_overlapping_engagement_calls() {
    let text = "City Council Approves New Tram Line\nThe trams will run every six minutes.\nWhat do you think about the new line? Will you use it? Let us know in the comment you think about the new line? Will you use it? Let us know in the comments below.\nSubscribe to our newsletter\n";
    let report = run("overlapping engagement calls", text);
    let residue: Vec<&str> = report.issues.iter().filter(|i| i.rule == "template-residue").map(|i| &text[i.start..i.end]).collect();
    assert_eq!(
        residue,
        ["What do you think about the new line? Will you use it? Let us know in the comment you think about the new line? Will you use it? Let us know in the comments below.", "Subscribe to our newsletter"]
    );
}
