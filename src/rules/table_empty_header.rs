//! `table-empty-header`: a column whose header cell is empty.
//!
//! Reads the header of each table that has a delimiter row under it (a real Markdown table) and flags
//! every empty header cell from the second column on, with its pipes, naming the column (1-based) and
//! linking the column's first value. Left alone: an empty first cell (the corner above row labels, as
//! in `|   | 2023 | 2024 |`), a header whose cells are all empty (the usual way to write a table without
//! a header), and pipe rows without a delimiter row, whose first row may not be a header at all.

use super::{excerpt, Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "table-empty-header",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A table column has no header.",
        what: "Flags an empty header cell in a Markdown table, from the second column on. An empty top-left cell above row labels and an all-empty header row (a table without headers) are left alone.",
        why: "A column without a header leaves readers guessing what its values mean, and screen readers announce nothing for it. It usually means a header was deleted, or a stray `|` added an empty column.",
        example: "| Line | | Stops |\n|---|---|---|\n| Red | 12 km | 18 |",
        use_instead: "| Line | Length | Stops |\n|---|---|---|\n| Red | 12 km | 18 |",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for table in doc.tables() {
        let (Some(header), Some(delimiter)) = (doc.table_row(table.start), doc.table_row(table.start + 1)) else { continue };
        if header.is_delimiter || !delimiter.is_delimiter || table.len() < 2 || header.cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let row = &doc.blocks[table.start].content;
        for (column, cell) in header.cells.iter().enumerate().skip(1) {
            if !cell.is_empty() {
                continue;
            }
            // The cell with its pipes: a zero-width range would not show as a highlight.
            let open = doc.text[row.start..cell.start].rfind('|').map_or(row.start, |p| row.start + p);
            let close = if doc.text[cell.start..row.end].starts_with('|') { cell.start + 1 } else { row.end };
            let mut finding = Finding::new(open..close, format!("Column {} of the table “{}” has no header.", column + 1, excerpt(doc.slice(row), 40)));
            let first_value = (table.start + 2..table.end).filter_map(|i| doc.table_row(i)).find_map(|r| r.cells.get(column).filter(|c| !c.is_empty()));
            if let Some(value) = first_value {
                finding = finding.related(value.clone(), "the column's first value");
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_empty_header_cells_with_their_pipes() {
        let text = "| Line | | Stops |\n|---|---|---|\n| Red | 12 km | 18 |\n";
        assert_eq!(flagged(&RULE, text), ["| |"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "Column 2 of the table “| Line | | Stops |” has no header.");
        assert_eq!(&text[found[0].related[0].range.clone()], "12 km");
        assert_eq!(flagged(&RULE, "| a | b ||\n|---|---|---|\n| 1 | 2 | 3 |\n"), ["||"]);
        assert_eq!(flagged(&RULE, "a |  | c\n--- | --- | ---\n1 | 2 | 3\n"), ["|  |"]);
    }

    #[test]
    fn leaves_corner_cells_headerless_tables_and_non_tables_alone() {
        assert_clean(
            &RULE,
            &[
                "|   | 2023 | 2024 |\n|---|---|---|\n| Riders | 1.2m | 1.4m |\n",
                "| | |\n|---|---|\n| a | b |\n",
                "| a | | c |\n| 1 | 2 | 3 |\n",
                "| a | b |\n|---|---|\n| | 2 |\n",
                "| a | |\n",
            ],
        );
    }
}
