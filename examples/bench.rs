//! Scaling benchmark: how the cost of parsing and of each rule grows with the article's length.
//!
//! Generates deterministic articles (benches/support/texts.rs: sections with Title Case headings, a table
//! of contents naming them, paragraphs of varied prose, lists, pipe tables, and an exact and a lightly
//! reworded copy of an earlier paragraph every fifty paragraphs), then prints the median time of the
//! parse, of every rule and of the whole `check`, and the 1 MB / 100 KB ratio. Linear cost shows as a
//! ratio near 10; a quadratic step would show near 100.
//!
//! `cargo run --release --example bench` (optionally `-- SIZE_KB...`, default `100 1000`, or `-- FILE...`
//! to time the same steps on real articles). The last column is the scaling exponent from the first
//! size to the last (log-log slope of time against bytes): `-- 100 5000` gives the issue's figure.
//!
//! Per-rule rows share one parsed Document, so the parts it builds lazily on first use (body case counts,
//! acronyms, quotations, inconsistent-capitalization's analysis, which lowercase-proper-noun reuses) are
//! counted only in the first run and drop out of the median: the `check (all)` row is the real cost.

use article_checker::document::Document;
use article_checker::registry::RULES;
use article_checker::{check, Config};
use std::time::Instant;

#[path = "../benches/support/texts.rs"]
mod texts;

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

/// Median milliseconds of `f` over `n` runs.
fn time(n: usize, mut f: impl FnMut()) -> f64 {
    median((0..n).map(|_| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1e3
    }).collect())
}

fn main() {
    // Arguments are sizes in KB of generated articles, or paths of files to measure instead.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = if args.is_empty() { vec!["100".to_string(), "1000".to_string()] } else { args };
    let mut table: Vec<(String, Vec<(String, f64)>)> = Vec::new();
    let mut sizes: Vec<f64> = Vec::new();
    for arg in &args {
        let (label, text) = match arg.parse::<usize>() {
            Ok(kb) => (format!("{kb} KB"), texts::generate(kb * 1000, texts::SEED)),
            Err(_) => (arg.rsplit('/').next().unwrap_or(arg).to_string(), std::fs::read_to_string(arg).expect("a readable UTF-8 file")),
        };
        let kb = text.len() / 1000;
        let runs = if kb >= 1000 { 5 } else { 11 };
        let mut row = vec![("parse".to_string(), time(runs, || drop(std::hint::black_box(Document::parse(&text)))))];
        let doc = Document::parse(&text);
        for rule in RULES {
            let ms = time(runs, || {
                let mut out = Vec::new();
                (rule.check)(&doc, &mut out);
                std::hint::black_box(out);
            });
            row.push((rule.meta.id.to_string(), ms));
        }
        let config = Config::default();
        let report = check(&text, &config);
        row.push(("check (all)".to_string(), time(runs, || drop(std::hint::black_box(check(&text, &config))))));
        println!("{} bytes, {} lines, {} issues", text.len(), text.lines().count(), report.issues.len());
        sizes.push(text.len() as f64);
        table.push((label, row));
    }
    print!("{:<28}", "step (median ms)");
    for (label, _) in &table {
        print!("{:>12}", label.chars().take(11).collect::<String>());
    }
    println!("{:>10}{:>10}", if table.len() == 2 { "ratio" } else { "" }, if table.len() >= 2 { "exponent" } else { "" });
    for i in 0..table[0].1.len() {
        print!("{:<28}", table[0].1[i].0);
        for (_, row) in &table {
            print!("{:>12.3}", row[i].1);
        }
        if let [(_, small), (_, large)] = table.as_slice() {
            print!("{:>10.1}", large[i].1 / small[i].1.max(1e-6));
        } else if table.len() > 2 {
            print!("{:>10}", "");
        }
        if table.len() >= 2 {
            let (first, last) = (&table[0].1, &table[table.len() - 1].1);
            // Log-log slope from the first size to the last: 1.0 is linear, 2.0 quadratic.
            let slope = (last[i].1.max(1e-6) / first[i].1.max(1e-6)).ln() / (sizes[sizes.len() - 1] / sizes[0]).ln();
            print!("{:>10.2}", slope);
        }
        println!();
    }
}
