//! Result cards and lists. Every string shown comes from the catalog or the chrome and is set
//! as text (never as HTML), so nothing from a query or an article can inject markup.

use crate::catalog::{format::AREAS, Audience, Block, Catalog, Inline, Rich};
use crate::hresult::Decoded;
use crate::i18n::{chain, strings};
use crate::Hit;
use leptos::prelude::*;

/// Catalog rich text as nodes: paragraphs, lists, safe links.
#[component]
pub fn RichText(rich: Rich) -> impl IntoView {
    let mut out: Vec<AnyView> = Vec::new();
    let mut items: Vec<AnyView> = Vec::new();
    let flush = |items: &mut Vec<AnyView>, out: &mut Vec<AnyView>| {
        if !items.is_empty() {
            let li = std::mem::take(items);
            out.push(view! { <ul>{li}</ul> }.into_any());
        }
    };
    for b in rich.0 {
        match b {
            Block::Para(v) => {
                flush(&mut items, &mut out);
                out.push(view! { <p>{inlines(v)}</p> }.into_any());
            }
            Block::Item(v) => items.push(view! { <li>{inlines(v)}</li> }.into_any()),
        }
    }
    flush(&mut items, &mut out);
    out
}

fn inlines(v: Vec<Inline>) -> Vec<AnyView> {
    v.into_iter()
        .map(|i| match i {
            Inline::Text { s } => s.into_any(),
            Inline::Strong { s } => view! { <strong>{s}</strong> }.into_any(),
            Inline::Em { s } => view! { <em>{s}</em> }.into_any(),
            Inline::Code { s } => view! { <code>{s}</code> }.into_any(),
            Inline::Link { s, href } => {
                // The importer only keeps http(s) and #KEY; check again at the door.
                if href.starts_with("https://") || href.starts_with("http://") {
                    view! { <a href=href rel="noopener noreferrer" target="_blank">{s}</a> }
                        .into_any()
                } else if href.starts_with('#') {
                    view! { <a href=href>{s}</a> }.into_any()
                } else {
                    s.into_any()
                }
            }
        })
        .collect()
}

/// One entry, in the reader's language or the nearest fallback.
#[component]
pub fn Card(
    /// The catalog key to show.
    key: String,
    /// The reader's language (chrome and preferred content).
    lang: String,
    /// The hit that found this entry (None when opened by `#KEY`): confidence and why.
    hit: Option<Hit>,
) -> impl IntoView {
    let confidence = hit.as_ref().map(|h| h.confidence);
    let reason = hit.map(|h| h.reason).unwrap_or_default();
    let cat = Catalog::embedded();
    let Some(e) = cat.get(&key) else {
        return ().into_any();
    };
    let t = strings(&lang);
    let prefs = chain(&lang);
    let Some((l, _)) = e.best_locale(&prefs) else {
        return ().into_any();
    };
    let fallback = l.lang != lang;
    let others: Vec<String> = e
        .languages()
        .into_iter()
        .filter(|x| *x != l.lang)
        .map(str::to_string)
        .collect();
    let (shown, set_shown) = signal(l.lang.clone());
    let key2 = key.clone();
    let body = move || {
        let e = Catalog::embedded().get(&key2)?;
        let l = e.locale(&shown.get())?.clone();
        Some(view! {
            <div class="body" lang=l.lang.clone()>
                <h2 class="title">{l.title.clone()}</h2>
                {(!l.message.is_empty() && l.message != l.title).then(|| view! { <blockquote class="message" data-testid="message">{l.message.clone()}</blockquote> })}
                {(!l.meaning.is_empty()).then(|| view! { <h3>{t.meaning}</h3><RichText rich=l.meaning.clone()/> })}
                {(!l.action.is_empty()).then(|| view! { <h3>{t.action}</h3><RichText rich=l.action.clone()/> })}
                <p class="source" data-testid="source">{format!("{}: Microsoft Docs, {} §{} ({})", t.source, l.source.file, l.source.section, l.source.date)}</p>
            </div>
        })
    };
    let who = if e.audience == Audience::User {
        t.who_user
    } else {
        t.who_admin
    };
    // A few other names of the entry (not the key again, not the "Name = N" forms).
    let codes = e
        .codes
        .iter()
        .filter(|c| **c != key && !c.contains(" = "))
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    let related = e.related.clone();
    view! {
        <article class="card" data-testid="result" data-key=key.clone() id=format!("card-{key}")>
            <p class="codes"><span class="key">{key.clone()}</span>" "<span class="aliases">{codes}</span>
                {confidence.map(|c| {
                    let level = t.levels[c as usize];
                    view! {
                        <span class=format!("conf conf-{}", c.name()) data-testid="confidence">{format!("{}: {level}", t.confidence)}</span>
                        <span class="reason">{reason.clone()}</span>
                    }
                })}
            </p>
            {fallback.then(|| view! { <p class="fallback" data-testid="fallback">{format!("{} {}.", t.fallback, l.lang)}</p> })}
            {body}
            <p class="who" data-testid="who">{who}</p>
            {(!related.is_empty()).then(|| view! {
                <p class="related">{t.related}": "
                    {related.into_iter().map(|r| {
                        let title = Catalog::embedded().get(&r).and_then(|e| e.best_locale(&prefs)).map(|(l, _)| l.title.clone()).unwrap_or_else(|| r.clone());
                        view! { <a href=format!("#{r}") data-testid="related" data-key=r.clone()>{title}</a>" " }
                    }).collect_view()}
                </p>
            })}
            {(!others.is_empty()).then(|| view! {
                <p class="other-langs">{t.other_langs}" "
                    {others.into_iter().chain(std::iter::once(l.lang.clone())).map(|o| {
                        let o2 = o.clone();
                        view! { <button type="button" class="lang-btn" data-testid="other-lang" on:click=move |_| set_shown.set(o2.clone())>{o}</button> }
                    }).collect_view()}
                </p>
            })}
        </article>
    }
    .into_any()
}

