//! The page: a thin Leptos shell over the core. All decisions (what matched, which language,
//! what text to copy) are made by core functions, and the result area's markup comes from
//! [`crate::render`] (escaped HTML strings); the shell owns the controls, the signals and one
//! delegated click handler.

mod browser;
pub mod slot;

use crate::i18n::{self, strings, UI_LANGS};
use crate::{render, Answer, Config};
use leptos::prelude::*;

/// Starts the page: on our own `index.html` (`<body data-sspr-app>`) the full app takes the
/// body and the URL (`#q=`, `#KEY`). On any other page nothing mounts by itself: `embed.js`
/// mounts each `<sspr-lookup>` element through [`mount_into`].
pub fn start() {
    if browser::body_is_app() {
        let _ = slot::engine();
        let opts = EmbedOptions {
            lang: None,
            compact: false,
            own_page: true,
        };
        if let Some(body) = browser::body() {
            mount(body, opts);
        }
    }
}

/// Mounts the lookup inside `el` (embedding). `lang` empty: the browser's language.
pub fn mount_into(el: web_sys::HtmlElement, lang: &str, compact: bool) {
    let _ = slot::engine();
    let opts = EmbedOptions {
        lang: (!lang.is_empty()).then(|| lang.to_string()),
        compact,
        own_page: false,
    };
    mount(el, opts);
}

/// One mount path for both cases (each `mount_to` instantiation is its own copy in the wasm).
fn mount(el: web_sys::HtmlElement, opts: EmbedOptions) {
    // Unique per mount: a page may embed several lookups.
    let paste_id = browser::unique_id("sspr-paste");
    leptos::mount::mount_to(el, move || app(opts, paste_id)).forget();
}

thread_local! {
    /// Bumped when a language file has been merged into the catalog: every mounted lookup
    /// answers again (a paste in that language may now match; cards may now be in the reader's
    /// language).
    static CATALOG_CHANGED: ArcRwSignal<usize> = ArcRwSignal::new(0);
}

thread_local! {
    /// Languages whose file the loader is still fetching (see [`set_pending`]).
    static PENDING: ArcRwSignal<Vec<String>> = ArcRwSignal::new(Vec::new());
}

/// The loader says which language files are still on their way (comma-separated; empty when
/// all have arrived or failed), so a card says "loading" rather than "not in your language".
pub fn set_pending(list: &str) {
    let v: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    PENDING.with(|s| s.set(v));
}

/// Merges a language file into the page's catalog and tells every mounted lookup (see
/// [`slot::add_language`]). `index_now` false leaves the index to [`reindex`], which the
/// loader calls in the next task: the cards show the new text at once.
pub fn add_language(text: &str, index_now: bool) -> Result<Vec<String>, String> {
    let added = slot::add_language(text, index_now)?;
    CATALOG_CHANGED.with(|s| s.set(slot::generation()));
    Ok(added)
}

/// Indexes the text merged since the last index build, and answers again (a paste in the new
/// language may match now). Nothing happens when the index is current.
pub fn reindex() {
    if slot::reindex() {
        CATALOG_CHANGED.with(|s| s.set(slot::generation()));
    }
}

/// How the app is mounted.
#[derive(Clone, Debug, Default)]
pub struct EmbedOptions {
    /// Language of the chrome and of the answers; None: stored choice, else the browser's.
    pub lang: Option<String>,
    /// Hide the heading, intro and footer (for a widget inside other content).
    pub compact: bool,
    /// The page is ours: read and write `#q=`, follow `#KEY`. False when embedded, so the
    /// widget never touches the host page's URL.
    pub own_page: bool,
}

/// The reader's language: the one asked for, else the stored choice, else the browser's; a
/// tag the page does not speak is read as the page language it names (`sv-SE` → `sv`), else
/// English.
fn reader_lang(asked: Option<String>) -> String {
    match asked.or_else(browser::stored_lang) {
        Some(t) => i18n::supported(&t).unwrap_or("en").to_string(),
        None => i18n::pick(&browser::languages()).to_string(),
    }
}

/// On our own page, `#q=` follows the box without piling up history; following a `#KEY` link
/// (browse list, related entries, guesses) shows that entry, and going back to a `#q=` entry
/// shows that paste again.
fn follow_url(
    q: ReadSignal<String>,
    set_q: WriteSignal<String>,
    set_key: WriteSignal<Option<String>>,
) {
    Effect::new(move |_| browser::set_url_paste(&q.get()));
    browser::on_hash_change(move || {
        set_key.set(browser::hash_key());
        set_q.set(browser::url_paste());
    });
}

