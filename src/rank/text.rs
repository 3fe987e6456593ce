//! Step 2 of a lookup: the paste's text. It is cut into segments (lines, long lines at sentence
//! ends, windows of adjacent lines), each segment's features are matched against the passages
//! of the index, and every entry keeps its best score; the words that matched are highlighted.

use super::index::{
    cjk_pairs, concept_feature, features, is_concept, word_trigrams, Field, Index, CJK_FEATURE,
    PAIR_FEATURE,
};
use super::{Config, Engine};
use crate::answer::{Confidence, Hit, Reason};
use crate::compact::{sort_by_heap, WordMap};
use crate::query;

/// A piece of the paste scored on its own: a line, or a window of adjacent lines (byte range).
#[derive(Clone, Copy, Debug)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
}

/// An entry's best text score and where it came from.
#[derive(Clone, Copy, Debug)]
pub struct TextScore {
    pub score: f32,
    /// Share of the segment's feature mass its best passage explains.
    pub precision: f32,
    /// The passage (index document) that scored it.
    pub doc: usize,
    /// The segment of the paste that scored it.
    pub segment: usize,
}

/// An entry in the text ranking.
#[derive(Clone, Copy, Debug)]
pub struct Ranked {
    pub entry: usize,
    pub score: f32,
    /// Share of the paste's (segment's) feature mass the passage explains.
    pub precision: f32,
    pub doc: usize,
    /// The segment of the paste that scored it.
    pub segment: usize,
    /// `doc` is a phrase (in `Engine::phrases`), not an article passage.
    pub phrase: bool,
}

/// What the text of a paste matched: every entry's best score, and the entries best first.
pub struct TextMatches<'a> {
    body: &'a str,
    segments: Vec<Segment>,
    /// Per entry, by the articles' text.
    scores: Vec<Option<TextScore>>,
    /// Entries with a score, best first (ties: catalog order).
    ranked: Vec<Ranked>,
    /// The same with phrases (`catalog/phrases/`): an entry's best phrase, plus a share of its
    /// best article passage, where that beats its article score. `None` when the paste was not
    /// scored against the phrases.
    phrased: Option<Vec<Ranked>>,
    /// Whether the segments scored against the phrases name the catalog's subject ([`SUBJECT`]).
    names_subject: bool,
    /// The paste's language and the detector's confidence.
    pub paste_lang: Option<(&'static str, f32)>,
}

/// Scores the text of `body` against every passage of the articles. Ranking by phrases, for
/// a description in people's words, is a second step ([`TextMatches::rank_by_phrases`]).
pub fn score<'a>(eng: &Engine, body: &'a str, cfg: &Config) -> TextMatches<'a> {
    let segments = segments(body, cfg);
    // The paste's language, once: it narrows the scan and labels the answer.
    let paste_lang = query::detect(body);
    let every = Pick {
        min_words: 0,
        only: None,
        subject: &[],
    };
    let scores = score_segments(eng, &eng.index, body, &segments, paste_lang, cfg, every).best;
    let ranked = rank(
        &scores
            .iter()
            .map(|s| s.map(|s| (s, false)))
            .collect::<Vec<_>>(),
    );
    TextMatches {
        body,
        segments,
        scores,
        ranked,
        phrased: None,
        names_subject: false,
        paste_lang,
    }
}

/// The scored entries (each with whether its passage is a phrase), best first; the entry index
/// breaks ties, so the order is total and the sort need not be stable.
fn rank(scores: &[Option<(TextScore, bool)>]) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = scores
        .iter()
        .enumerate()
        .filter_map(|(entry, s)| {
            s.map(|(s, phrase)| Ranked {
                entry,
                score: s.score,
                precision: s.precision,
                doc: s.doc,
                segment: s.segment,
                phrase,
            })
        })
        .collect();
    sort_by_heap(&mut ranked, |a, b| {
        b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)) == std::cmp::Ordering::Less
    });
    ranked
}

