//! The catalog: generated, committed, fresh, and complete.

use sspr_lookup::catalog::{format, lexicon, Catalog};
use sspr_lookup::import::{self, markdown};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Which keys exist, and in which of the catalog's languages, exactly as the sources give them
/// ("all", "all but …", "only …"). Czech has only the writeback article; the 2017 Dutch article
/// lacks the newest usage rows; rows new in the 2021+ articles (event 31044, the SSPR_0029
/// writeback row) exist only where that version was translated; 31019 and the 2025 usage rows
/// only in English.
const COVERAGE: &[(&str, &str)] = &[
    ("SSPR_0009", "all but cs"),
    ("SSPR_0010", "all but cs"),
    ("SSPR_0011", "all but cs"),
    ("SSPR_0012", "all but cs"),
    ("SSPR_0013", "all but cs"),
    ("SSPR_0014", "all but cs"),
    ("SSPR_0029", "all but cs"),
    ("SSPR_0030", "all but cs"),
    ("portal-section-portal", "all but cs"),
    ("portal-particular-configuration-option", "all but cs"),
    ("portal-premises-integration-tab", "all but cs"),
    ("reporting-dont-see-management-activity", "all but cs"),
    ("reporting-registrations-show-multiple-times", "all but cs"),
    (
        "reporting-authentication-method-disabled-add",
        "only de en es fr ja ko zh-cn",
    ),
    (
        "registration-directory-not-enabled-administrator-use",
        "all but cs",
    ),
    ("registration-does-premium-basic-license", "all but cs"),
    ("registration-error-processing-request", "all but cs"),
    ("usage-directory-not-enabled", "all but cs"),
    ("usage-premium-basic-license-assigned", "all but cs"),
    (
        "usage-missing-malformed-authentication-information",
        "all but cs",
    ),
    ("usage-only-one-piece-contact", "all but cs"),
    ("usage-properly-configured-unable-contacted", "all but cs"),
    ("usage-sms-call", "all but cs"),
    ("usage-never-receives-email", "all but cs"),
    ("usage-admin-account-uses-isnt", "all but cs"),
    ("usage-prevented-attempting-too-many", "all but cs"),
    ("usage-validating-number", "all but cs"),
    ("usage-processing-request", "all but cs"),
    ("usage-premises-violation", "all but cs nl"),
    ("usage-comply-fuzzy", "all but cs nl"),
    ("usage-slow-computers-need-retry", "only en"),
    ("usage-using-address", "only de en es fr ja ko zh-cn"),
    ("usage-onpremisessuccesscloudfailure", "only en"),
    ("writeback-working-time-cant", "all"),
    ("writeback-attempting-management-agent-denied", "all"),
    ("writeback-indicating-object-could-not", "all"),
    ("writeback-multiple-matches", "all"),
    ("writeback-0029-we-unable-due", "only de en es fr ko zh-cn"),
    ("EVENT_31001", "all"),
    ("EVENT_31002", "all"),
    ("EVENT_31003", "all"),
    ("EVENT_31004", "all"),
    ("EVENT_31005", "all"),
    ("EVENT_31006", "all"),
    ("EVENT_31007", "all"),
    ("EVENT_31008", "all"),
    ("EVENT_31009", "all"),
    ("EVENT_31010", "all"),
    ("EVENT_31011", "all"),
    ("EVENT_31012", "all"),
    ("EVENT_31013", "all"),
    ("EVENT_31014", "all"),
    ("EVENT_31015", "all"),
    ("EVENT_31016", "all"),
    ("EVENT_31017", "all"),
    ("EVENT_31018", "all"),
    ("EVENT_31019", "only en"),
    ("EVENT_31034", "all but nl"),
    ("EVENT_31044", "only de en es fr ko zh-cn"),
    ("EVENT_32000", "all"),
    ("EVENT_32001", "all"),
    ("EVENT_32002", "all"),
    ("EVENT_32003", "all"),
    ("EVENT_32004", "all"),
    ("EVENT_32005", "all"),
    ("EVENT_32007", "all"),
    ("EVENT_32008", "all"),
    ("EVENT_32009", "all"),
    ("EVENT_32010", "all"),
    ("EVENT_32011", "all"),
    ("EVENT_32013", "all"),
    ("EVENT_32014", "all"),
    ("EVENT_32015", "all"),
    ("EVENT_33001", "all"),
    ("EVENT_33002", "all"),
    ("EVENT_33003", "all"),
    ("EVENT_33004", "all"),
    ("EVENT_33005", "all"),
    ("EVENT_33006", "all"),
    ("EVENT_33007", "all"),
    ("EVENT_33008", "all"),
    ("EVENT_33009", "all"),
    ("ADSYNC_6329", "all"),
    ("ADSYNC_6800", "all"),
    ("HR_80230402", "all"),
    ("HR_800700CE", "all"),
    ("HR_8023061F", "all"),
    ("guide-writeback-troubleshooting", "all"),
    ("guide-connectivity", "all"),
    ("guide-restart-sync-service", "all but es it"),
    ("guide-reenable-writeback", "all but es it"),
    ("guide-install-latest-connect", "all but es it"),
    ("guide-verify-permissions", "all but es it"),
];