/// The whole page: paste box, answer, browse list.
/// `paste_id`: the paste box's id.
fn app(opts: EmbedOptions, paste_id: String) -> impl IntoView {
    let own_page = opts.own_page;
    let (lang, set_lang) = signal(reader_lang(opts.lang));
    let (q, set_q) = signal(if own_page {
        browser::url_paste()
    } else {
        String::new()
    });
    let (hash_key, set_hash_key) = signal(if own_page { browser::hash_key() } else { None });
    let changed = CATALOG_CHANGED.with(ArcRwSignal::clone);
    let chrome_changed = changed.clone();
    let pending = PENDING.with(ArcRwSignal::clone);
    // Recomputed only when the paste or the catalog changes, so every new answer counts as a
    // change (comparing answers would add its own code to the wasm for nothing).
    let answer: Memo<Answer> = Memo::new_with_compare(
        move |_| {
            changed.track();
            let eng = slot::engine();
            let a = eng.lookup(&q.get(), &Config::DEFAULT);
            // A paste in a language the page has not loaded: the loader fetches it (after this
            // returns) and marks it pending, so the answer says it is loading, then answers again.
            if let Some(l) = a.language_to_fetch(&eng.catalog().languages()) {
                browser::need_language(l);
            }
            a
        },
        |_, _| true,
    );
    let compact = opts.compact;
    // The reader's language, whatever the loader preloaded (a second widget may ask another).
    browser::need_language(&lang.get_untracked());

    if own_page {
        follow_url(q, set_q, set_hash_key);
    }

    // The chrome's text in the reader's language (which arrives with its language file). One
    // closure type for every string (a separate closure per string would each be its own copy
    // in the wasm).
    let t = move |pick: for<'a> fn(&'a i18n::Strings<'a>) -> &'a str| {
        let changed = chrome_changed.clone();
        move || {
            changed.track();
            pick(&strings(slot::engine().catalog(), &lang.get())).to_string()
        }
    };
    let on_lang = move |ev| {
        let v = event_target_value(&ev);
        browser::store_lang(&v);
        browser::need_language(&v);
        set_lang.set(v);
    };
    // One handler for everything clickable inside the rendered result markup.
    let on_click = move |ev: web_sys::MouseEvent| match browser::clicked(&ev) {
        Some(browser::Clicked::Copy(button)) => {
            let l = lang.get_untracked();
            let eng = slot::engine();
            browser::copy(&crate::answer_text(
                eng.catalog(),
                &answer.get_untracked(),
                &l,
            ));
            button.set_text_content(Some(strings(eng.catalog(), &l).copied()));
        }
        Some(browser::Clicked::ShowLang(button, shown)) => browser::show_lang(&button, &shown),
        // A link to something on the page (a summary's link, an entry whose card is shown):
        // the focus, and so the view, moves there; the URL keeps the paste.
        Some(browser::Clicked::Jump(el)) => {
            ev.prevent_default();
            let _ = el.focus();
        }
        // Embedded: entry links open the entry inside the widget, not in the host's URL.
        Some(browser::Clicked::Entry(key)) if !own_page => {
            ev.prevent_default();
            set_hash_key.set(Some(key));
            set_q.set(String::new());
        }
        _ => {}
    };

    view! {
        <main class="sspr" class:compact=compact lang=move || lang.get() data-testid="app" on:click=on_click>
            <header>
                <h1>{t(|s| s.title())}</h1>
                <label class="lang">
                    <span>{t(|s| s.language())}</span>
                    <select data-testid="lang-select" on:change=on_lang prop:value=move || lang.get()>
                        {UI_LANGS.iter().map(|(tag, name)| view! { <option value=*tag>{*name}</option> }).collect_view()}
                    </select>
                </label>
            </header>
            <p class="intro">{t(|s| s.intro())}</p>
            <label for=paste_id.clone() class="paste-label">{t(|s| s.label())}</label>
            <textarea
                id=paste_id
                data-testid="paste"
                rows="4"
                spellcheck="false"
                // On our own page the paste box has focus on load (an embedded widget leaves
                // the host page's focus alone): `autofocus`, which the browser applies when it
                // next renders, rather than `focus()`, which would lay the whole page out
                // inside the mount's task.
                autofocus=own_page
                placeholder=t(|s| s.placeholder())
                prop:value=move || q.get()
                on:input=move |ev| set_q.set(event_target_value(&ev))
            ></textarea>
            // A short status for screen readers; the cards themselves are not re-read on
            // every keystroke.
            <p class="sr-only" role="status" aria-live="polite" data-testid="status">
                {move || render::status(slot::engine().catalog(), &q.get(), &answer.get(), &lang.get())}
            </p>
            <section data-testid="results" class="results" inner_html=move || {
                let eng = slot::engine();
                render::results(eng.catalog(), &q.get(), &answer.get(), hash_key.get().as_deref(), &lang.get(), &pending.read())
            }></section>
            <footer class="privacy">{t(|s| s.privacy())}</footer>
        </main>
    }
}
