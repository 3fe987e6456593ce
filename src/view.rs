//! An answer as the reader sees it: one localised view, from which both the page's markup
//! ([`crate::render`]) and the plain-text "Copy answer" ([`answer_text`]) are made, so the two
//! always say the same thing in the same words.

use crate::answer::{Answer, Confidence, Hit, Unknown, UnknownCode};
use crate::catalog::{Audience, Catalog, Entry, Localized, Rich};
use crate::compact::sort_by_heap;
use crate::hresult::Decoded;
use crate::i18n::{chain, strings, Strings};

/// Lists that a paste can make long (unknown codes, decoded HRESULTs) show this many items,
/// then "and N more": a log with thousands of codes must not become thousands of lines.
pub const MAX_LISTED: usize = 20;

/// The whole answer in the reader's language.
pub struct AnswerView<'a> {
    pub t: Strings<'a>,
    /// The paste's codes, each linked to what explains it, when it has two or more.
    pub summary: Option<Summary<'a>>,
    pub no_match: bool,
    /// Guesses shown with "no confident match".
    pub guesses: Vec<EntryLine<'a>>,
    /// One card per answer group.
    pub cards: Vec<CardView<'a>>,
    /// Decoded HRESULTs the catalog lacks: (hex, description), at most [`MAX_LISTED`].
    pub hresults: Vec<(String, String)>,
    /// Codes the catalog does not know, as sentences, each with where to read more when
    /// there is such a place (Microsoft's page for a sign-in error); at most [`MAX_LISTED`].
    pub unknown_codes: Vec<(String, Option<String>)>,
    /// "… and N more" when the HRESULT list was cut.
    pub hresults_more: Option<String>,
    /// "… and N more" when the list of unknown codes was cut.
    pub codes_more: Option<String>,
    pub notes: Vec<String>,
}

/// "3 errors found: EVENT_33004, HR_800700CE, SSPR_0029": each code of the paste once, named as
/// the card or list that explains it names it.
pub struct Summary<'a> {
    /// "3 errors found:"
    pub head: String,
    /// (name, id of the element that explains it: a card's id is its key), at most
    /// [`MAX_LISTED`], then "… and N more" (with no id) when the list was cut.
    pub items: Vec<(String, &'a str)>,
}

/// Ids of what the summary links to, besides cards: the decoded HRESULTs and the list of codes
/// the catalog does not know.
pub const HRESULTS_ID: &str = "sspr-hresults";
pub const CODES_ID: &str = "sspr-codes";

/// Where Microsoft explains sign-in error `AADSTS{n}`; built from the number alone.
pub fn sign_in_lookup(n: u32) -> String {
    [
        "https://login.microsoftonline.com/error?code=",
        &n.to_string(),
    ]
    .concat()
}

/// An entry named in a list: key, title, and for a guess its score.
pub struct EntryLine<'a> {
    pub key: &'a str,
    pub title: &'a str,
    /// Whole percent, for guesses.
    pub percent: Option<u32>,
}

/// One entry as a card.
pub struct CardView<'a> {
    pub key: &'a str,
    /// A few other names of the entry (not the key again, not the "Name = N" forms).
    pub aliases: String,
    /// Why it is shown, when it answers a paste (not when opened from the browse list).
    pub found: Option<Found>,
    /// Set when the best text is not in the reader's language: what to tell them.
    pub fallback: Option<String>,
    /// Every language the entry has, the one to show first.
    pub locales: Vec<LocaleView<'a>>,
    /// Who must act.
    pub who: &'a str,
    pub related: Vec<EntryLine<'a>>,
}

/// How sure the answer is and why.
pub struct Found {
    pub confidence: Confidence,
    /// "confidence: high".
    pub label: String,
    pub percent: u32,
    pub reason: String,
}

/// An entry's text in one language.
pub struct LocaleView<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    /// The message as seen, when it says more than the title.
    pub message: Option<&'a str>,
    /// "What it means" and "What to do", with their labels (either may be empty).
    pub sections: [(&'a str, &'a Rich); 2],
    /// "Source: Microsoft Docs, file §section (date)".
    pub source: String,
}

