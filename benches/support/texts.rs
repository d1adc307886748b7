//! Deterministic benchmark articles: one seeded generator shared by the native benchmark
//! (`benches/check.rs`), the scaling example (`examples/bench.rs`) and the files the browser benchmark
//! loads (`cargo run --release --example gen-bench-texts -- OUTDIR`).
//!
//! The prose is built from real English words (so the spelling, capitalisation and consistency rules do
//! the work they do on real articles), every paragraph drawn afresh from a xorshift64* sequence, with a
//! Markdown title, a table of contents, `##`/`###` sections, bullet and numbered lists, pipe tables,
//! quotations, numbers, dates, acronyms, and a sprinkling of defects (doubled words, missing spaces,
//! typing slips, a glued sentence, a heading ending with a period, a short table row, a lowercase proper
//! noun, a duplicated paragraph) at fixed rates, so the number of findings grows with the text.

#![allow(dead_code)]

/// The sizes the benchmarks use, with their labels.
pub const SIZES: [(&str, usize); 4] = [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000), ("5MB", 5_000_000)];

/// The seed every benchmark uses.
pub const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// xorshift64*: a fixed sequence, so every run measures the same text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

const NOUNS: &[&str] = &[
    "council", "budget", "report", "market", "water", "company", "school", "village", "project", "system", "policy", "study",
    "team", "city", "region", "museum", "river", "harbour", "station", "network", "survey", "garden", "library", "hospital",
    "factory", "energy", "price", "index", "shipment", "contract", "agreement", "committee", "election", "teacher", "farmer",
    "engineer", "minister", "worker", "resident", "customer", "bridge", "tunnel", "railway", "airport", "forest", "coastline",
    "software", "platform", "database", "server", "release", "feature", "standard", "protocol", "festival", "season", "harvest",
    "drought", "storm", "vaccine", "patient", "clinic", "treatment", "research", "method", "sample", "result", "estimate",
    "forecast", "supply", "demand", "wage", "tariff", "export", "import", "loan", "bond", "reserve", "plan", "strategy",
    "campaign", "audience", "article", "chapter", "version", "question", "answer", "problem", "solution", "measure", "quarter",
];
const VERBS: &[&str] = &[
    "announced", "approved", "rejected", "reviewed", "published", "expanded", "reduced", "delayed", "completed", "launched",
    "measured", "improved", "replaced", "described", "examined", "supported", "challenged", "financed", "designed", "tested",
    "recorded", "reported", "confirmed", "questioned", "extended", "opened", "closed", "connected", "protected", "increased",
];
const ADJECTIVES: &[&str] = &[
    "new", "local", "national", "regional", "annual", "public", "private", "small", "large", "early", "recent", "final",
    "major", "minor", "careful", "detailed", "modest", "sharp", "steady", "rapid", "gradual", "independent", "official",
    "technical", "historic", "coastal", "rural", "urban", "digital", "seasonal", "open", "careful", "practical", "rough",
];
const ADVERBS: &[&str] = &["quickly", "slowly", "recently", "finally", "carefully", "largely", "partly", "openly", "quietly", "clearly"];
const LINKS: &[&str] = &[
    "after", "before", "because", "while", "although", "since", "when", "as", "once", "until", "even though", "so that",
];
const PREPS: &[&str] = &["in", "on", "for", "with", "from", "under", "across", "near", "between", "after", "during", "about"];
const DETS: &[&str] = &["the", "the", "the", "a", "this", "that", "every", "each", "its", "their", "our"];
const NAMES: &[&str] = &[
    "Maria Lopez", "Kenji Sato", "Amara Okafor", "Lukas Weber", "Priya Nair", "Tomas Novak", "Elena Petrova", "Samuel Osei",
    "Hannah Fischer", "Omar Haddad", "Ingrid Berg", "Chen Wei", "Fatima Zahra", "Diego Alvarez", "Aiko Tanaka",
];
const PLACES: &[&str] = &[
    "Lisbon", "Nairobi", "Osaka", "Valencia", "Tromso", "Kraków", "Montreal", "Auckland", "Cork", "Porto", "Bergen", "Leeds",
    "Dakar", "Quito", "Hobart", "Tampere",
];
const ORGS: &[(&str, &str)] = &[
    ("Regional Water Authority", "RWA"), ("National Statistics Office", "NSO"), ("Coastal Research Institute", "CRI"),
    ("Public Transport Board", "PTB"), ("Energy Market Regulator", "EMR"), ("Open Data Council", "ODC"),
];
const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const UNITS: &[&str] = &["km", "tonnes", "litres", "households", "jobs", "visitors", "homes", "kilometres"];
const TYPOS: &[&str] = &["wiht", "teh", "becuase", "goverment", "recieved", "thier", "whihc", "adn"];

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn noun_phrase(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(DETS));
    out.push(' ');
    if rng.chance(2) {
        out.push_str(rng.pick(ADJECTIVES));
        out.push(' ');
    }
    out.push_str(rng.pick(NOUNS));
}

