//! The command-line tool. Thin: argument handling and printing; the work is in the library.

use sspr_lookup::catalog::Catalog;
use sspr_lookup::{eval, import, Config, Engine, IndexConfig};
use std::io::Read;
use std::path::{Path, PathBuf};

const USAGE: &str = "\
sspr-lookup: what an Azure AD self-service password reset error means, and what to do.

usage:
  sspr-lookup [--json] [--lang TAG] TEXT…     identify TEXT (or standard input when no TEXT)
  sspr-lookup list [--json]                   every catalog entry: key, kind, codes, languages
  sspr-lookup eval FILE.jsonl [--json]        measure the engine on an eval set
  sspr-lookup import [--lang TAG] ARTICLE.md… add or update a localisation from Docs articles
                                              (run from the project root: copies the article to
                                              catalog/sources/ and regenerates the catalog)
  sspr-lookup explain TEXT…                   the best text candidates with their scores
  sspr-lookup regen [--check]                 regenerate catalog/catalog.txt and catalog/web/ from catalog/sources/
";

pub fn run(args: &[String]) -> i32 {
    let json = args.iter().any(|a| a == "--json");
    let lang = flag_value(args, "--lang");
    let rest: Vec<&String> = {
        let mut v = Vec::new();
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
                continue;
            }
            if a == "--lang" {
                skip = true;
                continue;
            }
            if a == "--json" || a.starts_with("--lang=") {
                continue;
            }
            v.push(a);
        }
        v
    };
    match rest.first().map(|s| s.as_str()) {
        Some("-h") | Some("--help") | Some("help") => {
            print!("{USAGE}");
            0
        }
        Some("list") => list(json),
        Some("eval") => match rest.get(1) {
            Some(f) => eval_cmd(Path::new(f.as_str()), json),
            None => fail("eval needs a FILE.jsonl"),
        },
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
                println!("{:.3}  {:<45} {} {field}", x.score, x.key, x.lang);
            }
            0
        }
        Some("regen") => regen(rest.iter().any(|a| *a == "--check")),
        Some("import") => {
            let files: Vec<PathBuf> = rest[1..]
                .iter()
                .map(|s| PathBuf::from(s.as_str()))
                .collect();
            if files.is_empty() {
                return fail("import needs at least one ARTICLE.md");
            }
            import_cmd(&files, lang.as_deref())
        }
        _ => {
            let text = if rest.is_empty() {
                let mut s = Vec::new();
                if std::io::stdin().read_to_end(&mut s).is_err() {
                    return fail("could not read standard input");
                }
                String::from_utf8_lossy(&s).into_owned()
            } else {
                rest.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let eng = engine();
            let a = eng.lookup(&text, &Config::DEFAULT);
            if json {
                println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
            } else {
                print!(
                    "{}",
                    sspr_lookup::answer_text(eng.catalog(), &a, lang.as_deref().unwrap_or("en"))
                );
            }
            0
        }
    }
}

/// The engine over the catalog built into the binary (every language).
fn engine() -> Engine {
    Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT)
}

fn flag_value(args: &[String], name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    for (i, a) in args.iter().enumerate() {
        if a == name {
            return args.get(i + 1).cloned();
        }
        if let Some(v) = a.strip_prefix(&prefix) {
            return Some(v.to_string());
        }
    }
    None
}

fn fail(msg: &str) -> i32 {
    eprintln!("sspr-lookup: {msg}\n\n{USAGE}");
    2
}

fn list(json: bool) -> i32 {
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
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        for e in &cat.entries {
            let title = e
                .best_locale(&["en"])
                .map(|(l, _)| l.title.as_str())
                .unwrap_or("");
            println!(
                "{:<40} {:<8} [{}] {}",
                e.key,
                e.kind.name(),
                e.languages().join(","),
                title
            );
        }
    }
    0
}

fn eval_cmd(path: &Path, json: bool) -> i32 {
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot read {}: {e}", path.display())),
    };
    let (cases, errors) = eval::parse(&src);
    for e in &errors {
        eprintln!("sspr-lookup: {}: {e} (line skipped)", path.display());
    }
    let r = eval::run(&engine(), &Config::DEFAULT, &cases);
    if json {
        println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    } else {
        print!("{}", r.text());
    }
    0
}

fn project_root() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors()
        .find(|p| p.join("catalog/sources").is_dir() && p.join("Cargo.toml").is_file())
        .map(Path::to_path_buf)
}

