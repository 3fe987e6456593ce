//! The project's files: reading `catalog/sources/` (articles and their `.md.lang` sidecars),
//! generating the catalog from them, and the list of generated files.

use super::{build, overrides, Article, Report};

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
    let (cat, reports) = build(&arts, &ov);
    Ok((crate::catalog::format::write(&cat), reports))
}
