// The language loader (public/catalogs.js) against the page. The loader picks the reader's
// language before the wasm is there, so it carries a copy of the page's rule (src/web/mod.rs:
// given language, else stored choice, else i18n::pick over the browser's languages); these
// tests check that the file it fetches first is the language the page then shows, on the page
// and in the embed element, and that names inherited from Object are no language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch } from './page.mjs';

const DIST = path.resolve(process.env.DIST || 'dist');
const FILES = fs.readdirSync(DIST);
const LANGS = FILES.map((f) => f.match(/^catalog-([a-z0-9-]+)-[0-9a-f]{16}\.txt$/)?.[1]).filter(Boolean).sort();
const KEY = 'sspr-lookup.lang';
let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve(DIST, { base: '/sub/' });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const hostPage = (lang) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head>
<body><sspr-lookup lang="${lang}"></sspr-lookup><script type="module" src="./embed.js"></script></body></html>`;

// Opens the page (or a host page embedding it with `embed` as lang) with the browser's
// languages and stored choice given, every language file held back. Returns the language
// files asked for while held (the loader's first choice; the rest wait for it) and the
// language the page shows.
async function firstFetched({ languages, stored, embed }) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.addInitScript(({ languages, stored, key }) => {
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => languages, configurable: true });
    if (stored !== undefined) localStorage.setItem(key, stored);
  }, { languages, stored, key: KEY });
  let release;
  const held = new Promise((r) => { release = r; });
  const asked = [];
  await page.route(/catalog-[a-z]+(?:-[a-z]+)?-[0-9a-f]{16}\.txt$/, async (route) => {
    asked.push(route.request().url().match(/catalog-([a-z]+(?:-[a-z]+)?)-[0-9a-f]{16}\.txt$/)[1]);
    await held;
    await route.continue();
  });
  const scope = embed === undefined ? 'main' : 'sspr-lookup main';
  if (embed !== undefined) {
    await page.route(server.url + 'host.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage(embed) }));
    await page.goto(server.url + 'host.html');
  } else {
    await page.goto(server.url);
  }
  await page.locator(`${scope} [data-testid="paste"]`).waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  const shown = await page.locator(scope).getAttribute('lang');
  const first = [...asked];
  release();
  await ctx.close();
  return { first, shown };
}

for (const c of [
  { languages: ['sv-SE'] },
  { languages: ['de-DE', 'nl-BE'] },
  { languages: ['fr-FR'] },
  { languages: ['en-GB', 'sv'] },
  { languages: ['CS'] },
  { languages: ['sv'], stored: 'cs' },
  { languages: ['sv'], stored: 'xx' },
  { languages: ['nl'], stored: 'constructor' },
  { languages: ['sv'], embed: 'nl' },
  { languages: ['sv'], embed: 'sv-SE' },
  { languages: ['pt-BR'] },
  { languages: ['pt'] },
  { languages: ['zh-Hant-TW'] },
  { languages: ['el', 'zh-HK'] },
  { languages: ['sv'], stored: 'pt-PT' },
  { languages: ['ja'], embed: 'ZH-cn' },
  { languages: ['nl'], embed: 'constructor' },
]) {
  test(`the loader fetches first the language the page shows: ${JSON.stringify(c)}`, async () => {
    const { first, shown } = await firstFetched(c);
    // Every page language has a file (English too); it comes first, alone.
    assert.ok(LANGS.includes(shown), `${shown} has a file`);
    assert.deepEqual(first, [shown], `the page shows ${shown}; the loader asked first for ${first}`);
  });
}

test('names inherited from Object are no language: no request for a file the build lacks', async () => {
  const from = server.log.length;
  for (const name of ['constructor', '__proto__', 'toString']) {
    for (const c of [{ languages: ['en'], embed: name }, { languages: ['en'], stored: name }, { languages: [name] }]) {
      const ctx = await browser.newContext({ serviceWorkers: 'block' });
      const page = await ctx.newPage();
      await page.addInitScript(({ c, key }) => {
        Object.defineProperty(Navigator.prototype, 'languages', { get: () => c.languages, configurable: true });
        if (c.stored !== undefined) localStorage.setItem(key, c.stored);
      }, { c, key: KEY });
      const scope = c.embed === undefined ? 'main' : 'sspr-lookup main';
      if (c.embed !== undefined) {
        await page.route(server.url + 'host.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage(c.embed) }));
        await page.goto(server.url + 'host.html');
        await page.waitForFunction(() => window.ssprLookup);
        await page.evaluate(() => window.ssprLookup.ready);
      } else {
        await page.goto(server.url);
        await page.waitForFunction(() => window.ssprLookupReady);
        await page.evaluate(() => window.ssprLookupReady);
      }
      await page.locator(`${scope} [data-testid="paste"]`).waitFor();
      await ctx.close();
    }
  }
  const unknown = server.log.slice(from).map((r) => decodeURIComponent(new URL(r.url, 'http://x').pathname.slice('/sub/'.length)))
    .filter((f) => f !== '' && !FILES.includes(f));
  assert.deepEqual(unknown, []);
});
