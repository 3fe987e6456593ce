//! A fuzz harness for the two parsers of untrusted files this side of the project owns: article
//! Markdown → `import`, and rich text → `Rich::decode` (which `add_language` runs on every
//! language file). Stable Rust, no dependency: a deterministic xorshift generator builds
//! hostile articles from pieces that make parsers stumble (front matter with hostile language
//! tags and impossible dates, headings with anchors, table rules and rows with codes, brackets,
//! tags, translation spans, control and bidi characters) and repeats pieces in long runs, where
//! a super-linear parser shows. A failure names the case's seed, so it reproduces.
//!
//! Asserted for every case: no panic; each input finishes within [`PER_INPUT`] (a hang
//! detector, many times the expected time, not a benchmark); every language of the catalog is
//! a valid tag and every generated file name is inside `catalog/`; and, importing into a throw-
//! away project, nothing outside its `catalog/` folder changes, and a refused import changes
//! nothing at all.

use sspr_lookup::catalog::{tag, Block, Inline, Rich};
use sspr_lookup::import::{self, markdown, overrides::Overrides, Article, Project};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;
use common::{copy_project, within, Gen};

/// Longest time one input may take (debug builds are ~10× slower than release; before the
/// parsers were linear, single inputs here took from seconds to minutes).
const PER_INPUT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 10 } else { 2 });
/// Cases per test: the whole file runs in a few seconds in release.
const CASES: u64 = if cfg!(debug_assertions) { 150 } else { 600 };
const PROJECT_CASES: u64 = if cfg!(debug_assertions) { 6 } else { 16 };

const HOSTILE_TAGS: &[&str] = &[
    "../../../pwned",
    "..",
    ".",
    "core",
    "catalog",
    "../catalog",
    "web/../../x",
    "/etc/passwd",
    "C:\\x",
    "sv\u{1b}[2J",
    "en\u{202e}",
    "con",
    "und",
    "",
    "en-US",
    "sv-se",
    "pt-BR",
    "zh-Hant-TW",
    "EN",
    "x-private",
    "a-very-long-tag-that-goes-on-and-on-and-on",
];

const DATES: &[&str] = &[
    "4294967295/99/99",
    "99/99/4294967295",
    "00/00/0000",
    "2024-13-45",
    "08/26/2020",
    "\u{1b}[31m01/01/2024",
    "",
    "-1/-1/-1",
    "18446744073709551616/1/1",
];

const PIECES: &[&str] = &[
    "|",
    " | ",
    "| --- | --- |\n",
    "|---|---|---|\n",
    "\n",
    "\n\n",
    "<br>",
    "<br />",
    "<ul><li>",
    "</li></ul>",
    "<li>",
    "**",
    "*",
    "_",
    "__",
    "`",
    "```\n",
    "[",
    "]",
    "](",
    "(",
    ")",
    "[x](../a.md#b)",
    "[y](javascript:alert(1))",
    "<a href=\"",
    "<a href=\"https://e.com/\">",
    "\">",
    "</a>",
    "<",
    ">",
    "&amp;",
    "&lt;",
    "\\",
    "\\|",
    "# ",
    "## ",
    "### ",
    "#### <a name=\"",
    "## <a name=\"troubleshoot-password-writeback\"></a>W\n",
    "## <a name=\"common-password-writeback-errors\"></a>E\n",
    "## <a name=\"password-writeback-event-log-error-codes\"></a>C\n",
    "## <a name=\"sspr-errors-that-a-user-might-see\"></a>S\n",
    "### <a name=\"restart-the-azure-ad-connect-sync-service\"></a>R\n",
    "<span data-ttu-id=\"1\">",
    "</span>",
    "<span class=\"sxs-lookup\">",
    "</span></span>",
    "---\n",
    ":::",
    "> [!NOTE]",
    "- ",
    "1. ",
    "| UserNotLicensed = 12 | d | SSPR_0013: m |\n",
    "| 32002 | ServiceBusError | x |\n",
    "| 6329 | MMS(4924) | y |\n",
    "| HR 8023042 | z | w |\n",
    "| The user sees hr=800700CE | Fix it |\n",
    "| Users can't reset with SMS | Check the phone number +1 425 |\n",
    "SSPR_",
    "0x8023",
    "Event ID: ",
    "= ",
    "å",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{202e}",
    "\u{2066}",
    "\u{0}",
    "\u{1b}[2J",
    "\u{9b}",
    "\r",
    "\t",
    "¶",
    "•",
    " ",
    "password",
    "lösenord",
    "wachtwoord",
];

