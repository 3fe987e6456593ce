//! Tuning aid (not part of the tests): the wrong confident answers and hidden right ones of
//! the eval sets (`eval::FLOORS`) under a phrase_raise (default: `Config::DEFAULT`'s).
//! `cargo run --release --example misses [-- 0.3]`
use sspr_lookup::{eval, Catalog, Config, Engine, IndexConfig};

fn main() {
    let mut cfg = Config::DEFAULT;
    let arg = |i: usize| std::env::args().nth(i).map(|v| v.parse().unwrap());
    cfg.phrase_raise = arg(1).unwrap_or(cfg.phrase_raise);
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    for f in eval::FLOORS {
        let set = std::path::Path::new(f.file)
            .file_stem()
            .unwrap()
            .to_string_lossy();
        let src = std::fs::read_to_string(f.file).unwrap();
        for c in eval::parse(&src).0 {
            let a = eng.lookup(&c.query, &cfg);
            let first = a.groups.first().and_then(|g| g.hits.first());
            let guess = a.candidates.first();
            let neg = c.expect.is_empty();
            let ok = |k: &str| c.expect.iter().chain(&c.alt_ok).any(|e| e == k);
            let tag = match (first, neg) {
                (Some(h), true) => format!("FP  {} {:.2} {:?}", h.key, h.score, h.confidence),
                (Some(h), false) if !ok(&h.key) => {
                    format!("WRONG {} {:.2} {:?}", h.key, h.score, h.confidence)
                }
                (None, false) => match guess {
                    Some(g) if ok(&g.key) => format!("HID {:.2}", g.score),
                    Some(g) => format!("MISS guess {} {:.2}", g.key, g.score),
                    None => "MISS none".into(),
                },
                _ => continue,
            };
            println!(
                "{set:11} {:14} {tag:45} want {:?} | {}",
                c.id, c.expect, c.query
            );
        }
    }
}
