//! Tuning aid (not part of the tests): the wrong confident answers and hidden right ones of
//! the eval sets (`eval::FLOORS`) under the default `Config`.
//! `cargo run --release --example misses` lists every set's, a line each;
//! `cargo run --release --example misses -- --md > docs/issue12-failures.md` writes the
//! people's-words and languages sets' as that page.
use sspr_lookup::{eval, Catalog, Config, Engine, IndexConfig};

/// What went wrong with one case.
enum Miss {
    Wrong(String),
    NearMissAnswered(String),
    Hidden(f32),
    Missed(String),
}

impl Miss {
    /// The page's kinds, in its order.
    const TITLES: [&'static str; 4] = [
        "Wrong (confident, another entry)",
        "Near misses answered",
        "Missed (right entry not first)",
        "Hidden (right entry first, not confident)",
    ];

    /// Its heading on the page (one of [`Miss::TITLES`]).
    fn title(&self) -> &'static str {
        Self::TITLES[match self {
            Miss::Wrong(_) => 0,
            Miss::NearMissAnswered(_) => 1,
            Miss::Missed(_) => 2,
            Miss::Hidden(_) => 3,
        }]
    }

    /// The answer or first guess, as the page shows it.
    fn shown(&self) -> String {
        match self {
            Miss::Wrong(s) | Miss::NearMissAnswered(s) | Miss::Missed(s) => s.clone(),
            Miss::Hidden(score) => format!("{score:.2}"),
        }
    }
}

/// The sets `--md` reports.
const PAGE_SETS: &[&str] = &["colloquial", "colloquial2", "colloquial3", "languages"];

fn main() {
    let md = std::env::args().any(|a| a == "--md");
    let cfg = Config::DEFAULT;
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    let mut rows: Vec<(String, eval::Case, Miss)> = Vec::new();
    for f in eval::FLOORS {
        let set = std::path::Path::new(f.file)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let src = std::fs::read_to_string(f.file).unwrap();
        for c in eval::parse(&src).0 {
            let a = eng.lookup(&c.query, &cfg);
            let first = a.groups.first().and_then(|g| g.hits.first());
            let guess = a.candidates.first();
            let neg = c.expect.is_empty();
            let ok = |k: &str| c.expect.iter().chain(&c.alt_ok).any(|e| e == k);
            let shown = |h: &sspr_lookup::answer::Hit| {
                format!("{} {:.2} {:?}", h.key, h.score, h.confidence)
            };
            let miss = match (first, neg) {
                (Some(h), true) => Miss::NearMissAnswered(shown(h)),
                (Some(h), false) if !ok(&h.key) => Miss::Wrong(shown(h)),
                (None, false) => match guess {
                    Some(g) if ok(&g.key) => Miss::Hidden(g.score),
                    Some(g) => Miss::Missed(format!("guess {} {:.2}", g.key, g.score)),
                    None => Miss::Missed("no guess".into()),
                },
                _ => continue,
            };
            rows.push((set.clone(), c, miss));
        }
    }
    if md {
        page(&rows);
        return;
    }
    for (set, c, miss) in &rows {
        let tag = match miss {
            Miss::Wrong(s) => format!("WRONG {s}"),
            Miss::NearMissAnswered(s) => format!("FP  {s}"),
            Miss::Hidden(s) => format!("HID {s:.2}"),
            Miss::Missed(s) => format!("MISS {s}"),
        };
        println!(
            "{set:11} {:14} {tag:45} want {:?} | {}",
            c.id, c.expect, c.query
        );
    }
}

/// docs/issue12-failures.md.
fn page(rows: &[(String, eval::Case, Miss)]) {
    let c = Config::DEFAULT;
    println!(
        "{}",
        HEADER
            .replace("{bar}", &format!("{:.2}", c.text_medium + c.phrase_raise))
            .replace(
                "{led}",
                &format!("{:.2}", c.text_medium + c.phrase_led_raise)
            )
            .replace("{lead}", &format!("{:.2}", c.phrase_lead))
    );
    for title in Miss::TITLES {
        let picked: Vec<_> = rows
            .iter()
            .filter(|r| PAGE_SETS.contains(&r.0.as_str()) && r.2.title() == title)
            .map(|(set, c, m)| (set, c, m.shown()))
            .collect();
        println!("\n## {title}: {}\n", picked.len());
        println!("| set | case | answer or first guess (score) | wanted | paste |");
        println!("|---|---|---|---|---|");
        for (set, c, s) in picked {
            let mut q: String = c.query.chars().take(90).collect();
            if q.len() < c.query.len() {
                q.push('…');
            }
            let q = q.replace('|', "\\|").replace('\n', " ");
            println!(
                "| {set} | {} | {s} | {} | {q} |",
                c.id,
                c.expect.first().map_or("", |e| e.as_str())
            );
        }
    }
}

const HEADER: &str = "# Issue 12: the cases that still fail

Generated with `cargo run --release --example misses -- --md` (the default `Config`) on `main`
at the end of issue 12's fourth stop: phrase bar {bar}, or {led} for a first entry {lead} ahead of
the next; weak articles' answers contested by the phrases; phrases answer only descriptions that
name the subject. Every positive or near miss that is not answered right, by kind, from:

- the people's-words sets `colloquial` and `colloquial2`;
- `colloquial3`, written blind and first run after the rules above; only the subject rule was
  written after seeing it;
- `languages`.

Reasons in ARCHITECTURE.md terms:

- **wrong**: a confident answer names another entry. Mostly look-alike entries: the same
  condition described in two articles, or an event and the guide that fixes it.
- **near miss answered**: another product's problem answered with one of ours.
- **missed**: no confident answer, and the right entry is not the first guess.
- **hidden**: the right entry is the first guess, but no answer is confident. Either its score
  is under the bar (`text_medium`, plus `phrase_raise`, or `phrase_led_raise` for a clear
  first, when ranked by phrases; lowering the bars answers these and, at about the same rate,
  wrong ones: see docs/figures.md), or the answer was contested. A contested answer is one where
  the articles named another entry weakly and the phrases named this one. Those show scores
  above the bar.";
