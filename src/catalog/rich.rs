//! Structured rich text: what a catalog cell may contain once the importer has cleaned it.
//!
//! Only paragraphs, bullet lists and a few inline styles survive, and every link is either an
//! absolute `https://`/`http://` address or an in-page `#KEY`. Nothing here is HTML: renderers
//! build their own nodes from it, so catalog text can never inject markup.
//!
//! The catalog file stores rich text in a tiny line-safe markup (see [`Rich::encode`]): `**bold**`,
//! `*italic*`, `` `code` ``, `[text](href)`, blocks separated by `¶` (paragraph) or `•` (list item).

use serde::Serialize;

/// A run of inline content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Inline {
    Text {
        s: String,
    },
    Strong {
        s: String,
    },
    Em {
        s: String,
    },
    Code {
        s: String,
    },
    /// `href` is absolute http(s) or `#KEY` (an entry of this catalog).
    Link {
        s: String,
        href: String,
    },
}

/// A block: a paragraph or one item of a bullet list (consecutive items form one list).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "b", content = "c", rename_all = "lowercase")]
pub enum Block {
    Para(Vec<Inline>),
    Item(Vec<Inline>),
}

/// Rich text: a sequence of blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Rich(pub Vec<Block>);

const PARA: char = '¶';
const ITEM: char = '•';

impl Inline {
    pub fn text(&self) -> &str {
        match self {
            Inline::Text { s } | Inline::Strong { s } | Inline::Em { s } | Inline::Code { s } => s,
            Inline::Link { s, .. } => s,
        }
    }
}

impl Rich {
    pub fn is_empty(&self) -> bool {
        self.0
            .iter()
            .all(|b| inlines(b).iter().all(|i| i.text().trim().is_empty()))
    }

    /// Plain text: blocks joined by newlines, list items prefixed with "- ".
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for b in &self.0 {
            if !out.is_empty() {
                out.push('\n');
            }
            if matches!(b, Block::Item(_)) {
                out.push_str("- ");
            }
            for i in inlines(b) {
                out.push_str(i.text());
            }
        }
        out
    }

    /// The catalog's one-line encoding. Inverse of [`Rich::decode`].
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for b in &self.0 {
            out.push(if matches!(b, Block::Item(_)) {
                ITEM
            } else {
                PARA
            });
            for i in inlines(b) {
                match i {
                    Inline::Text { s } => escape_into(&mut out, s),
                    Inline::Strong { s } => wrap(&mut out, "**", s, "**"),
                    Inline::Em { s } => wrap(&mut out, "*", s, "*"),
                    Inline::Code { s } => wrap(&mut out, "`", s, "`"),
                    Inline::Link { s, href } => {
                        wrap(&mut out, "[", s, "](");
                        escape_into(&mut out, href);
                        out.push(')');
                    }
                }
            }
        }
        out
    }

    /// Parses [`Rich::encode`] output. Never fails: unbalanced markup is kept as text.
    pub fn decode(src: &str) -> Rich {
        let mut blocks = Vec::new();
        let mut cur: Option<(bool, Vec<Inline>)> = None;
        let chars: Vec<char> = src.chars().collect();
        let mut i = 0;
        let mut text = String::new();
        let flush = |text: &mut String, cur: &mut Option<(bool, Vec<Inline>)>| {
            if !text.is_empty() {
                let c = cur.get_or_insert((false, Vec::new()));
                c.1.push(Inline::Text {
                    s: std::mem::take(text),
                });
            }
        };
        while i < chars.len() {
            let c = chars[i];
            match c {
                '\\' if i + 1 < chars.len() => {
                    text.push(chars[i + 1]);
                    i += 2;
                    continue;
                }
                PARA | ITEM => {
                    flush(&mut text, &mut cur);
                    if let Some((item, v)) = cur.take() {
                        blocks.push(if item { Block::Item(v) } else { Block::Para(v) });
                    }
                    cur = Some((c == ITEM, Vec::new()));
                }
                '*' | '`' | '[' => {
                    let (open, close): (&str, &str) = match c {
                        '*' if chars.get(i + 1) == Some(&'*') => ("**", "**"),
                        '*' => ("*", "*"),
                        '`' => ("`", "`"),
                        _ => ("[", "]("),
                    };
                    let start = i + open.chars().count();
                    if let Some((inner, after)) = read_until(&chars, start, close) {
                        let node = if c == '[' {
                            match read_until(&chars, after, ")") {
                                Some((href, after2)) => {
                                    flush(&mut text, &mut cur);
                                    cur.get_or_insert((false, Vec::new()))
                                        .1
                                        .push(Inline::Link { s: inner, href });
                                    i = after2;
                                    continue;
                                }
                                None => None,
                            }
                        } else {
                            Some(match open {
                                "**" => Inline::Strong { s: inner },
                                "*" => Inline::Em { s: inner },
                                _ => Inline::Code { s: inner },
                            })
                        };
                        if let Some(node) = node {
                            flush(&mut text, &mut cur);
                            cur.get_or_insert((false, Vec::new())).1.push(node);
                            i = after;
                            continue;
                        }
                    }
                    text.push(c);
                }
                _ => text.push(c),
            }
            i += 1;
        }
        flush(&mut text, &mut cur);
        if let Some((item, v)) = cur.take() {
            blocks.push(if item { Block::Item(v) } else { Block::Para(v) });
        }
        Rich(blocks)
    }
}

pub fn inlines(b: &Block) -> &[Inline] {
    match b {
        Block::Para(v) | Block::Item(v) => v,
    }
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '`' | '[' | ']' | '(' | ')' | PARA | ITEM) {
            out.push('\\');
        }
        out.push(c);
    }
}

fn wrap(out: &mut String, open: &str, s: &str, close: &str) {
    out.push_str(open);
    escape_into(out, s);
    out.push_str(close);
}

/// Reads escaped text from `start` up to the unescaped delimiter `close`; returns the text and
/// the index after the delimiter.
fn read_until(chars: &[char], start: usize, close: &str) -> Option<(String, usize)> {
    let close: Vec<char> = close.chars().collect();
    let mut s = String::new();
    let mut i = start;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            s.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if chars[i..].starts_with(&close) {
            return Some((s, i + close.len()));
        }
        if chars[i] == PARA || chars[i] == ITEM {
            return None;
        }
        s.push(chars[i]);
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text { s: s.into() }
    }

    #[test]
    fn round_trips() {
        let cases = vec![
            Rich(vec![Block::Para(vec![t("plain")])]),
            Rich(vec![
                Block::Para(vec![
                    t("a "),
                    Inline::Strong { s: "b*c".into() },
                    t(" [x] (y) \\"),
                ]),
                Block::Item(vec![Inline::Link {
                    s: "t".into(),
                    href: "https://x/y(z)".into(),
                }]),
                Block::Item(vec![
                    Inline::Em { s: "e".into() },
                    Inline::Code { s: "`c`".into() },
                ]),
            ]),
            Rich(vec![]),
        ];
        for r in cases {
            assert_eq!(Rich::decode(&r.encode()), r, "{}", r.encode());
        }
    }

    #[test]
    fn malformed_markup_is_kept_as_text() {
        for (src, plain) in [
            ("¶a **b", "a **b"),
            ("¶[x](y", "[x](y"),
            ("*", "*"),
            ("\\", "\\"),
        ] {
            assert_eq!(Rich::decode(src).plain(), plain, "{src}");
        }
    }
}
