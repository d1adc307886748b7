//! `table-cell-count`: a table row with more or fewer cells than the header.
//!
//! Reads each table (a run of pipe rows, see [`Document::tables`]) and compares every row's cell count
//! with the first row's. The `|---|---|` row right under the header is compared too, with its own
//! message: when it disagrees, Markdown does not show a table at all. Other rows that look like
//! delimiters are left alone, and so are tables that start with a delimiter row (no header to count) or
//! have a single row. A last row cut short by a truncated paste is flagged like any other.

use super::{excerpt, Rule, RuleMeta};
use crate::document::Document;
use crate::report::{Category, Finding, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "table-cell-count",
        category: Category::Structure,
        severity: Severity::Warning,
        summary: "A table row has more or fewer cells than the header.",
        what: "Counts the cells of every row of a pipe table and flags a row whose count differs from the header's. When the `|---|` row under the header has the wrong count, the message says that Markdown will not show the table.",
        why: "A row with a missing cell shifts its values into the wrong columns; extra cells are dropped when the table is shown. Either way a reader gets wrong figures, and the cause is usually a lost or doubled `|` when the table was edited or pasted.",
        example: "| Line | Length | Stops |\n|---|---|---|\n| Red | 12 km |\n| Blue | 9 km | 14 |",
        use_instead: "| Line | Length | Stops |\n|---|---|---|\n| Red | 12 km | 18 |\n| Blue | 9 km | 14 |",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Finding>) {
    for table in doc.tables() {
        let Some(header) = doc.table_row(table.start) else { continue };
        if header.is_delimiter {
            continue;
        }
        let expected = header.cells.len();
        let header_block = &doc.blocks[table.start];
        for index in table.start + 1..table.end {
            let Some(row) = doc.table_row(index) else { continue };
            let count = row.cells.len();
            let under_header = index == table.start + 1;
            if count == expected || (row.is_delimiter && !under_header) {
                continue;
            }
            let block = &doc.blocks[index];
            let message = if row.is_delimiter {
                format!("The delimiter row under the header has {}; the header has {expected}, so Markdown will not show this table.", cells(count))
            } else {
                format!("The row “{}” has {}; the table's header has {expected}.", excerpt(doc.slice(&block.content), 40), cells(count))
            };
            out.push(Finding::new(block.content.clone(), message).related(header_block.content.clone(), "the header row"));
        }
    }
}

fn cells(count: usize) -> String {
    if count == 1 {
        "1 cell".to_string()
    } else {
        format!("{count} cells")
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_clean, flagged, run};

    #[test]
    fn flags_rows_whose_cell_count_differs_from_the_header() {
        let text = "| Line | Length | Stops |\n|---|---|---|\n| Red | 12 km |\n| Blue | 9 km | 14 | 3 |\n| Green | 4 km | 6 |\n";
        assert_eq!(flagged(&RULE, text), ["| Red | 12 km |", "| Blue | 9 km | 14 | 3 |"]);
        let found = run(&RULE, text);
        assert_eq!(found[0].message, "The row “| Red | 12 km |” has 2 cells; the table's header has 3.");
        assert_eq!(&text[found[0].related[0].range.clone()], "| Line | Length | Stops |");
        // A delimiter row with the wrong count stops the table from rendering.
        assert_eq!(flagged(&RULE, "| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n"), ["|---|---|"]);
        // Rows without outer pipes, and a last row cut off by a truncated paste.
        assert_eq!(flagged(&RULE, "a | b | c\n--- | --- | ---\n1 | 2\n"), ["1 | 2"]);
        assert_eq!(flagged(&RULE, "Text.\n\n| a | b | c |\n|---|---|---|\n| 1 | 2"), ["| 1 | 2"]);
    }

    #[test]
    fn leaves_matching_rows_and_odd_tables_alone() {
        assert_clean(
            &RULE,
            &[
                "| a | b |\n|---|---|\n| 1 | 2 |\n| | |\n",
                "| a | b |\n|:--|--:|\n| x \\| y | 2 |\n",
                "a | b\n--- | ---\n1 | 2\n",
                "| only one row | here |\n",
                "|---|---|\n| 1 | 2 | 3 |\n",
                "| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n",
                "| a | b |\n|---|---|\n| 1 | 2 |\n|---|---|---|\n",
                "",
            ],
        );
    }
}
