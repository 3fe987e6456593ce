//! Tuning aid (not part of the tests): eval figures of every set under varied Config knobs.
//! `cargo run --release --example sweep -- knob=v1,v2 knob=v1,...` (knobs: med high pw pr pl plr cb sp ev bw margin pus lks; index: pb fs lpw liw ss cw phw)
use sspr_lookup::{eval, Catalog, Config, Engine, IndexConfig};

fn set(cfg: &mut Config, k: &str, v: f32) {
    match k {
        "med" => cfg.text_medium = v,
        "high" => cfg.text_high = v,
        "pw" => cfg.precision_weight = v,
        "pr" => cfg.phrase_raise = v,
        "pl" => cfg.phrase_lead = v,
        "plr" => cfg.phrase_led_raise = v,
        "cb" => cfg.contest_below = v,
        "sp" => cfg.second_passage = v,
        "ev" => cfg.min_evidence = v,
        "bw" => cfg.body_weight = v,
        "margin" => cfg.margin = v,
        "pus" => cfg.pair_unknown_share = v,
        "lks" => cfg.lang_keep_share = v,
        "pb" | "fs" | "lpw" | "liw" | "ss" | "cw" | "phw" => {}
        _ => panic!("unknown knob {k}"),
    }
}

fn main() {
    let floors = eval::FLOORS;
    let sets: Vec<_> = floors
        .iter()
        .map(|f| eval::parse(&std::fs::read_to_string(f.file).unwrap()).0)
        .collect();
    let mut grid: Vec<Vec<(String, f32)>> = vec![vec![]];
    for a in std::env::args().skip(1) {
        let (k, vs) = a.split_once('=').unwrap();
        grid = grid
            .into_iter()
            .flat_map(|g| {
                vs.split(',')
                    .map(move |v| {
                        let mut g = g.clone();
                        g.push((k.to_string(), v.parse().unwrap()));
                        g
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    for g in grid {
        let mut cfg = Config::DEFAULT;
        let mut icfg = IndexConfig::DEFAULT;
        for (k, v) in &g {
            match k.as_str() {
                "pb" => icfg.passage_bytes = *v as usize,
                "fs" => icfg.foreign_share = *v,
                "lpw" => icfg.later_passage_weight = *v,
                "liw" => icfg.list_item_weight = *v,
                "ss" => icfg.stop_share = *v,
                "cw" => icfg.concept_weight = *v,
                "phw" => icfg.phrase_weight = *v,
                _ => {}
            }
        }
        let eng = Engine::new(Catalog::embedded(), &icfg);
        let mut line = String::new();
        for (k, v) in &g {
            set(&mut cfg, k, *v);
            line += &format!("{k} {v} ");
        }
        let mut fails = 0;
        let mut cal = eval::Calibration::default();
        for (f, cases) in floors.iter().zip(&sets) {
            let r = eval::run(&eng, &cfg, cases);
            let o = &r.overall;
            let ok = o.top1 >= f.top1
                && o.top3 >= f.top3
                && (o.negatives == 0 || o.negatives_rejected >= f.negatives_rejected);
            if !ok {
                fails += 1;
            }
            cal.add(&r.calibration);
            line += &format!(
                " {}{} {:.1}/{:.1}/{:.0}",
                if ok { "" } else { "!" },
                std::path::Path::new(f.file)
                    .file_stem()
                    .map_or(String::new(), |n| n
                        .to_string_lossy()
                        .chars()
                        .take(3)
                        .collect()),
                o.top1 * 100.0,
                o.top3 * 100.0,
                o.negatives_rejected * 100.0
            );
        }
        println!(
            "{line}  fails {fails}   {}",
            cal.text()
                .lines()
                .skip(3)
                .take(2)
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
}
