//! The eval: reads the JSONL format of `tests/eval/README.md` and measures the engine on it.

use crate::answer::{Answer, Confidence};
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
    /// How sure the answer was: its first hit's confidence (none for "no confident match").
    #[serde(skip)]
    pub level: Option<Confidence>,
    /// "No confident match" whose first guess was right (a right answer hidden).
    #[serde(skip)]
    pub hidden_right: bool,
}

/// How often an answer shown at each confidence is right, and how many right answers
/// "no confident match" hid (its first guess was the expected entry).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Calibration {
    pub high: Shown,
    pub medium: Shown,
    pub no_match: Hidden,
}

/// Answers shown at one confidence: how many, and how many named an expected entry first (a
/// near miss answered is wrong).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Shown {
    pub answers: usize,
    pub right: usize,
}

/// "No confident match" answers: of positives (how many had the right entry as first guess)
/// and of near misses (rightly rejected).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Hidden {
    pub positives: usize,
    pub right_first: usize,
    pub negatives: usize,
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
    pub calibration: Calibration,
    pub misses: Vec<String>,
    pub results: Vec<CaseResult>,
}

/// The eval sets (paths from the project root) and their floors: `tests/eval.rs` fails below
/// one; `examples/sweep.rs` reports against them.
/// A set's floors: top-1 and top-3 shares of positives, share of near misses rejected.
pub struct Floor {
    pub file: &'static str,
    pub top1: f64,
    pub top3: f64,
    pub negatives_rejected: f64,
}

