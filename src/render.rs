//! The page's result markup, built as HTML strings by plain functions.
//!
//! Why strings and not Leptos views: every typed view tree is a separate instantiation in the
//! wasm binary, and the result area (cards, lists, guesses) was the largest part of the page's
//! code. Here it is a handful of small functions, testable natively, and the shell sets the
//! result with one `inner_html`.
//!
//! Safety rests on one rule, enforced by [`Html`]: text and attribute values only go in through
//! [`Html::text`] and [`Html::attr`], which escape `& < > " '`; raw markup can only be a
//! `&'static str` written in this file. Links are emitted only for `https://`, `http://` and
//! `#KEY` addresses. The tests below feed hostile queries and catalog text through every path.

use crate::answer::{split_marks, Answer, Hit};
use crate::catalog::{format::AREAS, Area, Audience, Block, Catalog, Entry, Inline, Rich};
use crate::hresult::Decoded;
use crate::i18n::{chain, strings, Strings};

/// An HTML string under construction. Markup is `'static` (written here); everything else is
/// escaped on the way in.
#[derive(Default)]
pub struct Html(String);

impl Html {
    /// Markup written in this file.
    fn raw(&mut self, s: &'static str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Text content, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                _ => self.0.push(c),
            }
        }
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.raw(" ").raw(name).raw("=\"").text(value).raw("\"")
    }

    /// `<tag attrs…>text</tag>` for the common case of one element of plain text.
    fn el(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.raw("<").raw(tag);
        for (n, v) in attrs {
            self.attr(n, v);
        }
        self.raw(">")
    }

    fn close(&mut self, tag: &'static str) -> &mut Self {
        self.raw("</").raw(tag).raw(">")
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// Names of the browse areas in the reader's language, in catalog order.
pub fn area_label(area: Area, lang: &str) -> &'static str {
    let i = AREAS.iter().position(|a| *a == area).unwrap_or(0);
    strings(lang).areas[i]
}

/// The paste with the words that matched marked (`<mark>`), so the reader sees why. Empty when
/// nothing matched or the paste is too long to be worth echoing.
pub fn highlight(text: &str, answer: &Answer) -> String {
    let spans: Vec<(usize, usize)> = answer
        .groups
        .iter()
        .filter_map(|g| g.hits.first())
        .flat_map(|h| h.spans.iter().copied())
        .collect();
    if spans.is_empty() || text.len() > 4000 {
        return String::new();
    }
    let mut h = Html::default();
    h.open("p", &[("class", "matched"), ("data-testid", "matched")]);
    for (piece, marked) in split_marks(text, &spans) {
        h.el(if marked { "mark" } else { "span" }, &[], &piece);
    }
    h.close("p");
    h.finish()
}

/// What the result area shows: the paste with its matched words marked and the answer for a
/// query; for an empty box, the `#KEY` entry when
/// there is one, else the browse list. `pending`: languages whose file the page is still
/// loading (a card then says the reader's text is on its way, not that it does not exist).
pub fn results(
    query: &str,
    answer: &Answer,
    hash_key: Option<&str>,
    lang: &str,
    pending: &[String],
) -> String {
    let mut h = Html::default();
    let loading = pending.iter().any(|p| p == lang);
    if !query.trim().is_empty() {
        h.0.push_str(&highlight(query, answer));
        answer_view(&mut h, answer, lang, loading);
    } else if let Some(k) = hash_key.filter(|k| Catalog::embedded().get(k).is_some()) {
        card(&mut h, k, lang, None, loading);
    } else {
        browse(&mut h, lang);
    }
    h.finish()
}

/// The short sentence for the screen-reader status region.
pub fn status(query: &str, answer: &Answer, lang: &str) -> String {
    let t = strings(lang);
    if query.trim().is_empty() {
        String::new()
    } else if answer.no_match {
        t.no_match.to_string()
    } else {
        let n = answer.groups.len();
        let keys = answer.keys();
        let shown: Vec<&str> = keys.iter().take(n).map(String::as_str).collect();
        format!("{n} {}: {}", t.results, shown.join(", "))
    }
}

