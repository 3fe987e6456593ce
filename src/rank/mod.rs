//! Identification: a paste goes in, an [`Answer`] comes out, in three steps (ARCHITECTURE.md,
//! "How a lookup works"):
//!
//! 1. [`codes`]: every code in the paste and the entry it names (each code its own answer);
//! 2. [`text`]: the paste's text scored against every passage of the catalog (character
//!    trigrams, stems and lexicon concepts weighted by per-language IDF), per line or window
//!    of lines, so that a message inside a long log still stands out;
//! 3. [`evidence`]: the rules that combine them into confident answers or guesses.
//!
//! An [`Engine`] is built over a [`Catalog`] it owns; nothing here is global.

pub mod codes;
pub mod evidence;
pub mod index;
pub mod text;

use crate::answer::{Answer, Note};
use crate::catalog::Catalog;
use fuzzy_matcher::skim::SkimMatcherV2;
use index::{Field, Index, IndexConfig};

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
    /// Added to the medium and high bars for an answer ranked by phrases (0–0.5: people's words
    /// are weaker evidence than the article's; higher answers fewer descriptions and fewer near
    /// misses). The medium bar of a first entry clear of the next gets `phrase_led_raise`.
    pub phrase_raise: f32,
    /// Lead over the next entry (0–0.3) from which a phrase answer clears the lower bar
    /// `text_medium + phrase_led_raise`: one entry standing clear of the rest is a sign the
    /// words are about it, not spread over look-alikes.
    pub phrase_lead: f32,
    /// The raise of the medium bar for a phrase answer that leads by `phrase_lead` (0 up to
    /// `phrase_raise`; `phrase_raise` turns the lead rule off).
    pub phrase_led_raise: f32,
    /// An articles' answer to a description scoring below this (`text_medium` up to
    /// `text_high`) is contested when the phrases would answer another entry at medium or
    /// better: the paste then gets "no confident match", with the phrases' ranking as guesses
    /// and the articles' answer among them. `text_medium` turns it off; higher contests more of
    /// the articles' weak answers (a high one never).
    pub contest_below: f32,
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
    /// Languages whose passages know less than this share of what the best language knows of
    /// the paste (the part of its weight they have) are not scanned (0–1: 0 scans all).
    pub lang_keep_share: f32,
    /// Weight of a pair of adjacent words that no passage of the language has, as a share of
    /// an unknown word's (0–1: rewording makes most pairs new; 0 ignores them).
    pub pair_unknown_share: f32,
    /// Weight of a CJK character pair no passage has, as a share of an unknown word feature's
    /// (0–1: 1 treats every new pair as a word no passage has, 0 ignores new pairs and lets a
    /// few known ones explain a whole sentence).
    pub cjk_unknown_share: f32,
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
    /// Guesses shown with "no confident match" (0–10).
    pub max_guesses: usize,
    /// Other text matches shown under a confident text answer, each with its own confidence
    /// (low ones too: close candidates) (0–5).
    pub max_alternatives: usize,
}

impl Config {
    pub const DEFAULT: Config = Config {
        text_high: 0.50,
        text_medium: 0.28,
        text_low: 0.18,
        margin: 0.06,
        precision_weight: 0.6,
        phrase_raise: 0.25,
        phrase_lead: 0.1,
        phrase_led_raise: 0.17,
        contest_below: 0.4,
        body_weight: 0.85,
        foreign_code_penalty: 0.15,
        second_passage: 0.3,
        min_evidence: 120.0,
        lang_filter_min: 0.5,
        lang_keep_share: 0.7,
        cjk_unknown_share: 0.2,
        pair_unknown_share: 0.2,
        min_precision: 0.05,
        max_windowed_lines: 12,
        min_line_words: 3,
        ident_min: 0.72,
        max_text_bytes: 16 * 1024,
        max_code_bytes: 256 * 1024,
        max_guesses: 5,
        max_alternatives: 3,
    };
}

impl Default for Config {
    fn default() -> Self {
        Config::DEFAULT
    }
}

