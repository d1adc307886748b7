//! `table-missing-delimiter`: pipe rows with no `|---|---|` row under the first one.
//!
//! Reads each table of two rows or more (see [`Document::tables`]) and fires when neither of its first
//! two rows is a delimiter row: Markdown then shows the rows as plain text with pipes. The fix offered
//! inserts a delimiter row with the header's number of cells. A single pipe row is left alone (a
//! navigation line or a one-off aside pasted from a web page is not a table), and so is a table that
//! starts with a delimiter row.

use super::{excerpt, Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "table-missing-delimiter",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A pipe table has no `|---|` row under its header, so it is not shown as a table.",
        what: "Flags the first row of a run of two or more `|` rows when the row after it is not a delimiter row such as `|---|---|`, and offers the header with a delimiter row added.",
        why: "Markdown only shows a table when a delimiter row follows the header. Without it the reader sees lines of text full of pipes; the delimiter is often lost when a table is retyped or pasted from a spreadsheet.",
        example: "| Line | Length |\n| Red | 12 km |\n| Blue | 9 km |",
        use_instead: "| Line | Length |\n|---|---|\n| Red | 12 km |\n| Blue | 9 km |",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for table in doc.tables() {
        if table.len() < 2 {
            continue;
        }
        let (Some(header), Some(second)) = (doc.table_row(table.start), doc.table_row(table.start + 1)) else { continue };
        if header.is_delimiter || second.is_delimiter {
            continue;
        }
        let block = &doc.blocks[table.start];
        let header_text = doc.slice(&block.content);
        let line_end = doc.lines[block.lines.end - 1].range.end;
        let newline = if doc.text[line_end..].starts_with("\r\n") { "\r\n" } else { "\n" };
        let delimiter = delimiter_row(header_text, header.cells.len());
        out.push(
            Finding::new(block.content.clone(), format!("The table “{}” has no `|---|` row under its header, so Markdown shows it as plain text.", excerpt(header_text, 40)))
                .suggest(format!("{header_text}{newline}{delimiter}")),
        );
    }
}

/// `|---|---|` for a header with outer pipes, `--- | ---` for one without.
fn delimiter_row(header: &str, cells: usize) -> String {
    if header.starts_with('|') {
        format!("|{}", "---|".repeat(cells.max(1)))
    } else {
        vec!["---"; cells.max(1)].join(" | ")
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_tables_without_a_delimiter_row_and_offers_one() {
        let text = "Fares:\n\n| Zone | Price |\n| A | €2 |\n| B | €3 |\n";
        assert_eq!(flagged(&RULE, text), ["| Zone | Price |"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "The table “| Zone | Price |” has no `|---|` row under its header, so Markdown shows it as plain text.");
        assert_eq!(found[0].suggestions, ["| Zone | Price |\n|---|---|"]);
        assert_eq!(run(&RULE, "| a | b |\r\n| 1 | 2 |\r\n")[0].suggestions, ["| a | b |\r\n|---|---|"]);
        // The delimiter came too late: the rows above it are not a header.
        assert_eq!(flagged(&RULE, "| a | b |\n| 1 | 2 |\n|---|---|\n"), ["| a | b |"]);
    }

    #[test]
    fn leaves_real_tables_and_single_rows_alone() {
        assert_clean(
            &RULE,
            &[
                "| a | b |\n|---|---|\n| 1 | 2 |\n",
                "a | b\n--- | ---\n1 | 2\n",
                "| Home | News | Sport |\n\nText.\n",
                "| a | b |\n\n| 1 | 2 |\n",
                "|---|---|\n| 1 | 2 |\n",
                "```\n| a | b |\n| 1 | 2 |\n```\n",
            ],
        );
    }
}
