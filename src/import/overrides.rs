//! `catalog/overrides.txt`: the small, documented set of corrections to the articles.
//!
//! One directive a line, tab-separated, the last field always says why (which article says what):
//! ```text
//! rename   FROM_KEY  TO_KEY    why    a key taken from a misprinted code column
//! alias    KEY       CODE      why    another spelling people paste
//! misprint KEY       CODE      why    a code an article prints for KEY by mistake (text beats it)
//! related  KEY       OTHER     why    a link between entries the articles make only in prose
//! ```

use super::Report;
use crate::catalog::Entry;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Directive {
    Rename { from: String, to: String },
    Alias { key: String, code: String },
    Misprint { key: String, code: String },
    Related { key: String, other: String },
}

#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub directives: Vec<(Directive, String)>,
}

impl Overrides {
    /// Parses the file; returns the directives and a list of malformed lines.
    pub fn parse(src: &str) -> (Overrides, Vec<String>) {
        let mut out = Overrides::default();
        let mut problems = Vec::new();
        for (n, line) in src.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line
                .split('\t')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if f.len() != 4 {
                problems.push(format!(
                    "line {}: expected 4 tab-separated fields (directive, key, value, why)",
                    n + 1
                ));
                continue;
            }
            let (a, b) = (f[1].to_string(), f[2].to_string());
            let d = match f[0] {
                "rename" => Directive::Rename { from: a, to: b },
                "alias" => Directive::Alias { key: a, code: b },
                "misprint" => Directive::Misprint { key: a, code: b },
                "related" => Directive::Related { key: a, other: b },
                other => {
                    problems.push(format!("line {}: unknown directive {other:?}", n + 1));
                    continue;
                }
            };
            out.directives.push((d, f[3].to_string()));
        }
        (out, problems)
    }

    /// Applies the directives; reports a directive that names no entry, and a misprint the
    /// importer found that no directive documents.
    pub fn apply(&self, entries: &mut Vec<Entry>, reports: &mut [Report]) {
        for (d, _) in &self.directives {
            if let Directive::Rename { from, to } = d {
                rename(entries, reports, from, to);
            }
        }
        let mut notes = self.apply_to_entries(entries);
        notes.extend(self.undocumented_misprints(entries));
        if let Some(r) = reports.first_mut() {
            r.diagnostics.extend(notes);
        }
    }

    /// Applies alias, misprint and related directives; returns a note for each that names no
    /// entry.
    fn apply_to_entries(&self, entries: &mut [Entry]) -> Vec<String> {
        let mut notes = Vec::new();
        for (d, _) in &self.directives {
            let key = match d {
                Directive::Rename { .. } => continue,
                Directive::Alias { key, .. }
                | Directive::Misprint { key, .. }
                | Directive::Related { key, .. } => key,
            };
            let Some(e) = entries.iter_mut().find(|e| &e.key == key) else {
                notes.push(format!(
                    "overrides: {key} is not in the catalog; directive ignored"
                ));
                continue;
            };
            match d {
                Directive::Rename { .. } => {}
                Directive::Alias { code, .. } => e.codes.push(code.clone()),
                Directive::Misprint { code, .. } => {
                    if !e.misprints.contains(code) {
                        e.misprints.push(code.clone())
                    }
                }
                Directive::Related { other, .. } => e.related.push(other.clone()),
            }
        }
        notes
    }

    /// A note for each misprint the importer found that no directive documents.
    fn undocumented_misprints(&self, entries: &[Entry]) -> Vec<String> {
        let mut notes = Vec::new();
        for e in entries {
            for m in &e.misprints {
                let documented = self.directives.iter().any(|(d, _)| matches!(d, Directive::Misprint { key, code } if key == &e.key && code == m));
                if !documented {
                    notes.push(format!(
                        "{}: articles print {m} for it; document this in catalog/overrides.txt",
                        e.key
                    ));
                }
            }
        }
        notes
    }
}

/// Renames entry `from` to `to` (merging into `to` when it exists), in the entries and in the
/// reports.
fn rename(entries: &mut Vec<Entry>, reports: &mut [Report], from: &str, to: &str) {
    let Some(fi) = entries.iter().position(|e| e.key == from) else {
        return;
    };
    let old = entries.remove(fi);
    match entries.iter_mut().find(|e| e.key == to) {
        Some(t) => {
            t.codes.extend(old.codes);
            t.related.extend(old.related);
            for l in old.locales {
                if t.locale(&l.lang).is_none() {
                    t.locales.push(l);
                }
            }
        }
        None => {
            let mut e = old;
            e.key = to.to_string();
            e.codes.insert(0, to.to_string());
            entries.insert(fi, e);
        }
    }
    for r in reports.iter_mut() {
        for (k, _, _) in r.rows.iter_mut() {
            if k == from {
                *k = to.to_string();
            }
        }
        for k in r.new_entries.iter_mut().chain(r.aligned.iter_mut()) {
            if k == from {
                *k = to.to_string();
            }
        }
    }
}
