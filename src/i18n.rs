//! The page chrome: the text around the catalog's content. English is built in ([`english`]);
//! every other language is data, `catalog/chrome/<lang>.txt`, which `regen` puts into the
//! catalog and the page's language file, so a language costs the first load nothing until a
//! reader needs it. All strings are named in one table ([`chrome!`]); levels, areas, reasons and
//! notes are looked up by `match` on their enums.

use crate::answer::{Confidence, Note, Reason};
use crate::catalog::{tag::primary, Area, Catalog, ChromeText};

/// Languages the page offers, by their own names, in the order of the switcher. English is built
/// in; the others' chrome comes with their language file (a test checks this list against the
/// catalog's chrome files).
pub const UI_LANGS: [(&str, &str); 18] = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("nl", "Nederlands"),
    ("cs", "Čeština"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pt-br", "Português (Brasil)"),
    ("pt-pt", "Português (Portugal)"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("zh-cn", "简体中文"),
    ("zh-tw", "繁體中文"),
    ("ru", "Русский"),
    ("pl", "Polski"),
    ("tr", "Türkçe"),
    ("hu", "Magyar"),
];

/// Declares every chrome string once: its name (the key in `catalog/chrome/<lang>.txt` and the
/// accessor on [`Strings`]) and its English text. Adding a string is adding a line here and to
/// each chrome file (a test checks the files are complete).
macro_rules! chrome {
    ($($(#[doc = $doc:literal])* $name:ident: $en:literal,)*) => {
        /// The name of every chrome string, in table order.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key { $($name,)* }

        impl<'a> Strings<'a> {
            /// Every string's name, in table order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($name),)*];

            $($(#[doc = $doc])* pub fn $name(&self) -> &'a str { self.v[Key::$name as usize] })*
        }

        const EN: Strings<'static> = Strings { v: [$($en,)*] };
    };
}

chrome! {
    /// The language's own name, for the picker.
    language_name: "English",
    title: "SSPR error lookup",
    intro: "Paste the error from the password reset screen, an event log entry, or just a code.",
    label: "Error message, log entry or code",
    placeholder: "e.g. SSPR_0014: Additional security info is needed…",
    no_match: "No confident match.",
    no_match_hint: "Try pasting the whole message, including any code such as SSPR_0014, an event ID (32002) or an HRESULT (0x800700CE).",
    guesses: "Close candidates (guesses):",
    meaning: "What it means",
    action: "What to do",
    who_user: "Who must act: your administrator. You can't fix this yourself; send them this answer.",
    who_admin: "Who must act: an administrator (Azure AD / Azure AD Connect).",
    source: "Source",
    related: "Related",
    copy: "Copy answer",
    copied: "Copied",
    fallback: "Not available in your language; shown in",
    /// Instead of `fallback` while the reader's language file is still on its way.
    loading_lang: "The text in your language is loading; meanwhile shown in",
    /// Shown under "no confident match" while the paste's language is being fetched.
    loading_paste: "Loading {x}…",
    other_langs: "Also in:",
    browse: "All entries",
    confidence: "confidence",
    level_low: "low",
    level_medium: "medium",
    level_high: "high",
    results: "results",
    hresult: "HRESULT decoded (not in the catalog)",
    language: "Language",
    privacy: "Everything runs in your browser: nothing you paste is sent anywhere.",
    area_screen: "Reset screen errors",
    area_portal: "Azure portal",
    area_reporting: "Reporting",
    area_registration: "Registration",
    area_usage: "Using password reset",
    area_writeback: "Password writeback",
    area_events: "Writeback events (PasswordResetService)",
    area_adsync: "ADSync and HRESULTs",
    area_guides: "Guides",
    /// Notes: `{key}`, `{code}` and `{kb}` are filled in.
    note_misprint: "The text is that of {key}; older articles misprint its code as {code}.",
    note_text_wins: "The text matches {key}, not the code {code} beside it: the text wins.",
    note_truncated: "Only the first {kb} KB of the paste were read.",
    /// Why an entry was found (see `answer::Reason`): `{x}` is the code, name or language, `{y}` the entry whose text names an HRESULT.
    reason_code: "code {x}",
    reason_number: "number {x}",
    reason_hresult: "HRESULT {x}",
    reason_hresult_named_in: "HRESULT {x} named in {y}",
    reason_name: "name {x}",
    reason_alias: "alias {x}",
    reason_text: "text ({x})",
    reason_text_beats_code: "text beats code {x}",
    /// A code in the paste that this catalog does not explain; `{code}` is filled in.
    unknown_code: "Not an SSPR or writeback code this catalog knows: {code}",
    /// An event or error number this catalog does not explain; `{code}` is the number.
    unknown_number: "Not an event this catalog knows: {code}. Its Source in Event Viewer names the product that logged it.",
    /// An AADSTS code; `{code}` is filled in, and a link to Microsoft's lookup follows.
    sign_in_code: "{code} is an Azure AD sign-in error, not a password reset error. Microsoft explains it:",
    /// Under decoded HRESULTs: where their message can be read.
    hresult_hint: "On Windows, certutil -error CODE prints its message.",
    /// Heads the list of codes in a paste with two or more; `{n}` is how many.
    summary: "{n} errors found:",
    /// The end of a list cut short; `{n}` is filled in.
    and_more: "… and {n} more",
}

/// The chrome in one language: one text per name of [`Strings::KEYS`].
#[derive(Clone, Copy)]
pub struct Strings<'a> {
    v: [&'a str; Strings::KEYS.len()],
}

impl<'a> Strings<'a> {
    /// Sets string number `i` (in [`Strings::KEYS`] order, as catalog files name it); false
    /// for a number out of range, which changes nothing.
    pub fn set_at(&mut self, i: usize, value: &'a str) -> bool {
        match self.v.get_mut(i) {
            Some(v) => {
                *v = value;
                true
            }
            None => false,
        }
    }

    /// The number of the string named `key` (its place in [`Strings::KEYS`]).
    pub fn number(key: &str) -> Option<usize> {
        Self::KEYS.iter().position(|k| *k == key)
    }

    /// The string named `key`.
    pub fn get(&self, key: &str) -> Option<&'a str> {
        Self::number(key).map(|i| self.v[i])
    }

    /// The name of a confidence level.
    pub fn level(&self, c: Confidence) -> &'a str {
        match c {
            Confidence::Low => self.level_low(),
            Confidence::Medium => self.level_medium(),
            Confidence::High => self.level_high(),
        }
    }

    /// The name of a browse area.
    pub fn area(&self, a: Area) -> &'a str {
        match a {
            Area::Screen => self.area_screen(),
            Area::Portal => self.area_portal(),
            Area::Reporting => self.area_reporting(),
            Area::Registration => self.area_registration(),
            Area::Usage => self.area_usage(),
            Area::Writeback => self.area_writeback(),
            Area::Events => self.area_events(),
            Area::AdSync => self.area_adsync(),
            Area::Guides => self.area_guides(),
        }
    }

    /// Why an entry was found, in this language.
    pub fn reason(&self, r: &Reason) -> String {
        let (template, x, y) = match r {
            Reason::Code { code } => (self.reason_code(), code, ""),
            Reason::Number { number } => (self.reason_number(), number, ""),
            Reason::Hresult { hresult } => (self.reason_hresult(), hresult, ""),
            Reason::HresultNamedIn { hresult, key } => {
                (self.reason_hresult_named_in(), hresult, key.as_str())
            }
            Reason::Name { name } => (self.reason_name(), name, ""),
            Reason::Alias { alias } => (self.reason_alias(), alias, ""),
            Reason::Text { lang } => (self.reason_text(), lang, ""),
            Reason::TextBeatsCode { code } => (self.reason_text_beats_code(), code, ""),
        };
        template.replace("{x}", x).replace("{y}", y)
    }

    /// A note on how the answer was reached, as a sentence.
    pub fn note(&self, note: &Note) -> String {
        match note {
            Note::Misprint { key, code } => self
                .note_misprint()
                .replace("{key}", key)
                .replace("{code}", code),
            Note::TextBeatsCode { key, code } => self
                .note_text_wins()
                .replace("{key}", key)
                .replace("{code}", code),
            Note::Truncated { kb } => self.note_truncated().replace("{kb}", &kb.to_string()),
        }
    }
}

/// The chrome in `lang`: English, with every string the catalog carries for `lang` in its place
/// (`catalog/chrome/<lang>.txt`, merged into the catalog by `regen`; the page gets them with
/// the language's file). A missing string stays English.
pub fn strings<'a>(cat: &'a Catalog, lang: &str) -> Strings<'a> {
    let mut t = EN;
    if lang != "en" {
        // Catalog files name a string by its number, not its name: the names stay out of the
        // page's wasm (317 bytes brotli, measured).
        for c in cat.chrome.iter().filter(|c| c.lang == lang) {
            if let Ok(i) = c.key.parse() {
                t.set_at(i, &c.value);
            }
        }
    }
    t
}

