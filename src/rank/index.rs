//! The search index, built from the catalog (again each time the page adds a language):
//! character trigrams with IDF weights per (entry, language, field) document, and the alias
//! table for codes and names.

use crate::catalog::{lexicon::Lexicon, Catalog};
use crate::compact::{FeatureMap, WordMap};
use crate::query::{fold, script_runs, words};

/// Tuning knobs of the index build (`IndexConfig::DEFAULT`). The knobs used
/// per lookup are in [`super::Config`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndexConfig {
    /// A feature in more than this share of one language's passages is a stop feature, dropped
    /// from the index and ignored in queries (0.2–1: lower is faster and loses common words'
    /// evidence; 1 keeps every feature).
    pub stop_share: f32,
    /// Prior weight of paragraphs after an entry's first (0.5–1; 1 treats them like the
    /// defining paragraph).
    pub later_passage_weight: f32,
    /// Prior weight of a list item: one of several causes or steps, which other entries often
    /// list too (0.5–1; lower prefers entries a paste defines over entries that mention it).
    pub list_item_weight: f32,
    /// Passages longer than this many bytes are cut into groups of whole sentences (120–1000:
    /// lower favours pastes of one sentence, higher favours whole paragraphs).
    pub passage_bytes: usize,
    /// How much a feature's commonness in other languages lowers its weight in a passage's
    /// own language (0–1: 0 weighs each language alone, 1 by the language where it is most
    /// common).
    pub foreign_share: f32,
    /// A concept feature (a lexicon word: "tenant" and "organisation" are one concept) weighs
    /// this many times its IDF weight: one feature stands for a whole word, which otherwise
    /// brings a handful of trigrams (0–8: 0 ignores the lexicon).
    pub concept_weight: f32,
    /// Prior weight of a phrase passage (`catalog/phrases/`: an entry described in people's
    /// words; 0–1: 0 ignores the phrases).
    pub phrase_weight: f32,
}

impl IndexConfig {
    pub const DEFAULT: IndexConfig = IndexConfig {
        foreign_share: 0.25,
        concept_weight: 4.0,
        phrase_weight: 1.0,
        stop_share: 0.6,
        later_passage_weight: 0.92,
        list_item_weight: 0.8,
        passage_bytes: 320,
    };
}

// A phrase's `Doc::part` is its number among the phrases, which must fit a `u16`.
const _: () = assert!(crate::catalog::lexicon::MAX_PHRASES <= u16::MAX as usize);

/// Which part of a localisation a document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Title and message: what people see and paste.
    Message,
    /// Meaning and action: what people paraphrase.
    Body,
}

#[derive(Clone, Debug)]
pub struct Doc {
    pub entry: usize,
    pub lang: String,
    pub field: Field,
    /// Prior weight of the passage: 1 for what defines the entry (its message, a quoted error,
    /// the first paragraph of its meaning), less for later paragraphs and list items.
    pub weight: f32,
    /// Σ idf over the document's distinct trigrams (weighed in its language).
    pub norm: f32,
    /// Its language's place in `Index::lang_ranges`.
    pub lang_idx: u16,
    /// Which part of its localisation the passage is: 0 for the message and everything that
    /// repeats it (earlier wordings, quoted errors), then one number per body passage. Two
    /// passages of one part are one piece of evidence, not two.
    pub part: u16,
}

