//! What happened to one article, and the report's printable text (article text escaped: an
//! article cannot move the cursor, clear the screen or reorder a terminal line).

use std::fmt::Write;

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
    /// Why nothing from this article was used, when it exceeds a [`super::limits`] figure (the
    /// project commands then write nothing).
    pub refused: Option<String>,
    /// (key, section, line) for every table row, heading row and guide section taken from this
    /// article; `line` is 1-based in the article body after its front matter.
    pub rows: Vec<(String, String, usize)>,
}

impl Report {
    /// The report as the command-line tool prints it: a heading line, counts, then one line
    /// per new entry list, unplaced row, superseded text and note. Every piece of text that
    /// comes from the article is passed through [`printable`].
    pub fn text(&self) -> String {
        let mut out = String::new();
        let date = if self.date.is_empty() {
            "unknown"
        } else {
            &self.date
        };
        let _ = writeln!(
            out,
            "== {} — language {} ({}), dated {}",
            printable(&self.file),
            printable(&self.lang),
            printable(&self.lang_reason),
            printable(date)
        );
        let _ = writeln!(
            out,
            "   rows placed: {}  aligned to existing entries: {}  new entries: {}  unplaced: {}",
            self.rows.len(),
            self.aligned.len(),
            self.new_entries.len(),
            self.unplaced.len()
        );
        if !self.new_entries.is_empty() {
            let _ = writeln!(out, "   new: {}", printable(&self.new_entries.join(", ")));
        }
        for (label, lines) in [
            ("unplaced", &self.unplaced),
            ("superseded", &self.superseded),
            ("note", &self.diagnostics),
        ] {
            for l in lines {
                let _ = writeln!(out, "   {label}: {}", printable(l));
            }
        }
        out
    }
}

/// `s` with control characters (C0, DEL, C1) and the bidirectional formatting characters
/// (U+200E/F, U+202A–202E, U+2066–2069) written as `\u{…}` escapes, so text from an article
/// prints as text.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_prints_as_text() {
        let cases = [
            ("plain – text", "plain – text"),
            (
                "\u{1b}[2J\u{1b}]0;title\u{7}",
                "\\u{1b}[2J\\u{1b}]0;title\\u{7}",
            ),
            ("a\rb\nc\td", "a\\u{d}b\\u{a}c\\u{9}d"),
            ("\u{202e}evil\u{2066}", "\\u{202e}evil\\u{2066}"),
            ("\u{9b}31m", "\\u{9b}31m"),
        ];
        for (s, want) in cases {
            assert_eq!(printable(s), want, "{s:?}");
        }
    }
}
