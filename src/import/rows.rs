//! Rows: the tables, heading-style sections and guide sections of one article, each turned into
//! a [`Row`] that alignment then places in an entry.

use super::align::SourceRef;
use super::cells::{
    code_cell, embedded_codes, enum_cell, first_sentence, internal_links, split_sspr_prefix,
    symptom_key, truncate,
};
use super::evidence::{english_words, evidence_of, Evidence};
use super::limits::{self, MAX_ARTICLE_BYTES, MAX_CELL_CHARS, MAX_ROWS, MAX_SECTIONS};
use super::sections::{area_of_section, guide_key, is_boilerplate};
use super::{language::article_language, markdown, Article, Report};
use crate::catalog::{key, Area, Kind, Rich};
use markdown::{LinkContext, Section, Table};
use std::collections::BTreeMap;

/// Base URL for relative links in the articles (they live under authentication/ on Docs).
const DOCS_BASE: &str = "https://docs.microsoft.com/azure/active-directory/authentication/";

/// Longest excerpt of an unplaced row quoted in the report.
const QUOTE_CHARS: usize = 60;

/// The article structure a row came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RowSource {
    /// A screen-error or event-code table: the row names its entry.
    CodeTable,
    /// A procedural guide section.
    Guide,
    /// A two-column "symptom | solution" table.
    SymptomTable,
    /// A level-3+ heading under a symptom area (the 2021 articles' style).
    Heading,
}

/// A row (or heading section) of an article, before it is placed in an entry.
#[derive(Clone, Debug)]
pub(super) struct Row {
    pub(super) area: Area,
    /// Index of the row within its area in this article.
    pub(super) pos: usize,
    pub(super) key: Option<String>,
    pub(super) kind: Kind,
    pub(super) title: String,
    pub(super) message: String,
    pub(super) meaning: Rich,
    pub(super) action: Rich,
    /// Extra codes/aliases the row brings (enum names, event names, MMS codes, …).
    pub(super) codes: Vec<String>,
    /// Codes printed in the row that differ from its key (checked against overrides).
    pub(super) printed: Vec<String>,
    pub(super) related: Vec<String>,
    pub(super) evidence: Evidence,
    pub(super) section: String,
    /// Line in the article body (after front matter), 1-based.
    pub(super) line: usize,
    pub(super) from: RowSource,
}

impl Row {
    /// A row of `kind` in `area` from `section` at `line`, with no text, codes or evidence yet.
    fn new(area: Area, pos: usize, kind: Kind, from: RowSource, section: &str, line: usize) -> Row {
        Row {
            area,
            pos,
            key: None,
            kind,
            title: String::new(),
            message: String::new(),
            meaning: Rich::default(),
            action: Rich::default(),
            codes: vec![],
            printed: vec![],
            related: vec![],
            evidence: Evidence::default(),
            section: section.to_string(),
            line,
            from,
        }
    }

    /// Whether the row names its entry: a code table's or guide's title and message win over a
    /// symptom row's when both give the same entry in one language.
    pub(super) fn names_entry(&self) -> bool {
        matches!(self.from, RowSource::CodeTable | RowSource::Guide)
    }
}

/// An article's report and rows, before placement.
pub(super) struct Parsed {
    pub(super) report: Report,
    pub(super) rows: Vec<Row>,
    pub(super) source: SourceRef,
}

/// Reads one article: its language, then its rows (none when the language is unknown).
pub(super) fn parse_article(a: &Article) -> Parsed {
    let (fm, body) = markdown::front_matter(&a.text);
    let mut report = Report {
        file: a.file.clone(),
        date: fm.date.clone(),
        ..Report::default()
    };
    let source = SourceRef {
        file: a.file.clone(),
        date: fm.date.clone(),
    };
    if a.text.len() > MAX_ARTICLE_BYTES {
        let why = limits::exceeded("bytes", a.text.len(), MAX_ARTICLE_BYTES);
        return refuse(report, source, why);
    }
    let body = markdown::strip_translation_spans(body);
    let (lang, reason) = article_language(a).unwrap_or_else(|| {
        report.diagnostics.push(
            "language unknown: no front matter and too little text to tell; pass --lang TAG".into(),
        );
        ("und".to_string(), "unknown".to_string())
    });
    report.lang = lang;
    report.lang_reason = reason;
    if report.lang == "und" {
        // Rows in an unknown language would pollute every entry they touch: none are placed.
        report
            .unplaced
            .push("every row: the article's language is unknown (pass --lang TAG)".into());
        return Parsed {
            report,
            rows: vec![],
            source,
        };
    }
    match rows_of(&body, &mut report) {
        Ok(rows) => Parsed {
            report,
            rows,
            source,
        },
        Err(why) => refuse(report, source, why),
    }
}

