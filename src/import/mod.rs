//! Article Markdown → catalog entries, with a report of what went where.
//!
//! Built on the structure the Docs articles share in every language and version, not on the
//! five seed files: English `<a name>` anchors name the sections; table shapes tell screen-error,
//! event-code and symptom tables apart; codes key coded rows; uncoded rows are aligned to
//! existing entries by language-independent evidence (link targets, codes, capitalised terms,
//! English anchors) and their position in the section.
//!
//! Importers never panic: malformed input yields diagnostics and fewer rows.

pub mod markdown;
pub mod overrides;

use crate::catalog::{
    Area, Audience, Block, Catalog, Entry, Inline, Kind, Localized, Rich, Source,
};
use crate::query;
use markdown::{LinkContext, Section};
use std::collections::{BTreeMap, BTreeSet};

/// Base URL for relative links in the articles (they live under authentication/ on Docs).
const DOCS_BASE: &str = "https://docs.microsoft.com/azure/active-directory/authentication/";

/// One article to import.
#[derive(Clone, Debug)]
pub struct Article {
    /// File name under catalog/sources/ (recorded as the source).
    pub file: String,
    pub text: String,
    /// Language given by the user (`--lang`); overrides detection.
    pub lang: Option<String>,
}

/// What happened to one article.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub file: String,
    pub lang: String,
    /// How the language was decided.
    pub lang_reason: String,
    pub date: String,
    /// Rows placed in entries that other articles also have.
    pub aligned: Vec<String>,
    /// Entries this article created.
    pub new_entries: Vec<String>,
    /// Rows that could not be placed, with why.
    pub unplaced: Vec<String>,
    pub diagnostics: Vec<String>,
    /// Rows not used because a newer article in the same language gives the same entry.
    pub superseded: Vec<String>,
    /// (key, section, line) for every table row, heading row and guide section taken from this
    /// article; `line` is 1-based in the article body after its front matter.
    pub rows: Vec<(String, String, usize)>,
}

/// A row (or heading section) of an article, before it is placed in an entry.
#[derive(Clone, Debug)]
struct Row {
    area: Area,
    /// Index of the row within its area in this article.
    pos: usize,
    key: Option<String>,
    kind: Kind,
    title: String,
    message: String,
    meaning: Rich,
    action: Rich,
    /// Extra codes/aliases the row brings (enum names, event names, MMS codes, …).
    codes: Vec<String>,
    /// Codes printed in the row that differ from its key (checked against overrides).
    printed: Vec<String>,
    related: Vec<String>,
    evidence: Evidence,
    section: String,
    /// Line in the article body (after front matter), 1-based.
    line: usize,
    /// True for rows of code tables (their title/message win when merged with a symptom row).
    primary: bool,
}

/// Language-independent evidence for aligning uncoded rows across languages.
#[derive(Clone, Debug, Default)]
struct Evidence {
    links: BTreeSet<String>,
    numbers: BTreeSet<String>,
    caps: BTreeSet<String>,
    /// Words of an English anchor or English text.
    english: BTreeSet<String>,
}

/// Import-time state of an entry: the entry plus what alignment needs.
struct Building {
    entry: Entry,
    evidence: Evidence,
    /// Position within its area in the article that created it.
    pos: usize,
    ord: usize,
}

/// Imports articles in order (English first is best: it names new uncoded entries) and returns
/// the catalog and one report per article.
pub fn build(articles: &[Article], ov: &overrides::Overrides) -> (Catalog, Vec<Report>) {
    let mut parsed: Vec<(usize, Parsed)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (i, parse_article(a)))
        .collect();
    // English first, then the rest in the given order: English text gives uncoded entries
    // readable keys and is the common ground for alignment.
    parsed.sort_by_key(|(i, p)| (p.report.lang != "en", *i));
    let mut building: Vec<Building> = Vec::new();
    let mut reports = Vec::new();
    for (_, p) in parsed {
        let mut report = p.report;
        place_rows(
            &mut building,
            p.rows,
            &report.lang.clone(),
            &p.source,
            &mut report,
        );
        reports.push(report);
    }
    let mut entries: Vec<Entry> = {
        building.sort_by_key(|b| (b.entry.area, b.entry.kind, sort_key(&b.entry.key, b.ord)));
        building.into_iter().map(|b| b.entry).collect()
    };
    ov.apply(&mut entries, &mut reports);
    for e in &mut entries {
        // The key and the plain forms of its code come first: 32002, 6329, 0x80230402.
        let mut codes = if matches!(e.kind, Kind::Symptom | Kind::Guide) {
            vec![]
        } else {
            vec![e.key.clone()]
        };
        if let Some(n) = e
            .key
            .strip_prefix("EVENT_")
            .or_else(|| e.key.strip_prefix("ADSYNC_"))
        {
            codes.push(n.to_string());
        }
        if let Some(h) = e.key.strip_prefix("HR_") {
            codes.push(format!("0x{h}"));
            codes.push(h.to_string());
        }
        codes.append(&mut e.codes);
        e.codes = dedup_codes(codes);
        e.related.retain(|r| *r != e.key);
        e.related.sort();
        e.related.dedup();
    }
    let keys: BTreeSet<String> = entries.iter().map(|e| e.key.clone()).collect();
    for e in &mut entries {
        e.related.retain(|r| keys.contains(r));
    }
    (
        Catalog {
            entries,
            ..Catalog::default()
        },
        reports,
    )
}