/// Per language: the coded entries (screen errors, events, HRESULTs, ADSync) and all entries it
/// covers. A language that drops (an article lost, a table no longer read) fails here.
const LANGUAGE_COVERAGE: &[(&str, usize, usize)] = &[
    ("cs", 47, 57),
    ("de", 56, 90),
    ("en", 57, 93),
    ("es", 56, 86),
    ("fr", 56, 90),
    ("hu", 55, 86),
    ("it", 55, 82),
    ("ja", 55, 88),
    ("ko", 56, 90),
    ("nl", 54, 83),
    ("pl", 55, 86),
    ("pt-br", 55, 86),
    ("pt-pt", 55, 86),
    ("ru", 55, 86),
    ("sv", 55, 86),
    ("tr", 55, 86),
    ("zh-cn", 56, 90),
    ("zh-tw", 55, 86),
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
    // catalog.txt, core.txt, English, and one file per other language (the
    // languages with chrome), and every language's lexicon.
    let mut want = vec![
        "catalog/catalog.txt".to_string(),
        "catalog/web/core.txt".to_string(),
        "catalog/web/en.txt".to_string(),
        "catalog/web/lexicon/en.txt".to_string(),
    ];
    for f in std::fs::read_dir(root().join("catalog/chrome")).unwrap() {
        let name = f.unwrap().file_name().into_string().unwrap();
        want.push(format!("catalog/web/{name}"));
        want.push(format!("catalog/web/lexicon/{name}"));
    }
    want.sort();
    assert_eq!(names, want);
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
    assert!(core.entries.iter().all(|e| e.locales.is_empty()));
    assert_eq!(
        core.entries.len(),
        full.entries.len(),
        "every entry is in core"
    );
    let langs = &split[1..];
    // Catalog order, reversed, and rotations of a shuffle: every language first and last once.
    let n = langs.len();
    // A stride coprime with n visits every file once.
    let gcd = |mut a: usize, mut b: usize| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let stride = [7, 11, 13, 17]
        .into_iter()
        .find(|s| gcd(*s, n) == 1)
        .unwrap_or(1);
    let shuffled: Vec<usize> = (0..n).map(|i| (i * stride + 3) % n).collect();
    let mut orders: Vec<Vec<usize>> = vec![(0..n).collect(), (0..n).rev().collect()];
    for r in 0..n {
        orders.push((0..n).map(|i| shuffled[(i + r) % n]).collect());
    }
    for order in orders {
        let mut cat = core.clone();
        for &i in &order {
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
        // An entry by its place: one past the last is no entry.
        ("K\t99999\nL\tsv\nT\tx\n", "unknown entry '99999'"),
        ("K\t18446744073709551616\nL\tsv\nT\tx\n", "unknown entry"),
        // After a K that named no entry, a bare K names none either (it used to be entry 0).
        ("K\tNO_SUCH_KEY\nK\nL\tsv\nT\tx\n", "unknown entry ''"),
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
    // A lexicon merges once; its lines are checked like any other.
    let lex_sv = &split.iter().find(|(n, _)| n == "lexicon/sv").unwrap().1;
    assert!(
        cat.add_language(lex_sv).is_err(),
        "native already has sv's lexicon"
    );
    for (text, want) in [
        ("V\t../x\tsms\tsms\n", "not a language tag"),
        ("V\tsv\tbad name!\tx\n", "bad concept name"),
    ] {
        let mut c = format::parse(&split[0].1).0;
        let problems = format::merge_language(&mut c, text);
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{want}: {problems:?}"
        );
        assert!(c.lexicon.is_empty(), "{want}");
    }
    assert!(cat == full);
    // Each V line keeps its own language, whatever came between (review: the last new
    // language was used instead).
    let mut c = format::parse(&split[0].1).0;
    let problems = format::merge_language(&mut c, "V\tde\tc\tfoo\nV\tnl\tc\tbar\nV\tde\tc\tbaz\n");
    assert_eq!(problems, Vec::<String>::new());
    let langs: Vec<&str> = c.lexicon.lines.iter().map(|l| l.lang.as_str()).collect();
    assert_eq!(langs, ["de", "de", "nl"]);
}

/// Phrases (`P lang KEY sentence`, from `catalog/phrases/`) merge with their language's lexicon:
/// once, for a known entry, bounded; merged in any order they write back the same.
#[test]
fn phrases_merge_once_for_known_entries() {
    let (full, _) = format::parse(sspr_lookup::catalog::EMBEDDED);
    let split = format::split(&full);
    let core = || format::parse(&split[0].1).0;
    // (file, problem named; "" when it merges)
    let cases: &[(&str, &str)] = &[
        ("P\tsv\tSSPR_0014\tjag har inga metoder registrerade\n", ""),
        // `-`: a problem near the subject that no entry answers ("not ours").
        ("P\tsv\t-\tbankid-appen vill inte starta\n", ""),
        ("P\tsv\tNO_SUCH\tx y z\n", "phrase of an unknown entry"),
        ("P\t../x\tSSPR_0014\tx y z\n", "not a language tag"),
        (
            "P\tsv\tSSPR_0014\t   \n",
            "phrase empty, too long, or too many",
        ),
        // A phrase line is checked like a lexicon line: its language merges once.
        ("V\tsv\tsms\tsms\nP\tsv\tSSPR_0014\ta b c\n", ""),
    ];
    for (text, want) in cases {
        let mut c = core();
        let problems = format::merge_language(&mut c, text);
        if want.is_empty() {
            assert_eq!(problems, Vec::<String>::new(), "{text}");
            assert_eq!(c.lexicon.phrases.len(), 1, "{text}");
        } else {
            assert!(
                problems.iter().any(|p| p.contains(want)),
                "{want}: {problems:?}"
            );
            assert!(c.lexicon.phrases.is_empty(), "{want}");
        }
    }
    let long = format!("P\tsv\tSSPR_0014\t{}\n", "ord ".repeat(100));
    let mut c = core();
    assert!(!format::merge_language(&mut c, &long).is_empty());
    assert!(
        c.lexicon.phrases.is_empty(),
        "an over-long phrase is refused"
    );
    let mut c = core();
    let many = "P\tsv\tSSPR_0014\tord ord\n".repeat(lexicon::MAX_PHRASES + 3);
    let problems = format::merge_language(&mut c, &many);
    assert_eq!(c.lexicon.phrases.len(), lexicon::MAX_PHRASES, "bounded");
    assert_eq!(problems.len(), 3);
    // Once per language: a second file of sv phrases is refused whole.
    let mut c = core();
    c.add_language("P\tsv\tSSPR_0014\ta b c\n").unwrap();
    assert!(c.add_language("P\tsv\tSSPR_0013\td e f\n").is_err());
    // Each language's phrases are in its lexicon file (web/lexicon/<lang>.txt), which the page
    // fetches after the first answer, and in no other page file.
    for (name, text) in &split {
        let lang = name.strip_prefix("lexicon/");
        let want = lang.map_or(0, |l| {
            full.lexicon.phrases.iter().filter(|p| p.lang == l).count()
        });
        assert_eq!(text.matches("\nP\t").count(), want, "{name}");
    }
    assert_eq!(
        format::write(&full).matches("\nP\t").count(),
        full.lexicon.phrases.len()
    );
    // The catalog has "not ours" phrases, and they write back as `-`.
    for lang in full.lexicon.languages() {
        let others = full.lexicon.phrases.iter();
        let n = others
            .filter(|p| p.entry.is_none() && p.lang == lang)
            .count();
        assert!(n >= 20, "{lang}: {n} not-ours phrases");
    }
    assert!(format::write(&full).contains("\nP\ten\t-\t"));
}

/// The wasm carries codes only; English is a language file like the others. A language file
/// adds whole localisations and never replaces text an entry has.
#[test]
fn a_language_file_adds_localisations_and_never_replaces_text() {
    let (full, _) = format::parse(sspr_lookup::catalog::EMBEDDED);
    let split = format::split(&full);
    let (core, _) = format::parse(&split[0].1);
    assert!(
        core.entries.iter().all(|e| e.locales.is_empty()),
        "core.txt has no text"
    );
    assert_eq!(split[1].0, "en", "English comes first");
    let title = |c: &Catalog| {
        c.get("SSPR_0014")
            .unwrap()
            .locale("en")
            .map(|l| l.title.clone())
    };
    // (start from the page's core?, file, accepted?, problem named)
    let cases: &[(bool, &str, bool, &str)] = &[
        (true, "K\tSSPR_0014\nL\ten\nT\tnew\n", true, ""),
        (
            false,
            "K\tSSPR_0014\nL\ten\nW\t¶evil\n",
            false,
            "already has language 'en'",
        ),
        (
            false,
            "K\tSSPR_0014\nL\ten\nT\tevil\n",
            false,
            "already has language 'en'",
        ),
        (
            false,
            "K\tSSPR_0014\nL\tde\nT\tevil\n",
            false,
            "already has language 'de'",
        ),
    ];
    for (from_core, text, accepted, problem) in cases {
        let base = if *from_core {
            core.clone()
        } else {
            full.clone()
        };
        let mut cat = base.clone();
        let got = cat.add_language(text);
        assert_eq!(got.is_ok(), *accepted, "{text:?}: {got:?}");
        if *accepted {
            assert_eq!(title(&cat).as_deref(), Some("new"), "{text:?}");
        } else {
            assert!(cat == base, "{text:?}: refused but changed");
            let mut c = base.clone();
            let problems = format::merge_language(&mut c, text);
            assert!(
                problems.iter().any(|p| p.contains(problem)),
                "{text:?}: {problems:?}"
            );
        }
    }
    // The real English file gives every entry its whole English text.
    let mut cat = core.clone();
    cat.add_language(&split[1].1).expect("en merges");
    for e in &full.entries {
        assert_eq!(
            cat.get(&e.key).unwrap().locale("en"),
            e.locale("en"),
            "{}",
            e.key
        );
    }
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
    let all = cat.languages();
    let spec = |e: &sspr_lookup::catalog::Entry| {
        let have = e.languages();
        let missing: Vec<&str> = all.iter().copied().filter(|l| !have.contains(l)).collect();
        let mut have: Vec<&str> = have.to_vec();
        have.sort_unstable();
        let mut missing = missing;
        missing.sort_unstable();
        if missing.is_empty() {
            "all".to_string()
        } else if missing.len() <= have.len() {
            format!("all but {}", missing.join(" "))
        } else {
            format!("only {}", have.join(" "))
        }
    };
    let got: BTreeMap<String, String> = cat
        .entries
        .iter()
        .map(|e| (e.key.clone(), spec(e)))
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

#[test]
fn every_language_covers_what_its_articles_give() {
    let cat = Catalog::embedded();
    let coded = |e: &&sspr_lookup::catalog::Entry| {
        e.kind != sspr_lookup::catalog::Kind::Symptom && e.key.contains('_')
    };
    let mut got = Vec::new();
    let mut langs = cat.languages();
    langs.sort_unstable();
    for l in langs {
        let has = |e: &&sspr_lookup::catalog::Entry| e.locale(l).is_some();
        let n_coded = cat.entries.iter().filter(has).filter(coded).count();
        let n_all = cat.entries.iter().filter(has).count();
        got.push((l.to_string(), n_coded, n_all));
    }
    let want: Vec<(String, usize, usize)> = LANGUAGE_COVERAGE
        .iter()
        .map(|(l, c, a)| (l.to_string(), *c, *a))
        .collect();
    assert_eq!(got, want, "(language, coded entries, all entries)");
}

/// Every body row of every table of every source lands in exactly one entry.
#[test]
fn every_table_row_lands_in_exactly_one_entry() {
    let arts = import::read_sources(&root().join("catalog/sources")).unwrap();
    let (ov, _) = import::overrides::Overrides::parse(
        &std::fs::read_to_string(root().join("catalog/overrides.txt")).unwrap(),
    );
    let (_, reports) = import::build(&arts, &ov);
    assert_eq!(arts.len(), 35);
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
    // Language comes from the text: the 2018 English article's front matter says nl-NL. Its
    // wording stays as an earlier one under the newest English text (2025).
    let en = cat.get("SSPR_0014").unwrap().locale("en").unwrap();
    assert_eq!(en.source.file, "en-2025-troubleshoot-sspr.md");
    assert!(en.message.contains("aka.ms/ssprsetup"));
    assert_eq!(
        en.earlier,
        vec![
            "Additional security info is needed to reset your password. To proceed, contact \
your admin and ask them to reset your password. After you have access to your account, you can \
register additional security info at https://aka.ms/ssprsetup. Your admin can add additional \
security info to your account by following the steps in Set and read authentication data for \
password reset."
                .to_string()
        ],
        "the 2018 wording is kept as an earlier one"
    );
    assert_ne!(en.earlier[0], en.message);
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
