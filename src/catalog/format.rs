//! The catalog file format: line-oriented, tab-separated, parsed without any dependency.
//!
//! Chosen for the wasm build: no JSON parser is linked, parsing is one pass over a `&str`
//! (see `benches/lookup.rs` for the measured load time), and the text compresses well on the wire.
//!
//! ```text
//! # comment lines start with '#'
//! E <key> <kind> <area> <audience>     starts an entry
//! C <code> <code> …                     codes and aliases (tab-separated)
//! X <code> …                            misprints: codes an article prints here by mistake
//! R <key> …                             related entries
//! L <lang>                              starts a localisation of the current entry
//! T <title>   S <message>   W <meaning (rich)>   A <action (rich)>   O <earlier wording>
//! Q <n>                                 the title is the message's first n bytes (after S)
//! F <file> <section> <date>             the source; a localisation without F has the last one
//! K <key> | K <n> | K                   (language files) continues entry <key>, the n-th
//!                                       entry (from 0), or the one after the last K; a
//!                                       localisation takes its place in the canonical
//!                                       order (English first, then by tag: [`super::lang_order`])
//! U <lang> <n> <text>                   string number <n> of the page's chrome in <lang>
//!                                       (`i18n::Strings::KEYS` order; the hand-written
//!                                       `catalog/chrome/` files name it)
//! V <lang> <concept> <term> <term> …    the lexicon: <lang>'s words for a concept
//!                                       (see [`super::lexicon`])
//! P <lang> <key> <sentence>             a phrase: people's words for entry <key>, or for
//!                                       what no entry answers when <key> is `-`
//! ```
//!
//! The page does not embed the catalog's text: [`split`] cuts it into `core` (every entry with
//! its codes and no text, embedded in the wasm) and one file per language, English included,
//! which the page fetches as needed and merges with [`merge_language`]. Merging every language
//! file, in any order, gives back exactly the whole catalog (tested).
//! Field values escape `\`, tab and newline as `\\`, `\t`, `\n`.

use super::{Area, Audience, Catalog, ChromeText, Entry, Kind, Localized, Rich, Source};

pub const HEADER: &str = "# sspr-lookup catalog, format 1. GENERATED: do not edit by hand.\n\
# Regenerate with `cargo run --release -- regen` (reads catalog/sources/ and catalog/overrides.txt).\n\
# Source articles: Microsoft Docs (CC BY 4.0); see catalog/README.md.\n";

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The language the page embeds (every other language is a separate file).
pub const CORE_LANG: &str = "en";

const LANG_HEADER: &str =
    "# sspr-lookup catalog, one language (merged by the page into core.txt). \
GENERATED from catalog.txt: do not edit by hand.\n";

/// Writes the catalog in the committed format.
pub fn write(cat: &Catalog) -> String {
    let mut out = String::from(HEADER);
    let join = |v: &[String]| v.iter().map(|s| escape(s)).collect::<Vec<_>>().join("\t");
    let mut prev = Source::default();
    for e in &cat.entries {
        out.push_str(&format!(
            "E\t{}\t{}\t{}\t{}\n",
            e.key,
            e.kind.name(),
            e.area.name(),
            if e.audience == Audience::User {
                "user"
            } else {
                "admin"
            }
        ));
        if !e.codes.is_empty() {
            out.push_str(&format!("C\t{}\n", join(&e.codes)));
        }
        if !e.misprints.is_empty() {
            out.push_str(&format!("X\t{}\n", join(&e.misprints)));
        }
        if !e.related.is_empty() {
            out.push_str(&format!("R\t{}\n", join(&e.related)));
        }
        for l in &e.locales {
            write_locale(&mut out, l, &mut prev);
        }
    }
    write_chrome(&mut out, cat, None);
    write_lexicon(&mut out, cat, None);
    out
}

fn write_lexicon(out: &mut String, cat: &Catalog, lang: Option<&str>) {
    for l in cat
        .lexicon
        .lines
        .iter()
        .filter(|l| lang.is_none_or(|g| l.lang == g))
    {
        let terms: Vec<String> = l.terms.iter().map(|t| escape(t)).collect();
        out.push_str(&format!(
            "V\t{}\t{}\t{}\n",
            l.lang,
            l.concept,
            terms.join("\t")
        ));
    }
    for p in cat
        .lexicon
        .canonical_phrases()
        .into_iter()
        .filter(|p| lang.is_none_or(|l| p.lang == l))
    {
        let key = p.entry.map_or(NOT_OURS, |i| cat.entries[i].key.as_str());
        out.push_str(&format!("P\t{}\t{key}\t{}\n", p.lang, escape(&p.text)));
    }
}