/// A score as a whole percentage (no float formatting: it is large in wasm).
pub fn percent(score: f32) -> u32 {
    (score.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// Builds the view of `a` for a reader of `lang`. `loading`: the reader's language file is
/// still on its way (a card then says so instead of "not in your language").
pub fn answer<'a>(cat: &'a Catalog, a: &Answer, lang: &str, loading: bool) -> AnswerView<'a> {
    let t = strings(cat, lang);
    let prefs = chain(lang);
    let mut v = AnswerView {
        t,
        summary: None,
        no_match: a.no_match,
        guesses: Vec::new(),
        cards: Vec::new(),
        hresults: Vec::new(),
        unknown_codes: Vec::new(),
        hresults_more: None,
        codes_more: None,
        notes: Vec::new(),
    };
    for h in &a.candidates {
        v.guesses
            .extend(entry_line(cat, &h.key, &prefs, Some(percent(h.score))));
    }
    // The summary's items: each code's card, then the codes the catalog does not explain.
    let mut items: Vec<(String, &str)> = Vec::new();
    let mut codes = a.hresults.len() + a.unknown_codes.len();
    for g in &a.groups {
        let Some(c) = g
            .hits
            .first()
            .and_then(|h| card(cat, &t, &h.key, lang, Some(h), loading))
        else {
            continue;
        };
        if g.code.is_some() {
            codes += 1;
            listed(&mut items, c.key.to_string(), c.key);
        }
        v.cards.push(c);
    }
    for d in a.hresults.iter().take(MAX_LISTED) {
        listed(&mut items, d.hex.clone(), HRESULTS_ID);
        v.hresults.push(hresult_line(d));
    }
    for u in a.unknown_codes.iter().take(MAX_LISTED) {
        listed(&mut items, u.code.clone(), CODES_ID);
        v.unknown_codes.push(unknown_line(&t, u));
    }
    if codes >= 2 {
        if let Some(m) = more(&t, codes) {
            items.push((m, ""));
        }
        v.summary = Some(Summary {
            head: with_n(t.summary(), codes),
            items,
        });
    }
    v.hresults_more = more(&t, a.hresults.len());
    v.codes_more = more(&t, a.unknown_codes.len());
    for n in &a.notes {
        v.notes.push(t.note(n));
    }
    v
}

/// "… and N more" for a list of `len` items cut at [`MAX_LISTED`].
fn more(t: &Strings, len: usize) -> Option<String> {
    let hidden = len.checked_sub(MAX_LISTED).filter(|h| *h > 0)?;
    Some(with_n(t.and_more(), hidden))
}

/// `template` with `{n}` filled in.
#[inline(never)]
fn with_n(template: &str, n: usize) -> String {
    template.replace("{n}", &n.to_string())
}

/// Adds an item to the summary, unless it has [`MAX_LISTED`] already.
#[inline(never)]
fn listed<'a>(items: &mut Vec<(String, &'a str)>, label: String, id: &'a str) {
    if items.len() < MAX_LISTED {
        items.push((label, id));
    }
}

/// What a code the catalog does not explain is, and where to read more about it.
fn unknown_line(t: &Strings, u: &UnknownCode) -> (String, Option<String>) {
    let (template, link) = match u.kind {
        Unknown::SignIn(n) => (t.sign_in_code(), Some(sign_in_lookup(n))),
        Unknown::Number => (t.unknown_number(), None),
        Unknown::Sspr | Unknown::Foreign => (t.unknown_code(), None),
    };
    (template.replace("{code}", &u.code), link)
}

/// An HRESULT the catalog lacks, decoded: (`0x800700CE`, "failure, facility 7 (WIN32), …").
pub fn hresult_line(d: &Decoded) -> (String, String) {
    let win32 = d
        .win32
        .map(|w| format!(", Win32 error {w} {}", d.win32_name.unwrap_or("")))
        .unwrap_or_default();
    let line = format!(
        "{}, facility {} ({}), code {}{win32}",
        if d.failure { "failure" } else { "success" },
        d.facility,
        d.facility_name.unwrap_or("unknown"),
        d.code,
    );
    (d.hex.clone(), line.trim_end().to_string())
}

fn entry_line<'a>(
    cat: &'a Catalog,
    key: &str,
    prefs: &[&str],
    percent: Option<u32>,
) -> Option<EntryLine<'a>> {
    let e = cat.get(key)?;
    Some(EntryLine {
        key: &e.key,
        title: cat.title(key, prefs).unwrap_or(""),
        percent,
    })
}

