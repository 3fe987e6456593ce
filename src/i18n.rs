//! The page chrome in each supported language. Content comes from the catalog; this is only
//! the text around it.

use crate::answer::{Confidence, Note, Reason};
use crate::catalog::Area;

/// Languages the chrome is written in, in the order of the switcher.
pub const UI_LANGS: [(&str, &str); 4] = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("nl", "Nederlands"),
    ("cs", "Čeština"),
];

/// Every piece of chrome text.
#[derive(Clone, Copy)]
pub struct Strings {
    pub title: &'static str,
    pub intro: &'static str,
    pub label: &'static str,
    pub placeholder: &'static str,
    pub no_match: &'static str,
    pub no_match_hint: &'static str,
    pub guesses: &'static str,
    pub meaning: &'static str,
    pub action: &'static str,
    pub who_user: &'static str,
    pub who_admin: &'static str,
    pub source: &'static str,
    pub related: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub fallback: &'static str,
    /// Instead of `fallback` while the reader's language file is still on its way.
    pub loading_lang: &'static str,
    pub other_langs: &'static str,
    pub browse: &'static str,
    pub confidence: &'static str,
    pub levels: Levels,
    pub results: &'static str,
    pub hresult: &'static str,
    pub language: &'static str,
    pub privacy: &'static str,
    pub areas: Areas,
    /// Notes; `{key}`, `{code}` and `{kb}` are filled in.
    pub note_misprint: &'static str,
    pub note_text_wins: &'static str,
    pub note_truncated: &'static str,
    pub reasons: Reasons,
    /// A code in the paste that this catalog does not explain; `{code}` is filled in.
    pub unknown_code: &'static str,
    /// The end of a list cut short; `{n}` is filled in.
    pub and_more: &'static str,
}

/// Names of the confidence levels.
#[derive(Clone, Copy)]
pub struct Levels {
    pub low: &'static str,
    pub medium: &'static str,
    pub high: &'static str,
}

/// Names of the browse areas (see `catalog::Area`).
#[derive(Clone, Copy)]
pub struct Areas {
    pub screen: &'static str,
    pub portal: &'static str,
    pub reporting: &'static str,
    pub registration: &'static str,
    pub usage: &'static str,
    pub writeback: &'static str,
    pub events: &'static str,
    pub adsync: &'static str,
    pub guides: &'static str,
}

/// Why an entry was found (see `answer::Reason`). `{x}` is the code, name or language, `{y}`
/// the entry whose text names an HRESULT.
#[derive(Clone, Copy)]
pub struct Reasons {
    pub code: &'static str,
    pub number: &'static str,
    pub hresult: &'static str,
    pub hresult_named_in: &'static str,
    pub name: &'static str,
    pub alias: &'static str,
    pub text: &'static str,
    pub text_beats_code: &'static str,
}

impl Strings {
    /// The name of a confidence level.
    pub fn level(&self, c: Confidence) -> &'static str {
        match c {
            Confidence::Low => self.levels.low,
            Confidence::Medium => self.levels.medium,
            Confidence::High => self.levels.high,
        }
    }

    /// The name of a browse area.
    pub fn area(&self, a: Area) -> &'static str {
        let n = &self.areas;
        match a {
            Area::Screen => n.screen,
            Area::Portal => n.portal,
            Area::Reporting => n.reporting,
            Area::Registration => n.registration,
            Area::Usage => n.usage,
            Area::Writeback => n.writeback,
            Area::Events => n.events,
            Area::AdSync => n.adsync,
            Area::Guides => n.guides,
        }
    }

    /// Why an entry was found, in this language.
    pub fn reason(&self, r: &Reason) -> String {
        let n = &self.reasons;
        let (template, x, y) = match r {
            Reason::Code { code } => (n.code, code, ""),
            Reason::Number { number } => (n.number, number, ""),
            Reason::Hresult { hresult } => (n.hresult, hresult, ""),
            Reason::HresultNamedIn { hresult, key } => (n.hresult_named_in, hresult, key.as_str()),
            Reason::Name { name } => (n.name, name, ""),
            Reason::Alias { alias } => (n.alias, alias, ""),
            Reason::Text { lang } => (n.text, lang, ""),
            Reason::TextBeatsCode { code } => (n.text_beats_code, code, ""),
        };
        template.replace("{x}", x).replace("{y}", y)
    }

    /// A note on how the answer was reached, as a sentence.
    pub fn note(&self, note: &Note) -> String {
        match note {
            Note::Misprint { key, code } => self
                .note_misprint
                .replace("{key}", key)
                .replace("{code}", code),
            Note::TextBeatsCode { key, code } => self
                .note_text_wins
                .replace("{key}", key)
                .replace("{code}", code),
            Note::Truncated { kb } => self.note_truncated.replace("{kb}", &kb.to_string()),
        }
    }
}

