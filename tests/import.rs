//! The importer as admins use it: a sixth article, a fragment with no headings, junk input.

use sspr_lookup::import::{self, overrides::Overrides, Article};
use std::path::{Path, PathBuf};
use std::process::Command;

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
    let mut arts = sources();
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
    // The seeds' entries are untouched in their own languages.
    assert_eq!(cat.get("EVENT_32002").unwrap().languages().len(), 5);
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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("sspr-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("catalog/sources")).unwrap();
    for e in std::fs::read_dir(root.join("catalog/sources")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("catalog/sources").join(p.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        root.join("catalog/overrides.txt"),
        dir.join("catalog/overrides.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("Cargo.toml"), "").unwrap();
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
    assert!(stdout.contains("Artikel.md — language de"), "{stdout}");
    assert!(stdout.contains("new: EVENT_33010"), "{stdout}");
    assert!(dir.join("catalog/sources/Artikel.md").exists());
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
    assert_eq!(e["languages"], serde_json::json!(["en", "nl", "sv"]));
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
