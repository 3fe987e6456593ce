//! The eval as a test: each set has floors (`eval::FLOORS`, where the two ever lowered say why).
//! Figures are printed (run with
//! `cargo test --release --test eval -- --nocapture`) and recorded in docs/figures.md.

use sspr_lookup::eval::{self, FLOORS};
use sspr_lookup::{Catalog, Config, Engine, IndexConfig};

#[test]
fn eval_sets_meet_their_floors() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut failures = Vec::new();
    let engine = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    for f in FLOORS {
        let src = std::fs::read_to_string(format!("{root}/{}", f.file)).expect("eval file");
        let (cases, errors) = eval::parse(&src);
        assert!(errors.is_empty(), "{}: {errors:?}", f.file);
        assert!(!cases.is_empty(), "{} has no cases", f.file);
        let r = eval::run(&engine, &Config::DEFAULT, &cases);
        println!("== {}\n{}", f.file, r.text());
        let o = &r.overall;
        if o.top1 < f.top1
            || o.top3 < f.top3
            || (o.negatives > 0 && o.negatives_rejected < f.negatives_rejected)
        {
            failures.push(format!(
                "{}: top-1 {:.3} (floor {}), top-3 {:.3} (floor {}), negatives rejected {:.3} (floor {})",
                f.file, o.top1, f.top1, o.top3, f.top3, o.negatives_rejected, f.negatives_rejected
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "below the floor:\n{}",
        failures.join("\n")
    );
}

#[test]
fn own_sets_are_large_and_cover_every_language_and_kind() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut cases = Vec::new();
    for f in ["tests/eval/handwritten.jsonl", "tests/eval/generated.jsonl"] {
        cases.extend(eval::parse(&std::fs::read_to_string(format!("{root}/{f}")).unwrap()).0);
    }
    assert!(cases.len() >= 200, "{} cases", cases.len());
    for lang in ["sv", "en", "nl", "cs"] {
        for kind in ["paste", "paraphrase", "typo"] {
            assert!(
                cases.iter().any(|c| c.lang == lang && c.kind == kind),
                "no {kind} case in {lang}"
            );
        }
    }
    for kind in ["code-only", "negative"] {
        assert!(
            cases.iter().filter(|c| c.kind == kind).count() >= 20,
            "too few {kind} cases"
        );
    }
}
