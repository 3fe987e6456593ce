// End-to-end behaviours of the built page, in headless Chromium against dist/ served on
// loopback, at the root and from a sub-path. One test per behaviour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { serve } from './serve.mjs';
import { launch, LookupPage, bumpVersion, openPage as openPageIn } from './page.mjs';

const DIST = path.resolve(process.env.DIST || 'dist');
const SUB = '/docs/tools/sspr/';
let browser;
let root;
let sub;

before(async () => {
  browser = await launch();
  root = await serve(DIST, { base: '/' });
  sub = await serve(DIST, { base: SUB });
});
after(async () => {
  await browser?.close();
  await root?.close();
  await sub?.close();
});

// page.mjs's openPage in this file's browser; `before(page)` runs before navigation.
const openPage = (url, ctxOptions, before) => openPageIn(browser, url, ctxOptions, before);

// Requests for files matching `pattern` wait until the returned function is called.
async function holdFiles(page, pattern) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

test('typing a code shows its card, with no console errors', async () => {
  const { p, ctx, errors } = await openPage(root.url);
  await p.type('SSPR_0014');
  await p.waitForKey('SSPR_0014');
  assert.deepEqual(await p.keys(), ['SSPR_0014']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the paste box has focus on load', async () => {
  const { page, ctx } = await openPage(root.url);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'paste');
  await ctx.close();
});

for (const [lang, text, key] of [
  ['sv', 'Du kan tyvärr inte återställa ditt lösenord just nu eftersom nödvändig information saknas i ditt konto.', 'SSPR_0014'],
  ['en', 'The user never receives the password reset email.', 'usage-never-receives-email'],
  ['nl', 'Uw organisatie heeft niet de vereiste licenties', 'SSPR_0012'],
  ['cs', 'Tato událost označuje, že došlo k pokusu o resetování nebo změnu hesla k účtu, který byl uzamčen místně.', 'EVENT_33006'],
]) {
  test(`a paste in ${lang} is identified`, async () => {
    const { p, page, ctx } = await openPage(root.url);
    await p.type(text);
    await p.waitForKey(key);
    assert.equal((await p.keys())[0], key);
    // The words that matched are highlighted.
    assert.ok(await page.locator('[data-testid="matched"] mark').count() > 0);
    await ctx.close();
  });
}

test('a log paste with several codes gives one card per code, in order', async () => {
  const { p, ctx } = await openPage(root.url);
  await p.type('Source: PasswordResetService\nEvent ID: 33004\nTrackingId: 0b8d2c1e-1234-4cde-8f00-123456789abc\n'
    + 'Then: Event ID 32002 ServiceBusError on 2024-03-14 10:32:07 for bob@contoso.com');
  await p.waitForKey('EVENT_32002');
  assert.deepEqual(await p.keys(), ['EVENT_33004', 'EVENT_32002']);
  await ctx.close();
});

test('no confident match says so, shows guesses as guesses, and decodes an HRESULT', async () => {
  const { p, page, ctx } = await openPage(root.url);
  await p.type('0x80070005 Access is denied');
  await page.waitForSelector('[data-testid="no-match"]');
  assert.equal(await p.results().count(), 0);
  assert.match(await page.locator('[data-testid="hresult"]').innerText(), /0x80070005.*WIN32.*ACCESS_DENIED/s);
  await p.type('The printer is out of paper');
  await page.waitForSelector('[data-testid="no-match"]');
  assert.equal(await p.results().count(), 0);
  await ctx.close();
});

test('a ?q= link opens with the answer; #q= follows the box without adding history', async () => {
  const { p, page, ctx } = await openPage(root.url + '?q=' + encodeURIComponent('Event ID: 32009'));
  await p.waitForKey('EVENT_32009');
  const before = await page.evaluate(() => history.length);
  await p.type('SSPR_0030');
  await p.waitForKey('SSPR_0030');
  assert.equal(new URL(page.url()).search, '');
  assert.equal(new URL(page.url()).hash, '#q=SSPR_0030');
  assert.equal(await page.evaluate(() => history.length), before);
  await ctx.close();
});