/// The card of entry `key` for a reader of `lang` (whose chrome is `t`); `hit` when it answers
/// a paste.
pub fn card<'a>(
    cat: &'a Catalog,
    t: &Strings<'a>,
    key: &str,
    lang: &str,
    hit: Option<&Hit>,
    loading: bool,
) -> Option<CardView<'a>> {
    let e = cat.get(key)?;
    let prefs = chain(lang);
    let best = e.best_locale(&prefs).map(|(l, _)| l);
    let fallback = match best {
        Some(b) if b.lang == lang => None,
        Some(b) => {
            let why = if loading {
                t.loading_lang()
            } else {
                t.fallback()
            };
            Some([why, " ", &b.lang, "."].concat())
        }
        // No text has arrived yet (the wasm carries codes only): the card says it is coming, in
        // the reader's language while that loads, else in English (the fallback for all).
        None => Some(
            t.loading_paste()
                .replace("{x}", crate::i18n::name(if loading { lang } else { "en" })),
        ),
    };
    // The best language first, then the others in catalog order.
    let locales = best
        .into_iter()
        .chain(
            e.locales
                .iter()
                .filter(|l| Some(l.lang.as_str()) != best.map(|b| b.lang.as_str())),
        )
        .map(|l| locale(l, t))
        .collect();
    Some(CardView {
        key: &e.key,
        aliases: aliases(e),
        found: hit.map(|h| Found {
            confidence: h.confidence,
            label: [t.confidence(), ": ", t.level(h.confidence)].concat(),
            percent: percent(h.score),
            reason: t.reason(&h.reason),
        }),
        fallback,
        locales,
        who: if e.audience == Audience::User {
            t.who_user()
        } else {
            t.who_admin()
        },
        related: e
            .related
            .iter()
            .map(|r| EntryLine {
                key: r,
                title: cat.title(r, &prefs).unwrap_or(r),
                percent: None,
            })
            .collect(),
    })
}

/// Aliases shown on a card.
const CARD_ALIASES: usize = 3;

fn aliases(e: &Entry) -> String {
    e.codes
        .iter()
        .filter(|c| **c != e.key && !c.contains(" = "))
        .take(CARD_ALIASES)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" · ")
}

fn locale<'a>(l: &'a Localized, t: &Strings<'a>) -> LocaleView<'a> {
    LocaleView {
        lang: &l.lang,
        title: &l.title,
        message: (!l.message.is_empty() && l.message != l.title).then_some(l.message.as_str()),
        sections: [(t.meaning(), &l.meaning), (t.action(), &l.action)],
        source: [
            t.source(),
            ": Microsoft Docs, ",
            &l.source.file,
            " §",
            &l.source.section,
            " (",
            &l.source.date,
            ")",
        ]
        .concat(),
    }
}

/// The answer as plain text for a person or a helpdesk ticket, in `lang` where the catalog has
/// it: what "Copy answer" copies.
pub fn answer_text(cat: &Catalog, a: &Answer, lang: &str) -> String {
    let v = answer(cat, a, lang, false);
    let t = &v.t;
    let mut out = Lines::default();
    if let Some(s) = &v.summary {
        let mut sep = " ";
        out.0.push_str(&s.head);
        for (label, _) in &s.items {
            out.0.push_str(sep);
            out.0.push_str(label);
            sep = ", ";
        }
        out.line(&[]);
    }
    // What is not ours is the answer when nothing of ours matched, else it comes after.
    if v.no_match {
        out.line(&[t.no_match()]);
        not_ours_text(&mut out, &v);
        if !v.guesses.is_empty() {
            out.line(&[t.guesses()]);
        }
        for g in &v.guesses {
            let pct = g.percent.unwrap_or(0).to_string();
            out.line(&["  ", g.key, " (", &pct, "%) ", g.title]);
        }
    }
    for c in &v.cards {
        card_text(&mut out, c);
    }
    if !v.no_match {
        not_ours_text(&mut out, &v);
    }
    out.0
}

/// The decoded HRESULTs, the codes the catalog does not know, and the notes, as text.
fn not_ours_text(out: &mut Lines, v: &AnswerView) {
    let t = &v.t;
    if !v.hresults.is_empty() {
        out.line(&[t.hresult(), ":"]);
        for (hex, line) in &v.hresults {
            out.line(&["  ", hex, ": ", line]);
        }
        if let Some(m) = &v.hresults_more {
            out.line(&["  ", m]);
        }
        out.line(&["  ", t.hresult_hint()]);
    }
    for (line, link) in &v.unknown_codes {
        match link {
            Some(url) => out.line(&[line, " ", url]),
            None => out.line(&[line]),
        }
    }
    for line in v.codes_more.iter().chain(&v.notes) {
        out.line(&[line]);
    }
}

/// Plain text built line by line (pieces joined, no formatting machinery: it is large in wasm).
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn line(&mut self, parts: &[&str]) {
        for p in parts {
            self.0.push_str(p);
        }
        self.0.push('\n');
    }
}