/// The key of a phrase that no entry answers (see [`crate::catalog::lexicon::Phrase`]).
pub const NOT_OURS: &str = "-";

/// The entry a phrase's key names: `Some(None)` for [`NOT_OURS`], `None` for an unknown key.
pub fn phrase_entry(cat: &Catalog, key: &str) -> Option<Option<usize>> {
    if key == NOT_OURS {
        Some(None)
    } else {
        cat.index_of(key).map(Some)
    }
}

fn write_chrome(out: &mut String, cat: &Catalog, lang: Option<&str>) {
    for c in cat
        .chrome
        .iter()
        .filter(|c| lang.is_none_or(|l| c.lang == l))
    {
        out.push_str(&format!(
            "U\t{}\t{}\t{}\n",
            c.lang,
            escape(&c.key),
            escape(&c.value)
        ));
    }
}

/// Writes one localisation. A title that begins the message is written as its length (`Q`),
/// and the source only when it differs from the previous localisation's in the file (`prev`):
/// language files hold one or two articles, so most `F` lines would repeat.
fn write_locale(out: &mut String, l: &Localized, prev: &mut Source) {
    out.push_str(&format!("L\t{}\n", l.lang));
    let prefix = !l.title.is_empty() && l.message.starts_with(&l.title);
    if !prefix {
        out.push_str(&format!("T\t{}\n", escape(&l.title)));
    }
    if !l.message.is_empty() {
        out.push_str(&format!("S\t{}\n", escape(&l.message)));
    }
    if prefix {
        out.push_str(&format!("Q\t{}\n", l.title.len()));
    }
    if !l.meaning.0.is_empty() {
        out.push_str(&format!("W\t{}\n", escape(&l.meaning.encode())));
    }
    if !l.action.0.is_empty() {
        out.push_str(&format!("A\t{}\n", escape(&l.action.encode())));
    }
    for w in &l.earlier {
        out.push_str(&format!("O\t{}\n", escape(w)));
    }
    if l.source != *prev {
        out.push_str(&format!(
            "F\t{}\t{}\t{}\n",
            escape(&l.source.file),
            escape(&l.source.section),
            escape(&l.source.date)
        ));
        *prev = l.source.clone();
    }
}

/// The page's catalog files: `("core", …)` with every entry, its codes, misprints and related
/// entries but no text (embedded in the wasm: what a code needs), then `(lang, …)` for each
/// language, English first: the page fetches the reader's language, then English, and any
/// other only when needed; then `("lexicon/<lang>", …)`, each language's lexicon, which the
/// page fetches after that language's file.
pub fn split(cat: &Catalog) -> Vec<(String, String)> {
    let mut core = cat.clone();
    core.chrome.clear();
    core.lexicon = Default::default();
    for e in &mut core.entries {
        e.locales.clear();
    }
    let mut out = vec![("core".to_string(), write(&core))];
    for lang in cat.languages() {
        let mut text = String::from(LANG_HEADER);
        write_chrome(&mut text, cat, Some(lang));
        let mut prev = Source::default();
        let mut last: Option<usize> = None;
        for (i, e) in cat.entries.iter().enumerate() {
            if let Some(l) = e.locale(lang) {
                // The entry by its place in core.txt: `K` alone for the one after the last,
                // else `K <n>` (keys would cost a reader's first load about 470 bytes).
                if last.map_or(0, |k| k + 1) == i {
                    text.push_str("K\n");
                } else {
                    text.push_str(&format!("K\t{i}\n"));
                }
                last = Some(i);
                write_locale(&mut text, l, &mut prev);
            }
        }
        out.push((lang.to_string(), text));
    }
    for lang in cat.lexicon.languages() {
        let mut text = String::from(LEXICON_HEADER);
        write_lexicon(&mut text, cat, Some(lang));
        out.push((format!("lexicon/{lang}"), text));
    }
    out
}

const LEXICON_HEADER: &str = "# sspr-lookup lexicon, one language (merged by the page after \
its language file). GENERATED from catalog.txt: do not edit by hand.\n";

