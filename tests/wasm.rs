//! The core compiled to wasm32 and run in headless Chromium (wasm-bindgen-test-runner).
//! Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use sspr_lookup::{Catalog, Config, Engine, IndexConfig};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn embedded_catalog_parses_in_wasm_and_languages_merge() {
    // The wasm embeds every entry with its codes and no text; English comes as a file.
    let mut cat = Catalog::embedded();
    assert!(cat.get("SSPR_0014").is_some());
    assert!(cat.languages().is_empty());
    cat.add_language(include_str!("../catalog/web/en.txt"))
        .expect("en merges");
    assert_eq!(cat.languages(), ["en"]);
    // A Swedish paste finds nothing until Swedish arrives (as the page loads it).
    let q = "Vi kan tyvärr inte återställa ditt lösenord just nu eftersom administratören inte har konfigurerat lösenordsåterställning för din organisation.";
    let lookup =
        |cat: &Catalog| Engine::new(cat.clone(), &IndexConfig::DEFAULT).lookup(q, &Config::DEFAULT);
    let before = lookup(&cat);
    cat.add_language(include_str!("../catalog/web/sv.txt"))
        .expect("sv merges");
    let after = lookup(&cat);
    assert_eq!(after.detected_lang.as_deref(), Some("sv"), "{after:?}");
    assert_eq!(
        after.keys().first().map(String::as_str),
        Some("SSPR_0011"),
        "{after:?}"
    );
    assert_ne!(before, after);
    assert!(
        cat.add_language(include_str!("../catalog/web/sv.txt"))
            .is_err(),
        "no second merge"
    );
    let both =
        include_str!("../catalog/web/nl.txt").to_string() + include_str!("../catalog/web/cs.txt");
    assert_eq!(cat.add_language(&both).unwrap(), ["nl", "cs"]);
    assert_eq!(cat.languages().len(), 4);
}

#[wasm_bindgen_test]
fn lookup_answers_in_wasm_as_natively() {
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    let lookup = |q: &str| eng.lookup(q, &Config::DEFAULT);
    for (q, key) in [
        ("SSPR_0014", "SSPR_0014"),
        ("hr=800700CE", "HR_800700CE"),
        ("Event ID: 32002", "EVENT_32002"),
    ] {
        let a = lookup(q);
        assert_eq!(a.keys().first().map(String::as_str), Some(key), "{q}");
    }
    assert!(lookup("The printer is out of paper").no_match);
}

/// The page's phrases come with a language's lexicon file: before it, a description in people's
/// words gets "no confident match"; with it, the entry it describes (searched in the wasm too).
#[wasm_bindgen_test]
fn phrases_from_the_lexicon_file_answer_descriptions_in_wasm() {
    let mut cat = Catalog::embedded();
    cat.add_language(include_str!("../catalog/web/en.txt"))
        .unwrap();
    let plain = Engine::new(cat.clone(), &IndexConfig::DEFAULT);
    cat.add_language(include_str!("../catalog/web/lexicon/en.txt"))
        .unwrap();
    let phrased = Engine::new(cat, &IndexConfig::DEFAULT);
    for q in [
        "the text with the code never shows up on my phone",
        "i get no sms when i try to reset my password",
    ] {
        assert!(
            plain.lookup(q, &Config::DEFAULT).no_match,
            "{q} without phrases"
        );
        let a = phrased.lookup(q, &Config::DEFAULT);
        assert_eq!(
            a.keys().first().map(String::as_str),
            Some("usage-sms-call"),
            "{q}"
        );
    }
}
