//! A small domain thesaurus: words that people use for the same idea, in the catalog's
//! languages. Each group becomes one extra "concept" feature for every word in it, in the index
//! and in the query alike, so "banned" meets "blocked", "turned off" meets "disabled", and
//! "förbjudna" meets "blockerade". Words are folded (lower case, no diacritics).
//!
//! Kept to the vocabulary of password reset problems; a word belongs to at most one group.

use crate::compact::WordMap;
use std::sync::OnceLock;

const GROUPS: &[&[&str]] = &[
    // banned / blocked
    &[
        "banned",
        "blocked",
        "forbidden",
        "prohibited",
        "disallowed",
        "blacklisted",
        "forbjudna",
        "forbjuden",
        "forbjudet",
        "blockerade",
        "blockerad",
        "blockerat",
        "sparrade",
        "verboden",
        "geblokkeerde",
        "geblokkeerd",
        "zakazana",
        "zakazanych",
        "blokovana",
        "blokovanych",
        "zablokovanych",
        "gesperrt",
        "verboten",
        "interdit",
        "bannis",
    ],
    // disabled / turned off
    &[
        "disabled",
        "deactivated",
        "inactive",
        "off",
        "inaktiverat",
        "inaktiverad",
        "inaktiverade",
        "avstangd",
        "avstangt",
        "avaktiverad",
        "uitgeschakeld",
        "gedeactiveerd",
        "zakazany",
        "zablokovan",
        "zablokovany",
        "zablokovano",
        "zakazano",
        "zakazan",
        "deaktivovan",
        "vypnuty",
        "vypnuto",
        "deaktiviert",
        "desactive",
    ],
    // locked (out)
    // (Swedish "låst" folds to "last", an English word: left out.)
    &[
        "locked",
        "lockout",
        "lockedout",
        "utelast",
        "utelasning",
        "vergrendeld",
        "vergrendeling",
        "uzamcen",
        "uzamceny",
        "uzamceni",
        "zamceny",
        "gesperrte",
    ],
    // receive / get / arrive
    // (Swedish "får" folds to "far", an English word: left out.)
    &[
        "receive",
        "receives",
        "received",
        "receiving",
        "get",
        "gets",
        "got",
        "arrive",
        "arrives",
        "arrived",
        "fatt",
        "mottar",
        "ontvangt",
        "ontvangen",
        "krijgt",
        "obdrzi",
        "dostane",
        "prijde",
        "erhalt",
    ],
    // e-mail
    // ("e-post" splits into "e" and "post…".)
    &[
        "email",
        "mail",
        "emails",
        "postmeddelandet",
        "postmeddelande",
        "mejl",
        "emailbericht",
    ],
    // text message
    &[
        "sms",
        "text",
        "texts",
        "textmessage",
        "sms-meddelande",
        "sms-bericht",
        "zprava",
    ],
    // phone call
    &[
        "call",
        "phonecall",
        "telefonsamtal",
        "samtal",
        "telefoongesprek",
        "telefoontje",
        "hovor",
    ],
    // licence
    &[
        "license",
        "licence",
        "licenses",
        "licences",
        "licensed",
        "licens",
        "licenser",
        "licensen",
        "licentie",
        "licenties",
        "licence",
        "licenci",
        "licenci",
        "lizenz",
        "lizenzen",
    ],
    // administrator
    &[
        "administrator",
        "admin",
        "admins",
        "administrators",
        "administrator's",
        "administratoren",
        "administrator",
        "administratoren",
        "beheerder",
        "beheerders",
        "spravce",
        "spravci",
    ],
    // decrypt
    &[
        "decrypt",
        "decrypted",
        "decryption",
        "dekryptera",
        "dekryptering",
        "dekrypteringen",
        "ontsleutelen",
        "ontsleuteling",
        "decoderen",
        "desifrovat",
        "desifrovani",
        "entschlusseln",
    ],
    // connection
    &[
        "connection",
        "connectivity",
        "connect",
        "connecting",
        "connected",
        "anslutning",
        "anslutningen",
        "anslutningar",
        "ansluta",
        "verbinding",
        "verbindingen",
        "verbinden",
        "pripojeni",
        "pripojovani",
        "pripojit",
        "verbindung",
    ],
    // permission
    &[
        "permission",
        "permissions",
        "rights",
        "privileges",
        "behorighet",
        "behorigheter",
        "behorigheten",
        "machtiging",
        "machtigingen",
        "rechten",
        "opravneni",
        "berechtigung",
        "berechtigungen",
    ],
    // too many times / throttled
    &[
        "throttled",
        "throttling",
        "limited",
        "begransning",
        "begransad",
        "bandbreedtebeperking",
        "omezeni",
        "omezen",
    ],
    // group
    &[
        "group", "groups", "grupp", "gruppen", "groep", "groepen", "skupina", "skupiny", "gruppe",
    ],
    // not found / missing
    &[
        "missing",
        "absent",
        "lacks",
        "lacking",
        "saknas",
        "saknar",
        "ontbreekt",
        "ontbrekende",
        "chybi",
        "chybejici",
        "fehlt",
    ],
    // start
    &[
        "start", "starts", "started", "starting", "launch", "startar", "startade", "starta",
        "gestart", "starten", "spusti", "spustit", "spusteni", "spustena",
    ],
];

/// Folded word → group number.
fn table() -> &'static WordMap {
    static T: OnceLock<WordMap> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = WordMap::default();
        for (i, g) in GROUPS.iter().enumerate() {
            for w in *g {
                m.entry(w.to_string()).or_insert(i);
            }
        }
        m
    })
}

/// The concept group of a folded word, if it has one.
pub fn concept(word: &str) -> Option<u16> {
    table().get(word).map(|&g| g as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_join_languages_and_synonyms() {
        for (a, b) in [
            ("banned", "blockerade"),
            ("forbjudna", "verboden"),
            ("disabled", "uitgeschakeld"),
            ("locked", "uzamcen"),
        ] {
            assert!(
                concept(a).is_some() && concept(a) == concept(b),
                "{a} ~ {b}"
            );
        }
        assert_ne!(concept("banned"), concept("disabled"));
        assert_eq!(concept("password"), None);
    }
}
