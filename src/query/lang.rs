//! Language guessing from function words. Small on purpose: it only has to tell apart the
//! languages Microsoft Docs articles come in, well enough to label an article or a paste.

use super::{fold, words};

/// Frequent short words per language (folded: no diacritics), separated by spaces (one string
/// per language: no table of pointers in the wasm). Chosen to be distinctive.
const PROFILES: &[(&str, &str)] = &[
    (
        "en",
        "the and is to of you your that this are can for with when not if or be has have we in a an it on error password",
    ),
    (
        "sv",
        "och att det som en ett av for med inte du din ditt har kan pa ar om till den eller vi nar losenord losen ord handelse fel",
    ),
    (
        "nl",
        "de het een en van is niet u uw voor met dat die op te kan wordt zijn deze geen wachtwoord gebeurtenis fout bij er",
    ),
    (
        "cs",
        "a se je na v ze k do pro nebo tato ktery ktera neni heslo hesla udalost chyba pokud pri jsou byl sluzby mistni oznacuje",
    ),
    (
        "de",
        "der die das und ist nicht sie ihr ihre mit fur ein eine zu von wird kann auf oder kennwort fehler konnen werden",
    ),
    (
        "fr",
        "le la les et est pas vous votre de des une un pour avec que qui dans mot passe erreur ne ce cette",
    ),
    (
        "es",
        "el la los las y es no su de del una un para con que por contrasena error se puede esta",
    ),
    (
        "pl",
        "i jest nie sie na w z do dla lub haslo hasla blad ten ta moze przez uzytkownik",
    ),
    (
        "it",
        "il lo di che non per con una del della sono viene errore utente questo questa nel alla puo gli essere",
    ),
    (
        "pt",
        "os do da dos das que nao para com um uma em no na senha erro utilizador usuario voce pelo ao esta",
    ),
    (
        "tr",
        "ve bir bu icin ile olarak veya degil sifre parola hata kullanici olan gibi daha ya olay sifirlama sonra gore",
    ),
    (
        "hu",
        "az es nem egy hogy meg van ez ezt vagy jelszo hiba felhasznalo esemeny ha kell csak szamara soran amely",
    ),
];

/// Function word → bit set of the profiles that list it (built once).
fn word_table() -> &'static crate::compact::WordMap {
    static T: std::sync::OnceLock<crate::compact::WordMap> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut m = crate::compact::WordMap::default();
        for (i, (_, list)) in PROFILES.iter().enumerate() {
            for w in list.split(' ') {
                *m.entry(w.to_string()).or_insert(0) |= 1 << i;
            }
        }
        m
    })
}

/// Function words from which a guess counts as fully supported.
const FULL_EVIDENCE_WORDS: f32 = 10.0;
/// Characters of a script from which a guess by script counts as fully supported.
const FULL_EVIDENCE_CHARS: f32 = 20.0;
/// Characters looked at to tell the script (bounded work per paste).
const SCRIPT_SCAN_CHARS: usize = 20_000;

/// Letters counted by script (no Unicode tables: the blocks the catalog's languages use).
#[derive(Default)]
struct Scripts {
    latin: usize,
    kana: usize,
    hangul: usize,
    han: usize,
    cyrillic: usize,
}

impl Scripts {
    fn count(text: &str) -> Scripts {
        let mut s = Scripts::default();
        for c in text.chars().take(SCRIPT_SCAN_CHARS) {
            match c {
                'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => s.latin += 1,
                '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' => {
                    s.kana += 1
                }
                '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' => {
                    s.hangul += 1
                }
                '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' => {
                    s.han += 1
                }
                '\u{400}'..='\u{4ff}' => s.cyrillic += 1,
                _ => {}
            }
        }
        s
    }

    /// The language a non-Latin script names, when such letters carry the text: Hangul is
    /// Korean, kana (even among many Han characters) Japanese, Han alone Chinese, Cyrillic
    /// Russian (the only Cyrillic catalog language). One such character stands for about a
    /// Latin word's worth of meaning, so they need only a fifth of the Latin letters to carry
    /// the text (logs and articles mix in Latin product names).
    fn language(&self) -> Option<(&'static str, f32)> {
        let cjk = self.kana + self.hangul + self.han;
        let other = cjk + self.cyrillic;
        if other == 0 || other * 5 < self.latin {
            return None;
        }
        let (lang, n) = if self.hangul * 2 > cjk && self.hangul >= self.cyrillic {
            ("ko", self.hangul)
        } else if self.cyrillic > cjk {
            ("ru", self.cyrillic)
        } else if self.kana * 20 >= cjk {
            ("ja", self.kana + self.han)
        } else {
            ("zh", self.han)
        };
        let conf = (n as f32 / other as f32) * (n as f32 / FULL_EVIDENCE_CHARS).min(1.0);
        Some((lang, conf))
    }
}

/// The best-scoring language (a primary tag: `pt`, `zh`; region variants read alike) for
/// `text` and a confidence in 0..=1, or `None` when the text has too few known words to tell.
/// Texts in Hangul, kana, Han or Cyrillic are told by their script, others by function words.
pub fn detect(text: &str) -> Option<(&'static str, f32)> {
    if let Some(by_script) = Scripts::count(text).language() {
        return Some(by_script);
    }
    let folded = fold(text);
    let mut counts = vec![0usize; PROFILES.len()];
    let mut total = 0usize;
    let mut non_latin = 0usize;
    let table = word_table();
    for w in words(&folded).take(4000) {
        total += 1;
        if !w.is_ascii() {
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

/// Whether [`detect`] can recognise text in the language `primary` (a primary subtag).
pub fn knows(primary: &str) -> bool {
    matches!(primary, "ko" | "ja" | "zh" | "ru") || PROFILES.iter().any(|(l, _)| *l == primary)
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
            ("Sie müssen sich zuerst registrieren, bevor Sie Ihr Kennwort zurücksetzen können.", Some("de")),
            ("Vous devez d'abord vous inscrire avant de pouvoir réinitialiser votre mot de passe.", Some("fr")),
            ("Debe registrarse antes de poder restablecer la contraseña con el error de la cuenta.", Some("es")),
            ("Non è possibile reimpostare la password perché l'utente non è abilitato per questa funzionalità.", Some("it")),
            ("Não foi possível redefinir a senha do usuário porque o administrador não habilitou para a conta.", Some("pt")),
            ("Bu olay, kullanıcı için parola sıfırlama işleminin başarısız olduğunu ve bir hata oluştuğunu gösterir.", Some("tr")),
            ("Ez az esemény azt jelzi, hogy a felhasználó jelszava nem állítható vissza, mert hiba történt.", Some("hu")),
            ("Ta operacja nie jest obsługiwana dla tego użytkownika, hasło nie może być zresetowane przez administratora.", Some("pl")),
            ("現時点では、パスワードをリセットできません。管理者に問い合わせてください。", Some("ja")),
            ("현재 암호를 다시 설정할 수 없습니다. 관리자에게 문의하세요.", Some("ko")),
            ("我们无法重置你的密码，因为管理员已禁用此功能。", Some("zh")),
            ("我們無法重設您的密碼，因為系統管理員已停用此功能。", Some("zh")),
            ("Мы не можем сбросить ваш пароль, так как администратор отключил эту функцию.", Some("ru")),
            ("SSPR_0014", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text).map(|d| d.0), want, "{text}");
        }
    }
}
