//! Tuning aid (not part of the tests): eval figures of every set under varied Config knobs.
use sspr_lookup::{eval, Catalog, Config, Engine, IndexConfig};
fn main() {
    for fs in [0.25f32, 0.5, 1.0] {
    let mut icfg = IndexConfig::DEFAULT; icfg.foreign_share = fs;
    let eng = Engine::new(Catalog::embedded(), &icfg);
    println!("foreign_share {fs}");
    let floors = [("dev", 1.0, 1.0, 1.0), ("handwritten", 0.95, 0.97, 1.0), ("newer", 0.75, 0.75, 0.0), ("round2", 1.0, 1.0, 0.8), ("colloquial", 0.29, 0.30, 1.0), ("languages", 0.83, 0.84, 1.0), ("generated", 0.98, 0.99, 0.0)];
    let sets: Vec<_> = floors.iter().map(|f| eval::parse(&std::fs::read_to_string(format!("tests/eval/{}.jsonl", f.0)).unwrap()).0).collect();
    let args: Vec<f32> = std::env::args().skip(1).map(|a| a.parse().unwrap()).collect();
    for med in [0.27f32, 0.29, 0.31] {
        for pw in [0.65f32, 0.75] { let high = 0.5f32; let ev = 120f32; let mm = 0.0f32;
            let mut cfg = Config::DEFAULT;
            cfg.text_medium = med;
            cfg.text_high = high; cfg.min_evidence = ev; cfg.medium_margin = mm; cfg.precision_weight = pw;
            if let Some(m) = args.first() { cfg.margin = *m; }
            let mut line = format!("med {med:.2} pw {pw}:");
            let mut fails = 0;
            let mut cal = eval::Calibration::default();
            for (f, cases) in floors.iter().zip(&sets) {
                let r = eval::run(&eng, &cfg, cases);
                let o = &r.overall;
                let ok = o.top1 + 1e-9 >= f.1 && o.top3 + 1e-9 >= f.2 && (o.negatives == 0 || o.negatives_rejected + 1e-9 >= f.3);
                if !ok { fails += 1; }
                cal.add(&r.calibration);
                line += &format!(" {}{} {:.1}/{:.1}/{:.0}", if ok { "" } else { "!" }, &f.0[..3], o.top1 * 100.0, o.top3 * 100.0, o.negatives_rejected * 100.0);
            }
            println!("{line}  fails {fails}\n   {}", cal.text().lines().take(3).collect::<Vec<_>>().join(" | "));
        }
    }
}
}