fn sort_key(key: &str, ord: usize) -> (u64, usize) {
    let digits: String = key.chars().filter(|c| c.is_ascii_digit()).collect();
    let n = if let Some(hex) = key.strip_prefix("HR_") {
        u64::from_str_radix(hex, 16).unwrap_or(0)
    } else {
        digits.parse().unwrap_or(0)
    };
    if key.contains('_') {
        (n, 0)
    } else {
        (u64::MAX, ord)
    }
}

fn dedup_codes(codes: Vec<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    codes
        .into_iter()
        .filter(|c| !c.trim().is_empty() && seen.insert(c.to_lowercase()))
        .collect()
}

struct Parsed {
    report: Report,
    rows: Vec<Row>,
    source: (String, String),
}

fn parse_article(a: &Article) -> Parsed {
    let (fm, body) = markdown::front_matter(&a.text);
    let body = markdown::strip_translation_spans(body);
    let mut report = Report {
        file: a.file.clone(),
        date: fm.date.clone(),
        ..Report::default()
    };
    let secs = markdown::sections(&body);
    let (lang, reason) = article_language(a).unwrap_or_else(|| {
        report.diagnostics.push(
            "language unknown: no front matter and too little text to tell; pass --lang TAG".into(),
        );
        ("und".to_string(), "unknown".to_string())
    });
    report.lang = lang.clone();
    report.lang_reason = reason;
    if lang == "und" {
        // Rows in an unknown language would pollute every entry they touch: none are placed.
        report
            .unplaced
            .push("every row: the article's language is unknown (pass --lang TAG)".into());
        return Parsed {
            report,
            rows: vec![],
            source: (a.file.clone(), fm.date.clone()),
        };
    }
    let guide_anchor = |anchor: &str| -> Option<String> { guide_key(anchor).map(str::to_string) };
    let ctx = LinkContext {
        base: DOCS_BASE,
        anchor: &guide_anchor,
    };
    let mut rows = Vec::new();
    let mut area_counts: BTreeMap<Area, usize> = BTreeMap::new();
    // The area of the nearest enclosing level-2 section (for heading-style rows).
    let mut parent_area: Option<Area> = None;
    for (si, sec) in secs.iter().enumerate() {
        if sec.level <= 2 {
            parent_area = area_of_section(&sec.anchor);
        }
        let sec_tables = markdown::tables(&sec.lines, sec.line);
        // Sub-sections belong to their parent's area (their own anchor may mislead:
        // "user-registrations-show-multiple-times" is a reporting row).
        let sec_area = if sec.level >= 3 && parent_area.is_some() {
            parent_area
        } else {
            area_of_section(&sec.anchor)
        };
        if let Some(gk) = guide_key(&sec.anchor) {
            let action = markdown::lines_rich(&sec.lines, &ctx);
            if action.is_empty() {
                report.diagnostics.push(format!(
                    "line {}: guide section '{}' has no text",
                    sec.line, sec.anchor
                ));
            } else {
                rows.push(Row {
                    area: Area::Guides,
                    pos: 0,
                    key: Some(gk.to_string()),
                    kind: Kind::Guide,
                    title: sec.title.clone(),
                    message: String::new(),
                    meaning: Rich::default(),
                    action,
                    codes: vec![],
                    printed: vec![],
                    related: vec![],
                    evidence: Evidence::default(),
                    section: sec.anchor.clone(),
                    line: sec.line,
                    primary: true,
                });
            }
            continue;
        }
        if !sec_tables.is_empty() {
            for t in sec_tables {
                table_rows(
                    &t,
                    sec,
                    sec_area,
                    &ctx,
                    &mut area_counts,
                    &mut rows,
                    &mut report,
                );
            }
            continue;
        }
        // A heading-style row: a level-3+ section under a symptom area (2021 articles).
        if sec.level >= 3 {
            if let Some(area) = sec_area.filter(|a| {
                matches!(
                    a,
                    Area::Portal
                        | Area::Reporting
                        | Area::Registration
                        | Area::Usage
                        | Area::Writeback
                )
            }) {
                let action = markdown::lines_rich(&sec.lines, &ctx);
                let pos = next_pos(&mut area_counts, area);
                let mut ev = evidence_of(&sec.title, &action);
                ev.english = english_words(&sec.anchor.replace('-', " "));
                rows.push(Row {
                    area,
                    pos,
                    key: None,
                    kind: Kind::Symptom,
                    title: sec.title.clone(),
                    message: sec.title.clone(),
                    meaning: Rich::default(),
                    action,
                    codes: vec![],
                    printed: vec![],
                    related: vec![],
                    evidence: ev,
                    section: sec.anchor.clone(),
                    line: sec.line,
                    primary: false,
                });
                continue;
            }
        }
        if si > 0
            && sec.level >= 2
            && !is_boilerplate(&sec.anchor)
            && !sec.lines.iter().all(|l| l.trim().is_empty())
            && sec_area.is_none()
        {
            report.diagnostics.push(format!(
                "line {}: section '{}' skipped (not an error table, symptom or guide)",
                sec.line, sec.anchor
            ));
        }
    }
    let source_date = fm.date.clone();
    Parsed {
        report,
        rows,
        source: (a.file.clone(), source_date),
    }
}