impl TextMatches<'_> {
    /// The text score of entry `entry` (0 when its text did not match).
    pub fn score_of(&self, entry: usize) -> f32 {
        self.scores[entry].map_or(0.0, |s| s.score)
    }

    /// Ranks the paste by phrases too (`Engine::phrases`; none on the page before a language's
    /// lexicon file is in): an entry's best phrase plus a share of its article score, where
    /// that beats the article score (two sources agreeing are more evidence than either).
    /// With `only`, only that segment is scored against the phrases (the one an articles'
    /// answer came from: is that text better described by another entry?).
    pub fn rank_by_phrases(&mut self, eng: &Engine, cfg: &Config, only: Option<usize>) {
        if eng.phrases.docs.is_empty() {
            return;
        }
        let subject = subject_features(&eng.catalog.lexicon);
        let by_phrase = score_segments(
            eng,
            &eng.phrases,
            self.body,
            &self.segments,
            self.paste_lang,
            cfg,
            Pick {
                min_words: MIN_DESCRIPTION_WORDS,
                only,
                subject: &subject,
            },
        );
        self.names_subject = subject.is_empty() || by_phrase.names_subject;
        let best: Vec<Option<(TextScore, bool)>> = self
            .scores
            .iter()
            .zip(by_phrase.best)
            .map(|(a, p)| {
                let article = a.map_or(0.0, |a| a.score);
                match p {
                    Some(mut p) if p.score + cfg.second_passage * article > article => {
                        p.score += cfg.second_passage * article;
                        Some((p, true))
                    }
                    // By its articles' text alone, an entry that describes the paste worse
                    // than another product's problem does ("not ours" phrases) is not in this
                    // ranking, not even as a guess. (One with a phrase beat "not ours" in its
                    // own segment already.)
                    _ => a
                        .filter(|a| a.score > by_phrase.not_ours)
                        .map(|a| (a, false)),
                }
            })
            .collect();
        self.phrased = Some(rank(&best));
    }

    /// Whether the text scored against the phrases names a concept of [`SUBJECT`], in any
    /// language (true when the lexicon has none of them, as a hand-made catalog may not:
    /// nothing to tell by; false until ranked by phrases).
    pub fn names_subject(&self) -> bool {
        self.names_subject
    }

    /// Whether the paste was also ranked by phrases (see [`TextMatches::ranked`]).
    pub fn has_phrases(&self) -> bool {
        self.phrased.is_some()
    }

    /// The `i`-th best entry with the lead it has over the next one, by the articles' text or,
    /// with `phrases` (when the paste was scored against them), by phrases too.
    pub fn ranked(&self, i: usize, phrases: bool) -> Option<(Ranked, f32)> {
        let list = match &self.phrased {
            Some(p) if phrases => p,
            _ => &self.ranked,
        };
        let r = *list.get(i)?;
        let next = list.get(i + 1).map_or(0.0, |n| n.score);
        Some((r, r.score - next))
    }

    /// Ranked entry `r` as a hit of confidence `confidence`, with its highlight.
    pub fn hit(&self, eng: &Engine, r: &Ranked, confidence: Confidence) -> Hit {
        let ix = if r.phrase { &eng.phrases } else { &eng.index };
        let doc = &ix.docs[r.doc];
        Hit {
            key: eng.catalog.entries[r.entry].key.clone(),
            confidence,
            score: r.score.min(1.0),
            lang: Some(doc.lang.clone()),
            spans: highlight(ix, r.doc, self.body, &self.segments, r.segment),
            reason: Reason::Text {
                lang: doc.lang.clone(),
            },
        }
    }

    /// Every scored entry: (entry, score, passage), best first.
    pub fn all(&self) -> &[Ranked] {
        &self.ranked
    }
}

/// Lines are split at a sentence end once they are longer than this (bytes): a paragraph
/// pasted as one line holds several messages.
const SENTENCE_SPLIT_BYTES: usize = 160;
/// Lines read from a paste (a bound on the work; logs state their messages early).
const MAX_LINES: usize = 400;
/// Adjacent lines joined into one window: a message wrapped by a narrow screen or log viewer
/// rarely spans more than three.
const MAX_WINDOW_LINES: usize = 3;
/// Hex-and-dash tokens this long are identifiers (GUIDs, hashes, tracking IDs), not words.
const MIN_HEX_TOKEN: usize = 8;
/// A paste of more lines than a window and at most this many bytes is also scored whole.
const WHOLE_PASTE_BYTES: usize = 600;

