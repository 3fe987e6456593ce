//! What one table cell says: an enum value, a code column, the codes inside a message, the
//! first sentence of a text, the in-article links of a rich cell. Pure functions over text.

use crate::catalog::{key, Area, Block, Inline, Kind, Rich};
use crate::query;

pub(super) fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// "UserNotLicensed = 12" → (Some("UserNotLicensed"), 12). Machine translation sometimes
/// mangles the name ("Usernotlisanslanmış = 12", "UtilizadorNotProperly Configurado = 14"):
/// the value still keys the row, but a mangled name is not a code (`None`).
pub(super) fn enum_cell(s: &str) -> Option<(Option<String>, u32)> {
    let (name, n) = s.split_once('=')?;
    let name = name.trim();
    let n: u32 = n.trim().parse().ok()?;
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = (ENUM_NAME_LETTERS.contains(&letters) && n < MAX_ENUM_VALUE)
        .then_some(())
        .filter(|_| name.chars().all(|c| c.is_alphanumeric() || c == ' '))
        .filter(|_| name.chars().next().is_some_and(char::is_alphabetic));
    shaped?;
    let exact = name.chars().all(|c| c.is_ascii_alphanumeric())
        && name.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    Some((exact.then(|| name.to_string()), n))
}

/// Letters in an enum name (`UserNotLicensed`), as printed or as machine translation left it.
const ENUM_NAME_LETTERS: std::ops::RangeInclusive<usize> = 4..=60;
/// Screen-error enum values are below this (the keys print them as `SSPR_00NN`).
const MAX_ENUM_VALUE: u32 = 100;

/// "SSPR_0012: text" → (Some("SSPR_0012"), "text").
pub(super) fn split_sspr_prefix(s: &str) -> (Option<String>, String) {
    let hits = query::extract(s);
    if let Some(h) = hits.first() {
        if let query::CodeKind::Sspr(n) = h.kind {
            if h.span.start < 3 {
                let rest = s[h.span.end..]
                    .trim_start_matches([':', ' ', '-', '–'])
                    .trim()
                    .to_string();
                return (Some(key::sspr(n)), rest);
            }
        }
    }
    (None, s.trim().to_string())
}

/// The code column of an event table: "31001", "6329", "HR 8023042" (misprint: kept as alias).
pub(super) fn code_cell(s: &str) -> Option<(String, Kind, Area)> {
    let t = s.trim();
    if t.chars().all(|c| c.is_ascii_digit()) && (4..=5).contains(&t.len()) {
        return Some(number_key(t.parse().ok()?));
    }
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower
        .strip_prefix("hr")
        .or_else(|| lower.strip_prefix("0x"))
    {
        let h = h.trim().trim_start_matches("0x");
        if (7..=8).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit()) {
            // The printed digits, not `key::hresult` of their value: a 7-digit misprint keeps
            // a key of its own, which catalog/overrides.txt renames (`HR_8023042`).
            return Some((key::hresult_as_printed(h), Kind::Hresult, Area::AdSync));
        }
    }
    None
}

/// The key, kind and area of event `n`.
pub(super) fn number_key(n: u32) -> (String, Kind, Area) {
    if key::is_password_reset_event(n) {
        (key::event(n), Kind::Event, Area::Events)
    } else {
        (key::event(n), Kind::AdSync, Area::AdSync)
    }
}

/// Event numbers a symptom row's text may be keyed by: ADSync's 6xxx events and the
/// PasswordResetService events the articles list (31001–33009); other numbers in prose
/// (ports, counts, years) are not keys.
const SYMPTOM_EVENTS: [std::ops::Range<u32>; 2] = [6000..7000, 31000..34000];

/// The key a symptom row's own text names: an HRESULT beats an event number.
pub(super) fn symptom_key(symptom: &str) -> Option<(String, Kind, Area)> {
    let hits = query::extract(symptom);
    for h in &hits {
        if let query::CodeKind::Hresult(v) = h.kind {
            return Some((key::hresult(v), Kind::Hresult, Area::AdSync));
        }
    }
    for h in &hits {
        if let query::CodeKind::Number { n, .. } = h.kind {
            if SYMPTOM_EVENTS.iter().any(|r| r.contains(&n)) {
                return Some(number_key(n));
            }
        }
    }
    None
}

/// Codes inside a message that name this entry: HRESULTs (`0x80230619`), MMS codes
/// (`MMS(4924)`) and upper-case protocol identifiers (`LDAP_SERVER_POLICY_HINTS_OID`). Other
/// names in prose (a service, a product) are not codes of the entry.
pub(super) fn embedded_codes(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for h in query::extract(s) {
        match h.kind {
            query::CodeKind::Hresult(v) => out.push(format!("0x{v:08x}")),
            query::CodeKind::Ident => {
                let t = h.text.trim_end_matches(['.', ':']);
                let upper_id = t.contains('_')
                    && t.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                let mms = t.len() > 4
                    && t[..4].eq_ignore_ascii_case("mms(")
                    && t[4..]
                        .trim_end_matches(')')
                        .chars()
                        .all(|c| c.is_ascii_digit());
                if mms {
                    out.push(format!("MMS({})", t[4..].trim_end_matches(')')));
                } else if upper_id {
                    out.push(t.to_string());
                }
            }
            _ => {}
        }
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Longest title, in characters: a card heading, not a paragraph.
const TITLE_CHARS: usize = 140;
/// A full stop this early (in bytes) ends an abbreviation ("e.g.", "Dvs."), not a sentence.
const MIN_SENTENCE_BYTES: usize = 10;

/// The first sentence, capitalised (translations sometimes start one in lower case), cut to
/// [`TITLE_CHARS`] characters with an ellipsis.
pub(super) fn first_sentence(s: &str) -> String {
    let s = capitalised(s.trim());
    let s = s.as_str();
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        if matches!(c, '.' | '!' | '?') && i > MIN_SENTENCE_BYTES {
            let next = s[i + c.len_utf8()..].chars().next();
            if next.is_none_or(|n| n == ' ') {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    let t = &s[..end];
    if t.chars().count() > TITLE_CHARS {
        let cut: String = t.chars().take(TITLE_CHARS - 3).collect();
        format!("{}…", cut.trim_end())
    } else {
        t.to_string()
    }
}

/// The entries a rich text links to (`#KEY` links).
pub(super) fn internal_links(r: &Rich) -> Vec<String> {
    let mut out = Vec::new();
    for b in &r.0 {
        let (Block::Para(v) | Block::Item(v)) = b;
        for i in v {
            if let Inline::Link { href, .. } = i {
                if let Some(k) = href.strip_prefix('#') {
                    out.push(k.to_string());
                }
            }
        }
    }
    out
}
