//! The answer to a lookup: the boundary type shared by the CLI's `--json`, the JS API and the page.

use crate::hresult::Decoded;
use serde::Serialize;

/// How sure the engine is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// A score as a whole percentage (no float formatting: it is large in wasm).
fn percent(score: f32) -> u32 {
    (score.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// One candidate entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    pub key: String,
    pub confidence: Confidence,
    /// 0..=1; comparable within one answer.
    pub score: f32,
    /// The catalog language whose text matched (None for a match on a code alone).
    pub lang: Option<String>,
    /// Byte ranges of the query that matched, for highlighting.
    pub spans: Vec<(usize, usize)>,
    /// Why, in a few words: worded per language ([`Reason::text`]); serialised in English
    /// ("code SSPR_0014", "text (sv)", …).
    pub reason: Reason,
}

/// Why an entry was found.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// An SSPR code (the key).
    Code(String),
    /// An event number.
    Number(String),
    /// An HRESULT the catalog explains (`0x800700CE`).
    Hresult(String),
    /// An HRESULT named in the text of an entry (hex, key).
    HresultNamedIn(String, String),
    /// An identifier such as an enum or event name, as pasted.
    Name(String),
    /// A multi-word alias, as pasted.
    Alias(String),
    /// The text, matched in this catalog language.
    Text(String),
    /// The text overruled this code (a misprint or a contradiction).
    TextBeatsCode(String),
}

impl Reason {
    /// The reason in `lang` (English for languages without chrome).
    pub fn text(&self, lang: &str) -> String {
        let t = crate::i18n::strings(lang).reasons;
        let (i, x, y) = match self {
            Reason::Code(x) => (0, x, ""),
            Reason::Number(x) => (1, x, ""),
            Reason::Hresult(x) => (2, x, ""),
            Reason::HresultNamedIn(x, y) => (3, x, y.as_str()),
            Reason::Name(x) => (4, x, ""),
            Reason::Alias(x) => (5, x, ""),
            Reason::Text(x) => (6, x, ""),
            Reason::TextBeatsCode(x) => (7, x, ""),
        };
        t[i].replace("{x}", x).replace("{y}", y)
    }
}

/// In the JSON (`--json`, the JS API) a reason is its English wording.
impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text("en"))
    }
}

/// One thing the paste is about: a code found in it, or its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The code as it stands in the paste (None for a text match).
    pub code: Option<String>,
    /// Best first.
    pub hits: Vec<Hit>,
}

/// Something the reader should know about how the answer was reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "kebab-case")]
pub enum Note {
    /// The text is that of `key`; some articles print `code` for it by mistake.
    Misprint { key: String, code: String },
    /// The text names `key`, not the screen code `code` beside it.
    TextBeatsCode { key: String, code: String },
    /// Only the first `kb` kilobytes of the paste were read.
    Truncated { kb: usize },
}

impl Note {
    /// The note as a sentence in `lang` (English for languages without chrome).
    pub fn text(&self, lang: &str) -> String {
        let t = crate::i18n::strings(lang);
        match self {
            Note::Misprint { key, code } => t
                .note_misprint
                .replace("{key}", key)
                .replace("{code}", code),
            Note::TextBeatsCode { key, code } => t
                .note_text_wins
                .replace("{key}", key)
                .replace("{code}", code),
            Note::Truncated { kb } => t.note_truncated.replace("{kb}", &kb.to_string()),
        }
    }
}

/// The whole answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Answer {
    /// True when no group has a confident (medium or high) hit.
    pub no_match: bool,
    /// Confident answers, one group per code (in order of appearance) or one for the text.
    pub groups: Vec<Group>,
    /// Close candidates when nothing is confident: guesses, clearly marked as such.
    pub candidates: Vec<Hit>,
    /// HRESULTs in the paste that the catalog does not explain, decoded.
    pub hresults: Vec<Decoded>,
    /// Codes of other products recognised in the paste (AADSTS…), or unknown SSPR/event codes.
    pub unknown_codes: Vec<String>,
    /// Language of the paste, from the matching text or from its words.
    pub detected_lang: Option<String>,
    /// Notes for the reader (text beats a misprinted code; the input was cut). Structured, so
    /// that each front end words them in its reader's language ([`Note::text`]).
    pub notes: Vec<Note>,
    /// True when the input was longer than the engine reads.
    pub truncated: bool,
}

impl Answer {
    /// Ranked keys, best first: each group's best hit in order, then the rest, then candidates.
    pub fn keys(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |k: &str| {
            if !out.iter().any(|o| o == k) {
                out.push(k.to_string());
            }
        };
        for g in &self.groups {
            if let Some(h) = g.hits.first() {
                push(&h.key);
            }
        }
        for g in &self.groups {
            for h in g.hits.iter().skip(1) {
                push(&h.key);
            }
        }
        for h in &self.candidates {
            push(&h.key);
        }
        out
    }
}

