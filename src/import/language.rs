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

/// Languages whose regional variants are separate written standards, each published as its
/// own Docs translation (Brazilian and European Portuguese; simplified and traditional
/// Chinese): their catalog tag keeps the region. Every other language is its primary subtag.
const REGIONAL: &[&str] = &["pt", "zh"];

/// The catalog's tag for a language tag: the primary subtag, or the whole tag for a
/// [`REGIONAL`] language (`de-DE` → `de`, `pt-BR` → `pt-br`).
pub fn catalog_tag(t: &str) -> String {
    let t = tag::chinese_standard(t);
    let p = tag::primary(t);
    if REGIONAL.contains(&p) { t } else { p }.to_string()
}

/// The article's language and how it was decided: `--lang`, else the text when it clearly can
/// tell, else the front matter; `None` when nothing tells. The text overrules the front matter
/// only when the detector knows the front matter's language (it cannot contradict what it
/// cannot read); when both agree, the front matter's region is kept for [`REGIONAL`]
/// languages. A given tag or front-matter locale that is not a language tag counts as absent
/// (the reason says so).
pub fn article_language(a: &Article) -> Option<(String, String)> {
    if let Some(t) = a.lang.as_deref().and_then(|l| tag::normalize(l).ok()) {
        return Some((catalog_tag(&t), "given with --lang".to_string()));
    }
    let (fm, body) = markdown::front_matter(&a.text);
    let detected = query::detect(&markdown::strip_translation_spans(body));
    let (fm_lang, fm_note) = match tag::normalize(&fm.locale) {
        Ok(t) => (catalog_tag(&t), String::new()),
        Err(_) if fm.locale.trim().is_empty() => (String::new(), String::new()),
        Err(e) => (
            String::new(),
            format!("; front matter ms.contentlocale ignored: {e}"),
        ),
    };
    let fm_primary = tag::primary(&fm_lang);
    let from_fm = || {
        Some((
            fm_lang.clone(),
            format!("from front matter ({})", fm.locale),
        ))
    };
    match detected {
        Some((d, _)) if !fm_lang.is_empty() && d == fm_primary => from_fm(),
        Some((d, conf))
            if (fm_lang.is_empty() && conf >= TEXT_ALONE)
                || (conf >= TEXT_OVERRIDES_FRONT_MATTER && query::lang::knows(fm_primary)) =>
        {
            let note = if fm_lang.is_empty() {
                format!("detected from the text{fm_note}")
            } else {
                format!(
                    "detected from the text (front matter says {}, which the text contradicts)",
                    fm.locale
                )
            };
            Some((d.to_string(), note))
        }
        _ if !fm_lang.is_empty() => from_fm(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_tags_keep_only_the_regions_that_are_written_differently() {
        let cases = [
            ("de-de", "de"),
            ("pt-br", "pt-br"),
            ("pt-pt", "pt-pt"),
            ("pt", "pt"),
            ("zh-cn", "zh-cn"),
            ("zh-hant-tw", "zh-tw"),
            ("zh-hk", "zh-tw"),
            ("zh-hans", "zh-cn"),
            ("ja-jp", "ja"),
        ];
        for (t, want) in cases {
            assert_eq!(catalog_tag(t), want, "{t}");
        }
    }
}
