//! Step 1 of a lookup: the codes in the paste (from `query::extract`) and multi-word aliases,
//! each turned into the catalog entry it names, or noted as unknown or foreign.

use super::{Config, Engine};
use crate::answer::{Confidence, Hit, Reason, Unknown, UnknownCode};
use crate::catalog::{key, Kind};
use crate::compact::{sort_by_heap, WordMap};
use crate::hresult::{self, Decoded};
use crate::query::{self, CodeHit, CodeKind};
use fuzzy_matcher::FuzzyMatcher;

/// A code in the paste and the entry it names.
#[derive(Clone, Debug)]
pub struct CodeMatch {
    /// Byte offset of the code in the paste (for the order of appearance).
    pub start: usize,
    /// The code as it stands in the paste.
    pub code: String,
    pub hit: Hit,
}

/// What the codes of a paste say.
#[derive(Debug, Default)]
pub struct CodeFindings {
    /// Known codes, in the order their answers are shown.
    pub matches: Vec<CodeMatch>,
    /// The paste carries a code the catalog does not explain (it raises the text bar).
    pub unknown_code: bool,
    /// The paste names another product's code or another event ("Event ID 4740", AADSTS…):
    /// it is about that, so the text alone can suggest entries but not claim one.
    pub foreign_subject: bool,
    /// Unknown SSPR/event codes and other products' codes, as named to the reader, each once.
    pub unknown_codes: Vec<UnknownCode>,
    /// HRESULTs the catalog lacks, decoded, each once.
    pub hresults: Vec<Decoded>,
}

/// Where a code match came from, before it becomes a [`Hit`].
struct Named {
    entry: usize,
    confidence: Confidence,
    reason: Reason,
}

/// Below this many words a paste is a bare code or close to it: a known event number in it is
/// the subject even without a context word such as "Event ID".
const SHORT_QUERY_WORDS: usize = 5;

/// Finds every code in `code_text` and what it names.
pub fn find(eng: &Engine, code_text: &str, body: &str, cfg: &Config) -> CodeFindings {
    let mut f = CodeFindings::default();
    let short_query = body.split_whitespace().nth(SHORT_QUERY_WORDS - 1).is_none();
    let mut idents = IdentCache::default();
    let mut seen_hresults = WordMap::default();
    for h in &query::extract(code_text) {
        let named = match h.kind {
            CodeKind::Sspr(n) => sspr(eng, n, &mut f),
            CodeKind::Number { n, context } => {
                number(eng, n, context || short_query, context, &mut f)
            }
            CodeKind::Hresult(v) => hresult_code(eng, v, &mut f, &mut seen_hresults),
            // Named from its number: `aadsts050126` is AADSTS50126, once.
            CodeKind::SignIn(n) => unknown(
                &mut f,
                ["AADSTS", &n.to_string()].concat(),
                Unknown::SignIn(n),
            ),
            CodeKind::Foreign => unknown(&mut f, h.text.clone(), Unknown::Foreign),
            CodeKind::Ident => idents.get(eng, &h.text, cfg).map(|(entry, sim)| Named {
                entry,
                confidence: if sim >= EXACT_NAME {
                    Confidence::High
                } else {
                    Confidence::Medium
                },
                reason: Reason::Name {
                    name: h.text.clone(),
                },
            }),
        };
        if let Some(n) = named {
            f.matches.push(code_match(eng, h, n));
        }
    }
    for (start, end, entry) in alias_runs(eng, code_text) {
        let text = code_text[start..end].to_string();
        f.matches.push(CodeMatch {
            start,
            code: text.clone(),
            hit: code_hit(
                eng,
                entry,
                Confidence::High,
                (start, end),
                Reason::Alias { alias: text },
            ),
        });
    }
    order(eng, &mut f.matches);
    dedup(&mut f.unknown_codes);
    f
}

/// Each code once, in first-seen order (a set: a log may repeat one thousands of times).
fn dedup(codes: &mut Vec<UnknownCode>) {
    let mut seen = WordMap::default();
    codes.retain(|c| seen.insert(c.code.clone(), 0).is_none());
}

/// A code the catalog does not explain. Any but an SSPR code names another product's error
/// or another event: the paste is about that, not about an entry of ours.
fn unknown(f: &mut CodeFindings, code: String, kind: Unknown) -> Option<Named> {
    f.unknown_codes.push(UnknownCode { code, kind });
    f.unknown_code = true;
    f.foreign_subject |= kind != Unknown::Sspr;
    None
}

