//! Data-driven tests: `tests/fixtures/<rule-id>/bad-*.txt` must produce exactly the findings in the
//! matching `.expected` file (rendered like a compiler diagnostic, so a diff reads well), `good-*.txt`
//! must produce no finding of that rule, and `tests/articles/*.txt` are whole articles checked with
//! every rule against their `.expected`. Run with `UPDATE_EXPECT=1` to rewrite the expected files, then
//! review the diff.
//!
//! Also checks the registry: ids unique and kebab-case, every rule documented, with fixtures, and its
//! documented example flagged while its "use instead" text is not.

use article_checker::{check, registry::RULES, Config, Report};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    out.sort();
    out
}

/// UTF-16 offset → byte offset in `text` (test-side inverse of the report's conversion).
fn byte_offset(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Renders a report as `line:column rule severity`, the source line with carets, message, fixes.
fn render(text: &str, report: &Report) -> String {
    let mut out = String::new();
    for issue in &report.issues {
        let start = byte_offset(text, issue.start);
        let end = byte_offset(text, issue.end);
        let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |p| start + p);
        let caret_end = end.min(line_end).max(start + 1);
        let pad = text[line_start..start].chars().count();
        let width = text[start..caret_end.min(text.len())].chars().count().max(1);
        writeln!(out, "{}:{} {} {}", issue.line, issue.column, issue.rule, issue.severity.as_str()).unwrap();
        writeln!(out, "  | {}", &text[line_start..line_end]).unwrap();
        writeln!(out, "  | {}{}", " ".repeat(pad), "^".repeat(width)).unwrap();
        writeln!(out, "  = {}", issue.message).unwrap();
        for fix in &issue.suggestions {
            writeln!(out, "  fix: {fix:?}").unwrap();
        }
        for related in &issue.related {
            writeln!(out, "  related {}..{}: {}", related.start, related.end, related.message).unwrap();
        }
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}

/// Compares with the `.expected` beside `path`, or rewrites it under UPDATE_EXPECT=1.
fn assert_expected(path: &Path, rendered: &str) -> Result<(), String> {
    let expected_path = path.with_extension("expected");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&expected_path, rendered).unwrap();
        return Ok(());
    }
    let expected = fs::read_to_string(&expected_path).map_err(|e| format!("{}: {e} (run with UPDATE_EXPECT=1)", expected_path.display()))?;
    if expected == rendered {
        Ok(())
    } else {
        Err(format!("{} differs:\n--- expected\n{expected}\n--- got\n{rendered}", expected_path.display()))
    }
}

#[test]
fn rule_fixtures_produce_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    for rule in RULES {
        let id = rule.meta.id;
        let dir = root().join("fixtures").join(id);
        let config = Config::default().only(&[id]).unwrap();
        let bad = files(&dir, "bad-");
        let good = files(&dir, "good-");
        assert!(!bad.is_empty() && !good.is_empty(), "{id}: needs bad-*.txt and good-*.txt fixtures in {}", dir.display());
        for path in bad {
            let text = fs::read_to_string(&path).unwrap();
            let report = check(&text, &config);
            if report.issues.is_empty() {
                failures.push(format!("{}: expected findings, got none", path.display()));
            }
            if let Err(e) = assert_expected(&path, &render(&text, &report)) {
                failures.push(e);
            }
        }
        for path in good {
            let text = fs::read_to_string(&path).unwrap();
            let report = check(&text, &config);
            if !report.issues.is_empty() {
                failures.push(format!("{} must stay clean, got:\n{}", path.display(), render(&text, &report)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn whole_articles_produce_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    let articles = files(&root().join("articles"), "");
    assert!(!articles.is_empty());
    for path in articles {
        let text = fs::read_to_string(&path).unwrap();
        let report = check(&text, &Config::default());
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("clean-") && !report.issues.is_empty() {
            failures.push(format!("{} must stay clean, got:\n{}", path.display(), render(&text, &report)));
        }
        if let Err(e) = assert_expected(&path, &render(&text, &report)) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn registry_ids_are_unique_kebab_case_and_documented() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.meta.id).collect();
    for id in &ids {
        assert!(id.split('-').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())), "{id} is not kebab-case");
    }
    for rule in RULES {
        let m = &rule.meta;
        for (field, value) in [("summary", m.summary), ("what", m.what), ("why", m.why), ("example", m.example), ("use_instead", m.use_instead)] {
            assert!(value.trim().len() > 10, "{}: {field} is missing", m.id);
        }
    }
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate rule ids");
}

#[test]
fn each_rules_documented_example_behaves_as_documented() {
    for rule in RULES {
        let m = &rule.meta;
        let config = Config::default().only(&[m.id]).unwrap();
        assert!(!check(m.example, &config).issues.is_empty(), "{}: its example is not flagged", m.id);
        let fixed = check(m.use_instead, &config);
        assert!(fixed.issues.is_empty(), "{}: its 'use instead' text is flagged: {:?}", m.id, fixed.issues);
    }
}

/// docs/rules.md is generated from the rules' own metadata; this test fails when it is stale.
#[test]
fn rule_docs_are_generated_from_the_registry() {
    let mut doc = String::from("# Rules\n\nGenerated from each rule's metadata by `UPDATE_EXPECT=1 cargo test --test fixtures`; do not edit by hand.\n\n| rule | category | severity | flags |\n|---|---|---|---|\n");
    for rule in RULES {
        let m = &rule.meta;
        writeln!(doc, "| [`{}`](#{}) | {} | {} | {} |", m.id, m.id, m.category.as_str(), m.severity.as_str(), m.summary.replace('|', "\\|")).unwrap();
    }
    for rule in RULES {
        let m = &rule.meta;
        write!(doc, "\n## `{}`\n\n*{} · {}* — {}\n\n### What it does\n\n{}\n\n### Why is this bad?\n\n{}\n\n### Example\n\n```text\n{}\n```\n\nUse instead:\n\n```text\n{}\n```\n", m.id, m.category.as_str(), m.severity.as_str(), m.summary, m.what, m.why, m.example, m.use_instead).unwrap();
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &doc).unwrap();
    }
    assert_eq!(fs::read_to_string(&path).unwrap_or_default(), doc, "docs/rules.md is stale: run UPDATE_EXPECT=1 cargo test --test fixtures");
}
