//! The page: a thin Leptos shell over the core. All decisions (what matched, which language,
//! what text to copy) are made by core functions; components only render them.

mod browser;
mod card;

use crate::catalog::{format::AREAS, Catalog};
use crate::i18n::{self, strings, UI_LANGS};
use crate::{lookup, Answer, Options};
use card::{BrowseList, Card, Guesses, HresultList};
use leptos::prelude::*;

/// Starts the page: on our own `index.html` (`<body data-sspr-app>`) the full app takes the
/// body and the URL (`?q=`, `#KEY`). On any other page nothing mounts by itself: `embed.js`
/// mounts each `<sspr-lookup>` element through [`mount_into`].
pub fn start() {
    if browser::body_is_app() {
        crate::rank::warm_up();
        let opts = EmbedOptions {
            lang: None,
            compact: false,
            own_page: true,
        };
        leptos::mount::mount_to_body(move || view! { <App opts=opts.clone()/> });
    }
}

/// Mounts the lookup inside `el` (embedding). `lang` empty: the browser's language.
pub fn mount_into(el: web_sys::HtmlElement, lang: &str, compact: bool) {
    crate::rank::warm_up();
    let opts = EmbedOptions {
        lang: (!lang.is_empty()).then(|| lang.to_string()),
        compact,
        own_page: false,
    };
    leptos::mount::mount_to(el, move || view! { <App opts=opts.clone()/> }).forget();
}

/// How the app is mounted.
#[derive(Clone, Debug, Default)]
pub struct EmbedOptions {
    /// Language of the chrome and of the answers; None: stored choice, else the browser's.
    pub lang: Option<String>,
    /// Hide the heading, intro and footer (for a widget inside other content).
    pub compact: bool,
    /// The page is ours: read and write `?q=`, follow `#KEY`. False when embedded, so the
    /// widget never touches the host page's URL.
    pub own_page: bool,
}

/// The whole page: paste box, answer, browse list.
#[component]
fn App(opts: EmbedOptions) -> impl IntoView {
    let own_page = opts.own_page;
    let initial_q = if own_page {
        browser::query_param("q").unwrap_or_default()
    } else {
        String::new()
    };
    let lang0 = opts
        .lang
        .clone()
        .or_else(browser::stored_lang)
        .unwrap_or_else(|| i18n::pick(&browser::languages()).to_string());
    let (lang, set_lang) = signal(lang0);
    let (q, set_q) = signal(initial_q);
    let (hash_key, set_hash_key) = signal(if own_page { browser::hash_key() } else { None });
    let answer: Memo<Answer> = Memo::new(move |_| lookup(&q.get(), &Options::default()));
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let compact = opts.compact;
    // Unique per mount: a page may embed several lookups.
    let paste_id = browser::unique_id("sspr-paste");

    // On our own page the paste box has focus on load (an embedded widget leaves the host
    // page's focus alone); ?q= follows the box without piling up history.
    Effect::new(move |_| {
        if let Some(el) = textarea.get().filter(|_| own_page) {
            let _ = el.focus();
        }
    });
    if own_page {
        Effect::new(move |_| browser::set_query_param(&q.get()));
        // Following a #KEY link (browse list, related entries, guesses) shows that entry.
        browser::on_hash_change(move || {
            set_hash_key.set(browser::hash_key());
            set_q.set(String::new());
        });
    }

    let t = move || strings(&lang.get());
    let on_lang = move |ev| {
        let v = event_target_value(&ev);
        browser::store_lang(&v);
        set_lang.set(v);
    };

    view! {
        <main class="sspr" class:compact=compact lang=move || lang.get() data-testid="app" on:click=move |ev| {
            // Embedded: entry links open the entry inside the widget, not in the host's URL.
            if !own_page {
                if let Some(k) = browser::clicked_entry_key(&ev) {
                    ev.prevent_default();
                    set_hash_key.set(Some(k));
                    set_q.set(String::new());
                }
            }
        }>
            <header>
                <h1>{move || t().title}</h1>
                <label class="lang">
                    <span>{move || t().language}</span>
                    <select data-testid="lang-select" on:change=on_lang prop:value=move || lang.get()>
                        {UI_LANGS.iter().map(|(tag, name)| view! { <option value=*tag>{*name}</option> }).collect_view()}
                    </select>
                </label>
            </header>
            <p class="intro">{move || t().intro}</p>
            <label for=paste_id.clone() class="paste-label">{move || t().label}</label>
            <textarea
                id=paste_id.clone()
                data-testid="paste"
                node_ref=textarea
                rows="4"
                spellcheck="false"
                placeholder=move || t().placeholder
                prop:value=move || q.get()
                on:input=move |ev| set_q.set(event_target_value(&ev))
            ></textarea>
            <Highlight q=q answer=answer/>
            // A short status for screen readers; the cards themselves are not re-read on
            // every keystroke.
            <p class="sr-only" role="status" aria-live="polite" data-testid="status">
                {move || {
                    let a = answer.get();
                    if q.get().trim().is_empty() {
                        String::new()
                    } else if a.no_match {
                        t().no_match.to_string()
                    } else {
                        format!("{} {}: {}", a.groups.len(), t().results, a.keys().into_iter().take(a.groups.len()).collect::<Vec<_>>().join(", "))
                    }
                }}
            </p>
            <section data-testid="results" class="results">
                {move || {
                    let a = answer.get();
                    let l = lang.get();
                    let query = q.get();
                    if query.trim().is_empty() {
                        return match hash_key.get().filter(|k| Catalog::embedded().get(k).is_some()) {
                            Some(k) => view! { <Card key=k lang=l.clone() hit=None/> }.into_any(),
                            None => view! { <BrowseList lang=l.clone()/> }.into_any(),
                        };
                    }
                    view! { <AnswerView answer=a lang=l/> }.into_any()
                }}
            </section>
            <footer class="privacy">{move || t().privacy}</footer>
        </main>
    }
}

