//! Finding codes in pasted text: `SSPR_00NN` in every spelling, event IDs, HRESULTs (hex,
//! `hr=`, signed and unsigned decimal), and identifier-like tokens (enum and event names,
//! `MMS(4924)`, `LDAP_SERVER_POLICY_HINTS_OID`) that the catalog's aliases are matched against.
//!
//! GUIDs, dates, times, IP addresses, e-mail addresses and version numbers are recognised as
//! such and never yield a code.

use std::ops::Range;

/// What sort of code a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeKind {
    /// `SSPR_00NN` with its number.
    Sspr(u32),
    /// A 4–5 digit number; `context` tells whether a word like "event"/"ID"/"error" precedes it.
    Number { n: u32, context: bool },
    /// A 32-bit HRESULT.
    Hresult(u32),
    /// An identifier-like token (CamelCase, with `_`, or letters+digits): matched against aliases.
    Ident,
    /// A Microsoft Entra (Azure AD) sign-in error, `AADSTS50126`, with its number.
    SignIn(u32),
    /// A code from another product that is not an SSPR error, without a number we read
    /// (`ADSTS…`, `AADSTS` alone).
    Foreign,
}

/// A code found in the text. `span` is a byte range of the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeHit {
    pub kind: CodeKind,
    pub span: Range<usize>,
    pub text: String,
}

/// A token of the raw text: a run of characters other than white space and a few separators.
#[derive(Debug)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
}

/// Splits on white space and on punctuation that never occurs inside a code.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let sep = c.is_whitespace()
            || matches!(
                c,
                ',' | ';'
                    | '"'
                    | '\''
                    | '“'
                    | '”'
                    | '’'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '<'
                    | '>'
                    | '|'
                    | '\\'
            )
            || c.is_control()
            // Punctuation of other scripts (，。「」：, dashes and quotes): "hr=800700CE，消息".
            || (!c.is_ascii() && !super::is_word_char(c))
            || ('\u{200b}'..='\u{200f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || c == '\u{feff}';
        match (sep, start) {
            (true, Some(s)) => {
                out.push(Token {
                    text: &text[s..i],
                    span: s..i,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &text[s..],
            span: s..text.len(),
        });
    }
    out
}

/// Words that make a number an event ID or error code, folded (no case, no diacritics),
/// separated by spaces (a string, not a table of pointers: smaller wasm).
const CONTEXT_WORDS: &str = "event eventid id evt error err code fel felkod handelse handelse-id fout foutcode gebeurtenis gebeurtenis-id chyba udalost udalosti kod fehler ereignis ereignis-id erreur evenement errore error-id";

fn is_guid(t: &str) -> bool {
    let t = t.trim_matches(|c: char| matches!(c, '(' | ')' | '{' | '}' | '.' | ':'));
    let parts: Vec<&str> = t.split('-').collect();
    parts.len() == 5
        && [8, 4, 4, 4, 12]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Dates, times, versions, IPs, e-mail addresses, URLs, paths: never codes.
fn is_noise(t: &str) -> bool {
    if is_guid(t)
        || t.contains('@')
        || t.contains("://")
        || t.contains('/') && t.chars().filter(|c| *c == '/').count() >= 2
    {
        return true;
    }
    let digits_and_seps = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '-' | '/' | 'T' | 'Z' | '+'));
    let seps = t
        .chars()
        .filter(|c| matches!(c, '.' | ':' | '-' | '/'))
        .count();
    digits_and_seps && seps >= 2
}

/// Finds every code in `text`, in order of appearance.
pub fn extract(text: &str) -> Vec<CodeHit> {
    let toks = tokens(text);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (hit, used) = code_at(text, &toks, i);
        hits.extend(hit);
        i += used;
    }
    hits
}

/// The token at `i` with what it says about its neighbours.
struct At<'t> {
    toks: &'t [Token<'t>],
    i: usize,
    /// The token without surrounding punctuation, lower-cased.
    lower: String,
    /// `core`'s byte range in the text.
    span: Range<usize>,
}

