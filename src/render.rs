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

use crate::answer::Answer;
use crate::catalog::{Area, Block, Catalog, Inline, Rich};
use crate::i18n::{self, chain, strings, Strings};
use crate::view::{self, split_marks, AnswerView, CardView, EntryLine, LocaleView, Summary};

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

/// Pastes longer than this are not echoed with their matched words marked (the cards say
/// enough, and a long log would double the page).
const MAX_ECHO_BYTES: usize = 4000;

/// The paste with the words that matched marked (`<mark>`), so the reader sees why. Empty when
/// nothing matched or the paste is too long to be worth echoing.
pub fn highlight(text: &str, answer: &Answer) -> String {
    let spans: Vec<(usize, usize)> = answer
        .groups
        .iter()
        .filter_map(|g| g.hits.first())
        .flat_map(|h| h.spans.iter().copied())
        .collect();
    if spans.is_empty() || text.len() > MAX_ECHO_BYTES {
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
/// query; for an empty box, the `#KEY` entry when there is one, else the browse list.
/// `pending`: languages whose file the page is still loading (a card then says the reader's
/// text is on its way, not that it does not exist).
pub fn results(
    cat: &Catalog,
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
        let mut v = view::answer(cat, answer, lang, loading);
        let primary = crate::catalog::tag::primary;
        let paste_lang = answer.detected_lang.as_deref().map(primary);
        let coming: Vec<&String> = pending
            .iter()
            .filter(|p| paste_lang == Some(primary(p)))
            .collect();
        if v.no_match && !coming.is_empty() {
            // The paste is in a language still on its way: say that, not "no match" yet.
            let names: Vec<&str> = coming.iter().map(|p| i18n::name(p)).collect();
            let note = v.t.loading_paste().replace("{x}", &names.join(", "));
            h.el(
                "p",
                &[("class", "loading"), ("data-testid", "loading")],
                &note,
            );
            v.no_match = false;
            v.guesses.clear();
        }
        answer_view(&mut h, &v);
    } else {
        let t = strings(cat, lang);
        match hash_key.and_then(|k| view::card(cat, &t, k, lang, None, loading)) {
            Some(c) => card(&mut h, &c, &t),
            None => browse(&mut h, cat, &t, lang),
        }
    }
    h.finish()
}

/// The short sentence for the screen-reader status region.
pub fn status(cat: &Catalog, query: &str, answer: &Answer, lang: &str) -> String {
    let t = strings(cat, lang);
    if query.trim().is_empty() {
        String::new()
    } else if answer.no_match {
        t.no_match().to_string()
    } else {
        let n = answer.groups.len();
        let keys = answer.keys();
        let shown: Vec<&str> = keys.iter().take(n).map(String::as_str).collect();
        format!("{n} {}: {}", t.results(), shown.join(", "))
    }
}

fn answer_view(h: &mut Html, v: &AnswerView) {
    let t = &v.t;
    h.open("div", &[("class", "answer")]);
    if let Some(s) = &v.summary {
        summary(h, s);
    }
    // What is not ours is the answer when nothing of ours matched, else it comes after.
    if v.no_match {
        h.open("div", &[("class", "no-match"), ("data-testid", "no-match")])
            .raw("<p><strong>")
            .text(t.no_match())
            .raw("</strong></p>");
        // The hint asks for a code; a paste whose codes were named has given one.
        if v.hresults.is_empty() && v.unknown_codes.is_empty() {
            h.el("p", &[], t.no_match_hint());
        }
        not_ours(h, v);
        if !v.guesses.is_empty() {
            h.open("div", &[("class", "guesses"), ("data-testid", "guesses")])
                .el("p", &[], t.guesses());
            entry_items(h, &v.guesses, "guess");
            h.close("div");
        }
        h.close("div");
    }
    for c in &v.cards {
        card(h, c, t);
    }
    if !v.no_match {
        not_ours(h, v);
    }
    h.el(
        "button",
        &[
            ("type", "button"),
            ("class", "copy"),
            ("data-testid", "copy"),
        ],
        t.copy(),
    );
    h.close("div");
}

/// "3 errors found: EVENT_33004, …", each code a link to what explains it (the shell moves the
/// focus there and leaves the URL, which holds the paste, alone).
fn summary(h: &mut Html, s: &Summary) {
    h.open("p", &[("class", "summary"), ("data-testid", "summary")])
        .text(&s.head);
    let mut sep = " ";
    for (label, id) in &s.items {
        h.raw(sep);
        sep = ", ";
        if id.is_empty() {
            h.text(label);
        } else {
            h.el("a", &[("href", &["#", id].concat())], label);
        }
    }
    h.close("p");
}

/// The decoded HRESULTs, the codes the catalog does not know (each with where to read more),
/// and the notes.
fn not_ours(h: &mut Html, v: &AnswerView) {
    let t = &v.t;
    if !v.hresults.is_empty() {
        h.open(
            "div",
            &[
                ("class", "hresults"),
                ("data-testid", "hresult"),
                ("id", view::HRESULTS_ID),
                ("tabindex", "-1"),
            ],
        )
        .el("p", &[], t.hresult())
        .raw("<ul>");
        for (hex, line) in &v.hresults {
            h.raw("<li>")
                .el("code", &[], hex)
                .text(": ")
                .text(line)
                .raw("</li>");
        }
        if let Some(m) = &v.hresults_more {
            h.el("li", &[], m);
        }
        h.raw("</ul>").el("p", &[], t.hresult_hint()).raw("</div>");
    }
    if v.unknown_codes.is_empty() && v.codes_more.is_none() && v.notes.is_empty() {
        return;
    }
    h.open(
        "ul",
        &[
            ("class", "notes"),
            ("data-testid", "notes"),
            ("id", view::CODES_ID),
            ("tabindex", "-1"),
        ],
    );
    for (line, link) in &v.unknown_codes {
        h.raw("<li>").text(line);
        if let Some(url) = link {
            h.raw(" ");
            link_out(h, url, url);
        }
        h.raw("</li>");
    }
    for n in v.codes_more.iter().chain(&v.notes) {
        h.el("li", &[], n);
    }
    h.close("ul");
}

/// `<a href="#KEY" …>KEY</a> — title` list items.
fn entry_items(h: &mut Html, items: &[EntryLine], testid: &'static str) {
    h.raw("<ul>");
    for e in items {
        let href = format!("#{}", e.key);
        h.open("li", &[("data-testid", testid), ("data-key", e.key)])
            .el("a", &[("href", &href)], e.key)
            .raw(" — ")
            .text(e.title)
            .raw("</li>");
    }
    h.raw("</ul>");
}

/// Every entry, grouped by area (collapsed), for an empty box.
fn browse(h: &mut Html, cat: &Catalog, t: &Strings, lang: &str) {
    let prefs = chain(lang);
    h.open(
        "nav",
        &[
            ("class", "browse"),
            ("data-testid", "browse"),
            ("aria-label", t.browse()),
        ],
    )
    .el("h2", &[], t.browse());
    for area in Area::ALL {
        let entries: Vec<EntryLine> = cat
            .entries
            .iter()
            .filter(|e| e.area == area)
            .map(|e| EntryLine {
                key: &e.key,
                title: cat.title(&e.key, &prefs).unwrap_or(""),
                percent: None,
            })
            .collect();
        if entries.is_empty() {
            continue;
        }
        let label = format!("{} ({})", t.area(area), entries.len());
        h.raw("<details>").el("summary", &[], &label);
        entry_items(h, &entries, "entry");
        h.raw("</details>");
    }
    h.close("nav");
}

/// One entry. Every language the entry has is rendered, the best one for the reader visible and
/// the others `hidden`; the language buttons switch between them without re-rendering (the
/// shell toggles `hidden`, so keyboard focus stays on the button).
fn card(h: &mut Html, c: &CardView, t: &Strings) {
    h.open(
        "article",
        &[
            ("class", "card"),
            ("data-testid", "result"),
            ("data-key", c.key),
        ],
    );
    // The card's first line has the key for its id, so `#KEY` finds the card when it is on the
    // page, and can take the focus (not by Tab): a link to the card moves the focus, and the
    // view, to its start (a tall card focused whole would show its middle).
    h.open(
        "p",
        &[("class", "codes"), ("id", c.key), ("tabindex", "-1")],
    )
    .el("span", &[("class", "key")], c.key)
    .raw(" ")
    .el("span", &[("class", "aliases")], &c.aliases);
    if let Some(f) = &c.found {
        let class = format!("conf conf-{}", f.confidence.name());
        h.el(
            "span",
            &[("class", &class), ("data-testid", "confidence")],
            &f.label,
        )
        .el("span", &[("class", "reason")], &f.reason);
    }
    h.raw("</p>");
    if let Some(note) = &c.fallback {
        h.el(
            "p",
            &[("class", "fallback"), ("data-testid", "fallback")],
            note,
        );
    }
    for (i, l) in c.locales.iter().enumerate() {
        locale(h, l, i > 0);
    }
    h.el("p", &[("class", "who"), ("data-testid", "who")], c.who);
    if !c.related.is_empty() {
        h.raw("<p class=\"related\">").text(t.related()).raw(": ");
        for r in &c.related {
            let href = format!("#{}", r.key);
            h.el(
                "a",
                &[
                    ("href", &href),
                    ("data-testid", "related"),
                    ("data-key", r.key),
                ],
                r.title,
            )
            .raw(" ");
        }
        h.raw("</p>");
    }
    if c.locales.len() > 1 {
        h.raw("<p class=\"other-langs\">").text(t.other_langs());
        // Other languages first (what the reader is looking for), the shown one last to go back.
        let shown = c.locales[0].lang;
        for l in c.locales.iter().skip(1).chain(c.locales.first()) {
            let pressed = if l.lang == shown { "true" } else { "false" };
            h.raw(" ").el(
                "button",
                &[
                    ("type", "button"),
                    ("class", "lang-btn"),
                    ("data-testid", "other-lang"),
                    ("data-show-lang", l.lang),
                    ("aria-pressed", pressed),
                ],
                l.lang,
            );
        }
        h.raw("</p>");
    }
    h.close("article");
}

/// One language of a card (`hidden` unless it is the one shown).
fn locale(h: &mut Html, l: &LocaleView, hidden: bool) {
    h.raw("<div class=\"body\"").attr("lang", l.lang);
    if hidden {
        h.raw(" hidden");
    }
    h.raw(">").el("h2", &[("class", "title")], l.title);
    if let Some(m) = l.message {
        h.el(
            "blockquote",
            &[("class", "message"), ("data-testid", "message")],
            m,
        );
    }
    for (label, r) in l.sections.iter().filter(|(_, r)| !r.is_empty()) {
        h.el("h3", &[], label);
        rich(h, r);
    }
    h.el(
        "p",
        &[("class", "source"), ("data-testid", "source")],
        &l.source,
    )
    .raw("</div>");
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
            link_out(h, s, href);
        }
        Inline::Link { s, href } if href.starts_with('#') => {
            h.el("a", &[("href", href)], s);
        }
        Inline::Link { s, .. } => {
            h.text(s);
        }
    }
}

