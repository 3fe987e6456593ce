//! Article Markdown → catalog entries, with a report of what went where.
//!
//! Built on the structure the Docs articles share in every language and version, not on the
//! five seed files: English `<a name>` anchors name the sections; table shapes tell screen-error,
//! event-code and symptom tables apart; codes key coded rows; uncoded rows are aligned to
//! existing entries by language-independent evidence (link targets, codes, capitalised terms,
//! English anchors) and their position in the section.
//!
//! Importers never panic: malformed input yields diagnostics and fewer rows.
//!
//! | module | concern |
//! |---|---|
//! | `markdown` | just enough Markdown: front matter, headings, pipe tables, cell text → rich text |
//! | `sections` | which area or guide a section anchor names |
//! | `language` | the article's language (`--lang`, the text, the front matter) |
//! | `cells` | what one cell says: enum values, code columns, embedded codes, first sentence |
//! | `rows` | an article's tables and sections → rows |
//! | `evidence` | language-independent evidence for aligning uncoded rows |
//! | `align` | rows → entries across languages (coded by key, uncoded by evidence) |
//! | `limits` | the documented limits on an article (size, headings, rows, cells) |
//! | `overrides` | `catalog/overrides.txt`, the documented corrections |
//! | `report` | what happened to one article, and its printable text |
//! | `project` | the project's files: reading sources, generating, writing the catalog |

mod align;
mod cells;
mod evidence;
mod language;
pub mod limits;
pub mod markdown;
pub mod overrides;
pub mod project;
mod report;
mod rows;
mod sections;

pub use align::sortable_date;
pub use language::article_language;
pub use project::{catalog_files, generate, read_sources, Imported, Project};
pub use report::{printable, Report};
pub use sections::guide_key;

use crate::catalog::{key, Catalog, Entry, Kind};
use std::collections::BTreeSet;

/// One article to import.
#[derive(Clone, Debug)]
pub struct Article {
    /// File name under catalog/sources/ (recorded as the source).
    pub file: String,
    pub text: String,
    /// Language given by the user (`--lang`); overrides detection.
    pub lang: Option<String>,
}

/// Imports articles in order (English first is best: it names new uncoded entries) and returns
/// the catalog and one report per article.
pub fn build(articles: &[Article], ov: &overrides::Overrides) -> (Catalog, Vec<Report>) {
    let mut parsed: Vec<(usize, rows::Parsed)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (i, rows::parse_article(a)))
        .collect();
    // English first, then the rest in the given order: English text gives uncoded entries
    // readable keys and is the common ground for alignment.
    parsed.sort_by_key(|(i, p)| (p.report.lang != "en", *i));
    let mut building = align::Entries::default();
    let mut reports = Vec::new();
    for (_, p) in parsed {
        let mut report = p.report;
        let lang = report.lang.clone();
        building.place(p.rows, &lang, &p.source, &mut report);
        reports.push(report);
    }
    let mut entries = building.into_sorted();
    ov.apply(&mut entries, &mut reports);
    for e in &mut entries {
        finish_codes_and_links(e);
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

/// Puts the key and the plain forms of its code first (32002, 6329, 0x80230402), drops
/// duplicate codes (case-insensitively) and self-links.
fn finish_codes_and_links(e: &mut Entry) {
    let mut codes = if matches!(e.kind, Kind::Symptom | Kind::Guide) {
        vec![]
    } else {
        vec![e.key.clone()]
    };
    if let Some(n) = key::event_number(&e.key) {
        codes.push(n.to_string());
    }
    if let Some(h) = key::hresult_hex(&e.key) {
        codes.push(format!("0x{h}"));
        codes.push(h.to_string());
    }
    codes.append(&mut e.codes);
    e.codes = dedup_codes(codes);
    e.related.retain(|r| *r != e.key);
    e.related.sort();
    e.related.dedup();
}

fn dedup_codes(codes: Vec<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    codes
        .into_iter()
        .filter(|c| !c.trim().is_empty() && seen.insert(c.to_lowercase()))
        .collect()
}
