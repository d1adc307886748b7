//! The report's positions: UTF-16 offsets and 1-based line/column, on text where bytes, chars and
//! UTF-16 units all differ (emoji, CJK, combining marks) and with every line ending; plus inputs that
//! must not panic.

use article_checker::{check, Config, Report};

/// The UTF-16 units of `text` from `start` to `end`, as JavaScript's `slice` would return them.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("a slice on code point boundaries")
}

/// Every issue's range lies in the text, line/column agree with start, and related ranges are valid.
fn assert_positions_consistent(text: &str, report: &Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut line_starts = vec![0usize];
    let mut i = 0;
    while i < units.len() {
        let unit = units[i];
        if unit == u16::from(b'\r') && units.get(i + 1) == Some(&u16::from(b'\n')) {
            i += 1;
        }
        if unit == u16::from(b'\n') || unit == u16::from(b'\r') {
            line_starts.push(i + 1);
        }
        i += 1;
    }
    for issue in &report.issues {
        assert!(issue.start <= issue.end && issue.end <= units.len(), "{issue:?}");
        assert_eq!(line_starts[issue.line - 1] + issue.column - 1, issue.start, "line/column of {issue:?}");
        for r in &issue.related {
            assert!(r.start <= r.end && r.end <= units.len());
        }
    }
    let sorted = report.issues.windows(2).all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end));
    assert!(sorted, "issues are sorted by position");
}

#[test]
fn offsets_are_utf16_units_with_emoji_cjk_combining_marks_and_crlf() {
    let text = "Emoji 😀😀 lead.Then 日本語の文 and cafe\u{301},with more.\r\nLine two has the the word.\rLine 👍🏽 three.Ends here.\n";
    let report = check(text, &Config::default());
    let got: Vec<(&str, String, usize, usize)> =
        report.issues.iter().map(|i| (i.rule, js_slice(text, i.start, i.end), i.line, i.column)).collect();
    assert_eq!(
        got,
        [
            ("missing-space", "lead.Then".to_string(), 1, 12),
            ("missing-space", "cafe\u{301},with".to_string(), 1, 32),
            ("repeated-word", "the the".to_string(), 2, 14),
            ("missing-space", "three.Ends".to_string(), 3, 11),
        ]
    );
    assert_positions_consistent(text, &report);
}

#[test]
fn outline_offsets_are_utf16_too() {
    let text = "# Über 😀 Title\n\nText.\n\n## 第二部分\n\nMore text.\n";
    let report = check(text, &Config::default());
    let outline: Vec<(u8, &str, String)> = report.outline.iter().map(|o| (o.level, o.text.as_str(), js_slice(text, o.start, o.end))).collect();
    assert_eq!(outline, [(1, "Über 😀 Title", "Über 😀 Title".to_string()), (2, "第二部分", "第二部分".to_string())]);
}

#[test]
fn hostile_inputs_do_not_panic_and_keep_positions_valid() {
    let many_brackets = "(".repeat(10_000);
    let nul = "a\0b.C\0d the the\0".repeat(100);
    let junk: String = (0..20_000u32).map(|i| char::from_u32((i * 7919) % 0x2FFFF).unwrap_or('\u{FFFD}')).collect();
    let rtl = "مرحبا بالعالم.هذا نص. שלום עולם.זה טקסט\u{200D}👨\u{200D}👩\u{200D}👧";
    let headings = "Heading Line\nText here.\n".repeat(5_000);
    let punctuation = ".,;:!?()[]{}\"“”‘’*_-–—…".repeat(500);
    let inputs: Vec<&str> = vec!["", " ", "\n\n\n", "\r\r\r", "\u{FEFF}", "**", "“", "-", "# ", "|", "| a |\n|---|", "```", &many_brackets, &nul, &junk, rtl, &headings, &punctuation];
    for text in inputs {
        let report = check(text, &Config::default());
        assert_positions_consistent(text, &report);
    }
}

#[test]
fn outline_and_contents_are_in_utf16_and_contents_point_at_their_sections() {
    let text = "Intro 😀 text.\nContents\n- Café Costs\n- Lost Part\n- Timetable\nCafé Costs\nText.\nTimetable\nText.\n";
    let report = check(text, &Config::default());
    let outline: Vec<(u8, String)> = report.outline.iter().map(|h| (h.level, js_slice(text, h.start, h.end))).collect();
    assert_eq!(outline, [(2, "Café Costs".to_string()), (2, "Timetable".to_string())]);
    let contents: Vec<(String, Option<usize>)> = report.contents.iter().map(|c| (js_slice(text, c.start, c.end), c.target)).collect();
    assert_eq!(contents, [("Café Costs".to_string(), Some(0)), ("Lost Part".to_string(), None), ("Timetable".to_string(), Some(1))]);
    assert!(report.contents.iter().all(|c| c.text == js_slice(text, c.start, c.end)));
}