/// Parses the committed format. Never panics; returns what it could read and a list of
/// problems (line number and what was wrong).
pub fn parse(src: &str) -> (Catalog, Vec<String>) {
    let mut cat = Catalog::default();
    let problems = parse_into(&mut cat, src);
    (cat, problems)
}

/// Parses `src` into `cat`: `E` lines add entries, `K` lines continue existing ones (a language
/// file). A language an entry already has is skipped, not duplicated, and reported. Never
/// panics; returns the problems (line number and what was wrong).
pub fn parse_into(cat: &mut Catalog, src: &str) -> Vec<String> {
    read_into(cat, src, Reader::default())
}

/// Merges a language file into `cat`: only `K` lines and the localisations under them, chrome
/// (`U`) and lexicon (`V`) lines are read, so a language file can add text to existing entries,
/// chrome and words, and nothing else (no entries, codes, misprints or related keys). Returns
/// the problems.
pub fn merge_language(cat: &mut Catalog, src: &str) -> Vec<String> {
    read_into(
        cat,
        src,
        Reader {
            languages_only: true,
            ..Reader::default()
        },
    )
}

fn read_into(cat: &mut Catalog, src: &str, mut r: Reader) -> Vec<String> {
    r.languages = cat.languages().iter().map(|l| l.to_string()).collect();
    r.lexicon_before = cat
        .lexicon
        .languages()
        .iter()
        .map(|l| l.to_string())
        .collect();
    for (n, line) in src.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let tag = fields.next().unwrap_or("");
        let rest: Vec<&str> = fields.collect();
        if matches!(tag, "E" | "K" | "L" | "U" | "V" | "P") {
            r.skip = false;
        } else if r.skip {
            // A skipped localisation's source is still the last one (later ones may omit it).
            if tag == "F" {
                r.source = Source {
                    file: field(&rest, 0),
                    section: field(&rest, 1),
                    date: field(&rest, 2),
                };
            }
            continue;
        }
        if let Err(what) = r.line(cat, tag, &rest) {
            r.problems.push(format!("line {}: {what}", n + 1));
        }
    }
    r.problems
}

/// Where the lines being read belong.
#[derive(Default)]
struct Reader {
    /// The entry and localisation that following lines fill in.
    cur: Option<usize>,
    /// The entry the last `K` line continued, `Some(None)` when it named none (a bare `K`
    /// continues the next one).
    last_k: Option<Option<usize>>,
    loc: Option<usize>,
    /// After a language the entry already has: its lines are skipped (reported once).
    skip: bool,
    /// Reading a language file: lines that would change anything but text are refused.
    languages_only: bool,
    /// The last `F` line's source: a localisation without one has it.
    source: Source,
    /// The catalog's languages so far (at most [`MAX_CATALOG_LANGUAGES`]).
    languages: Vec<String>,
    /// The languages whose lexicon was there before this file (merged once), and those this
    /// file added (at most [`MAX_CATALOG_LANGUAGES`] in all).
    lexicon_before: Vec<String>,
    lexicon_added: Vec<String>,
    problems: Vec<String>,
}

/// Field `i`, unescaped (empty when absent).
fn field(rest: &[&str], i: usize) -> String {
    rest.get(i).map(|s| unescape(s)).unwrap_or_default()
}

impl Reader {
    /// Reads one line; `Err` says what was wrong with it.
    fn line(&mut self, cat: &mut Catalog, tag: &str, rest: &[&str]) -> Result<(), String> {
        if self.languages_only && matches!(tag, "E" | "C" | "X" | "R") {
            return Err(format!("{tag} line in a language file"));
        }
        match tag {
            "U" => {
                (self.cur, self.loc) = (None, None);
                return chrome(&mut cat.chrome, rest);
            }
            "V" => {
                (self.cur, self.loc) = (None, None);
                return self.lexicon(&mut cat.lexicon, rest);
            }
            // A phrase: people's words for an entry (`-`: for what is not ours).
            "P" => {
                (self.cur, self.loc) = (None, None);
                let lang = self.lexicon_language(rest)?;
                let e = phrase_entry(cat, &field(rest, 1)).ok_or("phrase of an unknown entry")?;
                return cat.lexicon.add_phrase(&lang, e, &field(rest, 2));
            }
            "E" => return self.entry(&mut cat.entries, rest),
            "K" => return self.continued(&cat.entries, rest),
            _ => {}
        }
        let Some(e) = self.cur.and_then(|i| cat.entries.get_mut(i)) else {
            return Err(format!("{tag} outside an entry"));
        };
        let all = || rest.iter().map(|s| unescape(s)).collect::<Vec<_>>();
        match tag {
            "C" => e.codes = all(),
            "X" => e.misprints = all(),
            "R" => e.related = all(),
            "L" => return self.language(e, field(rest, 0)),
            _ => {
                let Some(l) = self.loc.and_then(|i| e.locales.get_mut(i)) else {
                    return Err(format!("{tag} outside a language"));
                };
                locale_field(l, tag, rest)?;
                if tag == "F" {
                    self.source = l.source.clone();
                }
            }
        }
        Ok(())
    }

