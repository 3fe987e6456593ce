//! Which language an article is in: `--lang`, the text, or the front matter.

use super::{markdown, Article};
use crate::query;

/// The article's language and how it was decided: `--lang`, else the text when it clearly can
/// tell (the 2018 English article's front matter says nl-NL), else the front matter; `None`
/// when nothing tells.
pub fn article_language(a: &Article) -> Option<(String, String)> {
    if let Some(l) = &a.lang {
        return Some((l.clone(), "given with --lang".to_string()));
    }
    let (fm, body) = markdown::front_matter(&a.text);
    let detected = query::detect(&markdown::strip_translation_spans(body));
    let fm_lang = fm
        .locale
        .split('-')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match detected {
        Some((d, conf)) if conf >= 0.5 || (fm_lang.is_empty() && conf >= 0.2) => {
            let note = if !fm_lang.is_empty() && fm_lang != d {
                format!(
                    "detected from the text (front matter says {}, which the text contradicts)",
                    fm.locale
                )
            } else {
                "detected from the text".to_string()
            };
            Some((d.to_string(), note))
        }
        _ if !fm_lang.is_empty() => Some((fm_lang, format!("from front matter ({})", fm.locale))),
        _ => None,
    }
}
