//! The few browser facilities the page uses (URL, storage, clipboard), each failing softly:
//! a missing window, storage or clipboard never panics the app.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The loader's `need` (public/catalogs.js): fetch and merge the language files of a tag.
    #[wasm_bindgen(catch, js_namespace = window, js_name = ssprLookupNeed)]
    fn loader_need(tag: &str) -> Result<(), JsValue>;
}

/// Asks the loader for a language's files (`pt` asks for `pt-br` and `pt-pt`); nothing
/// happens without a loader (a page that runs the wasm on its own) or when they are loaded.
pub fn need_language(tag: &str) {
    let _ = loader_need(tag);
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

pub fn body() -> Option<web_sys::HtmlElement> {
    window()?.document()?.body()
}

/// True on our own page (`<body data-sspr-app>`).
pub fn body_is_app() -> bool {
    body().is_some_and(|b| b.has_attribute("data-sspr-app"))
}

/// `prefix`, or `prefix-N` when an element with that id exists already.
pub fn unique_id(prefix: &str) -> String {
    let mut id = prefix.to_string();
    let mut n = 2;
    while element_by_id(&id).is_some() {
        id = format!("{prefix}-{n}");
        n += 1;
    }
    id
}

// The paste lives in the URL's fragment (`#q=…`), which browsers never send to a server: a
// reload, a bookmark or a shared link keeps it in the browser. An entry is `#SSPR_0014`.

/// Longest paste mirrored into `#q=` (bytes).
const MAX_URL_QUERY: usize = 2000;

fn url() -> Option<web_sys::Url> {
    web_sys::Url::new(&window()?.location().href().ok()?).ok()
}

/// The paste in a fragment `#q=…` (form-encoded, like a query string).
fn fragment_paste(hash: &str) -> Option<String> {
    let params = hash.strip_prefix('#').filter(|h| h.starts_with("q="))?;
    web_sys::UrlSearchParams::new_with_str(params)
        .ok()?
        .get("q")
}

/// The paste the URL carries: `#q=…`, or `?q=…` from a link made before the paste moved to the
/// fragment, which is moved there at once (so a reload does not send it again).
pub fn url_paste() -> String {
    let Some(url) = url() else {
        return String::new();
    };
    if let Some(q) = fragment_paste(&url.hash()) {
        return q;
    }
    let q = url.search_params().get("q").unwrap_or_default();
    if !q.is_empty() {
        set_url_paste(&q);
    }
    q
}

/// Mirrors the paste into `#q=` without adding a history entry; an empty or over-long paste
/// takes `#q=` out. `?q=` is always dropped; an entry's `#KEY` stays until something is typed.
pub fn set_url_paste(q: &str) {
    let (Some(w), Some(url)) = (window(), url()) else {
        return;
    };
    let params = url.search_params();
    params.delete("q");
    url.set_search(&params.to_string().as_string().unwrap_or_default());
    // A link is for sharing a message or a code; a pasted log of kilobytes stays out of the URL.
    if !q.trim().is_empty() && q.len() <= MAX_URL_QUERY {
        let Ok(p) = web_sys::UrlSearchParams::new_with_str("") else {
            return;
        };
        p.set("q", q);
        url.set_hash(&p.to_string().as_string().unwrap_or_default());
    } else if fragment_paste(&url.hash()).is_some() {
        url.set_hash("");
    }
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// `#SSPR_0014` → `SSPR_0014` (a `#q=` paste is not a key).
pub fn hash_key() -> Option<String> {
    let h = window()?.location().hash().ok()?;
    let k = h.trim_start_matches('#');
    if k.starts_with("q=") {
        return None;
    }
    let k = key_chars(k);
    (!k.is_empty()).then_some(k)
}

fn key_chars(s: &str) -> String {
    // Keys are ASCII; anything percent-encoded is not a key.
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

pub fn on_hash_change(f: impl Fn() + 'static) {
    let Some(w) = window() else { return };
    let cb = Closure::<dyn Fn()>::new(f);
    let _ = w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
    cb.forget();
}

pub fn languages() -> Vec<String> {
    let Some(w) = window() else { return vec![] };
    w.navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

const LANG_KEY: &str = "sspr-lookup.lang";

pub fn stored_lang() -> Option<String> {
    window()?.local_storage().ok()??.get_item(LANG_KEY).ok()?
}

pub fn store_lang(lang: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.local_storage()) {
        let _ = s.set_item(LANG_KEY, lang);
    }
}

pub fn copy(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// What a click inside the result markup landed on.
pub enum Clicked {
    /// The "copy answer" button.
    Copy(web_sys::Element),
    /// A language button of a card: show that language's text.
    ShowLang(web_sys::Element, String),
    /// A link to an element of the page (the summary's links, an entry whose card is shown):
    /// focus it.
    Jump(web_sys::HtmlElement),
    /// A `#KEY` link to an entry.
    Entry(String),
}

pub fn clicked(ev: &web_sys::MouseEvent) -> Option<Clicked> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    if let Some(b) = target.closest("[data-testid='copy']").ok()? {
        return Some(Clicked::Copy(b));
    }
    if let Some(b) = target.closest("[data-show-lang]").ok()? {
        let l = b.get_attribute("data-show-lang")?;
        return Some(Clicked::ShowLang(b, l));
    }
    let a = target.closest("a[href^='#']").ok()??;
    let href = a.get_attribute("href")?;
    let id = href.trim_start_matches('#');
    // An entry whose card is in this lookup (a card's id is its key), or a list of its answer:
    // focus it where it is; any other entry is opened. Looked up inside the link's own lookup:
    // two lookups on one page show the same ids, and a link must not focus the other's card.
    let inside = a
        .closest("main.sspr")
        .ok()
        .flatten()
        .filter(|_| key_chars(id) == id && !id.is_empty())
        .and_then(|root| {
            let found = root.query_selector_all(&["[id=\"", id, "\"]"].concat());
            found.ok()?.get(0)
        });
    if let Some(el) = inside.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        return Some(Clicked::Jump(el));
    }
    let key = key_chars(id);
    (!key.is_empty()).then_some(Clicked::Entry(key))
}

/// Shows the card body in `lang` (the others get `hidden`) and marks which button is pressed.
/// Nothing is re-rendered, so focus stays on the button.
pub fn show_lang(button: &web_sys::Element, lang: &str) {
    let Some(card) = button.closest("article").ok().flatten() else {
        return;
    };
    let each = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
        let Ok(list) = card.query_selector_all(selector) else {
            return;
        };
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                f(&el);
            }
        }
    };
    each(".body", &|el| {
        let _ = if el.get_attribute("lang").as_deref() == Some(lang) {
            el.remove_attribute("hidden")
        } else {
            el.set_attribute("hidden", "")
        };
    });
    each("[data-show-lang]", &|el| {
        let on = el.get_attribute("data-show-lang").as_deref() == Some(lang);
        let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
    });
}