/// A catalog and its search index: build it once ([`Engine::new`]), then [`Engine::lookup`]
/// as often as you like.
pub struct Engine {
    catalog: Catalog,
    /// The articles' passages and the codes.
    index: Index,
    /// The phrases (`catalog/phrases/`): people's words, scored apart from the articles with
    /// their own word weights, for pastes the articles do not answer.
    phrases: Index,
    matcher: SkimMatcherV2,
}

impl Engine {
    /// Builds the index over `catalog`.
    pub fn new(catalog: Catalog, cfg: &IndexConfig) -> Engine {
        let index = Index::build(&catalog, cfg);
        let phrases = Index::build_phrases(&catalog, cfg);
        Engine {
            catalog,
            index,
            phrases,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// The catalog this engine answers from.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Gives the catalog back (to grow it and build a new engine).
    pub fn into_catalog(self) -> Catalog {
        self.catalog
    }

    /// Merges a language file into the catalog ([`Catalog::add_language`]) and keeps the index
    /// as it was: the codes answer as before (a language file adds no code or alias), cards can
    /// show the new text at once, and text is matched against the languages indexed so far
    /// until [`Engine::reindex`]. The page merges in one task and indexes in the next, so
    /// neither is a long task and the first card in the reader's language waits for no index.
    pub fn add_language_unindexed(&mut self, text: &str) -> Result<Vec<String>, String> {
        self.catalog.add_language(text)
    }

    /// Rebuilds the index over the catalog as it stands (after
    /// [`Engine::add_language_unindexed`]): the engine is then the one `Engine::new` builds.
    pub fn reindex(&mut self, cfg: &IndexConfig) {
        // The old index is dropped first: the page's memory holds one index at a time.
        self.index = Index::default();
        self.phrases = Index::default();
        self.index = Index::build(&self.catalog, cfg);
        self.phrases = Index::build_phrases(&self.catalog, cfg);
    }

    /// The index (for benchmarks and diagnostics).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Identifies what `text` is about. Deterministic; never panics; bounded work.
    pub fn lookup(&self, text: &str, cfg: &Config) -> Answer {
        let input = Input::new(text, cfg);
        let found = codes::find(self, input.codes, input.body, cfg);
        let mut matches = text::score(self, input.body, cfg);
        let mut answer = evidence::decide(self, found, &mut matches, cfg);
        if let Some(kb) = input.truncated_kb {
            answer.truncated = true;
            answer.notes.insert(0, Note::Truncated { kb });
        }
        answer
    }

    /// The best text candidates for `text` with their scores (for `sspr-lookup explain`).
    pub fn explain(&self, text: &str, cfg: &Config) -> Vec<Explained> {
        let input = Input::new(text, cfg);
        let matches = text::score(self, input.body, cfg);
        matches
            .all()
            .iter()
            .take(EXPLAIN_CANDIDATES)
            .map(|r| {
                let doc = &self.index.docs[r.doc];
                Explained {
                    key: self.catalog.entries[r.entry].key.clone(),
                    lang: doc.lang.clone(),
                    field: doc.field,
                    score: r.score,
                    precision: r.precision,
                }
            })
            .collect()
    }
}

/// Candidates `sspr-lookup explain` lists.
const EXPLAIN_CANDIDATES: usize = 10;

/// One line of `sspr-lookup explain`.
#[derive(Clone, Debug)]
pub struct Explained {
    pub key: String,
    pub lang: String,
    pub field: Field,
    pub score: f32,
    /// Share of the paste's feature mass the passage explains.
    pub precision: f32,
}

/// The part of a paste that is read: codes from the first `max_code_bytes`, text from the first
/// `max_text_bytes`.
struct Input<'a> {
    codes: &'a str,
    body: &'a str,
    /// Set when the text was cut: how many kilobytes were read.
    truncated_kb: Option<usize>,
}

impl<'a> Input<'a> {
    fn new(text: &'a str, cfg: &Config) -> Self {
        let codes = clip(text, cfg.max_code_bytes);
        let body = clip(codes, cfg.max_text_bytes);
        Input {
            codes,
            body,
            truncated_kb: (body.len() < text.len()).then_some(body.len() / 1024),
        }
    }
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
