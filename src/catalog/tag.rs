//! Language tags from untrusted places: an article's front matter (`ms.contentlocale`), a
//! `NAME.md.lang` sidecar, `--lang`, a language file merged into the catalog. A tag names a
//! file (`catalog/web/<tag>.txt`), so every one goes through [`normalize`] first.
//!
//! Accepted: the shape of a BCP 47 language tag as the catalog uses them: a primary language
//! subtag of 2–3 letters (ISO 639), then any number of subtags of 1–8 letters or digits
//! (script, region, variant: `pt-BR`, `zh-Hant-TW`, `sr-Latn`), at most [`MAX_LEN`] characters in
//! all. The result is lower-cased, so it contains only `a-z`, `0-9` and `-`: no path separator,
//! no dot, no space or control character. Names the project's files use (`core`, `catalog`, …)
//! and names some systems treat as devices (`con`, `nul`, …) are refused. Pure; no dependency.

use std::fmt;

/// The longest tag accepted: RFC 5646 §4.4.1 asks implementations to support tags of at least
/// 35 characters, which covers every language-script-region-variant tag in practice.
pub const MAX_LEN: usize = 35;

/// Tags that name something else: the page's core file, the catalog's own folders and file,
/// device names on Windows (`con.txt` cannot be created there), and `und` ("undetermined",
/// which the importer uses for an article whose language it could not tell).
pub const RESERVED: &[&str] = &[
    "core", "catalog", "web", "sources", "con", "prn", "aux", "nul", "und",
];

/// Why a tag was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagError {
    Empty,
    TooLong(usize),
    /// A character outside `A-Z`, `a-z`, `0-9`, `-` (shown escaped).
    BadChar(char),
    /// A subtag of the wrong shape (empty, too long, or a primary subtag that is not 2–3
    /// letters).
    BadSubtag(String),
    Reserved(String),
}

impl fmt::Display for TagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let example = "like en, sv, nl, cs, de, ja, pt-BR";
        match self {
            TagError::Empty => write!(f, "the language tag is empty ({example})"),
            TagError::TooLong(n) => write!(
                f,
                "the language tag is {n} characters; at most {MAX_LEN} ({example})"
            ),
            TagError::BadChar(c) => write!(
                f,
                "the language tag contains '{}'; only letters, digits and '-' ({example})",
                c.escape_default()
            ),
            TagError::BadSubtag(s) => write!(
                f,
                "'{}' is not a language subtag: a tag starts with 2–3 letters, then parts of 1–8 letters or digits ({example})",
                s.escape_default()
            ),
            TagError::Reserved(s) => write!(
                f,
                "'{}' is reserved (a file name of the catalog, a device name or 'undetermined'); name a language ({example})",
                s.escape_default()
            ),
        }
    }
}

impl std::error::Error for TagError {}

/// The tag in the catalog's form (lower case), or why it is not a language tag. Surrounding
/// ASCII whitespace is ignored (a sidecar file ends with a newline).
pub fn normalize(tag: &str) -> Result<String, TagError> {
    let t = tag.trim_matches(|c: char| c.is_ascii_whitespace());
    if t.is_empty() {
        return Err(TagError::Empty);
    }
    if let Some(c) = t
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
    {
        return Err(TagError::BadChar(c));
    }
    // Only ASCII from here on, so the length in bytes is the length in characters.
    if t.len() > MAX_LEN {
        return Err(TagError::TooLong(t.len()));
    }
    let t = t.to_ascii_lowercase();
    for (i, sub) in t.split('-').enumerate() {
        let ok = if i == 0 {
            (2..=3).contains(&sub.len()) && sub.chars().all(|c| c.is_ascii_alphabetic())
        } else {
            (1..=8).contains(&sub.len())
        };
        if !ok {
            return Err(TagError::BadSubtag(sub.to_string()));
        }
    }
    if RESERVED.contains(&t.as_str()) {
        return Err(TagError::Reserved(t));
    }
    Ok(t)
}

/// The primary language subtag of a normalized tag: `pt-br` → `pt`.
pub fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Chinese named by its script or by a region that writes it (a lower-case tag): the written
/// standard it is, `zh-tw` (traditional) or `zh-cn` (simplified); other tags as they are.
pub fn chinese_standard(t: &str) -> &str {
    match t {
        _ if t.starts_with("zh-hant") || t == "zh-hk" || t == "zh-mo" => "zh-tw",
        _ if t.starts_with("zh-hans") || t == "zh-sg" => "zh-cn",
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalized_or_refused() {
        let ok: &[(&str, &str)] = &[
            ("en", "en"),
            ("SV", "sv"),
            ("pt-BR", "pt-br"),
            ("zh-Hant-TW", "zh-hant-tw"),
            ("sr-Latn", "sr-latn"),
            ("de\n", "de"),
            (" nl ", "nl"),
            ("es-419", "es-419"),
            ("fil", "fil"),
        ];
        for (tag, want) in ok {
            assert_eq!(normalize(tag).as_deref(), Ok(*want), "{tag:?}");
        }
        let refused: &[(&str, TagError)] = &[
            ("", TagError::Empty),
            ("  \n", TagError::Empty),
            ("../../../pwned", TagError::BadChar('.')),
            ("..", TagError::BadChar('.')),
            (".", TagError::BadChar('.')),
            ("en/../x", TagError::BadChar('/')),
            ("en\\x", TagError::BadChar('\\')),
            ("en x", TagError::BadChar(' ')),
            ("en_US", TagError::BadChar('_')),
            ("en\u{0}", TagError::BadChar('\u{0}')),
            ("sv\u{202e}", TagError::BadChar('\u{202e}')),
            ("ñu", TagError::BadChar('ñ')),
            ("core", TagError::BadSubtag("core".into())),
            ("catalog", TagError::BadSubtag("catalog".into())),
            ("e", TagError::BadSubtag("e".into())),
            ("e1", TagError::BadSubtag("e1".into())),
            ("en-", TagError::BadSubtag("".into())),
            ("-en", TagError::BadSubtag("".into())),
            ("en--us", TagError::BadSubtag("".into())),
            ("en-toolongsub", TagError::BadSubtag("toolongsub".into())),
            ("CON", TagError::Reserved("con".into())),
            ("nul", TagError::Reserved("nul".into())),
            ("und", TagError::Reserved("und".into())),
            (
                "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd",
                TagError::TooLong(38),
            ),
        ];
        for (tag, want) in refused {
            assert_eq!(normalize(tag).as_ref(), Err(want), "{tag:?}");
        }
        for r in RESERVED {
            assert!(normalize(r).is_err(), "{r}");
        }
        assert_eq!(primary("pt-br"), "pt");
        assert_eq!(primary("en"), "en");
    }

    #[test]
    fn messages_escape_what_they_quote() {
        let m = normalize("en\u{1b}[2J").unwrap_err().to_string();
        assert!(!m.contains('\u{1b}'), "{m}");
        assert!(m.contains("\\u{1b}"), "{m}");
    }
}
