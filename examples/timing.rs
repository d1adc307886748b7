//! Prints how long `check` takes on a file: first call (includes one-time set-up such as compiling the
//! regexes) and the median of 50 further calls. `cargo run --release --example timing -- FILE`.
//!
//! `--only ID,ID` times just those rules. `synthetic:BYTES` instead of a file generates an article of
//! about that size: distinct paragraphs of Zipf-distributed words (so common pairs such as “of the”
//! crowd the same buckets, as in real text), with every 40th paragraph an exact or lightly edited
//! copy of an earlier one. The text is the same on every run. Compare 100 KB with 1 MB to check that
//! the cost grows linearly:
//! `cargo run --release --example timing -- --only duplicate-paragraph,duplicate-sentence synthetic:100000`.
use article_checker::{check, Config};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut config = Config::default();
    let mut path = None;
    while let Some(arg) = args.next() {
        if arg == "--only" {
            let ids: Vec<String> = args.next().expect("--only needs rule ids").split(',').map(str::to_string).collect();
            config = config.only(&ids).unwrap_or_else(|e| panic!("{e}"));
        } else {
            path = Some(arg);
        }
    }
    let path = path.expect("usage: timing [--only ID,ID] FILE|synthetic:BYTES");
    let text = match path.strip_prefix("synthetic:") {
        Some(size) => synthetic_article(size.parse().expect("synthetic:BYTES")),
        None => std::fs::read_to_string(&path).expect("readable UTF-8 file"),
    };
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

/// A fixed pseudo-random sequence (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// An article of about `bytes` bytes: one paragraph per line, like text pasted from a web page.
fn synthetic_article(bytes: usize) -> String {
    const COMMON: &[&str] = &["the", "of", "and", "to", "a", "in", "that", "is", "for", "it", "on", "with", "as", "was", "by", "at", "from", "this", "have", "an", "are", "but", "not", "be", "has", "had", "they", "which", "said", "more"];
    const SYLLABLES: &[&str] = &["ka", "lo", "mi", "ren", "tas", "vo", "pel", "dra", "sun", "ki", "mar", "te", "bo", "lin", "gor", "shi", "an", "wet", "ul", "cro"];
    let mut rng = Lcg(0x5eed);
    let vocabulary: Vec<String> = (0..6000).map(|_| (0..2 + rng.below(3)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect()).collect();
    let word = |rng: &mut Lcg| -> String {
        // Roughly Zipf: half the words from the common list, the rest skewed towards the start.
        if rng.below(2) == 0 {
            COMMON[rng.below(COMMON.len())].to_string()
        } else {
            let bound = rng.below(vocabulary.len()) + 1;
            vocabulary[rng.below(bound)].clone()
        }
    };
    let mut paragraphs: Vec<String> = Vec::new();
    let mut text = String::with_capacity(bytes + 1000);
    while text.len() < bytes {
        let paragraph = if paragraphs.len() % 40 == 39 {
            let earlier = paragraphs[rng.below(paragraphs.len())].clone();
            if rng.below(2) == 0 {
                earlier
            } else {
                // A light edit: two words replaced.
                let mut words: Vec<String> = earlier.split(' ').map(str::to_string).collect();
                for _ in 0..2 {
                    let at = 1 + rng.below(words.len() - 2);
                    words[at] = word(&mut rng);
                }
                words.join(" ")
            }
        } else {
            let sentences: Vec<String> = (0..2 + rng.below(4))
                .map(|_| {
                    let words: Vec<String> = (0..8 + rng.below(18)).map(|_| word(&mut rng)).collect();
                    let mut sentence = words.join(" ");
                    sentence[..1].make_ascii_uppercase();
                    sentence + "."
                })
                .collect();
            sentences.join(" ")
        };
        text.push_str(&paragraph);
        text.push('\n');
        paragraphs.push(paragraph);
    }
    text
}
