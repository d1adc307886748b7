//! Scaling benchmark: how the cost of parsing and of each rule grows with the article's length.
//!
//! Generates deterministic articles of about 100 KB and 1 MB (sections with Title Case headings, a table
//! of contents naming them, paragraphs of varied prose, lists, pipe tables, and an exact and a lightly
//! reworded copy of an earlier paragraph every fifty paragraphs), then prints the median time of the
//! parse, of every rule and of the whole `check`, and the 1 MB / 100 KB ratio. Linear cost shows as a
//! ratio near 10; a quadratic step would show near 100.
//!
//! `cargo run --release --example bench` (optionally `-- SIZE_KB...`, default `100 1000`, or `-- FILE...`
//! to time the same steps on real articles).

use article_checker::document::Document;
use article_checker::registry::RULES;
use article_checker::{check, Config};
use std::time::Instant;

/// xorshift64*: a fixed sequence, so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: &[&str] = &["ka", "ro", "mi", "ten", "sa", "lo", "ver", "din", "pa", "mor", "el", "ti", "gan", "shu", "bre", "no", "vi", "ast"];
const GLUE: &[&str] = &["the", "of", "and", "to", "in", "a", "for", "with", "on", "by", "from", "that"];

fn word(rng: &mut Rng, vocabulary: &[String]) -> String {
    if rng.below(3) == 0 { GLUE[rng.below(GLUE.len())].to_string() } else { vocabulary[rng.below(vocabulary.len())].clone() }
}

fn sentence(rng: &mut Rng, vocabulary: &[String]) -> String {
    let n = 8 + rng.below(14);
    let mut words: Vec<String> = (0..n).map(|_| word(rng, vocabulary)).collect();
    words[0] = capitalize(&words[0]);
    format!("{}.", words.join(" "))
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn generate(target: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let vocabulary: Vec<String> = (0..3000).map(|_| (0..2 + rng.below(2)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect()).collect();
    let mut sections: Vec<String> = Vec::new();
    let mut body = String::new();
    let mut paragraphs: Vec<String> = Vec::new();
    while body.len() < target {
        let title: Vec<String> = (0..2 + rng.below(4)).map(|_| capitalize(&vocabulary[rng.below(vocabulary.len())])).collect();
        let title = format!("{} {}", title.join(" "), sections.len() + 1);
        body.push_str(&format!("\n## {title}\n\n"));
        sections.push(title);
        for _ in 0..3 {
            let paragraph = if paragraphs.len() % 50 == 49 {
                // An exact copy, then a copy with two words changed.
                let earlier = paragraphs[rng.below(paragraphs.len())].clone();
                if rng.below(2) == 0 { earlier } else { earlier.replacen(" the ", " a ", 2) }
            } else {
                (0..3 + rng.below(4)).map(|_| sentence(&mut rng, &vocabulary)).collect::<Vec<_>>().join(" ")
            };
            body.push_str(&paragraph);
            body.push_str("\n\n");
            paragraphs.push(paragraph);
        }
        match rng.below(4) {
            0 => {
                for _ in 0..3 {
                    body.push_str(&format!("- {}\n", sentence(&mut rng, &vocabulary)));
                }
                body.push('\n');
            }
            1 => {
                body.push_str("| Item | Count | Note |\n|---|---|---|\n");
                for i in 0..3 {
                    body.push_str(&format!("| {} | {} | {} |\n", capitalize(&vocabulary[rng.below(vocabulary.len())]), i * 7, vocabulary[rng.below(vocabulary.len())]));
                }
                body.push('\n');
            }
            _ => {}
        }
    }
    let contents: String = sections.iter().map(|s| format!("- [{s}](#{})\n", s.to_lowercase().replace(' ', "-"))).collect();
    format!("# Generated Article\n\nAn opening paragraph that introduces the article.\n\n## Contents\n\n{contents}{body}")
}

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
    for arg in &args {
        let (label, text) = match arg.parse::<usize>() {
            Ok(kb) => (format!("{kb} KB"), generate(kb * 1000, 0x9E37_79B9_7F4A_7C15)),
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
        table.push((label, row));
    }
    print!("{:<28}", "step (median ms)");
    for (label, _) in &table {
        print!("{:>12}", label.chars().take(11).collect::<String>());
    }
    println!("{:>10}", if table.len() == 2 { "ratio" } else { "" });
    for i in 0..table[0].1.len() {
        print!("{:<28}", table[0].1[i].0);
        for (_, row) in &table {
            print!("{:>12.3}", row[i].1);
        }
        if let [(_, small), (_, large)] = table.as_slice() {
            print!("{:>10.1}", large[i].1 / small[i].1.max(1e-6));
        }
        println!();
    }
}
