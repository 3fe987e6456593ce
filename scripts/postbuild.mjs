// Trunk post-build hook (see Trunk.toml). Runs on the staged build and makes it deployable
// anywhere under a strict Content-Security-Policy:
//  1. minifies the wasm-bindgen JS glue (terser, from npm) and updates its integrity attribute;
//  2. copies the page's language files (catalog/web/<lang>.txt, all but English, which the
//     wasm embeds) as catalog-<lang>-HASH.txt; both loaders fetch them after start;
//  3. moves Trunk's inline loader into a hashed external module (boot-HASH.js), so the page
//     needs no inline script, and adds the CSP meta tag;
//  4. writes embed.js (stable name): the <sspr-lookup> custom element for other sites' pages;
//  5. writes sw.js (stable name): the service worker that precaches this exact build.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { measureBuild, verdict } from './size.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
const write = (f, s) => fs.writeFileSync(path.join(dir, f), s);
const hash = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

let html = read('index.html');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) {
  console.error('postbuild: no inline module loader found in index.html (Trunk output changed?)');
  process.exit(1);
}
const files = fs.readdirSync(dir);
const js = files.find((f) => /^sspr-lookup-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^sspr-lookup-[0-9a-f]+_bg\.wasm$/.test(f));
const css = files.find((f) => /^style-[0-9a-f]+\.css$/.test(f));
if (!js || !wasm || !css) {
  console.error(`postbuild: missing build files (js=${js} wasm=${wasm} css=${css})`);
  process.exit(1);
}

// 1. The JS glue, minified (about a third of its brotli size). Trunk's integrity attribute is
// for the original text: recompute it. The file keeps Trunk's (unique per build) name.
const mini = async (code) => (await minify(code, { module: true, compress: { passes: 2 }, mangle: true })).code;
{
  const glue = read(js);
  const small = await mini(glue);
  const sri = (s) => 'sha384-' + crypto.createHash('sha384').update(s).digest('base64');
  if (!html.includes(sri(glue))) {
    console.error('postbuild: the glue\'s integrity attribute was not found in index.html (Trunk output changed?)');
    process.exit(1);
  }
  html = html.replace(sri(glue), sri(small));
  write(js, small);
}

// 2. The language files. The loaders fetch the reader's language alongside the wasm and the
// others once the page is up, and merge each through addCatalog (see src/catalog/mod.rs).
const webDir = new URL('../catalog/web/', import.meta.url);
const catalogs = {};
for (const f of fs.readdirSync(webDir).filter((f) => /^[a-z]{2,3}\.txt$/.test(f)).sort()) {
  const text = fs.readFileSync(new URL(f, webDir), 'utf8');
  const lang = f.slice(0, -4);
  const name = `catalog-${lang}-${hash(text)}.txt`;
  write(name, text);
  catalogs[lang] = name;
}
if (!Object.keys(catalogs).length) {
  console.error('postbuild: no language files in catalog/web/ (run `cargo run --release -- regen`)');
  process.exit(1);
}

// Shared by both loaders: which language comes first, and how files are fetched and merged.
// The choice mirrors the page's own (src/web/mod.rs, i18n::pick): a given language, else the
// stored choice, else the browser's languages.
const catalogLoader = `const CATALOGS = ${JSON.stringify(catalogs)};
function firstLang(given) {
  let stored = null;
  try { stored = localStorage.getItem('sspr-lookup.lang'); } catch (e) { /* storage blocked */ }
  for (const l of [...given, stored, ...(navigator.languages || [])]) {
    const p = String(l || '').split(/[-_]/)[0].toLowerCase();
    if (p === 'en' || p in CATALOGS) return p;
  }
  return 'en';
}
const getCatalog = (lang, base) => fetch(new URL('./' + CATALOGS[lang], base))
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(\`\${r.status} \${r.url}\`))));
// Starts fetching the first language now; after init, merges it, then the rest in one go
// (one index rebuild). A file that fails leaves the page working in the languages it has.
function loadCatalogs(given, base) {
  const first = firstLang(given);
  const early = first in CATALOGS ? getCatalog(first, base).catch((e) => e) : null;
  // expect: tells the page which languages are still coming (cards say "loading", not "missing").
  return async (add, expect) => {
    const merge = (t) => { if (typeof t === 'string') { try { add(t); } catch (e) { console.warn('sspr-lookup: catalog file refused:', e); } } else if (t) console.warn('sspr-lookup: catalog file not loaded:', t); };
    const rest = Object.keys(CATALOGS).filter((l) => l !== first);
    expect(Object.keys(CATALOGS).join(','));
    if (early) merge(await early);
    expect(rest.join(','));
    const texts = await Promise.all(rest.map((l) => getCatalog(l, base).catch((e) => e)));
    texts.filter((t) => typeof t !== 'string').forEach(merge);
    merge(texts.filter((t) => typeof t === 'string').join('\\n') || null);
    expect('');
  };
}
`;

