//! The core compiled to wasm32 and run in headless Chromium (wasm-bindgen-test-runner).
//! Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use sspr_lookup::{lookup, Options};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn embedded_catalog_parses_in_wasm() {
    let cat = sspr_lookup::catalog::Catalog::embedded();
    assert!(cat.get("SSPR_0014").is_some());
    assert!(cat.languages().contains(&"cs"));
}

#[wasm_bindgen_test]
fn lookup_answers_in_wasm_as_natively() {
    for (q, key) in [
        ("SSPR_0014", "SSPR_0014"),
        ("hr=800700CE", "HR_800700CE"),
        ("Event ID: 32002", "EVENT_32002"),
    ] {
        let a = lookup(q, &Options::default());
        assert_eq!(a.keys().first().map(String::as_str), Some(key), "{q}");
    }
    assert!(lookup("The printer is out of paper", &Options::default()).no_match);
}
