//! Cross-language alignment: placing each article's rows in entries. Coded rows go to the
//! entry of their key; uncoded rows are matched greedily, best evidence first, to entries of
//! their area that lack the article's language, or start new entries with readable keys.

use super::evidence::{key_words, Evidence};
use super::limits::MAX_ROWS_PER_ENTRY;
use super::rows::Row;
use super::Report;
use crate::catalog::{Area, Audience, Block, Entry, Inline, Kind, Localized, Rich, Source};
use std::collections::{BTreeMap, BTreeSet};

/// Weight of each link target or number an uncoded row shares with an entry: these are the
/// same in every translation, so one shared link is strong evidence.
const SHARED_LINK_OR_NUMBER: f32 = 3.0;
/// Weight of each shared capitalised product term (SMS, ADMA, PowerShell): weaker, since a
/// term can recur across the rows of an area.
const SHARED_TERM: f32 = 1.0;
/// Penalty per link target on one side only (at most [`MAX_UNSHARED_LINKS`] count): rows that
/// link elsewhere are probably different rows.
const UNSHARED_LINK: f32 = 0.5;
const MAX_UNSHARED_LINKS: f32 = 2.0;
/// Weight of the Jaccard overlap of English words (an English anchor against English text).
const ENGLISH_OVERLAP: f32 = 6.0;
/// Weight of the same position within the area (falls off as 1/(1+distance)): translations
/// keep the rows in order.
const SAME_POSITION: f32 = 2.0;
/// The least score that aligns an uncoded row: more than the same position alone (2.0 minus
/// an unshared link), so position only decides together with other evidence.
const ALIGN_MIN: f32 = 1.5;

/// Import-time state of an entry: the entry plus what alignment needs.
struct Building {
    entry: Entry,
    evidence: Evidence,
    /// Positions within its area in each article that placed a row in it (translations of
    /// one version keep its order; versions differ).
    pos: Vec<usize>,
    /// Creation order (orders uncoded entries of an area).
    ord: usize,
}

/// Where an article's text comes from: its file and its `ms.date`.
pub(super) struct SourceRef {
    pub(super) file: String,
    pub(super) date: String,
}

/// The entries built so far, in creation order, with an index by key (every row looks its
/// key up, so the lookup must not walk the list).
#[derive(Default)]
pub(super) struct Entries {
    list: Vec<Building>,
    by_key: BTreeMap<String, usize>,
    /// For a new key's base, the next numeric suffix worth trying (every lower one is taken).
    next_suffix: BTreeMap<String, usize>,
}

impl Entries {
    /// Places one article's rows: coded rows by key, then uncoded rows by evidence.
    pub(super) fn place(
        &mut self,
        rows: Vec<Row>,
        lang: &str,
        source: &SourceRef,
        report: &mut Report,
    ) {
        let (coded, uncoded): (Vec<Row>, Vec<Row>) =
            rows.into_iter().partition(|r| r.key.is_some());
        let mut rows_per_key: BTreeMap<String, usize> = BTreeMap::new();
        for row in coded {
            let key = row.key.clone().unwrap_or_default();
            let n = rows_per_key.entry(key.clone()).or_insert(0);
            *n += 1;
            if *n > MAX_ROWS_PER_ENTRY {
                report.unplaced.push(format!(
                    "line {}: {key} already has {MAX_ROWS_PER_ENTRY} rows from this article; row skipped",
                    row.line
                ));
                continue;
            }
            let idx = self.coded_entry(&row, lang, report);
            merge_row(&mut self.list[idx], row, lang, source, report);
        }
        let targets = self.align_uncoded(&uncoded, lang, &source.file);
        let df = area_word_counts(&uncoded);
        for (row, target) in uncoded.into_iter().zip(targets) {
            let idx = match target {
                Some(bi) => {
                    report.aligned.push(self.list[bi].entry.key.clone());
                    bi
                }
                None => self.new_uncoded_entry(&row, lang, &df, report),
            };
            merge_row(&mut self.list[idx], row, lang, source, report);
        }
    }

    /// The catalog order: by area, kind, then code (coded) or creation order (uncoded).
    pub(super) fn into_sorted(mut self) -> Vec<Entry> {
        self.list
            .sort_by_key(|b| (b.entry.area, b.entry.kind, sort_key(&b.entry.key, b.ord)));
        let mut entries: Vec<Entry> = self.list.into_iter().map(|b| b.entry).collect();
        for e in &mut entries {
            e.locales
                .sort_by(|a, b| crate::catalog::lang_order(&a.lang, &b.lang));
        }
        entries
    }

