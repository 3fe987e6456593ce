// Page object: how tests talk to the app (data-testid selectors only).
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