test('#KEY opens that entry directly', async () => {
  const { p, ctx } = await openPage(root.url + '#HR_800700CE');
  await p.waitForKey('HR_800700CE');
  await ctx.close();
});

test('an empty box browses every entry by area', async () => {
  const { page, ctx } = await openPage(root.url);
  const n = await page.locator('[data-testid="browse"] li[data-key]').count();
  assert.ok(n >= 80, `${n} entries listed`);
  await ctx.close();
});

test('language: chosen from the browser, switchable, remembered, with a fallback notice', async () => {
  const { p, page, ctx } = await openPage(root.url, { locale: 'nl-NL' });
  const h1 = (text) => page.waitForFunction((t) => document.querySelector('h1')?.innerText === t, text);
  await h1('SSPR-fout opzoeken');
  // Czech is fetched when it is picked.
  await page.selectOption('[data-testid="lang-select"]', 'cs');
  await h1('Vyhledání chyb SSPR');
  // Czech has no screen-error texts: the card falls back and says so.
  await p.type('SSPR_0014');
  await p.waitForKey('SSPR_0014');
  assert.match(await page.locator('[data-testid="fallback"]').innerText(), /en/);
  // Other loaded languages of the entry can be shown.
  await page.locator('[data-testid="other-lang"]', { hasText: 'nl' }).click();
  await page.waitForSelector('.card .body[lang="nl"]');
  // One body visible at a time; the pressed button says which, and keeps the focus.
  assert.equal(await page.locator('.card .body:visible').count(), 1);
  assert.equal(await page.locator('[data-testid="other-lang"][aria-pressed="true"]').innerText(), 'nl');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-show-lang')), 'nl');
  await page.reload();
  await page.waitForSelector('[data-testid="paste"]');
  await h1('Vyhledání chyb SSPR');
  await ctx.close();
});

