// The paste and the URL: the paste lives in the fragment (#q=…, never sent to a server), old
// ?q= links still open and move to the fragment at once, #KEY still opens an entry, and the
// static server never receives any part of a paste (URL or Referer), even after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch, openPage } from './page.mjs';

const DIST = path.resolve(process.env.DIST || 'dist');
let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve(DIST, { base: '/tools/sspr/' });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const fragmentPaste = (url) => {
  const h = new URL(url).hash;
  return h.startsWith('#q=') ? new URLSearchParams(h.slice(1)).get('q') : null;
};

// Each word of every paste below: none may reach the server in any form.
const SECRETS = ['alicezq7', 'kxw93ts', 'hemligtlosen', 'vault42b'];
const carries = (s) => {
  let d = s;
  try { d = decodeURIComponent(s.replace(/\+/g, ' ')); } catch { /* keep it raw */ }
  return SECRETS.filter((w) => s.toLowerCase().includes(w) || d.toLowerCase().includes(w));
};

test('the paste never reaches the server: typing, pasting, a reload, and an old ?q= link', async () => {
  const { p, page, ctx } = await openPage(browser, server.url);
  const from = server.log.length;
  await p.type('SSPR_0014 user alicezq7@contoso.com kxw93ts');
  await p.waitForKey('SSPR_0014');
  // A paste as the clipboard gives it (an input event with the whole text).
  await p.paste().focus();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' hemligtlosen');
  await page.waitForTimeout(300);
  assert.equal(fragmentPaste(page.url()), 'SSPR_0014 user alicezq7@contoso.com kxw93ts hemligtlosen');
  assert.equal(new URL(page.url()).search, '');
  // A reload keeps the paste (from the fragment) and sends none of it.
  await page.reload();
  await p.waitForKey('SSPR_0014');
  assert.equal(await p.paste().inputValue(), 'SSPR_0014 user alicezq7@contoso.com kxw93ts hemligtlosen');
  // An old ?q= link: its own request carries the paste (the link was made that way), nothing after it.
  const link = server.url + '?q=' + encodeURIComponent('Event ID: 32009 vault42b');
  const linkAt = server.log.length;
  await page.goto(link);
  await p.waitForKey('EVENT_32009');
  assert.equal(new URL(page.url()).search, '', 'the ?q= has moved out of the query');
  assert.equal(fragmentPaste(page.url()), 'Event ID: 32009 vault42b');
  await page.evaluate(() => window.ssprLookupReady);
  await page.reload();
  await p.waitForKey('EVENT_32009');
  await page.evaluate(() => window.ssprLookupReady);
  const seen = server.log.slice(from);
  assert.ok(seen.length > 10, `${seen.length} requests logged`);
  const leaks = seen.filter((r, i) => from + i !== linkAt && carries(r.url + ' ' + r.referer).length);
  assert.deepEqual(leaks, []);
  assert.equal(server.log[linkAt].url.includes('vault42b'), true, 'the link\'s own request is the one logged');
  // No request carries a Referer at all (<meta name="referrer" content="no-referrer">).
  assert.deepEqual(seen.filter((r) => r.referer), []);
  await ctx.close();
});

test('#q= and #KEY share the fragment: an entry link opens the entry, Back brings the paste back', async () => {
  const { p, page, ctx } = await openPage(browser, server.url + '#SSPR_0014');
  await p.waitForKey('SSPR_0014');
  assert.equal(await p.paste().inputValue(), '');
  await p.type('SSPR_0010');
  await p.waitForKey('SSPR_0010');
  assert.equal(fragmentPaste(page.url()), 'SSPR_0010');
  const before = await page.evaluate(() => history.length);
  await page.locator('[data-testid="related"][data-key="guide-reenable-writeback"]').click();
  await p.waitForKey('guide-reenable-writeback');
  assert.equal(new URL(page.url()).hash, '#guide-reenable-writeback');
  assert.equal(await p.paste().inputValue(), '');
  assert.equal(await page.evaluate(() => history.length), before + 1, 'one history entry for the link, none for typing');
  await page.goBack();
  await p.waitForKey('SSPR_0010');
  assert.equal(await p.paste().inputValue(), 'SSPR_0010');
  // Emptying the box takes the paste out of the URL.
  await p.type('');
  await page.waitForSelector('[data-testid="browse"]');
  assert.equal(new URL(page.url()).hash, '');
  await ctx.close();
});

test('a #q= link opens with the answer; a hostile one is shown as text', async () => {
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>SSPR_0014 "><svg onload=alert(1)>';
  const { p, page, ctx } = await openPage(browser, server.url + '#' + new URLSearchParams({ q: evil }));
  await p.waitForKey('SSPR_0014');
  assert.equal(await p.paste().inputValue(), evil);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img, main svg, main script').count(), 0);
  await ctx.close();
});