/// One card as text: the shown language only.
fn card_text(out: &mut Lines, c: &CardView) {
    let Some(l) = c.locales.first() else { return };
    out.line(&[c.key, " — ", l.title]);
    if let Some(f) = &c.found {
        let pct = f.percent.to_string();
        out.line(&["  ", &f.label, " (", &pct, "%), ", &f.reason]);
    }
    out.line(&["  ", c.who]);
    if let Some(f) = &c.fallback {
        out.line(&["  (", f, ")"]);
    }
    if let Some(m) = l.message {
        out.line(&["  > ", &m.replace('\n', " / ")]);
    }
    for (label, r) in l.sections.iter().filter(|(_, r)| !r.is_empty()) {
        out.line(&["  ", label, ":"]);
        for line in r.plain().lines() {
            out.line(&["    ", line]);
        }
    }
    out.line(&["  ", &l.source]);
}

/// Splits `text` into (piece, marked) at the given byte spans; spans off char boundaries or out
/// of range are ignored.
pub fn split_marks(text: &str, spans: &[(usize, usize)]) -> Vec<(String, bool)> {
    // Overlapping or touching spans (a code inside a matched phrase) merge into one mark.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut sorted = spans.to_vec();
    sort_by_heap(&mut sorted, |a, b| a < b);
    for (s, e) in sorted {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for &(s, e) in &merged {
        if s < pos
            || e > text.len()
            || s >= e
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        if s > pos {
            out.push((text[pos..s].to_string(), false));
        }
        out.push((text[s..e].to_string(), true));
        pos = e;
    }
    if pos < text.len() {
        out.push((text[pos..].to_string(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Reason;
    use crate::i18n::strings;

    #[test]
    fn reasons_are_worded_per_language() {
        let cat = Catalog::embedded();
        let s = |x: &str| x.to_string();
        let cases = [
            (
                Reason::Code {
                    code: s("SSPR_0014"),
                },
                "sv",
                "kod SSPR_0014",
            ),
            (Reason::Number { number: s("32002") }, "cs", "číslo 32002"),
            (
                Reason::HresultNamedIn {
                    hresult: s("0x8023061F"),
                    key: s("ADSYNC_6329"),
                },
                "nl",
                "HRESULT 0x8023061F genoemd in ADSYNC_6329",
            ),
            (Reason::Text { lang: s("sv") }, "en", "text (sv)"),
            (
                Reason::TextBeatsCode {
                    code: s("SSPR_0012"),
                },
                "xx",
                "text beats code SSPR_0012",
            ),
        ];
        for (reason, lang, want) in cases {
            assert_eq!(strings(&cat, lang).reason(&reason), want);
        }
    }

    #[test]
    fn reasons_in_json_are_tagged_data_not_wording() {
        let r = Reason::HresultNamedIn {
            hresult: "0x8023061F".into(),
            key: "ADSYNC_6329".into(),
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"by":"hresult-named-in","hresult":"0x8023061F","key":"ADSYNC_6329"}"#
        );
    }

    /// The answer to `q` over the full catalog, as "Copy answer" gives it in `lang`.
    fn text_of(q: &str, lang: &str) -> String {
        let eng = crate::Engine::new(Catalog::embedded(), &crate::IndexConfig::DEFAULT);
        answer_text(eng.catalog(), &eng.lookup(q, &crate::Config::DEFAULT), lang)
    }

    #[test]
    fn a_paste_with_two_or_more_codes_starts_with_a_summary() {
        const LOG: &str = "Source: PasswordResetService\nEvent ID: 33004\nhr=0x800700CE\n\
                           SSPR_0029: the on-premises policy";
        // (paste, first line of the copied answer)
        let cases: &[(&str, &str)] = &[
            (LOG, "3 errors found: EVENT_33004, HR_800700CE, SSPR_0029"),
            // Codes of ours first (in order), then the HRESULTs and codes we lack.
            (
                "AADSTS50126 then SSPR_0014, hr=0x8007FFFF",
                "3 errors found: SSPR_0014, 0x8007FFFF, AADSTS50126",
            ),
            (
                "Event ID 4740 and SSPR_0014",
                "2 errors found: SSPR_0014, 4740",
            ),
            (
                "AADSTS50126 AADSTS90014",
                "2 errors found: AADSTS50126, AADSTS90014",
            ),
            // One code, however often or in whatever form: no summary.
            (
                "SSPR_0014 sspr 14 UserNotProperlyConfigured",
                "SSPR_0014 — ",
            ),
            ("AADSTS50126 aadsts50126", "No confident match."),
            // Text alone is not a code.
            ("Event ID: 32002", "EVENT_32002 — "),
        ];
        for (q, want) in cases {
            let text = text_of(q, "en");
            assert!(text.starts_with(want), "{q:?}:\n{text}");
        }
    }

    #[test]
    fn codes_that_are_not_ours_say_what_they_are_and_where_to_look() {
        // (paste, lines of the copied answer, in this order)
        let cases: &[(&str, &[&str])] = &[
            (
                "AADSTS90014: The required field 'request' is missing",
                &[
                    "No confident match.",
                    "AADSTS90014 is an Azure AD sign-in error, not a password reset error. \
                     Microsoft explains it: https://login.microsoftonline.com/error?code=90014",
                ],
            ),
            // The link is built from the number, whatever the paste says around it.
            (
                "aadsts050126:x",
                &["AADSTS50126 is an Azure AD", "error?code=50126\n"],
            ),
            // What is not ours comes before the guesses when nothing of ours matched…
            (
                "Event ID 4740: A user account was locked out.",
                &[
                    "No confident match.",
                    "Not an event this catalog knows: 4740. Its Source in Event Viewer",
                    "Close candidates (guesses):",
                ],
            ),
            (
                "0x8007FFFF",
                &[
                    "HRESULT decoded (not in the catalog):",
                    "  0x8007FFFF: failure, facility 7 (WIN32), code 65535, Win32 error 65535",
                    "  On Windows, certutil -error CODE prints its message.",
                ],
            ),
            // … and after the answer when something of ours did: it is secondary.
            (
                "SSPR_0014 AADSTS50126",
                &[
                    "SSPR_0014 — ",
                    "Source: Microsoft Docs",
                    "AADSTS50126 is an",
                ],
            ),
            // Another product's code without a number: named, no link.
            (
                "ADSTS50126",
                &["Not an SSPR or writeback code this catalog knows: ADSTS50126\n"],
            ),
        ];
        for (q, want) in cases {
            let text = text_of(q, "en");
            let mut at = 0;
            for w in *want {
                let found = text[at..].find(w);
                assert!(found.is_some(), "{q:?}: {w:?} not after {at} in\n{text}");
                at += found.unwrap_or(0) + w.len();
            }
        }
        assert!(!text_of("ADSTS50126", "en").contains("https://"));
    }

    #[test]
    fn the_sign_in_lookup_is_built_from_the_number() {
        for (n, want) in [
            (50126, "https://login.microsoftonline.com/error?code=50126"),
            (
                7_000_215,
                "https://login.microsoftonline.com/error?code=7000215",
            ),
            (0, "https://login.microsoftonline.com/error?code=0"),
        ] {
            assert_eq!(sign_in_lookup(n), want);
        }
    }

    #[test]
    fn long_lists_are_cut_with_a_count() {
        let cat = Catalog::default();
        let a = Answer {
            no_match: true,
            unknown_codes: (0..25)
                .map(|i| UnknownCode {
                    code: format!("SSPR_{:04}", 1000 + i),
                    kind: Unknown::Sspr,
                })
                .collect(),
            ..Answer::default()
        };
        let v = answer(&cat, &a, "en", false);
        assert_eq!(v.unknown_codes.len(), MAX_LISTED);
        assert_eq!(
            v.codes_more.as_deref(),
            Some("… and 5 more"),
            "25 codes, 20 listed"
        );
        assert_eq!(v.hresults_more, None);
        let text = answer_text(&cat, &a, "en");
        assert!(text.contains("… and 5 more"), "{text}");
        // The first line is the summary, cut the same way.
        let (summary, list) = text.split_once('\n').unwrap();
        assert!(
            summary.starts_with("25 errors found: SSPR_1000, "),
            "{summary}"
        );
        assert!(summary.ends_with("SSPR_1019, … and 5 more"), "{summary}");
        assert_eq!(
            list.lines().filter(|l| l.contains("SSPR_1")).count(),
            MAX_LISTED
        );
    }

    #[test]
    fn marks_merge_and_skip_bad_spans() {
        let m = |t: &str, s: &[(usize, usize)]| {
            split_marks(t, s)
                .into_iter()
                .map(|(p, k)| if k { format!("[{p}]") } else { p })
                .collect::<String>()
        };
        // (text, spans, marked)
        type Case<'a> = (&'a str, &'a [(usize, usize)], &'a str);
        let cases: &[Case] = &[
            (
                "SSPR_0014: text",
                &[(0, 4), (0, 9), (11, 15)],
                "[SSPR_0014]: [text]",
            ),
            ("ab cd", &[(3, 5), (0, 2)], "[ab] [cd]"),
            ("åäö x", &[(1, 2), (7, 8)], "åäö [x]"),
            ("short", &[(2, 99)], "short"),
            ("", &[], ""),
        ];
        for (t, s, want) in cases {
            assert_eq!(m(t, s), *want, "{t:?} {s:?}");
        }
    }
}