// A reader of each language pastes their screen's message (the article's text, no code): the
// card is the right one, in their language, with their chrome.
for (const [locale, lang, key, paste, title] of [
  ['de-DE', 'de', 'SSPR_0012', 'Ihre Organisation besitzt nicht die erforderlichen Lizenzen zum Zurücksetzen von Kennwörtern. Bitten Sie Ihren Administrator, die Lizenzzuweisungen zu überprüfen.', 'SSPR-Fehler nachschlagen'],
  ['ja-JP', 'ja', 'SSPR_0012', '組織には、パスワードのリセットを実行するために必要なライセンスがありません。', null],
  ['pt-BR', 'pt-br', 'SSPR_0009', 'Detectamos que a redefinição de senha não foi habilitada pelo administrador.', null],
]) {
  test(`a ${lang} reader pasting a ${lang} message gets the ${key} card in ${lang}`, async () => {
    const { p, page, ctx, errors } = await openPage(root.url, { locale });
    await page.evaluate(() => window.ssprLookupReady);
    await p.type(paste);
    await page.waitForSelector(`[data-testid="result"][data-key="${key}"] .body[lang="${lang}"]:not([hidden])`);
    assert.equal((await p.keys())[0], key);
    assert.equal(await page.locator('main').getAttribute('lang'), lang);
    if (title) assert.equal(await page.locator('h1').innerText(), title);
    assert.notEqual(await page.locator('h1').innerText(), 'SSPR error lookup', 'the chrome is in the reader\'s language');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('a French paste with an English reader loads French on demand, says so, then answers', async () => {
  const asked = [];
  const urls = [];
  let release;
  const { p, page, ctx, errors } = await openPage(root.url, { locale: 'en-US' }, async (page) => {
    page.on('request', (r) => {
      urls.push(r.url());
      const m = r.url().match(/catalog-([a-z]+(?:-[a-z]+)?)-[0-9a-f]{16}\.txt$/);
      if (m) asked.push(m[1]);
    });
    release = await holdFiles(page, /catalog-fr-[0-9a-f]{16}\.txt$/);
  });
  await page.evaluate(() => window.ssprLookupReady);
  assert.deepEqual(asked, ['en'], 'an English reader fetches English and nothing else');
  const paste = 'nous avons détecté que la réinitialisation de mot de passe n’a pas été activée par votre administrateur.';
  await p.type(paste);
  // Recognised as French before the French file is there: it is fetched, and the page says so.
  await page.waitForSelector('[data-testid="loading"]');
  assert.match(await page.locator('[data-testid="loading"]').innerText(), /Français/);
  assert.ok(asked.includes('fr'), `asked ${asked}`);
  release();
  await p.waitForKey('SSPR_0009');
  assert.equal((await p.keys())[0], 'SSPR_0009');
  assert.equal(await page.locator('[data-testid="loading"]').count(), 0);
  // Only French was added; no request carries any part of the paste.
  assert.deepEqual([...asked].sort(), ['en', 'fr']);
  for (const u of urls) {
    for (const w of ['avons', 'activ', 'administrateur', 'mot%20de', 'passe']) assert.ok(!u.includes(w), u);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('copy answer puts a plain-text answer on the clipboard', async () => {
  const { p, page, ctx } = await openPage(root.url);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(root.url).origin });
  await p.type('hr=800700CE');
  await p.waitForKey('HR_800700CE');
  await page.click('[data-testid="copy"]');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^HR_800700CE — /);
  assert.match(text, /Source: Microsoft Docs, en-2024-troubleshoot-sspr-writeback\.md/);
  assert.ok(!text.includes('<'), 'plain text, no markup');
  await ctx.close();
});

test('a hostile ?q= is shown as text and injects nothing', async () => {
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>SSPR_0014 "><svg onload=alert(1)>';
  const { p, page, ctx } = await openPage(root.url + '?q=' + encodeURIComponent(evil));
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await p.waitForKey('SSPR_0014');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img, main svg, main script').count(), 0);
  assert.equal(await p.paste().inputValue(), evil);
  assert.equal(dialogs, 0);
  await ctx.close();
});

test('nothing is requested after load: what you type stays in the page', async () => {
  const { p, page, ctx } = await openPage(root.url);
  await page.waitForLoadState('networkidle');
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  const before = root.requests.length;
  for (const q of ['SSPR_0014', 'my secret user name alice@contoso.com', 'Event ID: 32002', 'lösenord']) {
    await p.type(q);
    await page.waitForTimeout(150);
  }
  await page.click('[data-testid="copy"]');
  await page.waitForTimeout(300);
  assert.deepEqual(seen, []);
  assert.equal(root.requests.length, before);
  await ctx.close();
});

test('an AADSTS code links to Microsoft\'s sign-in error lookup, which the page never fetches', async () => {
  const { p, page, ctx } = await openPage(root.url);
  await page.waitForLoadState('networkidle');
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  const before = root.requests.length;
  await p.type('AADSTS50126: Error validating credentials due to invalid username or password.');
  const link = page.locator('[data-testid="notes"] a');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), 'https://login.microsoftonline.com/error?code=50126');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await page.locator('[data-testid="notes"]').innerText(), /AADSTS50126 is an Azure AD sign-in error, not a password reset error/);
  assert.equal(await p.results().count(), 0, 'not an answer of ours');
  await page.waitForTimeout(300);
  // No request at all, so none carrying the code (to Microsoft or to our server).
  assert.deepEqual(seen, []);
  assert.equal(root.requests.length, before);
  await ctx.close();
});