fn answer_view(h: &mut Html, a: &Answer, lang: &str, loading: bool) {
    let t = strings(lang);
    h.open("div", &[("class", "answer")]);
    if a.no_match {
        h.open("div", &[("class", "no-match"), ("data-testid", "no-match")])
            .raw("<p><strong>")
            .text(t.no_match)
            .raw("</strong></p>")
            .el("p", &[], t.no_match_hint);
        guesses(h, &a.candidates, lang);
        h.close("div");
    }
    for hit in a.groups.iter().filter_map(|g| g.hits.first()) {
        card(h, &hit.key, lang, Some(hit), loading);
    }
    hresults(h, &a.hresults, t);
    if !a.notes.is_empty() {
        h.open("ul", &[("class", "notes"), ("data-testid", "notes")]);
        for n in &a.notes {
            h.el("li", &[], &n.text(lang));
        }
        h.close("ul");
    }
    h.el(
        "button",
        &[
            ("type", "button"),
            ("class", "copy"),
            ("data-testid", "copy"),
        ],
        t.copy,
    );
    h.close("div");
}

/// `<a href="#KEY" …>KEY</a> — title` list items.
fn entry_items<'a>(h: &mut Html, items: impl Iterator<Item = (&'a str, &'static str)>, lang: &str) {
    let cat = Catalog::embedded();
    let prefs = chain(lang);
    h.raw("<ul>");
    for (key, testid) in items {
        let href = format!("#{key}");
        h.open("li", &[("data-testid", testid), ("data-key", key)])
            .el("a", &[("href", &href)], key)
            .raw(" — ")
            .text(cat.title(key, &prefs).unwrap_or(""))
            .raw("</li>");
    }
    h.raw("</ul>");
}

fn guesses(h: &mut Html, hits: &[Hit], lang: &str) {
    if hits.is_empty() {
        return;
    }
    h.open("div", &[("class", "guesses"), ("data-testid", "guesses")])
        .el("p", &[], strings(lang).guesses);
    entry_items(h, hits.iter().map(|x| (x.key.as_str(), "guess")), lang);
    h.close("div");
}

fn hresults(h: &mut Html, list: &[Decoded], t: &Strings) {
    if list.is_empty() {
        return;
    }
    h.open("div", &[("class", "hresults"), ("data-testid", "hresult")])
        .el("p", &[], t.hresult)
        .raw("<ul>");
    for d in list {
        let win32 = d
            .win32
            .map(|w| format!(", Win32 {w} {}", d.win32_name.unwrap_or("")))
            .unwrap_or_default();
        let line = format!(
            ": {}, facility {} ({}), code {}{win32}",
            if d.failure { "failure" } else { "success" },
            d.facility,
            d.facility_name.unwrap_or("?"),
            d.code,
        );
        h.raw("<li>")
            .el("code", &[], &d.hex)
            .text(&line)
            .raw("</li>");
    }
    h.raw("</ul></div>");
}

/// Every entry, grouped by area (collapsed), for an empty box.
fn browse(h: &mut Html, lang: &str) {
    let t = strings(lang);
    let cat = Catalog::embedded();
    h.open(
        "nav",
        &[
            ("class", "browse"),
            ("data-testid", "browse"),
            ("aria-label", t.browse),
        ],
    )
    .el("h2", &[], t.browse);
    for area in AREAS {
        let entries: Vec<&Entry> = cat.entries.iter().filter(|e| e.area == area).collect();
        if entries.is_empty() {
            continue;
        }
        let label = format!("{} ({})", area_label(area, lang), entries.len());
        h.raw("<details>").el("summary", &[], &label);
        entry_items(h, entries.iter().map(|e| (e.key.as_str(), "entry")), lang);
        h.raw("</details>");
    }
    h.close("nav");
}

