//! The project's files: reading `catalog/sources/` (articles and their `.md.lang` sidecars),
//! generating the catalog from them, writing the generated files, and importing new articles.
//!
//! Everything written goes through `Project::write_inside`: a path built from fixed names and
//! validated parts (a language tag that passed [`tag::normalize`], a file name cut down to
//! `A-Z a-z 0-9 - _`), checked to stay inside the project's `catalog/` folder. An import is
//! all-or-nothing: the catalog is generated in memory from the sources plus the new articles
//! first, and only when that succeeds are the articles copied and the catalog written.

use super::limits::MAX_ARTICLE_BYTES;
use super::{article_language, build, overrides, Article, Report};
use crate::catalog::{format, tag};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The folder everything generated or imported lives in, relative to the project root.
const CATALOG_DIR: &str = "catalog";
/// The articles, relative to the project root.
const SOURCES_DIR: &str = "catalog/sources";
/// Longest stem of an article's file name in `sources/` (the rest is cut).
const MAX_NAME_CHARS: usize = 80;

impl Article {
    /// An article as stored: its bytes (invalid UTF-8 replaced) and the language a sidecar or
    /// `--lang` gives.
    pub fn from_bytes(file: &str, bytes: &[u8], lang: Option<String>) -> Article {
        Article {
            file: file.to_string(),
            text: String::from_utf8_lossy(bytes).into_owned(),
            lang,
        }
    }
}

/// Reads every article under `dir` (sorted by name). A sidecar `NAME.md.lang` holds a language
/// given with `--lang` at import time; one that is not a language tag is an error (`import`
/// only writes valid ones).
pub fn read_sources(dir: &Path) -> std::io::Result<Vec<Article>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let bytes = read_limited(&p, MAX_ARTICLE_BYTES)?;
        let file = p
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let side = p.with_extension("md.lang");
        let lang = match std::fs::read_to_string(&side) {
            Ok(s) if !s.trim().is_empty() => Some(tag::normalize(&s).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", side.display()),
                )
            })?),
            _ => None,
        };
        out.push(Article::from_bytes(&file, &bytes, lang));
    }
    Ok(out)
}

/// Reads a file of at most `max` bytes; a larger one is an error, found without reading it
/// whole.
fn read_limited(path: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{}: the article has more than {max} bytes; the importer takes at most {max} (see catalog/README.md, \"Limits\")",
                path.display()
            ),
        ));
    }
    Ok(bytes)
}

/// Every generated catalog file (path relative to the project, text): the whole catalog, and
/// the page's split of it (`catalog/web/core.txt` embedded in the wasm, one file per other
/// language loaded by the page). `regen` writes exactly these; the freshness tests compare them.
pub fn catalog_files(full: &str) -> Vec<(String, String)> {
    let (cat, _) = format::parse(full);
    let mut files = vec![("catalog/catalog.txt".to_string(), full.to_string())];
    for (name, text) in format::split(&cat) {
        files.push((format!("catalog/web/{name}.txt"), text));
    }
    files
}

/// Builds the catalog text from a project's sources directory and overrides file.
pub fn generate(root: &Path) -> Result<(String, Vec<Report>), String> {
    let arts = read_sources(&root.join(SOURCES_DIR))
        .map_err(|e| format!("reading catalog/sources: {e}"))?;
    generate_from(root, &arts)
}