/// The article's language and how it was decided: `--lang`, else the text when it clearly can
/// tell (the 2018 English article's front matter says nl-NL), else the front matter; `None`
/// when nothing tells.
pub fn article_language(a: &Article) -> Option<(String, String)> {
    if let Some(l) = &a.lang {
        return Some((l.clone(), "given with --lang".to_string()));
    }
    let (fm, body) = markdown::front_matter(&a.text);
    let detected = query::detect(&markdown::strip_translation_spans(body));
    let fm_lang = fm
        .locale
        .split('-')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match detected {
        Some((d, conf)) if conf >= 0.5 || (fm_lang.is_empty() && conf >= 0.2) => {
            let note = if !fm_lang.is_empty() && fm_lang != d {
                format!(
                    "detected from the text (front matter says {}, which the text contradicts)",
                    fm.locale
                )
            } else {
                "detected from the text".to_string()
            };
            Some((d.to_string(), note))
        }
        _ if !fm_lang.is_empty() => Some((fm_lang, format!("from front matter ({})", fm.locale))),
        _ => None,
    }
}

fn is_boilerplate(anchor: &str) -> bool {
    ["forum", "contact-microsoft", "next-steps", "support"]
        .iter()
        .any(|w| anchor.contains(w))
}

fn next_pos(counts: &mut BTreeMap<Area, usize>, area: Area) -> usize {
    let c = counts.entry(area).or_insert(0);
    *c += 1;
    *c - 1
}

