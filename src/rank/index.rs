//! The search index, built once from the catalog: character trigrams with IDF weights per
//! (entry, language, field) document, and the alias table for codes and names.

use crate::catalog::Catalog;
use crate::query::{fold, words};
use std::collections::HashMap;

/// Which part of a localisation a document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Title and message: what people see and paste.
    Message,
    /// Meaning and action: what people paraphrase.
    Body,
}

#[derive(Debug)]
pub struct Doc {
    pub entry: usize,
    pub lang: String,
    pub field: Field,
    /// Σ idf over the document's distinct trigrams.
    pub norm: f32,
}

/// Trigram → documents containing it.
#[derive(Debug, Default)]
pub struct Index {
    pub docs: Vec<Doc>,
    pub postings: HashMap<u32, Vec<u32>>,
    pub idf: HashMap<u32, f32>,
    /// Normalised alias (words joined by one space) → entry index.
    pub aliases: HashMap<String, usize>,
    /// Identifier aliases (lower-case, no separators) for fuzzy matching, with their entry.
    pub idents: Vec<(String, usize)>,
    pub max_alias_words: usize,
}

/// A trigram packed in a u32 (21 bits a char would not fit; hash instead, collisions are rare
/// and harmless: they only add a little noise to a score).
fn pack(a: char, b: char, c: char) -> u32 {
    let mut h: u32 = 2166136261;
    for ch in [a, b, c] {
        h ^= ch as u32;
        h = h.wrapping_mul(16777619);
    }
    h
}

/// Distinct trigrams of folded text: each word padded with a space on both sides.
pub fn trigrams(folded: &str, out: &mut Vec<u32>) {
    out.clear();
    for w in words(folded) {
        let chars: Vec<char> = std::iter::once(' ').chain(w.chars().filter(|c| *c != '\'')).chain(std::iter::once(' ')).collect();
        if chars.len() < 3 {
            continue;
        }
        for t in chars.windows(3) {
            out.push(pack(t[0], t[1], t[2]));
        }
    }
    out.sort_unstable();
    out.dedup();
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
    f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

impl Index {
    pub fn build(cat: &Catalog) -> Index {
        let mut ix = Index::default();
        let mut doc_trigrams: Vec<Vec<u32>> = Vec::new();
        let mut buf = Vec::new();
        for (ei, e) in cat.entries.iter().enumerate() {
            for l in &e.locales {
                for (field, text) in [
                    (Field::Message, format!("{} {}", l.title, l.message)),
                    (Field::Body, format!("{} {}", l.meaning.plain(), l.action.plain())),
                ] {
                    trigrams(&fold(&text), &mut buf);
                    if buf.is_empty() {
                        continue;
                    }
                    let d = ix.docs.len() as u32;
                    for t in &buf {
                        ix.postings.entry(*t).or_default().push(d);
                    }
                    doc_trigrams.push(buf.clone());
                    ix.docs.push(Doc { entry: ei, lang: l.lang.clone(), field, norm: 0.0 });
                }
            }
            for c in &e.codes {
                let n = alias_norm(c);
                if n.is_empty() {
                    continue;
                }
                ix.max_alias_words = ix.max_alias_words.max(n.split(' ').count());
                ix.aliases.entry(n.clone()).or_insert(ei);
                if !n.contains(' ') && n.chars().any(|c| c.is_alphabetic()) && n.len() >= 6 && !n.starts_with("0x") {
                    ix.idents.push((n, ei));
                }
            }
        }
        let n = ix.docs.len().max(1) as f32;
        for (t, p) in &ix.postings {
            ix.idf.insert(*t, (1.0 + n / p.len() as f32).ln());
        }
        for (d, tris) in doc_trigrams.iter().enumerate() {
            ix.docs[d].norm = tris.iter().map(|t| ix.idf[t]).sum();
        }
        ix
    }
}
