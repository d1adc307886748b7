//! # article-checker
//!
//! Checks the structure and consistency of a whole article (a news story, a blog post, a documentation
//! page) and reports each problem with its exact place, an explanation and, where one exists, a fix.
//! The same core runs natively (`cargo test`, the `article-checker` command) and in the browser through
//! the thin wasm binding in `wasm.rs`.
//!
//! The text is parsed once into a [`document::Document`] (lines, blocks, sentences, words, the table of
//! contents); every rule in [`registry::RULES`] reads that model and returns byte-ranged findings; the
//! [`Report`] converts all positions to UTF-16 code units and line/column in one pass.
//!
//! ```
//! use article_checker::{check, Config};
//!
//! let report = check("Prices rose in the the spring.The council met.", &Config::default());
//! let rules: Vec<&str> = report.issues.iter().map(|i| i.rule).collect();
//! assert_eq!(rules, ["repeated-word", "missing-space"]);
//! assert_eq!(report.issues[1].suggestions, ["spring. The"]);
//! ```

/// The text of `data/<name>` without its `#` comment lines (build.rs writes the stripped copies).
macro_rules! data_file {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}
pub(crate) use data_file;

pub mod config;
mod decimal;
pub(crate) mod sort;
pub mod hash;
pub mod document;
pub mod registry;
pub mod report;
pub mod rules;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use config::{Config, ConfigError, Options};
pub use report::{Category, Issue, OutlineEntry, Related, Report, Severity, Stats};
pub use rules::RuleMeta;

use document::Document;
use report::RuleFindings;

/// Checks `text` with the rules `config` enables.
pub fn check(text: &str, config: &Config) -> Report {
    check_observed(text, config, &mut |_| {})
}

/// [`check`], calling `observe` after each stage: `"parse"`, each rule's id once it has run, and
/// `"report"` once the report is built (the document still alive). For measurements
/// (`examples/peak-memory.rs`); not part of the stable API.
#[doc(hidden)]
pub fn check_observed(text: &str, config: &Config, observe: &mut dyn FnMut(&str)) -> Report {
    let doc = Document::parse(text);
    observe("parse");
    let found = registry::RULES
        .iter()
        .enumerate()
        .filter(|&(index, _)| config.runs(index))
        .map(|(_, rule)| {
            let mut findings = Vec::new();
            (rule.check)(&doc, &mut findings);
            observe(rule.meta.id);
            RuleFindings { rule: rule.meta.id, category: rule.meta.category, severity: rule.meta.severity, findings }
        })
        .collect();
    let report = Report::build(&doc, found);
    observe("report");
    report
}

/// Every rule's metadata, in registry order.
pub fn rules() -> impl Iterator<Item = &'static RuleMeta> {
    registry::RULES.iter().map(|r| &r.meta)
}

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