/// Reads a chrome file (`catalog/chrome/<lang>.txt`: `key<TAB>text` lines, `#` comments) into
/// the catalog's chrome for `lang`, each string under its number (`ChromeText::key`, which the
/// generated files carry). Every key must be one of [`Strings::KEYS`], once, and keep the
/// English text's placeholders; the first problem is the error.
pub fn parse_chrome(lang: &str, text: &str) -> Result<Vec<ChromeText>, String> {
    let mut out: Vec<ChromeText> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |what: String| format!("line {}: {what}", n + 1);
        let Some((key, value)) = line.split_once('\t') else {
            return Err(at("expected key<TAB>text".into()));
        };
        let Some(number) = Strings::number(key) else {
            return Err(at(format!("unknown key '{key}'")));
        };
        if seen.contains(&number) {
            return Err(at(format!("'{key}' given twice")));
        }
        seen.push(number);
        let want = placeholders(EN.v[number]);
        if value.trim().is_empty() || placeholders(value) != want {
            return Err(at(format!("'{key}' must be non-empty and keep {want:?}")));
        }
        out.push(ChromeText {
            lang: lang.to_string(),
            key: number.to_string(),
            value: value.to_string(),
        });
    }
    Ok(out)
}

/// `{name}` placeholders of a text, sorted.
fn placeholders(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name))
        .collect();
    v.sort_unstable();
    v
}