/// A name similarity at or above this is the name itself (only case or separators differ).
const EXACT_NAME: f32 = 0.999;

fn code_match(eng: &Engine, h: &CodeHit, n: Named) -> CodeMatch {
    CodeMatch {
        start: h.span.start,
        code: h.text.clone(),
        hit: code_hit(
            eng,
            n.entry,
            n.confidence,
            (h.span.start, h.span.end),
            n.reason,
        ),
    }
}

fn code_hit(
    eng: &Engine,
    entry: usize,
    confidence: Confidence,
    span: (usize, usize),
    reason: Reason,
) -> Hit {
    Hit {
        key: eng.catalog.entries[entry].key.clone(),
        confidence,
        score: code_score(confidence),
        lang: None,
        spans: vec![span],
        reason,
    }
}

/// The score shown for a code match of each confidence (a code is near-certain evidence).
fn code_score(c: Confidence) -> f32 {
    match c {
        Confidence::High => 1.0,
        Confidence::Medium => 0.8,
        Confidence::Low => 0.5,
    }
}

fn sspr(eng: &Engine, n: u32, f: &mut CodeFindings) -> Option<Named> {
    let k = key::sspr(n);
    match eng.catalog.index_of(&k) {
        Some(entry) => Some(Named {
            entry,
            confidence: Confidence::High,
            reason: Reason::Code { code: k },
        }),
        None => unknown(f, k, Unknown::Sspr),
    }
}

/// An event number: high confidence with a context word or in a short paste, medium inside
/// longer text (a 4–5 digit number there may be something else).
fn number(eng: &Engine, n: u32, sure: bool, context: bool, f: &mut CodeFindings) -> Option<Named> {
    match eng.index.aliases.get(&n.to_string()).copied() {
        Some(entry) => Some(Named {
            entry,
            confidence: if sure {
                Confidence::High
            } else {
                Confidence::Medium
            },
            reason: Reason::Number {
                number: n.to_string(),
            },
        }),
        None => {
            if context {
                unknown(f, n.to_string(), Unknown::Number);
            }
            None
        }
    }
}

/// An HRESULT: its own entry, an entry whose text names it, or decoded for the reader.
fn hresult_code(eng: &Engine, v: u32, f: &mut CodeFindings, seen: &mut WordMap) -> Option<Named> {
    let shown = key::hresult_display(v);
    if let Some(entry) = eng.catalog.index_of(&key::hresult(v)) {
        return Some(Named {
            entry,
            confidence: Confidence::High,
            reason: Reason::Hresult { hresult: shown },
        });
    }
    if let Some(&entry) = eng.index.aliases.get(&format!("0x{v:08x}")) {
        let named_in = eng.catalog.entries[entry].key.clone();
        return Some(Named {
            entry,
            confidence: Confidence::High,
            reason: Reason::HresultNamedIn {
                hresult: shown,
                key: named_in,
            },
        });
    }
    // Each HRESULT once, however often a log repeats it (a set: a paste may hold thousands).
    if seen.insert(shown, 0).is_none() {
        f.hresults.push(hresult::decode(v));
    }
    f.unknown_code = true;
    None
}

/// In order of appearance, except that an ADSync event that carries an HRESULT the catalog
/// explains (6329 with 0x8023061f) comes after it: the HRESULT says which 6329 it is.
fn order(eng: &Engine, matches: &mut Vec<CodeMatch>) {
    let kind = |m: &CodeMatch| eng.catalog.get(&m.hit.key).map(|e| e.kind);
    let has_hr_entry = matches.iter().any(|m| kind(m) == Some(Kind::Hresult));
    // One entry per code occurrence (a long log can hold thousands): keys computed once, and an
    // O(n log n) sort with the original order as the last key (so it is stable).
    let mut keyed: Vec<((bool, usize, usize), CodeMatch)> = std::mem::take(matches)
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            (
                (has_hr_entry && kind(&m) == Some(Kind::AdSync), m.start, i),
                m,
            )
        })
        .collect();
    sort_by_heap(&mut keyed, |a, b| a.0 < b.0);
    *matches = keyed.into_iter().map(|(_, m)| m).collect();
}

