//! Prints how long `check` takes on a file: first call (includes one-time set-up such as compiling the
//! regexes) and the median of 50 further calls. `cargo run --release --example timing -- FILE`.
//!
//! With `--stages`, also the median time of each stage of a whole check (`check_observed`): the parse,
//! then each rule in registry order, then the report. Unlike `examples/bench`, every run parses afresh,
//! so the model's lazily built parts are charged to the first rule that asks for them, as in real use.
use article_checker::{check, check_observed, Config};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.iter().any(|a| a == "--stages");
    let path = args.iter().find(|a| !a.starts_with("--")).expect("usage: timing [--stages] FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let config = Config::default();
    let first = Instant::now();
    let report = check(&text, &config);
    let first = first.elapsed();
    let mut runs: Vec<f64> = (0..50)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(check(&text, &config));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    println!("{path}: {} bytes, {} issues; first call {:.3} ms, median {:.3} ms", text.len(), report.issues.len(), first.as_secs_f64() * 1e3, runs[25]);
    if stages {
        let mut table: Vec<(String, Vec<f64>)> = Vec::new();
        for _ in 0..51 {
            let mut i = 0;
            let mut last = Instant::now();
            std::hint::black_box(check_observed(&text, &config, &mut |stage| {
                let ms = last.elapsed().as_secs_f64() * 1e3;
                if table.len() == i {
                    table.push((stage.to_string(), Vec::new()));
                }
                table[i].1.push(ms);
                i += 1;
                last = Instant::now();
            }));
        }
        let mut rows: Vec<(String, f64)> = table
            .into_iter()
            .map(|(stage, mut ms)| {
                ms.sort_by(f64::total_cmp);
                (stage, ms[ms.len() / 2])
            })
            .collect();
        let total: f64 = rows.iter().map(|r| r.1).sum();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (stage, ms) in rows {
            println!("{stage:<34}{ms:>9.3} ms{:>7.1} %", ms / total * 100.0);
        }
    }
}