/// Builds the catalog text from the given articles and the project's overrides file; an
/// article past a limit is an error that names it.
fn generate_from(root: &Path, arts: &[Article]) -> Result<(String, Vec<Report>), String> {
    let ov_text =
        std::fs::read_to_string(root.join(CATALOG_DIR).join("overrides.txt")).unwrap_or_default();
    let (ov, problems) = overrides::Overrides::parse(&ov_text);
    if !problems.is_empty() {
        return Err(format!("catalog/overrides.txt: {}", problems.join("; ")));
    }
    let (mut cat, reports) = build(arts, &ov);
    if let Some(r) = reports.iter().find(|r| r.refused.is_some()) {
        let why = r.refused.as_deref().unwrap_or_default();
        return Err(format!("{}: {why}", r.file));
    }
    // A language file names an entry by its place (`K <n>`), never by an all-digit key.
    if let Some(e) = cat
        .entries
        .iter()
        .find(|e| e.key.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("entry key {:?} is all digits", e.key));
    }
    cat.chrome = read_chrome(&root.join(CATALOG_DIR).join("chrome"))?;
    let mut lexicon = read_lexicon(&root.join(CATALOG_DIR).join("lexicon"))?;
    // English first, then by tag: the order the page merges them in.
    crate::compact::sort_by_heap(&mut lexicon, |a, b| {
        crate::catalog::lang_order(&a.0, &b.0).is_lt()
    });
    let mut clashes = Vec::new();
    for (lang, lines) in lexicon {
        for (concept, terms) in lines {
            // Bad terms were refused by `read_lexicon`: what is skipped here is a term another
            // file gave another concept. One table serves every language, so that is an error.
            if cat.lexicon.add(&lang, &concept, &terms) != Ok(0) {
                for t in &terms {
                    let other = cat.lexicon.concept_name(t).filter(|c| *c != concept);
                    if let Some(c) = other {
                        clashes.push(format!("{t:?} ({lang} {concept}; already {c})"));
                    }
                }
            }
        }
    }
    if !clashes.is_empty() {
        return Err(format!(
            "catalog/lexicon: a word may name one concept in every language: {}",
            clashes.join(", ")
        ));
    }
    read_phrases(&root.join(CATALOG_DIR).join("phrases"), &mut cat)?;
    Ok((format::write(&cat), reports))
}

/// Every `<lang>.txt` in `dir` but `skip`, by file name: (language, file name, text). Each
/// name must be a language tag; a missing folder has none. Errors name the file as
/// `<shown>/<name>`.
fn language_files(
    dir: &Path,
    shown: &str,
    skip: &str,
) -> Result<Vec<(String, String, String)>, String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".txt") && n != skip)
            .collect(),
        Err(_) => return Ok(vec![]),
    };
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let at = |e: String| format!("{shown}/{name}: {e}");
        let lang = crate::catalog::tag::normalize(name.trim_end_matches(".txt"))
            .map_err(|e| at(e.to_string()))?;
        let text = std::fs::read_to_string(dir.join(&name)).map_err(|e| at(e.to_string()))?;
        out.push((lang, name, text));
    }
    Ok(out)
}

/// The hand-written lexicon: `catalog/lexicon/<lang>.txt` (language, its lines), by file
/// name (`concepts.txt` lists the concepts).
fn read_lexicon(dir: &Path) -> Result<Vec<(String, crate::catalog::lexicon::SourceLines)>, String> {
    let concepts = std::fs::read_to_string(dir.join("concepts.txt")).unwrap_or_default();
    let known: Vec<&str> = concepts
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut out = Vec::new();
    for (lang, name, text) in language_files(dir, "catalog/lexicon", "concepts.txt")? {
        let at = |e: String| format!("catalog/lexicon/{name}: {e}");
        let lines = crate::catalog::lexicon::parse_source(&text).map_err(at)?;
        if let Some((c, _)) = lines.iter().find(|(c, _)| !known.contains(&c.as_str())) {
            return Err(at(format!(
                "concept {c:?} is not in catalog/lexicon/concepts.txt"
            )));
        }
        out.push((lang, lines));
    }
    Ok(out)
}

