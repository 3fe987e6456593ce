//! Just enough Markdown for Microsoft Docs articles: front matter, headings with `<a name>`
//! anchors, pipe tables, and cell/section text turned into [`Rich`] text.
//!
//! Nothing here can fail: malformed input produces fewer or emptier pieces, never a panic.
//! Everything is linear in its input: no scan restarts at each character (a remembered
//! "next occurrence" per delimiter, `NextMatch`/`NextStr`, replaces searching to the end
//! once per opener).
//!
//! Hand-written rather than pulldown-cmark, on purpose: the library cannot read a fragment that
//! starts mid-table (rows with no header, as pasted from a browser), evens out table rows to the
//! header's cell count (a screen-error row is read by its own cells), and knows no front matter
//! or Docs `<a name>` anchors; and with pulldown-cmark for the inline text the generated catalog
//! changes in three lines (numbered lines inside a cell become a list and lose their numbers,
//! `*\*.host\*` wildcards decode differently), while the catalog must stay as it is.

use crate::catalog::{Block, Inline, Rich};

/// Front matter fields the importer uses.
#[derive(Debug, Default, Clone)]
pub struct FrontMatter {
    pub title: String,
    pub date: String,
    pub locale: String,
}

/// A heading and what follows it up to the next heading.
#[derive(Debug, Default, Clone)]
pub struct Section {
    pub level: usize,
    /// The `<a name>` anchor (English in every language), or a slug of the title.
    pub anchor: String,
    pub title: String,
    pub lines: Vec<String>,
    /// 1-based line number of the heading in the cleaned text (0 for text before any heading).
    pub line: usize,
}

/// A pipe table: header cells and body rows, each with its line number.
#[derive(Debug, Clone)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Splits off YAML-ish front matter. Returns it and the body.
pub fn front_matter(src: &str) -> (FrontMatter, &str) {
    let mut fm = FrontMatter::default();
    let trimmed = src.trim_start_matches('\u{feff}');
    let Some(rest) = trimmed.strip_prefix("---") else {
        return (fm, trimmed);
    };
    let Some(end) = rest.find("\n---") else {
        return (fm, trimmed);
    };
    for line in rest[..end].lines() {
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim().trim_matches(|c| c == '\'' || c == '"').to_string();
            match k.trim() {
                "title" => fm.title = v,
                "ms.date" => fm.date = v,
                "ms.contentlocale" => fm.locale = v,
                _ => {}
            }
        }
    }
    let body = &rest[end + 4..];
    (fm, body.strip_prefix('\n').unwrap_or(body))
}

/// Removes machine-translation alignment markup: `<span class="sxs-lookup">…</span></span>`
/// duplicates are dropped, `<span data-ttu-id=…>` wrappers are unwrapped.
pub fn strip_translation_spans(src: &str) -> String {
    const DUP: &str = "<span class=\"sxs-lookup\">";
    const DUP_END: &str = "</span></span>";
    let mut out = String::with_capacity(src.len());
    let mut next_end = NextStr::new(src, DUP_END);
    let mut pos = 0;
    while let Some(i) = src[pos..].find(DUP).map(|i| pos + i) {
        out.push_str(&src[pos..i]);
        let after = i + DUP.len();
        // The duplicate is `<span data-stu-id=…>TEXT</span></span>`: skip to the double close.
        pos = match next_end.at_or_after(after) {
            Some(j) => j + DUP_END.len(),
            None => after,
        };
    }
    out.push_str(&src[pos..]);
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("<span") {
        cleaned.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    cleaned.push_str(rest);
    cleaned.replace("</span>", "")
}

/// Splits the body into sections at ATX headings.
pub fn sections(body: &str) -> Vec<Section> {
    let mut out = vec![Section::default()];
    let mut in_code = false;
    for (n, line) in body.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !in_code && (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            let text = line[hashes..].trim();
            let (anchor, title) = split_anchor(text);
            let title = inline_plain(&title);
            let anchor = if anchor.is_empty() {
                slug(&title)
            } else {
                anchor
            };
            out.push(Section {
                level: hashes,
                anchor,
                title,
                lines: vec![],
                line: n + 1,
            });
        } else if let Some(s) = out.last_mut() {
            s.lines.push(line.to_string());
        }
    }
    out
}