fn write_catalog_files(root: &Path, files: &[(String, String)]) -> Result<(), String> {
    let web = root.join("catalog/web");
    std::fs::create_dir_all(&web).map_err(|e| format!("cannot create {}: {e}", web.display()))?;
    // A language that left the catalog leaves no stale file behind.
    if let Ok(dir) = std::fs::read_dir(&web) {
        for f in dir.flatten() {
            let rel = format!("catalog/web/{}", f.file_name().to_string_lossy());
            if rel.ends_with(".txt") && !files.iter().any(|(r, _)| *r == rel) {
                let _ = std::fs::remove_file(f.path());
            }
        }
    }
    for (rel, text) in files {
        let path = root.join(rel);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn regen(check: bool) -> i32 {
    let Some(root) = project_root() else {
        return fail("run this from the project (no catalog/sources/ found)");
    };
    match import::generate(&root) {
        Ok((text, reports)) => {
            let files = import::catalog_files(&text);
            if check {
                for (rel, want) in &files {
                    let cur = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
                    if cur != *want {
                        eprintln!("{rel} is stale: run `cargo run --release -- regen`");
                        return 1;
                    }
                }
                println!("catalog/catalog.txt and catalog/web/ are up to date");
                return 0;
            }
            if let Err(e) = write_catalog_files(&root, &files) {
                return fail(&e);
            }
            for r in &reports {
                print_report(r);
            }
            println!(
                "wrote catalog/catalog.txt ({} bytes) and catalog/web/; rebuild the page to embed it",
                text.len()
            );
            0
        }
        Err(e) => fail(&e),
    }
}

fn import_cmd(files: &[PathBuf], lang: Option<&str>) -> i32 {
    let Some(root) = project_root() else {
        return fail("run import from the project root (no catalog/sources/ found)");
    };
    if let Some(l) = lang {
        if !valid_tag(l) {
            return fail(&format!(
                "--lang {l:?} is not a BCP 47 language tag (like en, sv, nl, cs, de, ja, pt-BR)"
            ));
        }
    }
    let mut names = Vec::new();
    for f in files {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => return fail(&format!("cannot read {}: {e}", f.display())),
        };
        // Refuse before writing anything when the language cannot be told.
        let probe = import::Article {
            file: String::new(),
            text: String::from_utf8_lossy(&bytes).into_owned(),
            lang: lang.map(str::to_string),
        };
        if import::article_language(&probe).is_none() {
            return fail(&format!(
                "cannot tell the language of {} (no front matter, too little text): pass --lang TAG; nothing was written",
                f.display()
            ));
        }
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".into());
        let name = format!(
            "{}.md",
            stem.chars()
                .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                })
                .collect::<String>()
        );
        let dest = root.join("catalog/sources").join(&name);
        if let Err(e) = std::fs::write(&dest, &bytes) {
            return fail(&format!("cannot write {}: {e}", dest.display()));
        }
        let side = dest.with_extension("md.lang");
        match lang {
            Some(l) => {
                let _ = std::fs::write(&side, format!("{l}\n"));
            }
            None => {
                let _ = std::fs::remove_file(&side);
            }
        }
        names.push(name);
    }
    match import::generate(&root) {
        Ok((text, reports)) => {
            for r in reports.iter().filter(|r| names.contains(&r.file)) {
                print_report(r);
            }
            if let Err(e) = write_catalog_files(&root, &import::catalog_files(&text)) {
                return fail(&e);
            }
            println!("wrote catalog/catalog.txt and catalog/web/; rebuild the page (scripts/serve.sh) to embed it");
            0
        }
        Err(e) => fail(&e),
    }
}

fn valid_tag(t: &str) -> bool {
    let mut parts = t.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn print_report(r: &import::Report) {
    println!(
        "== {} — language {} ({}), dated {}",
        r.file,
        r.lang,
        r.lang_reason,
        if r.date.is_empty() {
            "unknown"
        } else {
            &r.date
        }
    );
    println!(
        "   rows placed: {}  aligned to existing entries: {}  new entries: {}  unplaced: {}",
        r.rows.len(),
        r.aligned.len(),
        r.new_entries.len(),
        r.unplaced.len()
    );
    if !r.new_entries.is_empty() {
        println!("   new: {}", r.new_entries.join(", "));
    }
    for u in &r.unplaced {
        println!("   unplaced: {u}");
    }
    for d in &r.superseded {
        println!("   superseded: {d}");
    }
    for d in &r.diagnostics {
        println!("   note: {d}");
    }
}
