//! Tuning aid: per eval case, the top text candidate's score and precision and whether it is right.
use sspr_lookup::{eval, Catalog, Config, Engine, IndexConfig};
fn main() {
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    let cfg = Config::DEFAULT;
    for set in ["dev", "handwritten", "newer", "round2", "colloquial", "languages", "generated"] {
        let cases = eval::parse(&std::fs::read_to_string(format!("tests/eval/{set}.jsonl")).unwrap()).0;
        for c in cases {
            let a = eng.lookup(&c.query, &cfg);
            let ex = eng.explain(&c.query, &cfg);
            let Some(t) = ex.first() else { continue };
            let conf = !a.no_match;
            let right = c.expect.contains(&t.key) || c.alt_ok.contains(&t.key);
            let neg = c.expect.is_empty();
            println!("{set}\t{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{:?}", c.id, if neg {"NEG"} else if right {"RIGHT"} else {"WRONG"}, conf, a.groups.first().map_or(false, |g| g.code.is_some()), t.score, t.precision, t.field);
        }
    }
}