fn split_anchor(text: &str) -> (String, String) {
    let Some(start) = text.find("<a name=\"") else {
        return (String::new(), text.to_string());
    };
    let after = &text[start + 9..];
    let Some(q) = after.find('"') else {
        return (String::new(), text.to_string());
    };
    let anchor = after[..q].to_string();
    let tail = after[q..]
        .find("</a>")
        .map(|e| &after[q + e + 4..])
        .unwrap_or("");
    (
        anchor,
        format!("{}{}", &text[..start], tail).trim().to_string(),
    )
}

/// Lower-case ASCII slug, apostrophes dropped (as Docs anchors do).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in crate::query::fold(s).chars() {
        if c == '\'' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// Pipe tables in a run of lines.
pub fn tables(lines: &[String], first_line: usize) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim();
        let next_is_rule = lines.get(i + 1).is_some_and(|n| is_rule(n));
        if l.starts_with('|') && next_is_rule {
            let header = cells(l);
            let mut rows = Vec::new();
            i += 2;
            while i < lines.len() && lines[i].trim_start().starts_with('|') {
                rows.push((first_line + i + 1, cells(lines[i].trim())));
                i += 1;
            }
            out.push(Table { header, rows });
        } else if l.starts_with('|') && out.is_empty() && !is_rule(l) {
            // A fragment that starts mid-table: rows with no header.
            let mut rows = Vec::new();
            while i < lines.len() && lines[i].trim_start().starts_with('|') {
                if !is_rule(&lines[i]) {
                    rows.push((first_line + i + 1, cells(lines[i].trim())));
                }
                i += 1;
            }
            out.push(Table {
                header: vec![],
                rows,
            });
        } else {
            i += 1;
        }
    }
    out
}

fn is_rule(l: &str) -> bool {
    let t = l.trim();
    t.starts_with('|') && t.contains("---") && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Cells of one table line; `\|` stays inside a cell.
pub fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev = '\0';
    for c in inner.chars() {
        if c == '|' && prev != '\\' {
            out.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
        prev = c;
    }
    out.push(cur.trim().to_string());
    out
}

/// How links are resolved: relative article links against the article's folder on Docs, and
/// in-article anchors through a callback (to `#KEY` of a catalog entry, or dropped).
pub struct LinkContext<'a> {
    pub base: &'a str,
    pub anchor: &'a dyn Fn(&str) -> Option<String>,
}

/// Resolves a link target; `None` drops the link and keeps its text.
pub fn resolve_link(href: &str, ctx: &LinkContext) -> Option<String> {
    let href = href.trim().trim_matches(|c| c == '<' || c == '>');
    if let Some(anchor) = href.strip_prefix('#') {
        return (ctx.anchor)(anchor).map(|k| format!("#{k}"));
    }
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return safe_url(href);
    }
    if lower.contains(':') || href.starts_with("//") || href.is_empty() {
        return None; // javascript:, data:, mailto:, protocol-relative: not kept
    }
    // Relative: ../hybrid/x.md#y or ./x.md or x.md
    let (path, frag) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let mut parts: Vec<&str> = ctx.base.trim_end_matches('/').split('/').collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.len() > 3 {
                    parts.pop();
                }
            }
            s => parts.push(s),
        }
    }
    let mut url = parts.join("/");
    if let Some(stripped) = url.strip_suffix(".md") {
        url = stripped.to_string();
    }
    if let Some(f) = frag {
        url.push('#');
        url.push_str(f);
    }
    safe_url(&url)
}