/// Lines (long ones split at sentence ends), plus windows of 2–3 adjacent lines and the whole
/// paste when it is short. Noise tokens (GUIDs, dates, e-mail) are removed later.
pub fn segments(text: &str, cfg: &Config) -> Vec<Segment> {
    let lines = lines(text);
    let mut out = Vec::new();
    let n = lines.len();
    // Windows of 2–3 lines rejoin a message wrapped over lines; a long log is read line by line
    // (its messages stand on one line each), which bounds the work.
    let windows = if n <= cfg.max_windowed_lines {
        MAX_WINDOW_LINES
    } else {
        1
    };
    for i in 0..n {
        out.push(lines[i]);
        for w in 2..=windows {
            if i + w <= n {
                out.push(Segment {
                    start: lines[i].start,
                    end: lines[i + w - 1].end,
                });
            }
        }
    }
    if n > MAX_WINDOW_LINES && text.len() <= WHOLE_PASTE_BYTES {
        out.push(Segment {
            start: 0,
            end: text.len(),
        });
    }
    out
}

/// The non-empty lines of `text`, long ones split at sentence ends.
fn lines(text: &str) -> Vec<Segment> {
    let mut lines: Vec<Segment> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let s = pos;
        pos += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let mut seg_start = s;
        let bytes = line.as_bytes();
        for (i, c) in line.char_indices() {
            let abs = s + i;
            if (c == '.' || c == '!' || c == '?')
                && abs - seg_start > SENTENCE_SPLIT_BYTES
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
        if lines.len() >= MAX_LINES {
            break;
        }
    }
    lines
}

