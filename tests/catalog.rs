//! The catalog: generated, committed, fresh, and complete.

use sspr_lookup::catalog::{format, Catalog};
use sspr_lookup::import::{self, markdown};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Which keys exist, and in which languages, exactly as the five sources give them.
/// Czech has only the writeback article (no screen errors, no portal/usage rows); the 2017 Dutch
/// article lacks the two newest usage rows; only the 2020/2021 writeback articles list event 31034.
const COVERAGE: &[(&str, &str)] = &[
    ("SSPR_0009", "en nl sv"),
    ("SSPR_0010", "en nl sv"),
    ("SSPR_0011", "en nl sv"),
    ("SSPR_0012", "en nl sv"),
    ("SSPR_0013", "en nl sv"),
    ("SSPR_0014", "en nl sv"),
    ("SSPR_0029", "en nl sv"),
    ("SSPR_0030", "en nl sv"),
    ("portal-section-portal", "en nl sv"),
    ("portal-particular-configuration-option", "en nl sv"),
    ("portal-premises-integration-tab", "en nl sv"),
    ("reporting-dont-see-management-activity", "en nl sv"),
    ("reporting-registrations-show-multiple-times", "en nl sv"),
    (
        "registration-directory-not-enabled-administrator-use",
        "en nl sv",
    ),
    ("registration-does-premium-basic-license", "en nl sv"),
    ("registration-error-processing-request", "en nl sv"),
    ("usage-directory-not-enabled", "en nl sv"),
    ("usage-premium-basic-license-assigned", "en nl sv"),
    (
        "usage-missing-malformed-authentication-information",
        "en nl sv",
    ),
    ("usage-only-one-piece-contact", "en nl sv"),
    ("usage-properly-configured-unable-contacted", "en nl sv"),
    ("usage-sms-call", "en nl sv"),
    ("usage-never-receives-email", "en nl sv"),
    ("usage-admin-account-uses-isnt", "en nl sv"),
    ("usage-prevented-attempting-too-many", "en nl sv"),
    ("usage-validating-number", "en nl sv"),
    ("usage-processing-request", "en nl sv"),
    ("usage-premises-violation", "en sv"),
    ("usage-comply-fuzzy", "en sv"),
    ("writeback-working-time-cant", "cs en nl sv"),
    (
        "writeback-attempting-management-agent-denied",
        "cs en nl sv",
    ),
    ("writeback-indicating-object-could-not", "cs en nl sv"),
    ("writeback-multiple-matches", "cs en nl sv"),
    ("EVENT_31001", "cs en nl sv"),
    ("EVENT_31002", "cs en nl sv"),
    ("EVENT_31003", "cs en nl sv"),
    ("EVENT_31004", "cs en nl sv"),
    ("EVENT_31005", "cs en nl sv"),
    ("EVENT_31006", "cs en nl sv"),
    ("EVENT_31007", "cs en nl sv"),
    ("EVENT_31008", "cs en nl sv"),
    ("EVENT_31009", "cs en nl sv"),
    ("EVENT_31010", "cs en nl sv"),
    ("EVENT_31011", "cs en nl sv"),
    ("EVENT_31012", "cs en nl sv"),
    ("EVENT_31013", "cs en nl sv"),
    ("EVENT_31014", "cs en nl sv"),
    ("EVENT_31015", "cs en nl sv"),
    ("EVENT_31016", "cs en nl sv"),
    ("EVENT_31017", "cs en nl sv"),
    ("EVENT_31018", "cs en nl sv"),
    ("EVENT_31034", "cs sv"),
    ("EVENT_32000", "cs en nl sv"),
    ("EVENT_32001", "cs en nl sv"),
    ("EVENT_32002", "cs en nl sv"),
    ("EVENT_32003", "cs en nl sv"),
    ("EVENT_32004", "cs en nl sv"),
    ("EVENT_32005", "cs en nl sv"),
    ("EVENT_32007", "cs en nl sv"),
    ("EVENT_32008", "cs en nl sv"),
    ("EVENT_32009", "cs en nl sv"),
    ("EVENT_32010", "cs en nl sv"),
    ("EVENT_32011", "cs en nl sv"),
    ("EVENT_32013", "cs en nl sv"),
    ("EVENT_32014", "cs en nl sv"),
    ("EVENT_32015", "cs en nl sv"),
    ("EVENT_33001", "cs en nl sv"),
    ("EVENT_33002", "cs en nl sv"),
    ("EVENT_33003", "cs en nl sv"),
    ("EVENT_33004", "cs en nl sv"),
    ("EVENT_33005", "cs en nl sv"),
    ("EVENT_33006", "cs en nl sv"),
    ("EVENT_33007", "cs en nl sv"),
    ("EVENT_33008", "cs en nl sv"),
    ("EVENT_33009", "cs en nl sv"),
    ("ADSYNC_6329", "cs en nl sv"),
    ("ADSYNC_6800", "cs en nl sv"),
    ("HR_80230402", "cs en nl sv"),
    ("HR_800700CE", "cs en nl sv"),
    ("HR_8023061F", "cs en nl sv"),
    ("guide-writeback-troubleshooting", "cs en nl sv"),
    ("guide-connectivity", "cs en nl sv"),
    ("guide-restart-sync-service", "cs en nl sv"),
    ("guide-reenable-writeback", "cs en nl sv"),
    ("guide-install-latest-connect", "cs en nl sv"),
    ("guide-verify-permissions", "cs en nl sv"),
];