fn safe_url(u: &str) -> Option<String> {
    if u.chars()
        .any(|c| c.is_control() || c == ' ' || c == '"' || c == '<' || c == '>')
    {
        return None;
    }
    Some(u.to_string())
}

/// Converts a table cell (with `<br>`, `<ul><li>`, inline Markdown and stray HTML) to rich text.
pub fn cell_rich(cell: &str, ctx: &LinkContext) -> Rich {
    let mut blocks = Vec::new();
    let normalized = cell
        .replace("<br />", "<br>")
        .replace("<br/>", "<br>")
        .replace("<br >", "<br>")
        .replace("<BR>", "<br>");
    // Paragraph breaks: one or more <br>.
    for para in normalized.split("<br>") {
        let para = para.trim();
        if para.is_empty() {
            continue;
        }
        if para.contains("<li>") {
            // text before the list, items, text after
            let (before, rest) = para.split_once("<ul>").unwrap_or(("", para));
            push_para(&mut blocks, before, ctx);
            let (list, after) = rest.split_once("</ul>").unwrap_or((rest, ""));
            for item in list.split("<li>").skip(1) {
                let item = item.replace("</li>", "");
                let inl = inline(&item, ctx);
                if !inl.is_empty() {
                    blocks.push(Block::Item(inl));
                }
            }
            push_para(&mut blocks, after, ctx);
        } else {
            push_para(&mut blocks, para, ctx);
        }
    }
    Rich(blocks)
}

fn push_para(blocks: &mut Vec<Block>, s: &str, ctx: &LinkContext) {
    let inl = inline(s.trim(), ctx);
    if !inl.is_empty() {
        blocks.push(Block::Para(inl));
    }
}

/// Converts section body lines (paragraphs, numbered and bulleted lists) to rich text.
/// Images, notes markers and code fences are dropped.
pub fn lines_rich(lines: &[String], ctx: &LinkContext) -> Rich {
    let mut blocks = Vec::new();
    let mut para = String::new();
    let mut item: Option<String> = None;
    let flush = |blocks: &mut Vec<Block>, para: &mut String, item: &mut Option<String>| {
        if let Some(it) = item.take() {
            let inl = inline(it.trim(), ctx);
            if !inl.is_empty() {
                blocks.push(Block::Item(inl));
            }
        }
        if !para.trim().is_empty() {
            for b in cell_rich(para.trim(), ctx).0 {
                blocks.push(b);
            }
        }
        para.clear();
    };
    for raw in lines {
        let l = raw.trim();
        if l.starts_with(":::") || l.starts_with("![") || l.starts_with("```") || l.starts_with('|')
        {
            continue;
        }
        let l = l.trim_start_matches("> ").trim_start_matches('>').trim();
        if l.is_empty() {
            flush(&mut blocks, &mut para, &mut item);
            continue;
        }
        if l.starts_with("[!") {
            continue; // [!NOTE] markers
        }
        let list_body = list_marker(l);
        if let Some(body) = list_body {
            flush(&mut blocks, &mut para, &mut item);
            item = Some(body.to_string());
        } else if let Some(it) = item.as_mut() {
            it.push(' ');
            it.push_str(l);
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(l);
        }
    }
    flush(&mut blocks, &mut para, &mut item);
    Rich(blocks)
}

fn list_marker(l: &str) -> Option<&str> {
    for m in ["* ", "- ", "+ "] {
        if let Some(b) = l.strip_prefix(m) {
            return Some(b);
        }
    }
    let digits = l.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits < 4 {
        let rest = &l[digits..];
        if let Some(b) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(b);
        }
    }
    None
}

/// Plain text of inline Markdown (for titles and messages).
pub fn inline_plain(s: &str) -> String {
    let ctx = LinkContext {
        base: "https://invalid/",
        anchor: &|_| None,
    };
    let mut out = String::new();
    for i in inline(s, &ctx) {
        out.push_str(i.text());
    }
    collapse_ws(&out)
}

pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inline Markdown and stray HTML to inline nodes.
pub fn inline(s: &str, ctx: &LinkContext) -> Vec<Inline> {
    let s = decode_entities(&strip_tags_except_links(s));
    let chars: Vec<char> = s.chars().collect();
    collapse_text_nodes(inline_nodes(&chars, ctx))
}

/// An emphasis or code delimiter: what opens and closes it, and the node it makes.
#[derive(Clone, Copy)]
enum Delim {
    StrongStar,
    StrongUnderscore,
    EmStar,
    EmUnderscore,
    Code,
}

impl Delim {
    const ALL: [Delim; 5] = [
        Delim::StrongStar,
        Delim::StrongUnderscore,
        Delim::EmStar,
        Delim::EmUnderscore,
        Delim::Code,
    ];

    fn pattern(self) -> &'static [char] {
        match self {
            Delim::StrongStar => &['*', '*'],
            Delim::StrongUnderscore => &['_', '_'],
            Delim::EmStar => &['*'],
            Delim::EmUnderscore => &['_'],
            Delim::Code => &['`'],
        }
    }

    fn node(self, s: String) -> Inline {
        match self {
            Delim::StrongStar | Delim::StrongUnderscore => Inline::Strong { s },
            Delim::EmStar | Delim::EmUnderscore => Inline::Em { s },
            Delim::Code => Inline::Code { s },
        }
    }

    /// The delimiter opening at `i`, if any (`_` opens emphasis only after a non-word
    /// character, so `snake_case` stays text).
    fn at(chars: &[char], i: usize) -> Option<Delim> {
        let c = chars[i];
        let next = chars.get(i + 1);
        if c == '*' && next == Some(&'*') {
            Some(Delim::StrongStar)
        } else if c == '_' && next == Some(&'_') {
            Some(Delim::StrongUnderscore)
        } else if c == '*' {
            Some(Delim::EmStar)
        } else if c == '_' && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            Some(Delim::EmUnderscore)
        } else if c == '`' {
            Some(Delim::Code)
        } else {
            None
        }
    }
}

/// The nodes of one run of inline Markdown (text nodes not yet cleaned). Its rules are simpler
/// than CommonMark's (any `*…*` is emphasis, a link label ends at the first `](`), and the
/// catalog is generated with exactly these rules (see the module docs on pulldown-cmark).
/// Linear: closers are found with [`NextMatch`], so an opener without a closer costs nothing
/// after the first search.
fn inline_nodes(chars: &[char], ctx: &LinkContext) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let push_text = |out: &mut Vec<Inline>, text: &mut String| {
        if !text.is_empty() {
            out.push(Inline::Text {
                s: std::mem::take(text),
            });
        }
    };
    let mut link_mid = NextMatch::new(chars, &[']', '(']);
    let mut link_end = NextMatch::new(chars, &[')']);
    let mut closers = Delim::ALL.map(|d| NextMatch::new(chars, d.pattern()));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            text.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '[' {
            let close = link_mid.at_or_after(i + 1);
            if let Some((close, end)) = close.and_then(|m| Some((m, link_end.at_or_after(m + 2)?)))
            {
                let label: String = chars[i + 1..close].iter().collect();
                let href: String = chars[close + 2..end].iter().collect();
                let label = collapse_ws(&strip_emphasis(&label));
                push_text(&mut out, &mut text);
                match resolve_link(&href, ctx) {
                    Some(h) if !label.is_empty() => out.push(Inline::Link { s: label, href: h }),
                    _ => text.push_str(&label),
                }
                i = end + 1;
                continue;
            }
        }
        if let Some(d) = Delim::at(chars, i) {
            let start = i + d.pattern().len();
            if let Some(end) = closers[d as usize].at_or_after(start) {
                let inner: String = chars[start..end].iter().collect();
                let inner_clean = collapse_ws(&strip_emphasis(&inner));
                if !inner_clean.is_empty() && end > start {
                    push_text(&mut out, &mut text);
                    out.push(d.node(inner_clean));
                    i = end + d.pattern().len();
                    continue;
                }
            }
        }
        text.push(c);
        i += 1;
    }
    push_text(&mut out, &mut text);
    out
}

