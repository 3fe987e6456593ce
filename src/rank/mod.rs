//! Identification: codes first (every code in the paste becomes its own answer), then text
//! (character trigrams, stems and thesaurus concepts weighted by per-language IDF, matched
//! against passages of every localisation, per line or window of lines so that a message inside
//! a long log still stands out), then the rules of evidence that combine them. See
//! ARCHITECTURE.md, "How a lookup works".

pub mod index;
pub mod synonyms;

use crate::answer::{Answer, Confidence, Group, Hit, Note, Reason};
use crate::catalog::{Catalog, Kind};
use crate::hresult;
use crate::query::{self, CodeKind};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use index::{alias_norm, trigrams, word_trigrams, Field, Index, IndexConfig, WordMap};
use std::sync::Mutex;

/// Tuning knobs. Every score is in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Config {
    /// Text score at or above which a text match is high confidence (0.4–0.9; higher: fewer
    /// high answers, more "medium").
    pub text_high: f32,
    /// Text score for medium confidence: the bar for a confident answer (0.3–0.7; lower: more
    /// answers and more false positives on near-misses).
    pub text_medium: f32,
    /// Text score below which a candidate is not even shown as a guess (0.1–0.4).
    pub text_low: f32,
    /// Lead over the next entry needed for high confidence (0–0.2; 0 trusts ties).
    pub margin: f32,
    /// Weight of precision (how much of the query the document explains) against recall (how
    /// much of the document the query covers), 0..=1: 1 ranks by precision only (good for short
    /// partial quotes, bad for near-misses), 0 by recall only.
    pub precision_weight: f32,
    /// Multiplier for meaning/action documents against message documents (0.5–1: lower trusts
    /// paraphrases less).
    pub body_weight: f32,
    /// How much a paste carrying a code the catalog does not know raises the text bar (0–0.3).
    pub foreign_code_penalty: f32,
    /// Share of an entry's second-best passage added to its best (0–0.5; 0 scores an entry by
    /// one passage only, higher rewards paraphrases that echo several paragraphs).
    pub second_passage: f32,
    /// Matched feature mass (Σ squared IDF) below which a text score is scaled down in
    /// proportion (50–400: low lets one common word count, high needs whole sentences).
    pub min_evidence: f32,
    /// Language-detection confidence (0..=1) from which only the paste's language (and English)
    /// is scored; above 1 disables the shortcut. Lower: faster, more risk on mixed pastes.
    pub lang_filter_min: f32,
    /// Minimum fuzzy identifier similarity for a misspelt or partial name (0.5–0.95).
    pub ident_min: f32,
    /// Passages explaining less of the query than this are skipped before scoring (0–0.15; it
    /// must keep `min_precision^precision_weight` below `text_low`, or answers change).
    pub min_precision: f32,
    /// Pastes with more lines than this are scored line by line; shorter ones also in windows of
    /// 2–3 lines, which rejoin a message wrapped over lines (4–40: higher costs time on logs).
    pub max_windowed_lines: usize,
    /// In pastes longer than `max_windowed_lines`, lines with fewer words are log fields, not
    /// messages, and are not scored as text (1–4).
    pub min_line_words: usize,
    /// Bytes of input read for text; the rest is ignored and the answer says so (≥ 2048).
    pub max_text_bytes: usize,
    /// Bytes of input scanned for codes (≥ max_text_bytes).
    pub max_code_bytes: usize,
}

impl Config {
    pub const DEFAULT: Config = Config {
        text_high: 0.50,
        text_medium: 0.31,
        text_low: 0.18,
        margin: 0.06,
        precision_weight: 0.65,
        body_weight: 0.85,
        foreign_code_penalty: 0.15,
        second_passage: 0.2,
        min_evidence: 120.0,
        lang_filter_min: 0.5,
        min_precision: 0.07,
        max_windowed_lines: 12,
        min_line_words: 3,
        ident_min: 0.72,
        max_text_bytes: 16 * 1024,
        max_code_bytes: 256 * 1024,
    };
}

impl Default for Config {
    fn default() -> Self {
        Config::DEFAULT
    }
}

/// Options for one lookup.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub config: Config,
}

struct Engine {
    /// The catalog this index was built from.
    cat: &'static Catalog,
    index: Index,
    matcher: SkimMatcherV2,
}

