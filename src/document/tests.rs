//! The model's own tests: lines, blocks, headings, the table of contents, sentences and words.

use super::*;

fn sentences<'t>(doc: &Document<'t>) -> Vec<&'t str> {
    doc.sentences.iter().map(|s| doc.slice(&s.range)).collect()
}

fn headings<'t>(doc: &Document<'t>) -> Vec<(u8, HeadingStyle, &'t str)> {
    doc.headings().map(|(b, h)| (h.level, h.style, doc.slice(&b.content))).collect()
}

fn kinds(doc: &Document) -> Vec<&'static str> {
    doc.blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Blank => "blank",
            BlockKind::Heading(_) => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem(_) => "list-item",
            BlockKind::TableRow(_) => "table-row",
            BlockKind::CodeBlock => "code",
            BlockKind::ThematicBreak => "break",
        })
        .collect()
}

#[test]
fn lines_split_on_lf_crlf_and_cr() {
    let doc = Document::parse("a\r\nb\nc\rd\n");
    let lines: Vec<&str> = doc.lines.iter().map(|l| doc.slice(&l.range)).collect();
    assert_eq!(lines, ["a", "b", "c", "d"]);
    assert_eq!(Document::parse("").lines.len(), 1);
    assert_eq!(doc.line_index_of(3), 1);
    assert_eq!(doc.line_start_of(4), 3);
}

#[test]
fn markdown_blocks_are_recognised() {
    let text = "# Title\n\nIntro text here.\n\nSection\n-------\n\n- one\n  - nested\n* two\n3. three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nlet x = 1;\n```\n\n***\n";
    let doc = Document::parse(text);
    assert_eq!(
        kinds(&doc),
        ["heading", "blank", "paragraph", "blank", "heading", "blank", "list-item", "list-item", "list-item", "list-item", "blank", "table-row", "table-row", "table-row", "blank", "code", "blank", "break"]
    );
    assert_eq!(headings(&doc), [(1, HeadingStyle::Atx, "Title"), (2, HeadingStyle::Setext, "Section")]);
    let items: Vec<(u8, ListMarker, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem(item) => Some((item.depth, item.marker, doc.slice(&b.content))),
            _ => None,
        })
        .collect();
    assert_eq!(
        items,
        [
            (0, ListMarker::Bullet('-'), "one"),
            (1, ListMarker::Bullet('-'), "nested"),
            (0, ListMarker::Bullet('*'), "two"),
            (0, ListMarker::Ordered { number: 3, delimiter: '.' }, "three")
        ]
    );
    let BlockKind::TableRow(row) = &doc.blocks[11].kind else { panic!("table row expected") };
    let cells: Vec<&str> = row.cells.iter().map(|c| doc.slice(c)).collect();
    assert_eq!(cells, ["a", "b"]);
    assert!(matches!(&doc.blocks[12].kind, BlockKind::TableRow(r) if r.is_delimiter));
}

#[test]
fn plain_text_headings_are_bare_short_lines_between_paragraphs() {
    let text = "Tokyo – The leaders met on Tuesday. They agreed on trade.\nA New Chapter in Relations\nThe meeting lasted two hours and ended with a statement.\nWhat Comes Next?\nMore talks are planned for spring.\nKey points:\n- trade\n- defence\n";
    let doc = Document::parse(text);
    assert_eq!(
        headings(&doc),
        [(2, HeadingStyle::Plain, "A New Chapter in Relations"), (2, HeadingStyle::Plain, "What Comes Next?"), (2, HeadingStyle::Plain, "Key points:")]
    );
    assert!(!doc.hard_wrapped);
}

#[test]
fn wrapped_lines_are_one_paragraph_not_headings() {
    let text = "The council met on Monday to discuss the\nbudget for next year. Members agreed that\nThe Daily Planet had reported it fairly\nand moved on.\n\nA second paragraph follows here and it is\nalso wrapped at forty or so characters.\n";
    let doc = Document::parse(text);
    assert!(doc.hard_wrapped);
    assert_eq!(kinds(&doc), ["paragraph", "blank", "paragraph"]);
    assert_eq!(doc.stats().paragraphs, 2);
}

#[test]
fn long_link_definitions_do_not_hide_wrapping() {
    let url = "https://img.shields.io/github/actions/workflow/status/example/example/ci.yml?branch=main&label=build&style=flat";
    let text = format!("The council met on Monday to discuss the\nbudget for next year and the year after\nthat (see the minutes:\n<https://example.com/minutes>), and moved on.\n\n[badge]: {url}\n[other]: {url}\n");
    let doc = Document::parse(&text);
    assert!(doc.hard_wrapped);
    // The wrapped sentence is one paragraph (the definitions are another), so its brackets pair.
    assert!(doc.slice(&doc.blocks[0].content).ends_with("and moved on."));
}