/// The answer as plain text for a person or a helpdesk ticket, in `lang` where the catalog has it.
pub fn answer_text(a: &Answer, lang: &str) -> String {
    let cat = crate::catalog::Catalog::embedded();
    let t = crate::i18n::strings(lang);
    let prefs = crate::i18n::chain(lang);
    let mut out = String::new();
    if a.no_match {
        out.push_str(&format!("{}\n", t.no_match));
        if !a.candidates.is_empty() {
            out.push_str(&format!("{}\n", t.guesses));
        }
        for h in &a.candidates {
            let title = cat.title(&h.key, &prefs).unwrap_or_default();
            out.push_str(&format!("  {} ({}%) {}\n", h.key, percent(h.score), title));
        }
    }
    for g in &a.groups {
        let Some(h) = g.hits.first() else { continue };
        let Some(e) = cat.get(&h.key) else { continue };
        let Some((l, _)) = e.best_locale(&prefs) else {
            continue;
        };
        out.push_str(&format!("{} — {}\n", e.key, l.title));
        out.push_str(&format!(
            "  {}: {} ({}%), {}\n",
            t.confidence,
            t.levels[h.confidence as usize],
            percent(h.score),
            h.reason.text(lang)
        ));
        let who = if e.audience == crate::catalog::Audience::User {
            t.who_user
        } else {
            t.who_admin
        };
        out.push_str(&format!("  {who}\n"));
        if l.lang != lang {
            out.push_str(&format!("  ({} {})\n", t.fallback, l.lang));
        }
        if !l.message.is_empty() && l.message != l.title {
            out.push_str(&format!("  > {}\n", l.message.replace('\n', " / ")));
        }
        for (label, r) in [(t.meaning, &l.meaning), (t.action, &l.action)] {
            if !r.is_empty() {
                out.push_str(&format!("  {label}:\n"));
                for line in r.plain().lines() {
                    out.push_str(&format!("    {line}\n"));
                }
            }
        }
        out.push_str(&format!(
            "  {}: Microsoft Docs, {} §{} ({})\n",
            t.source, l.source.file, l.source.section, l.source.date
        ));
    }
    if !a.hresults.is_empty() {
        out.push_str(&format!("{}:\n", t.hresult));
    }
    for d in &a.hresults {
        out.push_str(&format!(
            "  {}: {}, facility {} ({}), code {}{}\n",
            d.hex,
            if d.failure { "failure" } else { "success" },
            d.facility,
            d.facility_name.unwrap_or("unknown"),
            d.code,
            d.win32
                .map(|w| format!(", Win32 error {w} {}", d.win32_name.unwrap_or("")))
                .unwrap_or_default()
        ));
    }
    for c in &a.unknown_codes {
        out.push_str(&format!(
            "Not an SSPR/writeback code this catalog knows: {c}\n"
        ));
    }
    for n in &a.notes {
        out.push_str(&format!("{}\n", n.text(lang)));
    }
    out
}

/// Splits `text` into (piece, marked) at the given byte spans; spans off char boundaries or out
/// of range are ignored.
pub fn split_marks(text: &str, spans: &[(usize, usize)]) -> Vec<(String, bool)> {
    // Overlapping or touching spans (a code inside a matched phrase) merge into one mark.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut sorted = spans.to_vec();
    crate::query::sort_by_heap(&mut sorted, |a, b| a < b);
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
    use super::{split_marks, Reason};

    #[test]
    fn reasons_are_worded_per_language_and_english_in_json() {
        let r = |x: &str| x.to_string();
        let cases = [
            (Reason::Code(r("SSPR_0014")), "sv", "kod SSPR_0014"),
            (Reason::Number(r("32002")), "cs", "číslo 32002"),
            (
                Reason::HresultNamedIn(r("0x8023061F"), r("ADSYNC_6329")),
                "nl",
                "HRESULT 0x8023061F genoemd in ADSYNC_6329",
            ),
            (Reason::Text(r("sv")), "en", "text (sv)"),
            (
                Reason::TextBeatsCode(r("SSPR_0012")),
                "xx",
                "text beats code SSPR_0012",
            ),
        ];
        for (reason, lang, want) in cases {
            assert_eq!(reason.text(lang), want);
            let json = serde_json::to_string(&reason).unwrap();
            assert_eq!(json, format!("{:?}", reason.text("en")));
        }
    }

    #[test]
    fn marks_merge_and_skip_bad_spans() {
        let m = |t: &str, s: &[(usize, usize)]| {
            split_marks(t, s)
                .into_iter()
                .map(|(p, k)| if k { format!("[{p}]") } else { p })
                .collect::<String>()
        };
        let cases: &[(&str, &[(usize, usize)], &str)] = &[
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
