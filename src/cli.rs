//! The command-line tool. Thin: argument handling and printing; the work is in the library.
//!
//! Output goes through one writer and every write is checked: a reader that stops early
//! (`sspr-lookup … | head`) ends the tool quietly with exit code 0, any other write error with
//! a message and exit code 1, never a panic. Commands that change files (`import`, `regen`) do
//! all their file work before they print anything.

use sspr_lookup::catalog::{tag, Catalog};
use sspr_lookup::import::{self, Project};
use sspr_lookup::{eval, Config, Engine, IndexConfig};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

const USAGE: &str = "\
sspr-lookup: what an Azure AD self-service password reset error means, and what to do.

usage:
  sspr-lookup [--json] [--lang TAG] TEXT…     identify TEXT (or standard input when no TEXT)
  sspr-lookup list [--json]                   every catalog entry: key, kind, codes, languages
  sspr-lookup eval FILE.jsonl… [--json]       measure the engine on eval sets (several: each
                                              set, then the calibration table over all)
  sspr-lookup import [--lang TAG] ARTICLE.md… add or update a localisation from Docs articles
                                              (run from the project root: copies the article to
                                              catalog/sources/ and regenerates the catalog)
  sspr-lookup explain TEXT…                   the best text candidates with their scores
  sspr-lookup regen [--check]                 regenerate catalog/catalog.txt and catalog/web/ from catalog/sources/
";

/// The command line after the flags that apply to every command.
struct Args {
    json: bool,
    /// `--lang TAG` or `--lang=TAG`, normalized ([`tag::normalize`]).
    lang: Option<String>,
    rest: Vec<String>,
}

/// Splits off `--json` and `--lang`; `--lang` without a language tag is an error.
fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        json: false,
        lang: None,
        rest: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = if a == "--lang" {
            let v = it.next();
            Some(
                v.ok_or("--lang needs a language tag (like en, sv, de, pt-BR)")?
                    .as_str(),
            )
        } else {
            a.strip_prefix("--lang=")
        };
        match value {
            Some(v) => {
                let t = tag::normalize(v).map_err(|e| format!("--lang: {e}"))?;
                parsed.lang = Some(t);
            }
            None if a == "--json" => parsed.json = true,
            None => parsed.rest.push(a.clone()),
        }
    }
    Ok(parsed)
}

/// Runs the tool; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let done = command(&args, &mut out).and_then(|code| out.flush().map(|()| code));
    match done {
        Ok(code) => code,
        // The reader went away (`| head`): what it wanted is printed; end quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(io::stderr(), "sspr-lookup: cannot write output: {e}");
            1
        }
    }
}

fn command(args: &Args, out: &mut dyn Write) -> io::Result<i32> {
    let (json, lang, rest) = (args.json, args.lang.as_deref(), &args.rest);
    Ok(match rest.first().map(|s| s.as_str()) {
        Some("-h") | Some("--help") | Some("help") => {
            write!(out, "{USAGE}")?;
            0
        }
        Some("list") => list(json, out)?,
        Some("eval") if rest.len() > 1 => eval_cmd(&rest[1..], json, out)?,
        Some("eval") => fail("eval needs a FILE.jsonl"),
        Some("explain") => {
            let text = rest[1..]
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            for x in engine().explain(&text, &Config::DEFAULT) {
                let field = match x.field {
                    sspr_lookup::rank::index::Field::Message => "message",
                    sspr_lookup::rank::index::Field::Body => "body",
                };
                writeln!(
                    out,
                    "{:.3}  {:<45} {} {field}  precision {:.2}",
                    x.score, x.key, x.lang, x.precision
                )?;
            }
            0
        }
        Some("regen") => regen(rest.iter().any(|a| *a == "--check"), out)?,
        Some("import") => {
            let files: Vec<PathBuf> = rest[1..]
                .iter()
                .map(|s| PathBuf::from(s.as_str()))
                .collect();
            if files.is_empty() {
                return Ok(fail("import needs at least one ARTICLE.md"));
            }
            import_cmd(&files, lang, out)?
        }
        _ => {
            let text = if rest.is_empty() {
                match read_stdin() {
                    Ok(s) => s,
                    Err(_) => return Ok(fail("could not read standard input")),
                }
            } else {
                rest.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let eng = engine();
            let a = eng.lookup(&text, &Config::DEFAULT);
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&a).unwrap_or_default()
                )?;
            } else {
                write!(
                    out,
                    "{}",
                    sspr_lookup::answer_text(eng.catalog(), &a, lang.unwrap_or("en"))
                )?;
            }
            0
        }
    })
}

/// The engine over the catalog built into the binary (every language).
fn engine() -> Engine {
    Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT)
}

/// Standard input, up to what a lookup reads ([`Config::max_code_bytes`]) plus the longest
/// UTF-8 sequence, so a character cut at the end lies past what the engine reads and the
/// answer is the one the whole input gives. Invalid UTF-8 is replaced, as before.
///
/// [`Config::max_code_bytes`]: sspr_lookup::rank::Config
fn read_stdin() -> io::Result<String> {
    const UTF8_MAX_SEQUENCE: usize = 4;
    let max = sspr_lookup::rank::Config::DEFAULT.max_code_bytes + UTF8_MAX_SEQUENCE;
    let mut s = Vec::new();
    io::stdin().lock().take(max as u64).read_to_end(&mut s)?;
    Ok(String::from_utf8_lossy(&s).into_owned())
}

