//! Measures the heap memory of one `check` call with a counting global allocator: the live bytes after
//! parsing, after each rule, after building the report, and the peak of the whole call (and of each
//! stage), all above what was live before the call (the text itself is not counted).
//!
//! ```text
//! cargo run --release --example gen-bench-texts -- target/bench-texts
//! cargo run --release --example peak-memory -- target/bench-texts/bench-5MB.txt
//! ```
//!
//! This is the library's own figure, the one the wasm build pays inside `check` (the wasm binding adds
//! the text copied in and the JS objects of the report). The command-line tool's resident-set figure
//! (`/usr/bin/time -v target/release/article-checker FILE`) adds the file, the printed output and the
//! allocator's own overhead; BENCHMARKS.md ("Peak memory") gives both.
use article_checker::{check_observed, Config};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                // A moving realloc holds both blocks for a moment; count the old one too.
                PEAK.fetch_max(now + layout.size(), Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: peak-memory FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let config = Config::default();
    // One small call first, so one-time set-up (compiled regexes and their search caches, word lists)
    // is not charged to the text; its lines reach the page-furniture regex, whose capture cache is large.
    let before_set_up = CURRENT.load(Relaxed);
    drop(check_observed("Warm Up\n\nThe the end of the Warm Up.\n\nRead more\n\nPhoto: Reuters\n", &config, &mut |_| {}));
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let mut stages: Vec<(String, usize, usize)> = Vec::with_capacity(64);
    let report = check_observed(&text, &config, &mut |stage| {
        let now = CURRENT.load(Relaxed);
        stages.push((stage.to_string(), now - base, PEAK.load(Relaxed) - base));
        // Restart the running peak, so each row shows the peak reached during its own stage.
        PEAK.store(now, Relaxed);
    });
    let issues = report.issues.len();
    let kept = CURRENT.load(Relaxed) - base;
    drop(report);
    let overall = stages.iter().map(|s| s.2).max().unwrap_or(0);
    println!("{path}: {} bytes, {issues} issues", text.len());
    println!("one-time set-up kept after a first small check (not counted below): {:.2} MiB", mib(base - before_set_up));
    println!("{:<40} {:>12} {:>12}", "stage", "live MiB", "peak MiB");
    for (stage, live, peak) in &stages {
        println!("{stage:<40} {:>12.2} {:>12.2}", mib(*live), mib(*peak));
    }
    println!("kept after check returns (the report, and any cache first filled by this text): {:.2} MiB", mib(kept));
    println!("peak of check: {:.2} MiB = {:.1}x the input", mib(overall), overall as f64 / text.len() as f64);
}
