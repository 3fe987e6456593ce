//! Decoding an HRESULT into its parts, for codes the catalog does not explain.

use serde::Serialize;

/// The parts of a 32-bit HRESULT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decoded {
    /// `0x800700CE`
    pub hex: String,
    /// Severity bit set: a failure.
    pub failure: bool,
    pub facility: u16,
    /// The facility's name when it is a well-known one.
    pub facility_name: Option<&'static str>,
    pub code: u16,
    /// For FACILITY_WIN32 (7): the Win32 error number it wraps.
    pub win32: Option<u16>,
    /// A short name of that Win32 error, when it is one of the common ones.
    pub win32_name: Option<&'static str>,
}

const FACILITIES: &[(u16, &str)] = &[
    (0, "NULL"),
    (1, "RPC"),
    (2, "DISPATCH"),
    (3, "STORAGE"),
    (4, "ITF"),
    (7, "WIN32"),
    (8, "WINDOWS"),
    (9, "SECURITY"),
    (10, "CONTROL"),
    (11, "CERT"),
    (12, "INTERNET"),
    (19, "URT (.NET)"),
    (23, "SXS"),
    (25, "HTTP"),
    (26, "USERMODE_COMMONLOG"),
    (33, "CONFIGURATION"),
    (35, "METADIRECTORY (Azure AD Connect sync engine)"),
    (36, "WINDOWSUPDATE"),
    (37, "DIRECTORYSERVICE"),
];

/// Win32 error numbers likely to appear around password writeback.
const WIN32: &[(u16, &str)] = &[
    (2, "ERROR_FILE_NOT_FOUND"),
    (5, "ERROR_ACCESS_DENIED"),
    (86, "ERROR_INVALID_PASSWORD"),
    (
        206,
        "ERROR_FILENAME_EXCED_RANGE (name or extension too long)",
    ),
    (1326, "ERROR_LOGON_FAILURE"),
    (1327, "ERROR_ACCOUNT_RESTRICTION"),
    (1330, "ERROR_PASSWORD_EXPIRED"),
    (1331, "ERROR_ACCOUNT_DISABLED"),
    (1909, "ERROR_ACCOUNT_LOCKED_OUT"),
    (2245, "NERR_PasswordTooShort (password policy)"),
    (1722, "RPC_S_SERVER_UNAVAILABLE"),
    (
        8453,
        "ERROR_DS_DRA_ACCESS_DENIED (replication access denied)",
    ),
];

pub fn decode(v: u32) -> Decoded {
    let facility = ((v >> 16) & 0x1fff) as u16;
    let code = (v & 0xffff) as u16;
    let win32 = (facility == 7).then_some(code);
    Decoded {
        hex: crate::catalog::key::hresult_display(v),
        failure: v & 0x8000_0000 != 0,
        facility,
        facility_name: FACILITIES
            .iter()
            .find(|(f, _)| *f == facility)
            .map(|(_, n)| *n),
        code,
        win32,
        win32_name: win32.and_then(|w| WIN32.iter().find(|(c, _)| *c == w).map(|(_, n)| *n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_parts() {
        let d = decode(0x800700CE);
        assert_eq!(
            (d.failure, d.facility, d.code, d.win32),
            (true, 7, 0xCE, Some(206))
        );
        assert!(d.win32_name.unwrap().contains("EXCED"));
        let d = decode(0x80230402);
        assert_eq!((d.facility, d.code, d.win32), (0x23, 0x402, None));
        assert_eq!(decode(0x80070005).win32_name, Some("ERROR_ACCESS_DENIED"));
    }
}
