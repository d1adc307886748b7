//! Copies each `data/*.txt` into `OUT_DIR` without its comment lines (those starting with `#`), for
//! `data_file!` to include. The comments document the data for people; every loader skips them, and left
//! in they would cost the wasm about 4 KB gzipped. Blank lines and everything else are kept as they are.

use std::{env, fs, path::Path};

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
}
