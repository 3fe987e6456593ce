//! Language-independent evidence that two rows in different languages are the same row: link
//! targets, numbers, capitalised product terms, English words (anchors, English text).

use crate::catalog::{Block, Inline, Rich};
use crate::query;
use std::collections::BTreeSet;

/// Language-independent evidence for aligning uncoded rows across languages.
#[derive(Clone, Debug, Default)]
pub(super) struct Evidence {
    pub(super) links: BTreeSet<String>,
    pub(super) numbers: BTreeSet<String>,
    pub(super) caps: BTreeSet<String>,
    /// Words of an English anchor or English text.
    pub(super) english: BTreeSet<String>,
}

impl Evidence {
    /// Adds another row's evidence (an entry's evidence is that of all its rows).
    pub(super) fn absorb(&mut self, other: &Evidence) {
        self.links.extend(other.links.iter().cloned());
        self.numbers.extend(other.numbers.iter().cloned());
        self.caps.extend(other.caps.iter().cloned());
        self.english.extend(other.english.iter().cloned());
    }
}

/// Shortest number kept as evidence ("443", "6329", "1.2"): one or two digits are list numbers
/// and counts that every row may have.
const MIN_NUMBER_LEN: usize = 3;
/// Shortest all-capitals term (SMS, AD, ADMA).
const MIN_CAPS_LEN: usize = 2;
/// Shortest CamelCase product term (PowerShell, OneDrive); shorter ones are ordinary words.
const MIN_CAMEL_LEN: usize = 4;

/// The evidence of a symptom row: its action's link targets, and the numbers and capitalised
/// product terms of its text.
pub(super) fn evidence_of(symptom: &str, action: &Rich) -> Evidence {
    let mut ev = Evidence::default();
    for b in &action.0 {
        let (Block::Para(v) | Block::Item(v)) = b;
        for i in v {
            if let Inline::Link { href, .. } = i {
                // Language-independent part of a link: the last path segment and fragment.
                let h = href.to_ascii_lowercase();
                let h = h.rsplit('/').next().unwrap_or(&h).to_string();
                ev.links.insert(h);
            }
        }
    }
    let all = format!("{symptom} {}", action.plain());
    for w in all.split(|c: char| !c.is_alphanumeric() && c != '.') {
        let w = w.trim_matches('.');
        if w.len() >= MIN_NUMBER_LEN
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        {
            ev.numbers.insert(w.to_ascii_lowercase());
        } else if w.len() >= MIN_CAPS_LEN
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && w.chars().any(|c| c.is_ascii_uppercase())
        {
            ev.caps.insert(w.to_string());
        } else if w.len() >= MIN_CAMEL_LEN
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().skip(1).any(|c| c.is_ascii_uppercase())
        {
            ev.caps.insert(w.to_string()); // CamelCase product terms: PowerShell, OneDrive
        }
    }
    ev
}

/// Words that never make a key or alignment evidence: function words and the words every
/// SSPR row shares (password, reset, user, Azure AD).
const SLUG_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "is",
    "are",
    "be",
    "to",
    "of",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "and",
    "or",
    "i",
    "you",
    "your",
    "user",
    "users",
    "their",
    "there",
    "that",
    "this",
    "it",
    "its",
    "when",
    "but",
    "has",
    "have",
    "was",
    "who",
    "which",
    "sees",
    "may",
    "might",
    "password",
    "passwords",
    "reset",
    "sspr",
    "azure",
    "ad",
    "any",
    "as",
    "after",
    "from",
    "they",
    "them",
    "than",
    "then",
    "some",
    "under",
    "my",
    "me",
];

pub(super) fn english_words(s: &str) -> BTreeSet<String> {
    let f = query::fold(s);
    query::words(&f)
        .map(|w| w.replace('\'', ""))
        .filter(|w| !SLUG_STOP.contains(&w.as_str()) && w.len() > 1)
        .collect()
}

/// Content words of a text, in order, for keys.
pub(super) fn key_words(text: &str) -> Vec<String> {
    let f = query::fold(text);
    query::words(&f)
        .map(|w| w.replace('\'', ""))
        .filter(|w| {
            w.chars().all(|c| c.is_ascii_alphanumeric())
                && !SLUG_STOP.contains(&w.as_str())
                && w.len() > 1
        })
        .collect()
}