/// The hand-written phrases: `catalog/phrases/<lang>.txt`, `KEY<TAB>sentence` per line (`#`
/// comments; the key `-` for a problem no entry answers), added to `cat`'s lexicon. An unknown
/// key, a bad sentence or a sentence given twice for one entry is an error naming the file and
/// line.
fn read_phrases(dir: &Path, cat: &mut crate::catalog::Catalog) -> Result<(), String> {
    for (lang, name, text) in language_files(dir, "catalog/phrases", "")? {
        // The same sentence twice for one entry would count as two descriptions agreeing.
        let mut seen = std::collections::HashSet::new();
        for (n, line) in text.lines().enumerate() {
            let at = |e: &str| format!("catalog/phrases/{name}: line {}: {e}", n + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, phrase) = line
                .split_once('\t')
                .ok_or_else(|| at("no tab after the key"))?;
            let e = crate::catalog::format::phrase_entry(cat, key.trim());
            let e = e.ok_or_else(|| at(&format!("unknown entry {:?}", key.trim())))?;
            if phrase.contains('\t') {
                return Err(at("a second tab"));
            }
            if !seen.insert((e, phrase.trim())) {
                return Err(at("the same sentence twice for one entry"));
            }
            cat.lexicon
                .add_phrase(&lang, e, phrase)
                .map_err(|e| at(&e))?;
        }
    }
    Ok(())
}

/// The page chrome of every language but English (built in): `catalog/chrome/<lang>.txt`, in
/// language order; each file's name is a language tag.
fn read_chrome(dir: &Path) -> Result<Vec<crate::catalog::ChromeText>, String> {
    let mut out = Vec::new();
    for (lang, name, text) in language_files(dir, "catalog/chrome", "")? {
        let at = |e: String| format!("catalog/chrome/{name}: {e}");
        out.extend(crate::i18n::parse_chrome(&lang, &text).map_err(at)?);
    }
    Ok(out)
}

/// The generated files (path relative to the project, text; [`catalog_files`]) and a report
/// per article.
#[derive(Debug)]
pub struct Generated {
    pub files: Vec<(String, String)>,
    pub reports: Vec<Report>,
}

/// What an import did: the reports of the imported articles and the catalog's size.
#[derive(Debug)]
pub struct Imported {
    pub reports: Vec<Report>,
    pub catalog_bytes: usize,
}

/// How an import error starts when files had begun to change (every other error means nothing
/// was written). Each file is replaced whole (temporary file and rename), never half-written.
pub const WRITE_FAILED: &str =
    "writing failed part-way, some files may be new (run `regen` after fixing the cause): ";

/// A project: the folder holding `Cargo.toml` and `catalog/sources/`.
#[derive(Clone, Debug)]
pub struct Project {
    root: PathBuf,
}

impl Project {
    /// The project at `root` (not checked).
    pub fn at(root: &Path) -> Project {
        Project {
            root: root.to_path_buf(),
        }
    }