/// One entry. Every language the entry has is rendered, the best one for the reader visible and
/// the others `hidden`; the language buttons switch between them without re-rendering (the
/// shell toggles `hidden`, so keyboard focus stays on the button).
fn card(h: &mut Html, key: &str, lang: &str, hit: Option<&Hit>, loading: bool) {
    let cat = Catalog::embedded();
    let Some(e) = cat.get(key) else { return };
    let t = strings(lang);
    let prefs = chain(lang);
    let Some((best, _)) = e.best_locale(&prefs) else {
        return;
    };
    let id = format!("card-{key}");
    h.open(
        "article",
        &[
            ("class", "card"),
            ("data-testid", "result"),
            ("data-key", key),
            ("id", &id),
        ],
    );
    // A few other names of the entry (not the key again, not the "Name = N" forms).
    let aliases: Vec<&str> = e
        .codes
        .iter()
        .filter(|c| *c != key && !c.contains(" = "))
        .take(3)
        .map(String::as_str)
        .collect();
    h.raw("<p class=\"codes\">")
        .el("span", &[("class", "key")], key)
        .raw(" ")
        .el("span", &[("class", "aliases")], &aliases.join(" · "));
    if let Some(hit) = hit {
        let c = hit.confidence;
        let class = format!("conf conf-{}", c.name());
        let label = format!("{}: {}", t.confidence, t.levels[c as usize]);
        h.el(
            "span",
            &[("class", &class), ("data-testid", "confidence")],
            &label,
        )
        .el("span", &[("class", "reason")], &hit.reason.text(lang));
    }
    h.raw("</p>");
    if best.lang != lang {
        let why = if loading { t.loading_lang } else { t.fallback };
        let note = format!("{why} {}.", best.lang);
        h.el(
            "p",
            &[("class", "fallback"), ("data-testid", "fallback")],
            &note,
        );
    }
    // The best language first, then the others in catalog order.
    let order = std::iter::once(best).chain(e.locales.iter().filter(|l| l.lang != best.lang));
    for (i, l) in order.enumerate() {
        h.raw("<div class=\"body\"").attr("lang", &l.lang);
        if i > 0 {
            h.raw(" hidden");
        }
        h.raw(">").el("h2", &[("class", "title")], &l.title);
        if !l.message.is_empty() && l.message != l.title {
            h.el(
                "blockquote",
                &[("class", "message"), ("data-testid", "message")],
                &l.message,
            );
        }
        for (label, r) in [(t.meaning, &l.meaning), (t.action, &l.action)] {
            if !r.is_empty() {
                h.el("h3", &[], label);
                rich(h, r);
            }
        }
        let source = format!(
            "{}: Microsoft Docs, {} §{} ({})",
            t.source, l.source.file, l.source.section, l.source.date
        );
        h.el(
            "p",
            &[("class", "source"), ("data-testid", "source")],
            &source,
        )
        .raw("</div>");
    }
    let who = if e.audience == Audience::User {
        t.who_user
    } else {
        t.who_admin
    };
    h.el("p", &[("class", "who"), ("data-testid", "who")], who);
    if !e.related.is_empty() {
        h.raw("<p class=\"related\">").text(t.related).raw(": ");
        for r in &e.related {
            let href = format!("#{r}");
            h.el(
                "a",
                &[("href", &href), ("data-testid", "related"), ("data-key", r)],
                cat.title(r, &prefs).unwrap_or(r),
            )
            .raw(" ");
        }
        h.raw("</p>");
    }
    if e.locales.len() > 1 {
        h.raw("<p class=\"other-langs\">").text(t.other_langs);
        // Other languages first (what the reader is looking for), the shown one last to go back.
        let others = e.locales.iter().filter(|l| l.lang != best.lang);
        for l in others.chain(std::iter::once(best)) {
            let pressed = if l.lang == best.lang { "true" } else { "false" };
            h.raw(" ").el(
                "button",
                &[
                    ("type", "button"),
                    ("class", "lang-btn"),
                    ("data-testid", "other-lang"),
                    ("data-show-lang", &l.lang),
                    ("aria-pressed", pressed),
                ],
                &l.lang,
            );
        }
        h.raw("</p>");
    }
    h.close("article");
}

