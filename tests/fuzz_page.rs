//! The page's two untrusted inputs, fuzzed on stable Rust: a paste (→ `Engine::lookup` and the
//! page's markup) and a language file (→ `Catalog::add_language`). Deterministic generators, so a
//! failure names its seed; every case runs under a watchdog, so a hang fails at once.
//!
//! Asserted for every case: no panic; done within [`PER_INPUT`]; spans inside the paste and on
//! character boundaries; the result markup and the copied text list at most
//! `view::MAX_LISTED` unknown codes or HRESULTs; a language file adds text only, and one that
//! adds nothing leaves the catalog exactly as it was.

use sspr_lookup::catalog::format;
use sspr_lookup::{render, view, Catalog, Config, Engine, IndexConfig};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

mod common;
use common::{within, Gen};

/// Far above any real case (a 2 KB paste takes about a millisecond): only a hang or a
/// super-linear blow-up reaches it.
const PER_INPUT: Duration = Duration::from_secs(5);

fn engine() -> Arc<Engine> {
    static E: OnceLock<Arc<Engine>> = OnceLock::new();
    Arc::clone(E.get_or_init(|| Arc::new(Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT))))
}

/// Runs `f` under the watchdog ([`PER_INPUT`]); a failure names the case's seed.
fn bounded<T: Send + 'static>(what: &str, seed: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    within(PER_INPUT, &format!("{what}: seed {seed}"), f)
}

/// What pastes are made of: codes in every spelling, log furniture, markup, scripts.
const PASTE: &[&str] = &[
    "SSPR_0014",
    "sspr 9",
    "SSPR_00",
    "SSPR_9999",
    "SSPR_OO14",
    "hr=800700CE",
    "0x8023061F",
    "0x8007",
    "-2147024690",
    "HR 8023042",
    "Event ID: 32002",
    "evt 33009",
    "error 6329",
    "4740",
    "AADSTS90014",
    "MMS(4924)",
    "UserNotProp",
    "ADMutliMatchError",
    "LDAP_SERVER_POLICY_HINTS_OID",
    " = 14",
    "6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1",
    "3/14/2024 9:11:44 AM",
    "a@b.c",
    "https://x.y/z",
    "\n",
    "\r\n",
    "\t",
    " ",
    ".",
    "!",
    "?",
    ":",
    "(",
    ")",
    "[",
    "]",
    "<script>",
    "&amp;",
    "\"",
    "'",
    "å",
    "č",
    "ß",
    "\u{200b}",
    "\u{202e}",
    "日本語",
    "🙂",
    "\u{0}",
    "password",
    "reset",
    "writeback",
    "lösenord",
    "wachtwoord",
    "heslo",
    "not",
    "the",
    "a",
];

fn paste(g: &mut Gen) -> String {
    let n = g.below(80);
    let mut s: String = (0..n).map(|_| g.pick(PASTE)).collect();
    // Sometimes one piece many times: a log that repeats itself, or thousands of codes.
    if g.below(8) == 0 {
        let piece = format!("{} ", g.pick(PASTE));
        s.push_str(&piece.repeat(1 + g.below(5000)));
    }
    s
}

#[test]
fn pastes_never_panic_hang_or_flood_the_page() {
    for seed in 1..=1500u64 {
        let eng = engine();
        bounded("paste", seed, move || {
            let mut g = Gen(0x9e37_79b9_7f4a_7c15 ^ seed);
            let q = paste(&mut g);
            let a = eng.lookup(&q, &Config::DEFAULT);
            for h in a.groups.iter().flat_map(|g| &g.hits).chain(&a.candidates) {
                for &(s, e) in &h.spans {
                    assert!(
                        s < e && e <= q.len() && q.is_char_boundary(s) && q.is_char_boundary(e),
                        "seed {seed}: span {s}..{e} in {q:?}"
                    );
                }
            }
            let html = render::results(eng.catalog(), &q, &a, None, "en", &[]);
            assert!(
                html.matches("<li>").count() <= 2 * view::MAX_LISTED + 60,
                "seed {seed}"
            );
            let text = sspr_lookup::answer_text(eng.catalog(), &a, "sv");
            assert!(
                text.lines().count() < 2000,
                "seed {seed}: {} lines",
                text.lines().count()
            );
        });
    }
}

/// Regression (issue 10): 24,000 distinct HRESULTs took 0.5 s (a quadratic duplicate check)
/// and rendered 24,000 list items on every keystroke.
#[test]
fn thousands_of_distinct_codes_are_listed_a_few_at_a_time() {
    let eng = engine();
    let q: String = (0..24_000u32)
        .map(|i| format!("0x8007{:04X} ", i))
        .collect();
    let a = eng.lookup(&q, &Config::DEFAULT);
    assert!(a.hresults.len() > 1000, "decoded: {}", a.hresults.len());
    let html = render::results(eng.catalog(), &q, &a, None, "en", &[]);
    assert_eq!(html.matches("<li><code>").count(), view::MAX_LISTED);
    assert!(html.contains("more"), "says how many are left out");
    let sspr: String = (0..26_000u32)
        .map(|i| format!("SSPR_{:04} SSPR_0001 ", 100 + i % 9000))
        .collect();
    let a = eng.lookup(&sspr, &Config::DEFAULT);
    let text = sspr_lookup::answer_text(eng.catalog(), &a, "en");
    assert!(
        text.lines().count() <= view::MAX_LISTED + 5,
        "{} lines",
        text.lines().count()
    );
}

