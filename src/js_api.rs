//! Every `#[wasm_bindgen]` export, and nothing else: arguments in, plain values out.
//! The answer has the same shape as the CLI's `--json` (both serialise [`sspr_lookup::Answer`]).

use sspr_lookup::web::slot::engine;
use sspr_lookup::Config;
use wasm_bindgen::prelude::*;

/// `lookup(text)` → the answer object (see README "JS API").
#[wasm_bindgen]
pub fn lookup(text: &str) -> JsValue {
    let a = engine().lookup(text, &Config::DEFAULT);
    // JSON-compatible: `null` for absent values and plain objects, exactly what `--json` prints.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&a, &ser).unwrap_or(JsValue::NULL)
}

/// `answerText(text, lang)` → the plain-text answer (what "Copy answer" copies).
#[wasm_bindgen(js_name = answerText)]
pub fn answer_text(text: &str, lang: &str) -> String {
    let eng = engine();
    let a = eng.lookup(text, &Config::DEFAULT);
    sspr_lookup::answer_text(eng.catalog(), &a, lang)
}

/// `addCatalog(text)`: merges a language file (`catalog-<lang>-HASH.txt` in `dist/`) into the
/// catalog and refreshes every mounted lookup. Returns the languages added; throws (and changes
/// nothing) for a file that adds nothing. The loaders in `boot-*.js` and `embed.js` call it.
/// `addCatalog(text, true)` merges the text and leaves the index to `indexCatalog()` (the
/// loaders call it in the next task, so that neither step is a long task): until then the
/// codes answer as always and text matches the languages indexed before.
#[wasm_bindgen(js_name = addCatalog)]
pub fn add_catalog(text: &str, index_later: Option<bool>) -> Result<String, JsValue> {
    let added = sspr_lookup::web::add_language(text, index_later != Some(true))
        .map_err(|e| JsValue::from_str(&e))?;
    Ok(added.join(","))
}

/// `indexCatalog()`: indexes the text merged by `addCatalog(text, true)` and refreshes every
/// mounted lookup (nothing when the index is current).
#[wasm_bindgen(js_name = indexCatalog)]
pub fn index_catalog() {
    sspr_lookup::web::reindex();
}

/// `startPage()`: on our own page (`<body data-sspr-app>`), mounts the app on the body; the
/// page's loader calls it in a task after the wasm's start, so that neither is a long task.
#[wasm_bindgen(js_name = startPage)]
pub fn start_page() {
    sspr_lookup::web::start();
}

/// `expectLanguages("sv,nl")`: the language files the loader is still fetching ("" when done),
/// so that cards say the reader's text is loading rather than missing.
#[wasm_bindgen(js_name = expectLanguages)]
pub fn expect_languages(list: &str) {
    sspr_lookup::web::set_pending(list);
}

/// `mount(element, lang, compact)`: puts a lookup inside `element` (what `<sspr-lookup>` does).
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, lang: &str, compact: bool) {
    sspr_lookup::web::mount_into(element, lang, compact);
}
