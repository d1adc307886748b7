//! Writes the benchmark articles (benches/support/texts.rs) to OUTDIR as bench-10KB.txt … bench-5MB.txt,
//! for the browser benchmark: `cargo run --release --example gen-bench-texts -- OUTDIR`.
#[path = "../benches/support/texts.rs"]
mod texts;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: gen-bench-texts OUTDIR");
    std::fs::create_dir_all(&dir).expect("OUTDIR can be created");
    for (label, size) in texts::SIZES {
        let text = texts::generate(size, texts::SEED);
        let path = format!("{dir}/bench-{label}.txt");
        std::fs::write(&path, &text).expect("OUTDIR is writable");
        println!("{path}: {} bytes", text.len());
    }
}