test('a log with several codes: a summary whose links move to the cards, the paste kept in #q=', async () => {
  const { p, page, ctx } = await openPage(root.url, { viewport: { width: 360, height: 640 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(root.url).origin });
  const log = 'Log Name: Application\nSource: PasswordResetService\nEvent ID: 33004\n'
    + 'TrackingId: 0b8d2c1e-1234-4cde-8f00-123456789abc hr=0x800700CE\nSSPR_0029: on-premises policy';
  await p.type(log);
  await p.waitForKey('SSPR_0029');
  const summary = page.locator('[data-testid="summary"]');
  assert.equal(await summary.innerText(), '3 errors found: EVENT_33004, HR_800700CE, SSPR_0029');
  const url = page.url();
  assert.equal(new URLSearchParams(new URL(url).hash.slice(1)).get('q'), log);
  const history = await page.evaluate(() => window.history.length);
  await summary.locator('a', { hasText: 'SSPR_0029' }).click();
  // The focus is on that card's first line, in view; the URL still holds the paste; nothing
  // was re-rendered.
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="result"]')?.getAttribute('data-key') === 'SSPR_0029');
  const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
  assert.ok(box.top >= 0 && box.bottom <= 640, `card's first line at ${box.top}–${box.bottom}px`);
  assert.equal(page.url(), url);
  assert.equal(await page.evaluate(() => window.history.length), history);
  assert.equal(await p.paste().inputValue(), log);
  // One card per code, in order (a text match may follow them).
  assert.deepEqual((await p.keys()).slice(0, 3), ['EVENT_33004', 'HR_800700CE', 'SSPR_0029']);
  // The copied answer starts with the same summary.
  await page.click('[data-testid="copy"]');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^3 errors found: EVENT_33004, HR_800700CE, SSPR_0029\nEVENT_33004 — /);
  await ctx.close();
});

test('two lookups on one page: a summary link focuses the card in its own lookup', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const host = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>'
    + '<sspr-lookup id="one" lang="en"></sspr-lookup><sspr-lookup id="two" lang="en"></sspr-lookup>'
    + '<script type="module" src="./embed.js"></script></body></html>';
  await page.route(sub.url + 'two.html', (r) => r.fulfill({ contentType: 'text/html', body: host }));
  await page.goto(sub.url + 'two.html');
  const log = 'Event ID: 33004\nhr=0x800700CE\nSSPR_0029';
  for (const w of ['#one', '#two']) {
    const box = page.locator(`${w} [data-testid="paste"]`);
    await box.waitFor({ timeout: 15000 });
    await box.fill(log);
    await page.waitForSelector(`${w} [data-testid="result"][data-key="SSPR_0029"]`);
  }
  // Regression: the link looked the card up in the whole document and focused the first
  // lookup's card.
  await page.locator('#two [data-testid="summary"] a', { hasText: 'SSPR_0029' }).click();
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="result"]')?.getAttribute('data-key') === 'SSPR_0029');
  assert.equal(await page.evaluate(() => document.activeElement.closest('sspr-lookup')?.id), 'two');
  await ctx.close();
});

test('the embed demo works from a sub-path and leaves the host URL alone', async () => {
  const { page, ctx, errors } = await (async () => {
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(sub.url + 'embed-demo.html');
    return { page, ctx, errors };
  })();
  const box = page.locator('sspr-lookup [data-testid="paste"]');
  await box.waitFor({ timeout: 15000 });
  assert.equal(await page.locator('sspr-lookup h1').isVisible(), false, 'compact mode hides the heading');
  await box.fill('Event ID 33008');
  await page.waitForSelector('sspr-lookup [data-testid="result"][data-key="EVENT_33008"]');
  assert.equal(new URL(page.url()).search, '');
  // Swedish chrome from lang="sv"; the JS API answers with the CLI's JSON shape.
  assert.match(await page.locator('sspr-lookup .paste-label').innerText(), /Felmeddelande/);
  const a = await page.evaluate(() => window.ssprLookup.lookup('SSPR_0014'));
  assert.equal(a.groups[0].hits[0].key, 'SSPR_0014');
  assert.equal(a.no_match, false);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the JS API on the page returns the --json shape', async () => {
  const { page, ctx } = await openPage(sub.url);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.lookup);
  const a = await page.evaluate(() => window.wasmBindings.lookup('hr=80230402 and Event ID 6329'));
  assert.deepEqual(a.groups.map((g) => g.hits[0].key), ['HR_80230402', 'ADSYNC_6329']);
  for (const k of ['no_match', 'groups', 'candidates', 'hresults', 'unknown_codes', 'detected_lang', 'notes', 'truncated']) {
    assert.ok(k in a, k);
  }
  await ctx.close();
});