/// Trigram → documents containing it.
#[derive(Debug, Default)]
pub struct Index {
    pub docs: Vec<Doc>,
    /// Feature → (its row in `weights`, passages containing it).
    pub postings: FeatureMap<(u32, Vec<u32>)>,
    /// Weight of each feature in each language, row by row (one column per `lang_ranges`
    /// entry; 0 where the language lacks the feature). A feature's weight depends on how common
    /// it is in the passage's language only: "kon" is common in German and Polish, which says
    /// nothing about how much it tells among Swedish passages.
    pub weights: Vec<f32>,
    /// Per language: the weight of a feature it lacks (the highest one could have).
    pub unknown: Vec<f32>,
    /// (language, first passage, end): passages are numbered language by language.
    pub lang_ranges: Vec<(String, u32, u32)>,
    /// Features too common to index (see `IndexConfig::stop_share`).
    pub stop: FeatureMap<()>,
    /// Normalised alias (words joined by one space) → entry index.
    pub aliases: WordMap,
    /// Identifier aliases (lower-case, no separators) for fuzzy matching, with their entry.
    pub idents: Vec<(String, usize)>,
    pub max_alias_words: usize,
    /// First word of each alias → the most words an alias starting with it has.
    pub alias_first_words: WordMap,
}

/// A trigram packed in a u32 (21 bits a char would not fit; hash instead, collisions are rare
/// and harmless: they only add a little noise to a score).
fn pack(a: char, b: char, c: char) -> u32 {
    let mut h: u32 = 2166136261;
    for ch in [a, b, c] {
        h ^= ch as u32;
        h = h.wrapping_mul(16777619);
    }
    h & !(CJK_FEATURE | PAIR_FEATURE)
}

/// The bit that marks a feature as a pair of adjacent words: what trigrams cannot see, the
/// order of words ("byl úspěšný" / "nebyl úspěšný", a message cut after a shared beginning).
pub const PAIR_FEATURE: u32 = 1 << 30;

/// The feature of two adjacent words.
fn word_pair(a: &str, b: &str) -> u32 {
    let mut h: u32 = 2166136261;
    for byte in a.bytes().chain(std::iter::once(1)).chain(b.bytes()) {
        h ^= u32::from(byte);
        h = h.wrapping_mul(16777619);
    }
    (h & !CJK_FEATURE) | PAIR_FEATURE
}

/// The bit that marks a feature as a CJK character pair (every other feature has it clear): a
/// lookup weighs pairs no passage has less than unknown words (see `Config::cjk_unknown_share`).
pub const CJK_FEATURE: u32 = 1 << 31;

/// Words at least this long also yield a stem feature: their first STEM_CHARS characters, so
/// that inflected forms meet (místním / místně, uzamčen / uzamčený, wachtwoorden / wachtwoord).
pub const STEM_CHARS: usize = 5;

/// Distinct features of folded text: character trigrams of each word padded with a space on
/// both sides, plus one stem feature per word of STEM_CHARS or more characters. Runs of CJK
/// letters (written without spaces) yield their character pairs instead ([`cjk_pairs`]).
pub fn trigrams(folded: &str, out: &mut Vec<u32>) {
    features(folded, out, None, |_, _| true);
}

/// [`trigrams`], with the concept features of `lex`'s words (every word of one concept, in
/// any language, shares one feature), and a pair of adjacent words kept only when `keep_pair`
/// says so (a query keeps pairs of words the index knows: a typo makes every pair it is in new).
pub fn features(
    folded: &str,
    out: &mut Vec<u32>,
    lex: Option<&Lexicon>,
    keep_pair: impl Fn(&str, &str) -> bool,
) {
    out.clear();
    let mut prev: Option<&str> = None;
    for w in words(folded) {
        let mut plain = true;
        for (_, run, cjk) in script_runs(w) {
            if cjk {
                cjk_pairs(run, |_, _, f| out.push(f));
                if let Some(lex) = lex {
                    lex.cjk_concepts(run, |_, _, g| out.push(concept_feature(g)));
                }
                plain = false;
            } else {
                word_features(run, lex, out);
            }
        }
        if let (Some(p), true) = (prev, plain) {
            if keep_pair(p, w) {
                out.push(word_pair(p, w));
            }
        }
        prev = plain.then_some(w);
    }
    crate::compact::sort_by_heap(out, |a, b| a < b);
    out.dedup();
}