/// A hostile article: sometimes front matter, then pieces, some repeated in long runs.
fn article(g: &mut Gen) -> String {
    let mut s = String::new();
    if g.below(3) > 0 {
        s.push_str("---\n");
        s.push_str(&format!("ms.contentlocale: {}\n", g.pick(HOSTILE_TAGS)));
        s.push_str(&format!("ms.date: {}\n", g.pick(DATES)));
        s.push_str("---\n");
    }
    for _ in 0..g.below(120) {
        let piece = g.pick(PIECES);
        // One piece in ten is a run: where a parser that rescans per character shows.
        let times = if g.below(10) == 0 {
            1 + g.below(3000)
        } else {
            1
        };
        for _ in 0..times {
            s.push_str(piece);
        }
    }
    s
}

/// Runs `f` under the watchdog ([`PER_INPUT`]); a failure names the case's seed.
fn bounded<T: Send + 'static>(what: &str, seed: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    within(
        PER_INPUT,
        &format!("{what}: case {seed} (rerun with that seed)"),
        f,
    )
}

/// A generated file name is `catalog/catalog.txt` or `catalog/web/<core or valid tag>.txt`.
fn assert_generated_names(files: &[(String, String)], seed: u64) {
    for (rel, _) in files {
        let ok = rel == "catalog/catalog.txt"
            || rel
                .strip_prefix("catalog/web/")
                .and_then(|n| n.strip_suffix(".txt"))
                .is_some_and(|n| n == "core" || tag::normalize(n).as_deref() == Ok(n));
        assert!(ok, "case {seed}: generated file {rel:?}");
    }
}

#[test]
fn import_never_panics_hangs_or_names_a_file_outside_the_catalog() {
    for seed in 0..CASES {
        let mut g = Gen::new(seed);
        let text = article(&mut g);
        let lang = match g.below(4) {
            0 => Some(g.pick(HOSTILE_TAGS).to_string()),
            1 => Some("en".to_string()),
            _ => None,
        };
        let arts = vec![Article {
            file: "fuzz.md".into(),
            text,
            lang,
        }];
        let (cat, reports) = bounded("import::build", seed, move || {
            import::build(&arts, &Overrides::default())
        });
        for l in cat.languages() {
            assert_eq!(tag::normalize(l).as_deref(), Ok(l), "case {seed}");
        }
        for r in &reports {
            // The report prints as text: no control or bidi character survives.
            let printed = r.text();
            assert!(
                !printed.chars().any(
                    |c| c != '\n' && (c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))
                ),
                "case {seed}: {printed:?}"
            );
        }
        let full = sspr_lookup::catalog::format::write(&cat);
        assert_generated_names(&import::catalog_files(&full), seed);
    }
}

#[test]
fn rich_text_decoding_is_bounded_and_stable() {
    const MARKUP: &[&str] = &[
        "¶",
        "•",
        "*",
        "**",
        "`",
        "[",
        "](",
        ")",
        "]",
        "(",
        "\\",
        "\\\\",
        "a",
        " ",
        "é",
        "🙂",
        "https://x/",
        "#KEY",
    ];
    for seed in 0..CASES {
        let mut g = Gen::new(seed ^ 0xdec0de);
        let mut s = String::new();
        for _ in 0..g.below(200) {
            let piece = g.pick(MARKUP);
            let times = if g.below(8) == 0 {
                1 + g.below(5000)
            } else {
                1
            };
            for _ in 0..times {
                s.push_str(piece);
            }
        }
        let src = s.clone();
        let r = bounded("Rich::decode", seed, move || Rich::decode(&src));
        // What decoding gives, encoding keeps: the catalog's round trip holds for any input.
        assert_eq!(Rich::decode(&r.encode()), r, "case {seed}: {s:?}");
    }
}

/// Every file under `dir` (relative path → contents).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap_or_default();
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    out
}

