// Trunk post-build hook (see Trunk.toml). Runs on the staged build and makes it deployable
// anywhere under a strict Content-Security-Policy. The page's JavaScript is written in
// public/*.js (real files, checked by `node --check` in e2e/build.test.mjs); this hook only
// fills in this build's values and hashed names:
//  1. minifies the wasm-bindgen JS glue (terser, from npm) and updates its integrity attribute,
//     without the stream classes leptos exports and the page never uses (their wasm goes too);
//  2. copies the page's language files (catalog/web/<lang>.txt) as catalog-<lang>-HASH.txt,
//     and each language's lexicon (catalog/web/lexicon/<lang>.txt) as lexicon-<lang>-HASH.txt;
//  3. public/catalogs.js → catalogs-HASH.js (the language loader both loaders share), with the
//     build's file names and the stored-language key from src/web/browser.rs;
//  4. public/boot.js → boot-HASH.js in place of Trunk's inline loader (the page needs no inline
//     script), plus the CSP meta tag and a modulepreload for catalogs-HASH.js;
//  5. public/embed.js → embed.js (stable name): the <sspr-lookup> element for other sites' pages;
//  6. public/sw.js → sw.js (stable name): the service worker, versioned by the content of every
//     file it precaches.
// Every edit must happen exactly once: when Trunk's output or a source no longer has what an
// edit expects, the build fails instead of shipping a page without it.
// Usage: node scripts/postbuild.mjs [STAGING_DIR] (Trunk sets TRUNK_STAGING_DIR, TRUNK_PROFILE and
// TRUNK_HTML_FILE; the wasm step of 1 runs only with TRUNK_PROFILE=release).
// SSPR_WEB_SOURCES=DIR reads the public/*.js sources from DIR instead (for tests of the hook).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';
import { measureBuild, verdict } from './size.mjs';

const fail = (msg) => {
  console.error(`postbuild: ${msg}`);
  process.exit(1);
};
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) fail('TRUNK_STAGING_DIR is not set');
const sources = process.env.SSPR_WEB_SOURCES ? path.resolve(process.env.SSPR_WEB_SOURCES) : new URL('../public/', import.meta.url).pathname;
const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
const write = (f, s) => fs.writeFileSync(path.join(dir, f), s);
const hash = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);
// A file's integrity attribute value (Trunk's SRI form), for the files this hook rewrites.
const sri = (s) => 'sha384-' + crypto.createHash('sha384').update(s).digest('base64');
const mini = async (code) => (await minify(code, { module: true, compress: { passes: 2 }, mangle: true })).code;

// `find` replaced by `repl`, failing unless it occurs exactly once.
function replaceOnce(text, find, repl, where) {
  const n = text.split(find).length - 1;
  if (n !== 1) fail(`${where}: expected ${JSON.stringify(find)} exactly once, found it ${n} times (Trunk output or the source changed?)`);
  return text.replace(find, () => repl);
}

// A source from public/ with this build's values: its one `const BUILD = …;` line replaced by
// `values`, and each import specifier in `imports` by the hashed file's.
function fromSource(file, { values, imports = {} }) {
  let s = fs.readFileSync(path.join(sources, file), 'utf8');
  if (values) {
    const line = s.match(/^((?:export )?const BUILD = ).*;$/gm) || [];
    if (line.length !== 1) fail(`${file}: expected one \`const BUILD = …;\` line, found ${line.length}`);
    s = replaceOnce(s, line[0], line[0].replace(/=.*/s, `= ${JSON.stringify(values)};`), file);
  }
  // Static (` from 'x';`) or dynamic (`import('x')`): each specifier exactly once, in one form.
  for (const [from, to] of Object.entries(imports)) {
    const forms = [[` from '${from}';`, ` from '${to}';`], [`import('${from}')`, `import('${to}')`]];
    const present = forms.filter(([f]) => s.includes(f));
    if (present.length !== 1) fail(`${file}: expected the import of '${from}' exactly once, found ${present.length} forms of it`);
    s = replaceOnce(s, present[0][0], present[0][1], file);
  }
  return s;
}

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

let html = read('index.html');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) fail('no inline module loader found in index.html (Trunk output changed?)');
const files = fs.readdirSync(dir);
const js = files.find((f) => /^sspr-lookup-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^sspr-lookup-[0-9a-f]+_bg\.wasm$/.test(f));
const css = files.find((f) => /^style-[0-9a-f]+\.css$/.test(f));
if (!js || !wasm || !css) fail(`missing build files (js=${js} wasm=${wasm} css=${css})`);

