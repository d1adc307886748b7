//! Copies each `data/*.txt` into `OUT_DIR` without its comment lines (those starting with `#`), for
//! `data_file!` to include. The comments document the data for people; every loader skips them, and left
//! in they would cost the wasm about 4 KB gzipped. Blank lines and everything else are kept as they are.
//!
//! Also checks `data/residue.txt` and writes `residue_tables.rs`: every entry with its regex source, for
//! every first one to three bytes a template-residue phrase can start with, the entries that can, and
//! each entry's finer list of first bytes (see src/document/residue.rs). Working that out takes a regex
//! parser; done here, the wasm never parses a pattern to learn it (in the browser that was a third of a
//! first check's time), nor reads the data file's syntax (4 ms of a first check in Chromium).

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/document/residue_syntax.rs"]
mod residue_syntax;
#[path = "src/document/residue_prefixes.rs"]
mod residue_prefixes;

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=data");
    for entry in fs::read_dir("data").expect("data/ exists") {
        let path = entry.expect("data/ is readable").path();
        if path.extension().is_none_or(|ext| ext != "txt") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("data files are UTF-8");
        let kept: String = text.split_inclusive('\n').filter(|line| !line.starts_with('#')).collect();
        fs::write(Path::new(&out).join(path.file_name().expect("a file name")), kept).expect("OUT_DIR is writable");
    }
    println!("cargo:rerun-if-changed=src/document/residue_syntax.rs");
    println!("cargo:rerun-if-changed=src/document/residue_prefixes.rs");
    let residue = fs::read_to_string("data/residue.txt").expect("data/residue.txt exists");
    let entries = residue_syntax::entries(&residue).unwrap_or_else(|e| panic!("data/residue.txt: {e}"));
    let heads = residue_prefixes::heads(&entries).unwrap_or_else(|e| panic!("data/residue.txt: {e}"));
    assert!(heads.iter().all(|&(key, _)| key <= u64::from(u32::MAX)), "residue_syntax::HEAD_LEN keys must fit in a u32");
    let head_keys: String = heads.iter().map(|(key, _)| format!("{key:#x},")).collect();
    let head_masks: String = heads.iter().map(|(_, mask)| format!("{mask:#x},")).collect();
    let (keys, starts) = residue_prefixes::fine_prefixes(&entries).unwrap_or_else(|e| panic!("data/residue.txt: {e}"));
    let keys: String = keys.iter().map(|key| format!("{key:#x},")).collect();
    let starts: String = starts.iter().map(|start| format!("{start},")).collect();
    let entry_list: String = entries
        .iter()
        .map(|(e, _)| format!("Entry {{ kind: Kind::{:?}, scope: Scope::{:?}, caps: {}, not_last: {}, one_sentence: {} }},", e.kind, e.scope, e.caps, e.not_last, e.one_sentence))
        .collect();
    let sources: String = entries.iter().map(|(_, source)| format!("{source:?},")).collect();
    let table = format!(
        "static ENTRIES: &[Entry] = &[{entry_list}];\nstatic SOURCES: &[&str] = &[{sources}];\nstatic HEAD_KEYS: &[u32] = &[{head_keys}];\nstatic HEAD_MASKS: &[u64] = &[{head_masks}];\nstatic PREFIX_KEYS: &[u64] = &[{keys}];\nstatic PREFIX_STARTS: &[u16] = &[{starts}];\n"
    );
    fs::write(Path::new(&out).join("residue_tables.rs"), table).expect("OUT_DIR is writable");
}