#[test]
fn committed_catalog_is_fresh() {
    let (text, _) = import::generate(root()).expect("catalog generates");
    let committed = std::fs::read_to_string(root().join("catalog/catalog.txt"))
        .expect("catalog/catalog.txt exists");
    assert!(
        committed == text,
        "catalog/catalog.txt is stale: run `cargo run --release -- regen` and commit it"
    );
}

/// The page's split files (catalog/web/) are the split of the committed catalog.
#[test]
fn committed_page_files_are_fresh() {
    // The files `regen` writes for the committed catalog.
    let files = import::catalog_files(sspr_lookup::catalog::EMBEDDED);
    let mut names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "catalog/catalog.txt",
            "catalog/web/core.txt",
            "catalog/web/cs.txt",
            "catalog/web/nl.txt",
            "catalog/web/sv.txt"
        ]
    );
    for (rel, want) in &files {
        let committed = std::fs::read_to_string(root().join(rel)).unwrap_or_default();
        assert!(
            committed == *want,
            "{rel} is stale: run `cargo run --release -- regen`"
        );
    }
}

/// What the page does: start from core.txt and merge the language files as they arrive, in
/// whatever order the network delivers them. Every order gives back the whole catalog exactly
/// (same entries, same language order), so the index and the answers are the native ones.
#[test]
fn merging_language_files_in_any_order_gives_the_whole_catalog() {
    let (full, _) = format::parse(sspr_lookup::catalog::EMBEDDED);
    let split = format::split(&full);
    let (core, problems) = format::parse(&split[0].1);
    assert_eq!(problems, Vec::<String>::new());
    assert!(core
        .entries
        .iter()
        .all(|e| e.locales.iter().all(|l| l.lang == "en")));
    assert_eq!(
        core.entries.len(),
        full.entries.len(),
        "every entry is in core"
    );
    let langs = &split[1..];
    let orders: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    for order in orders {
        let mut cat = core.clone();
        for i in order {
            let problems = format::merge_language(&mut cat, &langs[i].1);
            assert_eq!(problems, Vec::<String>::new(), "{}", langs[i].0);
        }
        assert!(
            cat == full,
            "merge order {order:?} differs from the whole catalog"
        );
    }
}