/// An article past a limit: no rows, and the report says why.
fn refuse(mut report: Report, source: SourceRef, why: String) -> Parsed {
    report.unplaced.push(format!(
        "every row: {why}; nothing from this article was used"
    ));
    report.refused = Some(why);
    Parsed {
        report,
        rows: vec![],
        source,
    }
}

/// The rows of an article body, or which limit it exceeds.
fn rows_of(body: &str, report: &mut Report) -> Result<Vec<Row>, String> {
    let secs = markdown::sections(body);
    // The first section is the text before any heading.
    let headings = secs.len().saturating_sub(1);
    if headings > MAX_SECTIONS {
        return Err(limits::exceeded("headings", headings, MAX_SECTIONS));
    }
    let mut x = Extractor {
        ctx: LinkContext {
            base: DOCS_BASE,
            anchor: &guide_anchor,
        },
        counts: BTreeMap::new(),
        rows: Vec::new(),
        report,
    };
    x.sections(&secs)?;
    Ok(x.rows)
}

/// In-article links to a guide section become `#KEY` links to the guide's entry.
fn guide_anchor(anchor: &str) -> Option<String> {
    guide_key(anchor).map(str::to_string)
}

/// Whether rows of this area are symptoms (rather than codes or guides).
fn is_symptom_area(a: &Area) -> bool {
    matches!(
        a,
        Area::Portal | Area::Reporting | Area::Registration | Area::Usage | Area::Writeback
    )
}

/// Checks a table against the row and cell limits before any of it is read (`placed`: rows
/// the article gave so far).
fn check_table(t: &Table, placed: usize) -> Result<(), String> {
    if placed + t.rows.len() > MAX_ROWS {
        return Err(limits::exceeded("rows", placed + t.rows.len(), MAX_ROWS));
    }
    for (line, cells) in &t.rows {
        for c in cells {
            // Bytes bound characters from above: count characters only for long cells.
            if c.len() > MAX_CELL_CHARS && c.chars().count() > MAX_CELL_CHARS {
                return Err(format!(
                    "line {line}: {}",
                    limits::exceeded(
                        "characters in a table cell",
                        c.chars().count(),
                        MAX_CELL_CHARS
                    )
                ));
            }
        }
    }
    Ok(())
}

/// Turns sections into rows, numbering them within their area.
struct Extractor<'a> {
    ctx: LinkContext<'static>,
    counts: BTreeMap<Area, usize>,
    rows: Vec<Row>,
    report: &'a mut Report,
}

