//! The answer to a lookup: plain data, the boundary type shared by the CLI's `--json`, the JS
//! API and the page. Nothing here is worded for a reader: `view` turns an answer into the
//! reader's language, and the page and the copied text are made from that view.

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
    /// Why the entry was found.
    pub reason: Reason,
}

/// Why an entry was found. In the JSON an object tagged by `by`, e.g.
/// `{"by": "code", "code": "SSPR_0014"}`; front ends word it in their reader's language
/// (`i18n::Strings::reason`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum Reason {
    /// An SSPR code (the key).
    Code { code: String },
    /// An event number.
    Number { number: String },
    /// An HRESULT the catalog explains (`0x800700CE`).
    Hresult { hresult: String },
    /// An HRESULT named in the text of entry `key`.
    HresultNamedIn { hresult: String, key: String },
    /// An identifier such as an enum or event name, as pasted.
    Name { name: String },
    /// A multi-word alias, as pasted.
    Alias { alias: String },
    /// The text, matched in this catalog language.
    Text { lang: String },
    /// The text overruled this code (a misprint or a contradiction).
    TextBeatsCode { code: String },
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

/// A code in the paste that the catalog does not explain. In the JSON only the code, as named
/// to the reader: `"unknown_codes": ["AADSTS50126", "4740"]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct UnknownCode {
    /// `SSPR_0042`, `4740`, `AADSTS50126` (rebuilt from its number), or another product's code
    /// as pasted.
    pub code: String,
    /// What sort of code it is, for the reader's view (not in the JSON).
    #[serde(skip)]
    pub kind: Unknown,
}

/// What sort of code an [`UnknownCode`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// An `SSPR_00NN` code the catalog lacks.
    Sspr,
    /// A number after a word such as "Event ID" or "error": another event or error.
    Number,
    /// A Microsoft Entra (Azure AD) sign-in error, `AADSTS` and this number.
    SignIn(u32),
    /// Another product's code without a number we read.
    Foreign,
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
    /// Codes of other products recognised in the paste (AADSTS…), or unknown SSPR/event codes,
    /// each once.
    pub unknown_codes: Vec<UnknownCode>,
    /// Language of the paste, from the matching text or from its words.
    pub detected_lang: Option<String>,
    /// Notes for the reader (text beats a misprinted code; the input was cut). Structured, so
    /// that each front end words them in its reader's language (`i18n::Strings::note`).
    pub notes: Vec<Note>,
    /// True when the input was longer than the engine reads.
    pub truncated: bool,
}

impl Answer {
    /// The language whose file the page should fetch to answer this paste: the paste's
    /// language, when nothing matched confidently and no loaded language shares its primary
    /// tag (`pt` is loaded when `pt-br` is).
    pub fn language_to_fetch(&self, loaded: &[&str]) -> Option<&str> {
        let lang = self.detected_lang.as_deref().filter(|_| self.no_match)?;
        let primary = crate::catalog::tag::primary;
        (!loaded.iter().any(|l| primary(l) == primary(lang))).then_some(lang)
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetches_the_paste_language_only_when_it_would_help() {
        let loaded = ["en", "sv", "pt-br"];
        // (no_match, detected, expected)
        let cases: &[(bool, Option<&str>, Option<&str>)] = &[
            (true, Some("de"), Some("de")),
            (true, Some("pt"), None),
            (true, Some("sv"), None),
            (true, None, None),
            (false, Some("de"), None),
            (true, Some("zh"), Some("zh")),
        ];
        for (no_match, detected, want) in cases {
            let a = Answer {
                no_match: *no_match,
                detected_lang: detected.map(str::to_string),
                ..Answer::default()
            };
            assert_eq!(
                a.language_to_fetch(&loaded),
                *want,
                "{detected:?} {no_match}"
            );
        }
    }
}
