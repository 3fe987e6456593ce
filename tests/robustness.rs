//! Random junk in, no panic out: the engine, the importer and the catalog format parser on
//! thousands of generated strings built from the characters and fragments that make parsers
//! stumble (table pipes, markup, multi-byte and zero-width characters, code prefixes).

use sspr_lookup::catalog::{format, Rich};
use sspr_lookup::import::{self, overrides::Overrides, Article};
use sspr_lookup::{Catalog, Config, Engine, IndexConfig};

mod common;
use common::Gen;

const PIECES: &[&str] = &[
    "|",
    " | ",
    "| --- |",
    "\n",
    "\n\n",
    "<br>",
    "<ul><li>",
    "</li></ul>",
    "**",
    "*",
    "`",
    "[",
    "](",
    ")",
    "<a href=\"",
    "\">",
    "</a>",
    "#",
    "## <a name=\"x\"></a>",
    "<span data-ttu-id=\"1\">",
    "</span>",
    "<span class=\"sxs-lookup\">",
    "---\n",
    "ms.date: ",
    "SSPR_",
    "sspr ",
    "0x8023",
    "hr=",
    "Event ID: ",
    "32002",
    "6329",
    "= 14",
    "UserNot",
    "ADMutli",
    "å",
    "č",
    "ß",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{202e}",
    "\u{0}",
    "\t",
    "\\",
    "¶",
    "•",
    "-2147024690",
    "2147942606",
    "MMS(",
    "4924",
    "é",
    "ÅÄÖ",
    " ",
    "a",
    "password",
    "lösenord",
    "wachtwoord",
    "heslo",
    "K\tSSPR_0014\ten,sv\n",
    "K\tNOPE\t\n",
    "L\tsv\n",
    "L\ten\n",
    "T\t",
    "W\t",
    "E\tX\tscreen\tscreen\tuser\n",
];

fn junk(g: &mut Gen, max_pieces: u64) -> String {
    let n = g.next() % max_pieces;
    (0..n).map(|_| g.pick(PIECES)).collect()
}

#[test]
fn lookup_never_panics_on_junk() {
    let mut g = Gen(0x5eed_1234_abcd_0001);
    let engine = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    for _ in 0..3000 {
        let q = junk(&mut g, 60);
        let a = engine.lookup(&q, &Config::DEFAULT);
        for grp in &a.groups {
            for h in &grp.hits {
                for &(s, e) in &h.spans {
                    assert!(
                        s < e && e <= q.len() && q.is_char_boundary(s) && q.is_char_boundary(e),
                        "{q:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn importer_and_parsers_never_panic_on_junk() {
    let mut g = Gen(0x0dd_ba11_cafe_0002);
    let (full, _) = format::parse(sspr_lookup::catalog::EMBEDDED);
    let core = format::parse(&format::split(&full)[0].1).0;
    for i in 0..400 {
        let text = junk(&mut g, 300);
        let lang = if i % 2 == 0 {
            Some("en".to_string())
        } else {
            None
        };
        let _ = import::build(
            &[Article {
                file: "j.md".into(),
                text: text.clone(),
                lang,
            }],
            &Overrides::default(),
        );
        let _ = format::parse(&text);
        // A junk language file merged into the page's starting catalog.
        let mut cat = core.clone();
        let _ = format::parse_into(&mut cat, &text);
        let _ = Rich::decode(&text);
        let _ = Overrides::parse(&text);
    }
}
