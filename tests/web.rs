//! The wasm binding in a real browser (headless Chromium through `wasm-pack test --headless --chrome`).
//!
//! Strings are made on the JavaScript side (emoji, CJK, combining marks, CRLF, lone surrogates) and go
//! through the exported `check`, and every issue's offsets are verified with the JS string's own
//! `slice`, which is what the page uses.
#![cfg(target_arch = "wasm32")]

use article_checker::wasm::{check, rules, version};
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "export function js_text(s) { return s.replace(/<LONE>/g, '\\uD800'); }
export function issues_of(report) { return report.issues; }")]
extern "C" {
    /// A JS string from Rust text, with `<LONE>` turned into a lone surrogate Rust strings cannot hold.
    fn js_text(s: &str) -> JsString;
    fn issues_of(report: &JsValue) -> Array;
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).expect("property exists")
}

fn number(object: &JsValue, key: &str) -> u32 {
    get(object, key).as_f64().expect("a number") as u32
}

/// (rule, text.slice(start, end)) for each issue, read on the JS side.
fn flagged(text: &JsString, options: JsValue) -> Vec<(String, String)> {
    let report = check(text, options).expect("check succeeds");
    issues_of(&report)
        .iter()
        .map(|issue| {
            let rule = get(&issue, "rule").as_string().unwrap();
            let slice = text.slice(number(&issue, "start"), number(&issue, "end"));
            (rule, String::from(slice))
        })
        .collect()
}

#[wasm_bindgen_test]
fn offsets_are_utf16_units_of_the_js_string() {
    let text = js_text("Emoji 😀 and 日本語 and cafe\u{301}.Then the the end.\r\nIt ended.Her team left.");
    assert_eq!(
        flagged(&text, JsValue::UNDEFINED),
        [
            ("missing-space".to_string(), "cafe\u{301}.Then".to_string()),
            ("repeated-word".to_string(), "the the".to_string()),
            ("missing-space".to_string(), "ended.Her".to_string()),
        ]
    );
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned() {
    let text = js_text("A <LONE> broken pair.Then we went to the the shop.");
    assert_eq!(text.length(), 45, "the lone surrogate is one UTF-16 unit");
    assert_eq!(
        flagged(&text, JsValue::UNDEFINED),
        [("missing-space".to_string(), "pair.Then".to_string()), ("repeated-word".to_string(), "the the".to_string())]
    );
}

#[wasm_bindgen_test]
fn line_and_column_agree_with_start() {
    let text = js_text("First line.\r\nSecond 😀 line.Then more.");
    let report = check(&text, JsValue::UNDEFINED).unwrap();
    let issue = issues_of(&report).get(0);
    assert_eq!((number(&issue, "line"), number(&issue, "column")), (2, 11));
    let line_start = String::from(text.clone()).find("Second").unwrap() as u32;
    assert_eq!(number(&issue, "start"), line_start + number(&issue, "column") - 1);
}

#[wasm_bindgen_test]
fn options_select_rules_and_bad_options_throw_clear_errors() {
    let text = js_text("It ended.Her team met in the the hall.");
    let options = Object::new();
    Reflect::set(&options, &"disable".into(), &Array::of1(&"repeated-word".into())).unwrap();
    assert_eq!(flagged(&text, options.into()), [("missing-space".to_string(), "ended.Her".to_string())]);

    let unknown = Object::new();
    Reflect::set(&unknown, &"disable".into(), &Array::of1(&"no-such-rule".into())).unwrap();
    let error: JsValue = check(&text, unknown.into()).unwrap_err().into();
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.starts_with("invalid options: unknown rule id \"no-such-rule\""), "{message}");

    let misspelt = Object::new();
    Reflect::set(&misspelt, &"minSeverty".into(), &"error".into()).unwrap();
    let error: JsValue = check(&text, misspelt.into()).unwrap_err().into();
    let message = get(&error, "message").as_string().unwrap();
    assert_eq!(message, "invalid options: unknown option \"minSeverty\"; known options: enable, disable, minSeverity");

    let wrong_type = Object::new();
    Reflect::set(&wrong_type, &"disable".into(), &"repeated-word".into()).unwrap();
    let error: JsValue = check(&text, wrong_type.into()).unwrap_err().into();
    assert!(get(&error, "message").as_string().unwrap().starts_with("invalid options: "));
    let error: JsValue = check(&text, "fast".into()).unwrap_err().into();
    assert!(get(&error, "message").as_string().unwrap().starts_with("invalid options: expected an object"));
}

#[wasm_bindgen_test]
fn report_has_outline_stats_and_timing() {
    let text = js_text("# Title\n\nOne sentence here. Another one.\n\n## Part\n\nMore.\n");
    let report = check(&text, JsValue::UNDEFINED).unwrap();
    let outline: Array = get(&report, "outline").into();
    assert_eq!(outline.length(), 2);
    assert_eq!(get(&outline.get(1), "text").as_string().unwrap(), "Part");
    let stats = get(&report, "stats");
    assert_eq!((number(&stats, "headings"), number(&stats, "sentences"), number(&stats, "paragraphs")), (2, 3, 2));
    assert!(get(&get(&report, "timing"), "checkMs").as_f64().unwrap() >= 0.0);
}

#[wasm_bindgen_test]
fn rules_and_version_describe_the_checker() {
    let all: Array = rules().unwrap().into();
    assert!(all.length() >= 5);
    let ids: Vec<String> = all.iter().map(|r| get(&r, "id").as_string().unwrap()).collect();
    assert!(ids.contains(&"missing-space".to_string()));
    for rule in all.iter() {
        for key in ["category", "severity", "summary", "what", "why", "example", "useInstead"] {
            assert!(!get(&rule, key).as_string().unwrap_or_default().is_empty(), "{key} missing");
        }
    }
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn outline_and_contents_cross_with_utf16_offsets_and_null_for_a_missing_section() {
    let text = js_text("Intro 😀 text.\nContents\n- Café Costs\n- Lost Part\nCafé Costs\nText.\n");
    let report = check(&text, JsValue::UNDEFINED).expect("check succeeds");
    let outline = Array::from(&get(&report, "outline"));
    assert_eq!(outline.length(), 1);
    let heading = outline.get(0);
    assert_eq!(String::from(text.slice(number(&heading, "start"), number(&heading, "end"))), "Café Costs");
    let contents = Array::from(&get(&report, "contents"));
    let entries: Vec<(String, JsValue)> =
        contents.iter().map(|e| (String::from(text.slice(number(&e, "start"), number(&e, "end"))), get(&e, "target"))).collect();
    assert_eq!(entries[0].0, "Café Costs");
    assert_eq!(entries[0].1.as_f64(), Some(0.0));
    assert_eq!(entries[1].0, "Lost Part");
    assert!(entries[1].1.is_null(), "a missing section crosses as null, not undefined");
}