    /// `E key kind area audience`: a new entry.
    fn entry(&mut self, entries: &mut Vec<Entry>, rest: &[&str]) -> Result<(), String> {
        let kind = rest.get(1).and_then(|k| Kind::from_name(k));
        let area = rest.get(2).and_then(|a| Area::from_name(a));
        (self.cur, self.loc) = (None, None);
        let (Some(key), Some(kind), Some(area)) = (rest.first(), kind, area) else {
            return Err("bad entry line".into());
        };
        entries.push(Entry {
            key: key.to_string(),
            kind,
            area,
            audience: if rest.get(3) == Some(&"user") {
                Audience::User
            } else {
                Audience::Admin
            },
            codes: vec![],
            misprints: vec![],
            related: vec![],
            locales: vec![],
        });
        self.cur = Some(entries.len() - 1);
        Ok(())
    }

    /// `V lang concept term…`: a language's words for one concept.
    fn lexicon(&mut self, lex: &mut super::lexicon::Lexicon, rest: &[&str]) -> Result<(), String> {
        let lang = self.lexicon_language(rest)?;
        let terms: Vec<String> = rest.iter().skip(2).map(|t| unescape(t)).collect();
        match lex.add(&lang, &field(rest, 1), &terms)? {
            0 => Ok(()),
            _ => Err("terms skipped (not a word, prefix or CJK run, or another concept's)".into()),
        }
    }

    /// The language of a `V` or `P` line (its first field). A language whose lexicon was merged
    /// before is refused (merging only adds).
    fn lexicon_language(&mut self, rest: &[&str]) -> Result<String, String> {
        let lang = valid_tag(&field(rest, 0))?;
        // Static messages (the wasm carries no formatting for them); the line number says which.
        if self.lexicon_before.contains(&lang) {
            return Err("the lexicon already has this language".into());
        }
        if !self.lexicon_added.contains(&lang) {
            if self.lexicon_before.len() + self.lexicon_added.len() >= MAX_CATALOG_LANGUAGES {
                return Err("the lexicon has the most languages it may have".into());
            }
            self.lexicon_added.push(lang.clone());
        }
        Ok(lang)
    }

    /// `K key`: a language file continues an existing entry.
    fn continued(&mut self, entries: &[Entry], rest: &[&str]) -> Result<(), String> {
        let key = field(rest, 0);
        // `K`: the entry after the last `K`; `K <n>`: the n-th entry (keys are never all digits);
        // `K <key>`: that entry.
        let at = if key.is_empty() {
            // After a `K` that named no entry, a bare `K` names none either.
            match self.last_k {
                None => Some(0),
                Some(k) => k.map(|k| k + 1),
            }
        } else if key.bytes().all(|b| b.is_ascii_digit()) {
            key.parse().ok()
        } else {
            entries.iter().position(|e| e.key == key)
        };
        self.cur = at.filter(|i| *i < entries.len());
        self.last_k = Some(self.cur);
        self.loc = None;
        match self.cur {
            Some(_) => Ok(()),
            None => Err(format!("unknown entry '{key}'")),
        }
    }