/// Both marker bits set: a concept feature (see [`concept_feature`]).
pub const CONCEPT_FEATURE: u32 = CJK_FEATURE | PAIR_FEATURE;

/// Whether feature `f` is a concept feature.
pub fn is_concept(f: u32) -> bool {
    f & CONCEPT_FEATURE == CONCEPT_FEATURE
}

/// The feature of concept `g` (see [`Lexicon`]): both marker bits set, so that the index can
/// weigh what a concept says (`IndexConfig::concept_weight`) apart from what one trigram says.
pub fn concept_feature(g: u16) -> u32 {
    pack('\u{2}', char::from_u32(u32::from(g)).unwrap_or(' '), ' ') | CONCEPT_FEATURE
}

/// The trigrams, concept and stem features of one word (no CJK letters).
fn word_features(w: &str, lex: Option<&Lexicon>, out: &mut Vec<u32>) {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(w.chars().filter(|c| *c != '\''))
        .chain(std::iter::once(' '))
        .collect();
    if chars.len() < 3 {
        return;
    }
    for t in chars.windows(3) {
        out.push(pack(t[0], t[1], t[2]));
    }
    if let Some(g) = lex.and_then(|l| l.concept(w)) {
        out.push(concept_feature(g));
    }
    out.extend(stem(&chars));
}

/// The stem feature of a word padded with a space on both sides (its first STEM_CHARS
/// characters), for words of at least STEM_CHARS characters.
fn stem(chars: &[char]) -> Option<u32> {
    if chars.len() < STEM_CHARS + 2 {
        return None;
    }
    Some(stem_of(&chars[1..=STEM_CHARS]))
}

/// The stem feature of a word's first STEM_CHARS characters.
fn stem_of(first: &[char]) -> u32 {
    // Stems hash with a marker character that no word contains.
    let mut h = pack('\u{1}', first[0], first[1]);
    for c in &first[2..] {
        h = (h ^ *c as u32).wrapping_mul(16777619);
    }
    h & !(CJK_FEATURE | PAIR_FEATURE)
}

impl Index {
    /// Whether the index knows word `w` (folded): its stem is a feature of some passage, or
    /// it is too short to have one. (The stem [`word_features`] gives the word, read from its
    /// first characters without collecting them all: a lookup asks this for every word.)
    pub fn knows_word(&self, w: &str) -> bool {
        let mut first = [' '; STEM_CHARS];
        let mut n = 0;
        for c in w.chars().filter(|c| *c != '\'').take(STEM_CHARS) {
            first[n] = c;
            n += 1;
        }
        if n < STEM_CHARS {
            return true;
        }
        let f = stem_of(&first);
        self.postings.contains_key(&f) || self.stop.contains_key(&f)
    }
}

/// Calls `f(start, end, feature)` (byte range in `run`) for every pair of adjacent letters of a CJK run (one
/// feature for a run of one letter): a word of two or three characters is one or two pairs,
/// and a sentence shares most of its pairs with a rewording, much as trigrams do for
/// space-separated words. Linear in the run.
pub fn cjk_pairs(run: &str, mut f: impl FnMut(usize, usize, u32)) {
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in run.char_indices() {
        if let Some((pi, p)) = prev {
            f(pi, i + c.len_utf8(), pack('\u{3}', p, c) | CJK_FEATURE);
        }
        prev = Some((i, c));
    }
    if let Some((0, c)) = prev {
        f(0, run.len(), pack('\u{3}', c, ' ') | CJK_FEATURE);
    }
}

/// Trigrams of one word (for highlighting).
pub fn word_trigrams(w: &str) -> Vec<u32> {
    let mut v = Vec::new();
    trigrams(w, &mut v);
    v
}