/// Whitespace collapsed within and across text nodes; leading and trailing space dropped.
fn collapse_text_nodes(out: Vec<Inline>) -> Vec<Inline> {
    // Collapse whitespace across nodes.
    let mut cleaned: Vec<Inline> = Vec::new();
    for node in out {
        let node = match node {
            Inline::Text { s } => {
                let mut t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if s.starts_with(char::is_whitespace) && !t.is_empty() {
                    t.insert(0, ' ');
                }
                if s.ends_with(char::is_whitespace) && !t.is_empty() {
                    t.push(' ');
                }
                if t.is_empty() && !s.is_empty() {
                    t.push(' ');
                }
                Inline::Text { s: t }
            }
            other => other,
        };
        cleaned.push(node);
    }
    if let Some(Inline::Text { s }) = cleaned.first_mut() {
        *s = s.trim_start().to_string();
    }
    if let Some(Inline::Text { s }) = cleaned.last_mut() {
        *s = s.trim_end().to_string();
    }
    cleaned.retain(|n| !n.text().is_empty());
    cleaned
}

fn strip_emphasis(s: &str) -> String {
    s.replace("**", "").replace('`', "")
}

/// The last search for the next occurrence of something at or after a position: reused
/// while it still answers. When positions only grow (as in one left-to-right scan), each
/// character is examined at most once per pattern in all, so a scan with many openers and no
/// closer stays linear. Any order of calls gives the right answer; only growing positions are
/// cheap. Shared by [`NextMatch`] (chars) and [`NextStr`] (bytes of a `&str`).
#[derive(Default)]
struct Remembered {
    /// The last search: from where, and what it found (`None`: nothing at or after `from`).
    from: usize,
    found: Option<usize>,
    searched: bool,
}

impl Remembered {
    fn at_or_after(
        &mut self,
        from: usize,
        search: impl FnOnce(usize) -> Option<usize>,
    ) -> Option<usize> {
        let still_valid =
            self.searched && from >= self.from && self.found.is_none_or(|f| f >= from);
        if !still_valid {
            self.from = from;
            self.found = search(from);
            self.searched = true;
        }
        self.found
    }
}

/// The next occurrence of a pattern in a char slice at or after a position (see [`Remembered`]).
struct NextMatch<'a> {
    chars: &'a [char],
    pattern: &'a [char],
    last: Remembered,
}

impl<'a> NextMatch<'a> {
    fn new(chars: &'a [char], pattern: &'a [char]) -> Self {
        NextMatch {
            chars,
            pattern,
            last: Remembered::default(),
        }
    }

    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        let (chars, pattern) = (self.chars, self.pattern);
        self.last.at_or_after(from, |from| {
            (from..chars.len()).find(|&j| chars[j..].starts_with(pattern))
        })
    }
}

/// Removes HTML tags; `<a href="x">t</a>` becomes `[t](x)` so links survive. Linear: the
/// next `>` and `</a>` are found with [`NextStr`].
fn strip_tags_except_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut next_gt = NextStr::new(s, ">");
    let mut next_close = NextStr::new(s, "</a>");
    let mut pos = 0;
    while let Some(i) = s[pos..].find('<').map(|i| pos + i) {
        out.push_str(&s[pos..i]);
        let Some(end) = next_gt.at_or_after(i) else {
            pos = i;
            break;
        };
        let tag = &s[i + 1..end];
        let is_a = tag.len() >= 2 && tag.as_bytes()[..2].eq_ignore_ascii_case(b"a ");
        // Only an `<a ` tag is searched for its href (searching every tag would rescan a long
        // run of `<` once per `<`).
        if let Some(h) = if is_a { tag.find("href=\"") } else { None } {
            let href = &tag[h + 6..];
            let href = &href[..href.find('"').unwrap_or(href.len())];
            if let Some(close) = next_close.at_or_after(end + 1) {
                out.push_str(&format!("[{}]({})", &s[end + 1..close], href));
                pos = close + "</a>".len();
                continue;
            }
        }
        // Keep text that merely looks like a tag start (e.g. "a < b").
        if tag.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            pos = end + 1;
        } else {
            out.push('<');
            pos = i + 1;
        }
    }
    out.push_str(&s[pos..]);
    out
}

