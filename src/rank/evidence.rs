//! Step 3 of a lookup: the rules of evidence that combine what the codes and the text say into
//! one answer. Text beats a code it contradicts; a paste about another product's code only gets
//! guesses; a paste carrying codes the catalog lacks needs stronger text; confidence comes from
//! the `Config` thresholds, and below medium the answer is "no confident match" with guesses.

use super::codes::{CodeFindings, CodeMatch};
use super::text::TextMatches;
use super::{Config, Engine};
use crate::answer::{Answer, Confidence, Group, Hit, Note, Reason};
use crate::catalog::Kind;
use crate::compact::sort_by_heap;

/// How a text score becomes a confidence, given what the codes said.
struct TextBar<'c> {
    cfg: &'c Config,
    /// Added to the medium and high bars when the paste carries only codes we do not know.
    raise: f32,
    /// The paste is about another product's code, or ranked by phrases while it names nothing
    /// of the catalog's subject (`text::SUBJECT`): text can only suggest (low confidence).
    guesses_only: bool,
    /// Ranks by phrases too (people's words, `catalog/phrases/`), under the phrase rules.
    phrases: bool,
}

impl TextBar<'_> {
    /// The confidence of text score `score`, ahead of the next entry's by `lead`, `first` in
    /// the ranking or not. A match ranked by phrases (people's words, not the article's) must
    /// clear higher bars, lowered for the first when it stands clear of the rest.
    fn confidence(&self, score: f32, lead: f32, first: bool) -> Option<Confidence> {
        let cfg = self.cfg;
        if self.guesses_only {
            return (score >= cfg.text_low).then_some(Confidence::Low);
        }
        let raise = self.raise + if self.phrases { cfg.phrase_raise } else { 0.0 };
        // A phrase answer standing clear of the next entry needs less.
        let medium_raise = if self.phrases && first && lead >= cfg.phrase_lead {
            self.raise + cfg.phrase_led_raise.min(cfg.phrase_raise)
        } else {
            raise
        };
        if score >= cfg.text_high + raise && lead >= cfg.margin {
            Some(Confidence::High)
        } else if score >= cfg.text_medium + medium_raise {
            Some(Confidence::Medium)
        } else if score >= cfg.text_low {
            Some(Confidence::Low)
        } else {
            None
        }
    }

    /// The `i`-th best text match as a hit, if it clears the low bar.
    fn hit(&self, eng: &Engine, text: &TextMatches, i: usize) -> Option<Hit> {
        let (r, lead) = text.ranked(i, self.phrases)?;
        let conf = self.confidence(r.score, lead, i == 0)?;
        Some(text.hit(eng, &r, conf))
    }
}

