//! The wasm-bindgen layer: `check`, `rules`, `version` for JavaScript. Compiled for wasm32 only.
//!
//! Thin by design: it converts options in, the report out (through serde-wasm-bindgen, as plain JS
//! objects), and adds the time the core took, measured with the page's or worker's `performance`
//! clock. Every error reaches JavaScript as an `Error` whose message says what is wrong; a panic, should
//! one happen, is logged to the console with its message by console_error_panic_hook.

use crate::{Config, Options};
use js_sys::{JsString, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Checks `text` and returns the report as a plain object (see `Report`), plus `timing.checkMs`.
/// `options`: `{ enable?: string[], disable?: string[], minSeverity?: 'info' | 'warning' | 'error' }`.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(text: &JsString, #[wasm_bindgen(unchecked_param_type = "CheckOptions | undefined")] options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let config = Config::from_options(&options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    // Lone surrogates become U+FFFD: one UTF-16 unit for one, so offsets still match the JS string.
    let text = String::from(text);
    let started = now();
    let report = crate::check(&text, &config);
    let check_ms = now() - started;
    let value = report.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true)).map_err(|e| JsError::new(&e.to_string()))?;
    let timing = Object::new();
    Reflect::set(&timing, &"checkMs".into(), &check_ms.into()).map_err(|_| JsError::new("cannot set timing"))?;
    Reflect::set(&value, &"timing".into(), &timing).map_err(|_| JsError::new("cannot set timing"))?;
    Ok(value)
}

/// Options from JS, read field by field (not through serde: its type errors format floats, which would
/// link float printing, ~5 KB gzipped, into the wasm for a message). Unknown keys are refused, so a
/// misspelt one does not pass unnoticed.
fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    const KNOWN: [&str; 3] = ["enable", "disable", "minSeverity"];
    let object = options.dyn_ref::<Object>().filter(|_| options.is_object()).ok_or_else(|| JsError::new("invalid options: expected an object such as { disable: ['repeated-word'] }"))?;
    for key in Object::keys(object).iter().filter_map(|k| k.as_string()) {
        if !KNOWN.contains(&key.as_str()) {
            return Err(JsError::new(&format!("invalid options: unknown option \"{key}\"; known options: {}", KNOWN.join(", "))));
        }
    }
    let field = |key: &str| Reflect::get(object, &JsValue::from_str(key)).map_err(|_| JsError::new(&format!("invalid options: cannot read \"{key}\"")));
    let absent = |value: &JsValue| value.is_undefined() || value.is_null();
    let ids = |key: &str, value: JsValue| -> Result<Vec<String>, JsError> {
        let not_ids = || JsError::new(&format!("invalid options: \"{key}\" must be an array of rule ids (strings)"));
        let array = value.dyn_into::<js_sys::Array>().map_err(|_| not_ids())?;
        array.iter().map(|id| id.as_string().ok_or_else(not_ids)).collect()
    };
    let enable = field("enable")?;
    let disable = field("disable")?;
    let min_severity = field("minSeverity")?;
    Ok(Options {
        enable: if absent(&enable) { None } else { Some(ids("enable", enable)?) },
        disable: if absent(&disable) { Vec::new() } else { ids("disable", disable)? },
        min_severity: if absent(&min_severity) {
            None
        } else {
            Some(min_severity.as_string().ok_or_else(|| JsError::new("invalid options: \"minSeverity\" must be a string: info, warning or error"))?)
        },
    })
}

/// Every rule: `{ id, category, severity, summary, what, why, example, useInstead }`.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    let all: Vec<&crate::RuleMeta> = crate::rules().collect();
    all.serialize(&serde_wasm_bindgen::Serializer::new()).map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Milliseconds from `performance.now()`, in a window or a worker; 0 where there is no such clock.
fn now() -> f64 {
    Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export interface CheckOptions { enable?: string[]; disable?: string[]; minSeverity?: 'info' | 'warning' | 'error'; }
export interface Related { start: number; end: number; message: string; }
export interface Issue {
  rule: string; category: 'structure' | 'consistency' | 'mechanics' | 'style'; severity: 'info' | 'warning' | 'error';
  message: string; start: number; end: number; line: number; column: number; suggestions: string[]; related: Related[];
}
export interface OutlineEntry { level: number; text: string; start: number; end: number; }
/** A table-of-contents entry; `target` indexes `outline`, null when no section matches. */
export interface ContentsEntry { text: string; start: number; end: number; target: number | null; }
export interface Report {
  issues: Issue[]; outline: OutlineEntry[]; contents: ContentsEntry[];
  stats: { words: number; sentences: number; paragraphs: number; headings: number; };
  timing: { checkMs: number; };
}
export interface RuleInfo {
  id: string; category: string; severity: string; summary: string; what: string; why: string; example: string; useInstead: string;
}
"#;