// 1. The JS glue, minified (about a third of its brotli size). Trunk's integrity attribute is
// for the original text: recompute it. The file keeps Trunk's (unique per build) name.
//
// Dead exports out first. Leptos always turns on server_fn's `browser` feature, which brings
// wasm-streams, whose three `#[wasm_bindgen]` classes (IntoUnderlyingSource, …Sink,
// …ByteSource) wasm-bindgen must export: about 900 bytes brotli of wasm and glue the page never
// calls (it streams nothing). Each class loses its `export`, its Symbol.dispose line and its
// FinalizationRegistry, so terser drops it as unused; the wasm functions only they reached are
// removed by binaryen's wasm-metadce (from npm, like wasm-opt), then wasm-opt runs again with
// Trunk's parameters (release builds only). The build fails if the glue still names them
// afterwards, or if a release wasm does not have exactly their 13 exports to remove.
const DEAD_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const deadExport = (name) => /^(__wbg_)?intounderlying(bytesource|sink|source)(_|$)/.test(name);
{
  const original = read(js);
  let glue = original;
  // A build of this page has all three; a stand-in glue (the hook's own tests) has none.
  const present = DEAD_CLASSES.filter((c) => glue.includes(`export class ${c} {`));
  if (present.length && present.length !== DEAD_CLASSES.length) fail(`${js}: only ${present.join(', ')} of the stream classes (wasm-bindgen or leptos changed?)`);
  for (const c of present) {
    glue = replaceOnce(glue, `export class ${c} {`, `class ${c} {`, `glue (class ${c})`);
    glue = replaceOnce(glue, `if (Symbol.dispose) ${c}.prototype[Symbol.dispose] = ${c}.prototype.free;\n`, '', `glue (${c}'s Symbol.dispose)`);
    const registry = `const ${c}Finalization = (typeof FinalizationRegistry === 'undefined')\n` +
      `    ? { register: () => {}, unregister: () => {} }\n` +
      `    : new FinalizationRegistry(ptr => wasm.__wbg_${c.toLowerCase()}_free(ptr, 1));\n`;
    glue = replaceOnce(glue, registry, '', `glue (${c}'s FinalizationRegistry)`);
  }
  const small = await mini(glue);
  if (/intounderlying/i.test(small)) fail(`${js}: the stream classes are still in the minified glue`);
  // The wasm only in a release build: a debug build keeps its names for panic traces and its
  // exports are unused either way.
  if (present.length && process.env.TRUNK_PROFILE === 'release') dropDeadWasm();
  html = replaceOnce(html, sri(original), sri(small), 'index.html (the glue\'s integrity attribute)');
  write(js, small);
}

