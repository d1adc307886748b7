//! Copies each `data/*.txt` into `OUT_DIR` without its comment lines (those starting with `#`), for
//! `data_file!` to include. The comments document the data for people; every loader skips them, and left
//! in they would cost the wasm about 4 KB gzipped. Blank lines and everything else are kept as they are.
//!
//! Also checks `data/residue.txt` and writes `residue_heads.rs`: for every first one to three bytes a
//! template-residue phrase can start with, the entries that can (see src/document/residue.rs). Working
//! that out takes a regex parser; done here, the wasm does not run it for every entry on its first call.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/document/residue_syntax.rs"]
mod residue_syntax;

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
    let residue = fs::read_to_string("data/residue.txt").expect("data/residue.txt exists");
    let heads = residue_syntax::entries(&residue).and_then(|entries| residue_syntax::heads(&entries)).unwrap_or_else(|e| panic!("data/residue.txt: {e}"));
    assert!(heads.iter().all(|&(key, _)| key <= u64::from(u32::MAX)), "residue_syntax::HEAD_LEN keys must fit in a u32");
    let keys: String = heads.iter().map(|(key, _)| format!("{key:#x},")).collect();
    let masks: String = heads.iter().map(|(_, mask)| format!("{mask:#x},")).collect();
    let table = format!("static HEAD_KEYS: &[u32] = &[{keys}];\nstatic HEAD_MASKS: &[u64] = &[{masks}];\n");
    fs::write(Path::new(&out).join("residue_heads.rs"), table).expect("OUT_DIR is writable");
}