/// The English chrome, built into the page.
pub fn english() -> Strings<'static> {
    EN
}

/// A page language's own name (`de` → "Deutsch"); the tag itself for one the page lacks.
pub fn name(tag: &str) -> &str {
    UI_LANGS
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or(tag, |(_, n)| n)
}

/// The first supported language among the browser's preferences (`navigator.languages`).
pub fn pick(preferred: &[String]) -> &'static str {
    preferred.iter().find_map(|p| supported(p)).unwrap_or("en")
}

/// The page language a language tag asks for: the same tag (`pt-BR` → `pt-br`), else the
/// regional variant its script or region names (`zh-Hant-HK` → `zh-tw`), else the first page
/// language of the same primary language (`sv-SE` → `sv`, `pt` → `pt-br`). The loader
/// (public/catalogs.js) has a copy of this rule; e2e compares the two.
pub fn supported(tag: &str) -> Option<&'static str> {
    /// Longer tags are not language tags (bounded work per tag).
    const MAX_TAG: usize = 35;
    if tag.len() > MAX_TAG {
        return None;
    }
    let t = tag.trim().replace('_', "-").to_ascii_lowercase();
    let t = crate::catalog::tag::chinese_standard(&t);
    UI_LANGS
        .iter()
        .find(|(u, _)| *u == t)
        .or_else(|| UI_LANGS.iter().find(|(u, _)| primary(u) == primary(t)))
        .map(|(u, _)| *u)
}

