// Page object: how tests talk to the app (data-testid selectors only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export class LookupPage {
  constructor(page) { this.page = page; }
  async open(url) {
    await this.page.goto(url);
    await this.page.waitForSelector('[data-testid="paste"]', { timeout: 15000 });
    return this;
  }
  paste() { return this.page.locator('[data-testid="paste"]'); }
  async type(text) { await this.paste().fill(text); }
  results() { return this.page.locator('[data-testid="result"]'); }
  async keys() { return this.results().evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))); }
  async waitForKey(key) { await this.page.waitForSelector(`[data-testid="result"][data-key="${key}"]`, { timeout: 10000 }); }
}

// sw.js as a rebuild with other content would have it: its cache version changed by `suffix`.
export function bumpVersion(sw, suffix) {
  const out = sw.replace(/"version":"([0-9a-f]+)"/, `"version":"$1${suffix}"`);
  if (out === sw) throw new Error('no cache version found in sw.js');
  return out;
}

// A fresh context (service workers blocked unless ctxOptions says otherwise) and the page at
// `url`, with page errors and console errors collected. `before(page)` runs before navigation.
export async function openPage(browser, url, ctxOptions = {}, before = async () => {}) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', ...ctxOptions });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await before(page);
  const p = await new LookupPage(page).open(url);
  return { p, page, ctx, errors };
}

// A copy of a built dist/ in a temp folder, as another deployment: `edit(dir)` changes it.
export function deployCopy(dist, edit = () => {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sspr-deploy-'));
  for (const f of fs.readdirSync(dist)) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
  edit(dir);
  return dir;
}

// The page of a copy marked as deployment `name` (a meta tag), with its own cache version.
export function markDeploy(dir, name) {
  const html = path.join(dir, 'index.html');
  fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace('<title>', `<meta name="deploy" content="${name}"><title>`));
  const sw = path.join(dir, 'sw.js');
  fs.writeFileSync(sw, bumpVersion(fs.readFileSync(sw, 'utf8'), name));
}