/// Combines the findings of steps 1 and 2 into the answer.
pub fn decide(eng: &Engine, codes: CodeFindings, text: &mut TextMatches, cfg: &Config) -> Answer {
    let mut bar = TextBar {
        cfg,
        raise: if codes.unknown_code && codes.matches.is_empty() {
            cfg.foreign_code_penalty
        } else {
            0.0
        },
        guesses_only: codes.foreign_subject && codes.matches.is_empty(),
        phrases: false,
    };
    let mut best_text = bar.hit(eng, text, 0);
    // The articles' answer the phrases contradicted: kept among the guesses.
    let mut contested = None;
    // A paste without codes (ours or another product's: one carrying a code is an error's text)
    // that the articles' text does not answer, or answers only weakly, may be a description in
    // people's words: it is ranked by phrases too.
    let description = codes.matches.is_empty() && !codes.unknown_code;
    // Whether the paste is scored against the phrases, and to what end: `Some(false)`, the
    // articles do not answer, so the phrases' ranking decides, under its own bars;
    // `Some(true)`, the articles' answer is weak, and stands unless the phrases would
    // confidently answer another entry (two rankings naming two entries is no confident
    // match; the guesses are the phrases' ranking, and the articles' answer if it is not in
    // it); `None`, the articles' answer is sure enough to stand alone.
    let contest = match best_text.as_ref().map(|h| (h.confidence, h.score)) {
        _ if !description => None,
        Some((Confidence::High, _)) => None,
        Some((Confidence::Medium, s)) if s >= cfg.contest_below => None,
        Some((Confidence::Medium, _)) => Some(true),
        _ => Some(false),
    };
    if let Some(contest) = contest {
        // To contest, only the segment (a line, or a window of lines) the answer came from: is
        // that text better described by another entry? (One segment also bounds the cost.)
        let article = text.ranked(0, false);
        let only = article.filter(|_| contest).map(|(r, _)| r.segment);
        text.rank_by_phrases(eng, cfg, only);
        let by_phrases = TextBar {
            phrases: text.has_phrases(),
            guesses_only: bar.guesses_only || text.has_phrases() && !text.names_subject(),
            ..bar
        };
        if !contest {
            bar = by_phrases;
            best_text = bar.hit(eng, text, 0);
        } else if text.ranked(0, true).is_some_and(|(p, lead)| {
            by_phrases.phrases
                && article.is_some_and(|(a, _)| a.entry != p.entry)
                && by_phrases.confidence(p.score, lead, true) >= Some(Confidence::Medium)
        }) {
            bar = by_phrases;
            contested = best_text.take();
        }
    }
    let mut answer = Answer {
        unknown_codes: codes.unknown_codes,
        hresults: codes.hresults,
        ..Answer::default()
    };
    let mut groups = code_groups(
        eng,
        codes.matches,
        best_text.as_ref(),
        text,
        cfg,
        &mut answer.notes,
    );
    if let Some(t) = &best_text {
        add_text_group(eng, &mut groups, t, text, &bar);
    }
    for g in &mut groups {
        for h in &mut g.hits {
            sort_by_heap(&mut h.spans, |a, b| a < b);
            h.spans.dedup();
        }
    }
    dedup_notes(&mut answer.notes);
    answer.no_match = !groups
        .iter()
        .any(|g| g.hits.iter().any(|h| h.confidence >= Confidence::Medium));
    if answer.no_match {
        answer.candidates = guesses(eng, text, &bar, contested);
        groups.clear();
    }
    answer.groups = groups;
    answer.detected_lang = best_text
        .as_ref()
        .filter(|t| t.confidence >= Confidence::Medium)
        .and_then(|t| t.lang.clone())
        .or_else(|| text.paste_lang.map(|(l, _)| l.to_string()));
    answer
}

/// The guesses shown with "no confident match": the best `max_guesses` of the ranking `bar`
/// reads (by phrases, none that describes the paste worse than another product's problem
/// does: see `TextMatches::rank_by_phrases`), and the contested articles' answer among them
/// (last, if it is not in the list already).
fn guesses(eng: &Engine, text: &TextMatches, bar: &TextBar, contested: Option<Hit>) -> Vec<Hit> {
    let n = bar.cfg.max_guesses;
    let mut out: Vec<Hit> = (0..n).filter_map(|i| bar.hit(eng, text, i)).collect();
    if let Some(c) = contested {
        if n > 0 && !out.iter().any(|h| h.key == c.key) {
            out.truncate(n - 1);
            out.push(c);
        }
    }
    for h in &mut out {
        h.confidence = Confidence::Low;
    }
    out
}

/// One group per code, in order; a code whose entry the text contradicts is replaced by the
/// entry the text names (with a note), and codes naming the same entry share its group.
fn code_groups(
    eng: &Engine,
    matches: Vec<CodeMatch>,
    best_text: Option<&Hit>,
    text: &TextMatches,
    cfg: &Config,
    notes: &mut Vec<Note>,
) -> Vec<Group> {
    let cat = &eng.catalog;
    let is_screen = |k: &str| cat.get(k).is_some_and(|e| e.kind == Kind::Screen);
    // A screen code whose own text is absent can lose to the text only when it is the paste's
    // one screen code: with several, the text belongs to one of them, not to each.
    let screen_codes = matches.iter().filter(|m| is_screen(&m.hit.key)).count();
    let mut groups: Vec<Group> = Vec::new();
    for m in matches {
        let mut hit = m.hit;
        if let Some(t) = best_text {
            let code_text_score = cat.index_of(&hit.key).map_or(0.0, |i| text.score_of(i));
            let misprint = cat
                .get(&t.key)
                .is_some_and(|e| e.misprints.iter().any(|p| p.eq_ignore_ascii_case(&hit.key)));
            let contradicts = t.key != hit.key
                && screen_codes == 1
                && t.confidence == Confidence::High
                && code_text_score < cfg.text_low
                && is_screen(&hit.key);
            if t.key != hit.key && (misprint && t.confidence >= Confidence::Medium || contradicts) {
                notes.push(text_wins(&mut hit, t, misprint));
            }
        }
        match groups.iter_mut().find(|g| g.hits[0].key == hit.key) {
            Some(g) => merge_into(&mut g.hits[0], hit),
            None => groups.push(Group {
                code: Some(m.code),
                hits: vec![hit],
            }),
        }
    }
    groups
}

