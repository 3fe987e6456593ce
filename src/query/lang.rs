//! Language guessing from function words. Small on purpose: it only has to tell apart the
//! languages Microsoft Docs articles come in, well enough to label an article or a paste.

use super::{fold, words};

/// Frequent short words per language (folded: no diacritics). Chosen to be distinctive.
const PROFILES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "is", "to", "of", "you", "your", "that", "this", "are", "can", "for",
            "with", "when", "not", "if", "or", "be", "has", "have", "we", "in", "a", "an", "it",
            "on", "error", "password",
        ],
    ),
    (
        "sv",
        &[
            "och", "att", "det", "som", "en", "ett", "av", "for", "med", "inte", "du", "din",
            "ditt", "har", "kan", "pa", "ar", "om", "till", "den", "eller", "vi", "nar",
            "losenord", "losen", "ord", "handelse", "fel",
        ],
    ),
    (
        "nl",
        &[
            "de",
            "het",
            "een",
            "en",
            "van",
            "is",
            "niet",
            "u",
            "uw",
            "voor",
            "met",
            "dat",
            "die",
            "op",
            "te",
            "kan",
            "wordt",
            "zijn",
            "deze",
            "geen",
            "wachtwoord",
            "gebeurtenis",
            "fout",
            "bij",
            "er",
        ],
    ),
    (
        "cs",
        &[
            "a", "se", "je", "na", "v", "ze", "k", "do", "pro", "nebo", "tato", "ktery", "ktera",
            "neni", "heslo", "hesla", "udalost", "chyba", "pokud", "pri", "jsou", "byl", "sluzby",
            "mistni", "oznacuje",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "sie", "ihr", "ihre", "mit", "fur", "ein",
            "eine", "zu", "von", "wird", "kann", "auf", "oder", "kennwort", "fehler", "konnen",
            "werden",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "est", "pas", "vous", "votre", "de", "des", "une", "un",
            "pour", "avec", "que", "qui", "dans", "mot", "passe", "erreur", "ne", "ce", "cette",
        ],
    ),
    (
        "es",
        &[
            "el",
            "la",
            "los",
            "las",
            "y",
            "es",
            "no",
            "su",
            "de",
            "del",
            "una",
            "un",
            "para",
            "con",
            "que",
            "por",
            "contrasena",
            "error",
            "se",
            "puede",
            "esta",
        ],
    ),
    (
        "pl",
        &[
            "i",
            "jest",
            "nie",
            "sie",
            "na",
            "w",
            "z",
            "do",
            "dla",
            "lub",
            "haslo",
            "hasla",
            "blad",
            "ten",
            "ta",
            "moze",
            "przez",
            "uzytkownik",
        ],
    ),
    (
        "da",
        &[
            "og",
            "at",
            "det",
            "er",
            "ikke",
            "du",
            "din",
            "til",
            "en",
            "et",
            "af",
            "for",
            "med",
            "kan",
            "adgangskode",
            "fejl",
            "har",
            "pa",
        ],
    ),
];

/// Function word → bit set of the profiles that list it (built once).
fn word_table() -> &'static crate::compact::WordMap {
    static T: std::sync::OnceLock<crate::compact::WordMap> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut m = crate::compact::WordMap::default();
        for (i, (_, list)) in PROFILES.iter().enumerate() {
            for w in *list {
                *m.entry(w.to_string()).or_insert(0) |= 1 << i;
            }
        }
        m
    })
}

/// Function words from which a guess counts as fully supported.
const FULL_EVIDENCE_WORDS: f32 = 10.0;

/// The best-scoring language tag for `text` and a confidence in 0..=1, or `None` when the text
/// has too few known words to tell (or is in a script none of the profiles covers).
pub fn detect(text: &str) -> Option<(&'static str, f32)> {
    let folded = fold(text);
    let mut counts = vec![0usize; PROFILES.len()];
    let mut total = 0usize;
    let mut non_latin = 0usize;
    let table = word_table();
    for w in words(&folded).take(4000) {
        total += 1;
        if w.chars().any(|c| !c.is_ascii()) {
            non_latin += 1;
            continue;
        }
        if let Some(mask) = table.get(w) {
            for (i, c) in counts.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    *c += 1;
                }
            }
        }
    }
    if total == 0 || non_latin * 2 > total {
        return None;
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, usize::MAX - i))?;
    let second = counts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    if n < 2 || n <= second {
        return None;
    }
    // Confidence: the lead over the runner-up, scaled down when few function words were seen.
    let conf =
        ((n - second) as f32 / n as f32).min(1.0) * (n as f32 / FULL_EVIDENCE_WORDS).min(1.0);
    Some((PROFILES[best].0, conf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_catalog_languages_apart() {
        let cases = [
            ("We're sorry, you can't reset your password at this time because your administrator has disabled it.", Some("en")),
            ("Du kan tyvärr inte återställa ditt lösen ord just nu eftersom din administratör har inaktiverat det.", Some("sv")),
            ("U kunt uw wachtwoord op dit moment niet herstellen omdat de beheerder het heeft uitgeschakeld.", Some("nl")),
            ("Tato událost označuje, že uživatel vybral heslo a heslo bylo úspěšně doručeno.", Some("cs")),
            ("Sie können Ihr Kennwort nicht zurücksetzen, weil der Administrator die Funktion nicht aktiviert hat.", Some("de")),
            ("SSPR_0014", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text).map(|d| d.0), want, "{text}");
        }
    }
}
