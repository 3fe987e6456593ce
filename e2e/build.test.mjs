// The page's JavaScript and the post-build hook, without a browser: the sources in public/ and
// the built files are valid JavaScript (`node --check`), and the hook (scripts/postbuild.mjs),
// run on small stand-ins for Trunk's output, fills in every value, fails when an edit cannot be
// made, and versions the service worker by content. Also the loader's language rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
const DIST = path.resolve(process.env.DIST || 'dist');
const HOOK = path.join(ROOT, 'scripts/postbuild.mjs');
const SOURCES = ['boot.js', 'catalogs.js', 'embed.js', 'sw.js'];

const nodeCheck = (file) => spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });

test('the page\'s JavaScript sources pass node --check', () => {
  for (const f of SOURCES) {
    const r = nodeCheck(path.join(ROOT, 'public', f));
    assert.equal(r.status, 0, `${f}: ${r.stderr}`);
  }
});

test('the built JavaScript in dist/ passes node --check', { skip: !fs.existsSync(path.join(DIST, 'sw.js')) && 'no dist/' }, () => {
  const built = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
  for (const f of ['embed.js', 'sw.js']) assert.ok(built.includes(f), f);
  for (const f of built) {
    const r = nodeCheck(path.join(DIST, f));
    assert.equal(r.status, 0, `${f}: ${r.stderr}`);
  }
});

test('dist/ ships without the stream classes the page never uses (glue and wasm exports)', { skip: !fs.existsSync(path.join(DIST, 'sw.js')) && 'no dist/' }, () => {
  const files = fs.readdirSync(DIST);
  const glue = files.find((f) => /^sspr-lookup-[0-9a-f]+\.js$/.test(f));
  const wasm = files.find((f) => /^sspr-lookup-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(glue && wasm, 'glue and wasm in dist/');
  assert.ok(!/intounderlying/i.test(fs.readFileSync(path.join(DIST, glue), 'utf8')), 'the glue names a stream class');
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(path.join(DIST, wasm)))).map((e) => e.name);
  assert.ok(exports.includes('lookup') && exports.includes('mount'), exports.join(' '));
  assert.deepEqual(exports.filter((e) => /intounderlying/i.test(e)), []);
});