/// Bad or repeated language files change nothing and say why.
#[test]
fn merging_refuses_repeats_and_junk() {
    let (full, _) = format::parse(sspr_lookup::catalog::EMBEDDED);
    let split = format::split(&full);
    let sv = &split.iter().find(|(n, _)| n == "sv").unwrap().1;
    // (text, expected problem substring)
    let cases: &[(&str, &str)] = &[
        (sv, "already has language 'sv'"),
        (
            "K\tNO_SUCH_KEY\ten\nL\tsv\nT\tx\n",
            "unknown entry 'NO_SUCH_KEY'",
        ),
        ("T\tstray title\n", "outside an entry"),
        ("<html>not a catalog</html>", "outside an entry"),
        // A language file adds text, nothing else.
        (
            "E\tSSPR_9999\tscreen\tscreen\tuser\n",
            "E line in a language file",
        ),
        (
            "K\tSSPR_0014\ten\nC\tmalicious-alias\n",
            "C line in a language file",
        ),
        (
            "K\tSSPR_0014\ten\nR\tSSPR_0009\n",
            "R line in a language file",
        ),
        // Every language tag goes through the one validator (catalog::tag).
        (
            "K\tSSPR_0014\ten\nL\t../../pwned\nT\tx\n",
            "'../../pwned' is not a language tag",
        ),
        (
            "K\tSSPR_0014\ten\nL\tcore\nT\tx\n",
            "'core' is not a language tag",
        ),
        ("U\tconstructor/x\ttitle\tx\n", "is not a language tag"),
    ];
    for (text, want) in cases {
        let mut cat = full.clone();
        let problems = format::merge_language(&mut cat, text);
        assert!(cat == full, "{want}: the catalog changed");
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{want}: got {problems:?}"
        );
    }
    // Catalog::add_language refuses what adds nothing and keeps the catalog as it was.
    let mut cat = full.clone();
    assert!(cat.add_language("<html>").is_err());
    assert!(cat.add_language(sv).is_err(), "native already has sv");
    assert!(cat == full);
}

#[test]
fn committed_catalog_parses_cleanly_and_round_trips() {
    let (cat, problems) = format::parse(sspr_lookup::catalog::EMBEDDED);
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(format::write(&cat), sspr_lookup::catalog::EMBEDDED);
}

#[test]
fn keys_and_languages_match_the_sources() {
    let cat = Catalog::embedded();
    let got: BTreeMap<String, String> = cat
        .entries
        .iter()
        .map(|e| {
            let mut l = e.languages();
            l.sort();
            (e.key.clone(), l.join(" "))
        })
        .collect();
    let want: BTreeMap<String, String> = COVERAGE
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    for (k, l) in &want {
        assert_eq!(got.get(k), Some(l), "languages of {k}");
    }
    let extra: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    assert!(
        extra.is_empty(),
        "entries not in the coverage table: {extra:?}"
    );
}

/// Every body row of every table of every source lands in exactly one entry.
#[test]
fn every_table_row_lands_in_exactly_one_entry() {
    let arts = import::read_sources(&root().join("catalog/sources")).unwrap();
    let (ov, _) = import::overrides::Overrides::parse(
        &std::fs::read_to_string(root().join("catalog/overrides.txt")).unwrap(),
    );
    let (_, reports) = import::build(&arts, &ov);
    assert_eq!(arts.len(), 5);
    for a in &arts {
        // Independent count: table body lines (not header, not rule) in the article body.
        let (_, body) = markdown::front_matter(&a.text);
        let lines: Vec<&str> = body.lines().collect();
        let is_rule = |l: &str| l.trim().starts_with('|') && l.contains("---");
        let mut table_rows = BTreeSet::new();
        for (i, l) in lines.iter().enumerate() {
            let next_rule = lines.get(i + 1).is_some_and(|n| is_rule(n));
            if l.trim_start().starts_with('|') && !is_rule(l) && !next_rule {
                table_rows.insert(i + 1);
            }
        }
        let r = reports.iter().find(|r| r.file == a.file).unwrap();
        let mut placed: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for (k, _, line) in &r.rows {
            placed.entry(*line).or_default().push(k);
        }
        for line in &table_rows {
            let keys = placed.get(line).cloned().unwrap_or_default();
            assert_eq!(keys.len(), 1, "{} line {line}: placed in {keys:?}", a.file);
        }
        assert!(r.unplaced.is_empty(), "{}: {:?}", a.file, r.unplaced);
    }
}

