// End-to-end behaviours of the built page, in headless Chromium against dist/ on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch, LookupPage } from './page.mjs';

const DIST = path.resolve(process.env.DIST || 'dist');
let browser;
let root;
let sub;

before(async () => {
  browser = await launch();
  root = await serve(DIST, { base: '/' });
  sub = await serve(DIST, { base: '/docs/tools/sspr/' });
});
after(async () => {
  await browser?.close();
  await root?.close();
  await sub?.close();
});

async function openPage(url) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const p = await new LookupPage(page).open(url);
  return { p, page, ctx, errors };
}

test('typing a code shows its card', async () => {
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

test('works from a sub-path with relative asset URLs', async () => {
  const { p, ctx, errors } = await openPage(sub.url + '?q=Event%20ID%2032002');
  await p.waitForKey('EVENT_32002');
  assert.deepEqual(errors, []);
  await ctx.close();
});
