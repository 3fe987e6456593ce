//! Reading what a person pasted: folding text, finding codes, guessing the language.

pub mod codes;
pub mod lang;

pub use codes::{extract, CodeHit, CodeKind};
pub use lang::detect;

/// Lower-cases and strips diacritics from Latin letters (å→a, č→c, ø→o, ß→ss), maps look-alike
/// punctuation (’ → '), and drops zero-width and bidi control characters. Letters of other
/// scripts are kept as they are. Used for both the index and the query, so they always agree.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Folds one character into `out` (zero, one or two characters).
pub fn fold_char(c: char, out: &mut String) {
    let mapped: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'ı' => {
            "i"
        }
        'ł' | 'ľ' | 'ĺ' | 'Ł' | 'Ľ' | 'Ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'ŕ' | 'Ř' | 'Ŕ' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'ğ' | 'Ğ' => "g",
        'İ' => "i",
        '’' | '‘' | '`' | '´' => "'",
        '“' | '”' | '„' => "\"",
        '–' | '—' | '‐' | '‑' => "-",
        '\u{a0}' | '\u{2007}' | '\u{202f}' => " ",
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}'
        | '\u{feff}'
        | '\u{ad}' => "",
        _ => {
            // Other letters keep their case but Cyrillic's (two fixed offsets): the catalog's
            // languages need no more, and Unicode case tables would add kilobytes to the page.
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if let Some(lower) = cyrillic_lower(c) {
                out.push(lower);
            } else if c.is_control() {
                out.push(' ');
            } else {
                out.push(c);
            }
            return;
        }
    };
    out.push_str(mapped);
}

/// The lower-case form of a Cyrillic capital (А–Я, Ѐ–Џ).
fn cyrillic_lower(c: char) -> Option<char> {
    let off = match c {
        'А'..='Я' => 0x20,
        'Ѐ'..='Џ' => 0x50,
        _ => return None,
    };
    char::from_u32(c as u32 + off)
}

/// A letter or digit of any script, told apart without Unicode tables (they are large in the
/// page): ASCII letters and digits, and every other character but white space, control
/// characters and the punctuation and symbol blocks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c,
        '\u{80}'..='\u{bf}'            // Latin-1 controls, punctuation and signs (¡ « ° ´ ¿ …)
        | '\u{d7}' | '\u{f7}'           // × ÷
        | '\u{2000}'..='\u{2bff}'       // general punctuation, symbols, arrows, shapes
        | '\u{3000}'..='\u{303f}'       // CJK punctuation
        | '\u{fe00}'..='\u{fe6f}'       // variation selectors, small forms
        | '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}'
        | '\u{feff}' | '\u{fffc}'..='\u{ffff}'
        | '\u{1f000}'..='\u{1faff}'     // emoji and pictographs
    )
}

/// A letter of a script written without spaces between words: Han, kana and Hangul (the
/// blocks the catalog's languages use; no Unicode tables). Such text is matched by character
/// pairs, not words (`rank::index::trigrams`).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' // kana
        | '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' // Hangul
        | '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' // Han
    )
}

/// A word cut into its runs of [`is_cjk`] letters and of other letters, in order, each with
/// its byte offset and whether it is CJK: "AD同期" → ("ad", Latin), ("同期", CJK).
pub fn script_runs(w: &str) -> impl Iterator<Item = (usize, &str, bool)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = w.get(pos..).filter(|r| !r.is_empty())?;
        let cjk = rest.chars().next().is_some_and(is_cjk);
        let len = rest
            .char_indices()
            .find(|(_, c)| is_cjk(*c) != cjk)
            .map_or(rest.len(), |(i, _)| i);
        let start = pos;
        pos += len;
        Some((start, &rest[..len], cjk))
    })
}

/// Byte spans of the words of raw text: runs of [`is_word_char`] characters.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start: Option<usize> = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| {
            if i < text.len() && is_word_char(c) {
                start.get_or_insert(i);
                None
            } else {
                start.take().map(|s| (s, i))
            }
        })
}

/// Words of folded text: runs of letters and digits (apostrophes dropped).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(is_word_char(c) || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_spans_cover_words_of_any_script() {
        let t = "a1 ÅÄ,日本 🙂 x";
        let w: Vec<&str> = word_spans(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(w, vec!["a1", "ÅÄ", "日本", "x"]);
        assert_eq!(word_spans("").count(), 0);
    }

    #[test]
    fn script_runs_split_cjk_from_other_letters() {
        for (w, want) in [
            (
                "ad同期エラー",
                vec![(0, "ad", false), (2, "同期エラー", true)],
            ),
            ("암호를x", vec![(0, "암호를", true), (9, "x", false)]),
            ("plain", vec![(0, "plain", false)]),
            ("", vec![]),
        ] {
            assert_eq!(script_runs(w).collect::<Vec<_>>(), want, "{w}");
        }
        assert!(is_cjk('密') && is_cjk('パ') && is_cjk('한') && !is_cjk('a') && !is_cjk('я'));
    }

    #[test]
    fn folding() {
        for (a, b) in [
            ("Lösenord ÅTERSTÄLLNING", "losenord aterstallning"),
            ("událost označuje, že účet", "udalost oznacuje, ze ucet"),
            ("don’t", "don't"),
            ("a\u{200b}b\u{202e}c", "abc"),
            ("Straße", "strasse"),
        ] {
            assert_eq!(fold(a), b);
        }
    }
}