/// Raise a floor when the engine gets better; never lower one to make a change pass.
pub const FLOORS: &[Floor] = &[
    // The public dev set (copied from shared/eval, keys mapped): every case right.
    Floor {
        file: "tests/eval/dev.jsonl",
        top1: 1.0,
        top3: 1.0,
        negatives_rejected: 1.0,
    },
    // Written by hand: codes in every spelling, logs, other languages, paraphrases, near misses.
    Floor {
        file: "tests/eval/handwritten.jsonl",
        top1: 1.0,
        top3: 1.0,
        negatives_rejected: 1.0,
    },
    // Newer product wording: other words for the same thing (known weak spot; see figures). All
    // 12 right since a phrase answer clear of the next entry meets a lower bar (was 11).
    Floor {
        file: "tests/eval/newer.jsonl",
        top1: 1.0,
        top3: 1.0,
        negatives_rejected: 0.0,
    },
    // Round 2, written by hand after tuning: forum-style pastes and new near misses.
    Floor {
        file: "tests/eval/round2.jsonl",
        top1: 1.0,
        top3: 1.0,
        negatives_rejected: 0.8,
    },
    // People's own words in 18 languages, written without seeing the engine (issue 12). First
    // run 10.2 % top-1 (4 catalog languages), 26.4 % with 18 languages before any engine change.
    // Word-pair features (needed for the older sets' floors) cost paraphrases: 22.3 % at the
    // first state that met every other floor, 23.4 % once languages that know little of a
    // paste are not scanned, which is this floor (the 0.27–0.30 set on
    // intermediate branch states never met the other floors). The lexicon (catalog/lexicon/,
    // concept features weighed 4x) raised it to 37.1 %; the phrases (catalog/phrases/, a second
    // index people's words are ranked by when the articles do not answer) to 42.6 %; "not ours"
    // phrases (key `-`) and a phrase bar lowered from 0.3 to 0.22 to 50.8 % / 52.8 %; a second
    // matching phrase of the same entry counting as more evidence (bar 0.25) to 59.9 % / 62.4 %;
    // a phrase answer clear of the next entry meeting a lower bar, and a weak articles' answer
    // contested by the phrases, to 65.5 % / 67.0 %, this floor. (The top-3 floor stood at 0.532
    // for one commit, under a two-bar rule that a review showed contradicted its own rationale,
    // then at 0.527.)
    Floor {
        file: "tests/eval/colloquial.jsonl",
        top1: 0.654,
        top3: 0.67,
        negatives_rejected: 1.0,
    },
    // A second set of people's own words (issue 12), 18 languages, 194 descriptions over all 93
    // entries and 55 near misses, written by a helper who saw only the entries' English text:
    // not the engine, the lexicon, the phrases or the first set. Committed before the phrases
    // (catalog/phrases/) landed; first run 41.8 % top-1, 44.8 % top-3, 98.2 % rejected; with the
    // phrases 54.1 % / 57.2 % / 98.2 %; with "not ours" phrases and the lower phrase bar 64.9 %
    // / 69.1 % / 98.2 %; with phrases agreeing counted 70.6 % / 74.2 % / 98.2 %; with the
    // lead and contest rules (a clear phrase answer, a contested weak articles' answer)
    // 77.3 % / 78.9 % / 98.2 %. Lowered by one case each (stated, like languages' below) to
    // 76.8 % / 78.4 %: phrases answer only descriptions that name the subject (evidence::SUBJECT),
    // which rejected six more of colloquial3's near misses (another service's SMS code) and cost
    // c2-hu-07 ("Service Bushoz": a Hungarian suffix on a three-letter word no lexicon prefix
    // can carry).
    Floor {
        file: "tests/eval/colloquial2.jsonl",
        top1: 0.768,
        top3: 0.783,
        negatives_rejected: 0.98,
    },
    // A third set of people's own words (151 cases, 18 languages, every entry expected at least
    // once), written by a helper from the entries' English text only, committed after the lead
    // and contest rules and before the engine was run on it. First run (the rules' first
    // measure on cases they were not tuned on): 53.5 % top-1, 54.4 % top-3, 62.2 % of near
    // misses rejected; confident answers 61 right of 77 (79.2 %). Its near misses were mostly
    // another service's SMS code that never comes (a bank, DigiD, LINE…), in the words of
    // usage-sms-call: with phrases answering only descriptions that name the subject
    // (evidence::SUBJECT), 78.4 % rejected and 61 right of 71 (85.9 %). Those figures are not
    // blind: the rule was written after this set's first run.
    Floor {
        file: "tests/eval/colloquial3.jsonl",
        top1: 0.535,
        top3: 0.543,
        negatives_rejected: 0.783,
    },
    // Each catalog language's own articles, pasted, retyped and paraphrased, with near misses
    // (15 languages, written without seeing the engine): first run 74.7 % top-1, 93.3 % of
    // near misses rejected; 80.7 % / 96.7 % at the first state that met every other floor,
    // 82.0 % before the lexicon, 84.7 % with it (and every near miss rejected), 89.3 % with the
    // phrases, 90.7 % with "not ours" phrases and the lower phrase bar, 92.0 % with phrases
    // agreeing counted. Its near-miss floor was lowered from 1.0, by one case, stated here so it
    // can be judged (the only other floor ever lowered is colloquial's top-3, above): with the phrases, lang-ko-12 (a KakaoTalk password-finder SMS that never comes:
    // another product, in words that are exactly usage-sms-call's) is answered, and no rule that
    // still answers descriptions rejects it (docs/figures.md, phrases).
    Floor {
        file: "tests/eval/languages.jsonl",
        top1: 0.919,
        top3: 0.946,
        negatives_rejected: 0.966,
    },
    // Generated from the catalog with realistic damage (tests/eval/generate.py).
    Floor {
        file: "tests/eval/generated.jsonl",
        top1: 0.992,
        top3: 0.996,
        negatives_rejected: 0.0,
    },
];

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
            level: level(&a),
            hidden_right: a.no_match
                && a.candidates
                    .first()
                    .is_some_and(|h| c.expect.contains(&h.key) || c.alt_ok.contains(&h.key)),
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
        calibration: Calibration::of(cases, &results),
        misses,
        results,
    }
}

/// The confidence an answer is shown with: its first hit's (none for "no confident match").
fn level(a: &Answer) -> Option<Confidence> {
    if a.no_match {
        return None;
    }
    a.groups.first()?.hits.first().map(|h| h.confidence)
}

