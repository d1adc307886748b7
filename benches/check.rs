//! Native benchmark of `check` on the seeded benchmark articles (benches/support/texts.rs): about
//! 10 KB, 100 KB, 1 MB and 5 MB. `cargo bench --bench check` prints divan's table (time per check) and
//! the throughput in MB/s; the scaling exponent from 100 KB to 5 MB is printed by
//! `cargo run --release --example bench -- 100 5000` (last column).

#[path = "support/texts.rs"]
mod texts;

use article_checker::{check, Config};
use divan::counter::BytesCount;
use divan::Bencher;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn text(size: usize) -> &'static str {
    static TEXTS: [OnceLock<String>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = texts::SIZES.iter().position(|&(_, s)| s == size).expect("a benchmark size");
    TEXTS[index].get_or_init(|| texts::generate(size, texts::SEED))
}

/// The whole check (parse, every rule, report with UTF-16 offsets), default configuration.
#[divan::bench(args = [10_000, 100_000, 1_000_000, 5_000_000], sample_count = 10, sample_size = 1)]
fn check_article(bencher: Bencher, size: usize) {
    let text = text(size);
    let config = Config::default();
    bencher.counter(BytesCount::of_str(text)).bench(|| check(divan::black_box(text), &config));
}