/// The code starting at token `i`, if any, and how many tokens it takes (at least one).
fn code_at(text: &str, toks: &[Token], i: usize) -> (Option<CodeHit>, usize) {
    let raw = toks[i].text;
    if is_noise(raw) {
        return (None, 1);
    }
    let core =
        raw.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ':' | '!' | '?' | '=' | '#'));
    let offset = toks[i].span.start + raw.find(core).unwrap_or(0);
    let at = At {
        toks,
        i,
        lower: core.to_ascii_lowercase(),
        span: offset..offset + core.len(),
    };
    let hit = |kind: CodeKind, span: Range<usize>| CodeHit {
        kind,
        text: text[span.clone()].to_string(),
        span,
    };
    if let Some((n, end, used)) = sspr_at(&at) {
        return (Some(hit(CodeKind::Sspr(n), at.span.start..end)), used);
    }
    if at.lower.starts_with("aadsts") || at.lower.starts_with("adsts") {
        let kind = sign_in_number(&at.lower).map_or(CodeKind::Foreign, CodeKind::SignIn);
        return (Some(hit(kind, at.span.clone())), 1);
    }
    if let Some((v, end, used)) = hresult_at(&at) {
        return (Some(hit(CodeKind::Hresult(v), at.span.start..end)), used);
    }
    // Plain numbers (event IDs), also inside a word of another script or with a case ending.
    if let Some((digits, from)) = number_in(core) {
        let context = has_context(toks, i) || raw.starts_with('#');
        let kind = digits.parse().ok().map(|n| CodeKind::Number { n, context });
        let start = at.span.start + from;
        return (kind.map(|k| hit(k, start..start + digits.len())), 1);
    }
    // Identifier-like tokens: CamelCase words, names with '_' or digits, MMS(4924).
    (
        is_identifier(core).then(|| hit(CodeKind::Ident, at.span.clone())),
        1,
    )
}

/// Longest case ending after a number ("32002-es", "32002'yi").
const MAX_NUMBER_SUFFIX: usize = 4;

/// The event number in a token and its byte offset: 4–5 digits alone ("32002"), after or
/// before letters of a script without spaces ("事件32002", "32002를"), or with a case ending
/// after a hyphen or apostrophe ("32002-es", "32002'yi"). ASCII letters touching the digits
/// make a serial or a hex value, not an event.
fn number_in(core: &str) -> Option<(&str, usize)> {
    let from = core
        .char_indices()
        .find(|(_, c)| c.is_ascii())
        .map_or(core.len(), |(i, _)| i);
    let rest = &core[from..];
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, after) = rest.split_at(len);
    let ending = || {
        let mut cs = after.chars();
        let sep = cs.next();
        let tail: Vec<char> = cs.collect();
        matches!(sep, Some('-' | '\'' | '’'))
            && (1..=MAX_NUMBER_SUFFIX).contains(&tail.len())
            && tail.iter().all(|c| c.is_alphabetic())
    };
    let fits = after.is_empty() || after.starts_with(|c: char| !c.is_ascii()) || ending();
    ((4..=5).contains(&len) && fits).then_some((digits, from))
}

/// SSPR codes: "SSPR_0014", "SSPR-0014", "SSPR0014", "sspr 14", "SSPR_OO14". Returns the
/// number, the end of the code and the tokens it takes.
fn sspr_at(at: &At) -> Option<(u32, usize, usize)> {
    let after = at.lower.strip_prefix("sspr")?;
    let tail = after.trim_start_matches(['_', '-', ':', '#']);
    let (num_text, end) = if tail.is_empty() {
        // The number is in the next token: "sspr 14".
        match at.toks.get(at.i + 1) {
            Some(n) => (
                n.text
                    .trim_matches(|c: char| !super::is_word_char(c))
                    .to_ascii_lowercase(),
                n.span.end,
            ),
            None => (String::new(), at.span.end),
        }
    } else {
        (tail.to_string(), at.span.end)
    };
    let n = sspr_number(&num_text)?;
    Some((n, end, if tail.is_empty() { 2 } else { 1 }))
}

/// HRESULTs: `0x800700CE`, `hr=800700ce`, decimal forms, and "hr 80230402" / "HRESULT 0x…"
/// with the value in the next token. Returns the value, the end and the tokens it takes.
fn hresult_at(at: &At) -> Option<(u32, usize, usize)> {
    let lower = at.lower.as_str();
    let hr_text = lower
        .strip_prefix("hr=")
        .or_else(|| lower.strip_prefix("hresult="))
        .or_else(|| lower.strip_prefix("hr:"));
    let (candidate, explicit) = match hr_text {
        Some(h) => (h, true),
        None => (lower, false),
    };
    if let Some(v) = parse_hresult(candidate, explicit) {
        return Some((v, at.span.end, 1));
    }
    if (lower == "hr" || lower == "hresult") && at.i + 1 < at.toks.len() {
        let n = &at.toks[at.i + 1];
        let nt = n
            .text
            .trim_matches(|c: char| !c.is_ascii_alphanumeric())
            .to_ascii_lowercase();
        if let Some(v) = parse_hresult(&nt, true) {
            return Some((v, n.span.end, 2));
        }
    }
    None
}