/// Removes tokens that carry no language: GUIDs, dates, e-mails, URLs, hex, long numbers.
fn strip_noise(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| {
            let digits = w.chars().filter(|c| c.is_ascii_digit()).count();
            !(w.contains('@')
                || w.contains("://")
                || digits * 2 > w.len()
                || (w.len() >= MIN_HEX_TOKEN
                    && w.chars().all(|c| c.is_ascii_hexdigit() || c == '-')))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The passage ranges worth scoring: when the paste is confidently in a catalog language, that
/// language's passages and English ones (logs mix in English); otherwise all of them.
fn scored_ranges(
    ix: &Index,
    paste_lang: Option<(&str, f32)>,
    cfg: &Config,
) -> Vec<(u32, u32, usize)> {
    // A detected language is a primary tag; `pt` covers `pt-br` and `pt-pt`.
    let of_paste = |l: &str| paste_lang.is_some_and(|(p, _)| crate::catalog::tag::primary(l) == p);
    let confident = paste_lang.is_some_and(|(_, conf)| conf >= cfg.lang_filter_min)
        && ix.lang_ranges.iter().any(|(l, _, _)| of_paste(l));
    ix.lang_ranges
        .iter()
        .enumerate()
        .filter(|(_, (l, _, _))| !confident || of_paste(l) || l == "en")
        .map(|(li, (_, a, b))| (*a, *b, li))
        .collect()
}

/// Passages kept per entry and segment to find its best and the next best of another part
/// (three: the message and its earlier wording may both come before a body passage).
const KEPT_PASSAGES: usize = 3;

/// A segment with fewer features than this says too little to score.
const MIN_SEGMENT_FEATURES: usize = 4;

/// A segment of fewer words than this is not a description (a CJK run counts a word per two
/// characters): one word ("TrackingId") may match a phrase word for word and still say nothing.
const MIN_DESCRIPTION_WORDS: usize = 3;

/// The words of folded text `clean`, a CJK run counting one per two characters.
fn description_words(clean: &str) -> usize {
    query::words(clean)
        .map(|w| match w.chars().filter(|c| query::is_cjk(*c)).count() {
            0 => 1,
            n => n.div_ceil(2),
        })
        .sum()
}

/// The lexicon concepts (`catalog/lexicon/concepts.txt`) that name the catalog's subject:
/// passwords and their reset, writeback and the servers and accounts it runs on, the tenant,
/// security info, licences. A description in people's words that names none of them is not
/// answered through phrases (`evidence::decide`): "the SMS code from my bank never comes" is
/// worded like one of ours and is about something else.
pub const SUBJECT: &str = "password reset writeback connect sync onprem cloud tenant hybrid \
                           account serviceaccount admin methods register questions license relay";

/// The concept features of [`SUBJECT`] in lexicon `lex` (none for a lexicon without them).
fn subject_features(lex: &crate::catalog::lexicon::Lexicon) -> Vec<u32> {
    SUBJECT
        .split(' ')
        .filter_map(|n| lex.concept_number(n))
        .map(concept_feature)
        .collect()
}

/// Which segments a scan scores.
#[derive(Clone, Copy)]
struct Pick<'s> {
    /// Segments of fewer words are skipped ([`description_words`]; 0 keeps all).
    min_words: usize,
    /// Only this segment, when set.
    only: Option<usize>,
    /// Features whose presence in a scored segment the scan reports ([`Scan::names_subject`]).
    subject: &'s [u32],
}

/// What a scan found: per entry its best text score, the best "not ours" phrase's, and
/// whether a scored segment has one of [`Pick::subject`].
struct Scan {
    best: Vec<Option<TextScore>>,
    not_ours: f32,
    names_subject: bool,
}

/// Best text score per entry over the segments `pick` keeps, against index `ix` (the
/// articles' passages or the phrases). Never inlined: `score` and
/// `TextMatches::rank_by_phrases` call it.
#[inline(never)]
fn score_segments(
    eng: &Engine,
    ix: &Index,
    body: &str,
    segs: &[Segment],
    paste_lang: Option<(&str, f32)>,
    cfg: &Config,
    pick: Pick<'_>,
) -> Scan {
    let mut acc = Accumulator::new(eng, ix, scored_ranges(ix, paste_lang, cfg));
    let entries = eng.catalog.entries.len();
    let mut best: Vec<Option<TextScore>> = vec![None; entries];
    let mut not_ours_best = 0.0f32;
    let mut names_subject = false;
    let long_paste = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .nth(cfg.max_windowed_lines)
        .is_some();
    let mut seen_text = WordMap::default();
    // The feature sets scored so far (sorted, as `features` gives them) in a paste read in
    // windows: a segment's scores depend on its feature set alone, so a window of lines whose
    // features are those of one scored before (a log that repeats its lines) would give the
    // same scores, which cannot beat the earlier segment's. (A list: a paste of at most `max_windowed_lines` raw lines,
    // which sentence cuts can still turn into up to MAX_LINES pieces: bounded, quadratic at worst.)
    let windowed = !long_paste;
    let mut scored: Vec<Vec<u32>> = Vec::new();
    let mut tris = Vec::new();
    // In a paste read in windows, each line cleaned once (see `window_text`).
    let line_text: Vec<(Segment, String, bool)> = if windowed {
        lines(body)
            .into_iter()
            .map(|l| clean_text(body, l))
            .collect()
    } else {
        Vec::new()
    };
    for (si, seg) in segs.iter().enumerate() {
        if pick.only.is_some_and(|o| o != si) {
            continue;
        }
        let clean = if windowed {
            window_text(seg, &line_text)
        } else {
            clean_text(body, *seg).1
        };
        // In a long paste, a line of one or two words ("Level: Error", "Source: ADSync") is a
        // log field, not a message: its codes were read in step 1.
        if long_paste && query::words(&clean).take(cfg.min_line_words).count() < cfg.min_line_words
        {
            continue;
        }
        if pick.min_words > 0 && description_words(&clean) < pick.min_words {
            continue;
        }
        if seen_text.insert(clean.clone(), 0).is_some() {
            continue; // a line repeated in a log (but for its GUID or date) scores as before
        }
        features(&clean, &mut tris, Some(&eng.catalog.lexicon), |a, b| {
            ix.knows_word(a) && ix.knows_word(b)
        });
        if tris.len() < MIN_SEGMENT_FEATURES {
            continue;
        }
        if windowed {
            if scored.contains(&tris) {
                continue;
            }
            scored.push(tris.clone());
        }
        names_subject |= tris.iter().any(|t| pick.subject.contains(t));
        let scored = acc.score(&tris, cfg);
        // Phrases that are "not ours" (`Phrase::entry` None) score in the slot after the last
        // entry: in this segment, an entry counts only where it beats them (the articles have
        // no such passage, so there it is 0).
        let not_ours = scored.iter().find(|s| s.0 == entries).map_or(0.0, |s| s.1);
        not_ours_best = not_ours_best.max(not_ours);
        for (entry, score, doc, precision) in scored {
            if entry == entries || score <= not_ours {
                continue;
            }
            if best[entry].is_none_or(|e| score > e.score) {
                best[entry] = Some(TextScore {
                    score,
                    precision,
                    doc,
                    segment: si,
                });
            }
        }
    }
    Scan {
        best,
        not_ours: not_ours_best,
        names_subject,
    }
}

/// A segment, its text without noise tokens, folded, and whether it kept any token.
fn clean_text(body: &str, seg: Segment) -> (Segment, String, bool) {
    let kept = strip_noise(&body[seg.start..seg.end]);
    (seg, query::fold(&kept), !kept.is_empty())
}

/// `fold(strip_noise(segment))` of a line, a window of lines or the whole paste, from its
/// lines' (`line_text`): their texts joined by a space. Every segment is whole lines and the
/// blanks between them, and no token spans two lines (a line ends at a line break, or at a
/// sentence end before a space), so a line is cleaned once, not again for each window over it.
fn window_text(seg: &Segment, line_text: &[(Segment, String, bool)]) -> String {
    let kept: Vec<&str> = line_text
        .iter()
        .filter(|(l, _, kept)| *kept && l.start >= seg.start && l.end <= seg.end)
        .map(|t| t.1.as_str())
        .collect();
    kept.join(" ")
}

/// Scratch space for scoring one segment after another against the index.
struct Accumulator<'e> {
    ix: &'e Index,
    /// Passage ranges to score, each with its language's place in `lang_ranges`.
    ranges: Vec<(u32, u32, usize)>,
    /// Query mass per language (a feature a language lacks weighs as unknown in it), and the
    /// part of it the language has.
    qmass: Vec<f32>,
    known: Vec<f32>,
    /// Matched feature mass per passage; `touched` lists the non-zero ones.
    acc: Vec<f32>,
    touched: Vec<u32>,
    /// Per entry for the current segment: its best passages (score, passage, precision), best first;
    /// reset via `entries`.
    seg_best: Vec<[(f32, usize, f32); KEPT_PASSAGES]>,
    entries: Vec<usize>,
}

