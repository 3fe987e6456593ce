//! Tuning aid: per word of a paste, its feature mass in the best passage's language and how much
//! of it the passage holds.
use sspr_lookup::rank::index::trigrams;
use sspr_lookup::{query, Catalog, Config, Engine, IndexConfig};
fn main() {
    let q = std::env::args().nth(1).unwrap();
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    let ix = eng.index();
    let ex = eng.explain(&q, &Config::DEFAULT);
    for top in ex.iter().take(2) {
        let li = ix.lang_ranges.iter().position(|l| l.0 == top.lang).unwrap();
        // find best doc of that entry and lang: rerun by scanning docs
        let ei = eng.catalog().entries.iter().position(|e| e.key == top.key).unwrap();
        println!("== {} {} {:?} {:.3}", top.key, top.lang, top.field, top.score);
        let folded = query::fold(&q);
        for w in query::words(&folded) {
            let mut t = Vec::new();
            trigrams(w, &mut t);
            let (mut tot, mut best) = (0.0f32, 0.0f32);
            let docs: Vec<usize> = (0..ix.docs.len()).filter(|&d| ix.docs[d].entry == ei && ix.docs[d].lang_idx as usize == li && ix.docs[d].field == top.field).collect();
            let mut per = vec![0f32; docs.len()];
            for f in &t {
                if ix.stop.contains_key(f) { continue; }
                let Some(p) = ix.postings.get(f) else { tot += ix.unknown[li]; continue };
                let wt = ix.weight(p.0, li);
                tot += if wt == 0.0 { ix.unknown[li] } else { wt };
                for (k, d) in docs.iter().enumerate() { if p.1.contains(&(*d as u32)) { per[k] += wt; } }
            }
            for x in &per { best = best.max(*x); }
            println!("  {w:20} mass {tot:7.1} in passage {best:7.1}");
        }
    }
}
