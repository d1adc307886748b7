//! Property test: for any text, `check` (the function the wasm binding calls) returns, and every
//! position in its report is valid (`common::assert_valid_report`): ranges inside the text, on UTF-16
//! code point boundaries, start ≤ end, line/column agreeing with start, related ranges and the outline
//! likewise, and no suggestion that leaves the text as it is.
//!
//! Two kinds of input: arbitrary Unicode (weighted towards the characters the parser cares about), and
//! article-like text assembled from the pieces rules look at: headings, list markers, table rows, tables
//! of contents, quotes, brackets, numbers, abbreviations, URLs, CJK, right-to-left text, joiners, NUL
//! and every mix of line endings.
// Native only: `wasm-pack test` builds every test target for wasm32, where proptest is not a dependency
// and 10 MB inputs have no place.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_checker::{check, rules, Config, Severity};
use proptest::prelude::*;
use proptest::test_runner::RngAlgorithm;

/// One character: mostly the ones with meaning to the parser, sometimes anything at all.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(" \n\r\t.,;:!?'\"()[]{}<>#*_-|`~/\\0123456789%$€“”‘’—–…".chars().collect::<Vec<_>>()),
        4 => prop::char::range('a', 'z'),
        1 => prop::char::range('A', 'Z'),
        1 => prop::sample::select(vec!['\0', '\u{200D}', '\u{200B}', '\u{FEFF}', '\u{301}', '\u{202E}', '\u{FFFD}', 'é', 'ß', 'İ', 'ﬁ']),
        1 => prop::sample::select(vec!['日', '本', '。', '、', 'ש', 'ل', 'م', '😀', '👨', '🏽', '𝔘']),
        2 => any::<char>(),
    ]
}

fn unicode_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..400).prop_map(|cs| cs.into_iter().collect())
}

/// A word-sized piece of article text.
fn piece() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        "the", "the the", "The", "council", "Council", "rates", "rose", "in", "2024", "12%", "12 percent", "3.5",
        "1,200", "Mr.", "Dr.", "e.g.", "U.S.", "NASA", "(NASA)", "National Aeronautics and Space Administration",
        "https://example.com/a_(b)?q=1#x", "www.example.org.", "[link](http://x.y/z)", "<b>", "</b>", "“quoted", "words”",
        "\"", "'", "’s", "(", ")", "[", "]", "{", "}", "—", "–", "-", "...", "…", ".", ",", ";", ":", "?", "!",
        "Monday, 3 March 2025", "colour", "color", "organise", "organize", "e-mail", "email", "quickly-moving",
        "日本語の文。", "中文，句子。", "שלום עולם.", "مرحبا بالعالم.", "👨\u{200D}👩\u{200D}👧", "a\u{200D}b", "\0",
        "\u{FEFF}", "cafe\u{301}", "Lorem ipsum dolor sit amet", "[citation needed]", "{{template}}", "TODO", "xxx",
        "lorem", "Click here", "Read more", "Table of Contents", "Contents", "Introduction", "Conclusion", "See also",
    ];
    prop_oneof![
        6 => prop::sample::select(fixed).prop_map(str::to_string),
        2 => "[a-zA-Z]{1,12}",
        1 => "[0-9]{1,6}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (prop::collection::vec(piece(), 0..12), prop::sample::select(vec!["", ".", "?", "!", ":", " ", "  "]))
        .prop_map(|(words, end)| words.join(" ") + end)
}

/// One line of an article, without its terminator.
fn line() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec![
        "", "", "", "# ", "## ", "### ", "#### ", "###### ", "####### ", "#", "- ", "* ", "+ ", "• ", "1. ", "2. ", "3) ",
        "10. ", "a) ", "  - ", "    - ", "\t", "> ", "    ", "1.2 ", "2.1.3 ", "| ", "```", "---", "***", "===",
    ]);
    prop_oneof![
        6 => (prefix, sentence()).prop_map(|(p, s)| p.to_string() + &s),
        1 => prop::collection::vec(sentence(), 0..5).prop_map(|cells| format!("| {} |", cells.join(" | "))),
        1 => prop::collection::vec(prop::sample::select(vec!["---", ":--", "--:", ":-:", ""]), 1..5).prop_map(|c| format!("|{}|", c.join("|"))),
        1 => ("[A-Z][a-z]{0,10}( [A-Za-z]{1,8}){0,3}", "[0-9]{1,3}").prop_map(|(t, p)| format!("{t} .......... {p}")),
        1 => ("[0-9](\\.[0-9]){0,2}\\.?", "[A-Z][a-z]{0,10}( [a-z]{1,8}){0,2}").prop_map(|(n, t)| format!("{n} {t}")),
        1 => Just(String::new()),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((line(), prop::sample::select(vec!["\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n\r", ""])), 0..40)
        .prop_map(|lines| lines.into_iter().map(|(l, end)| l + end).collect())
}

/// Every rule with default options, or one kind of narrower options.
fn config() -> impl Strategy<Value = Config> {
    let ids: Vec<&'static str> = rules().map(|r| r.id).collect();
    prop_oneof![
        4 => Just(Config::default()),
        1 => prop::sample::select(ids.clone()).prop_map(|id| Config::default().only(&[id]).expect("registered")),
        1 => prop::sample::select(ids).prop_map(|id| Config::default().disable(id).expect("registered")),
        1 => prop::sample::select(vec![Severity::Warning, Severity::Error]).prop_map(|s| Config::default().min_severity(s)),
    ]
}

proptest! {
    // XorShift rather than the default ChaCha: unoptimised in the test profile, ChaCha took most of the
    // test's time generating the inputs.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_unicode_text_gives_valid_positions(text in unicode_text(), config in config()) {
        common::assert_valid_report(&text, &check(&text, &config));
    }

    #[test]
    fn article_like_text_gives_valid_positions(text in article(), config in config()) {
        common::assert_valid_report(&text, &check(&text, &config));
    }

    #[test]
    fn article_like_text_mixed_with_any_characters_gives_valid_positions(a in article(), b in unicode_text(), c in article()) {
        let text = a + &b + &c;
        common::assert_valid_report(&text, &check(&text, &Config::default()));
    }
}