// A stand-in for Trunk's staged output: the page with its inline loader and the glue's
// integrity attribute, the glue, a wasm header, a stylesheet with its integrity attribute.
const GLUE = 'export default async function init() {}\nexport function lookup() { return null; }\n';
const H = '0123456789abcdef';
const sri = (s) => 'sha384-' + crypto.createHash('sha384').update(s).digest('base64');
function staging({ title = 'SSPR error lookup', css = 'main{color:red}', head = '<meta charset="utf-8">\n  <meta name="referrer" content="no-referrer">' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sspr-hook-'));
  fs.writeFileSync(path.join(dir, `sspr-lookup-${H}.js`), GLUE);
  fs.writeFileSync(path.join(dir, `sspr-lookup-${H}_bg.wasm`), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, `style-${H}.css`), css);
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>
<html lang="en">
<head>
  ${head}
  <title>${title}</title>
  <link rel="stylesheet" href="./style-${H}.css" integrity="${sri(css)}"/>
<script type="module">
import init, * as bindings from './sspr-lookup-${H}.js';
const wasm = await init({ module_or_path: './sspr-lookup-${H}_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<link rel="modulepreload" href="./sspr-lookup-${H}.js" crossorigin="anonymous" integrity="${sri(GLUE)}"></head>
<body data-sspr-app></body>
</html>
`);
  return dir;
}
function runHook(dir, env = {}) {
  const e = { ...process.env, ...env };
  delete e.TRUNK_STAGING_DIR;
  delete e.TRUNK_PROFILE;
  const r = spawnSync(process.execPath, [HOOK, dir], { encoding: 'utf8', env: e, cwd: ROOT });
  return { ...r, out: r.stdout + r.stderr };
}
const swVersion = (dir) => {
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  // Either this hook's `"version":"…"` or the cache name of the hook before it.
  return (sw.match(/"version":"([0-9a-f]+)"/) || sw.match(/'sspr-lookup-([0-9a-f]+)'/))?.[1];
};

test('the hook fills in this build\'s names: no placeholder survives, every file it names exists', (t) => {
  const dir = staging();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const r = runHook(dir);
  assert.equal(r.status, 0, r.out);
  const out = fs.readdirSync(dir);
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.ok(!/<script type="module">/.test(html), 'the inline loader is gone');
  for (const f of out.filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    assert.equal(nodeCheck(path.join(dir, f)).status, 0, f);
    for (const placeholder of ['./sspr-lookup.js', './catalogs.js', './sspr-lookup_bg.wasm', './style.css', './catalog-sv.txt', '"dev"']) {
      assert.ok(!text.includes(placeholder), `${f} still has ${placeholder}`);
    }
    // Every ./file a built script or the page names is in the build.
    for (const [, name] of text.matchAll(/["']\.\/([\w.-]+\.(?:js|wasm|css|txt|html))["']/g)) assert.ok(out.includes(name), `${f} names ${name}`);
  }
  for (const [, name] of html.matchAll(/(?:href|src)="\.\/([\w.-]+)"/g)) assert.ok(out.includes(name), `index.html names ${name}`);
});

for (const [what, options, message] of [
  ['the CSP meta tag cannot be inserted (no <meta charset="utf-8">)', { head: '<meta charset="UTF-8">\n  <meta name="referrer" content="no-referrer">' }, /CSP meta tag/],
  ['the page lacks the no-referrer meta tag', { head: '<meta charset="utf-8">' }, /referrer/],
]) {
  test(`the build fails when ${what}`, (t) => {
    const dir = staging(options);
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const r = runHook(dir);
    assert.notEqual(r.status, 0, `the hook succeeded:\n${r.out}`);
    assert.match(r.out, message);
  });
}

test('the build fails when the glue\'s integrity attribute is not in the page', (t) => {
  const dir = staging();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, `sspr-lookup-${H}.js`), GLUE + '// changed after Trunk hashed it\n');
  const r = runHook(dir);
  assert.notEqual(r.status, 0, r.out);
  assert.match(r.out, /integrity/);
});

test('the service worker\'s version follows content: the page alone, the stylesheet alone, embed.js alone', (t) => {
  const dirs = [];
  const build = (opts, env) => { const d = staging(opts); dirs.push(d); const r = runHook(d, env); assert.equal(r.status, 0, r.out); return swVersion(d); };
  t.after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const base = build();
  assert.ok(base);
  assert.equal(build(), base, 'the same input gives the same version');
  assert.notEqual(build({ title: 'SSPR error lookup (new wording)' }), base, 'a change to index.html alone');
  // Same file name, other content (Trunk's names are hashes, but nothing here relies on that).
  assert.notEqual(build({ css: 'main{color:blue}' }), base, 'a change to the stylesheet alone');
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'sspr-src-'));
  dirs.push(src);
  for (const f of SOURCES) fs.copyFileSync(path.join(ROOT, 'public', f), path.join(src, f));
  fs.appendFileSync(path.join(src, 'embed.js'), '// a change to embed.js alone\n');
  const changed = build({}, { SSPR_WEB_SOURCES: src });
  assert.notEqual(changed, base, 'a change to embed.js alone');
});

// The loader's language rule in isolation (the page agreeing with it: e2e/loader.test.mjs).
test('the loader takes only its own language files: inherited names are no language', async () => {
  const fetched = [];
  const saved = { fetch: globalThis.fetch, navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator') };
  globalThis.fetch = async (url) => { fetched.push(String(url)); return { ok: true, text: async () => 'K x' }; };
  Object.defineProperty(globalThis, 'navigator', { value: { languages: ['constructor', 'toString', '__proto__'] }, configurable: true });
  try {
    const { readerLang, firstLang, loadCatalogs, BUILD } = await import(new URL('../public/catalogs.js', import.meta.url));
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      assert.equal(firstLang(name), 'en', name);
      assert.equal(readerLang('', null, [name]), 'en', `${name} as a browser language`);
      await loadCatalogs(name, new URL('http://x/app/'))(() => {}, () => {});
    }
    // Its language files, and their lexicons (same name, `lexicon-`).
    const files = Object.values(BUILD.catalogs)
      .flatMap((f) => [f, f.replace('catalog-', 'lexicon-')])
      .map((f) => new URL(f, 'http://x/app/').href);
    assert.ok(fetched.length > 0);
    for (const u of fetched) assert.ok(files.includes(u), `fetched ${u}`);
    // The page's rule (this source's placeholder languages: en, sv): the given language, else
    // the stored one, else the browser's first known; a tag read as the page language it names.
    assert.equal(readerLang('sv', 'en', ['en']), 'sv');
    assert.equal(readerLang('', 'SV-se', ['en']), 'sv');
    assert.equal(readerLang('nl', 'sv', ['sv']), 'en', 'a language the page lacks is English');
    assert.equal(readerLang('', null, ['de-DE', 'SV_se', 'en']), 'sv');
    assert.equal(readerLang('', null, ['de', 'fr']), 'en');
  } finally {
    globalThis.fetch = saved.fetch;
    if (saved.navigator) Object.defineProperty(globalThis, 'navigator', saved.navigator); else delete globalThis.navigator;
  }
});

test('the stylesheet ships minified, with an integrity attribute that matches it', (t) => {
  // A space before a colon may be a selector's (`.a :hover`), so only the one after goes.
  const sheet = '/* a comment */\n.sspr .a > .b ,\n.c { font: 1rem "Segoe UI", sans-serif ;  color : red ; }\n.d :hover { color: blue }\n';
  const dir = staging({ css: sheet });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const r = runHook(dir);
  assert.equal(r.status, 0, r.out);
  const css = fs.readFileSync(path.join(dir, `style-${H}.css`), 'utf8');
  assert.equal(css, '.sspr .a>.b,.c{font:1rem "Segoe UI",sans-serif;color :red}.d :hover{color:blue}');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.ok(html.includes(`integrity="${sri(css)}"`), 'the page names the minified sheet');
});