impl Calibration {
    /// The table for one set's results.
    pub fn of(cases: &[Case], results: &[CaseResult]) -> Calibration {
        let mut cal = Calibration::default();
        for (c, r) in cases.iter().zip(results) {
            let negative = c.expect.is_empty();
            let shown = match r.level {
                Some(Confidence::High) => &mut cal.high,
                Some(_) => &mut cal.medium,
                None if negative => {
                    cal.no_match.negatives += 1;
                    continue;
                }
                None => {
                    cal.no_match.positives += 1;
                    cal.no_match.right_first += usize::from(r.hidden_right);
                    continue;
                }
            };
            shown.answers += 1;
            shown.right += usize::from(!negative && r.top1);
        }
        cal
    }

    /// The sum of two tables (several sets).
    pub fn add(&mut self, o: &Calibration) {
        for (a, b) in [(&mut self.high, &o.high), (&mut self.medium, &o.medium)] {
            a.answers += b.answers;
            a.right += b.right;
        }
        self.no_match.positives += o.no_match.positives;
        self.no_match.right_first += o.no_match.right_first;
        self.no_match.negatives += o.no_match.negatives;
    }

    /// The table for a person.
    pub fn text(&self) -> String {
        let share = |n: usize, of: usize| {
            if of == 0 {
                "     -".to_string()
            } else {
                format!("{:>5.1}%", 100.0 * n as f64 / of as f64)
            }
        };
        let (h, m, n) = (&self.high, &self.medium, &self.no_match);
        let (c, cr) = (h.answers + m.answers, h.right + m.right);
        format!(
            "calibration:\n\
             \x20 high           {:>4} answers  right {:>4} ({})\n\
             \x20 medium         {:>4} answers  right {:>4} ({})\n\
             \x20 confident      {:>4} answers  right {:>4} ({})\n\
             \x20 no confident   {:>4} positives right first guess {:>4} ({}), {} near misses rejected\n",
            h.answers,
            h.right,
            share(h.right, h.answers),
            m.answers,
            m.right,
            share(m.right, m.answers),
            c,
            cr,
            share(cr, c),
            n.positives,
            n.right_first,
            share(n.right_first, n.positives),
            n.negatives
        )
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
        out.push_str(&self.calibration.text());
        out.push_str(&format!("misses ({}):\n", self.misses.len()));
        for m in &self.misses {
            out.push_str(&format!("  {m}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(expect: &[&str]) -> Case {
        Case {
            id: String::new(),
            query: String::new(),
            lang: String::new(),
            expect: expect.iter().map(|s| s.to_string()).collect(),
            alt_ok: vec![],
            kind: String::new(),
        }
    }

    fn result(level: Option<Confidence>, top1: bool, hidden_right: bool) -> CaseResult {
        CaseResult {
            id: String::new(),
            keys: vec![],
            no_match: level.is_none(),
            top1,
            top3: top1,
            rr: 0.0,
            level,
            hidden_right,
        }
    }

    #[test]
    fn calibration_counts_each_answer_at_its_confidence() {
        use Confidence::{High, Medium};
        let cases = [
            case(&["A"]),
            case(&["A"]),
            case(&["A"]),
            case(&[]),
            case(&[]),
            case(&["A"]),
            case(&["A"]),
        ];
        let results = [
            result(Some(High), true, false),    // right, high
            result(Some(Medium), false, false), // wrong entry, medium
            result(Some(Medium), true, false),  // right, medium
            result(Some(Medium), true, false),  // near miss answered: wrong, even if "top1"
            result(None, true, false),          // near miss rejected
            result(None, false, true),          // right entry hidden behind "no confident match"
            result(None, false, false),         // nothing right
        ];
        let cal = Calibration::of(&cases, &results);
        assert_eq!(
            cal.high,
            Shown {
                answers: 1,
                right: 1
            }
        );
        assert_eq!(
            cal.medium,
            Shown {
                answers: 3,
                right: 1
            }
        );
        assert_eq!(
            cal.no_match,
            Hidden {
                positives: 2,
                right_first: 1,
                negatives: 1
            }
        );
        let mut twice = cal;
        twice.add(&cal);
        assert_eq!(
            twice.medium,
            Shown {
                answers: 6,
                right: 2
            }
        );
        assert!(cal.text().contains("right    1 ( 33.3%)"), "{}", cal.text());
    }
}