fn clause(rng: &mut Rng, out: &mut String) {
    match rng.below(6) {
        0 => out.push_str(rng.pick(NAMES)),
        1 => {
            let (name, acronym) = ORGS[rng.below(ORGS.len())];
            out.push_str(if rng.chance(2) { acronym } else { name });
        }
        _ => noun_phrase(rng, out),
    }
    out.push(' ');
    if rng.chance(5) {
        out.push_str(rng.pick(ADVERBS));
        out.push(' ');
    }
    out.push_str(rng.pick(VERBS));
    out.push(' ');
    noun_phrase(rng, out);
    for _ in 0..rng.below(3) {
        out.push(' ');
        out.push_str(rng.pick(PREPS));
        out.push(' ');
        match rng.below(7) {
            0 => out.push_str(rng.pick(PLACES)),
            1 => out.push_str(&format!("{} {}", 2 + rng.below(900), rng.pick(UNITS))),
            2 => out.push_str(&format!("{} {}", rng.pick(MONTHS), 2000 + rng.below(26))),
            3 => out.push_str(&format!("{}.{}%", rng.below(40), rng.below(10))),
            _ => noun_phrase(rng, out),
        }
    }
}

/// One sentence, without the space after it. `defects` enables the occasional slip.
fn sentence(rng: &mut Rng, defects: bool) -> String {
    let mut s = String::new();
    if rng.chance(8) {
        // Reported speech.
        s.push('“');
        let mut inner = String::new();
        clause(rng, &mut inner);
        s.push_str(&capitalize(&inner));
        s.push_str(",” said ");
        s.push_str(rng.pick(NAMES));
        s.push('.');
        return s;
    }
    clause(rng, &mut s);
    if rng.chance(3) {
        s.push_str(if rng.chance(2) { ", " } else { " " });
        s.push_str(rng.pick(LINKS));
        s.push(' ');
        clause(rng, &mut s);
    }
    if rng.chance(12) {
        s.push_str(" (");
        noun_phrase(rng, &mut s);
        s.push(')');
    }
    let mut s = capitalize(&s);
    if defects && rng.chance(40) {
        // A doubled word, a typing slip, or a lowercase place name.
        match rng.below(3) {
            0 => s = s.replacen(" the ", " the the ", 1),
            1 => {
                s.push(' ');
                s.push_str(rng.pick(PREPS));
                s.push(' ');
                s.push_str(rng.pick(TYPOS));
            }
            _ => {
                let place = rng.pick(PLACES);
                s.push_str(" near ");
                s.push_str(&place.to_lowercase());
            }
        }
    }
    s.push(if rng.chance(25) { '?' } else { '.' });
    s
}

fn paragraph(rng: &mut Rng) -> String {
    let n = 2 + rng.below(5);
    let mut p = String::new();
    for i in 0..n {
        if i > 0 {
            // A missing space after a full stop, now and then.
            p.push_str(if rng.chance(60) { "" } else { " " });
        }
        p.push_str(&sentence(rng, true));
    }
    p
}

fn title(rng: &mut Rng, number: usize) -> String {
    let words = [capitalize(rng.pick(ADJECTIVES)), capitalize(rng.pick(NOUNS)), rng.pick(PREPS).to_string(), rng.pick(PLACES).to_string()];
    format!("{} {} {} {} {number}", words[0], words[1], words[2], words[3])
}

/// A deterministic article of at least `target` bytes (it stops after the section that crosses it).
pub fn generate(target: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut sections: Vec<String> = Vec::new();
    let mut body = String::new();
    let mut paragraphs: Vec<String> = Vec::new();
    // The table of contents takes about 40 bytes per section of about 1,100 bytes.
    while body.len() * 104 / 100 < target.saturating_sub(200) || sections.is_empty() {
        let number = sections.len() + 1;
        let mut heading = title(&mut rng, number);
        let level = if number > 1 && rng.chance(4) { "###" } else { "##" };
        body.push_str(&format!("{level} {heading}"));
        if rng.chance(30) {
            body.push('.');
        }
        body.push_str("\n\n");
        heading.insert(0, ' ');
        sections.push(heading.trim().to_string());
        for _ in 0..1 + rng.below(3) {
            let p = if paragraphs.len() % 97 == 96 { paragraphs[rng.below(paragraphs.len())].clone() } else { paragraph(&mut rng) };
            body.push_str(&p);
            body.push_str("\n\n");
            paragraphs.push(p);
        }
        match rng.below(6) {
            0 | 1 => {
                let ordered = rng.chance(2);
                for i in 0..2 + rng.below(4) {
                    let marker = if ordered { format!("{}.", i + 1) } else { "-".to_string() };
                    body.push_str(&format!("{marker} {}\n", sentence(&mut rng, false)));
                }
                body.push('\n');
            }
            2 => {
                body.push_str("| Place | Year | Share | Note |\n|---|---|---|---|\n");
                for _ in 0..2 + rng.below(4) {
                    let short = rng.chance(15);
                    body.push_str(&format!("| {} | {} | {}% |", rng.pick(PLACES), 2000 + rng.below(26), rng.below(100)));
                    if !short {
                        body.push_str(&format!(" {} {} |", capitalize(rng.pick(ADJECTIVES)), rng.pick(NOUNS)));
                    }
                    body.push('\n');
                }
                body.push('\n');
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(body.len() + sections.len() * 48 + 200);
    out.push_str("# A Generated Article on Public Services\n\nThis article describes the work of several public bodies and what they changed over the years.\n\n## Contents\n\n");
    for s in &sections {
        out.push_str(&format!("- [{s}](#{})\n", s.to_lowercase().replace(' ', "-")));
    }
    out.push('\n');
    out.push_str(&body);
    out
}
