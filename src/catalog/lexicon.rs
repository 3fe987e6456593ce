//! The lexicon: words people use for the concepts of password-reset problems, per language
//! (`catalog/lexicon/<lang>.txt`, written by hand; `regen` refuses a word two files give two
//! concepts). Every word of one concept, in any language, is one
//! shared feature of the index and the query, so "the tenant has no P1 seat" meets "your
//! organisation lacks the licence", and a Polish description meets the English passage.
//!
//! A term is one folded word (`haslo`), a prefix of at least [`MIN_PREFIX`] characters ending in
//! `*` (`zablokowan*`), or a run of CJK letters matched wherever it occurs in a CJK run
//! (`写回`). Concepts are numbered in the order they are first seen (the numbers only name
//! features within one index). Adding only ever adds: a language's lexicon is merged once.
//!
//! The lexicon also holds phrases (`catalog/phrases/<lang>.txt`, written by hand): short
//! sentences in people's own words that describe one entry ("the text with the code never
//! comes"). They have an index of their own (`rank::index::Index::build_phrases`), whose
//! passages name their entry: matched, never shown.

use crate::compact::WordMap;
use crate::query::{fold, is_cjk, is_word_char};

/// The shortest prefix term (characters before the `*`).
pub const MIN_PREFIX: usize = 4;
/// The longest term, in characters.
pub const MAX_TERM_CHARS: usize = 40;
/// At most this many terms in the whole lexicon, and this many concepts: bounded work and
/// memory whatever a file holds.
pub const MAX_TERMS: usize = 40_000;
pub const MAX_CONCEPTS: usize = 1_000;
/// At most this many phrases in the whole lexicon, each at most this many bytes.
pub const MAX_PHRASES: usize = 20_000;
pub const MAX_PHRASE_BYTES: usize = 300;

/// A sentence people use to describe one entry, in one language: matched, never shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub lang: String,
    /// The entry's place in the catalog; `None` for a problem near the catalog's subject that
    /// no entry answers (another product's sign-in, a consumer account: "not ours", key `-`).
    pub entry: Option<usize>,
    pub text: String,
}

/// One line of the lexicon as written: a language's terms for one concept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexLine {
    pub lang: String,
    pub concept: String,
    pub terms: Vec<String>,
}

/// The lexicon of every language merged so far. Concept numbers follow the order lines were
/// added in, so an index is only ever paired with the lexicon it was built from (a clone
/// renumbers in canonical order).
#[derive(Debug, Default)]
pub struct Lexicon {
    /// The lines, in the canonical language order whatever order they were merged in
    /// (written back by the catalog format).
    pub lines: Vec<LexLine>,
    /// The phrases, in the order they were added ([`Lexicon::canonical_phrases`] gives the
    /// written order).
    pub phrases: Vec<Phrase>,
    /// Concept names, in number order.
    names: Vec<String>,
    /// Folded word → concept number.
    words: WordMap,
    /// Folded prefix → concept number, and which prefix lengths occur (bit n: n characters).
    prefixes: WordMap,
    prefix_lens: u64,
    /// CJK term → concept number, and which term lengths occur (bit n: n characters).
    cjk: WordMap,
    cjk_lens: u64,
    terms: usize,
}

/// Two lexicons are equal when they have the same lines (the tables are made from them) and
/// the same phrases in canonical order (merge order does not matter).
impl PartialEq for Lexicon {
    fn eq(&self, other: &Lexicon) -> bool {
        self.lines == other.lines && self.canonical_phrases() == other.canonical_phrases()
    }
}

impl Eq for Lexicon {}

/// A copy made from the lines (one copy of the table code in the wasm, not a second one to
/// clone the tables).
impl Clone for Lexicon {
    fn clone(&self) -> Lexicon {
        let mut out = Lexicon::default();
        for l in &self.lines {
            let _ = out.add(&l.lang, &l.concept, &l.terms);
        }
        out.phrases = self.phrases.clone();
        out
    }
}

