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
    /// Linear in the input: closing delimiters are found with `Closer`, so openers without a
    /// closer (`[[[[…`) cost nothing after the first search.
    pub fn decode(src: &str) -> Rich {
        let chars: Vec<char> = src.chars().collect();
        let mut d = Decoder {
            chars: &chars,
            blocks: Vec::new(),
            cur: None,
            text: String::new(),
            closers: CLOSERS.map(Closer::new),
        };
        d.run();
        d.finish()
    }
}

/// The closing delimiters of the markup: `**`, `*`, `` ` ``, `](` and `)`.
const CLOSERS: [&[char]; 5] = [&['*', '*'], &['*'], &['`'], &[']', '('], &[')']];
const STRONG: usize = 0;
const EM: usize = 1;
const CODE: usize = 2;
const LINK_MID: usize = 3;
const LINK_END: usize = 4;

/// The state of one [`Rich::decode`].
struct Decoder<'a> {
    chars: &'a [char],
    blocks: Vec<Block>,
    /// The block being filled: (is a list item, its inlines).
    cur: Option<(bool, Vec<Inline>)>,
    text: String,
    closers: [Closer; 5],
}

impl Decoder<'_> {
    fn run(&mut self) {
        let chars = self.chars;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '\\' if i + 1 < chars.len() => {
                    self.text.push(chars[i + 1]);
                    i += 2;
                    continue;
                }
                PARA | ITEM => {
                    self.flush_text();
                    self.end_block();
                    self.cur = Some((c == ITEM, Vec::new()));
                }
                '*' | '`' | '[' => {
                    if let Some((node, after)) = self.node_at(i) {
                        self.flush_text();
                        self.cur.get_or_insert((false, Vec::new())).1.push(node);
                        i = after;
                        continue;
                    }
                    self.text.push(c);
                }
                _ => self.text.push(c),
            }
            i += 1;
        }
    }

    /// The node whose opening delimiter is at `i`, and the index after it; `None` when it is
    /// not closed in its block.
    fn node_at(&mut self, i: usize) -> Option<(Inline, usize)> {
        let chars = self.chars;
        let (kind, open) = match chars[i] {
            '*' if chars.get(i + 1) == Some(&'*') => (STRONG, 2),
            '*' => (EM, 1),
            '`' => (CODE, 1),
            _ => (LINK_MID, 1),
        };
        let start = i + open;
        let close = self.closers[kind].at_or_after(chars, start)?;
        let after = close + CLOSERS[kind].len();
        let inner = unescape(&chars[start..close]);
        Some(match kind {
            STRONG => (Inline::Strong { s: inner }, after),
            EM => (Inline::Em { s: inner }, after),
            CODE => (Inline::Code { s: inner }, after),
            _ => {
                let end = self.closers[LINK_END].at_or_after(chars, after)?;
                let href = unescape(&chars[after..end]);
                (Inline::Link { s: inner, href }, end + 1)
            }
        })
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let c = self.cur.get_or_insert((false, Vec::new()));
            c.1.push(Inline::Text {
                s: std::mem::take(&mut self.text),
            });
        }
    }

    fn end_block(&mut self) {
        if let Some((item, v)) = self.cur.take() {
            self.blocks
                .push(if item { Block::Item(v) } else { Block::Para(v) });
        }
    }

    fn finish(mut self) -> Rich {
        self.flush_text();
        self.end_block();
        Rich(self.blocks)
    }
}

/// Finds the next unescaped closing delimiter before the end of the block (`¶`/`•`), and
/// remembers it: scans start only at token boundaries of one left-to-right pass (an escape
/// `\x` is one token), so the answer from a later position up to the remembered stop is the
/// same, and each character is examined at most once per delimiter in all.
struct Closer {
    pattern: &'static [char],
    /// The last scan: where it started, where it stopped, and whether it stopped at the
    /// delimiter (rather than at a block mark or the end).
    from: usize,
    stop: usize,
    found: bool,
    scanned: bool,
}

impl Closer {
    fn new(pattern: &'static [char]) -> Closer {
        Closer {
            pattern,
            from: 0,
            stop: 0,
            found: false,
            scanned: false,
        }
    }

    fn at_or_after(&mut self, chars: &[char], from: usize) -> Option<usize> {
        if !(self.scanned && from >= self.from && from <= self.stop) {
            self.from = from;
            (self.stop, self.found) = scan_to_close(chars, from, self.pattern);
            self.scanned = true;
        }
        self.found.then_some(self.stop)
    }
}

/// From `start`, the index of the first unescaped `close` (true) or of the first block mark or
/// the end (false).
fn scan_to_close(chars: &[char], start: usize, close: &[char]) -> (usize, bool) {
    let mut i = start;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            i += 2;
            continue;
        }
        if chars[i..].starts_with(close) {
            return (i, true);
        }
        if chars[i] == PARA || chars[i] == ITEM {
            return (i, false);
        }
        i += 1;
    }
    (chars.len(), false)
}

/// Escaped text with its escapes removed.
fn unescape(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            i += 1;
        }
        s.push(chars[i]);
        i += 1;
    }
    s
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