/// Whether a word such as "event", "ID" or "error" precedes the number at token `i`.
fn has_context(toks: &[Token], i: usize) -> bool {
    i > 0 && {
        let prev = super::fold(toks[i - 1].text.trim_end_matches([':', '=', '#']));
        let prev2 = if i > 1 {
            super::fold(toks[i - 2].text)
        } else {
            String::new()
        };
        CONTEXT_WORDS.split(' ').any(|w| w == prev) || (prev == "id" && !prev2.is_empty())
    }
}

/// Digits of a sign-in error number: AADSTS codes have 5–7 digits, and 9 always fit a `u32`.
const MAX_SIGN_IN_DIGITS: usize = 9;

/// The number of a sign-in error code (`aadsts50126`, lower case): the digits right after the
/// prefix, ending the token or followed by punctuation.
fn sign_in_number(lower: &str) -> Option<u32> {
    let rest = lower.strip_prefix("aadsts")?.as_bytes();
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let ends = rest.get(digits).is_none_or(|b| !b.is_ascii_alphanumeric());
    ((1..=MAX_SIGN_IN_DIGITS).contains(&digits) && ends).then(|| {
        rest[..digits]
            .iter()
            .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
    })
}

/// The number of an SSPR code from its digits; a letter O counts as zero.
fn sspr_number(s: &str) -> Option<u32> {
    let digits: String = s
        .chars()
        .map(|c| if c == 'o' { '0' } else { c })
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if digits.is_empty()
        || digits.len() > 4
        || digits.len() < s.chars().take_while(|c| c.is_ascii_alphanumeric()).count()
    {
        return None;
    }
    digits.parse().ok()
}

/// HRESULT from `0x8…`, 8 hex digits starting with 8 (with `explicit`, any 8 hex digits), or a
/// decimal in the 32-bit range whose top bit is set (signed or unsigned).
pub fn parse_hresult(s: &str, explicit: bool) -> Option<u32> {
    let s = s.trim_end_matches(['.', ',', ')', ':']);
    if let Some(h) = s.strip_prefix("0x") {
        return (h.len() == 8 && h.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(h, 16).ok())
            .flatten();
    }
    if s.len() == 8
        && s.chars().all(|c| c.is_ascii_hexdigit())
        && (explicit
            || (s.starts_with('8') && s.chars().filter(|c| c.is_ascii_digit()).count() >= 5))
    {
        return u32::from_str_radix(s, 16).ok();
    }
    if let Some(neg) = s.strip_prefix('-') {
        if neg.len() == 10 && neg.chars().all(|c| c.is_ascii_digit()) {
            let v: i64 = neg.parse().ok()?;
            if (0x8000_0000_i64 - 0x7fff_ffff..=0x8000_0000).contains(&v) && v >= 1 {
                return Some((-v) as i32 as u32);
            }
        }
        return None;
    }
    if s.len() == 10 && s.chars().all(|c| c.is_ascii_digit()) {
        let v: u64 = s.parse().ok()?;
        if (0x8000_0000..=0xffff_ffff).contains(&v) {
            return Some(v as u32);
        }
    }
    None
}