/// The paste with the words that matched marked, so the reader sees why.
#[component]
fn Highlight(q: ReadSignal<String>, answer: Memo<Answer>) -> impl IntoView {
    move || {
        let text = q.get();
        let a = answer.get();
        let mut spans: Vec<(usize, usize)> = a
            .groups
            .iter()
            .flat_map(|g| g.hits.first().map(|h| h.spans.clone()).unwrap_or_default())
            .collect();
        spans.sort_unstable();
        if spans.is_empty() || text.len() > 4000 {
            return ().into_any();
        }
        let pieces = crate::answer::split_marks(&text, &spans);
        view! {
            <p class="matched" data-testid="matched">
                {pieces.into_iter().map(|(s, m)| if m { view! { <mark>{s}</mark> }.into_any() } else { view! { <span>{s}</span> }.into_any() }).collect_view()}
            </p>
        }
        .into_any()
    }
}

/// The answer: one card per group, or the no-match block.
#[component]
fn AnswerView(answer: Answer, lang: String) -> impl IntoView {
    let t = strings(&lang);
    let copy_text = crate::answer_text(&answer, &lang);
    let (copied, set_copied) = signal(false);
    let on_copy = move |_| {
        browser::copy(&copy_text);
        set_copied.set(true);
    };
    let cards = answer
        .groups
        .iter()
        .filter_map(|g| g.hits.first().cloned())
        .map(|h| view! { <Card key=h.key.clone() lang=lang.clone() hit=Some(h)/> })
        .collect_view();
    view! {
        <div class="answer">
            {answer.no_match.then(|| view! {
                <div class="no-match" data-testid="no-match">
                    <p><strong>{t.no_match}</strong></p>
                    <p>{t.no_match_hint}</p>
                    <Guesses hits=answer.candidates.clone() lang=lang.clone()/>
                </div>
            })}
            {cards}
            <HresultList list=answer.hresults.clone() lang=lang.clone()/>
            {(!answer.notes.is_empty()).then(|| view! {
                <ul class="notes" data-testid="notes">{answer.notes.iter().map(|n| view! { <li>{n.text(&lang)}</li> }).collect_view()}</ul>
            })}
            <button type="button" class="copy" data-testid="copy" on:click=on_copy>
                {move || if copied.get() { t.copied } else { t.copy }}
            </button>
        </div>
    }
}

/// Names of the browse areas in the reader's language, in catalog order.
pub(crate) fn area_label(area: crate::catalog::Area, lang: &str) -> &'static str {
    let i = AREAS.iter().position(|a| *a == area).unwrap_or(0);
    strings(lang).areas[i]
}
