//! Entry keys, written once: the importer names entries with these and the engine finds them
//! with the same functions, so the two can never disagree on a format.
//!
//! | entry kind | key | example |
//! |---|---|---|
//! | screen error | `SSPR_` + four digits | `SSPR_0014` |
//! | PasswordResetService event (30000–39999) | `EVENT_` + number | `EVENT_32002` |
//! | other (ADSync) event | `ADSYNC_` + number | `ADSYNC_6329` |
//! | HRESULT | `HR_` + eight upper-case hex digits | `HR_800700CE` |

/// The key of screen error `SSPR_{n}`.
pub fn sspr(n: u32) -> String {
    format!("SSPR_{n:04}")
}

/// The key of HRESULT `v`.
pub fn hresult(v: u32) -> String {
    format!("HR_{v:08X}")
}

/// The key of an HRESULT as an article prints it in a code column, digits as given (a
/// misprinted 7-digit `HR 8023042` keeps them, so `overrides.txt` can name and rename it).
pub fn hresult_as_printed(hex: &str) -> String {
    format!("HR_{}", hex.to_ascii_uppercase())
}

/// The key of event `n`: PasswordResetService events are 30000–39999, the rest ADSync.
pub fn event(n: u32) -> String {
    if is_password_reset_event(n) {
        format!("EVENT_{n}")
    } else {
        format!("ADSYNC_{n}")
    }
}

/// Whether event `n` is a PasswordResetService event (keyed `EVENT_`) rather than ADSync.
pub fn is_password_reset_event(n: u32) -> bool {
    (30000..40000).contains(&n)
}

/// The event number of an `EVENT_`/`ADSYNC_` key.
pub fn event_number(key: &str) -> Option<&str> {
    key.strip_prefix("EVENT_")
        .or_else(|| key.strip_prefix("ADSYNC_"))
}

/// The hex digits of an `HR_` key.
pub fn hresult_hex(key: &str) -> Option<&str> {
    key.strip_prefix("HR_")
}

/// An HRESULT written the way people see it: `0x800700CE`.
pub fn hresult_display(v: u32) -> String {
    format!("0x{v:08X}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        let cases: &[(String, &str)] = &[
            (sspr(14), "SSPR_0014"),
            (sspr(9), "SSPR_0009"),
            (hresult(0x8007_00ce), "HR_800700CE"),
            (event(32002), "EVENT_32002"),
            (event(6329), "ADSYNC_6329"),
            (hresult_display(0x8023_061f), "0x8023061F"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        assert_eq!(event_number("EVENT_32002"), Some("32002"));
        assert_eq!(event_number("ADSYNC_6329"), Some("6329"));
        assert_eq!(event_number("SSPR_0014"), None);
        assert_eq!(hresult_hex("HR_800700CE"), Some("800700CE"));
        assert_eq!(hresult_as_printed("8023042"), "HR_8023042");
    }
}