/// What kind of term a folded term is.
enum Term<'a> {
    Word(&'a str),
    Prefix(&'a str),
    Cjk(&'a str),
}

fn classify(t: &str) -> Option<Term<'_>> {
    let n = t.chars().count();
    // Two comparisons: `contains` on the range costs the page ~100 bytes brotli (measured).
    #[allow(clippy::manual_range_contains)]
    if n < 2 || n > MAX_TERM_CHARS {
        return None;
    }
    if let Some(p) = t.strip_suffix('*') {
        let plain = p.chars().all(|c| is_word_char(c) && !is_cjk(c));
        return (plain && p.chars().count() >= MIN_PREFIX).then_some(Term::Prefix(p));
    }
    if t.chars().all(is_cjk) {
        return Some(Term::Cjk(t));
    }
    t.chars()
        .all(|c| is_word_char(c) && !is_cjk(c))
        .then_some(Term::Word(t))
}

impl Lexicon {
    /// The languages with lexicon lines or phrases, in first-seen order.
    pub fn languages(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let langs = self.lines.iter().map(|l| &l.lang);
        for l in langs.chain(self.phrases.iter().map(|p| &p.lang)) {
            if !out.contains(&l.as_str()) {
                out.push(l);
            }
        }
        out
    }

    /// How many terms the lexicon's lines hold, and phrases.
    pub fn len(&self) -> usize {
        self.terms + self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds `lang`'s phrase `text` for the entry at place `entry` (`None`: not ours). Refused past [`MAX_PHRASES`]
    /// or [`MAX_PHRASE_BYTES`]. Phrases are kept in the order they were added (the index groups
    /// them by language; [`Lexicon::canonical_phrases`] gives the written order).
    pub fn add_phrase(
        &mut self,
        lang: &str,
        entry: Option<usize>,
        text: &str,
    ) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() || text.len() > MAX_PHRASE_BYTES || self.phrases.len() >= MAX_PHRASES {
            return Err("phrase empty, too long, or too many".into());
        }
        self.phrases.push(Phrase {
            lang: lang.to_string(),
            entry,
            text: text.to_string(),
        });
        Ok(())
    }

    /// The phrases in canonical language order (English first, then by tag), each language's
    /// in the order they were added: the same whatever order the languages were merged in.
    pub fn canonical_phrases(&self) -> Vec<&Phrase> {
        let mut langs: Vec<&str> = self.phrases.iter().map(|p| p.lang.as_str()).collect();
        crate::compact::sort_by_heap(&mut langs, |a, b| super::lang_order(a, b).is_lt());
        langs.dedup();
        langs
            .iter()
            .flat_map(|l| self.phrases.iter().filter(move |p| p.lang == *l))
            .collect()
    }

    /// The number of concept `name` (a new one when unseen; `None` past [`MAX_CONCEPTS`]).
    fn number(&mut self, name: &str) -> Option<u16> {
        let i = match self.names.iter().position(|n| n == name) {
            Some(i) => i,
            None if self.names.len() < MAX_CONCEPTS => {
                self.names.push(name.to_string());
                self.names.len() - 1
            }
            None => return None,
        };
        Some(i as u16)
    }

    /// Adds `lang`'s terms for `concept`. Terms that are not one word, a prefix of at least
    /// [`MIN_PREFIX`] letters with `*`, or a CJK run are skipped; a term another language has
    /// already given another concept keeps its first one (and is skipped here). Returns how many
    /// terms were skipped.
    pub fn add(&mut self, lang: &str, concept: &str, terms: &[String]) -> Result<usize, String> {
        let valid_name = !concept.is_empty()
            && concept.len() <= 32
            && concept
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !valid_name {
            return Err("bad concept name".into());
        }
        // The whole line or nothing: the tables never hold a term its lines lack.
        if self.terms + terms.len() > MAX_TERMS {
            return Err("too many lexicon terms".into());
        }
        let g = self.number(concept).ok_or("too many concepts")? as usize;
        let mut kept = Vec::new();
        let mut skipped = 0;
        for t in terms {
            let f = fold(t.trim());
            let n = f.chars().count();
            let added = match classify(&f) {
                Some(Term::Word(w)) => insert(&mut self.words, w, g),
                Some(Term::Prefix(p)) => {
                    self.prefix_lens |= 1 << p.chars().count();
                    insert(&mut self.prefixes, p, g)
                }
                Some(Term::Cjk(c)) => {
                    self.cjk_lens |= 1 << n;
                    insert(&mut self.cjk, c, g)
                }
                None => false,
            };
            if added && !kept.contains(&f) {
                self.terms += 1;
                kept.push(f);
            } else {
                skipped += 1;
            }
        }
        if !kept.is_empty() {
            let at = self
                .lines
                .iter()
                .rposition(|l| super::lang_order(&l.lang, lang).is_le())
                .map_or(0, |i| i + 1);
            self.lines.insert(
                at,
                LexLine {
                    lang: lang.to_string(),
                    concept: concept.to_string(),
                    terms: kept,
                },
            );
        }
        Ok(skipped)
    }

    /// The name of the concept term `t` (as written in a lexicon file) already names, if any.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn concept_name(&self, t: &str) -> Option<&str> {
        let f = fold(t.trim());
        let g = match classify(&f)? {
            Term::Word(w) => self.words.get(w),
            Term::Prefix(p) => self.prefixes.get(p),
            Term::Cjk(c) => self.cjk.get(c),
        }?;
        self.names.get(*g).map(String::as_str)
    }

    /// The number of the concept named `name`.
    pub fn concept_number(&self, name: &str) -> Option<u16> {
        self.names.iter().position(|n| n == name).map(|g| g as u16)
    }

    /// The concept of a folded word (no CJK letters): the word itself, else its longest prefix
    /// term.
    pub fn concept(&self, w: &str) -> Option<u16> {
        if let Some(&g) = self.words.get(w) {
            return Some(g as u16);
        }
        // Longest prefix first: cut one character at a time from the end.
        let mut n = w.chars().count();
        let mut end = w.len();
        while self.prefix_lens != 0 && n >= MIN_PREFIX {
            if self.prefix_lens & (1 << n.min(63)) != 0 {
                if let Some(&g) = self.prefixes.get(&w[..end]) {
                    return Some(g as u16);
                }
            }
            end = w[..end].char_indices().next_back().map_or(0, |(i, _)| i);
            n -= 1;
        }
        None
    }

    /// Calls `f(start, end, concept)` for every CJK term found in a run of CJK letters (byte
    /// range in `run`). Work is bounded by the run's length times the distinct term lengths.
    pub fn cjk_concepts(&self, run: &str, mut f: impl FnMut(usize, usize, u16)) {
        if self.cjk_lens == 0 {
            return;
        }
        let bounds: Vec<usize> = run
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(run.len()))
            .collect();
        for a in 0..bounds.len() {
            for n in 2..=MAX_TERM_CHARS {
                if self.cjk_lens & (1 << n) == 0 {
                    continue;
                }
                let Some(&b) = bounds.get(a + n) else { break };
                if let Some(&g) = self.cjk.get(&run[bounds[a]..b]) {
                    f(bounds[a], b, g as u16);
                }
            }
        }
    }
}

