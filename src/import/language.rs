//! Which language an article is in: `--lang`, the text, or the front matter. Every tag that
//! comes from the article or the user goes through [`tag::normalize`]: a tag names a file.

use super::{markdown, Article};
use crate::catalog::tag;
use crate::query;

/// Detection confidence at which the text wins over the front matter (the 2018 English
/// article's front matter says nl-NL).
const TEXT_OVERRIDES_FRONT_MATTER: f32 = 0.5;
/// Detection confidence that is enough when the front matter names no language.
const TEXT_ALONE: f32 = 0.2;

/// The article's language and how it was decided: `--lang`, else the text when it clearly can
/// tell, else the front matter; `None` when nothing tells. A given tag or front-matter locale
/// that is not a language tag counts as absent (the reason says so).
pub fn article_language(a: &Article) -> Option<(String, String)> {
    if let Some(t) = a.lang.as_deref().and_then(|l| tag::normalize(l).ok()) {
        return Some((t, "given with --lang".to_string()));
    }
    let (fm, body) = markdown::front_matter(&a.text);
    let detected = query::detect(&markdown::strip_translation_spans(body));
    let (fm_lang, fm_note) = match tag::normalize(&fm.locale) {
        Ok(t) => (tag::primary(&t).to_string(), String::new()),
        Err(_) if fm.locale.trim().is_empty() => (String::new(), String::new()),
        Err(e) => (
            String::new(),
            format!("; front matter ms.contentlocale ignored: {e}"),
        ),
    };
    match detected {
        Some((d, conf))
            if conf >= TEXT_OVERRIDES_FRONT_MATTER
                || (fm_lang.is_empty() && conf >= TEXT_ALONE) =>
        {
            let note = if !fm_lang.is_empty() && fm_lang != d {
                format!(
                    "detected from the text (front matter says {}, which the text contradicts)",
                    fm.locale
                )
            } else {
                format!("detected from the text{fm_note}")
            };
            Some((d.to_string(), note))
        }
        _ if !fm_lang.is_empty() => Some((fm_lang, format!("from front matter ({})", fm.locale))),
        _ => None,
    }
}