impl Extractor<'_> {
    fn sections(&mut self, secs: &[Section]) -> Result<(), String> {
        // The area of the nearest enclosing level-2 section (for heading-style rows).
        let mut parent_area: Option<Area> = None;
        for (si, sec) in secs.iter().enumerate() {
            if sec.level <= 2 {
                parent_area = area_of_section(&sec.anchor);
            }
            // Sub-sections belong to their parent's area (their own anchor may mislead:
            // "user-registrations-show-multiple-times" is a reporting row).
            let sec_area = if sec.level >= 3 && parent_area.is_some() {
                parent_area
            } else {
                area_of_section(&sec.anchor)
            };
            if self.rows.len() > MAX_ROWS {
                return Err(limits::exceeded("rows", self.rows.len(), MAX_ROWS));
            }
            if let Some(gk) = guide_key(&sec.anchor) {
                self.guide(sec, gk);
                continue;
            }
            let tables = markdown::tables(&sec.lines, sec.line);
            if !tables.is_empty() {
                for t in &tables {
                    check_table(t, self.rows.len())?;
                    self.table(t, sec, sec_area);
                }
                continue;
            }
            if sec.level >= 3 {
                if let Some(area) = sec_area.filter(is_symptom_area) {
                    self.heading_row(sec, area);
                    continue;
                }
            }
            if si > 0
                && sec.level >= 2
                && !is_boilerplate(&sec.anchor)
                && !sec.lines.iter().all(|l| l.trim().is_empty())
                && sec_area.is_none()
            {
                self.report.diagnostics.push(format!(
                    "line {}: section '{}' skipped (not an error table, symptom or guide)",
                    sec.line, sec.anchor
                ));
            }
        }
        if self.rows.len() > MAX_ROWS {
            return Err(limits::exceeded("rows", self.rows.len(), MAX_ROWS));
        }
        Ok(())
    }

    fn next_pos(&mut self, area: Area) -> usize {
        let c = self.counts.entry(area).or_insert(0);
        *c += 1;
        *c - 1
    }

    /// A procedural guide: the section's text is the action.
    fn guide(&mut self, sec: &Section, gk: &str) {
        let action = markdown::lines_rich(&sec.lines, &self.ctx);
        if action.is_empty() {
            self.report.diagnostics.push(format!(
                "line {}: guide section '{}' has no text",
                sec.line, sec.anchor
            ));
            return;
        }
        let row = Row::new(
            Area::Guides,
            0,
            Kind::Guide,
            RowSource::Guide,
            &sec.anchor,
            sec.line,
        );
        self.rows.push(Row {
            key: Some(gk.to_string()),
            title: sec.title.clone(),
            action,
            ..row
        });
    }

    /// A heading-style row: a level-3+ section under a symptom area (2021 articles).
    fn heading_row(&mut self, sec: &Section, area: Area) {
        let action = markdown::lines_rich(&sec.lines, &self.ctx);
        let pos = self.next_pos(area);
        let mut evidence = evidence_of(&sec.title, &action);
        evidence.english = english_words(&sec.anchor.replace('-', " "));
        let row = Row::new(
            area,
            pos,
            Kind::Symptom,
            RowSource::Heading,
            &sec.anchor,
            sec.line,
        );
        self.rows.push(Row {
            title: sec.title.clone(),
            message: sec.title.clone(),
            action,
            evidence,
            ..row
        });
    }

    /// Turns one table into rows; the first cell tells the table's kind.
    fn table(&mut self, t: &Table, sec: &Section, sec_area: Option<Area>) {
        for (line, cells) in &t.rows {
            let line = *line;
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let first = markdown::inline_plain(&cells[0]);
            if let Some((name, n)) = enum_cell(&first) {
                if cells.len() < 3 {
                    self.report.unplaced.push(format!(
                        "line {line}: screen error '{first}' has {} cells, expected 3",
                        cells.len()
                    ));
                } else {
                    self.screen_row(cells, name.as_deref(), n, sec, line);
                }
            } else if let Some((key, kind, area)) = code_cell(&first).filter(|_| cells.len() >= 3) {
                self.code_row(cells, &first, key, kind, area, sec, line);
            } else if cells.len() >= 2 {
                self.symptom_row(cells, sec, sec_area, line);
            } else {
                self.report.unplaced.push(format!(
                    "line {line}: row with one cell skipped: '{}'",
                    truncate(&first, QUOTE_CHARS)
                ));
            }
        }
    }

    /// Screen-error table: "EnumName = N | details | SSPR_00NN: message". Keyed by the enum
    /// value; a different code printed in the message is a misprint.
    fn screen_row(
        &mut self,
        cells: &[String],
        name: Option<&str>,
        n: u32,
        sec: &Section,
        line: usize,
    ) {
        let key = key::sspr(n);
        let shown = name.unwrap_or("(enum)");
        let tech = markdown::inline_plain(&cells[2]);
        let (printed, message) = split_sspr_prefix(&tech);
        let mut printed_codes = vec![];
        if let Some(p) = printed.filter(|p| *p != key) {
            self.report.diagnostics.push(format!(
                "line {line}: {shown} = {n} prints {p} in its technical details; keyed as {key} by its enum value"
            ));
            printed_codes.push(p);
        }
        let meaning = markdown::cell_rich(&cells[1], &self.ctx);
        let pos = self.next_pos(Area::Screen);
        let row = Row::new(
            Area::Screen,
            pos,
            Kind::Screen,
            RowSource::CodeTable,
            &sec.anchor,
            line,
        );
        self.rows.push(Row {
            key: Some(key.clone()),
            title: first_sentence(&message),
            message,
            related: internal_links(&meaning),
            meaning,
            codes: match name {
                Some(name) => vec![key, name.to_string(), format!("{name} = {n}")],
                None => vec![key],
            },
            printed: printed_codes,
            ..row
        });
    }

    /// Event-code table: "code | name or message | description".
    #[allow(clippy::too_many_arguments)]
    fn code_row(
        &mut self,
        cells: &[String],
        first: &str,
        key: String,
        kind: Kind,
        area: Area,
        sec: &Section,
        line: usize,
    ) {
        let name = markdown::inline_plain(&cells[1]);
        let meaning = markdown::cell_rich(&cells[2], &self.ctx);
        let mut codes = vec![key.clone(), first.to_string()];
        // A name cell that only repeats the section's event source says nothing of its own.
        let name = if kind == Kind::Event && names_section_source(&name, &sec.anchor) {
            String::new()
        } else {
            name
        };
        if kind == Kind::Event && is_event_name(&name) {
            codes.push(name.clone());
        }
        codes.extend(embedded_codes(&name));
        if kind != Kind::Event {
            codes.extend(embedded_codes(&meaning.plain()));
        }
        let title = if kind == Kind::Event && name.is_empty() {
            first_sentence(&meaning.plain())
        } else if kind == Kind::Event {
            name.clone()
        } else {
            first_sentence(&name)
        };
        let pos = self.next_pos(area);
        let row = Row::new(area, pos, kind, RowSource::CodeTable, &sec.anchor, line);
        self.rows.push(Row {
            key: Some(key),
            title,
            message: name,
            related: internal_links(&meaning),
            meaning,
            codes,
            ..row
        });
    }

    /// Two-column symptom table: "symptom | solution". Keyed when its text names an HRESULT
    /// or event; otherwise aligned by evidence.
    fn symptom_row(
        &mut self,
        cells: &[String],
        sec: &Section,
        sec_area: Option<Area>,
        line: usize,
    ) {
        let symptom_rich = markdown::cell_rich(&cells[0], &self.ctx);
        let symptom = symptom_rich.plain().replace('\n', " ");
        let action = markdown::cell_rich(&cells[1], &self.ctx);
        let found = symptom_key(&symptom);
        let area = match (&found, sec_area) {
            (Some((_, _, a)), _) => *a,
            (None, Some(a)) if a != Area::Screen && a != Area::Events => a,
            // A fragment with no headings: place it by evidence in any symptom area.
            _ => Area::Usage,
        };
        let pos = self.next_pos(area);
        let (key, kind) = match found {
            Some((k, kind, _)) => (Some(k), kind),
            None => (None, Kind::Symptom),
        };
        let first_para = symptom_rich
            .0
            .first()
            .map(|b| Rich(vec![b.clone()]).plain())
            .unwrap_or_default();
        let mut evidence = evidence_of(&symptom, &action);
        if self.report.lang == "en" {
            evidence.english = english_words(&symptom);
        }
        let row = Row::new(area, pos, kind, RowSource::SymptomTable, &sec.anchor, line);
        self.rows.push(Row {
            key,
            title: first_sentence(&first_para),
            codes: embedded_codes(&symptom),
            message: symptom,
            related: internal_links(&action),
            action,
            evidence,
            ..row
        });
    }
}

/// Whether an event table's name cell is the event's own name (`AuthTokenError`), a code people
/// paste: one ASCII identifier.
fn is_event_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Whether a name cell is the event source the section is about (the 2024 table names event
/// 31044 `PasswordResetService`, which every log line of that source carries).
fn names_section_source(name: &str, section_anchor: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let name = squash(name);
    !name.is_empty() && squash(section_anchor).contains(&name)
}