/// Alias normal form: folded words (letters, digits) joined by one space; `_`, `=`, `(` split.
pub fn alias_norm(s: &str) -> String {
    let f = fold(s);
    f.split(|c: char| !crate::query::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Passages shorter than this many features are not indexed (a word or two says nothing).
const MIN_PASSAGE_FEATURES: usize = 3;
/// Single-word aliases this long or longer (with a letter, not hex) are also matched fuzzily.
const MIN_FUZZY_IDENT: usize = 6;

impl Index {
    /// Builds the index over `cat`: the articles' passages language by language, aliases,
    /// weights.
    pub fn build(cat: &Catalog, cfg: &IndexConfig) -> Index {
        let mut ix = Index::default();
        for (ei, e) in cat.entries.iter().enumerate() {
            for c in &e.codes {
                ix.add_alias(c, ei);
            }
        }
        ix.add_passages(cat, article_passages(cat, cfg), cfg);
        ix
    }

    /// Builds the index of the lexicon's phrases (people's words for each entry), language by
    /// language, with their own weights: a word common in phrases says little among them.
    pub fn build_phrases(cat: &Catalog, cfg: &IndexConfig) -> Index {
        let mut ix = Index::default();
        let docs = cat
            .lexicon
            .phrases
            .iter()
            .filter(|_| cfg.phrase_weight > 0.0)
            .enumerate()
            .map(|(i, p)| {
                let doc = Doc {
                    // "Not ours" takes the slot after the last entry (see `text::score_segments`).
                    entry: p.entry.unwrap_or(cat.entries.len()),
                    lang: p.lang.clone(),
                    field: Field::Message,
                    weight: cfg.phrase_weight,
                    norm: 0.0,
                    lang_idx: 0,
                    // Each phrase is a part of its own: two phrases of an entry that both
                    // describe the paste are two descriptions agreeing (the number fits a u16:
                    // asserted with MAX_PHRASES above).
                    part: i as u16,
                };
                (doc, p.text.clone())
            })
            .collect();
        ix.add_passages(cat, docs, cfg);
        ix
    }

    /// Adds `passages` (each with its text) numbered language by language (each language's in
    /// the order given), so that each posting list (sorted by passage number) holds one
    /// contiguous run per language: a query in a known language scans only its runs (see
    /// `lang_ranges`). Then weighs the features and sets each passage's norm.
    fn add_passages(&mut self, cat: &Catalog, passages: Vec<(Doc, String)>, cfg: &IndexConfig) {
        let mut langs: Vec<&str> = Vec::new();
        for (d, _) in &passages {
            if !langs.contains(&d.lang.as_str()) {
                langs.push(&d.lang);
            }
        }
        let mut doc_features: Vec<Vec<u32>> = Vec::new();
        let mut buf = Vec::new();
        for lang in langs {
            for (doc, text) in passages.iter().filter(|p| p.0.lang == lang) {
                features(&fold(text), &mut buf, Some(&cat.lexicon), |_, _| true);
                if buf.len() >= MIN_PASSAGE_FEATURES {
                    self.add_doc(doc.clone(), &buf);
                    doc_features.push(buf.clone());
                }
            }
        }
        self.weigh(cfg);
        for (d, tris) in doc_features.iter().enumerate() {
            let li = self.docs[d].lang_idx as usize;
            self.docs[d].norm = tris
                .iter()
                .filter_map(|t| self.postings.get(t))
                .map(|p| self.weight(p.0, li))
                .sum();
        }
    }

    /// The weight of feature row `row` in language `li` (0 when the language lacks it).
    pub fn weight(&self, row: u32, li: usize) -> f32 {
        let n = self.lang_ranges.len();
        self.weights
            .get(row as usize * n + li)
            .copied()
            .unwrap_or(0.0)
    }

    /// Adds passage `doc` with its features as the next document.
    fn add_doc(&mut self, mut doc: Doc, tris: &[u32]) {
        let d = self.docs.len() as u32;
        for t in tris {
            self.postings.entry(*t).or_insert((0, Vec::new())).1.push(d);
        }
        match self.lang_ranges.last_mut() {
            Some((l, _, end)) if *l == doc.lang => *end = d + 1,
            _ => self.lang_ranges.push((doc.lang.clone(), d, d + 1)),
        }
        doc.lang_idx = (self.lang_ranges.len() - 1) as u16;
        self.docs.push(doc);
    }

    /// Adds code or alias `c` of entry `ei` (the first entry to claim an alias keeps it).
    fn add_alias(&mut self, c: &str, ei: usize) {
        let n = alias_norm(c);
        if n.is_empty() {
            return;
        }
        let words = n.split(' ').count();
        self.max_alias_words = self.max_alias_words.max(words);
        let first = n.split(' ').next().unwrap_or("").to_string();
        let e = self.alias_first_words.entry(first).or_insert(0);
        *e = (*e).max(words);
        self.aliases.entry(n.clone()).or_insert(ei);
        if !n.contains(' ')
            && n.chars().any(|c| c.is_ascii_alphabetic())
            && n.len() >= MIN_FUZZY_IDENT
            && !n.starts_with("0x")
        {
            self.idents.push((n, ei));
        }
    }

    /// Weighs every feature by squared IDF in each language and moves too common ones to
    /// `stop`. Document frequency is measured within each language: "wachtwoord" is in nearly
    /// every Dutch passage, which all-language counts would hide behind the other languages,
    /// and a trigram common in German says nothing about Swedish passages. The passages are
    /// grouped by language, one `lang_ranges` run each.
    fn weigh(&mut self, cfg: &IndexConfig) {
        let n = self.lang_ranges.len();
        let mut lang_of = vec![0usize; self.docs.len()];
        let mut per_lang_n: Vec<f32> = Vec::new();
        for (li, (_, a, b)) in self.lang_ranges.iter().enumerate() {
            lang_of[*a as usize..*b as usize].fill(li);
            per_lang_n.push((b - a) as f32);
        }
        // A feature a language lacks weighs as one no passage has: above any indexed weight.
        let all = self.docs.len() as f32;
        self.unknown = per_lang_n
            .iter()
            .map(|_| (1.0 + all).ln().powi(2))
            .collect();
        let mut stop: Vec<u32> = Vec::new();
        let mut counts = vec![0f32; n];
        let mut rows = 0u32;
        self.weights.clear();
        for (t, p) in self.postings.iter_mut() {
            counts.iter_mut().for_each(|c| *c = 0.0);
            for &d in &p.1 {
                counts[lang_of[d as usize]] += 1.0;
            }
            let shares = counts.iter().zip(&per_lang_n).map(|(c, m)| c / m.max(1.0));
            // Too common in any one language: a stop feature everywhere.
            if shares.clone().fold(0.0f32, f32::max) > cfg.stop_share {
                stop.push(*t);
                continue;
            }
            p.0 = rows;
            rows += 1;
            // How common the feature is elsewhere counts at a share (`foreign_share`): a trigram
            // common in German says less about a Swedish passage, but not nothing.
            let elsewhere = shares.clone().fold(0.0f32, f32::max) * cfg.foreign_share;
            // Squared IDF: the weight of a feature in both the query and the passage vectors.
            let k = if is_concept(*t) {
                cfg.concept_weight
            } else {
                1.0
            };
            self.weights.extend(shares.map(|s| {
                if s > 0.0 {
                    k * (1.0 + 1.0 / s.max(elsewhere)).ln().powi(2)
                } else {
                    0.0
                }
            }));
        }
        for t in stop {
            self.postings.remove(&t);
            self.stop.insert(t, ());
        }
    }
}

/// Every article passage with its text, in catalog order.
fn article_passages(cat: &Catalog, cfg: &IndexConfig) -> Vec<(Doc, String)> {
    let mut out = Vec::new();
    for (ei, e) in cat.entries.iter().enumerate() {
        for l in &e.locales {
            let mut body_parts = 0u16;
            for (field, weight, text) in passages(l, cfg) {
                let part = match field {
                    Field::Message => 0,
                    Field::Body => {
                        body_parts = body_parts.saturating_add(1);
                        body_parts
                    }
                };
                let doc = Doc {
                    entry: ei,
                    lang: l.lang.clone(),
                    field,
                    weight,
                    norm: 0.0,
                    lang_idx: 0,
                    part,
                };
                out.push((doc, text));
            }
        }
    }
    out
}

/// The passages of one localisation that are indexed separately: people paste or paraphrase
/// one message or one paragraph, not a whole entry.
pub fn passages(l: &crate::catalog::Localized, cfg: &IndexConfig) -> Vec<(Field, f32, String)> {
    let mut out = vec![(Field::Message, 1.0, format!("{} {}", l.title, l.message))];
    for line in l.message.lines().filter(|_| l.message.contains('\n')) {
        out.push((Field::Message, 1.0, line.to_string()));
    }
    for w in &l.earlier {
        out.push((Field::Message, 1.0, w.clone()));
    }
    let mut first = true;
    for r in [&l.meaning, &l.action] {
        for b in &r.0 {
            let text: String = crate::catalog::rich::inlines(b)
                .iter()
                .map(|i| i.text())
                .collect();
            for q in quoted(&text) {
                out.push((Field::Message, 1.0, q));
            }
            let w = match b {
                crate::catalog::Block::Para(_) if first => 1.0,
                crate::catalog::Block::Para(_) => cfg.later_passage_weight,
                crate::catalog::Block::Item(_) => cfg.list_item_weight,
            };
            first = false;
            for chunk in sentence_chunks(&text, cfg.passage_bytes) {
                out.push((Field::Body, w, chunk));
            }
        }
    }
    for q in quoted(&l.message) {
        out.push((Field::Message, 1.0, q));
    }
    out
}

/// Text between quotation marks (“…”, "…", „…“) of at least 20 characters: an error as shown.
fn quoted(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c, open) {
            ('“' | '„' | '"' | '«', None) => open = Some(i + c.len_utf8()),
            ('”' | '“' | '"' | '»', Some(st)) => {
                let q = s[st..i].trim();
                if q.chars().count() >= 20 {
                    out.push(q.to_string());
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whole sentences grouped into chunks of at most about `max` bytes.
fn sentence_chunks(s: &str, max: usize) -> Vec<String> {
    if s.len() <= max {
        return vec![s.to_string()];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '.' | '!' | '?' | ':') && bytes.get(end).is_none_or(|b| *b == b' ') {
            let sentence = &s[start..end];
            if !cur.is_empty() && cur.len() + sentence.len() > max {
                out.push(std::mem::take(&mut cur));
            }
            cur.push_str(sentence);
            start = end;
        }
    }
    cur.push_str(&s[start..]);
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(s: &str) -> Vec<u32> {
        let mut v = Vec::new();
        trigrams(&fold(s), &mut v);
        v
    }

    #[test]
    fn adjacent_words_give_order_features() {
        let pairs = |s: &str| -> Vec<u32> {
            features(s)
                .into_iter()
                .filter(|f| f & PAIR_FEATURE != 0)
                .collect()
        };
        // (text, pairs expected, text whose pairs must all differ)
        let cases: &[(&str, usize, &str)] = &[
            ("byl úspěšný", 1, "nebyl úspěšný"),
            ("niet ingeschakeld", 1, "ingeschakeld niet"),
            ("one two three", 2, "three two one"),
            ("word", 0, ""),
            ("パスワード リセット", 0, ""),
        ];
        for (a, n, b) in cases {
            let pa = pairs(a);
            assert_eq!(pa.len(), *n, "{a}");
            let pb = pairs(b);
            assert!(pa.iter().all(|p| !pb.contains(p)), "{a} / {b}");
        }
        // A query keeps only the pairs its filter accepts (pairs of words the index knows).
        let mut v = Vec::new();
        super::features(&fold("aditional security info"), &mut v, None, |a, _| {
            a != "aditional"
        });
        assert_eq!(v.iter().filter(|f| *f & PAIR_FEATURE != 0).count(), 1);
    }

    #[test]
    fn the_index_knows_words_by_their_stem() {
        let cat = crate::catalog::Catalog::parse(
            "E\tK\tsymptom\tusage\tuser\nL\ten\nT\tThe password writeback service stopped\n",
        );
        let ix = Index::build(&cat, &IndexConfig::DEFAULT);
        for (w, known) in [
            ("password", true),
            ("passwords", true),
            ("pasword", false),
            ("the", true),
            ("zzzzzz", false),
        ] {
            assert_eq!(ix.knows_word(w), known, "{w}");
        }
    }

    #[test]
    fn knows_word_reads_the_stem_the_features_have() {
        let cat = crate::catalog::Catalog::parse(
            "E\tK\tsymptom\tusage\tuser\nL\tfr\nT\tL'utilisateur n'a pas d'accès à l'écriture différée\n",
        );
        let ix = Index::build(&cat, &IndexConfig::DEFAULT);
        // The stem as the features have it: the word padded with spaces, apostrophes out.
        let by_features = |w: &str| {
            let chars: Vec<char> = std::iter::once(' ')
                .chain(w.chars().filter(|c| *c != '\''))
                .chain(std::iter::once(' '))
                .collect();
            stem(&chars).is_none_or(|f| ix.postings.contains_key(&f) || ix.stop.contains_key(&f))
        };
        for w in [
            "l'utilisateur",
            "lutilisateur",
            "utilisateurs",
            "utili",
            "util",
            "u'til'isateur",
            "ecriture",
            "écriture",
            "differee",
            "acces",
            "d'acces",
            "'''''''",
            "",
            "a'b'c'd'e",
            "a'b'c'd",
            "zzzzzz",
            "パスワード",
            "pass",
            "n'a",
        ] {
            assert_eq!(ix.knows_word(&fold(w)), by_features(&fold(w)), "{w}");
        }
        assert!(ix.knows_word(&fold("l'utilisateurs")));
        assert!(!ix.knows_word("zzzzzz"));
    }

    #[test]
    fn cjk_text_is_matched_by_character_pairs() {
        // (one wording, another, the character pairs they share)
        for (a, b, shared) in [
            ("密码写回失败", "写回密码的时候失败了", 3), // 密码 写回 失败
            ("パスワードをリセット", "リセットできないパスワード", 7), // パスワード リセット
            ("암호를 다시 설정", "암호 다시설정", 3),    // 암호 다시 설정
            ("密码", "天气", 0),
        ] {
            let fb = features(b);
            let n = features(a).iter().filter(|f| fb.contains(f)).count();
            assert_eq!(n, shared, "{a} / {b}");
        }
        // A lone letter is one feature; a token mixing scripts yields both kinds.
        assert_eq!(features("密").len(), 1);
        let mixed = features("AD同期");
        assert!(features("ad")
            .iter()
            .chain(&features("同期"))
            .all(|f| mixed.contains(f)));
        // Pairs and other features are told apart by one bit.
        assert!(features("同期").iter().all(|f| f & CJK_FEATURE != 0));
        assert!(features("sync error").iter().all(|f| f & CJK_FEATURE == 0));
    }

    #[test]
    fn cjk_pairs_give_byte_ranges_in_the_run() {
        let run = "密码写";
        let mut got = Vec::new();
        cjk_pairs(run, |a, b, _| got.push(&run[a..b]));
        assert_eq!(got, vec!["密码", "码写"]);
        got.clear();
        cjk_pairs("", |a, b, _| got.push(&run[a..b]));
        assert!(got.is_empty());
    }
}
