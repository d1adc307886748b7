//! Prints how long `check` takes on a file: first call (includes one-time set-up such as compiling the
//! regexes) and the median of 50 further calls. `cargo run --release --example timing -- FILE`.
use article_checker::{check, Config};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: timing FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
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
}
