// The service worker on an origin it shares: two deployments under different paths keep their
// own offline copies, the worker answers only from its own build's cache, a failed install is
// reported and leaves nothing behind, and caches of the worker before scoped names are removed
// only for their own scope. Each test uses its own server and a fresh browser context.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch, deployCopy, markDeploy } from './page.mjs';

const DIST = path.resolve(process.env.DIST || 'dist');
let browser;
const cleanup = [];

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const f of cleanup) await f();
});

// Opens `url` in `page` and waits until a service worker controls it.
async function controlled(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-testid="paste"]');
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
  });
}

async function server(mounts) {
  const s = await serve(null, { mounts });
  cleanup.push(() => s.close());
  return s;
}
const copy = (edit) => {
  const dir = deployCopy(DIST, edit);
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

test('two deployments under different paths on one origin keep their own offline copies', async () => {
  const a = copy((d) => markDeploy(d, 'a'));
  const b = copy((d) => markDeploy(d, 'b'));
  const s = await server({ '/a/': a, '/b/': b });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  try {
    await controlled(page, s.origin + '/a/');
    await controlled(page, s.origin + '/b/');
    const keys = await page.evaluate(() => caches.keys());
    assert.equal(keys.length, 2, `caches: ${keys}`);
    await ctx.setOffline(true);
    for (const name of ['a', 'b']) {
      await page.goto(`${s.origin}/${name}/?q=SSPR_0010`);
      await page.waitForSelector('[data-testid="result"][data-key="SSPR_0010"]', { timeout: 15000 });
      assert.equal(await page.locator('meta[name="deploy"]').getAttribute('content'), name);
    }
  } finally {
    await ctx.close();
  }
});

test('the worker answers only from its own build\'s cache: a stale page in another cache on the origin is never served', async () => {
  const s = await server({ '/f/': DIST });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  try {
    // Another app on the origin (the host's own worker, say) holds an old copy of our page.
    await page.goto(s.origin + '/f/embed-demo.html');
    await page.evaluate(async () => {
      const c = await caches.open('host-site-cache');
      await c.put(new URL('./index.html', location.href), new Response('<!doctype html><title>stale</title><p id="stale">stale copy</p>', { headers: { 'content-type': 'text/html' } }));
    });
    await controlled(page, s.origin + '/f/');
    await ctx.setOffline(true);
    await page.goto(s.origin + '/f/');
    await page.waitForSelector('[data-testid="paste"]', { timeout: 15000 });
    assert.equal(await page.locator('#stale').count(), 0);
  } finally {
    await ctx.close();
  }
});

test('an offline copy that fails to install is reported on the console and leaves no cache', async () => {
  // A deployment missing one precached file (an upload that did not finish).
  const broken = copy((d) => fs.rmSync(path.join(d, fs.readdirSync(d).find((f) => /^style-.*\.css$/.test(f)))));
  const s = await server({ '/c/': broken });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  try {
    await page.goto(s.origin + '/c/');
    await page.waitForSelector('[data-testid="paste"]');
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline && !warnings.some((w) => /offline copy was not installed/.test(w))) await page.waitForTimeout(200);
    assert.ok(warnings.some((w) => /offline copy was not installed/.test(w)), `warnings: ${warnings.join(' | ')}`);
    assert.deepEqual(await page.evaluate(() => caches.keys()), []);
    // The page itself works on.
    await page.fill('[data-testid="paste"]', 'SSPR_0014');
    await page.waitForSelector('[data-testid="result"][data-key="SSPR_0014"]');
  } finally {
    await ctx.close();
  }
});

test('caches named before the scope was in the name are removed only for their own scope', async () => {
  const s = await server({ '/l/': DIST, '/other/': DIST });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  try {
    await page.goto(s.origin + '/l/embed-demo.html');
    await page.evaluate(async () => {
      const put = async (name, url) => (await caches.open(name)).put(new URL(url, location.origin), new Response('old'));
      await put('sspr-lookup-00000000000000aa', '/l/index.html');
      await put('sspr-lookup-00000000000000bb', '/other/index.html');
    });
    await controlled(page, s.origin + '/l/');
    const keys = await page.evaluate(() => caches.keys());
    assert.ok(!keys.includes('sspr-lookup-00000000000000aa'), `this scope's old cache is gone: ${keys}`);
    assert.ok(keys.includes('sspr-lookup-00000000000000bb'), `another scope's old cache stays: ${keys}`);
  } finally {
    await ctx.close();
  }
});