// The wasm without the dead exports' code (see step 1), re-optimised with the parameters Trunk
// used (index.html's data-wasm-opt-params); its integrity attribute recomputed. The features are
// those rustc's wasm32 target enables (Trunk's wasm-opt read them from the module, whose
// target-features section those parameters strip).
function dropDeadWasm() {
  const source = fs.readFileSync(process.env.TRUNK_HTML_FILE || new URL('../index.html', import.meta.url), 'utf8');
  const params = source.match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean);
  if (!params) fail('index.html: no data-wasm-opt-params on the rust link (the wasm-opt parameters)');
  const bin = (t) => new URL(`../node_modules/.bin/${t}`, import.meta.url).pathname;
  const features = ['--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
  const file = path.join(dir, wasm);
  const before = fs.readFileSync(file);
  const exports = [...execFileSync(bin('wasm-dis'), [...features, file], { maxBuffer: 1 << 30 }).toString()
    .matchAll(/^ \(export "([^"]+)"/gm)].map((m) => m[1]);
  const dead = exports.filter(deadExport);
  if (dead.length !== 13) fail(`${wasm}: expected the 13 exports of the stream classes, found ${dead.length} (wasm-bindgen or leptos changed?)`);
  const graph = [{ name: 'root', root: true, reaches: exports.filter((e) => !deadExport(e)).map((e) => `export:${e}`) },
    ...exports.map((e) => ({ name: `export:${e}`, export: e }))];
  const graphFile = path.join(dir, '.dead-exports.json');
  fs.writeFileSync(graphFile, JSON.stringify(graph));
  try {
    execFileSync(bin('wasm-metadce'), [...features, file, '--graph-file', graphFile, '-o', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    fs.rmSync(graphFile);
  }
  execFileSync(bin('wasm-opt'), [...features, file, '-Oz', ...params, '-o', file], { stdio: 'inherit' });
  html = replaceOnce(html, sri(before), sri(fs.readFileSync(file)), 'index.html (the wasm\'s integrity attribute)');
}

// 1b. The stylesheet, minified: comments and white space out (Trunk copies it as written). Our
// own sheet has no strings or selectors where that changes meaning (a space inside a string,
// such as "Segoe UI", stays). Its integrity attribute is recomputed the same way.
{
  const sheet = read(css);
  const small = sheet.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').trim();
  html = replaceOnce(html, sri(sheet), sri(small), 'index.html (the stylesheet\'s integrity attribute)');
  write(css, small);
}

// 2. The language files. The loaders fetch the reader's language alongside the wasm and the
// others once the page is up, and merge each through addCatalog (see src/catalog/mod.rs).
const webDir = new URL('../catalog/web/', import.meta.url);
const catalogs = {};
// Every file but core.txt (embedded in the wasm) is a language file named by its tag, regions
// included (pt-br.txt); anything else there is an error, not a file to skip silently.
const langFiles = fs.readdirSync(webDir).filter((f) => f.endsWith('.txt') && f !== 'core.txt').sort();
const badName = langFiles.find((f) => !/^[a-z]{2,3}(-[a-z0-9]{1,8})*\.txt$/.test(f));
if (badName) fail(`catalog/web/${badName}: not a language file name (a lower-case language tag)`);
// Each language's lexicon (catalog/web/lexicon/<lang>.txt) is fetched after that language's
// file, under the same name with `lexicon-` for `catalog-`: one hash names both (of the two
// texts). Every language has one (regen writes them), so the loader needs no list.
const lexDir = new URL('lexicon/', webDir);
const lexFiles = fs.existsSync(lexDir) ? fs.readdirSync(lexDir).filter((f) => f.endsWith('.txt')).sort() : [];
const badLex = lexFiles.find((f) => !langFiles.includes(f));
if (badLex) fail(`catalog/web/lexicon/${badLex}: not the lexicon of a catalog language`);
const noLex = langFiles.find((f) => !lexFiles.includes(f));
if (noLex) fail(`catalog/web/${noLex}: its lexicon catalog/web/lexicon/${noLex} is missing (run \`cargo run --release -- regen\`)`);
const lexiconFiles = [];
for (const f of langFiles) {
  const text = fs.readFileSync(new URL(f, webDir), 'utf8');
  const lex = fs.readFileSync(new URL(f, lexDir), 'utf8');
  const lang = f.slice(0, -4);
  const h = hash(text + lex);
  write(`catalog-${lang}-${h}.txt`, text);
  catalogs[lang] = `./catalog-${lang}-${h}.txt`;
  write(`lexicon-${lang}-${h}.txt`, lex);
  lexiconFiles.push(`./lexicon-${lang}-${h}.txt`);
}
if (!Object.keys(catalogs).length) fail('no language files in catalog/web/ (run `cargo run --release -- regen`)');

// 3. The shared language loader. The stored-language key is defined once, in the page's Rust.
const browserRs = fs.readFileSync(new URL('../src/web/browser.rs', import.meta.url), 'utf8');
const langKey = browserRs.match(/^const LANG_KEY: &str = "([^"\\]+)";$/m)?.[1];
if (!langKey) fail('src/web/browser.rs: no `const LANG_KEY: &str = "…";` line (the stored-language key)');
// The languages the page's chrome speaks (i18n::UI_LANGS: English and every catalog/chrome file;
// tests/catalog.rs checks the two agree), so the loader picks the reader's language as the page does.
const chromeDir = new URL('../catalog/chrome/', import.meta.url);
const uiLangs = ['en', ...fs.readdirSync(chromeDir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort()];
const loader = await mini(fromSource('catalogs.js', { values: { wasm: `./${wasm}`, css: `./${css}`, catalogs, uiLangs, langKey } }));
const loaderName = `catalogs-${hash(loader)}.js`;
write(loaderName, loader);
const imports = { './sspr-lookup.js': `./${js}`, './catalogs.js': `./${loaderName}` };

// 4. The page's loader, external (a strict CSP allows no inline script).
const boot = await mini(fromSource('boot.js', { imports }));
const bootName = `boot-${hash(boot)}.js`;
write(bootName, boot);
html = replaceOnce(html, inline[0],
  `<link rel="modulepreload" href="./${loaderName}">\n<script type="module" src="./${bootName}"></script>`, 'index.html (the inline loader)');
html = replaceOnce(html, '<meta charset="utf-8">',
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`, 'index.html (the CSP meta tag)');
// What the page's promises rest on, checked on the result.
for (const [what, ok] of [
  ['the CSP meta tag', html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`)],
  ['<meta name="referrer" content="no-referrer"> (from index.html)', html.includes('<meta name="referrer" content="no-referrer">')],
  ['no inline script', !/<script(?![^>]*\ssrc=)[^>]*>/.test(html)],
]) if (!ok) fail(`index.html: ${what} missing after the edits`);
write('index.html', html);

// 5. The embed script (stable name: host pages link it).
write('embed.js', fromSource('embed.js', { imports }));

// 6. The service worker. Its version hashes the content of every file it precaches, so any
// change (embed.js alone, index.html alone) installs a new worker that replaces the old cache.
// Language files are not precached (a reader needs one or two of them): the worker keeps each
// as the page fetches it.
const assets = ['./', './index.html', `./${bootName}`, `./${loaderName}`, `./${js}`, `./${wasm}`, `./${css}`, './embed.js'];
const catalogFiles = [...Object.values(catalogs), ...lexiconFiles];
const content = crypto.createHash('sha256');
for (const a of [...assets, ...catalogFiles]) content.update(`${a}\0`).update(fs.readFileSync(path.join(dir, a === './' ? 'index.html' : a))).update('\0');
const version = content.digest('hex').slice(0, 16);
write('sw.js', fromSource('sw.js', { values: { version, assets, catalogs: catalogFiles } }));

console.log(`postbuild: ${bootName}, ${loaderName}, embed.js, sw.js (cache version ${version})`);
// The first-load size on every release build (scripts/size.mjs prints the details).
if (process.env.TRUNK_PROFILE === 'release') console.log(`postbuild: ${verdict(measureBuild(dir).worst)}`);