    /// The entry a coded row belongs to, created when it is new.
    fn coded_entry(&mut self, row: &Row, lang: &str, report: &mut Report) -> usize {
        let key = row.key.clone().unwrap_or_default();
        if let Some(&i) = self.by_key.get(&key) {
            if self.list[i].entry.locale(lang).is_none() {
                report.aligned.push(key);
            }
            return i;
        }
        let area = if row.kind == Kind::Hresult || row.kind == Kind::AdSync {
            Area::AdSync
        } else {
            row.area
        };
        let audience = audience_of(row.area);
        self.add(&key, row.kind, area, audience, row.pos, report)
    }

    /// Greedy best-first alignment of uncoded rows to symptom entries of their area that lack
    /// the language, or have it from another article (an older or newer version, reworded):
    /// for each row, the entry it joins (or `None`).
    fn align_uncoded(&self, uncoded: &[Row], lang: &str, file: &str) -> Vec<Option<usize>> {
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for (ri, row) in uncoded.iter().enumerate() {
            for (bi, b) in self.list.iter().enumerate() {
                if b.entry.area == row.area
                    && b.entry.kind == Kind::Symptom
                    && b.entry.locale(lang).is_none_or(|l| l.source.file != file)
                {
                    pairs.push((align_score(row, b), ri, bi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let free: Vec<usize> = pairs
            .iter()
            .map(|p| p.2)
            .collect::<BTreeSet<usize>>()
            .into_iter()
            .collect();
        let mut row_done = vec![None; uncoded.len()];
        let mut entry_used = BTreeSet::new();
        for (s, ri, bi) in pairs {
            if s < ALIGN_MIN || row_done[ri].is_some() || entry_used.contains(&bi) {
                continue;
            }
            row_done[ri] = Some(bi);
            entry_used.insert(bi);
        }
        self.fill_gaps(uncoded, &free, &mut row_done, &mut entry_used);
        row_done
    }

    /// A row that no evidence placed, between two rows that were placed, goes to the one
    /// entry still free between theirs (in creation order, which follows the first article's
    /// row order): translations keep the rows in order, even when a row has nothing else to
    /// tell it by (no link, number or product term).
    fn fill_gaps(
        &self,
        uncoded: &[Row],
        free: &[usize],
        done: &mut [Option<usize>],
        used: &mut BTreeSet<usize>,
    ) {
        for ri in 0..uncoded.len() {
            if done[ri].is_some() {
                continue;
            }
            let r = &uncoded[ri];
            let neighbour = |pos: usize| {
                uncoded
                    .iter()
                    .position(|o| o.area == r.area && o.pos == pos)
                    .and_then(|i| done[i])
            };
            let (Some(prev), Some(next)) = (
                r.pos.checked_sub(1).and_then(neighbour),
                neighbour(r.pos + 1),
            ) else {
                continue;
            };
            let (lo, hi) = (self.list[prev].ord, self.list[next].ord);
            let between: Vec<usize> = free
                .iter()
                .copied()
                .filter(|bi| !used.contains(bi) && self.list[*bi].entry.area == r.area)
                .filter(|bi| lo < self.list[*bi].ord && self.list[*bi].ord < hi)
                .collect();
            if let [only] = between[..] {
                done[ri] = Some(only);
                used.insert(only);
            }
        }
    }

    /// Starts an entry for an uncoded row that matched nothing, keyed from its English text
    /// (the English anchor words when the row is in another language).
    fn new_uncoded_entry(
        &mut self,
        row: &Row,
        lang: &str,
        df: &BTreeMap<Area, BTreeMap<String, usize>>,
        report: &mut Report,
    ) -> usize {
        let text = if lang == "en" || row.evidence.english.is_empty() {
            row.message.clone()
        } else {
            let words: Vec<&str> = row.evidence.english.iter().map(String::as_str).collect();
            words.join(" ")
        };
        let no_counts = BTreeMap::new();
        let base = symptom_key_base(row.area, &text, df.get(&row.area).unwrap_or(&no_counts));
        let key = self.free_key(base);
        let audience = audience_of(row.area);
        self.add(&key, Kind::Symptom, row.area, audience, row.pos, report)
    }

    /// `base`, or `base-2`, `base-3`, … whichever is free first.
    fn free_key(&mut self, base: String) -> String {
        if !self.by_key.contains_key(&base) {
            return base;
        }
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
        let mut key = format!("{base}-{n}");
        while self.by_key.contains_key(&key) {
            n += 1;
            key = format!("{base}-{n}");
        }
        self.next_suffix.insert(base, n + 1);
        key
    }

    /// Starts a new entry; returns its index. Entries remember the order they were created in.
    fn add(
        &mut self,
        key: &str,
        kind: Kind,
        area: Area,
        audience: Audience,
        pos: usize,
        report: &mut Report,
    ) -> usize {
        let entry = Entry {
            key: key.to_string(),
            kind,
            area,
            audience,
            codes: vec![],
            misprints: vec![],
            related: vec![],
            locales: vec![],
        };
        let ord = self.list.len();
        self.list.push(Building {
            entry,
            evidence: Evidence::default(),
            pos: vec![pos],
            ord,
        });
        self.by_key.insert(key.to_string(), ord);
        report.new_entries.push(key.to_string());
        ord
    }
}

/// Coded entries by their number (HRESULTs by value), then uncoded ones in creation order.
fn sort_key(key: &str, ord: usize) -> (u64, usize) {
    let digits: String = key.chars().filter(|c| c.is_ascii_digit()).collect();
    let n = if let Some(hex) = crate::catalog::key::hresult_hex(key) {
        u64::from_str_radix(hex, 16).unwrap_or(0)
    } else {
        digits.parse().unwrap_or(0)
    };
    if key.contains('_') {
        (n, 0)
    } else {
        (u64::MAX, ord)
    }
}

/// Per area, how many of the article's uncoded rows use each word (for distinctive keys).
fn area_word_counts(uncoded: &[Row]) -> BTreeMap<Area, BTreeMap<String, usize>> {
    let mut df: BTreeMap<Area, BTreeMap<String, usize>> = BTreeMap::new();
    for row in uncoded {
        let set: BTreeSet<String> = key_words(&row.message).into_iter().collect();
        for w in set {
            *df.entry(row.area).or_default().entry(w).or_insert(0) += 1;
        }
    }
    df
}

/// A readable key for a new uncoded entry: area + up to five content words of its text,
/// preferring words that the other rows of the same area do not share (`df` counts, per word,
/// how many rows of the area use it). [`Entries::free_key`] makes it unique.
fn symptom_key_base(area: Area, text: &str, df: &BTreeMap<String, usize>) -> String {
    /// Words in a key made of distinctive words, and in one made of the first words.
    const DISTINCTIVE_WORDS: usize = 4;
    const FIRST_WORDS: usize = 5;
    let all = key_words(text);
    let mut seen = BTreeSet::new();
    let all: Vec<String> = all.into_iter().filter(|w| seen.insert(w.clone())).collect();
    let distinctive: Vec<&String> = all
        .iter()
        .filter(|w| df.get(*w).copied().unwrap_or(0) <= 1)
        .collect();
    let words: Vec<&String> = if distinctive.len() >= 2 {
        distinctive.into_iter().take(DISTINCTIVE_WORDS).collect()
    } else {
        all.iter().take(FIRST_WORDS).collect()
    };
    let words: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
    format!(
        "{}-{}",
        area.name(),
        if words.is_empty() {
            "row".to_string()
        } else {
            words.join("-")
        }
    )
}

/// Alignment score of an uncoded row against an existing entry of the same area.
fn align_score(row: &Row, b: &Building) -> f32 {
    let inter = |a: &BTreeSet<String>, c: &BTreeSet<String>| a.intersection(c).count() as f32;
    let (r, e) = (&row.evidence, &b.evidence);
    let mut s = 0.0;
    s += SHARED_LINK_OR_NUMBER * inter(&r.links, &e.links);
    s += SHARED_LINK_OR_NUMBER * inter(&r.numbers, &e.numbers);
    s += SHARED_TERM * inter(&r.caps, &e.caps);
    // Links on one side only: evidence against.
    s -= UNSHARED_LINK
        * (r.links.symmetric_difference(&e.links).count() as f32).min(MAX_UNSHARED_LINKS);
    if !r.english.is_empty() && !e.english.is_empty() {
        let i = inter(&r.english, &e.english);
        let u = r.english.union(&e.english).count() as f32;
        s += ENGLISH_OVERLAP * i / u.max(1.0);
    }
    let d = b
        .pos
        .iter()
        .map(|p| (row.pos as f32 - *p as f32).abs())
        .fold(f32::MAX, f32::min);
    s += SAME_POSITION / (1.0 + d);
    s
}

/// `MM/DD/YYYY` (Docs front matter) or `YYYY-MM-DD` → `YYYYMMDD`; 0 when unknown or out of
/// range (a month past 12 or a day past 31 is not a date).
pub fn sortable_date(d: &str) -> u32 {
    let parts: Vec<u32> = d
        .split(['/', '-', '.'])
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if *y > 1900 => (*y, *m, *d),
        [m, d, y] if *y > 1900 => (*y, *m, *d),
        _ => return 0,
    };
    if y > 9999 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return 0;
    }
    y * 10_000 + m * 100 + d
}

fn audience_of(area: Area) -> Audience {
    match area {
        Area::Screen | Area::Usage | Area::Registration => Audience::User,
        _ => Audience::Admin,
    }
}

/// Adds a row's text to an entry in `lang`, unless a newer article in the same language
/// already gave it.
fn merge_row(b: &mut Building, row: Row, lang: &str, source: &SourceRef, report: &mut Report) {
    report
        .rows
        .push((b.entry.key.clone(), row.section.clone(), row.line));
    let Some(earlier) = replace_other_article(b, &row, lang, source, report) else {
        return;
    };
    let e = &mut b.entry;
    e.codes.extend(row.codes.iter().cloned());
    e.related.extend(row.related.iter().cloned());
    for p in &row.printed {
        if !e.misprints.contains(p) {
            e.misprints.push(p.clone());
        }
    }
    b.evidence.absorb(&row.evidence);
    if !b.pos.contains(&row.pos) {
        b.pos.push(row.pos);
    }
    let src = Source {
        file: source.file.clone(),
        section: row.section.clone(),
        date: source.date.clone(),
    };
    match e.locales.iter_mut().find(|l| l.lang == lang) {
        None => {
            let mut l = Localized {
                lang: lang.to_string(),
                title: row.title,
                message: row.message,
                meaning: row.meaning,
                action: row.action,
                source: src,
                earlier: vec![],
            };
            for w in earlier {
                add_earlier(&mut l, w);
            }
            e.locales.push(l);
        }
        Some(l) => merge_second_row(l, row),
    }
}

/// The wording people paste from a row or localisation: its message, or its title.
fn wording(title: &str, message: &str) -> String {
    if message.is_empty() { title } else { message }.to_string()
}

/// Keeps `w` as an earlier wording of `l` (matched, not shown) unless it is the current one.
fn add_earlier(l: &mut Localized, w: String) {
    if !w.is_empty() && w != l.message && w != l.title && !l.earlier.contains(&w) {
        l.earlier.push(w);
    }
}

/// When another article in the same language already gave this entry, the newer article wins
/// (an import of a newer version updates a localisation instead of doubling it), and the
/// older wording stays as an earlier one (people still paste it). Returns the earlier
/// wordings the row's localisation must carry, or `None` when the row is the older one (its
/// wording was added to the kept localisation).
fn replace_other_article(
    b: &mut Building,
    row: &Row,
    lang: &str,
    source: &SourceRef,
    report: &mut Report,
) -> Option<Vec<String>> {
    let Some(pos) = b
        .entry
        .locales
        .iter()
        .position(|l| l.lang == lang && l.source.file != source.file)
    else {
        return Some(vec![]);
    };
    let old = &mut b.entry.locales[pos];
    if sortable_date(&source.date) > sortable_date(&old.source.date) {
        report.diagnostics.push(format!(
            "{}: replaces the {lang} text from {} ({})",
            b.entry.key, old.source.file, old.source.date
        ));
        let old = b.entry.locales.remove(pos);
        let mut earlier = old.earlier;
        earlier.push(wording(&old.title, &old.message));
        Some(earlier)
    } else {
        report.superseded.push(format!(
            "{}: kept the {lang} text from {} ({})",
            b.entry.key, old.source.file, old.source.date
        ));
        add_earlier(old, wording(&row.title, &row.message));
        None
    }
}

/// A second row for the same entry and language: a 6329 variant, or a symptom row and an
/// event-table row for the same event. Code-table rows name the entry.
fn merge_second_row(l: &mut Localized, row: Row) {
    if row.names_entry() && !l.title.is_empty() && l.source.section != row.section {
        let old_msg = std::mem::replace(&mut l.message, row.message);
        l.title = row.title;
        let mut meaning = row.meaning.0;
        if !old_msg.is_empty() {
            meaning.push(Block::Para(vec![Inline::Text { s: old_msg }]));
        }
        meaning.extend(std::mem::take(&mut l.meaning.0));
        l.meaning = Rich(meaning);
    } else {
        if !row.message.is_empty() && !l.message.contains(&row.message) {
            l.message = format!("{}\n{}", l.message, row.message);
        }
        l.meaning.0.extend(row.meaning.0);
    }
    l.action.0.extend(row.action.0);
}