const EN: Strings = Strings {
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
    loading_lang: "The text in your language is loading; meanwhile shown in",
    other_langs: "Also in:",
    browse: "All entries",
    confidence: "confidence",
    levels: Levels {
        low: "low",
        medium: "medium",
        high: "high",
    },
    results: "results",
    hresult: "HRESULT decoded (not in the catalog)",
    language: "Language",
    privacy: "Everything runs in your browser: nothing you paste is sent anywhere.",
    areas: Areas {
        screen: "Reset screen errors",
        portal: "Azure portal",
        reporting: "Reporting",
        registration: "Registration",
        usage: "Using password reset",
        writeback: "Password writeback",
        events: "Writeback events (PasswordResetService)",
        adsync: "ADSync and HRESULTs",
        guides: "Guides",
    },
    note_misprint: "The text is that of {key}; older articles misprint its code as {code}.",
    note_text_wins: "The text matches {key}, not the code {code} beside it: the text wins.",
    note_truncated: "Only the first {kb} KB of the paste were read.",
    reasons: Reasons {
        code: "code {x}",
        number: "number {x}",
        hresult: "HRESULT {x}",
        hresult_named_in: "HRESULT {x} named in {y}",
        name: "name {x}",
        alias: "alias {x}",
        text: "text ({x})",
        text_beats_code: "text beats code {x}",
    },
    unknown_code: "Not an SSPR or writeback code this catalog knows: {code}",
    and_more: "… and {n} more",
};

const SV: Strings = Strings {
    title: "Slå upp SSPR-fel",
    intro: "Klistra in felet från sidan för lösenordsåterställning, en händelseloggpost eller bara en kod.",
    label: "Felmeddelande, loggpost eller kod",
    placeholder: "t.ex. SSPR_0014: Ytterligare säkerhetsinformation krävs…",
    no_match: "Ingen säker träff.",
    no_match_hint: "Klistra in hela meddelandet, gärna med en kod som SSPR_0014, ett händelse-ID (32002) eller ett HRESULT (0x800700CE).",
    guesses: "Närliggande förslag (gissningar):",
    meaning: "Vad det betyder",
    action: "Vad du gör",
    who_user: "Vem måste agera: din administratör. Du kan inte åtgärda detta själv; skicka svaret till hen.",
    who_admin: "Vem måste agera: en administratör (Azure AD / Azure AD Connect).",
    source: "Källa",
    related: "Relaterat",
    copy: "Kopiera svaret",
    copied: "Kopierat",
    fallback: "Finns inte på ditt språk; visas på",
    loading_lang: "Texten på ditt språk laddas; under tiden visas den på",
    other_langs: "Finns även på:",
    browse: "Alla poster",
    confidence: "säkerhet",
    levels: Levels {
        low: "låg",
        medium: "medel",
        high: "hög",
    },
    results: "träffar",
    hresult: "HRESULT avkodat (finns inte i katalogen)",
    language: "Språk",
    privacy: "Allt körs i din webbläsare: inget du klistrar in skickas någonstans.",
    areas: Areas {
        screen: "Fel på återställningssidan",
        portal: "Azure-portalen",
        reporting: "Rapportering",
        registration: "Registrering",
        usage: "Använda lösenordsåterställning",
        writeback: "Tillbakaskrivning av lösenord",
        events: "Händelser (PasswordResetService)",
        adsync: "ADSync och HRESULT",
        guides: "Guider",
    },
    note_misprint: "Texten hör till {key}; äldre artiklar skriver felaktigt koden {code}.",
    note_text_wins: "Texten stämmer med {key}, inte med koden {code} bredvid: texten gäller.",
    note_truncated: "Bara de första {kb} kB av det inklistrade lästes.",
    reasons: Reasons {
        code: "kod {x}",
        number: "nummer {x}",
        hresult: "HRESULT {x}",
        hresult_named_in: "HRESULT {x} nämns i {y}",
        name: "namn {x}",
        alias: "alias {x}",
        text: "text ({x})",
        text_beats_code: "texten väger tyngre än koden {x}",
    },
    unknown_code: "Ingen SSPR- eller tillbakaskrivningskod som katalogen känner till: {code}",
    and_more: "… och {n} till",
};