/// The same name repeated in a log is matched once.
#[derive(Default)]
struct IdentCache {
    /// Name → index into `results`.
    names: WordMap,
    results: Vec<Option<(usize, f32)>>,
}

impl IdentCache {
    fn get(&mut self, eng: &Engine, name: &str, cfg: &Config) -> Option<(usize, f32)> {
        if let Some(&i) = self.names.get(name) {
            return self.results[i];
        }
        let r = fuzzy_ident(eng, name, cfg);
        self.names.insert(name.to_string(), self.results.len());
        self.results.push(r);
        r
    }
}

/// Words of a paste read for multi-word aliases (a bound on the work for any paste; a log
/// longer than this has shown its codes long before).
const MAX_ALIAS_SCAN_WORDS: usize = 20_001;
/// The longest alias looked for, in words.
const MAX_ALIAS_WORDS: usize = 8;
/// One-word aliases shorter than this are too likely to be ordinary words.
const MIN_ONE_WORD_ALIAS: usize = 5;

/// Exact alias runs of two or more words, and single-word names, as byte spans and entry.
fn alias_runs(eng: &Engine, text: &str) -> Vec<(usize, usize, usize)> {
    let words = FoldedWords::new(text);
    let ws = words.list();
    let mut out = Vec::new();
    let maxw = eng.index.max_alias_words.min(MAX_ALIAS_WORDS);
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
            if !alias_candidate(&joined, n) {
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

/// Whether `joined` (`n` folded words) is left to the alias table: numbers, SSPR codes and hex
/// are read by the code scanner, and short single words are ordinary words.
fn alias_candidate(joined: &str, n: usize) -> bool {
    let sspr_code = joined
        .strip_prefix("sspr")
        .is_some_and(|r| r.is_empty() || r.starts_with(|c: char| c.is_ascii_digit() || c == 'o'));
    if n == 1 {
        !(joined.chars().all(|c| c.is_ascii_digit())
            || sspr_code
            || joined.starts_with("0x")
            || joined.len() < MIN_ONE_WORD_ALIAS)
    } else {
        !sspr_code
    }
}

/// The paste's words, folded into one buffer (no allocation per word).
struct FoldedWords {
    folded: String,
    /// (start, end) in the paste, (start, end) in `folded`.
    spans: Vec<(usize, usize, usize, usize)>,
}

impl FoldedWords {
    fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut spans = Vec::new();
        for (s, e) in query::word_spans(text).take(MAX_ALIAS_SCAN_WORDS) {
            let fs = folded.len();
            for c in text[s..e].chars() {
                query::fold_char(c, &mut folded);
            }
            spans.push((s, e, fs, folded.len()));
        }
        FoldedWords { folded, spans }
    }

    /// (start, end, folded word) per word.
    fn list(&self) -> Vec<(usize, usize, &str)> {
        self.spans
            .iter()
            .map(|&(s, e, fs, fe)| (s, e, &self.folded[fs..fe]))
            .collect()
    }
}

/// Names shorter than this (folded, without separators) are not matched fuzzily.
const MIN_FUZZY_NAME: usize = 6;
/// Names at least this long may be a prefix or subsequence of a longer name.
const MIN_PARTIAL_NAME: usize = 7;
/// A partial name must start like the real one for this many characters.
const NAME_PREFIX: usize = 4;
/// The similarity of a partial name that covers none of the real one: above `ident_min`'s
/// lower range, so a prefix of a long name counts as medium evidence; it grows with coverage.
const PARTIAL_NAME_FLOOR: f32 = 0.75;
/// Most edits between a misspelt name and the real one.
const MAX_NAME_EDITS: usize = 3;

/// A misspelt or partial identifier (`UserNotProp`, `ServiceBusEror`): the closest alias.
fn fuzzy_ident(eng: &Engine, tok: &str, cfg: &Config) -> Option<(usize, f32)> {
    let norm = super::index::alias_norm(tok);
    let t = norm.replace(' ', "");
    if t.len() < MIN_FUZZY_NAME {
        return None;
    }
    if eng.index.aliases.contains_key(&norm) {
        return None; // exact aliases are found by alias_runs
    }
    let mut best: Option<(usize, f32)> = None;
    let prefix4 = &t[..t
        .char_indices()
        .nth(NAME_PREFIX)
        .map_or(t.len(), |(i, _)| i)];
    for (name, ei) in &eng.index.idents {
        // Cheap rejections first: far in length and not a prefix of the name.
        if name.len().abs_diff(t.len()) > MAX_NAME_EDITS && !name.starts_with(prefix4) {
            continue;
        }
        let sim = name_similarity(eng, &t, name, prefix4);
        if sim >= cfg.ident_min && best.is_none_or(|b| sim > b.1) {
            best = Some((*ei, sim));
        }
    }
    best
}

/// Similarity of a pasted name `t` to a catalog name: 1 − edits/length, or for a prefix or
/// subsequence of a long name (UserNotProp, ADMutli) at least 0.75 + 0.25 × coverage.
fn name_similarity(eng: &Engine, t: &str, name: &str, prefix4: &str) -> f32 {
    let dist = edit_distance(t, name, MAX_NAME_EDITS);
    let mut sim = if dist > MAX_NAME_EDITS {
        0.0
    } else {
        1.0 - dist as f32 / name.len().max(t.len()) as f32
    };
    if t.len() >= MIN_PARTIAL_NAME && t.len() < name.len() {
        if let Some(s) = eng.matcher.fuzzy_match(name, t) {
            let prefix = name.starts_with(prefix4);
            let cover = t.len() as f32 / name.len() as f32;
            if prefix && s > 0 {
                sim = sim.max(PARTIAL_NAME_FLOOR + (1.0 - PARTIAL_NAME_FLOOR) * cover);
            }
        }
    }
    sim
}

/// Levenshtein distance, exact up to `cap`; anything more is `cap + 1`. A cell further than
/// `cap` from the diagonal is more than `cap` edits, so only the band of width 2 × `cap` + 1
/// around it is computed, every value capped at `cap + 1` (capping commutes with the
/// recurrence's minimum, so the values in the band are the exact ones, capped).
fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let over = cap + 1;
    if a.len().abs_diff(b.len()) > cap {
        return over;
    }
    // Cells right of the band are never written: they stay `over`, which they are.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    let mut cur = vec![over; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(cap).max(1);
        let hi = (i + cap).min(b.len());
        // The cell left of the band: the first column, or more than `cap` edits.
        cur[lo - 1] = if lo == 1 { i.min(over) } else { over };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
            row_min = row_min.min(cur[j]);
        }
        if row_min > cap {
            return over;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_with_cap() {
        for (a, b, cap, want) in [
            ("kitten", "sitting", 3, 3),
            ("abc", "abc", 3, 0),
            ("abc", "abcdefgh", 3, 4),
            ("servicebuseror", "servicebuserror", 3, 1),
            ("", "", 3, 0),
            ("", "abc", 3, 3),
            ("abcd", "", 3, 4),
            ("flaw", "lawn", 1, 2),
            ("usernotprop", "usernotproperlyconfigured", 3, 4),
            ("admutlimatcherror", "admultimatcherror", 3, 2),
            ("abcdefgh", "badcfehg", 3, 4),
            ("åäö", "aäo", 3, 2),
        ] {
            assert_eq!(edit_distance(a, b, cap), want, "{a} {b}");
        }
    }

    /// The whole table, no band, no cap: what the banded distance must agree with.
    fn full_levenshtein(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d: Vec<Vec<usize>> = (0..=a.len())
            .map(|i| {
                (0..=b.len())
                    .map(|j| {
                        if i == 0 {
                            j
                        } else if j == 0 {
                            i
                        } else {
                            0
                        }
                    })
                    .collect()
            })
            .collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let sub = d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = sub.min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn banded_distance_agrees_with_the_whole_table() {
        let mut x: u32 = 7;
        let mut next = move |n: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) % n
        };
        // Short words over a small alphabet (many near matches), every cap the engine could use.
        let word = |next: &mut dyn FnMut(u32) -> u32| -> String {
            let len = next(12);
            (0..len)
                .map(|_| ['a', 'b', 'c', 'é'][next(4) as usize])
                .collect()
        };
        for _ in 0..3000 {
            let (a, b) = (word(&mut next), word(&mut next));
            let cap = next(5) as usize;
            let want = full_levenshtein(&a, &b).min(cap + 1);
            assert_eq!(edit_distance(&a, &b, cap), want, "{a} {b} cap {cap}");
        }
    }
}