// 3. The loader, external. Relative URLs resolve against the module itself, so the build works
// from any sub-path. It also registers the service worker (offline use after the first visit).
const boot = `import init, * as bindings from './${js}';
${catalogLoader}
const base = new URL('./', import.meta.url);
const loadRest = loadCatalogs([], base);
await init({ module_or_path: new URL('./${wasm}', base) });
window.wasmBindings = bindings;
// Resolves once every language file has been merged (lookups before that answer from the
// languages loaded so far).
window.ssprLookupReady = loadRest(bindings.addCatalog, bindings.expectLanguages);
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
`;
const bootSmall = await mini(boot);
const bootName = `boot-${hash(bootSmall)}.js`;
write(bootName, bootSmall);
html = html.replace(inline[0], `<script type="module" src="./${bootName}"></script>`);
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`);
write('index.html', html);

// 4. The embed script: <script type="module" src=".../embed.js"></script> then
// <sspr-lookup lang="sv" compact></sspr-lookup> anywhere on the page.
const embed = `// sspr-lookup embed: defines <sspr-lookup> and window.ssprLookup. Generated by scripts/postbuild.mjs.
const base = new URL('./', import.meta.url);
if (!document.querySelector('link[data-sspr-lookup]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./${css}', base).href;
  link.dataset.ssprLookup = '';
  document.head.appendChild(link);
}
${catalogLoader}
const given = [...document.querySelectorAll('sspr-lookup[lang]')].map((e) => e.getAttribute('lang'));
const loadRest = loadCatalogs(given, base);
const mod = await import(new URL('./${js}', base).href);
await mod.default({ module_or_path: new URL('./${wasm}', base) });
// ready: resolves once every language file has been merged.
window.ssprLookup = { lookup: mod.lookup, answerText: mod.answerText, mount: mod.mount, ready: loadRest(mod.addCatalog, mod.expectLanguages) };
class SsprLookup extends HTMLElement {
  connectedCallback() {
    if (this.dataset.mounted) return;
    this.dataset.mounted = '1';
    mod.mount(this, this.getAttribute('lang') || '', this.hasAttribute('compact'));
  }
}
if (!customElements.get('sspr-lookup')) customElements.define('sspr-lookup', SsprLookup);
dispatchEvent(new CustomEvent('sspr-lookup-ready'));
`;
write('embed.js', embed);

// 5. The service worker, versioned by the build's own file names (hashed), so a new deploy
// installs a new worker that replaces the old cache.
const assets = ['./', './index.html', `./${bootName}`, `./${js}`, `./${wasm}`, `./${css}`, './embed.js',
  ...Object.values(catalogs).map((f) => `./${f}`)];
const version = hash(assets.join('|'));
const sw = `// Generated by scripts/postbuild.mjs: precaches build ${version}.
const CACHE = 'sspr-lookup-${version}';
const ASSETS = ${JSON.stringify(assets)};
self.addEventListener('install', (e) => {
  // cache: 'reload' — past the HTTP cache, or a new worker could store the old page.
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(ASSETS.map((u) => new Request(u, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sspr-lookup-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  if (req.mode === 'navigate') {
    // The page: the network when there is one (so a new deploy shows), else the cached copy.
    e.respondWith(fetch(req).catch(() => caches.match('./index.html', { ignoreSearch: true })));
    return;
  }
  // Hashed assets never change: the cache first.
  e.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
`;
write('sw.js', sw);
console.log(`postbuild: ${bootName}, embed.js, sw.js (cache ${version})`);
// The first-load size on every release build (scripts/size.mjs prints the details).
if (process.env.TRUNK_PROFILE === 'release') console.log(`postbuild: ${verdict(measureBuild(dir).worst)}`);