    /// The nearest project folder at or above `dir`.
    pub fn find(dir: &Path) -> Option<Project> {
        dir.ancestors()
            .find(|p| p.join(SOURCES_DIR).is_dir() && p.join("Cargo.toml").is_file())
            .map(Project::at)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The generated files as the sources give them, with a report per article.
    pub fn generated(&self) -> Result<Generated, String> {
        let (text, reports) = generate(&self.root)?;
        Ok(Generated {
            files: catalog_files(&text),
            reports,
        })
    }

    /// The generated files whose committed copy differs from what the sources give.
    pub fn stale(&self, files: &[(String, String)]) -> Vec<String> {
        files
            .iter()
            .filter(|(rel, want)| {
                std::fs::read_to_string(self.root.join(rel)).ok().as_ref() != Some(want)
            })
            .map(|(rel, _)| rel.clone())
            .collect()
    }

    /// Writes the generated files, and removes a language file whose language left the
    /// catalog. Every name is checked before anything is written.
    pub fn write_catalog(&self, files: &[(String, String)]) -> Result<(), String> {
        for (rel, _) in files {
            check_generated_name(rel)?;
        }
        let web = self.root.join(CATALOG_DIR).join("web");
        std::fs::create_dir_all(&web)
            .map_err(|e| format!("cannot create {}: {e}", web.display()))?;
        for (rel, text) in files {
            self.write_inside(rel, text.as_bytes())?;
        }
        let catalog = self.root.join(CATALOG_DIR).canonicalize();
        for sub in ["catalog/web", "catalog/web/lexicon"] {
            // Stale files are removed only from a folder that really is inside the catalog.
            let inside = match (self.root.join(sub).canonicalize(), &catalog) {
                (Ok(d), Ok(c)) => d.starts_with(c),
                _ => false,
            };
            let Ok(dir) = std::fs::read_dir(self.root.join(sub))
                .map_err(|_| ())
                .and_then(|d| if inside { Ok(d) } else { Err(()) })
            else {
                continue;
            };
            for f in dir.flatten() {
                let rel = format!("{sub}/{}", f.file_name().to_string_lossy());
                if rel.ends_with(".txt") && !files.iter().any(|(r, _)| *r == rel) {
                    let _ = std::fs::remove_file(f.path());
                }
            }
        }
        Ok(())
    }

    /// Imports articles: reads each (at most [`MAX_ARTICLE_BYTES`]), tells its language
    /// (`lang` when given), generates the catalog from the sources plus these articles, and only
    /// then copies them into `catalog/sources/` (with a `.md.lang` sidecar when `lang` is
    /// given) and writes the catalog. On any error nothing is written.
    pub fn import(&self, paths: &[PathBuf], lang: Option<&str>) -> Result<Imported, String> {
        let lang = lang
            .map(tag::normalize)
            .transpose()
            .map_err(|e| format!("--lang: {e}"))?;
        let mut incoming: Vec<(Article, Vec<u8>)> = Vec::new();
        for p in paths {
            let bytes = read_limited(p, MAX_ARTICLE_BYTES).map_err(|e| match e.kind() {
                std::io::ErrorKind::InvalidData => e.to_string(),
                _ => format!("cannot read {}: {e}", p.display()),
            })?;
            let mut article = Article::from_bytes(&source_name(p), &bytes, lang.clone());
            let Some((article_lang, _)) = article_language(&article) else {
                return Err(format!(
                    "cannot tell the language of {} (no front matter, too little text): pass --lang TAG",
                    p.display()
                ));
            };
            article.file = stored_name(&article.file, &article_lang, &article.text);
            incoming.retain(|(a, _)| a.file != article.file);
            incoming.push((article, bytes));
        }
        let mut arts = read_sources(&self.root.join(SOURCES_DIR))
            .map_err(|e| format!("reading catalog/sources: {e}"))?;
        arts.retain(|a| !incoming.iter().any(|(new, _)| new.file == a.file));
        arts.extend(incoming.iter().map(|(a, _)| a.clone()));
        arts.sort_by(|a, b| a.file.cmp(&b.file));
        let (text, reports) = generate_from(&self.root, &arts)?;
        let files = catalog_files(&text);
        for (rel, _) in &files {
            check_generated_name(rel)?;
        }
        // Everything above only read; from here files change. A failure now (disk full,
        // permissions) is named as such: some files may already have been replaced.
        let partly = |e: String| format!("{WRITE_FAILED}{e}");
        for (a, bytes) in &incoming {
            self.write_source(a, bytes).map_err(partly)?;
        }
        self.write_catalog(&files).map_err(partly)?;
        let reports = reports
            .into_iter()
            .filter(|r| incoming.iter().any(|(a, _)| a.file == r.file))
            .collect();
        Ok(Imported {
            reports,
            catalog_bytes: text.len(),
        })
    }

    /// Copies an article into `catalog/sources/`, with its sidecar when it has a given language
    /// (and without a stale one when it has not).
    fn write_source(&self, a: &Article, bytes: &[u8]) -> Result<(), String> {
        let rel = format!("{SOURCES_DIR}/{}", a.file);
        self.write_inside(&rel, bytes)?;
        let side = format!("{rel}.lang");
        match &a.lang {
            Some(l) => self.write_inside(&side, format!("{l}\n").as_bytes()),
            None => {
                let _ = std::fs::remove_file(self.inside(&side)?);
                Ok(())
            }
        }
    }

    /// The path of `rel` (a `/`-separated path of plain names), when it stays inside the
    /// project's `catalog/` folder.
    fn inside(&self, rel: &str) -> Result<PathBuf, String> {
        let rel_path = Path::new(rel);
        let plain = rel_path
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !plain || !rel_path.starts_with(CATALOG_DIR) || rel_path == Path::new(CATALOG_DIR) {
            return Err(format!(
                "refusing to write {rel:?}: not a file inside catalog/"
            ));
        }
        Ok(self.root.join(rel_path))
    }

    /// Writes `bytes` to `rel` through a temporary file and a rename (a reader never sees half
    /// a file), after checking that the folder it lands in, symbolic links resolved, is inside
    /// `catalog/`.
    fn write_inside(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.inside(rel)?;
        let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
        let parent = path
            .parent()
            .ok_or_else(|| format!("no folder for {rel}"))?;
        let catalog = self.root.join(CATALOG_DIR).canonicalize().map_err(fail)?;
        let outside = || format!("refusing to write {rel:?}: its folder leads outside catalog/");
        // The nearest folder that exists is checked before any folder is made under it, so a
        // link out of the catalog is never written through, not even to make a folder.
        let existing = parent
            .ancestors()
            .find(|a| a.exists())
            .ok_or_else(outside)?;
        if !existing.canonicalize().map_err(fail)?.starts_with(&catalog) {
            return Err(outside());
        }
        std::fs::create_dir_all(parent).map_err(fail)?;
        if !parent.canonicalize().map_err(fail)?.starts_with(&catalog) {
            return Err(outside());
        }
        let mut tmp = path.clone().into_os_string();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, bytes).map_err(fail)?;
        std::fs::rename(&tmp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(e)
        })
    }
}

