//! The eval: reads the JSONL format of `tests/eval/README.md` and measures the engine on it.

use crate::{Config, Engine};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Deserialize)]
pub struct Case {
    pub id: String,
    pub query: String,
    #[serde(default)]
    pub lang: String,
    pub expect: Vec<String>,
    #[serde(default)]
    pub alt_ok: Vec<String>,
    #[serde(default)]
    pub kind: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct CaseResult {
    pub id: String,
    pub keys: Vec<String>,
    pub no_match: bool,
    #[serde(skip)]
    pub top1: bool,
    #[serde(skip)]
    pub top3: bool,
    #[serde(skip)]
    pub rr: f64,
}

/// Figures for one slice of the set.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    pub cases: usize,
    /// Positives only.
    pub positives: usize,
    pub top1: f64,
    pub top3: f64,
    pub mrr: f64,
    /// Negatives only.
    pub negatives: usize,
    pub negatives_rejected: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub overall: Figures,
    pub by_kind: BTreeMap<String, Figures>,
    pub by_lang: BTreeMap<String, Figures>,
    pub misses: Vec<String>,
    pub results: Vec<CaseResult>,
}

/// Parses JSONL; a bad line is reported, not fatal.
pub fn parse(src: &str) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Case>(line) {
            Ok(c) => cases.push(c),
            Err(e) => errors.push(format!("line {}: {e}", n + 1)),
        }
    }
    (cases, errors)
}

fn judge(c: &Case, keys: &[String], no_match: bool) -> (bool, bool, f64) {
    if c.expect.is_empty() {
        return (no_match, no_match, if no_match { 1.0 } else { 0.0 });
    }
    if no_match {
        return (false, false, 0.0);
    }
    let ok = |k: &String| c.expect.contains(k) || c.alt_ok.contains(k);
    let rank = keys.iter().position(ok);
    (
        rank == Some(0),
        rank.is_some_and(|r| r < 3),
        rank.map(|r| 1.0 / (r as f64 + 1.0)).unwrap_or(0.0),
    )
}

/// Runs every case through `engine` with `cfg`.
pub fn run(engine: &Engine, cfg: &Config, cases: &[Case]) -> Report {
    let mut results = Vec::new();
    let mut misses = Vec::new();
    for c in cases {
        let a = engine.lookup(&c.query, cfg);
        let keys = a.keys();
        let (top1, top3, rr) = judge(c, &keys, a.no_match);
        if !top1 {
            misses.push(format!(
                "{} [{} {}] expected {:?}, got {}{:?} :: {}",
                c.id,
                c.kind,
                c.lang,
                c.expect,
                if a.no_match { "no match, guesses " } else { "" },
                if a.no_match {
                    a.candidates
                        .iter()
                        .map(|h| h.key.clone())
                        .take(3)
                        .collect::<Vec<_>>()
                } else {
                    keys.iter().take(3).cloned().collect()
                },
                c.query
                    .replace('\n', "⏎")
                    .chars()
                    .take(90)
                    .collect::<String>()
            ));
        }
        results.push(CaseResult {
            id: c.id.clone(),
            keys,
            no_match: a.no_match,
            top1,
            top3,
            rr,
        });
    }
    let figures = |pred: &dyn Fn(&Case) -> bool| figures(cases, &results, pred);
    let mut by_kind = BTreeMap::new();
    let mut by_lang = BTreeMap::new();
    for c in cases {
        by_kind
            .entry(c.kind.clone())
            .or_insert_with(|| figures(&|x: &Case| x.kind == c.kind));
        by_lang
            .entry(c.lang.clone())
            .or_insert_with(|| figures(&|x: &Case| x.lang == c.lang));
    }
    Report {
        overall: figures(&|_| true),
        by_kind,
        by_lang,
        misses,
        results,
    }
}

/// Figures over the cases for which `pred` holds.
fn figures(cases: &[Case], results: &[CaseResult], pred: &dyn Fn(&Case) -> bool) -> Figures {
    let mut f = Figures::default();
    let (mut t1, mut t3, mut rr, mut rej) = (0.0, 0.0, 0.0, 0.0);
    for (c, r) in cases.iter().zip(results) {
        if !pred(c) {
            continue;
        }
        f.cases += 1;
        if c.expect.is_empty() {
            f.negatives += 1;
            rej += f64::from(u8::from(r.top1));
        } else {
            f.positives += 1;
            t1 += f64::from(u8::from(r.top1));
            t3 += f64::from(u8::from(r.top3));
            rr += r.rr;
        }
    }
    let p = f.positives.max(1) as f64;
    f.top1 = t1 / p;
    f.top3 = t3 / p;
    f.mrr = rr / p;
    f.negatives_rejected = rej / f.negatives.max(1) as f64;
    f
}

impl Report {
    /// The report for a person.
    pub fn text(&self) -> String {
        let pct = |v: f64, n: usize| {
            if n == 0 {
                "     -".to_string()
            } else {
                format!("{:>5.1}%", 100.0 * v)
            }
        };
        let line = |name: &str, f: &Figures| {
            format!(
                "{name:<14} {:>4} cases  top-1 {}  top-3 {}  MRR {}  negatives rejected {} ({} neg)\n",
                f.cases,
                pct(f.top1, f.positives),
                pct(f.top3, f.positives),
                if f.positives == 0 { "    -".to_string() } else { format!("{:.3}", f.mrr) },
                pct(f.negatives_rejected, f.negatives),
                f.negatives
            )
        };
        let mut out = line("overall", &self.overall);
        out.push_str("by kind:\n");
        for (k, f) in &self.by_kind {
            out.push_str(&line(&format!("  {k}"), f));
        }
        out.push_str("by language:\n");
        for (k, f) in &self.by_lang {
            out.push_str(&line(&format!("  {k}"), f));
        }
        out.push_str(&format!("misses ({}):\n", self.misses.len()));
        for m in &self.misses {
            out.push_str(&format!("  {m}\n"));
        }
        out
    }
}