test('works offline after the first visit (service worker)', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(sub.url);
  await page.waitForSelector('[data-testid="paste"]');
  // (A synchronous predicate: waitForFunction does not wait for a promise to settle.)
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
  });
  // A language the reader picks while the worker is in charge is kept for offline use.
  await page.selectOption('[data-testid="lang-select"]', 'de');
  await page.waitForFunction(() => document.querySelector('h1')?.innerText === 'SSPR-Fehler nachschlagen');
  const kept = await page.evaluate(async () => {
    const names = [];
    for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) names.push(r.url.split('/').pop());
    return names;
  });
  assert.ok(kept.some((n) => /^catalog-de-/.test(n)), `cached: ${kept}`);
  assert.ok(!kept.some((n) => /^catalog-fr-/.test(n)), 'a language never used is not fetched');
  await ctx.setOffline(true);
  await page.goto(sub.url + '?q=SSPR_0010');
  await page.waitForSelector('[data-testid="result"][data-key="SSPR_0010"] .body[lang="de"]:not([hidden])', { timeout: 15000 });
  assert.equal(await page.locator('h1').innerText(), 'SSPR-Fehler nachschlagen');
  await ctx.setOffline(false);
  await ctx.close();
});

test('axe-core finds no accessibility violations in the main states', async () => {
  const axe = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  for (const [name, q] of [['browse', ''], ['answer', 'SSPR_0014'], ['no match', 'The printer is out of paper'], ['log', 'Event ID 33004 and hr=800700CE']]) {
    for (const scheme of ['light', 'dark']) {
      const { p, page, ctx } = await openPage(root.url, { bypassCSP: true, colorScheme: scheme });
      if (q) await p.type(q);
      await page.waitForTimeout(200);
      await page.addScriptTag({ content: axe });
      const r = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`));
      assert.deepEqual(r, [], `${name}, ${scheme}`);
      await ctx.close();
    }
  }
});

test('usable at 360 px wide: no horizontal scrolling', async () => {
  const { p, page, ctx } = await openPage(root.url, { viewport: { width: 360, height: 740 } });
  await p.type('Log Name: Application Source: PasswordResetService Event ID: 33008 TrackingId: 0b8d2c1e-1234-4cde-8f00-123456789abc');
  await p.waitForKey('EVENT_33008');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await ctx.close();
});

test('keyboard only: tab reaches the language switch, the box and the copy button', async () => {
  const { p, page, ctx } = await openPage(root.url);
  await p.type('SSPR_0014');
  await p.waitForKey('SSPR_0014');
  const seen = new Set();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    seen.add(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')));
  }
  for (const id of ['lang-select', 'copy']) assert.ok(seen.has(id), `${id} not reachable: ${[...seen]}`);
  await ctx.close();
});

test('a related link opens that entry, titled in the reader\'s language', async () => {
  const { p, page, ctx } = await openPage(root.url + '?q=SSPR_0010');
  await p.waitForKey('SSPR_0010');
  const link = page.locator('[data-testid="related"][data-key="guide-reenable-writeback"]');
  assert.match(await link.innerText(), /writeback/i);
  await link.click();
  await p.waitForKey('guide-reenable-writeback');
  await ctx.close();
});

test('in an embedded lookup, entry links open inside the widget', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(sub.url + 'embed-demo.html');
  await page.locator('sspr-lookup [data-testid="browse"]').waitFor({ timeout: 15000 });
  await page.locator('sspr-lookup summary').first().click();
  await page.locator('sspr-lookup [data-testid="browse"] li[data-key="SSPR_0013"] a').click();
  await page.waitForSelector('sspr-lookup [data-testid="result"][data-key="SSPR_0013"]');
  assert.equal(new URL(page.url()).hash, '');
  await ctx.close();
});

test('the JS API answer equals the CLI\'s --json for the same paste', async () => {
  const { execFileSync } = await import('node:child_process');
  const q = 'Event ID 33004 and hr=0x80070005 on 2024-03-14';
  const cli = JSON.parse(execFileSync('target/release/sspr-lookup', ['--json', q], { encoding: 'utf8' }));
  const { page, ctx } = await openPage(root.url);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.lookup);
  const js = await page.evaluate((q) => window.wasmBindings.lookup(q), q);
  // Scores are f32 in both; compare after the same rounding.
  const round = (v) => JSON.parse(JSON.stringify(v, (k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Math.round(x * 1e4) / 1e4 : x)));
  assert.deepEqual(round(js), round(cli));
  await ctx.close();
});

test('screen readers hear a short status, in the chosen language', async () => {
  const { p, page, ctx } = await openPage(root.url, { locale: 'sv-SE' });
  await p.type('Event ID 33004 and hr=800700CE');
  await p.waitForKey('HR_800700CE');
  assert.equal(await page.locator('[data-testid="status"]').innerText(), '2 träffar: EVENT_33004, HR_800700CE');
  assert.equal(await page.locator('main').getAttribute('lang'), 'sv');
  await p.type('The printer is out of paper');
  await page.waitForSelector('[data-testid="no-match"]');
  assert.equal(await page.locator('[data-testid="status"]').innerText(), 'Ingen säker träff.');
  await ctx.close();
});

test('a new deploy replaces the offline copy (service worker update)', async () => {
  // Deploy B: the same build with a changed page and a new worker version, as a rebuild gives.
  const os = await import('node:os');
  const b = fs.mkdtempSync(path.join(os.tmpdir(), 'sspr-deploy-b-'));
  for (const f of fs.readdirSync(DIST)) fs.copyFileSync(path.join(DIST, f), path.join(b, f));
  fs.writeFileSync(path.join(b, 'index.html'), fs.readFileSync(path.join(b, 'index.html'), 'utf8').replace('<title>', '<meta name="deploy" content="B"><title>'));
  fs.writeFileSync(path.join(b, 'sw.js'), bumpVersion(fs.readFileSync(path.join(b, 'sw.js'), 'utf8'), 'b'));
  const server = await serve(DIST, { base: '/deploy/' });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
    });
    const before = await page.evaluate(() => caches.keys());
    server.setRoot(b);
    await page.reload();
    // Browsers check the worker for updates on navigation; ask now rather than wait.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const deadline = Date.now() + 15000;
    let keys = [];
    while (Date.now() < deadline) {
      keys = await page.evaluate(() => caches.keys());
      if (keys.length === 1 && !before.includes(keys[0])) break;
      await page.waitForTimeout(200);
    }
    assert.equal(keys.length, 1);
    assert.ok(!before.includes(keys[0]), `old cache ${before} still in use`);
    // The offline copy is now deploy B's page (and only B's cache is left).
    const cachedPage = await page.evaluate(async () => {
      const [key] = await caches.keys();
      const hit = await (await caches.open(key)).match('./index.html');
      return hit ? hit.text() : '';
    });
    assert.match(cachedPage, /<meta name="deploy" content="B">/);
  } finally {
    await ctx.setOffline(false);
    await ctx.close();
    await server.close();
    fs.rmSync(b, { recursive: true, force: true });
  }
});

test('a long paste is answered but not copied into the URL', async () => {
  const { p, page, ctx } = await openPage(root.url);
  const log = ('Source: PasswordResetService Event ID: 33004 TrackingId: 0b8d2c1e-1234-4cde-8f00-123456789abc\n').repeat(60);
  await p.type(log);
  await p.waitForKey('EVENT_33004');
  assert.equal(new URL(page.url()).search, '');
  assert.equal(new URL(page.url()).hash, '');
  await ctx.close();
});

test('languages load on demand: the reader\'s own first, then English, then only what a paste needs', async () => {
  const asked = [];
  const { p, page, ctx, errors } = await openPage(root.url + '?q=SSPR_0014', { locale: 'sv-SE' }, async (page) => {
    page.on('request', (r) => { const m = r.url().match(/catalog-([a-z]+(?:-[a-z]+)?)-[0-9a-f]{16}\.txt$/); if (m) asked.push(m[1]); });
  });
  // A Swedish reader gets the Swedish card (the wasm knows the code; Swedish is fetched at once).
  await page.waitForSelector('[data-testid="result"][data-key="SSPR_0014"] .body[lang="sv"]:not([hidden])');
  assert.equal(await page.locator('[data-testid="fallback"]').count(), 0);
  await page.evaluate(() => window.ssprLookupReady);
  assert.deepEqual(asked, ['sv', 'en']);
  // A Dutch paste brings Dutch, and Dutch text is matched once it has been merged.
  await p.type('Uw organisatie heeft niet de vereiste licenties');
  await p.waitForKey('SSPR_0012');
  assert.deepEqual(asked, ['sv', 'en', 'nl']);
  const a = await page.evaluate(() => window.wasmBindings.lookup('Uw organisatie heeft niet de vereiste licenties'));
  assert.equal(a.detected_lang, 'nl');
  assert.equal(a.groups[0].hits[0].key, 'SSPR_0012');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the lexicons come after the first answer, and then a description in other words is understood', async () => {
  const asked = [];
  let release;
  const { p, page, ctx, errors } = await openPage(root.url + '?q=SSPR_0014', { locale: 'en-US' }, async (page) => {
    page.on('request', (r) => { const m = r.url().match(/(catalog|lexicon)-([a-z]+(?:-[a-z]+)?)-[0-9a-f]{16}\.txt$/); if (m) asked.push(`${m[1]}-${m[2]}`); });
    release = await holdFiles(page, /lexicon-en-[0-9a-f]{16}\.txt$/);
  });
  // The first answer does not wait for any lexicon.
  await p.waitForKey('SSPR_0014');
  await page.evaluate(() => window.ssprLookupReady);
  assert.deepEqual(asked.filter((a) => a.startsWith('catalog-')), ['catalog-en']);
  release();
  await page.evaluate(() => window.ssprLookupLexicons);
  assert.deepEqual(asked, ['catalog-en', 'lexicon-en']);
  // A description in the reader's own words ("type", "accepted": the article says "validating").
  const a = await page.evaluate(() => window.wasmBindings.lookup('the phone number I type for verification is not accepted'));
  assert.equal(a.no_match, false);
  assert.equal(a.groups[0].hits[0].key, 'usage-validating-number');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a description in people\'s words is answered through phrases once the lexicon is in', async () => {
  let release;
  const { p, page, ctx, errors } = await openPage(root.url, { locale: 'en-US' }, async (page) => {
    release = await holdFiles(page, /lexicon-en-[0-9a-f]{16}\.txt$/);
  });
  await page.evaluate(() => window.ssprLookupReady);
  // No article says it this way: without the phrases, no confident match.
  await p.type('i get no sms when i try to reset my password');
  await page.waitForSelector('[data-testid="no-match"]');
  // The lexicon file brings the phrases; the answer on screen follows without retyping.
  release();
  await page.evaluate(() => window.ssprLookupLexicons);
  await p.waitForKey('usage-sms-call');
  // A phrase is matched, never shown: the card is the article's text (the nearest phrase says
  // "the text code never arrives when I try to reset my password").
  assert.ok(!(await page.locator('main').innerText()).includes('text code never arrives'), 'a phrase is shown');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a weak answer the phrases contradict becomes "no confident match" once the lexicon is in, with both entries guessed', async () => {
  let release;
  const { p, page, ctx, errors } = await openPage(root.url, { locale: 'de-DE' }, async (page) => {
    release = await holdFiles(page, /lexicon-[a-z-]+-[0-9a-f]{16}\.txt$/);
  });
  await page.evaluate(() => window.ssprLookupReady);
  // The articles alone answer with the event "permission denied", weakly.
  await p.type('das Konto des AD-Connectors hat keine Berechtigung zum Zurücksetzen von Kennwörtern');
  await p.waitForKey('EVENT_33004');
  // The phrases confidently name the guide to checking the connector account's permissions:
  // two rankings, two entries, so no confident match. The phrases' entry is the first guess,
  // and the articles' is kept among the guesses.
  release();
  await page.evaluate(() => window.ssprLookupLexicons);
  await page.waitForSelector('[data-testid="no-match"]');
  const guesses = await page.locator('[data-testid="guess"]').evaluateAll((els) => els.map((e) => e.dataset.key));
  assert.equal(guesses[0], 'guide-verify-permissions');
  assert.ok(guesses.includes('EVENT_33004'), guesses.join(' '));
  assert.equal(await page.locator('[data-testid="result"]').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a language file that fails to load leaves the page working in the others', async () => {
  // Own set-up: the aborted file is logged as a console error by the browser itself, so only
  // uncaught page errors count here.
  const ctx = await browser.newContext({ serviceWorkers: 'block', locale: 'nl-NL' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(/catalog-nl-[0-9a-f]+\.txt$/, (r) => r.abort());
  const p = await new LookupPage(page).open(root.url);
  await page.evaluate(() => window.ssprLookupReady);
  // Dutch chrome travels in the Dutch file, so without it the page speaks English; the card is
  // English with the fallback notice, and Swedish pastes still work.
  assert.equal(await page.locator('h1').innerText(), 'SSPR error lookup');
  await p.type('SSPR_0014');
  await page.waitForSelector('[data-testid="result"][data-key="SSPR_0014"] .body[lang="en"]:not([hidden])');
  // The file failed: the card says Dutch is not available (not that it is still loading).
  assert.match(await page.locator('[data-testid="fallback"]').innerText(), /^Not available in your language; shown in en\.$/);
  await p.type('Du kan tyvärr inte återställa ditt lösenord just nu eftersom nödvändig information saknas i ditt konto.');
  await p.waitForKey('SSPR_0014');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A Swedish reader whose Swedish file is held back until `release()`.
async function openHeldSwedish(url) {
  let release;
  const opened = await openPage(url, { locale: 'sv-SE' }, async (page) => {
    release = await holdFiles(page, /catalog-sv-[0-9a-f]+\.txt$/);
  });
  return { ...opened, release };
}

test('while the reader\'s language is on its way, the card says so instead of "not in your language"', async () => {
  const { page, ctx, release } = await openHeldSwedish(root.url + '?q=SSPR_0014');
  // The wasm knows every code: the card is there at once, saying its text is coming (in
  // English: the Swedish chrome comes with the Swedish file).
  await page.waitForSelector('[data-testid="result"][data-key="SSPR_0014"]');
  assert.match(await page.locator('[data-testid="fallback"]').innerText(), /Loading Svenska/);
  release();
  await page.waitForSelector('[data-testid="result"][data-key="SSPR_0014"] .body[lang="sv"]:not([hidden])');
  assert.equal(await page.locator('[data-testid="fallback"]').count(), 0);
  assert.equal(await page.locator('h1').innerText(), 'Slå upp SSPR-fel', 'Swedish chrome once its file is in');
  await ctx.close();
});

test('the browse list follows when the reader\'s language arrives', async () => {
  const { page, ctx, release } = await openHeldSwedish(root.url);
  const item = page.locator('[data-testid="browse"] li[data-key="SSPR_0009"]');
  await item.waitFor({ state: 'attached' });
  // Before any language file: the entry by its key.
  assert.match(await item.textContent(), /^SSPR_0009/);
  release();
  await page.waitForFunction(() => /upptäckt/.test(document.querySelector('[data-testid="browse"] li[data-key="SSPR_0009"]')?.textContent || ''));
  await ctx.close();
});