const NL: Strings = Strings {
    title: "SSPR-fout opzoeken",
    intro: "Plak de fout van het scherm voor wachtwoordherstel, een gebeurtenislogboekregel of alleen een code.",
    label: "Foutmelding, logboekregel of code",
    placeholder: "bijv. SSPR_0014: Aanvullende beveiligingsgegevens zijn nodig…",
    no_match: "Geen betrouwbare overeenkomst.",
    no_match_hint: "Plak het hele bericht, met een code zoals SSPR_0014, een gebeurtenis-ID (32002) of een HRESULT (0x800700CE).",
    guesses: "Mogelijke kandidaten (gissingen):",
    meaning: "Wat het betekent",
    action: "Wat te doen",
    who_user: "Wie moet handelen: uw beheerder. U kunt dit niet zelf oplossen; stuur dit antwoord door.",
    who_admin: "Wie moet handelen: een beheerder (Azure AD / Azure AD Connect).",
    source: "Bron",
    related: "Gerelateerd",
    copy: "Antwoord kopiëren",
    copied: "Gekopieerd",
    fallback: "Niet beschikbaar in uw taal; getoond in",
    loading_lang: "De tekst in uw taal wordt geladen; intussen getoond in",
    other_langs: "Ook in:",
    browse: "Alle items",
    confidence: "zekerheid",
    levels: Levels {
        low: "laag",
        medium: "gemiddeld",
        high: "hoog",
    },
    results: "resultaten",
    hresult: "HRESULT gedecodeerd (niet in de catalogus)",
    language: "Taal",
    privacy: "Alles draait in uw browser: niets wat u plakt wordt verzonden.",
    areas: Areas {
        screen: "Fouten op het herstelscherm",
        portal: "Azure-portal",
        reporting: "Rapportage",
        registration: "Registratie",
        usage: "Wachtwoordherstel gebruiken",
        writeback: "Wachtwoord terugschrijven",
        events: "Gebeurtenissen (PasswordResetService)",
        adsync: "ADSync en HRESULT",
        guides: "Handleidingen",
    },
    note_misprint: "De tekst hoort bij {key}; oudere artikelen vermelden ten onrechte code {code}.",
    note_text_wins: "De tekst past bij {key}, niet bij de code {code} ernaast: de tekst gaat voor.",
    note_truncated: "Alleen de eerste {kb} kB van de geplakte tekst is gelezen.",
    reasons: Reasons {
        code: "code {x}",
        number: "nummer {x}",
        hresult: "HRESULT {x}",
        hresult_named_in: "HRESULT {x} genoemd in {y}",
        name: "naam {x}",
        alias: "alias {x}",
        text: "tekst ({x})",
        text_beats_code: "tekst weegt zwaarder dan code {x}",
    },
    unknown_code: "Geen SSPR- of terugschrijfcode die deze catalogus kent: {code}",
    and_more: "… en nog {n}",
};

