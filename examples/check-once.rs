//! Checks a file once and prints how many findings it has. For counting the instructions of one first
//! check, its one-time set-up (word lists, tables) included, which `examples/timing` mixes with 50 warm
//! ones:
//!
//! ```text
//! cargo build --release --example check-once
//! valgrind --tool=callgrind target/release/examples/check-once www/sample-article.txt
//! ```
use article_checker::{check, Config};

fn main() {
    let path = std::env::args().nth(1).expect("usage: check-once FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    println!("{path}: {} findings", check(&text, &Config::default()).issues.len());
}