impl<'e> Accumulator<'e> {
    fn new(eng: &Engine, ix: &'e Index, ranges: Vec<(u32, u32, usize)>) -> Self {
        Accumulator {
            ix,
            ranges,
            qmass: vec![0.0; ix.lang_ranges.len()],
            known: vec![0.0; ix.lang_ranges.len()],
            acc: vec![0f32; ix.docs.len()],
            touched: Vec::new(),
            // One slot more than the entries: the phrases that are "not ours".
            seg_best: vec![[(0.0, 0, 0.0); KEPT_PASSAGES]; eng.catalog.entries.len() + 1],
            entries: Vec::new(),
        }
    }

    /// Adds up the weights of the features each passage shares with the segment, each in the
    /// passage's language, and the query mass per language: a feature by its weight there,
    /// one the language lacks at the highest weight (a word no passage of that language has;
    /// CJK pairs at a share of it: a pair across two words or of a particle is often new,
    /// while a Latin word's trigrams rarely are), stop features not at all.
    fn gather(&mut self, tris: &[u32], cfg: &Config) {
        let found = self.query_mass(tris, cfg);
        let keep = self.languages_to_scan(cfg);
        for (row, p) in found {
            for &(lo, hi, li) in &keep {
                let w = self.ix.weight(*row, li);
                if w == 0.0 {
                    continue;
                }
                let (a, b) = (
                    p.partition_point(|&d| d < lo),
                    p.partition_point(|&d| d < hi),
                );
                for &d in &p[a..b] {
                    if self.acc[d as usize] == 0.0 {
                        self.touched.push(d);
                    }
                    self.acc[d as usize] += w;
                }
            }
        }
    }