/// Catalog rich text: paragraphs, bullet lists (consecutive items), safe links.
fn rich(h: &mut Html, r: &Rich) {
    let mut in_list = false;
    for b in &r.0 {
        let (item, inl) = match b {
            Block::Para(v) => (false, v),
            Block::Item(v) => (true, v),
        };
        if item != in_list {
            h.raw(if item { "<ul>" } else { "</ul>" });
            in_list = item;
        }
        h.raw(if item { "<li>" } else { "<p>" });
        for i in inl {
            inline(h, i);
        }
        h.raw(if item { "</li>" } else { "</p>" });
    }
    if in_list {
        h.raw("</ul>");
    }
}

fn inline(h: &mut Html, i: &Inline) {
    match i {
        Inline::Text { s } => {
            h.text(s);
        }
        Inline::Strong { s } => {
            h.el("strong", &[], s);
        }
        Inline::Em { s } => {
            h.el("em", &[], s);
        }
        Inline::Code { s } => {
            h.el("code", &[], s);
        }
        // The importer only keeps http(s) and #KEY; check again at the door.
        Inline::Link { s, href } if href.starts_with("https://") || href.starts_with("http://") => {
            h.el(
                "a",
                &[
                    ("href", href),
                    ("rel", "noopener noreferrer"),
                    ("target", "_blank"),
                ],
                s,
            );
        }
        Inline::Link { s, href } if href.starts_with('#') => {
            h.el("a", &[("href", href)], s);
        }
        Inline::Link { s, .. } => {
            h.text(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lookup, Options};

    /// Markup an attacker would want to get through.
    const HOSTILE: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "&lt;b&gt;",
    ];

    /// Every tag in `html` is one this module writes, with only the attributes it writes, and
    /// no `href` leaves http(s) or `#`: whatever `s` was, it stayed text.
    fn assert_inert(html: &str, s: &str) {
        const TAGS: &[&str] = &[
            "p",
            "span",
            "mark",
            "div",
            "strong",
            "ul",
            "li",
            "a",
            "code",
            "button",
            "nav",
            "h2",
            "h3",
            "details",
            "summary",
            "article",
            "blockquote",
            "em",
        ];
        const ATTRS: &[&str] = &[
            "class",
            "data-testid",
            "data-key",
            "href",
            "rel",
            "target",
            "id",
            "lang",
            "hidden",
            "aria-label",
            "aria-pressed",
            "type",
            "data-show-lang",
        ];
        for tag in html.split('<').skip(1) {
            // Attribute values are escaped, so the first '>' ends the tag.
            let inside = tag.split('>').next().unwrap_or("");
            let inside = inside.trim_start_matches('/');
            let mut parts = inside.split('"');
            let head = parts.next().unwrap_or("");
            let name = head.split(' ').next().unwrap_or("");
            assert!(TAGS.contains(&name), "tag {name:?} from {s:?}:\n{html}");
            // Outside the quotes: ` name=`; inside: values.
            for (k, piece) in std::iter::once(head).chain(parts).enumerate() {
                let is_value = k % 2 == 1;
                if is_value {
                    continue;
                }
                for a in piece.split(' ').skip(if k == 0 { 1 } else { 0 }) {
                    let a = a.trim_end_matches('=');
                    assert!(
                        a.is_empty() || ATTRS.contains(&a),
                        "attribute {a:?} from {s:?}:\n{html}"
                    );
                }
            }
        }
        for href in html.split("href=\"").skip(1) {
            assert!(
                href.starts_with("https://")
                    || href.starts_with("http://")
                    || href.starts_with('#'),
                "href {href:?} from {s:?}"
            );
        }
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let cases = [
            ("a<b>&\"'", "a&lt;b&gt;&amp;&quot;&#39;"),
            ("plain åäö", "plain åäö"),
            ("", ""),
        ];
        for (input, want) in cases {
            let mut h = Html::default();
            h.text(input);
            assert_eq!(h.finish(), want);
            let mut h = Html::default();
            h.attr("title", input);
            assert_eq!(h.finish(), format!(" title=\"{want}\""));
        }
    }

    #[test]
    fn hostile_queries_render_inert() {
        for evil in HOSTILE {
            for q in [
                evil.to_string(),
                format!("SSPR_0014 {evil}"),
                format!("{evil} hr=800700CE 0x8007FFFF"),
            ] {
                let a = lookup(&q, &Options::default());
                for lang in ["en", "sv", "<x>"] {
                    assert_inert(&results(&q, &a, None, lang, &[]), evil);
                    assert_inert(&highlight(&q, &a), evil);
                    assert_inert(&results("", &a, Some(evil), lang, &[]), evil);
                }
            }
        }
    }

    #[test]
    fn hostile_rich_text_renders_inert() {
        for evil in HOSTILE {
            let r = Rich(vec![
                Block::Para(vec![
                    Inline::Text {
                        s: evil.to_string(),
                    },
                    Inline::Strong {
                        s: evil.to_string(),
                    },
                    Inline::Link {
                        s: evil.to_string(),
                        href: format!("https://x/{evil}"),
                    },
                ]),
                Block::Item(vec![
                    Inline::Link {
                        s: "js".into(),
                        href: format!("javascript:{evil}"),
                    },
                    Inline::Code {
                        s: evil.to_string(),
                    },
                ]),
            ]);
            let mut h = Html::default();
            rich(&mut h, &r);
            let html = h.finish();
            assert_inert(&html, evil);
            assert!(!html.contains("href=\"javascript:"), "{html}");
        }
    }

    #[test]
    fn rich_text_structure() {
        let t = |s: &str| Inline::Text { s: s.into() };
        let cases: Vec<(Rich, &str)> = vec![
            (Rich(vec![Block::Para(vec![t("a")])]), "<p>a</p>"),
            (
                Rich(vec![
                    Block::Item(vec![t("a")]),
                    Block::Item(vec![t("b")]),
                    Block::Para(vec![t("c")]),
                ]),
                "<ul><li>a</li><li>b</li></ul><p>c</p>",
            ),
            (
                Rich(vec![Block::Para(vec![Inline::Link {
                    s: "k".into(),
                    href: "#SSPR_0014".into(),
                }])]),
                "<p><a href=\"#SSPR_0014\">k</a></p>",
            ),
            (Rich(vec![Block::Item(vec![t("x")])]), "<ul><li>x</li></ul>"),
        ];
        for (r, want) in cases {
            let mut h = Html::default();
            rich(&mut h, &r);
            assert_eq!(h.finish(), want);
        }
    }

    #[test]
    fn what_the_result_area_shows() {
        let a = |q: &str| lookup(q, &Options::default());
        // (query, #KEY, lang, must contain, must not contain)
        let cases: &[(&str, Option<&str>, &str, &[&str], &[&str])] = &[
            (
                "SSPR_0014",
                None,
                "en",
                &[
                    "data-key=\"SSPR_0014\"",
                    "data-testid=\"copy\"",
                    "data-testid=\"confidence\"",
                ],
                &["data-testid=\"browse\""],
            ),
            (
                "",
                None,
                "sv",
                &[
                    "data-testid=\"browse\"",
                    "<details>",
                    "data-testid=\"entry\"",
                ],
                &["data-testid=\"result\""],
            ),
            (
                "",
                Some("HR_800700CE"),
                "en",
                &["data-key=\"HR_800700CE\""],
                &["data-testid=\"browse\"", "data-testid=\"confidence\""],
            ),
            (
                "",
                Some("NOT_A_KEY"),
                "en",
                &["data-testid=\"browse\""],
                &["data-testid=\"result\""],
            ),
            (
                "the weather is nice today",
                None,
                "en",
                &["data-testid=\"no-match\""],
                &["data-testid=\"result\""],
            ),
            (
                "0x8007FFFF",
                None,
                "en",
                &["data-testid=\"hresult\"", "0x8007FFFF"],
                &[],
            ),
            // Czech has no screen-error text: fallback notice, Czech chrome, English body shown.
            (
                "SSPR_0014",
                None,
                "cs",
                &[
                    "data-testid=\"fallback\"",
                    "<div class=\"body\" lang=\"en\">",
                    "aria-pressed=\"true\"",
                ],
                &[],
            ),
            // Why it matched, in the reader's language.
            (
                "SSPR_0014",
                None,
                "sv",
                &["kod SSPR_0014"],
                &["code SSPR_0014"],
            ),
            (
                "Event ID: 32002",
                None,
                "nl",
                &["nummer 32002"],
                &["number 32002"],
            ),
        ];
        for (q, key, lang, yes, no) in cases {
            let html = results(q, &a(q), *key, lang, &[]);
            for s in *yes {
                assert!(html.contains(s), "{q:?} {lang}: missing {s:?}");
            }
            for s in *no {
                assert!(!html.contains(s), "{q:?} {lang}: unexpected {s:?}");
            }
        }
    }

    #[test]
    fn every_language_of_a_card_is_there_and_one_is_visible() {
        let html = results(
            "SSPR_0014",
            &lookup("SSPR_0014", &Options::default()),
            None,
            "nl",
            &[],
        );
        let e = Catalog::embedded().get("SSPR_0014").unwrap();
        assert!(e.locales.len() > 1);
        let bodies = html.matches("<div class=\"body\"").count();
        assert_eq!(bodies, e.locales.len());
        assert_eq!(
            html.matches("<div class=\"body\" lang=\"nl\">").count(),
            1,
            "reader's language visible"
        );
        assert_eq!(html.matches(" hidden>").count(), e.locales.len() - 1);
    }

    #[test]
    fn a_language_still_loading_is_not_called_missing() {
        let a = lookup("SSPR_0014", &Options::default());
        let cs = strings("cs");
        // Czech has no screen-error text: missing, unless the Czech file is still coming.
        let done = results("SSPR_0014", &a, None, "cs", &[]);
        let coming = results(
            "SSPR_0014",
            &a,
            None,
            "cs",
            &["cs".to_string(), "nl".to_string()],
        );
        assert!(done.contains(cs.fallback) && !done.contains(cs.loading_lang));
        assert!(coming.contains(cs.loading_lang) && !coming.contains(cs.fallback));
        // Another language pending changes nothing for this reader.
        assert_eq!(
            results("SSPR_0014", &a, None, "cs", &["nl".to_string()]),
            done
        );
    }

    #[test]
    fn highlight_marks_matched_words() {
        let q = "Error SSPR_0014 on the screen";
        let html = highlight(q, &lookup(q, &Options::default()));
        assert!(html.contains("<mark>SSPR_0014</mark>"), "{html}");
        assert_eq!(highlight("nothing here at all", &Answer::default()), "");
    }

    #[test]
    fn status_sentence() {
        let q = "Event 33004 hr=800700CE";
        let a = lookup(q, &Options::default());
        assert_eq!(status(q, &a, "sv"), "2 träffar: EVENT_33004, HR_800700CE");
        assert_eq!(status("  ", &a, "sv"), "");
        let q = "the weather is nice today";
        assert_eq!(
            status(q, &lookup(q, &Options::default()), "en"),
            strings("en").no_match
        );
    }
}