/// The engine for the catalog as it stands, built on first use and again after the catalog
/// changes (the page adds languages as they arrive). Replaced engines are leaked: at most one
/// per added language.
fn engine() -> &'static Engine {
    static E: Mutex<Option<(usize, &'static Engine)>> = Mutex::new(None);
    let mut slot = E.lock().unwrap_or_else(|e| e.into_inner());
    let generation = crate::catalog::generation();
    match *slot {
        Some((g, eng)) if g == generation => eng,
        _ => {
            let cat = Catalog::embedded();
            let eng: &'static Engine = Box::leak(Box::new(Engine {
                cat,
                index: Index::build(cat, &IndexConfig::DEFAULT),
                matcher: SkimMatcherV2::default(),
            }));
            *slot = Some((generation, eng));
            eng
        }
    }
}

/// Builds the index now (the page calls this at start-up so the first keystroke is fast).
pub fn warm_up() {
    let _ = engine();
}

/// Identifies what `text` is about. Deterministic; never panics; bounded work.
pub fn lookup(text: &str, opts: &Options) -> Answer {
    let cfg = &opts.config;
    let eng = engine();
    let cat = eng.cat;
    let mut answer = Answer::default();
    let code_text = clip(text, cfg.max_code_bytes);
    let body = clip(code_text, cfg.max_text_bytes);
    answer.truncated = body.len() < text.len();
    if answer.truncated {
        answer.notes.push(Note::Truncated {
            kb: body.len() / 1024,
        });
    }

    // 1. Codes.
    let mut code_groups: Vec<(usize, String, Hit)> = Vec::new(); // (position, code text, hit)
    let mut unknown_code = false;
    // The paste names another product's code or another event ("Event ID 4740", AADSTS…):
    // it is about that, so the text alone can suggest entries but not claim one.
    let mut foreign_subject = false;
    let hits = query::extract(code_text);
    let short_query = body.split_whitespace().nth(4).is_none();
    // The same name repeated in a log is matched once.
    let mut ident_cache = WordMap::default(); // name → index into ident_results
    let mut ident_results: Vec<Option<(usize, f32)>> = Vec::new();
    for h in &hits {
        let (key, conf, reason): (Option<String>, Confidence, Option<Reason>) = match h.kind {
            CodeKind::Sspr(n) => {
                let k = format!("SSPR_{n:04}");
                if cat.get(&k).is_some() {
                    (Some(k.clone()), Confidence::High, Some(Reason::Code(k)))
                } else {
                    answer.unknown_codes.push(k);
                    unknown_code = true;
                    (None, Confidence::Low, None)
                }
            }
            CodeKind::Number { n, context } => {
                let k = eng.index.aliases.get(&n.to_string()).copied();
                match k {
                    Some(ei) => {
                        let conf = if context || short_query {
                            Confidence::High
                        } else {
                            Confidence::Medium
                        };
                        (
                            Some(cat.entries[ei].key.clone()),
                            conf,
                            Some(Reason::Number(n.to_string())),
                        )
                    }
                    None => {
                        if context {
                            answer.unknown_codes.push(format!("{n}"));
                            unknown_code = true;
                            foreign_subject = true;
                        }
                        (None, Confidence::Low, None)
                    }
                }
            }
            CodeKind::Hresult(v) => {
                let k = format!("HR_{v:08X}");
                if cat.get(&k).is_some() {
                    (
                        Some(k),
                        Confidence::High,
                        Some(Reason::Hresult(format!("0x{v:08X}"))),
                    )
                } else if let Some(&ei) = eng.index.aliases.get(&format!("0x{v:08x}")) {
                    (
                        Some(cat.entries[ei].key.clone()),
                        Confidence::High,
                        Some(Reason::HresultNamedIn(
                            format!("0x{v:08X}"),
                            cat.entries[ei].key.clone(),
                        )),
                    )
                } else {
                    let d = hresult::decode(v);
                    if !answer.hresults.contains(&d) {
                        answer.hresults.push(d);
                    }
                    unknown_code = true;
                    (None, Confidence::Low, None)
                }
            }
            CodeKind::Foreign => {
                answer.unknown_codes.push(h.text.clone());
                unknown_code = true;
                foreign_subject = true;
                (None, Confidence::Low, None)
            }
            CodeKind::Ident => match match ident_cache.get(&h.text) {
                Some(&i) => ident_results[i],
                None => {
                    let r = fuzzy_ident(eng, &h.text, cfg);
                    ident_cache.insert(h.text.clone(), ident_results.len());
                    ident_results.push(r);
                    r
                }
            } {
                Some((ei, sim)) => {
                    let conf = if sim >= 0.999 {
                        Confidence::High
                    } else {
                        Confidence::Medium
                    };
                    (
                        Some(cat.entries[ei].key.clone()),
                        conf,
                        Some(Reason::Name(h.text.clone())),
                    )
                }
                None => (None, Confidence::Low, None),
            },
        };
        if let (Some(k), Some(reason)) = (key, reason) {
            let score = match conf {
                Confidence::High => 1.0,
                Confidence::Medium => 0.8,
                Confidence::Low => 0.5,
            };
            code_groups.push((
                h.span.start,
                h.text.clone(),
                Hit {
                    key: k,
                    confidence: conf,
                    score,
                    lang: None,
                    spans: vec![(h.span.start, h.span.end)],
                    reason,
                },
            ));
        }
    }
    // Multi-word aliases (MMS(4924), HR 8023042, LDAP_SERVER_POLICY_HINTS_OID, Name = 14).
    for (start, end, ei) in alias_runs(eng, code_text) {
        let key = cat.entries[ei].key.clone();
        code_groups.push((
            start,
            code_text[start..end].to_string(),
            Hit {
                key,
                confidence: Confidence::High,
                score: 1.0,
                lang: None,
                spans: vec![(start, end)],
                reason: Reason::Alias(code_text[start..end].to_string()),
            },
        ));
    }
    // In order of appearance, except that an ADSync event that carries an HRESULT the catalog
    // explains (6329 with 0x8023061f) comes after it: the HRESULT says which 6329 it is.
    let has_hr_entry = code_groups
        .iter()
        .any(|g| cat.get(&g.2.key).is_some_and(|e| e.kind == Kind::Hresult));
    // One entry per code occurrence (a long log can hold thousands): keys computed once, and an
    // O(n log n) sort with the original order as the last key (so it is stable).
    let mut keyed: Vec<((bool, usize, usize), (usize, String, Hit))> = code_groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let wrapper = has_hr_entry && cat.get(&g.2.key).is_some_and(|e| e.kind == Kind::AdSync);
            ((wrapper, g.0, i), g)
        })
        .collect();
    query::sort_by_heap(&mut keyed, |a, b| a.0 < b.0);
    let code_groups: Vec<(usize, String, Hit)> = keyed.into_iter().map(|(_, g)| g).collect();

    // 2. Text.
    let segments = segments(body, cfg);
    // The paste's language, once: it narrows the scan and labels the answer.
    let paste_lang = query::detect(body);
    let text_scores = score_text(eng, body, &segments, paste_lang, cfg);
    let mut ranked: Vec<(usize, f32, usize)> = text_scores
        .iter()
        .enumerate()
        .filter_map(|(e, x)| x.map(|(s, d, _)| (e, s, d)))
        .collect();
    // Best first; the entry index breaks ties, so the order is total and the sort need not be
    // stable.
    query::sort_by_heap(&mut ranked, |a, b| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)) == std::cmp::Ordering::Less
    });
    let bar_raise = if unknown_code && code_groups.is_empty() {
        cfg.foreign_code_penalty
    } else {
        0.0
    };
    let text_only_guesses = foreign_subject && code_groups.is_empty();
    let text_conf = |s: f32, lead: f32| -> Option<Confidence> {
        if text_only_guesses {
            return (s >= cfg.text_low).then_some(Confidence::Low);
        }
        if s >= cfg.text_high + bar_raise && lead >= cfg.margin {
            Some(Confidence::High)
        } else if s >= cfg.text_medium + bar_raise {
            Some(Confidence::Medium)
        } else if s >= cfg.text_low {
            Some(Confidence::Low)
        } else {
            None
        }
    };
    let text_hit = |i: usize| -> Option<Hit> {
        let (e, s, d) = *ranked.get(i)?;
        let next = ranked.get(i + 1).map_or(0.0, |r| r.1);
        let conf = text_conf(s, s - next)?;
        let doc = &eng.index.docs[d];
        let seg = text_scores[e].map(|x| x.2).unwrap_or(0);
        Some(Hit {
            key: cat.entries[e].key.clone(),
            confidence: conf,
            score: s.min(1.0),
            lang: Some(doc.lang.clone()),
            spans: highlight(eng, d, body, &segments, seg),
            reason: Reason::Text(doc.lang.clone()),
        })
    };

    // 3. Evidence: text beats a code it contradicts.
    let best_text = text_hit(0);
    // A screen code whose own text is absent can lose to the text only when it is the paste's
    // one screen code: with several, the text belongs to one of them, not to each.
    let screen_codes = code_groups
        .iter()
        .filter(|g| cat.get(&g.2.key).is_some_and(|e| e.kind == Kind::Screen))
        .count();
    let mut groups: Vec<Group> = Vec::new();
    for (_, code, hit) in code_groups {
        let mut hit = hit;
        if let Some(t) = &best_text {
            let code_text_score = cat
                .index_of(&hit.key)
                .and_then(|i| text_scores[i])
                .map(|x| x.0)
                .unwrap_or(0.0);
            let misprint = cat
                .get(&t.key)
                .is_some_and(|e| e.misprints.iter().any(|m| m.eq_ignore_ascii_case(&hit.key)));
            let contradicts = t.key != hit.key
                && screen_codes == 1
                && t.confidence == Confidence::High
                && code_text_score < cfg.text_low
                && cat.get(&hit.key).is_some_and(|e| e.kind == Kind::Screen);
            if t.key != hit.key && (misprint && t.confidence >= Confidence::Medium || contradicts) {
                let (key, code) = (t.key.clone(), hit.key.clone());
                answer.notes.push(if misprint {
                    Note::Misprint { key, code }
                } else {
                    Note::TextBeatsCode { key, code }
                });
                let mut spans = t.spans.clone();
                spans.extend(hit.spans.iter().copied());
                let old_key = std::mem::replace(&mut hit.key, t.key.clone());
                hit.reason = Reason::TextBeatsCode(old_key);
                hit.spans = spans;
                hit.lang = t.lang.clone();
            }
        }
        match groups.iter_mut().find(|g| g.hits[0].key == hit.key) {
            Some(g) => {
                let h0 = &mut g.hits[0];
                h0.spans.extend(hit.spans);
                if hit.confidence > h0.confidence {
                    h0.confidence = hit.confidence;
                    h0.score = hit.score;
                }
            }
            None => groups.push(Group {
                code: Some(code),
                hits: vec![hit],
            }),
        }
    }
    // Text alone, or text naming an entry that no code in the paste names.
    if let Some(t) = best_text.clone() {
        let conf_ok = t.confidence >= Confidence::Medium;
        if conf_ok && !groups.iter().any(|g| g.hits[0].key == t.key) {
            let mut alts: Vec<Hit> = (1..4)
                .filter_map(text_hit)
                .filter(|h| h.confidence >= Confidence::Medium)
                .collect();
            alts.retain(|h| h.key != t.key);
            let mut hits = vec![t];
            hits.extend(alts);
            // Beside codes, the text is its own answer only when it is sure.
            if groups.is_empty() || hits[0].confidence == Confidence::High {
                groups.push(Group { code: None, hits });
            }
        } else if let Some(g) = groups.iter_mut().find(|g| g.hits[0].key == t.key) {
            // The text confirms a code: attach the language and highlight.
            g.hits[0].lang = t.lang.clone();
            g.hits[0].spans.extend(t.spans.iter().copied());
        }
    }
    for g in &mut groups {
        for h in &mut g.hits {
            query::sort_by_heap(&mut h.spans, |a, b| a < b);
            h.spans.dedup();
        }
    }
    let mut seen_notes = Vec::new();
    answer.notes.retain(|n| {
        let new = !seen_notes.contains(n);
        seen_notes.push(n.clone());
        new
    });
    answer.no_match = !groups
        .iter()
        .any(|g| g.hits.iter().any(|h| h.confidence >= Confidence::Medium));
    if answer.no_match {
        answer.candidates = (0..5)
            .filter_map(text_hit)
            .map(|mut h| {
                h.confidence = Confidence::Low;
                h
            })
            .collect();
        groups.clear();
    }
    answer.groups = groups;
    answer.detected_lang = best_text
        .as_ref()
        .filter(|t| t.confidence >= Confidence::Medium)
        .and_then(|t| t.lang.clone())
        .or_else(|| paste_lang.map(|(l, _)| l.to_string()));
    answer
}