/// Guesses shown under "no confident match", clearly marked.
#[component]
pub fn Guesses(hits: Vec<Hit>, lang: String) -> impl IntoView {
    if hits.is_empty() {
        return ().into_any();
    }
    let t = strings(&lang);
    let cat = Catalog::embedded();
    let prefs = chain(&lang);
    view! {
        <div class="guesses" data-testid="guesses">
            <p>{t.guesses}</p>
            <ul>
                {hits.into_iter().map(|h| {
                    let title = cat.get(&h.key).and_then(|e| e.best_locale(&prefs)).map(|(l, _)| l.title.clone()).unwrap_or_default();
                    view! { <li data-testid="guess" data-key=h.key.clone()><a href=format!("#{}", h.key)>{h.key.clone()}</a>" — "{title}</li> }
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// Decoded HRESULTs that the catalog does not explain.
#[component]
pub fn HresultList(list: Vec<Decoded>, lang: String) -> impl IntoView {
    if list.is_empty() {
        return ().into_any();
    }
    let t = strings(&lang);
    view! {
        <div class="hresults" data-testid="hresult">
            <p>{t.hresult}</p>
            <ul>{list.into_iter().map(|d| view! {
                <li><code>{d.hex.clone()}</code>{format!(
                    ": {}, facility {} ({}), code {}{}",
                    if d.failure { "failure" } else { "success" },
                    d.facility, d.facility_name.unwrap_or("?"), d.code,
                    d.win32.map(|w| format!(", Win32 {w} {}", d.win32_name.unwrap_or(""))).unwrap_or_default())}</li>
            }).collect_view()}</ul>
        </div>
    }
    .into_any()
}

/// Every entry, grouped by area, for an empty box.
#[component]
pub fn BrowseList(lang: String) -> impl IntoView {
    let cat = Catalog::embedded();
    let t = strings(&lang);
    let prefs = chain(&lang);
    view! {
        <nav class="browse" data-testid="browse" aria-label=t.browse>
            <h2>{t.browse}</h2>
            {AREAS.iter().map(|area| {
                let entries: Vec<_> = cat.entries.iter().filter(|e| e.area == *area).collect();
                if entries.is_empty() { return ().into_any(); }
                view! {
                    <details>
                        <summary>{crate::web::area_label(*area, &lang)}" ("{entries.len()}")"</summary>
                        <ul>{entries.into_iter().map(|e| {
                            let title = e.best_locale(&prefs).map(|(l, _)| l.title.clone()).unwrap_or_default();
                            view! { <li data-key=e.key.clone()><a href=format!("#{}", e.key)>{e.key.clone()}</a>" — "{title}</li> }
                        }).collect_view()}</ul>
                    </details>
                }.into_any()
            }).collect_view()}
        </nav>
    }
}
