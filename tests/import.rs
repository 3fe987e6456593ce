//! The importer as admins use it: a sixth article, a fragment with no headings, junk input.

use sspr_lookup::import::{self, overrides::Overrides, Article};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{copy_project, within};

fn sources() -> Vec<Article> {
    import::read_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/sources")).unwrap()
}

fn overrides() -> Overrides {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/overrides.txt"),
    )
    .unwrap();
    Overrides::parse(&text).0
}

/// A German excerpt pasted from a browser: no front matter, no headings, starts mid-table,
/// with a row for an event the seeds lack and a new symptom.
const GERMAN_FRAGMENT: &str = "\
| 32002| ServiceBusError| Dieses Ereignis gibt an, dass beim Herstellen einer Verbindung mit der Service Bus-Instanz Ihres Mandanten ein Fehler aufgetreten ist. Überprüfen Sie die Firewall auf ausgehende Verbindungen.|
| 33010| ADNewHypotheticalError| Dieses Ereignis gibt an, dass ein neuer Fehler aufgetreten ist, den die älteren Artikel nicht kennen.|
| UserNotLicensed = 12 | Leider können Sie Ihr Kennwort derzeit nicht zurücksetzen, weil in Ihrer Organisation die erforderlichen Lizenzen fehlen. | SSPR_0012: Ihre Organisation verfügt nicht über die erforderlichen Lizenzen zum Zurücksetzen des Kennworts. |
| Der Benutzer erhält nie die SMS zum Zurücksetzen des Kennworts. | Überprüfen Sie das Format der Telefonnummer: +1 4255551234. |
";

#[test]
fn a_sixth_article_adds_a_language_and_new_entries() {
    // The catalog without its German articles: the fragment brings a new language.
    let mut arts: Vec<Article> = sources()
        .into_iter()
        .filter(|a| !a.file.starts_with("de-"))
        .collect();
    let (before, _) = import::build(&arts, &overrides());
    arts.push(Article {
        file: "de-fragment.md".into(),
        text: GERMAN_FRAGMENT.into(),
        lang: Some("de".into()),
    });
    let (cat, reports) = import::build(&arts, &overrides());
    let r = reports.iter().find(|r| r.file == "de-fragment.md").unwrap();
    assert_eq!(r.lang, "de");
    assert!(
        r.aligned.contains(&"EVENT_32002".to_string()),
        "{:?}",
        r.aligned
    );
    assert!(r.aligned.contains(&"SSPR_0012".to_string()));
    assert!(
        r.new_entries.contains(&"EVENT_33010".to_string()),
        "{:?}",
        r.new_entries
    );
    assert_eq!(r.rows.len(), 4, "{:?} unplaced {:?}", r.rows, r.unplaced);
    assert!(cat.get("EVENT_32002").unwrap().locale("de").is_some());
    assert!(cat
        .get("EVENT_33010")
        .unwrap()
        .codes
        .contains(&"ADNewHypotheticalError".to_string()));
    // The entries are untouched in their other languages.
    let langs = |c: &sspr_lookup::catalog::Catalog| c.get("EVENT_32002").unwrap().languages().len();
    assert_eq!(langs(&cat), langs(&before) + 1);
}

#[test]
fn language_is_detected_when_not_given() {
    let arts = vec![Article {
        file: "x.md".into(),
        text: GERMAN_FRAGMENT.into(),
        lang: None,
    }];
    let (_, reports) = import::build(&arts, &Overrides::default());
    assert_eq!(reports[0].lang, "de", "{}", reports[0].lang_reason);
}

#[test]
fn junk_never_panics_and_is_reported() {
    let junk = [
        "",
        "---\ntitle: x\n",
        "| a |\n| --- |\n| b | c | d | e |\n",
        "# <a name=\"troubleshoot-password-writeback\"></a>\n| x | y |\n|---|---|\n| | |\n| only one |\n",
        "\u{0}\u{202e}||||\n|---|\n",
        "<span data-ttu-id=\"1\">unclosed",
    ];
    for j in junk {
        let arts = vec![Article {
            file: "j.md".into(),
            text: j.into(),
            lang: None,
        }];
        let _ = import::build(&arts, &Overrides::default());
    }
    let arts = vec![Article {
        file: "j.md".into(),
        text: "| only one |\n".into(),
        lang: Some("en".into()),
    }];
    let (_, reports) = import::build(&arts, &Overrides::default());
    assert_eq!(reports[0].unplaced.len(), 1, "{:?}", reports[0]);
}