fn is_identifier(s: &str) -> bool {
    if s.len() < 4 || s.len() > 64 {
        return false;
    }
    let has_lower = s.chars().any(|c| c.is_ascii_lowercase());
    let inner_upper = s.chars().skip(1).any(|c| c.is_ascii_uppercase());
    let all_ascii = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '(' | ')' | '.' | '='));
    all_ascii && ((has_lower && inner_upper) || s.contains('_') || s.contains('('))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first code in `text` that `pick` takes, as its number.
    fn first(text: &str, pick: impl Fn(&CodeKind) -> Option<u32>) -> Option<u32> {
        extract(text).iter().find_map(|h| pick(&h.kind))
    }

    fn kinds(text: &str) -> Vec<CodeKind> {
        extract(text)
            .into_iter()
            .map(|h| h.kind)
            .filter(|k| *k != CodeKind::Ident)
            .collect()
    }

    #[test]
    fn sspr_spellings() {
        for q in [
            "SSPR_0014",
            "sspr 14",
            "SSPR-0014",
            "SSPR0014",
            "sspr_014",
            "SSPR_OO14",
            "(SSPR_0014).",
            "sspr:14",
        ] {
            assert_eq!(kinds(q), vec![CodeKind::Sspr(14)], "{q}");
        }
    }

    #[test]
    fn hresult_spellings() {
        let want = vec![CodeKind::Hresult(0x800700ce)];
        for q in [
            "0x800700CE",
            "800700ce",
            "hr=800700CE",
            "HR 800700CE",
            "-2147024690",
            "2147942606",
            "hr=0x800700ce,",
        ] {
            assert_eq!(kinds(q), want, "{q}");
        }
    }

    #[test]
    fn numbers_with_and_without_context() {
        assert_eq!(
            kinds("Event ID: 32002"),
            vec![CodeKind::Number {
                n: 32002,
                context: true
            }]
        );
        assert_eq!(
            kinds("evt 33009"),
            vec![CodeKind::Number {
                n: 33009,
                context: true
            }]
        );
        assert_eq!(
            kinds("6800"),
            vec![CodeKind::Number {
                n: 6800,
                context: false
            }]
        );
    }

    #[test]
    fn codes_end_at_punctuation_of_other_scripts() {
        // (text, HRESULT found)
        let cases: &[(&str, Option<u32>)] = &[
            ("返回了错误 hr=800700CE，消息=文件名", Some(0x800700CE)),
            ("エラー hr=800700CE、メッセージ", Some(0x800700CE)),
            ("hr=800700CE」", Some(0x800700CE)),
            ("hr=800700CE", Some(0x800700CE)),
        ];
        for (text, want) in cases {
            let got = first(text, |k| match k {
                CodeKind::Hresult(v) => Some(*v),
                _ => None,
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn numbers_inside_words_of_other_scripts() {
        let cases: &[(&str, Option<u32>)] = &[
            ("오류 32002를", Some(32002)),
            ("事件32002", Some(32002)),
            ("32002-es hibát", Some(32002)),
            ("32002'yi", Some(32002)),
            ("6329のエラー", Some(6329)),
            ("32002abc", None),
            ("错误 32002，消息", Some(32002)),
            ("32002-abcdef", None),
            ("123456를", None),
        ];
        for (text, want) in cases {
            let got = first(text, |k| match k {
                CodeKind::Number { n, .. } => Some(*n),
                _ => None,
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn noise_yields_no_code() {
        for q in [
            "TrackingId: 0b8d2c1e-1234-4cde-8f00-123456789abc",
            "2026-11-22 10:32:07",
            "11/22/2026",
            "10.0.17763.1",
            "user32002@contoso.com",
            "https://aka.ms/ssprsetup",
            "192.168.10.12",
        ] {
            assert_eq!(kinds(q), vec![], "{q}");
        }
    }

    #[test]
    fn identifiers_and_foreign_codes() {
        let e = extract("ServiceBusError AADSTS50126 MMS(4924) LDAP_SERVER_POLICY_HINTS_OID");
        let k: Vec<_> = e.iter().map(|h| (h.kind, h.text.as_str())).collect();
        assert_eq!(
            k,
            vec![
                (CodeKind::Ident, "ServiceBusError"),
                (CodeKind::SignIn(50126), "AADSTS50126"),
                (CodeKind::Ident, "MMS(4924"),
                (CodeKind::Ident, "LDAP_SERVER_POLICY_HINTS_OID"),
            ]
        );
    }

    #[test]
    fn sign_in_codes_keep_their_number() {
        let cases: &[(&str, CodeKind)] = &[
            ("AADSTS90014", CodeKind::SignIn(90014)),
            ("aadsts50126:", CodeKind::SignIn(50126)),
            ("(AADSTS7000215)", CodeKind::SignIn(7_000_215)),
            ("AADSTS50126:Error", CodeKind::SignIn(50126)),
            ("AADSTS050126", CodeKind::SignIn(50126)),
            ("AADSTS999999999", CodeKind::SignIn(999_999_999)),
            // Too long for a number we trust, no digits, letters after them, or no first A.
            ("AADSTS9999999999", CodeKind::Foreign),
            ("AADSTS", CodeKind::Foreign),
            ("AADSTS50126abc", CodeKind::Foreign),
            ("AADSTS٣٤", CodeKind::Foreign),
            ("ADSTS50126", CodeKind::Foreign),
        ];
        for (q, want) in cases {
            assert_eq!(kinds(q), vec![*want], "{q}");
        }
    }
}
