//! Answers do not change by accident: every eval set's answers, query by query, and the eval
//! runner's `--json` report are compared with the copies in `tests/eval/golden/`.
//!
//! A change that is meant to change answers (tuning, a new catalog) updates the copies with
//! `BLESS=1 cargo test --release --test golden` and says so in its commit; a restructuring
//! must leave them untouched.

#![cfg(not(target_arch = "wasm32"))]

use sspr_lookup::answer::{Answer, Hit};
use sspr_lookup::{eval, Catalog, Config, Engine, IndexConfig};

/// The sets whose answers are pinned (file stem under `tests/eval/`).
const SETS: &[&str] = &[
    "dev",
    "handwritten",
    "newer",
    "round2",
    "generated",
    "colloquial",
    "colloquial2",
    "colloquial3",
    "languages",
];

fn hit(h: &Hit) -> String {
    let spans: Vec<String> = h.spans.iter().map(|(a, b)| format!("{a}-{b}")).collect();
    format!(
        "{} {} {:?} {} [{}] {}",
        h.key,
        h.confidence.name(),
        h.score,
        h.lang.as_deref().unwrap_or("-"),
        spans.join(","),
        reason(h)
    )
}

/// The reason as its English wording (what the JSON carried when the copies were made).
fn reason(h: &Hit) -> String {
    sspr_lookup::i18n::english().reason(&h.reason)
}

/// Everything an answer says, on one line.
fn fingerprint(a: &Answer) -> String {
    let mut out = format!("no_match={} truncated={}", a.no_match, a.truncated);
    for g in &a.groups {
        out.push_str(&format!(" | group {}:", g.code.as_deref().unwrap_or("-")));
        for h in &g.hits {
            out.push_str(&format!(" {{{}}}", hit(h)));
        }
    }
    for h in &a.candidates {
        out.push_str(&format!(" | guess {{{}}}", hit(h)));
    }
    for d in &a.hresults {
        out.push_str(&format!(" | hresult {d:?}"));
    }
    for c in &a.unknown_codes {
        out.push_str(&format!(" | unknown {}", c.code));
    }
    for n in &a.notes {
        out.push_str(&format!(" | note {n:?}"));
    }
    out.push_str(&format!(" | lang {:?}", a.detected_lang));
    out
}

fn compare(path: &str, got: &str, failures: &mut Vec<String>) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, got).expect("write golden copy");
        return;
    }
    let want = std::fs::read_to_string(path).unwrap_or_default();
    if want != got {
        let diff = want
            .lines()
            .zip(got.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("\n  was: {a}\n  now: {b}"))
            .unwrap_or_else(|| {
                format!(
                    " ({} lines, now {})",
                    want.lines().count(),
                    got.lines().count()
                )
            });
        failures.push(format!("{path} differs{diff}"));
    }
}

#[test]
fn answers_equal_the_golden_copies() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut failures = Vec::new();
    let engine = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    for set in SETS {
        let src = std::fs::read_to_string(format!("{root}/tests/eval/{set}.jsonl")).unwrap();
        let (cases, errors) = eval::parse(&src);
        assert!(errors.is_empty(), "{set}: {errors:?}");
        let mut lines = String::new();
        for c in &cases {
            let a = engine.lookup(&c.query, &Config::DEFAULT);
            lines.push_str(&format!("{}\t{}\n", c.id, fingerprint(&a)));
        }
        compare(
            &format!("{root}/tests/eval/golden/{set}.answers.txt"),
            &lines,
            &mut failures,
        );
        // Exactly what `sspr-lookup eval FILE --json` prints.
        let report = serde_json::to_string_pretty(&eval::run(&engine, &Config::DEFAULT, &cases))
            .unwrap()
            + "\n";
        compare(
            &format!("{root}/tests/eval/golden/{set}.eval.json"),
            &report,
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
