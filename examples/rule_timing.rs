//! Prints how long the parse and each rule take on a file: the median of 9 runs each, the rules run on
//! one parsed document. `cargo run --release --example rule_timing -- FILE`.
use article_checker::document::Document;
use article_checker::registry::RULES;
use std::time::Instant;

fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut runs: Vec<f64> = (0..9)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[4]
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: rule_timing FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let parse = median_ms(|| drop(std::hint::black_box(Document::parse(&text))));
    println!("{path}: {} bytes; parse {parse:.1} ms", text.len());
    let doc = Document::parse(&text);
    for rule in RULES {
        let ms = median_ms(|| {
            let mut out = Vec::new();
            (rule.check)(&doc, &mut out);
            std::hint::black_box(out);
        });
        println!("  {:<28} {ms:>8.2} ms", rule.meta.id);
    }
}