#[test]
fn documented_corrections_hold() {
    let cat = Catalog::embedded();
    // UserNotMemberOfScopedAccessGroup = 13 is SSPR_0013 whatever the old articles print.
    let e = cat.get("SSPR_0013").unwrap();
    assert!(e
        .codes
        .iter()
        .any(|c| c == "UserNotMemberOfScopedAccessGroup"));
    assert_eq!(e.misprints, vec!["SSPR_0012".to_string()]);
    // The misprinted ADSync code column stays findable as an alias of the real HRESULT.
    let hr = cat.get("HR_80230402").unwrap();
    assert!(hr.codes.iter().any(|c| c == "HR 8023042"));
    assert!(cat.get("HR_8023042").is_none());
    // The misspelt event name is kept, the right spelling added.
    let ev = cat.get("EVENT_33003").unwrap();
    assert!(
        ev.codes.iter().any(|c| c == "ADMutliMatchError")
            && ev.codes.iter().any(|c| c == "ADMultiMatchError")
    );
    // Language comes from the text: the English article's front matter says nl-NL.
    let en = cat.get("SSPR_0014").unwrap().locale("en").unwrap();
    assert_eq!(en.source.file, "en-2018-sspr.md");
}

#[test]
fn every_link_is_absolute_or_an_entry() {
    let cat = Catalog::embedded();
    for e in &cat.entries {
        for l in &e.locales {
            for r in [&l.meaning, &l.action] {
                for b in &r.0 {
                    let (sspr_lookup::catalog::Block::Para(v)
                    | sspr_lookup::catalog::Block::Item(v)) = b;
                    for i in v {
                        if let sspr_lookup::catalog::Inline::Link { href, .. } = i {
                            let ok = href.starts_with("https://")
                                || href.starts_with("http://")
                                || href.strip_prefix('#').is_some_and(|k| cat.get(k).is_some());
                            assert!(ok, "{} ({}): bad link {href}", e.key, l.lang);
                        }
                    }
                }
            }
        }
    }
}

/// Every chrome file is complete, and the page's language list names exactly English and the
/// languages with chrome, by the names their files give.
#[test]
fn chrome_is_complete_and_the_picker_lists_it() {
    use sspr_lookup::i18n::{strings, Strings, UI_LANGS};
    let cat = Catalog::embedded();
    let langs = cat.chrome_languages();
    assert!(langs.len() >= 3, "{langs:?}");
    for lang in &langs {
        let n = cat.chrome.iter().filter(|c| c.lang == *lang).count();
        assert_eq!(
            n,
            Strings::KEYS.len(),
            "{lang}: {n} of {} strings",
            Strings::KEYS.len()
        );
    }
    let mut want: Vec<(&str, &str)> = vec![("en", "English")];
    want.extend(langs.iter().map(|l| (*l, strings(&cat, l).language_name())));
    let mut got: Vec<(&str, &str)> = UI_LANGS.to_vec();
    want.sort();
    got.sort();
    assert_eq!(got, want);
}

/// A language file of endless chrome lines is cut off at the cap, quickly, and says so.
#[test]
fn chrome_lines_are_capped() {
    let mut cat = Catalog::default();
    let text: String = (0..20_000).map(|i| format!("U\tsv\tk{i}\tv\n")).collect();
    let problems = format::merge_language(&mut cat, &text);
    assert_eq!(cat.chrome.len(), format::MAX_CHROME_STRINGS);
    assert!(problems
        .iter()
        .any(|p| p.contains("too many chrome strings")));
}