    /// The query's mass per language (`qmass`) and the part of it each language knows
    /// (`known`); returns the postings of the indexed features, for the scan.
    fn query_mass(&mut self, tris: &[u32], cfg: &Config) -> Vec<&'e (u32, Vec<u32>)> {
        let ix: &'e Index = self.ix;
        self.qmass.iter_mut().for_each(|m| *m = 0.0);
        self.known.iter_mut().for_each(|m| *m = 0.0);
        let share = |t: &u32| {
            // A concept no passage of the language has: its words count as unknown already.
            if is_concept(*t) {
                0.0
            } else if t & CJK_FEATURE != 0 {
                cfg.cjk_unknown_share
            } else if t & PAIR_FEATURE != 0 {
                cfg.pair_unknown_share
            } else {
                1.0
            }
        };
        let mut found = Vec::with_capacity(tris.len());
        for t in tris {
            if ix.stop.contains_key(t) {
                continue;
            }
            let posting = ix.postings.get(t);
            for &(_, _, li) in &self.ranges {
                let w = posting.map_or(0.0, |p| ix.weight(p.0, li));
                self.known[li] += w;
                self.qmass[li] += if w == 0.0 {
                    ix.unknown[li] * share(t)
                } else {
                    w
                };
            }
            found.extend(posting);
        }
        found
    }

    /// The ranges worth scanning: a language that knows far less of the paste than the best
    /// one (an English log against the Spanish passages) is not scanned.
    fn languages_to_scan(&self, cfg: &Config) -> Vec<(u32, u32, usize)> {
        let explained = |li: usize| self.known[li] / self.qmass[li].max(1e-6);
        let best = self
            .ranges
            .iter()
            .map(|r| explained(r.2))
            .fold(0.0f32, f32::max);
        self.ranges
            .iter()
            .copied()
            .filter(|r| explained(r.2) >= best * cfg.lang_keep_share)
            .collect()
    }

    /// The segment's score for every entry it touches: (entry, score, best passage, its
    /// precision). Per entry the best passage counts, plus a share of the next best (a
    /// paraphrase of an entry often echoes more than one of its paragraphs).
    fn score(&mut self, tris: &[u32], cfg: &Config) -> Vec<(usize, f32, usize, f32)> {
        self.gather(tris, cfg);
        let mut touched = std::mem::take(&mut self.touched);
        for &d in &touched {
            let m = std::mem::replace(&mut self.acc[d as usize], 0.0);
            let qmass = self.qmass[self.ix.docs[d as usize].lang_idx as usize];
            if qmass > 0.0 {
                self.passage(d as usize, m, qmass, cfg);
            }
        }
        touched.clear();
        self.touched = touched;
        let mut out = Vec::with_capacity(self.entries.len());
        for &entry in &self.entries {
            let kept = std::mem::replace(&mut self.seg_best[entry], [(0.0, 0, 0.0); KEPT_PASSAGES]);
            let (b1, d, p1) = kept[0];
            let best = &self.ix.docs[d];
            // The next best passage counts when it is another part of the entry in the same
            // language: a second wording of the message, or the entry in another language,
            // is the same evidence again (every phrase is a part of its own).
            let b2 = kept[1..]
                .iter()
                .find(|(s, o, _)| {
                    let o = &self.ix.docs[*o];
                    *s > 0.0 && o.lang == best.lang && o.part != best.part
                })
                .map_or(0.0, |k| k.0);
            out.push((entry, b1 + cfg.second_passage * b2, d, p1));
        }
        self.entries.clear();
        out
    }

    /// Scores passage `d` with matched mass `m` and keeps the entry's best (`KEPT_PASSAGES`).
    fn passage(&mut self, d: usize, m: f32, qmass: f32, cfg: &Config) {
        let p = m / qmass;
        // s ≤ p^w, so a passage explaining under min_precision of the query cannot reach even
        // a low score: skip the expensive part.
        if p < cfg.min_precision {
            return;
        }
        let doc = &self.ix.docs[d];
        let w = cfg.precision_weight;
        let r = (m / doc.norm.max(1e-6)).min(1.0);
        // Too little matched text (one common word) is no evidence, however precise.
        let evidence = (m / cfg.min_evidence).min(1.0);
        let mut s = (w * p.ln() + (1.0 - w) * r.ln()).exp() * doc.weight * evidence;
        if doc.field == Field::Body {
            s *= cfg.body_weight;
        }
        let kept = &mut self.seg_best[doc.entry];
        if kept[0].0 == 0.0 {
            self.entries.push(doc.entry);
        }
        // Insert (s, d) into the entry's best passages, best first.
        if let Some(at) = kept.iter().position(|k| s > k.0) {
            kept[at..].rotate_right(1);
            kept[at] = (s, d, p);
        }
    }
}