#[test]
fn markdown_documents_do_not_get_plain_headings() {
    let doc = Document::parse("# Title\n\nShort line without stop\n\nA paragraph.\n");
    assert_eq!(headings(&doc), [(1, HeadingStyle::Atx, "Title")]);
}

#[test]
fn first_plain_heading_is_the_title_and_numbered_headings_keep_their_number() {
    let doc = Document::parse("City Trams Return\nThe first tram ran on Sunday.\n2. Methods\nWe counted riders.\n");
    assert_eq!(headings(&doc), [(1, HeadingStyle::Plain, "City Trams Return"), (2, HeadingStyle::Plain, "2. Methods")]);
}

#[test]
fn table_of_contents_is_found_with_numbering_and_anchors() {
    let text = "Intro line of the article.\nTable of Contents\n- 1. First Part\n- 2. Second Part\nFirst Part\nText.\n";
    let doc = Document::parse(text);
    assert_eq!(doc.tocs.len(), 1);
    let toc = &doc.tocs[0];
    let entries: Vec<(Option<u64>, &str)> = toc.entries.iter().map(|e| (e.number, doc.slice(&e.text))).collect();
    assert_eq!(entries, [(Some(1), "First Part"), (Some(2), "Second Part")]);
    assert!(matches!(&doc.blocks[toc.title_block].kind, BlockKind::Heading(h) if h.is_toc_title));

    let md = Document::parse("## Contents\n\n1. [Intro](#intro)\n2. [Methods](#methods)\n\n## Intro\n\nText.\n");
    let entries: Vec<(Option<u64>, &str, &str)> =
        md.tocs[0].entries.iter().map(|e| (e.number, md.slice(&e.text), md.slice(e.anchor.as_ref().unwrap()))).collect();
    assert_eq!(entries, [(Some(1), "Intro", "intro"), (Some(2), "Methods", "methods")]);
    assert_eq!(md.stats().headings, 1, "the ToC title is not a section");
}

#[test]
fn a_contents_title_without_a_list_is_not_a_toc() {
    assert!(Document::parse("Contents\nThe text goes on here.\n").tocs.is_empty());
}

#[test]
fn sentences_respect_abbreviations_decimals_ellipses_initials_and_quotes() {
    let doc = Document::parse(
        "Dr. Smith met U.S. officials at 3.5 p.m. on Friday. J. R. R. Tolkien wrote it, e.g. in 1937. Wait... what? “Stop!” he said. The U.S. Then it ended.",
    );
    assert_eq!(
        sentences(&doc),
        ["Dr. Smith met U.S. officials at 3.5 p.m. on Friday.", "J. R. R. Tolkien wrote it, e.g. in 1937.", "Wait... what?", "“Stop!” he said.", "The U.S.", "Then it ended."]
    );
}

#[test]
fn sentences_split_where_the_space_is_missing_and_before_lowercase() {
    let doc = Document::parse("It was in Washington.Her team agreed. these talks ended. (JSDF).This aligns.");
    assert_eq!(sentences(&doc), ["It was in Washington.", "Her team agreed.", "these talks ended.", "(JSDF).", "This aligns."]);
}

#[test]
fn words_keep_apostrophes_and_mark_links_and_code_protected() {
    let doc = Document::parse("Takaichi’s team don't see https://example.com or `code.here` or a@b.org.");
    let words: Vec<(&str, bool)> = doc.words.iter().map(|w| (doc.slice(&w.range), w.protected)).collect();
    assert_eq!(
        words,
        [
            ("Takaichi’s", false),
            ("team", false),
            ("don't", false),
            ("see", false),
            ("https", true),
            ("example", true),
            ("com", true),
            ("or", false),
            ("code", true),
            ("here", true),
            ("or", false),
            ("a", true),
            ("b", true),
            ("org", true)
        ]
    );
    assert_eq!(doc.stats().words, 6);
}

#[test]
fn ranges_are_sorted_disjoint_and_on_char_boundaries() {
    let text = "Ünïcödé 😀 text.\r\nЗаголовок\r\n日本語の文。More — text (x).\n\n- é item\n| a | 😀 |\n";
    let doc = Document::parse(text);
    let all = doc.lines.iter().map(|l| &l.range).chain(doc.blocks.iter().map(|b| &b.range)).chain(doc.sentences.iter().map(|s| &s.range)).chain(doc.words.iter().map(|w| &w.range));
    for r in all {
        assert!(r.start <= r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?}");
    }
    for pair in doc.words.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start);
    }
    for pair in doc.blocks.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start);
    }
}