/// What language files are made of: their own lines, in any order, with hostile values.
const LANG_LINE: &[&str] = &[
    "K\tSSPR_0014\n",
    "K\tSSPR_0014\ten,sv\n",
    "K\tNO_SUCH\n",
    "K\n",
    "L\tsv\n",
    "L\tde\n",
    "L\t../x\n",
    "L\tcore\n",
    "L\ten\n",
    "O\tearlier\n",
    "L\t\n",
    "T\tRubrik\n",
    "S\t<b>x</b>\n",
    "W\t¶**a** [b](javascript:x)\n",
    "A\t•[[[[[[[[\n",
    "F\tf.md\ts\t01/01/2020\n",
    "U\tsv\ttitle\tRubrik\n",
    "U\t..\ttitle\tx\n",
    "U\tsv\t\tx\n",
    "E\tX\tscreen\tscreen\tuser\n",
    "C\tevil\n",
    "R\tSSPR_0009\n",
    "X\tSSPR_0001\n",
    "V\tsv\tsms\tsms\tsmsko*\t写回\n",
    "V\tsv\tbad name\tx\n",
    "V\t../x\tsms\tsms\n",
    "V\tde\tc1\tab*\tzz\t\u{200b}\t日本語abc\n",
    "V\tde\tc2\tzz\n",
    "# comment\n",
    "\n",
    "\t\t\t\n",
    "garbage",
    "\u{feff}",
    "\\",
    "\\t",
    "🙂",
];

#[test]
fn language_files_add_text_only_or_nothing() {
    let base = Catalog::embedded();
    // The page after start: the core (codes) with English merged.
    let split = format::split(&base);
    let mut start = format::parse(&split[0].1).0;
    start.add_language(&split[1].1).expect("en merges");
    let base = Arc::new(start);
    for seed in 1..=800u64 {
        let base = Arc::clone(&base);
        bounded("language file", seed, move || {
            let mut g = Gen(0x2545_f491_4f6c_dd1d ^ seed);
            let n = g.below(200);
            let mut text: String = (0..n).map(|_| g.pick(LANG_LINE)).collect();
            if g.below(10) == 0 {
                text.push_str(&"U\tsv\tk\tv\n".repeat(g.below(20_000)));
            }
            let mut cat = (*base).clone();
            match cat.add_language(&text) {
                Err(_) => assert!(cat == *base, "seed {seed}: refused but changed"),
                Ok(_) => {
                    assert_eq!(cat.entries.len(), base.entries.len(), "seed {seed}");
                    for (a, b) in cat.entries.iter().zip(base.entries.iter()) {
                        assert_eq!(
                            (&a.key, &a.codes, &a.related, &a.misprints),
                            (&b.key, &b.codes, &b.related, &b.misprints),
                            "seed {seed}: a language file changed more than text"
                        );
                    }
                    // Text already there stays.
                    for (a, b) in cat.entries.iter().zip(base.entries.iter()) {
                        for old in &b.locales {
                            assert_eq!(
                                a.locale(&old.lang),
                                Some(old),
                                "seed {seed}: text replaced"
                            );
                        }
                    }
                    for l in cat.entries.iter().flat_map(|e| &e.locales) {
                        assert!(
                            sspr_lookup::catalog::tag::normalize(&l.lang).is_ok(),
                            "{}",
                            l.lang
                        );
                    }
                }
            }
        });
    }
}

/// Regression (review): 100,000 distinct language tags under one entry made placing each new
/// localisation scan all the others (quadratic). An entry now takes at most MAX_LANGUAGES, and
/// (review, 18 languages) a catalog at most MAX_CATALOG_LANGUAGES: the index keeps a weight per
/// feature and language, so 3,800 distinct tags had made it 909 MB.
#[test]
fn a_language_file_cannot_pile_languages_onto_an_entry() {
    let base = Catalog::embedded();
    let mut text = String::from("K\tSSPR_0014\n");
    for i in 0..100_000 {
        text.push_str(&format!("L\tab-{i}\nT\tx\n"));
    }
    let cat = bounded("many languages", 0, move || {
        let mut cat = base;
        let _ = cat.add_language(&text);
        cat
    });
    // The catalog's cap on languages (which bounds the index's weight table) comes first here.
    let e = cat.get("SSPR_0014").unwrap();
    assert!(e.locales.len() <= format::MAX_LANGUAGES);
    assert_eq!(cat.languages().len(), format::MAX_CATALOG_LANGUAGES);
}