/// Content fallback chain for a reader: their language, its regional sibling (`pt-pt` →
/// `pt-br`), then English, then the others in switcher order.
pub fn chain(lang: &str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    if let Some((t, _)) = UI_LANGS.iter().find(|(t, _)| *t == lang) {
        v.push(t);
    }
    let siblings = UI_LANGS
        .iter()
        .map(|(t, _)| *t)
        .filter(|t| primary(t) == primary(lang));
    for t in siblings
        .chain(["en"])
        .chain(UI_LANGS.iter().map(|(t, _)| *t))
    {
        if !v.contains(&t) {
            v.push(t);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_from_browser_languages() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(pick(&s(&["sv-SE", "en-US"])), "sv");
        assert_eq!(pick(&s(&["de-DE", "nl-BE"])), "de");
        assert_eq!(pick(&s(&["el-GR", "nl-BE"])), "nl");
        assert_eq!(pick(&s(&["ja"])), "ja");
        assert_eq!(pick(&s(&["xx", "el-GR"])), "en");
        let cases = [
            ("pt-BR", Some("pt-br")),
            ("pt_PT", Some("pt-pt")),
            ("pt", Some("pt-br")),
            ("zh-Hant-HK", Some("zh-tw")),
            ("zh-TW", Some("zh-tw")),
            ("zh", Some("zh-cn")),
            ("zh-Hans-SG", Some("zh-cn")),
            ("sv-SE", Some("sv")),
            ("en-GB", Some("en")),
            ("xx", None),
            ("", None),
        ];
        for (tag, want) in cases {
            assert_eq!(supported(tag), want, "{tag}");
        }
        assert_eq!(&chain("cs")[..3], ["cs", "en", "sv"]);
        assert_eq!(&chain("pt-pt")[..3], ["pt-pt", "pt-br", "en"]);
        assert_eq!(&chain("xx")[..2], ["en", "sv"]);
        assert_eq!(chain("de").len(), UI_LANGS.len());
    }

    #[test]
    fn chrome_files_are_checked_line_by_line() {
        // (file text, expected error substring; empty: accepted)
        let cases: &[(&str, &str)] = &[
            ("# comment\ntitle\tRubrik\n\ncopy\tKopiera\n", ""),
            ("titel\tRubrik\n", "unknown key 'titel'"),
            ("title\tA\ntitle\tB\n", "'title' given twice"),
            ("note_truncated\tBara början lästes.\n", "keep [\"kb\"]"),
            (
                "reason_hresult_named_in\tHRESULT {x}\n",
                "keep [\"x\", \"y\"]",
            ),
            ("title\t \n", "must be non-empty"),
            ("title Rubrik\n", "expected key<TAB>text"),
        ];
        for (text, want) in cases {
            match parse_chrome("sv", text) {
                Ok(v) => assert!(want.is_empty(), "{text:?} accepted: {v:?}"),
                Err(e) => assert!(!want.is_empty() && e.contains(want), "{text:?}: {e}"),
            }
        }
    }

    #[test]
    fn a_catalogs_chrome_replaces_english_string_by_string() {
        let cat = Catalog {
            chrome: parse_chrome("sv", "title\tRubrik\nlevel_high\thög\n").unwrap(),
            ..Catalog::default()
        };
        let sv = strings(&cat, "sv");
        assert_eq!(sv.title(), "Rubrik");
        assert_eq!(sv.level(Confidence::High), "hög");
        assert_eq!(sv.copy(), EN.copy(), "a missing string stays English");
        assert_eq!(strings(&cat, "nl").title(), EN.title());
        // Every key can be set and read back.
        for (i, k) in Strings::KEYS.iter().enumerate() {
            let mut t = EN;
            assert!(t.set_at(i, "x") && t.get(k) == Some("x"), "{k}");
        }
        let mut t = EN;
        assert!(
            !t.set_at(Strings::KEYS.len(), "x"),
            "out of range changes nothing"
        );
    }

    /// Catalog files name a chrome string by its number (the names stay out of the page's
    /// wasm): a number sets that string; a name, or a number out of range, sets nothing.
    #[test]
    fn catalog_files_name_chrome_strings_by_number() {
        let title = Strings::KEYS.iter().position(|k| *k == "title").unwrap();
        let text = format!(
            "U\tsv\t{title}\tRubrik\nU\tsv\tcopy\tKopiera\nU\tsv\t{}\tx\n",
            Strings::KEYS.len()
        );
        let mut cat = Catalog::default();
        cat.add_language(&text).unwrap();
        let sv = strings(&cat, "sv");
        assert_eq!(sv.title(), "Rubrik");
        assert_eq!(sv.copy(), EN.copy());
        // What regen writes is what the page reads.
        let parsed = parse_chrome("sv", "title\tRubrik\n").unwrap();
        assert_eq!(parsed[0].key, title.to_string());
    }
}