/// The text `t` overrules the code behind `hit`: the hit becomes the text's entry.
fn text_wins(hit: &mut Hit, t: &Hit, misprint: bool) -> Note {
    let (key, code) = (t.key.clone(), hit.key.clone());
    let note = if misprint {
        Note::Misprint { key, code }
    } else {
        Note::TextBeatsCode { key, code }
    };
    let mut spans = t.spans.clone();
    spans.extend(hit.spans.iter().copied());
    let old_key = std::mem::replace(&mut hit.key, t.key.clone());
    hit.reason = Reason::TextBeatsCode { code: old_key };
    hit.spans = spans;
    hit.lang = t.lang.clone();
    note
}

/// A second code for the same entry: its spans join, and the surer confidence stays.
fn merge_into(h0: &mut Hit, hit: Hit) {
    h0.spans.extend(hit.spans);
    if hit.confidence > h0.confidence {
        h0.confidence = hit.confidence;
        h0.score = hit.score;
    }
}

/// Text alone, or text naming an entry that no code in the paste names, is its own group (beside
/// codes only when it is sure); text naming a code's entry confirms it.
fn add_text_group(
    eng: &Engine,
    groups: &mut Vec<Group>,
    t: &Hit,
    text: &TextMatches,
    bar: &TextBar,
) {
    let conf_ok = t.confidence >= Confidence::Medium;
    if conf_ok && !groups.iter().any(|g| g.hits[0].key == t.key) {
        // Close candidates under a confident answer, each with its own confidence (low ones
        // too: `bar.hit` keeps what clears the low bar).
        let mut alts: Vec<Hit> = (1..=bar.cfg.max_alternatives)
            .filter_map(|i| bar.hit(eng, text, i))
            .collect();
        alts.retain(|h| h.key != t.key);
        let mut hits = vec![t.clone()];
        hits.extend(alts);
        if groups.is_empty() || hits[0].confidence == Confidence::High {
            groups.push(Group { code: None, hits });
        }
    } else if let Some(g) = groups.iter_mut().find(|g| g.hits[0].key == t.key) {
        // The text confirms a code: attach the language and highlight.
        g.hits[0].lang = t.lang.clone();
        g.hits[0].spans.extend(t.spans.iter().copied());
    }
}

/// Each note once, in first-seen order.
fn dedup_notes(notes: &mut Vec<Note>) {
    let mut seen: Vec<Note> = Vec::new();
    notes.retain(|n| {
        let new = !seen.contains(n);
        if new {
            seen.push(n.clone());
        }
        new
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bars under `Config::DEFAULT`: a phrase answer needs more than an articles' one,
    /// less when it is first and clear of the next entry by `phrase_lead`.
    #[test]
    fn phrase_answers_clear_of_the_rest_meet_a_lower_bar() {
        let cfg = Config::DEFAULT;
        let bar = |phrases| TextBar {
            cfg: &cfg,
            raise: 0.0,
            guesses_only: false,
            phrases,
        };
        use Confidence::{High, Low, Medium};
        let led = cfg.text_medium + cfg.phrase_led_raise; // 0.45
        let full = cfg.text_medium + cfg.phrase_raise; // 0.53

        // (score, lead, first, ranked by phrases, confidence)
        let cases: &[(f32, f32, bool, bool, Option<Confidence>)] = &[
            (led + 0.01, cfg.phrase_lead, true, true, Some(Medium)),
            (led + 0.01, cfg.phrase_lead - 0.01, true, true, Some(Low)),
            // Only the first: an alternative clear of the one after it does not get the lower bar.
            (led + 0.01, cfg.phrase_lead, false, true, Some(Low)),
            (led - 0.01, 0.3, true, true, Some(Low)),
            (full + 0.01, 0.0, true, true, Some(Medium)),
            (full + 0.01, 0.0, false, true, Some(Medium)),
            // The articles' own bars are unchanged.
            (cfg.text_medium + 0.01, 0.0, true, false, Some(Medium)),
            (cfg.text_high + 0.01, cfg.margin, true, false, Some(High)),
            (
                cfg.text_high + cfg.phrase_raise + 0.01,
                cfg.margin,
                true,
                true,
                Some(High),
            ),
            (cfg.text_low - 0.01, 0.5, true, true, None),
        ];
        for &(score, lead, first, phrases, want) in cases {
            assert_eq!(
                bar(phrases).confidence(score, lead, first),
                want,
                "score {score} lead {lead} first {first} phrases {phrases}"
            );
        }
    }
}