/// `s` cut to at most `max` bytes at a character boundary.
fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Exact alias runs of two or more words, and single-word names, as byte spans.
fn alias_runs(eng: &Engine, text: &str) -> Vec<(usize, usize, usize)> {
    // Folded words go into one buffer (no allocation per word); `ws` holds their spans.
    let mut folded = String::with_capacity(text.len());
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (s, e) in query::word_spans(text).take(20_001) {
        let fs = folded.len();
        for c in text[s..e].chars() {
            query::fold_char(c, &mut folded);
        }
        spans.push((s, e, fs, folded.len()));
    }
    let ws: Vec<(usize, usize, &str)> = spans
        .iter()
        .map(|&(s, e, fs, fe)| (s, e, &folded[fs..fe]))
        .collect();
    let mut out = Vec::new();
    let maxw = eng.index.max_alias_words.min(8);
    let mut i = 0;
    while i < ws.len() {
        let mut matched = 0;
        // Only words that start some alias can start a run.
        let longest = eng
            .index
            .alias_first_words
            .get(ws[i].2)
            .copied()
            .unwrap_or(0);
        for n in (1..=maxw.min(longest).min(ws.len() - i)).rev() {
            let joined = ws[i..i + n]
                .iter()
                .map(|w| w.2)
                .collect::<Vec<_>>()
                .join(" ");
            let sspr_code = joined.strip_prefix("sspr").is_some_and(|r| {
                r.is_empty() || r.starts_with(|c: char| c.is_ascii_digit() || c == 'o')
            });
            if n == 1
                && (joined.chars().all(|c| c.is_ascii_digit())
                    || sspr_code
                    || joined.starts_with("0x")
                    || joined.len() < 5)
            {
                continue; // numbers, SSPR codes and hex are read by the code scanner
            }
            if n > 1 && sspr_code {
                continue;
            }
            if let Some(&ei) = eng.index.aliases.get(&joined) {
                out.push((ws[i].0, ws[i + n - 1].1, ei));
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
    out
}

/// A misspelt or partial identifier (`UserNotProp`, `ServiceBusEror`): the closest alias.
fn fuzzy_ident(eng: &Engine, tok: &str, cfg: &Config) -> Option<(usize, f32)> {
    let norm = alias_norm(tok);
    let t = norm.replace(' ', "");
    if t.len() < 6 {
        return None;
    }
    if eng.index.aliases.contains_key(&norm) {
        return None; // exact aliases are found by alias_runs
    }
    let mut best: Option<(usize, f32)> = None;
    let prefix4 = &t[..t.char_indices().nth(4).map_or(t.len(), |(i, _)| i)];
    for (name, ei) in &eng.index.idents {
        // Cheap rejections first: far in length and not a prefix of the name.
        if name.len().abs_diff(t.len()) > 3 && !name.starts_with(prefix4) {
            continue;
        }
        let dist = edit_distance(&t, name, 3);
        let mut sim = if dist > 3 {
            0.0
        } else {
            1.0 - dist as f32 / name.len().max(t.len()) as f32
        };
        // A prefix or subsequence of a long name (UserNotProp, ADMutli).
        if t.len() >= 7 && t.len() < name.len() {
            if let Some(s) = eng.matcher.fuzzy_match(name, &t) {
                let prefix = name.starts_with(prefix4);
                let cover = t.len() as f32 / name.len() as f32;
                if prefix && s > 0 {
                    sim = sim.max(0.75 + 0.25 * cover);
                }
            }
        }
        if sim >= cfg.ident_min && best.is_none_or(|b| sim > b.1) {
            best = Some((*ei, sim));
        }
    }
    best
}

/// Levenshtein distance with an early exit above `cap`.
fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The passage ranges worth scoring: when the paste is confidently in a catalog language, that
/// language's passages and English ones (logs mix in English); otherwise all of them.
fn scored_ranges(ix: &Index, paste_lang: Option<(&str, f32)>, cfg: &Config) -> Vec<(u32, u32)> {
    let all = vec![(0, ix.docs.len() as u32)];
    let Some((lang, conf)) = paste_lang else {
        return all;
    };
    if conf < cfg.lang_filter_min || !ix.lang_ranges.iter().any(|(l, _, _)| l == lang) {
        return all;
    }
    ix.lang_ranges
        .iter()
        .filter(|(l, _, _)| l == lang || l == "en")
        .map(|(_, a, b)| (*a, *b))
        .collect()
}

/// A piece of the paste scored on its own: a line, or a window of adjacent lines.
struct Segment {
    start: usize,
    end: usize,
}

/// Lines (long ones split at sentence ends), with noise tokens (GUIDs, dates, e-mail) blanked
/// later by the trigram step, plus windows of 2–3 adjacent lines and the whole paste when short.
fn segments(text: &str, cfg: &Config) -> Vec<Segment> {
    let mut lines: Vec<Segment> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let s = pos;
        pos += line.len();
        if line.trim().is_empty() {
            continue;
        }
        // Split long lines at sentence boundaries.
        let mut seg_start = s;
        let bytes = line.as_bytes();
        for (i, c) in line.char_indices() {
            let abs = s + i;
            if (c == '.' || c == '!' || c == '?')
                && abs - seg_start > 160
                && bytes.get(i + 1).is_none_or(|b| *b == b' ')
            {
                lines.push(Segment {
                    start: seg_start,
                    end: abs + 1,
                });
                seg_start = abs + 1;
            }
        }
        lines.push(Segment {
            start: seg_start,
            end: pos,
        });
        if lines.len() >= 400 {
            break;
        }
    }
    let mut out = Vec::new();
    let n = lines.len();
    // Windows of 2–3 lines rejoin a message wrapped over lines; a long log is read line by line
    // (its messages stand on one line each), which bounds the work.
    let windows = if n <= cfg.max_windowed_lines { 3 } else { 1 };
    for i in 0..n {
        out.push(Segment {
            start: lines[i].start,
            end: lines[i].end,
        });
        for w in 2..=windows {
            if i + w <= n {
                out.push(Segment {
                    start: lines[i].start,
                    end: lines[i + w - 1].end,
                });
            }
        }
    }
    if n > 3 && text.len() <= 600 {
        out.push(Segment {
            start: 0,
            end: text.len(),
        });
    }
    out
}

/// Removes tokens that carry no language: GUIDs, dates, e-mails, URLs, hex, long numbers.
fn strip_noise(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| {
            let digits = w.chars().filter(|c| c.is_ascii_digit()).count();
            !(w.contains('@')
                || w.contains("://")
                || digits * 2 > w.len()
                || (w.len() >= 8 && w.chars().all(|c| c.is_ascii_hexdigit() || c == '-')))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Best text score per entry over all segments: (score, doc index, segment index).
fn score_text(
    eng: &Engine,
    body: &str,
    segs: &[Segment],
    paste_lang: Option<(&str, f32)>,
    cfg: &Config,
) -> Vec<Option<(f32, usize, usize)>> {
    let ix = &eng.index;
    let mut best: Vec<Option<(f32, usize, usize)>> = vec![None; eng.cat.entries.len()];
    let mut acc = vec![0f32; ix.docs.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut tris = Vec::new();
    // Per entry for the current segment: (best, second best, best passage); reset via `entries`.
    let mut seg_best: Vec<(f32, f32, usize)> = vec![(0.0, 0.0, 0); eng.cat.entries.len()];
    let mut entries: Vec<usize> = Vec::new();
    let unknown_weight = (1.0 + ix.docs.len() as f32).ln().powi(2);
    let ranges = scored_ranges(ix, paste_lang, cfg);
    let long_paste = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .nth(cfg.max_windowed_lines)
        .is_some();
    let mut seen_text = WordMap::default();
    for (si, seg) in segs.iter().enumerate() {
        let clean = query::fold(&strip_noise(&body[seg.start..seg.end]));
        // In a long paste, a line of one or two words ("Level: Error", "Source: ADSync") is a
        // log field, not a message: its codes were read above.
        if long_paste && query::words(&clean).take(cfg.min_line_words).count() < cfg.min_line_words
        {
            continue;
        }
        if seen_text.insert(clean.clone(), 0).is_some() {
            continue; // a line repeated in a log (but for its GUID or date) scores as before
        }
        trigrams(&clean, &mut tris);
        if tris.len() < 4 {
            continue;
        }
        // Query mass: indexed features by weight, unknown ones at the highest weight (they are
        // words no passage has), stop features not at all.
        let mut qmass = 0.0;
        for t in &tris {
            match ix.postings.get(t) {
                Some((w, p)) => {
                    qmass += w;
                    for &(lo, hi) in &ranges {
                        let (a, b) = (
                            p.partition_point(|&d| d < lo),
                            p.partition_point(|&d| d < hi),
                        );
                        for &d in &p[a..b] {
                            if acc[d as usize] == 0.0 {
                                touched.push(d);
                            }
                            acc[d as usize] += w;
                        }
                    }
                }
                None if ix.stop.contains_key(t) => {}
                None => qmass += unknown_weight,
            }
        }
        if qmass <= 0.0 {
            for &d in &touched {
                acc[d as usize] = 0.0;
            }
            touched.clear();
            continue;
        }
        // Per entry: the best passage, plus a share of the next best (evidence that adds up:
        // a paraphrase of an entry often echoes more than one of its paragraphs).
        let w = cfg.precision_weight;
        for &d in &touched {
            let m = acc[d as usize];
            acc[d as usize] = 0.0;
            let p = m / qmass;
            // s ≤ p^w, so a passage explaining under min_precision of the query cannot reach
            // even a low score: skip the expensive part.
            if p < cfg.min_precision {
                continue;
            }
            let doc = &ix.docs[d as usize];
            let r = (m / doc.norm.max(1e-6)).min(1.0);
            // Too little matched text (one common word) is no evidence, however precise.
            let evidence = (m / cfg.min_evidence).min(1.0);
            let mut s = (w * p.ln() + (1.0 - w) * r.ln()).exp() * doc.weight * evidence;
            if doc.field == Field::Body {
                s *= cfg.body_weight;
            }
            let e = &mut seg_best[doc.entry];
            if e.0 == 0.0 && e.1 == 0.0 {
                entries.push(doc.entry);
            }
            if s > e.0 {
                *e = (s, e.0, d as usize);
            } else if s > e.1 {
                e.1 = s;
            }
        }
        for &entry in &entries {
            let (b1, b2, d) = std::mem::replace(&mut seg_best[entry], (0.0, 0.0, 0));
            let s = b1 + cfg.second_passage * b2;
            let e = best[entry].get_or_insert((0.0, d, si));
            if s > e.0 {
                *e = (s, d, si);
            }
        }
        entries.clear();
        touched.clear();
    }
    best
}

/// Query words whose trigrams mostly occur in the matched document.
fn highlight(
    eng: &Engine,
    doc: usize,
    body: &str,
    segs: &[Segment],
    seg: usize,
) -> Vec<(usize, usize)> {
    let Some(s) = segs.get(seg) else {
        return vec![];
    };
    let ix = &eng.index;
    let mut out = Vec::new();
    let text = &body[s.start..s.end];
    for (st, en) in query::word_spans(text) {
        let tris = word_trigrams(&query::fold(&text[st..en]));
        if tris.len() >= 3 {
            let hit = tris
                .iter()
                .filter(|t| {
                    ix.postings
                        .get(t)
                        .is_some_and(|p| p.1.binary_search(&(doc as u32)).is_ok())
                        || ix.stop.contains_key(t)
                })
                .count();
            if hit * 3 >= tris.len() * 2 {
                out.push((s.start + st, s.start + en));
            }
        }
    }
    out
}

/// The best text candidates for `text` with their scores (for `sspr-lookup explain`).
pub fn explain(text: &str, opts: &Options) -> Vec<(String, String, &'static str, f32)> {
    let eng = engine();
    let cat = eng.cat;
    let body = clip(text, opts.config.max_text_bytes);
    let segs = segments(body, &opts.config);
    let mut v: Vec<(String, String, &'static str, f32)> =
        score_text(eng, body, &segs, query::detect(body), &opts.config)
            .into_iter()
            .enumerate()
            .filter_map(|(e, x)| x.map(|v| (e, v)))
            .map(|(e, (s, d, _))| {
                let doc = &eng.index.docs[d];
                (
                    cat.entries[e].key.clone(),
                    doc.lang.clone(),
                    if doc.field == Field::Message {
                        "message"
                    } else {
                        "body"
                    },
                    s,
                )
            })
            .collect();
    v.sort_by(|a, b| b.3.total_cmp(&a.3));
    v.truncate(10);
    v
}