/// Words with fewer trigrams than this (one or two letters) are not highlighted.
const MIN_HIGHLIGHT_TRIGRAMS: usize = 3;

/// Query words whose trigrams mostly (two thirds) occur in the matched passage, and in CJK
/// text the character pairs that occur in it (adjacent pairs marked as one span).
fn highlight(
    ix: &Index,
    doc: usize,
    body: &str,
    segs: &[Segment],
    seg: usize,
) -> Vec<(usize, usize)> {
    let Some(s) = segs.get(seg) else {
        return vec![];
    };
    let in_doc = |t: &u32| {
        ix.postings
            .get(t)
            .is_some_and(|p| p.1.binary_search(&(doc as u32)).is_ok())
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let text = &body[s.start..s.end];
    for (st, en) in query::word_spans(text) {
        for (off, run, cjk) in query::script_runs(&text[st..en]) {
            let at = s.start + st + off;
            if cjk {
                cjk_pairs(run, |a, b, t| {
                    if in_doc(&t) {
                        mark(&mut out, at + a, at + b);
                    }
                });
                continue;
            }
            let tris = word_trigrams(&query::fold(run));
            if tris.len() >= MIN_HIGHLIGHT_TRIGRAMS {
                let hit = tris
                    .iter()
                    .filter(|t| in_doc(t) || ix.stop.contains_key(t))
                    .count();
                if hit * 3 >= tris.len() * 2 {
                    out.push((at, at + run.len()));
                }
            }
        }
    }
    out
}

/// Adds span `a..b` to `out`, joined to the last span when they overlap or touch.
fn mark(out: &mut Vec<(usize, usize)>, a: usize, b: usize) {
    match out.last_mut() {
        Some(l) if l.0 <= a && a <= l.1 => l.1 = l.1.max(b),
        _ => out.push((a, b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_reads_as_its_lines_joined() {
        let long = "The password could not be reset. ".repeat(8);
        let mut bodies: Vec<String> = vec![
            "a\nb\nc".into(),
            "\n\n  Error: access denied \n\n\t\nuser@contoso.com 6f1c2a9e-3b1d-4a57 \nEvent ID: 32002 ServiceBus\n".into(),
            format!("{long}\nSecond line. {long}\r\nthird"),
            "\u{200b} \u{200b}\nÅtkomst NEKAD\n\u{200b}\nhr=800700CE 0x800700ce\n\nlast".into(),
            "one line only".into(),
            "".into(),
        ];
        // Pseudo-random pastes of words, noise and line breaks.
        let mut x: u32 = 99;
        for _ in 0..200 {
            let mut b = String::new();
            for _ in 0..(x % 40) {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                b.push_str(
                    [
                        "word",
                        " ",
                        "\n",
                        "\n\n",
                        ". ",
                        "2024-03-14",
                        "Säkerhet",
                        "\u{200b}",
                        "a@b.c",
                        "6f1c2a9e",
                        "\t",
                        "x.",
                        "Ü",
                    ][(x >> 16) as usize % 13],
                );
            }
            bodies.push(b);
        }
        for body in &bodies {
            let line_text: Vec<_> = lines(body)
                .into_iter()
                .map(|l| clean_text(body, l))
                .collect();
            for seg in segments(body, &Config::DEFAULT) {
                let want = query::fold(&strip_noise(&body[seg.start..seg.end]));
                assert_eq!(window_text(&seg, &line_text), want, "{body:?} {seg:?}");
            }
        }
    }

    #[test]
    fn marks_join_when_they_touch_or_overlap() {
        // (spans added in order, marks)
        for (spans, want) in [
            (vec![(0, 6), (3, 9)], vec![(0, 9)]),
            (vec![(0, 6), (6, 9)], vec![(0, 9)]),
            (vec![(0, 6), (9, 12)], vec![(0, 6), (9, 12)]),
            (vec![(0, 6), (2, 4)], vec![(0, 6)]),
        ] {
            let mut out = Vec::new();
            for (a, b) in spans.iter().copied() {
                mark(&mut out, a, b);
            }
            assert_eq!(out, want, "{spans:?}");
        }
    }
}