/// Which symptom area a section anchor names.
fn area_of_section(anchor: &str) -> Option<Area> {
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

/// Turns one table into rows.
fn table_rows(
    t: &markdown::Table,
    sec: &Section,
    sec_area: Option<Area>,
    ctx: &LinkContext,
    counts: &mut BTreeMap<Area, usize>,
    rows: &mut Vec<Row>,
    report: &mut Report,
) {
    for (line, cells) in &t.rows {
        let line = *line;
        let cells: Vec<&String> = cells.iter().collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let first = markdown::inline_plain(cells[0]);
        // Screen-error table: "EnumName = N | details | SSPR_00NN: message".
        if let Some((name, n)) = enum_cell(&first) {
            if cells.len() < 3 {
                report.unplaced.push(format!(
                    "line {line}: screen error '{first}' has {} cells, expected 3",
                    cells.len()
                ));
                continue;
            }
            let key = format!("SSPR_{n:04}");
            let tech = markdown::inline_plain(cells[2]);
            let (printed, message) = split_sspr_prefix(&tech);
            let mut printed_codes = vec![];
            if let Some(p) = printed {
                if p != key {
                    printed_codes.push(p.clone());
                    report.diagnostics.push(format!(
                        "line {line}: {name} = {n} prints {p} in its technical details; keyed as {key} by its enum value"
                    ));
                }
            }
            let meaning = markdown::cell_rich(cells[1], ctx);
            let title = first_sentence(&message);
            let pos = next_pos(counts, Area::Screen);
            rows.push(Row {
                area: Area::Screen,
                pos,
                key: Some(key.clone()),
                kind: Kind::Screen,
                title,
                message,
                meaning,
                action: Rich::default(),
                codes: vec![key, name.clone(), format!("{name} = {n}")],
                printed: printed_codes,
                related: internal_links(&markdown::cell_rich(cells[1], ctx)),
                evidence: Evidence::default(),
                section: sec.anchor.clone(),
                line,
                primary: true,
            });
            continue;
        }
        // Event-code table: "code | name or message | description".
        if let Some((key, kind, area)) = code_cell(&first).filter(|_| cells.len() >= 3) {
            let name = markdown::inline_plain(cells[1]);
            let meaning = markdown::cell_rich(cells[2], ctx);
            let mut codes = vec![key.clone(), first.clone()];
            if kind == Kind::Event && !name.contains(' ') {
                codes.push(name.clone());
            }
            codes.extend(embedded_codes(&name));
            if kind != Kind::Event {
                codes.extend(embedded_codes(&meaning.plain()));
            }
            let title = if kind == Kind::Event {
                name.clone()
            } else {
                first_sentence(&name)
            };
            let pos = next_pos(counts, area);
            rows.push(Row {
                area,
                pos,
                key: Some(key),
                kind,
                title,
                message: name,
                meaning: meaning.clone(),
                action: Rich::default(),
                codes,
                printed: vec![],
                related: internal_links(&meaning),
                evidence: Evidence::default(),
                section: sec.anchor.clone(),
                line,
                primary: true,
            });
            continue;
        }
        // Two-column symptom table: "symptom | solution".
        if cells.len() >= 2 {
            let symptom_rich = markdown::cell_rich(cells[0], ctx);
            let symptom = symptom_rich.plain().replace('\n', " ");
            let action = markdown::cell_rich(cells[1], ctx);
            let found = symptom_key(&symptom);
            let area = match (&found, sec_area) {
                (Some((_, _, a)), _) => *a,
                (None, Some(a)) if a != Area::Screen && a != Area::Events => a,
                _ => {
                    // A fragment with no headings: place it by evidence in any symptom area.
                    Area::Usage
                }
            };
            let pos = next_pos(counts, area);
            let (key, kind) = match found {
                Some((k, kind, _)) => (Some(k), kind),
                None => (None, Kind::Symptom),
            };
            let first_para = symptom_rich
                .0
                .first()
                .map(|b| Rich(vec![b.clone()]).plain())
                .unwrap_or_default();
            let mut ev = evidence_of(&symptom, &action);
            if report.lang == "en" {
                ev.english = english_words(&symptom);
            }
            let codes = embedded_codes(&symptom);
            rows.push(Row {
                area,
                pos,
                key,
                kind,
                title: first_sentence(&first_para),
                message: symptom,
                meaning: Rich::default(),
                action: action.clone(),
                codes,
                printed: vec![],
                related: internal_links(&action),
                evidence: ev,
                section: sec.anchor.clone(),
                line,
                primary: false,
            });
            continue;
        }
        report.unplaced.push(format!(
            "line {line}: row with one cell skipped: '{}'",
            truncate(&first, 60)
        ));
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// "UserNotLicensed = 12" → ("UserNotLicensed", 12).
fn enum_cell(s: &str) -> Option<(String, u32)> {
    let (name, n) = s.split_once('=')?;
    let name = name.trim();
    let n: u32 = n.trim().parse().ok()?;
    (name.len() >= 4
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && name.chars().next()?.is_ascii_uppercase())
    .then(|| (name.to_string(), n))
}

/// "SSPR_0012: text" → (Some("SSPR_0012"), "text").
fn split_sspr_prefix(s: &str) -> (Option<String>, String) {
    let hits = query::extract(s);
    if let Some(h) = hits.first() {
        if let query::CodeKind::Sspr(n) = h.kind {
            if h.span.start < 3 {
                let rest = s[h.span.end..]
                    .trim_start_matches([':', ' ', '-', '–'])
                    .trim()
                    .to_string();
                return (Some(format!("SSPR_{n:04}")), rest);
            }
        }
    }
    (None, s.trim().to_string())
}

/// The code column of an event table: "31001", "6329", "HR 8023042" (misprint: kept as alias).
fn code_cell(s: &str) -> Option<(String, Kind, Area)> {
    let t = s.trim();
    if t.chars().all(|c| c.is_ascii_digit()) && (4..=5).contains(&t.len()) {
        return Some(number_key(t.parse().ok()?));
    }
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower
        .strip_prefix("hr")
        .or_else(|| lower.strip_prefix("0x"))
    {
        let h = h.trim().trim_start_matches("0x");
        if (7..=8).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit()) {
            return Some((
                format!("HR_{}", h.to_ascii_uppercase()),
                Kind::Hresult,
                Area::AdSync,
            ));
        }
    }
    None
}

fn number_key(n: u32) -> (String, Kind, Area) {
    if (30000..40000).contains(&n) {
        (format!("EVENT_{n}"), Kind::Event, Area::Events)
    } else {
        (format!("ADSYNC_{n}"), Kind::AdSync, Area::AdSync)
    }
}

/// The key a symptom row's own text names: an HRESULT beats an event number.
fn symptom_key(symptom: &str) -> Option<(String, Kind, Area)> {
    let hits = query::extract(symptom);
    for h in &hits {
        if let query::CodeKind::Hresult(v) = h.kind {
            return Some((format!("HR_{v:08X}"), Kind::Hresult, Area::AdSync));
        }
    }
    for h in &hits {
        if let query::CodeKind::Number { n, .. } = h.kind {
            if (6000..7000).contains(&n) || (31000..34000).contains(&n) {
                return Some(number_key(n));
            }
        }
    }
    None
}

/// Codes inside a message that name this entry: HRESULTs (`0x80230619`), MMS codes
/// (`MMS(4924)`) and upper-case protocol identifiers (`LDAP_SERVER_POLICY_HINTS_OID`). Other
/// names in prose (a service, a product) are not codes of the entry.
fn embedded_codes(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for h in query::extract(s) {
        match h.kind {
            query::CodeKind::Hresult(v) => out.push(format!("0x{v:08x}")),
            query::CodeKind::Ident => {
                let t = h.text.trim_end_matches(['.', ':']);
                let upper_id = t.contains('_')
                    && t.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                let mms = t.len() > 4
                    && t[..4].eq_ignore_ascii_case("mms(")
                    && t[4..]
                        .trim_end_matches(')')
                        .chars()
                        .all(|c| c.is_ascii_digit());
                if mms {
                    out.push(format!("MMS({})", t[4..].trim_end_matches(')')));
                } else if upper_id {
                    out.push(t.to_string());
                }
            }
            _ => {}
        }
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The first sentence, capitalised (translations sometimes start one in lower case), cut to
/// 140 characters.
fn first_sentence(s: &str) -> String {
    let s = capitalised(s.trim());
    let s = s.as_str();
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        if matches!(c, '.' | '!' | '?') && i > 10 {
            let next = s[i + c.len_utf8()..].chars().next();
            if next.is_none_or(|n| n == ' ') {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    let t = &s[..end];
    if t.chars().count() > 140 {
        let cut: String = t.chars().take(137).collect();
        format!("{}…", cut.trim_end())
    } else {
        t.to_string()
    }
}

fn internal_links(r: &Rich) -> Vec<String> {
    let mut out = Vec::new();
    for b in &r.0 {
        let (Block::Para(v) | Block::Item(v)) = b;
        for i in v {
            if let Inline::Link { href, .. } = i {
                if let Some(k) = href.strip_prefix('#') {
                    out.push(k.to_string());
                }
            }
        }
    }
    out
}

fn evidence_of(symptom: &str, action: &Rich) -> Evidence {
    let mut ev = Evidence::default();
    for b in &action.0 {
        let (Block::Para(v) | Block::Item(v)) = b;
        for i in v {
            if let Inline::Link { href, .. } = i {
                // Language-independent part of a link: the last path segment and fragment.
                let h = href.to_ascii_lowercase();
                let h = h.rsplit('/').next().unwrap_or(&h).to_string();
                ev.links.insert(h);
            }
        }
    }
    let all = format!("{symptom} {}", action.plain());
    for w in all.split(|c: char| !c.is_alphanumeric() && c != '.') {
        let w = w.trim_matches('.');
        if w.len() >= 3
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        {
            ev.numbers.insert(w.to_ascii_lowercase());
        } else if w.len() >= 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && w.chars().any(|c| c.is_ascii_uppercase())
        {
            ev.caps.insert(w.to_string());
        } else if w.len() >= 4
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().skip(1).any(|c| c.is_ascii_uppercase())
        {
            ev.caps.insert(w.to_string()); // CamelCase product terms: PowerShell, OneDrive
        }
    }
    ev
}

const SLUG_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "is",
    "are",
    "be",
    "to",
    "of",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "and",
    "or",
    "i",
    "you",
    "your",
    "user",
    "users",
    "their",
    "there",
    "that",
    "this",
    "it",
    "its",
    "when",
    "but",
    "has",
    "have",
    "was",
    "who",
    "which",
    "sees",
    "may",
    "might",
    "password",
    "passwords",
    "reset",
    "sspr",
    "azure",
    "ad",
    "any",
    "as",
    "after",
    "from",
    "they",
    "them",
    "than",
    "then",
    "some",
    "under",
    "my",
    "me",
];

fn english_words(s: &str) -> BTreeSet<String> {
    let f = query::fold(s);
    query::words(&f)
        .map(|w| w.replace('\'', ""))
        .filter(|w| !SLUG_STOP.contains(&w.as_str()) && w.len() > 1)
        .collect()
}

/// Content words of a text, in order, for keys.
fn key_words(text: &str) -> Vec<String> {
    let f = query::fold(text);
    query::words(&f)
        .map(|w| w.replace('\'', ""))
        .filter(|w| {
            w.chars().all(|c| c.is_ascii_alphanumeric())
                && !SLUG_STOP.contains(&w.as_str())
                && w.len() > 1
        })
        .collect()
}

/// A readable key for a new uncoded entry: area + up to five content words of its text,
/// preferring words that the other rows of the same area do not share (`df` counts, per word,
/// how many rows of the area use it).
fn new_symptom_key(
    area: Area,
    text: &str,
    df: &BTreeMap<String, usize>,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let all = key_words(text);
    let mut seen = BTreeSet::new();
    let all: Vec<String> = all.into_iter().filter(|w| seen.insert(w.clone())).collect();
    let distinctive: Vec<&String> = all
        .iter()
        .filter(|w| df.get(*w).copied().unwrap_or(0) <= 1)
        .collect();
    let words: Vec<&String> = if distinctive.len() >= 2 {
        distinctive.into_iter().take(4).collect()
    } else {
        all.iter().take(5).collect()
    };
    let words: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
    let base = format!(
        "{}-{}",
        area.name(),
        if words.is_empty() {
            "row".to_string()
        } else {
            words.join("-")
        }
    );
    let mut key = base.clone();
    let mut n = 2;
    while taken(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

/// Alignment score of an uncoded row against an existing entry of the same area.
fn align_score(row: &Row, b: &Building) -> f32 {
    let inter = |a: &BTreeSet<String>, c: &BTreeSet<String>| a.intersection(c).count() as f32;
    let mut s = 0.0;
    s += 3.0 * inter(&row.evidence.links, &b.evidence.links);
    s += 3.0 * inter(&row.evidence.numbers, &b.evidence.numbers);
    s += 1.0 * inter(&row.evidence.caps, &b.evidence.caps);
    // Links or numbers on one side only: evidence against.
    s -= 0.5
        * (row
            .evidence
            .links
            .symmetric_difference(&b.evidence.links)
            .count() as f32)
            .min(2.0);
    if !row.evidence.english.is_empty() && !b.evidence.english.is_empty() {
        let i = inter(&row.evidence.english, &b.evidence.english);
        let u = row.evidence.english.union(&b.evidence.english).count() as f32;
        s += 6.0 * i / u.max(1.0);
    }
    let d = (row.pos as f32 - b.pos as f32).abs();
    s += 2.0 / (1.0 + d);
    s
}

const ALIGN_MIN: f32 = 1.5;

fn place_rows(
    building: &mut Vec<Building>,
    rows: Vec<Row>,
    lang: &str,
    source: &(String, String),
    report: &mut Report,
) {
    // Coded rows first: their key says where they go.
    let (coded, uncoded): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| r.key.is_some());
    for row in coded {
        let key = row.key.clone().unwrap_or_default();
        let idx = match building.iter().position(|b| b.entry.key == key) {
            Some(i) => {
                if building[i].entry.locale(lang).is_none() {
                    report.aligned.push(key.clone());
                }
                i
            }
            None => {
                let area = if row.kind == Kind::Hresult || row.kind == Kind::AdSync {
                    Area::AdSync
                } else {
                    row.area
                };
                add_entry(
                    building,
                    &key,
                    row.kind,
                    area,
                    audience_of(row.area),
                    row.pos,
                    report,
                )
            }
        };
        merge_row(&mut building[idx], row, lang, source, report);
    }
    // Uncoded rows: greedy best-first alignment within each area.
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (ri, row) in uncoded.iter().enumerate() {
        for (bi, b) in building.iter().enumerate() {
            if b.entry.area == row.area
                && b.entry.kind == Kind::Symptom
                && b.entry.locale(lang).is_none()
            {
                pairs.push((align_score(row, b), ri, bi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut row_done = vec![None; uncoded.len()];
    // Word frequencies per area over this article's rows, for distinctive keys.
    let mut df: BTreeMap<Area, BTreeMap<String, usize>> = BTreeMap::new();
    for row in &uncoded {
        let set: BTreeSet<String> = key_words(&row.message).into_iter().collect();
        for w in set {
            *df.entry(row.area).or_default().entry(w).or_insert(0) += 1;
        }
    }
    let mut entry_used = BTreeSet::new();
    for (s, ri, bi) in pairs {
        if s < ALIGN_MIN || row_done[ri].is_some() || entry_used.contains(&bi) {
            continue;
        }
        row_done[ri] = Some(bi);
        entry_used.insert(bi);
    }
    for (ri, row) in uncoded.into_iter().enumerate() {
        let idx = match row_done[ri] {
            Some(bi) => {
                report.aligned.push(building[bi].entry.key.clone());
                bi
            }
            None => {
                let text = if lang == "en" || row.evidence.english.is_empty() {
                    row.message.clone()
                } else {
                    row.evidence
                        .english
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let key = new_symptom_key(
                    row.area,
                    &text,
                    df.get(&row.area).unwrap_or(&BTreeMap::new()),
                    &|k| building.iter().any(|b| b.entry.key == k),
                );
                let audience = audience_of(row.area);
                add_entry(
                    building,
                    &key,
                    Kind::Symptom,
                    row.area,
                    audience,
                    row.pos,
                    report,
                )
            }
        };
        merge_row(&mut building[idx], row, lang, source, report);
    }
}

/// Starts a new entry; returns its index. Entries remember the order they were created in.
fn add_entry(
    building: &mut Vec<Building>,
    key: &str,
    kind: Kind,
    area: Area,
    audience: Audience,
    pos: usize,
    report: &mut Report,
) -> usize {
    building.push(Building {
        entry: Entry {
            key: key.to_string(),
            kind,
            area,
            audience,
            codes: vec![],
            misprints: vec![],
            related: vec![],
            locales: vec![],
        },
        evidence: Evidence::default(),
        pos,
        ord: building.len(),
    });
    report.new_entries.push(key.to_string());
    building.len() - 1
}

/// `MM/DD/YYYY` (Docs front matter) or `YYYY-MM-DD` → `YYYYMMDD`; 0 when unknown.
pub fn sortable_date(d: &str) -> u32 {
    let parts: Vec<u32> = d
        .split(['/', '-', '.'])
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    match parts.as_slice() {
        [y, m, d] if *y > 1900 => y * 10_000 + m * 100 + d,
        [m, d, y] if *y > 1900 => y * 10_000 + m * 100 + d,
        _ => 0,
    }
}

fn audience_of(area: Area) -> Audience {
    match area {
        Area::Screen | Area::Usage | Area::Registration => Audience::User,
        _ => Audience::Admin,
    }
}

fn merge_row(
    b: &mut Building,
    row: Row,
    lang: &str,
    source: &(String, String),
    report: &mut Report,
) {
    report
        .rows
        .push((b.entry.key.clone(), row.section.clone(), row.line));
    // Another article in the same language already gave this entry: the newer article wins
    // (an import of a newer version updates a localisation instead of doubling it).
    if let Some(pos) = b
        .entry
        .locales
        .iter()
        .position(|l| l.lang == lang && l.source.file != source.0)
    {
        let old = &b.entry.locales[pos].source;
        if sortable_date(&source.1) > sortable_date(&old.date) {
            report.diagnostics.push(format!(
                "{}: replaces the {lang} text from {} ({})",
                b.entry.key, old.file, old.date
            ));
            b.entry.locales.remove(pos);
        } else {
            report.superseded.push(format!(
                "{}: kept the {lang} text from {} ({})",
                b.entry.key, old.file, old.date
            ));
            return;
        }
    }
    let e = &mut b.entry;
    e.codes.extend(row.codes.iter().cloned());
    e.related.extend(row.related.iter().cloned());
    for p in &row.printed {
        if !e.misprints.contains(p) {
            e.misprints.push(p.clone());
        }
    }
    b.evidence.links.extend(row.evidence.links.iter().cloned());
    b.evidence
        .numbers
        .extend(row.evidence.numbers.iter().cloned());
    b.evidence.caps.extend(row.evidence.caps.iter().cloned());
    b.evidence
        .english
        .extend(row.evidence.english.iter().cloned());
    let src = Source {
        file: source.0.clone(),
        section: row.section.clone(),
        date: source.1.clone(),
    };
    match e.locales.iter_mut().find(|l| l.lang == lang) {
        None => e.locales.push(Localized {
            lang: lang.to_string(),
            title: row.title,
            message: row.message,
            meaning: row.meaning,
            action: row.action,
            source: src,
        }),
        Some(l) => {
            // A second row for the same entry and language: a 6329 variant, or a symptom row
            // and an event-table row for the same event. Code-table rows name the entry.
            if row.primary && !l.title.is_empty() && l.source.section != row.section {
                let old_msg = std::mem::replace(&mut l.message, row.message);
                l.title = row.title;
                let mut meaning = row.meaning.0;
                if !old_msg.is_empty() {
                    meaning.push(Block::Para(vec![Inline::Text { s: old_msg }]));
                }
                meaning.extend(std::mem::take(&mut l.meaning.0));
                l.meaning = Rich(meaning);
            } else {
                if !row.message.is_empty() && !l.message.contains(&row.message) {
                    l.message = format!("{}\n{}", l.message, row.message);
                }
                l.meaning.0.extend(row.meaning.0);
            }
            l.action.0.extend(row.action.0);
        }
    }
}

/// Reads every article under `dir` (sorted by name).
pub fn read_sources(dir: &std::path::Path) -> std::io::Result<Vec<Article>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let bytes = std::fs::read(&p)?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let file = p
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A sidecar `NAME.md.lang` holds a language given with --lang at import time.
        let lang = std::fs::read_to_string(p.with_extension("md.lang"))
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        out.push(Article { file, text, lang });
    }
    Ok(out)
}

/// Every generated catalog file (path relative to the project, text): the whole catalog, and
/// the page's split of it (`catalog/web/core.txt` embedded in the wasm, one file per other
/// language loaded by the page). `regen` writes exactly these; the freshness tests compare them.
pub fn catalog_files(full: &str) -> Vec<(String, String)> {
    let (cat, _) = crate::catalog::format::parse(full);
    let mut files = vec![("catalog/catalog.txt".to_string(), full.to_string())];
    for (name, text) in crate::catalog::format::split(&cat) {
        files.push((format!("catalog/web/{name}.txt"), text));
    }
    files
}

/// Builds the catalog text from a sources directory and overrides file.
pub fn generate(root: &std::path::Path) -> Result<(String, Vec<Report>), String> {
    let arts = read_sources(&root.join("catalog/sources"))
        .map_err(|e| format!("reading catalog/sources: {e}"))?;
    let ov_text = std::fs::read_to_string(root.join("catalog/overrides.txt")).unwrap_or_default();
    let (ov, problems) = overrides::Overrides::parse(&ov_text);
    if !problems.is_empty() {
        return Err(format!("catalog/overrides.txt: {}", problems.join("; ")));
    }
    let (mut cat, reports) = build(&arts, &ov);
    cat.chrome = read_chrome(&root.join("catalog/chrome"))?;
    Ok((crate::catalog::format::write(&cat), reports))
}

/// The page chrome of every language but English (built in): `catalog/chrome/<lang>.txt`, in
/// file-name order.
fn read_chrome(dir: &std::path::Path) -> Result<Vec<crate::catalog::ChromeText>, String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".txt"))
            .collect(),
        Err(_) => return Ok(vec![]),
    };
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let lang = name.trim_end_matches(".txt");
        let text = std::fs::read_to_string(dir.join(&name))
            .map_err(|e| format!("catalog/chrome/{name}: {e}"))?;
        out.extend(
            crate::i18n::parse_chrome(lang, &text)
                .map_err(|e| format!("catalog/chrome/{name}: {e}"))?,
        );
    }
    Ok(out)
}
