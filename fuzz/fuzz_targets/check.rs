//! Fuzzes `article_checker::check`, the function the wasm binding calls, with any bytes made into text
//! the way a lossy decoder would, and asserts the report's offset invariants (`tests/common/mod.rs`).
//!
//! Two modes, picked by the first byte: even → the whole input is the text, every rule with default
//! options, exactly as the page runs it; odd → the first byte picks the kind of options (one rule alone,
//! one rule disabled, or a minimum severity), the second byte picks the rule, and the rest is the text,
//! so a rule whose findings are hidden behind another's still runs on its own.

#![no_main]

use article_checker::{check, rules, Config, Severity};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (config, bytes) = match data {
        [mode, rule, rest @ ..] if mode & 1 == 1 => (config_for(mode >> 1, *rule), rest),
        _ => (Config::default(), data),
    };
    let text = String::from_utf8_lossy(bytes);
    let report = check(&text, &config);
    common::assert_valid_report(&text, &report);
});

fn config_for(kind: u8, rule: u8) -> Config {
    let ids: Vec<&str> = rules().map(|r| r.id).collect();
    let id = ids[usize::from(rule) % ids.len()];
    match kind & 3 {
        0 => Config::default().only(&[id]).expect("a registered id"),
        1 => Config::default().disable(id).expect("a registered id"),
        2 => Config::default().min_severity(Severity::Warning),
        _ => Config::default().min_severity(Severity::Error),
    }
}