/// A throw-away project (`outer/project`, with the real sources and overrides) whose catalog
/// has been generated.
fn temp_project() -> (PathBuf, Project) {
    let outer = std::env::temp_dir().join(format!("sspr-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&outer);
    let dir = outer.join("project");
    copy_project(&dir);
    let project = Project::at(&dir);
    let g = project.generated().unwrap();
    project.write_catalog(&g.files).unwrap();
    (outer, project)
}

#[test]
fn importing_hostile_articles_writes_only_inside_the_catalog() {
    let (outer, project) = temp_project();
    let (mut imported, mut refused) = (0, 0);
    for seed in 0..PROJECT_CASES {
        let mut g = Gen::new(seed ^ 0xf11e);
        let article = outer.join(g.pick(&["a.md", "b c.md", "..md", "x.y.md", "\u{1b}.md"]));
        std::fs::write(&article, article_text(&mut g)).unwrap();
        let lang = match g.below(3) {
            0 => Some(g.pick(HOSTILE_TAGS)),
            1 => Some("de"),
            _ => None,
        };
        let before = snapshot(&outer);
        let (p, a) = (project.clone(), article.clone());
        let result = bounded("Project::import", seed, move || {
            p.import(std::slice::from_ref(&a), lang)
        });
        let after = snapshot(&outer);
        let changed: Vec<&PathBuf> = after
            .iter()
            .filter(|(p, b)| before.get(*p) != Some(*b))
            .map(|(p, _)| p)
            .chain(before.keys().filter(|p| !after.contains_key(*p)))
            .collect();
        match result {
            Ok(_) => {
                imported += 1;
                for p in &changed {
                    assert!(
                        p.starts_with("project/catalog"),
                        "case {seed}: wrote {}",
                        p.display()
                    );
                }
                let g = project
                    .generated()
                    .expect("a successful import regenerates");
                assert!(
                    project.stale(&g.files).is_empty(),
                    "case {seed}: stale after import"
                );
            }
            Err(e) => {
                refused += 1;
                assert!(
                    changed.is_empty(),
                    "case {seed}: refused ({e}) but changed {changed:?}"
                );
            }
        }
    }
    // The cases cover both outcomes.
    assert!(
        imported > 0 && refused > 0,
        "{imported} imported, {refused} refused"
    );
    std::fs::remove_dir_all(&outer).ok();
}

/// An article for a project import: the hostile pieces, plus a real row now and then so some
/// imports succeed and write.
fn article_text(g: &mut Gen) -> String {
    let mut s = article(g);
    if g.below(2) == 0 {
        s.push_str("\n## <a name=\"password-writeback-event-log-error-codes\"></a>C\n| a | b | c |\n|---|---|---|\n| 33123 | NewError | Ein neuer Fehler. |\n");
    }
    s
}

/// Inputs that took from seconds to minutes before the parsers were made linear (issue 10).
#[test]
fn known_hostile_inputs_finish() {
    let cases: Vec<(&str, String)> = vec![
        ("a table cell of 96k '['", "[".repeat(96_000)),
        ("50k '<' then one '>'", format!("{}>", "<".repeat(50_000))),
        (
            "20k <a href> without </a>",
            "<a href=\"x\">y".repeat(20_000),
        ),
        ("50k '**' and '`' openers", "**a`".repeat(50_000)),
    ];
    for (i, (what, cell)) in cases.into_iter().enumerate() {
        let r = bounded(what, i as u64, move || {
            let ctx = markdown::LinkContext {
                base: "https://docs.microsoft.com/azure/active-directory/authentication/",
                anchor: &|_| None,
            };
            markdown::cell_rich(&cell, &ctx)
        });
        assert!(!r.0.is_empty(), "{what}");
    }
    let spans = "<span class=\"sxs-lookup\">".repeat(50_000);
    bounded("50k unclosed translation spans", 0, move || {
        markdown::strip_translation_spans(&spans)
    });
    for (what, src) in [
        (
            "rich text of 100k '[x'",
            format!("¶{}", "[x".repeat(100_000)),
        ),
        (
            "rich text of 100k '[x](y'",
            format!("¶{}", "[x](y".repeat(100_000)),
        ),
        (
            "rich text of 100k '**x*'",
            format!("¶{}", "**x*".repeat(100_000)),
        ),
    ] {
        let r = bounded(what, 0, move || Rich::decode(&src));
        assert!(
            matches!(&r.0[..], [Block::Para(v)] if !v.is_empty() && matches!(v[0], Inline::Text { .. } | Inline::Strong { .. })),
            "{what}"
        );
    }
    // 2,000 headings with the same title: new keys were found by trying every suffix against
    // every entry (3 s in release before).
    let same = format!(
        "## <a name=\"troubleshoot-password-writeback\"></a>W\n{}",
        "### The same problem again\ntext\n".repeat(import::limits::MAX_SECTIONS - 1)
    );
    let arts = vec![Article {
        file: "same.md".into(),
        text: same,
        lang: Some("en".into()),
    }];
    let (cat, _) = bounded("2,000 same headings", 0, move || {
        import::build(&arts, &Overrides::default())
    });
    assert!(cat.get("writeback-same-problem-again-1999").is_some());
}