#[test]
fn plain_levels_follow_numbering_depth_and_faq_questions_sit_under_their_heading() {
    let doc = Document::parse(
        "Trams Return\nThe first tram ran on Sunday.\n2. Methods\nWe counted riders.\n2.1 Sampling Days\nWe chose ten days.\n2024 Results\nRidership grew.\nFrequently Asked Questions\nWhen do trams run?\nFrom five in the morning.\nIs it free?\nNo, a ticket costs two euros.\nWhat Comes Next\nA second line.\n",
    );
    assert_eq!(
        headings(&doc),
        [
            (1, HeadingStyle::Plain, "Trams Return"),
            (2, HeadingStyle::Plain, "2. Methods"),
            (3, HeadingStyle::Plain, "2.1 Sampling Days"),
            (2, HeadingStyle::Plain, "2024 Results"),
            (2, HeadingStyle::Plain, "Frequently Asked Questions"),
            (3, HeadingStyle::Plain, "When do trams run?"),
            (3, HeadingStyle::Plain, "Is it free?"),
            (2, HeadingStyle::Plain, "What Comes Next"),
        ]
    );
}

#[test]
fn question_and_colon_headings_are_headings() {
    let doc = Document::parse("Intro paragraph here.\nWhy Did Ridership Fall?\nFares rose.\nKey Pillars:\nThere are three.\n");
    assert_eq!(headings(&doc), [(2, HeadingStyle::Plain, "Why Did Ridership Fall?"), (2, HeadingStyle::Plain, "Key Pillars:")]);
}

#[test]
fn toc_entries_point_at_their_headings_and_keep_their_numbering() {
    let text = "Intro text.\nContents\n- 1. Costs\n- 2.1 Timetable\n- 3. Missing Part\n- [Riders](#what-riders-say)\nCosts\nText.\nTimetable\nText.\nWhat Riders Say\nText.\n";
    let doc = Document::parse(text);
    let entries: Vec<(Option<&str>, Option<&str>)> = doc.tocs[0]
        .entries
        .iter()
        .map(|e| (e.numbering.as_ref().map(|r| doc.slice(r)), e.target.map(|b| doc.slice(&doc.blocks[b].content))))
        .collect();
    assert_eq!(entries, [(Some("1"), Some("Costs")), (Some("2.1"), Some("Timetable")), (Some("3"), None), (None, Some("What Riders Say"))]);
    let ordered = Document::parse("Intro text.\nContents\n1. Costs\n2. Timetable\nCosts\nText.\nTimetable\nText.\n");
    let numbering: Vec<&str> = ordered.tocs[0].entries.iter().map(|e| ordered.slice(e.numbering.as_ref().unwrap())).collect();
    assert_eq!(numbering, ["1", "2"]);
}

#[test]
fn pipe_lines_indented_as_code_are_code_not_table_rows() {
    let doc = Document::parse("Some text.\n\n    | a | b |\n    | c |\n\nMore text.\n");
    let kinds: Vec<bool> = doc.blocks.iter().map(|b| matches!(b.kind, BlockKind::TableRow(_))).collect();
    assert!(!kinds.contains(&true));
    assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::CodeBlock));
}

#[test]
fn numbered_contents_followed_at_once_by_numbered_sections() {
    let text = "Intro text.\nContents\n1. Introduction\n2. Methods\n1. Introduction\nThe study began in May.\n2. Methods\nWe counted riders.\n";
    let doc = Document::parse(text);
    assert_eq!(doc.tocs[0].entries.len(), 2);
    assert_eq!(headings(&doc), [(2, HeadingStyle::Plain, "Contents"), (2, HeadingStyle::Plain, "1. Introduction"), (2, HeadingStyle::Plain, "2. Methods")]);
    assert!(doc.tocs[0].entries.iter().all(|e| e.target.is_some()));
}

#[test]
fn furniture_lines_are_not_plain_headings() {
    let doc = Document::parse("Intro paragraph here.\nAdvertisement\nThe board voted on Thursday.\nImage credit: Valley Water Board\nWhat Happens Next\nThe rates start in April.\n");
    assert_eq!(headings(&doc), [(2, HeadingStyle::Plain, "What Happens Next")]);
}