/// A link out of the page (`href` is http(s), checked by the caller): a new tab, no opener, no
/// referrer. The page never fetches it; only the reader may follow it.
fn link_out(h: &mut Html, text: &str, href: &str) {
    h.el(
        "a",
        &[
            ("href", href),
            ("rel", "noopener noreferrer"),
            ("target", "_blank"),
        ],
        text,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Engine, IndexConfig};

    fn engine() -> Engine {
        Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT)
    }

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
            "tabindex",
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

    /// A link made for a paste (Microsoft's sign-in error lookup) carries digits only; the
    /// others are the catalog's own.
    fn assert_lookups_carry_digits_only(html: &str) {
        const LOOKUP: &str = "href=\"https://login.microsoftonline.com/";
        for href in html.split(LOOKUP).skip(1) {
            let href = href.split('"').next().unwrap_or("");
            let code = href.strip_prefix("error?code=");
            assert!(
                code.is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit())),
                "lookup link: {href}"
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
        let eng = engine();
        let cat = eng.catalog();
        for evil in HOSTILE {
            for q in [
                evil.to_string(),
                format!("SSPR_0014 {evil}"),
                format!("{evil} hr=800700CE 0x8007FFFF"),
                format!("AADSTS{evil} AADSTS50126{evil} Event ID 4740 SSPR_0099 {evil}"),
            ] {
                let a = eng.lookup(&q, &Config::DEFAULT);
                for lang in ["en", "sv", "<x>"] {
                    let html = results(cat, &q, &a, None, lang, &[]);
                    assert_inert(&html, evil);
                    assert_lookups_carry_digits_only(&html);
                    assert_inert(&highlight(&q, &a), evil);
                    assert_inert(&results(cat, "", &a, Some(evil), lang, &[]), evil);
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
        let eng = engine();
        let a = |q: &str| eng.lookup(q, &Config::DEFAULT);
        // (query, #KEY, lang, must contain, must not contain)
        type Case<'a> = (
            &'a str,
            Option<&'a str>,
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
        );
        let cases: &[Case] = &[
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
            // Several codes: a summary whose links find the cards (a card's id is its key).
            (
                "Event ID: 33004 hr=0x800700CE SSPR_0029",
                None,
                "en",
                &[
                    "<p class=\"summary\" data-testid=\"summary\">3 errors found: \
                     <a href=\"#EVENT_33004\">EVENT_33004</a>, <a href=\"#HR_800700CE\">",
                    "<p class=\"codes\" id=\"EVENT_33004\" tabindex=\"-1\">",
                    "<p class=\"codes\" id=\"SSPR_0029\" tabindex=\"-1\">",
                ],
                &[],
            ),
            ("SSPR_0014", None, "en", &["id=\"SSPR_0014\""], &["summary"]),
            // Codes that are not ours: what they are, where to look; the paste asked for
            // nothing else, so no hint to paste a code.
            (
                "AADSTS50126 and hr=0x8007FFFF",
                None,
                "en",
                &[
                    "<a href=\"#sspr-hresults\">0x8007FFFF</a>, \
                     <a href=\"#sspr-codes\">AADSTS50126</a>",
                    "id=\"sspr-hresults\" tabindex=\"-1\"",
                    "id=\"sspr-codes\" tabindex=\"-1\"",
                    "<a href=\"https://login.microsoftonline.com/error?code=50126\" \
                     rel=\"noopener noreferrer\" target=\"_blank\">",
                    "certutil -error",
                ],
                &["Try pasting"],
            ),
            (
                "the weather is nice today",
                None,
                "en",
                &["Try pasting"],
                &["summary", "sspr-codes"],
            ),
        ];
        for (q, key, lang, yes, no) in cases {
            let html = results(eng.catalog(), q, &a(q), *key, lang, &[]);
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
        let eng = engine();
        let cat = eng.catalog();
        let html = results(
            cat,
            "SSPR_0014",
            &eng.lookup("SSPR_0014", &Config::DEFAULT),
            None,
            "nl",
            &[],
        );
        let e = cat.get("SSPR_0014").unwrap();
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
        let eng = engine();
        let cat = eng.catalog();
        let a = eng.lookup("SSPR_0014", &Config::DEFAULT);
        let cs = strings(cat, "cs");
        // Czech has no screen-error text: missing, unless the Czech file is still coming.
        let done = results(cat, "SSPR_0014", &a, None, "cs", &[]);
        let coming = results(
            cat,
            "SSPR_0014",
            &a,
            None,
            "cs",
            &["cs".to_string(), "nl".to_string()],
        );
        assert!(done.contains(cs.fallback()) && !done.contains(cs.loading_lang()));
        assert!(coming.contains(cs.loading_lang()) && !coming.contains(cs.fallback()));
        // Another language pending changes nothing for this reader.
        assert_eq!(
            results(cat, "SSPR_0014", &a, None, "cs", &["nl".to_string()]),
            done
        );
    }

    #[test]
    fn highlight_marks_matched_words() {
        let q = "Error SSPR_0014 on the screen";
        let html = highlight(q, &engine().lookup(q, &Config::DEFAULT));
        assert!(html.contains("<mark>SSPR_0014</mark>"), "{html}");
        assert_eq!(highlight("nothing here at all", &Answer::default()), "");
    }

    #[test]
    fn highlight_marks_the_matched_characters_of_cjk_text() {
        // SSPR_0029's Chinese meaning, reworded, after a sentence the catalog never says: the
        // character pairs it shares are marked, nothing else (a CJK run is no one "word").
        let q = "天气很好。很抱歉，由于组织的密码重置配置有问题，目前无法重置密码。";
        let html = highlight(q, &engine().lookup(q, &Config::DEFAULT));
        for marked in [
            "<mark>抱歉</mark>",
            "<mark>由于组织的密码重置配置</mark>",
            "<mark>目前无法重置密码</mark>",
        ] {
            assert!(html.contains(marked), "{marked} in {html}");
        }
        for plain in ["天气很好", "很抱歉", "有问题"] {
            assert!(
                !html.contains(&format!("<mark>{plain}")),
                "{plain} in {html}"
            );
        }
    }

    #[test]
    fn status_sentence() {
        let eng = engine();
        let q = "Event 33004 hr=800700CE";
        let a = eng.lookup(q, &Config::DEFAULT);
        assert_eq!(
            status(eng.catalog(), q, &a, "sv"),
            "2 träffar: EVENT_33004, HR_800700CE"
        );
        assert_eq!(status(eng.catalog(), "  ", &a, "sv"), "");
        let q = "the weather is nice today";
        assert_eq!(
            status(eng.catalog(), q, &eng.lookup(q, &Config::DEFAULT), "en"),
            strings(eng.catalog(), "en").no_match()
        );
    }
}