const CS: Strings = Strings {
    title: "Vyhledání chyb SSPR",
    intro: "Vložte chybu z obrazovky pro resetování hesla, záznam z protokolu událostí nebo jen kód.",
    label: "Chybová zpráva, záznam protokolu nebo kód",
    placeholder: "např. SSPR_0014: K resetování hesla jsou potřeba další bezpečnostní údaje…",
    no_match: "Žádná spolehlivá shoda.",
    no_match_hint: "Vložte celou zprávu, nejlépe s kódem jako SSPR_0014, ID události (32002) nebo HRESULT (0x800700CE).",
    guesses: "Blízcí kandidáti (odhady):",
    meaning: "Co to znamená",
    action: "Co dělat",
    who_user: "Kdo musí jednat: váš správce. Sami to nevyřešíte; pošlete mu tuto odpověď.",
    who_admin: "Kdo musí jednat: správce (Azure AD / Azure AD Connect).",
    source: "Zdroj",
    related: "Související",
    copy: "Kopírovat odpověď",
    copied: "Zkopírováno",
    fallback: "Ve vašem jazyce není k dispozici; zobrazeno v jazyce",
    loading_lang: "Text ve vašem jazyce se načítá; zatím zobrazeno v jazyce",
    other_langs: "Také v:",
    browse: "Všechny položky",
    confidence: "jistota",
    levels: Levels {
        low: "nízká",
        medium: "střední",
        high: "vysoká",
    },
    results: "výsledky",
    hresult: "Dekódovaný HRESULT (není v katalogu)",
    language: "Jazyk",
    privacy: "Vše běží ve vašem prohlížeči: nic z toho, co vložíte, se nikam neodesílá.",
    areas: Areas {
        screen: "Chyby na obrazovce resetování",
        portal: "Portál Azure",
        reporting: "Sestavy",
        registration: "Registrace",
        usage: "Používání resetování hesla",
        writeback: "Zpětný zápis hesla",
        events: "Události (PasswordResetService)",
        adsync: "ADSync a HRESULT",
        guides: "Návody",
    },
    note_misprint: "Text patří k {key}; starší články u něj chybně uvádějí kód {code}.",
    note_text_wins: "Text odpovídá {key}, ne kódu {code} vedle něj: platí text.",
    note_truncated: "Přečteno bylo jen prvních {kb} kB vloženého textu.",
    reasons: Reasons {
        code: "kód {x}",
        number: "číslo {x}",
        hresult: "HRESULT {x}",
        hresult_named_in: "HRESULT {x} uvedený v {y}",
        name: "název {x}",
        alias: "alias {x}",
        text: "text ({x})",
        text_beats_code: "text má přednost před kódem {x}",
    },
    unknown_code: "Kód SSPR ani zpětného zápisu, který tento katalog nezná: {code}",
    and_more: "… a dalších {n}",
};

/// Chrome strings for a language tag (English for any other).
pub fn strings(lang: &str) -> &'static Strings {
    match lang {
        "sv" => &SV,
        "nl" => &NL,
        "cs" => &CS,
        _ => &EN,
    }
}

/// The first supported language among the browser's preferences (`navigator.languages`).
pub fn pick(preferred: &[String]) -> &'static str {
    for p in preferred {
        let primary = p
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if let Some((tag, _)) = UI_LANGS.iter().find(|(t, _)| *t == primary) {
            return tag;
        }
    }
    "en"
}

/// Content fallback chain for a reader: their language, then English, then the others.
pub fn chain(lang: &str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    if let Some((t, _)) = UI_LANGS.iter().find(|(t, _)| *t == lang) {
        v.push(t);
    }
    for t in ["en", "sv", "nl", "cs"] {
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
        assert_eq!(pick(&s(&["de-DE", "nl-BE"])), "nl");
        assert_eq!(pick(&s(&["ja"])), "en");
        assert_eq!(chain("cs"), vec!["cs", "en", "sv", "nl"]);
        assert_eq!(chain("de"), vec!["en", "sv", "nl", "cs"]);
    }
}