/// Inserts `k` → `g` unless `k` has another concept already; whether `k` now names `g`.
fn insert(m: &mut WordMap, k: &str, g: usize) -> bool {
    match m.get(k) {
        Some(&had) => had == g,
        None => {
            m.insert(k.to_string(), g);
            true
        }
    }
}

/// A hand-written lexicon file's lines: (concept, terms as written).
pub type SourceLines = Vec<(String, Vec<String>)>;

/// Parses a hand-written lexicon file (`catalog/lexicon/<lang>.txt`): `concept<TAB>term term …`
/// per line, `#` comments. Returns the lines, or what is wrong (line number) with the first bad one.
pub fn parse_source(text: &str) -> Result<SourceLines, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((concept, terms)) = line.split_once('\t') else {
            return Err(format!("line {}: no tab after the concept", n + 1));
        };
        let terms: Vec<String> = terms.split_whitespace().map(str::to_string).collect();
        for t in &terms {
            if classify(&fold(t)).is_none() {
                return Err(format!(
                    "line {}: {:?} is not one word, a prefix of {MIN_PREFIX}+ letters with *, or a CJK run",
                    n + 1,
                    t.escape_default().to_string()
                ));
            }
        }
        out.push((concept.trim().to_string(), terms));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(lines: &[(&str, &str, &str)]) -> Lexicon {
        let mut l = Lexicon::default();
        for (lang, c, terms) in lines {
            let t: Vec<String> = terms.split(' ').map(str::to_string).collect();
            l.add(lang, c, &t).unwrap();
        }
        l
    }

    #[test]
    fn words_prefixes_and_cjk_runs_name_concepts() {
        let l = lex(&[
            ("en", "tenant", "tenant org"),
            ("pl", "tenant", "organizacj*"),
            ("zh-cn", "writeback", "写回 回写"),
            ("de", "tenant", "Mandant"),
        ]);
        let t = l.concept("tenant");
        assert!(t.is_some());
        // (word, same concept as "tenant")
        for (w, same) in [
            ("org", true),
            ("organizacji", true),
            ("organizacj", true),
            ("organiza", false),
            ("mandant", true),
            ("tenants", false),
        ] {
            assert_eq!(l.concept(w) == t, same, "{w}");
        }
        let mut found = Vec::new();
        let run = "密码写回失败";
        l.cjk_concepts(run, |a, b, _| found.push(&run[a..b]));
        assert_eq!(found, vec!["写回"]);
        assert_ne!(l.concept("写回"), t);
        assert_eq!(l.concept("password"), None);
    }

    #[test]
    fn bad_terms_are_skipped_or_refused() {
        let mut l = Lexicon::default();
        let terms: Vec<String> = ["ok", "abc*", "two words", "x", "日本語abc"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(l.add("en", "c", &terms), Ok(4));
        assert_eq!(l.len(), 1);
        assert!(l.add("en", "bad name!", &terms).is_err());
        assert!(l.add("en", "", &terms).is_err());
        // A term already there keeps its first concept; the same concept may repeat it.
        let again = vec!["ok".to_string()];
        assert_eq!(l.add("sv", "other", &again), Ok(1));
        assert_eq!(l.add("sv", "c", &again), Ok(0));
        assert_eq!(l.len(), 2);
        assert!(parse_source("c\tfoo barr*\n").is_ok());
        assert!(parse_source("c foo\n").is_err());
        assert!(parse_source("c\tab*\n").is_err());
    }

    #[test]
    fn concepts_are_bounded() {
        let mut l = Lexicon::default();
        let t = vec!["word".to_string()];
        for i in 0..MAX_CONCEPTS {
            l.add("en", &format!("c{i}"), &[format!("word{i}")])
                .unwrap();
        }
        assert!(l.add("en", "one-more", &t).is_err());
        // Terms too: a hostile lexicon cannot grow the tables without bound.
        let mut l = Lexicon::default();
        let many: Vec<String> = (0..MAX_TERMS + 5).map(|i| format!("w{i}")).collect();
        assert!(l.add("en", "c", &many).is_err());
        assert_eq!(l.len(), 0, "an over-long line adds nothing");
        let long = vec!["x".repeat(MAX_TERM_CHARS + 1)];
        assert_eq!(l.add("en", "c", &long), Ok(1));
    }
}
