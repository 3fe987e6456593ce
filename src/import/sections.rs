//! Section rules: which area or guide a section's English `<a name>` anchor names, and which
//! sections are boilerplate (forum, contact, next steps).

use crate::catalog::Area;

pub(super) fn is_boilerplate(anchor: &str) -> bool {
    ["forum", "contact-microsoft", "next-steps", "support"]
        .iter()
        .any(|w| anchor.contains(w))
}

/// Which symptom area a section anchor names.
pub(super) fn area_of_section(anchor: &str) -> Option<Area> {
    let a = anchor;
    if a.contains("errors-that-a-user") || a.contains("sspr-errors-that") {
        Some(Area::Screen)
    } else if a.contains("event-log") || a.contains("event-is-") || a.contains("source-of-event") {
        Some(Area::Events)
    } else if a.contains("writeback")
        && (a.contains("common")
            || a.starts_with("troubleshoot-password-writeback") && !a.contains("connectivity"))
    {
        Some(Area::Writeback)
    } else if a.contains("registration") {
        Some(Area::Registration)
    } else if a.contains("reporting") {
        Some(Area::Reporting)
    } else if a.contains("configuration") || a.contains("azure-portal") {
        Some(Area::Portal)
    } else if a.contains("usage") || a.contains("password-reset-portal") {
        Some(Area::Usage)
    } else {
        None
    }
}

/// Procedural guides, by the English anchor of their section.
pub fn guide_key(anchor: &str) -> Option<&'static str> {
    let a = anchor;
    if a.contains("restart") && a.contains("sync") {
        Some("guide-restart-sync-service")
    } else if a.contains("disable-and-re-enable") || a.contains("re-enable-the-password-writeback")
    {
        Some("guide-reenable-writeback")
    } else if a.contains("install-the-latest") {
        Some("guide-install-latest-connect")
    } else if a.contains("verify") && a.contains("permission") {
        Some("guide-verify-permissions")
    } else if a == "confirm-network-connectivity" || a.contains("network-connectivity") {
        Some("guide-connectivity")
    } else if a == "troubleshoot-connectivity"
        || a == "troubleshoot-password-writeback-connectivity"
    {
        Some("guide-writeback-troubleshooting")
    } else {
        None
    }
}