/// [`NextMatch`] for a `&str` and byte positions (which must be character boundaries).
struct NextStr<'a> {
    hay: &'a str,
    pattern: &'a str,
    last: Remembered,
}

impl<'a> NextStr<'a> {
    fn new(hay: &'a str, pattern: &'a str) -> Self {
        NextStr {
            hay,
            pattern,
            last: Remembered::default(),
        }
    }

    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        let (hay, pattern) = (self.hay, self.pattern);
        self.last
            .at_or_after(from, |from| hay[from..].find(pattern).map(|j| from + j))
    }
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx_none() -> LinkContext<'static> {
        LinkContext {
            base: "https://docs.microsoft.com/azure/active-directory/authentication/",
            anchor: &|a| (a == "known").then(|| "guide-x".to_string()),
        }
    }

    #[test]
    fn links_are_made_absolute_or_dropped() {
        let ctx = ctx_none();
        let cases = [
            (
                "../hybrid/whatis.md",
                Some("https://docs.microsoft.com/azure/active-directory/hybrid/whatis"),
            ),
            (
                "./../connect/a.md#b",
                Some("https://docs.microsoft.com/azure/active-directory/connect/a#b"),
            ),
            (
                "concept.md#how",
                Some(
                    "https://docs.microsoft.com/azure/active-directory/authentication/concept#how",
                ),
            ),
            ("https://aka.ms/sspr", Some("https://aka.ms/sspr")),
            ("javascript:alert(1)", None),
            ("data:text/html,x", None),
            ("#known", Some("#guide-x")),
            ("#unknown", None),
        ];
        for (href, want) in cases {
            assert_eq!(resolve_link(href, &ctx).as_deref(), want, "{href}");
        }
    }

    #[test]
    fn cells_become_structured_text() {
        let ctx = ctx_none();
        let r = cell_rich("Two cases: <br><ul><li>**bad** password</li><li>a <a href=\"https://x.y/\">fed</a> user</li></ul> Fix it. <br> <br> Then `sdprop`.", &ctx);
        assert_eq!(
            r.plain(),
            "Two cases:\n- bad password\n- a fed user\nFix it.\nThen sdprop."
        );
        assert!(
            matches!(&r.0[1], Block::Item(v) if matches!(&v[0], Inline::Strong { s } if s == "bad"))
        );
    }

    #[test]
    fn translation_spans_are_unwrapped_once() {
        let src = "<span data-ttu-id=\"a-1\">Hello</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Hello</span></span> | x";
        assert_eq!(strip_translation_spans(src), "Hello | x");
    }

    #[test]
    fn headings_keep_english_anchor() {
        let s = sections("# <a name=\"top-one\"></a>Rubrik **ett**\ntext\n## Två\n");
        assert_eq!(
            (s[1].anchor.as_str(), s[1].title.as_str()),
            ("top-one", "Rubrik ett")
        );
        assert_eq!(s[2].anchor, "tva");
    }

    #[test]
    fn never_panics_on_junk() {
        for junk in [
            "",
            "|",
            "| --- |",
            "<a href=\"",
            "[x](",
            "**",
            "<",
            "&",
            "\u{202e}|a|b|\n|---|\n|c",
        ] {
            let _ = sections(junk);
            let _ = tables(&[junk.to_string()], 0);
            let _ = cell_rich(junk, &ctx_none());
            let _ = front_matter(junk);
        }
    }
}