    /// `L lang`: a localisation, placed in the entry's canonical language order.
    fn language(&mut self, e: &mut Entry, lang: String) -> Result<(), String> {
        let lang = valid_tag(&lang).inspect_err(|_| self.skip = true)?;
        if !self.languages.contains(&lang) {
            if self.languages.len() >= MAX_CATALOG_LANGUAGES {
                self.skip = true;
                return Err(format!(
                    "the catalog has the most languages it may have; '{lang}' refused"
                ));
            }
            self.languages.push(lang.clone());
        }
        if e.locales.len() >= MAX_LANGUAGES {
            self.skip = true;
            return Err(format!(
                "{} has the most languages an entry may have",
                e.key
            ));
        }
        if e.locale(&lang).is_some() {
            (self.loc, self.skip) = (None, true);
            return Err(format!("{} already has language '{lang}'", e.key));
        }
        // Before the first present language that comes after it in canonical order.
        let at = e
            .locales
            .iter()
            .position(|l| super::lang_order(&l.lang, &lang).is_gt())
            .unwrap_or(e.locales.len());
        e.locales.insert(
            at,
            Localized {
                lang,
                title: String::new(),
                message: String::new(),
                meaning: Rich::default(),
                action: Rich::default(),
                source: self.source.clone(),
                earlier: vec![],
            },
        );
        self.loc = Some(at);
        Ok(())
    }
}

/// Localisations one entry may have: the articles exist in about twenty languages. Placing a
/// localisation scans the entry's others, so this bounds the work a hostile language file can
/// cause.
pub const MAX_LANGUAGES: usize = 64;

/// Languages a catalog may have: the articles exist in about twenty; the index keeps a weight
/// per feature and language, so this bounds the memory a hostile language file can cause.
pub const MAX_CATALOG_LANGUAGES: usize = 40;

/// Earlier wordings one localisation may carry (one per older version of its article): a
/// bound on the passages a hostile language file can add.
pub const MAX_EARLIER: usize = 16;

/// Chrome strings a catalog may hold: about fifty a language, for far more languages than any
/// article is published in; a bound on the work a hostile language file can cause.
pub const MAX_CHROME_STRINGS: usize = 4096;

/// `U lang key text`: a chrome string (one per language and key; a repeat is refused).
/// Each insert scans the strings so far, so their number is capped ([`MAX_CHROME_STRINGS`]).
fn chrome(chrome: &mut Vec<ChromeText>, rest: &[&str]) -> Result<(), String> {
    let (lang, key, value) = (valid_tag(&field(rest, 0))?, field(rest, 1), field(rest, 2));
    if chrome.len() >= MAX_CHROME_STRINGS {
        return Err("too many chrome strings".into());
    }
    if lang.is_empty() || key.is_empty() {
        return Err("bad chrome line".into());
    }
    if chrome.iter().any(|c| c.lang == lang && c.key == key) {
        return Err(format!("chrome '{key}' in '{lang}' already present"));
    }
    // Kept in language order whatever order the files are merged in (keys in file order).
    let at = chrome
        .iter()
        .rposition(|c| c.lang <= lang)
        .map_or(0, |i| i + 1);
    chrome.insert(at, ChromeText { lang, key, value });
    Ok(())
}

/// A language tag from a catalog or language file, in the catalog's form (see [`super::tag`]).
fn valid_tag(t: &str) -> Result<String, String> {
    // Echoed as printable ASCII only (cheaper in the wasm than escaping, and safe to print).
    let shown: String = t.chars().filter(char::is_ascii_graphic).take(40).collect();
    super::tag::normalize(t).map_err(|_| format!("'{shown}' is not a language tag"))
}

/// `T`, `S`, `W`, `A`, `F`: a field of the current localisation.
fn locale_field(l: &mut Localized, tag: &str, rest: &[&str]) -> Result<(), String> {
    match tag {
        "T" => l.title = field(rest, 0),
        "S" => l.message = field(rest, 0),
        "W" => l.meaning = Rich::decode(&field(rest, 0)),
        "A" => l.action = Rich::decode(&field(rest, 0)),
        "Q" => {
            let n: usize = field(rest, 0).parse().map_err(|_| "bad title length")?;
            l.title = l
                .message
                .get(..n)
                .ok_or("title length past the message")?
                .to_string();
        }
        "O" if l.earlier.len() < MAX_EARLIER => l.earlier.push(field(rest, 0)),
        "O" => return Err(format!("more than {MAX_EARLIER} earlier wordings")),
        "F" => {
            l.source = Source {
                file: field(rest, 0),
                section: field(rest, 1),
                date: field(rest, 2),
            }
        }
        _ => return Err(format!("unknown tag '{tag}'")),
    }
    Ok(())
}