/// A throw-away copy of the project's catalog inputs; `name` keeps parallel tests apart.
fn temp_project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sspr-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_project(&dir);
    dir
}

#[test]
fn the_import_command_copies_regenerates_and_reports() {
    let dir = temp_project("cli");
    let article = dir.join("Artikel.md");
    std::fs::write(&article, GERMAN_FRAGMENT).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sspr-lookup"))
        .args(["import", "--lang", "de"])
        .arg(&article)
        .current_dir(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Stored as LANG-NAME.md (no ms.date, so no year): another language's Artikel.md would
    // not replace it.
    assert!(stdout.contains("de-Artikel.md — language de"), "{stdout}");
    assert!(stdout.contains("new: EVENT_33010"), "{stdout}");
    assert!(dir.join("catalog/sources/de-Artikel.md").exists());
    let cat = std::fs::read_to_string(dir.join("catalog/catalog.txt")).unwrap();
    assert!(cat.contains("L\tde\n"));
    let bad = Command::new(env!("CARGO_BIN_EXE_sspr-lookup"))
        .args(["import", "--lang", "not a tag"])
        .arg(&article)
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn list_json_has_the_documented_shape() {
    let out = Command::new(env!("CARGO_BIN_EXE_sspr-lookup"))
        .args(["list", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(
        arr.len(),
        sspr_lookup::catalog::Catalog::embedded().entries.len()
    );
    let e = arr.iter().find(|e| e["key"] == "SSPR_0014").unwrap();
    assert_eq!(e["kind"], "screen");
    assert!(e["codes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "UserNotProperlyConfigured"));
    let langs: Vec<&str> = e["languages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert_eq!(langs.first(), Some(&"en"));
    for l in [
        "sv", "nl", "de", "fr", "ja", "zh-cn", "zh-tw", "pt-br", "pt-pt",
    ] {
        assert!(langs.contains(&l), "{l} in {langs:?}");
    }
    assert!(
        !langs.contains(&"cs"),
        "the Czech article has no screen errors"
    );
}

#[test]
fn eval_json_has_the_documented_shape() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/dev.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_sspr-lookup"))
        .arg("eval")
        .arg(&f)
        .arg("--json")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &v["results"][0];
    assert!(r["id"].is_string() && r["keys"].is_array() && r["no_match"].is_boolean());
    assert!(v["overall"]["top1"].is_number());
}

#[test]
fn a_newer_version_of_a_language_updates_it() {
    // A newer Swedish writeback article: its 32002 row replaces the 2020 text; an older one
    // would be kept out.
    let newer = "---\nms.date: 03/01/2024\nms.contentlocale: sv-SE\n---\n\
# <a name=\"password-writeback-event-log-error-codes\"></a>Felkoder\n\
| Kod | Namn eller meddelande | Beskrivning |\n| --- | --- | --- |\n\
| 32002 | ServiceBusError | Ny text: anslutningen till Service Bus misslyckades. Kontrollera brandväggen. |\n";
    let older = newer
        .replace("03/01/2024", "01/01/2019")
        .replace("Ny text", "Gammal text");
    for (text, expect_new) in [(newer.to_string(), true), (older, false)] {
        let mut arts = sources();
        arts.push(Article {
            file: "sv-update.md".into(),
            text,
            lang: None,
        });
        let (cat, reports) = import::build(&arts, &overrides());
        let sv: Vec<_> = cat
            .get("EVENT_32002")
            .unwrap()
            .locales
            .iter()
            .filter(|l| l.lang == "sv")
            .collect();
        assert_eq!(sv.len(), 1, "one Swedish localisation");
        assert_eq!(sv[0].source.file == "sv-update.md", expect_new);
        let r = reports.iter().find(|r| r.file == "sv-update.md").unwrap();
        assert_eq!(
            r.superseded.len(),
            usize::from(!expect_new),
            "{:?}",
            r.superseded
        );
    }
    assert_eq!(import::sortable_date("08/26/2020"), 20200826);
    assert_eq!(import::sortable_date("2024-03-01"), 20240301);
    assert_eq!(import::sortable_date("soon"), 0);
}

#[test]
fn an_article_in_an_unknown_language_is_refused_and_nothing_is_written() {
    let dir = temp_project("unknown-lang");
    let article = dir.join("fragment.md");
    std::fs::write(&article, "| 32002 | ServiceBusError | x |\n").unwrap();
    let before = std::fs::read_dir(dir.join("catalog/sources"))
        .unwrap()
        .count();
    let out = Command::new(env!("CARGO_BIN_EXE_sspr-lookup"))
        .arg("import")
        .arg(&article)
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--lang"));
    assert_eq!(
        std::fs::read_dir(dir.join("catalog/sources"))
            .unwrap()
            .count(),
        before
    );
    assert!(
        !dir.join("catalog/catalog.txt").exists(),
        "no catalog written"
    );
    // The library places no row of an article whose language is unknown.
    let (_, reports) = import::build(
        &[Article {
            file: "u.md".into(),
            text: "| 32002 | ServiceBusError | x |\n".into(),
            lang: None,
        }],
        &Overrides::default(),
    );
    assert_eq!(
        (reports[0].lang.as_str(), reports[0].rows.len()),
        ("und", 0)
    );
    std::fs::remove_dir_all(&dir).ok();
}

// ---- Hostile articles (issue 10): a crafted article cannot touch files ----

/// Every file under `dir` (relative path, contents), for before/after comparisons.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap_or_default(),
                );
            }
        }
    }
    out
}

/// A temp project one level down (`outer/project`), so a write to `project/../x` is seen in
/// `outer`; the catalog is generated first, as in a real checkout.
fn nested_project(name: &str) -> (PathBuf, PathBuf) {
    let inner = temp_project(name);
    let outer = inner.with_extension("outer");
    let _ = std::fs::remove_dir_all(&outer);
    std::fs::create_dir_all(&outer).unwrap();
    let project = outer.join("project");
    std::fs::rename(&inner, &project).unwrap();
    regen_ok(&project);
    (outer, project)
}

/// Runs `regen` in `dir`, which must succeed (its stderr is the failure message).
fn regen_ok(dir: &Path) {
    let out = sspr(dir, &["regen"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn sspr(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sspr-lookup"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// An article that tells nothing about its language except through its front matter.
fn with_locale(locale: &str) -> String {
    format!(
        "---\nms.date: 01/01/2024\nms.contentlocale: {locale}\n---\n\
# <a name=\"password-writeback-event-log-error-codes\"></a>Codes\n\
| Code | Name | Description |\n| --- | --- | --- |\n| 32002 | ServiceBusError | x |\n"
    )
}

/// Every file added or changed under `outer` since `before` is in the project's catalog/
/// (or the article itself), core.txt and catalog.txt are what `regen` gives.
fn only_catalog_changed(
    outer: &Path,
    before: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
    what: &str,
) {
    for (p, bytes) in snapshot(outer) {
        if before.get(&p) != Some(&bytes) {
            assert!(
                p.starts_with("project/catalog")
                    || p.extension().is_some_and(|x| x == "md")
                        && p.parent() == Some(Path::new("")),
                "{what}: wrote {}",
                p.display()
            );
        }
    }
    assert!(
        sspr(&outer.join("project"), &["regen", "--check"])
            .status
            .success(),
        "{what}"
    );
}

#[test]
fn a_front_matter_language_never_names_a_file() {
    // Regression (issue 10): `ms.contentlocale: ../../../pwned` wrote `../../../pwned.txt`
    // relative to catalog/web/, `core` overwrote catalog/web/core.txt, `../catalog` the catalog.
    for (i, locale) in [
        "../../../pwned",
        "..",
        "core",
        "../catalog",
        "catalog",
        "a/../../b",
        "sv\u{1b}[2J",
    ]
    .iter()
    .enumerate()
    {
        let (outer, project) = nested_project(&format!("fm-{i}"));
        let before = snapshot(&outer);
        let article = outer.join("hostile.md");
        std::fs::write(&article, with_locale(locale)).unwrap();
        // Without --lang the tag is ignored: the text tells the language, or nothing does and
        // the import is refused. Either way only catalog files change.
        let out = sspr(&project, &["import", article.to_str().unwrap()]);
        let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("ms.contentlocale ignored") || said.contains("nothing was written"),
            "{locale}: {said}"
        );
        only_catalog_changed(&outer, &before, locale);
        let out = sspr(
            &project,
            &["import", "--lang", "de", article.to_str().unwrap()],
        );
        assert!(
            out.status.success(),
            "{locale}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        only_catalog_changed(&outer, &before, locale);
        assert!(project.join("catalog/web/de.txt").exists(), "{locale}");
        assert!(
            sspr(&project, &["regen", "--check"]).status.success(),
            "{locale}"
        );
        std::fs::remove_dir_all(&outer).ok();
    }
}

#[test]
fn a_sidecar_language_is_validated() {
    // Regression (issue 10): the `.md.lang` sidecar was used as a file name unchecked.
    let (outer, project) = nested_project("sidecar");
    let src = project.join("catalog/sources");
    std::fs::write(src.join("x.md"), with_locale("")).unwrap();
    std::fs::write(src.join("x.md.lang"), "../../../evil\n").unwrap();
    let before = snapshot(&outer);
    let out = sspr(&project, &["regen"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("x.md.lang"), "{stderr}");
    assert!(snapshot(&outer) == before, "regen changed files");
    // A valid tag in any case is the catalog's lower-case tag (a region only where the
    // variants are written differently: zh, pt).
    std::fs::write(src.join("x.md.lang"), "PT-ao\n").unwrap();
    regen_ok(&project);
    assert!(project.join("catalog/web/pt-ao.txt").exists());
    std::fs::remove_dir_all(&outer).ok();
}

#[test]
fn lang_flag_needs_a_valid_value() {
    // Regression (issue 10): `--lang` at the end was ignored and the import went ahead.
    let (outer, project) = nested_project("lang-flag");
    let article = outer.join("Artikel.md");
    std::fs::write(&article, GERMAN_FRAGMENT).unwrap();
    let before = snapshot(&outer);
    let a = article.to_str().unwrap();
    for args in [
        vec!["import", a, "--lang"],
        vec!["import", "--lang=", a],
        vec!["import", "--lang", "../x", a],
        vec!["import", "--lang", "core", a],
        vec!["--lang"],
    ] {
        let out = sspr(&project, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--lang"),
            "{args:?}"
        );
        assert!(snapshot(&outer) == before, "{args:?} changed files");
    }
    std::fs::remove_dir_all(&outer).ok();
}

#[test]
fn an_article_past_a_limit_leaves_the_project_as_it_was() {
    // Regression (issue 10): the article was copied into sources/ before the catalog was
    // generated from it, so one that hung or failed broke every later import and regen.
    let rows: String = (0..import::limits::MAX_ROWS + 1)
        .map(|i| format!("| The user sees problem number {i} | Do thing {i}. |\n"))
        .collect();
    let big_cell = format!(
        "| {} | x |\n",
        "[".repeat(import::limits::MAX_CELL_CHARS + 1)
    );
    let header = "---\nms.contentlocale: en-us\n---\n# <a name=\"troubleshoot-password-writeback\"></a>W\n| Problem | Solution |\n| --- | --- |\n";
    let too_big = "word ".repeat(import::limits::MAX_ARTICLE_BYTES / 5 + 1);
    let heads = "### h\n".repeat(import::limits::MAX_SECTIONS + 1);
    for (i, (what, text)) in [
        ("rows", format!("{header}{rows}")),
        ("characters in a table cell", format!("{header}{big_cell}")),
        ("bytes", format!("{header}{too_big}")),
        ("headings", format!("{header}{heads}")),
    ]
    .into_iter()
    .enumerate()
    {
        let (outer, project) = nested_project(&format!("limit-{i}"));
        let article = outer.join("big.md");
        std::fs::write(&article, &text).unwrap();
        let before = snapshot(&outer);
        let p = project.clone();
        let a = article.clone();
        let out = within(std::time::Duration::from_secs(60), what, move || {
            sspr(&p, &["import", "--lang", "en", a.to_str().unwrap()])
        });
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{what}: imported");
        assert!(
            stderr.contains(what) && stderr.contains("at most"),
            "{what}: {stderr}"
        );
        assert!(snapshot(&outer) == before, "{what}: files changed");
        assert!(
            sspr(&project, &["regen", "--check"]).status.success(),
            "{what}"
        );
        std::fs::remove_dir_all(&outer).ok();
    }
}

#[test]
fn article_text_is_escaped_in_the_report() {
    // Regression (issue 10): control characters from an article reached the terminal.
    let (outer, project) = nested_project("escape");
    let article = outer.join("esc.md");
    let text = GERMAN_FRAGMENT.replace("ADNewHypotheticalError", "AD\u{1b}[2JError")
        + "| \u{1b}]0;pwned\u{7} | \u{202e}x |\n";
    std::fs::write(
        &article,
        format!("---\nms.date: \u{1b}[31m01/01/2024\u{9b}0m\n---\n{text}"),
    )
    .unwrap();
    let out = sspr(
        &project,
        &["import", "--lang", "de", article.to_str().unwrap()],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("\\u{1b}[31m01/01/2024"), "{stdout}");
    for c in stdout.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{c:?} in {stdout}"
        );
    }
    std::fs::remove_dir_all(&outer).ok();
}

#[test]
fn impossible_dates_do_not_overflow() {
    // Regression (issue 10): `ms.date: 4294967295/99/99` overflowed a multiplication.
    for (d, want) in [
        ("4294967295/99/99", 0),
        ("99/99/4294967295", 0),
        ("12/31/9999", 99991231),
        ("13/01/2020", 0),
        ("2020-02-30", 20200230),
        ("2020-00-10", 0),
    ] {
        assert_eq!(import::sortable_date(d), want, "{d}");
    }
    // Through the importer: two Swedish articles with the same entry compare their dates.
    let art = |file: &str, date: &str| Article {
        file: file.into(),
        text: with_locale("sv-se").replace("01/01/2024", date),
        lang: None,
    };
    let (cat, _) = import::build(
        &[
            art("a.md", "4294967295/99/99"),
            art("b.md", "99/99/4294967295"),
        ],
        &Overrides::default(),
    );
    assert!(cat.get("EVENT_32002").is_some());
}

#[test]
fn a_catalog_folder_linked_elsewhere_is_not_written_through() {
    // Paths are checked after symbolic links are resolved: a `catalog/web` (or its lexicon
    // folder) that points outside the catalog is refused rather than written through, and no
    // folder is made there either (regression: the lexicon folder was made through the link).
    for (i, linked) in ["catalog/web", "catalog/web/lexicon"].iter().enumerate() {
        let (outer, project) = nested_project(&format!("symlink{i}"));
        let elsewhere = outer.join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        // Not a generated file's name: regen must not remove it as stale through the link.
        std::fs::write(elsewhere.join("notes.txt"), "keep").unwrap();
        let _ = std::fs::remove_dir_all(project.join(linked));
        std::fs::create_dir_all(project.join(linked).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&elsewhere, project.join(linked)).unwrap();
        let out = sspr(&project, &["regen"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{linked}: {stderr}");
        assert!(stderr.contains("outside catalog/"), "{linked}: {stderr}");
        let left: Vec<_> = std::fs::read_dir(&elsewhere)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            left,
            vec![std::ffi::OsString::from("notes.txt")],
            "{linked}"
        );
        std::fs::remove_dir_all(&outer).ok();
    }
}

#[test]
fn a_write_that_fails_part_way_is_not_called_harmless() {
    // Regression (review): the article was copied into sources/ and then writing the catalog
    // failed, yet the tool said "nothing was written".
    let (outer, project) = nested_project("write-fails");
    let article = outer.join("again.md");
    std::fs::copy(project.join("catalog/sources/sv-2021-sspr.md"), &article).unwrap();
    // A folder where a generated file must go: its rename fails whoever runs the test.
    let blocked = project.join("catalog/web/sv.txt");
    std::fs::remove_file(&blocked).unwrap();
    std::fs::create_dir_all(blocked.join("x")).unwrap();
    let out = sspr(
        &project,
        &["import", "--lang", "sv", article.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(!stderr.contains("nothing was written"), "{stderr}");
    assert!(stderr.contains("writing failed part-way"), "{stderr}");
    std::fs::remove_dir_all(&outer).ok();
}

#[test]
fn a_word_two_lexicon_files_give_two_concepts_is_refused_by_name() {
    // One table serves every language: regen used to keep the first concept silently, so an
    // English word could mean what a Czech file said (`site` as network).
    let dir = temp_project("lexicon-clash");
    let sv = dir.join("catalog/lexicon/sv.txt");
    let mut text = std::fs::read_to_string(&sv).unwrap();
    text.push_str("license\ttenant\n");
    std::fs::write(&sv, text).unwrap();
    let out = sspr(&dir, &["regen"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("\"tenant\" (sv license; already tenant)"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_phrase_given_twice_for_one_entry_is_refused_by_file_and_line() {
    // The same sentence twice would count as two descriptions agreeing (each phrase is a part of
    // its own); for another entry it is another description.
    let dir = temp_project("phrase-twice");
    std::fs::create_dir_all(dir.join("catalog/phrases")).unwrap();
    let sv = dir.join("catalog/phrases/sv.txt");
    let mut text = String::from("# test\n");
    text.push_str("SSPR_0013\tjag får inte återställa, fel grupp\n");
    text.push_str("SSPR_0014\tjag får inte återställa, fel grupp\n");
    std::fs::write(&sv, &text).unwrap();
    regen_ok(&dir);
    text.push_str("SSPR_0013\tjag får inte återställa, fel grupp\n");
    std::fs::write(&sv, &text).unwrap();
    let out = sspr(&dir, &["regen"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    let line = text.lines().count();
    assert!(
        stderr.contains(&format!(
            "catalog/phrases/sv.txt: line {line}: the same sentence twice for one entry"
        )),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