fn fail(msg: &str) -> i32 {
    let _ = writeln!(io::stderr(), "sspr-lookup: {msg}\n\n{USAGE}");
    2
}

fn list(json: bool, out: &mut dyn Write) -> io::Result<i32> {
    let cat = Catalog::embedded();
    if json {
        let v: Vec<serde_json::Value> = cat
            .entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "key": e.key, "kind": e.kind, "area": e.area, "codes": e.codes,
                    "languages": e.languages(),
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        )?;
    } else {
        for e in &cat.entries {
            let title = e
                .best_locale(&["en"])
                .map(|(l, _)| l.title.as_str())
                .unwrap_or("");
            writeln!(
                out,
                "{:<40} {:<8} [{}] {}",
                e.key,
                e.kind.name(),
                e.languages().join(","),
                title
            )?;
        }
    }
    Ok(0)
}

/// One report per file; with several files, each under its name and then the calibration
/// table over all of them (`--json`: `{"sets": {FILE: report}, "calibration": …}`).
fn eval_cmd(files: &[String], json: bool, out: &mut dyn Write) -> io::Result<i32> {
    let engine = engine();
    let mut reports = std::collections::BTreeMap::new();
    let mut all = eval::Calibration::default();
    for f in files {
        let Some(r) = eval_file(&engine, Path::new(f)) else {
            return Ok(2);
        };
        all.add(&r.calibration);
        if !json && files.len() > 1 {
            writeln!(out, "# {f}")?;
        }
        if !json {
            write!(out, "{}", r.text())?;
        }
        reports.insert(f.as_str(), r);
    }
    if json {
        let v = match reports.values().next() {
            Some(r) if files.len() == 1 => serde_json::to_value(r),
            _ => serde_json::to_value(serde_json::json!({ "sets": reports, "calibration": all })),
        };
        let v = v.unwrap_or_default();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        )?;
    } else if files.len() > 1 {
        write!(out, "# all {} sets\n{}", files.len(), all.text())?;
    }
    Ok(0)
}

/// The report for one eval file (`None`, after saying why, when it cannot be read).
fn eval_file(engine: &Engine, path: &Path) -> Option<eval::Report> {
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            fail(&format!("cannot read {}: {e}", path.display()));
            return None;
        }
    };
    let (cases, errors) = eval::parse(&src);
    for e in &errors {
        let _ = writeln!(
            io::stderr(),
            "sspr-lookup: {}: {e} (line skipped)",
            path.display()
        );
    }
    Some(eval::run(engine, &Config::DEFAULT, &cases))
}

fn project() -> Option<Project> {
    Project::find(&std::env::current_dir().ok()?)
}

fn regen(check: bool, out: &mut dyn Write) -> io::Result<i32> {
    let Some(p) = project() else {
        return Ok(fail(
            "run this from the project (no catalog/sources/ found)",
        ));
    };
    let import::project::Generated { files, reports } = match p.generated() {
        Ok(g) => g,
        Err(e) => return Ok(fail(&import::printable(&e))),
    };
    if check {
        if let Some(rel) = p.stale(&files).first() {
            let _ = writeln!(
                io::stderr(),
                "{rel} is stale: run `cargo run --release -- regen`"
            );
            return Ok(1);
        }
        writeln!(out, "catalog/catalog.txt and catalog/web/ are up to date")?;
        return Ok(0);
    }
    if let Err(e) = p.write_catalog(&files) {
        return Ok(fail(&import::printable(&e)));
    }
    for r in &reports {
        write!(out, "{}", r.text())?;
    }
    let bytes = files.first().map_or(0, |(_, t)| t.len());
    writeln!(
        out,
        "wrote catalog/catalog.txt ({bytes} bytes) and catalog/web/; rebuild the page to embed it"
    )?;
    Ok(0)
}

fn import_cmd(files: &[PathBuf], lang: Option<&str>, out: &mut dyn Write) -> io::Result<i32> {
    let Some(p) = project() else {
        return Ok(fail(
            "run import from the project root (no catalog/sources/ found)",
        ));
    };
    // All file work is done (or refused, writing nothing) before anything is printed.
    match p.import(files, lang) {
        Ok(done) => {
            for r in &done.reports {
                write!(out, "{}", r.text())?;
            }
            writeln!(out, "wrote catalog/catalog.txt and catalog/web/; rebuild the page (scripts/serve.sh) to embed it")?;
            Ok(0)
        }
        // Only an error of the writing stage says files changed; any other wrote nothing.
        Err(e) if e.starts_with(import::project::WRITE_FAILED) => Ok(fail(&import::printable(&e))),
        Err(e) => Ok(fail(&format!(
            "{}; nothing was written",
            import::printable(&e)
        ))),
    }
}