/// A generated file's name must be `catalog/catalog.txt` or `catalog/web/<name>.txt` with
/// `core` or a valid language tag as the name: a language that is not a tag never names a file.
fn check_generated_name(rel: &str) -> Result<(), String> {
    if rel == "catalog/catalog.txt" {
        return Ok(());
    }
    let name = rel
        .strip_prefix("catalog/web/")
        .map(|n| n.strip_prefix("lexicon/").unwrap_or(n))
        .and_then(|n| n.strip_suffix(".txt"))
        .ok_or_else(|| format!("refusing to write {rel:?}: not a catalog file"))?;
    if name == "core" || tag::normalize(name).as_deref() == Ok(name) {
        Ok(())
    } else {
        Err(format!(
            "refusing to write {:?}: the catalog has a language that is not a language tag",
            rel.escape_default().to_string()
        ))
    }
}

/// The name an imported article is stored under: `LANG-YEAR-NAME.md` (the language the import
/// decided and the year of its `ms.date`), unless `name` already starts with `LANG-`. The same
/// article in another language, or a newer version of it, gets its own file instead of
/// replacing another (Docs names every translation `troubleshoot-sspr.md`); importing it again
/// replaces it.
fn stored_name(name: &str, lang: &str, text: &str) -> String {
    if name.starts_with(&format!("{lang}-")) {
        return name.to_string();
    }
    let (fm, _) = super::markdown::front_matter(text);
    let year: String = fm
        .date
        .rsplit('/')
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .map(|y| format!("{y}-"))
        .unwrap_or_default();
    let mut out = format!("{lang}-{year}{name}");
    if out.len() > MAX_NAME_CHARS + 3 {
        out = format!("{}.md", &out[..MAX_NAME_CHARS]);
    }
    out
}

/// The name an article gets in `catalog/sources/`: its file stem cut down to ASCII letters,
/// digits, `-` and `_` (anything else becomes `-`, at most `MAX_NAME_CHARS`), plus `.md`.
pub fn source_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let clean: String = stem
        .chars()
        .take(MAX_NAME_CHARS)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if clean.is_empty() {
        "article.md".to_string()
    } else {
        format!("{clean}.md")
    }
}
