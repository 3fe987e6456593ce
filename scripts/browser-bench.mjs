// Browser figures for docs/figures.md: time from navigation to the first answer for
// ?q=SSPR_0014 in the reader's language (English, Swedish, German, Japanese readers; the card
// needs the reader's file), at normal speed and with the CPU throttled 4× (Chromium's
// Emulation.setCPUThrottlingRate, a phone-class CPU), to the start-up files merged, the longest
// main-thread task while loading (index builds), and lookup p50/p99 in wasm (through the JS
// API, every language loaded) for a code, a 200-character message, a 2 KB log paste, an
// event log of 11 long lines and 2 KB of descriptions without a code (ranked by phrases too).
// Usage: node scripts/browser-bench.mjs [dist]
import path from 'node:path';
import { serve } from '../e2e/serve.mjs';
import { launch } from '../e2e/page.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const server = await serve(dist, { base: '/' });
const browser = await launch();
try {
  const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const card = (lang) => `[data-testid="result"][data-key="SSPR_0014"] .body[lang="${lang}"]:not([hidden])`;
  for (const [reader, locale, selector, rate] of [
    ['English', 'en-US', card('en'), 1], ['Swedish', 'sv-SE', card('sv'), 1],
    ['German', 'de-DE', card('de'), 1], ['Japanese', 'ja-JP', card('ja'), 1],
    ['English', 'en-US', card('en'), 4], ['Swedish', 'sv-SE', card('sv'), 4],
    ['German', 'de-DE', card('de'), 4], ['Japanese', 'ja-JP', card('ja'), 4],
  ]) {
    const first = [];
    const ready = [];
    const longest = [];
    const withLexicons = [];
    for (let i = 0; i < 7; i++) {
      const ctx = await browser.newContext({ serviceWorkers: 'block', locale });
      const page = await ctx.newPage();
      if (rate !== 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
      // Times are the page's own clock from navigation start (performance.now()): when the
      // answer is first in the DOM, and the longest main-thread task.
      await page.addInitScript((sel) => {
        window.__longest = 0;
        window.__first = 0;
        let ready;
        Object.defineProperty(window, 'ssprLookupReady', {
          configurable: true,
          get: () => ready,
          set: (p) => { ready = p; p.then(() => { window.__ready = performance.now(); }); },
        });
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
          .observe({ type: 'longtask', buffered: true });
        new MutationObserver(() => { if (!window.__first && document.querySelector(sel)) window.__first = performance.now(); })
          .observe(document, { childList: true, subtree: true, attributes: true });
      }, selector);
      await page.goto(server.url + '?q=SSPR_0014');
      await page.waitForSelector(selector);
      first.push(await page.evaluate(() => window.__first));
      await page.waitForFunction(() => window.ssprLookupReady);
      ready.push(await page.evaluate(async () => { await window.ssprLookupReady; return window.__ready; }));
      await page.waitForTimeout(100);
      longest.push(await page.evaluate(() => window.__longest));
      // Then the lexicons (with the phrases): each arrival rebuilds the indexes.
      await page.evaluate(() => window.ssprLookupLexicons);
      await page.waitForTimeout(100);
      withLexicons.push(await page.evaluate(() => window.__longest));
      await ctx.close();
    }
    // Median of the 7 loads, with the range for the answer and the worst load's longest task.
    const range = (v) => `${Math.round(median(v))} ms (${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))})`;
    console.log(`${reader} reader, CPU ${rate}×, ?q=SSPR_0014 (cold context, loopback, page clock from navigation, median of 7): answer in their language ${range(first)}; start-up files merged and indexed by ${Math.round(median(ready))} ms; longest main-thread task ${Math.round(median(longest))} ms (worst load ${Math.round(Math.max(...longest))} ms), ${Math.round(median(withLexicons))} ms once the lexicons are in (worst ${Math.round(Math.max(...withLexicons))} ms)`);
  }

  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.wasmBindings && window.ssprLookupReady);
  await page.evaluate(() => window.ssprLookupReady);
  // Every language and every lexicon, as if the reader had pasted in each.
  await page.evaluate(async () => {
    await window.ssprLookupLexicons;
    for (const o of document.querySelectorAll('[data-testid="lang-select"] option')) await window.ssprLookupNeed(o.value);
  });
  const lexicons = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /lexicon-/.test(r.name)).length);
  console.log(`(wasm lookups below: every language and ${lexicons} lexicons loaded)`);
  // The longest main-thread task while every language and lexicon came in (each arrival
  // rebuilds the article and phrase indexes over everything loaded so far).
  console.log(`longest main-thread task while loading every language and lexicon: ${(await page.evaluate(() => window.__longest)).toFixed(0)} ms`);
  const figures = await page.evaluate(() => {
    let log = '';
    for (let i = 0; log.length < 2048; i++) {
      log += `Log Name: Application\nSource: PasswordResetService\nDate: 3/14/2024 9:1${i % 10}:44 AM\nEvent ID: 3300${4 + i % 5}\nLevel: Error\nComputer: AADC01.corp.contoso.com\nDescription: TrackingId: 6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1${i % 10}, Error Connecting to ServiceBus. The token provider was unable to provide a security token.\n`;
    }
    log = log.slice(0, 2048);
    const msg = "We're sorry, you can't reset your password at this time because necessary information is missing from your account, contact your admin and ask them to reset it.";
    // An Azure AD Connect event log copied as it is: 11 lines of about 190 characters.
    let longLines = '';
    for (let i = 0; i < 11; i++) {
      const ev = i % 3 === 0 ? 'Event ID: 32002' : i % 3 === 1 ? 'Event ID: 6329' : 'Event ID: 33004';
      longLines += `2024-03-14T09:1${i}:44.123Z AADC0${i % 3}.corp.contoso.com ${ev} PasswordResetService Error TrackingId: 6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1${i} hr=800700CE user${i}@contoso.com CorrelationId: 1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f${i}\n`;
    }
    // People's own words and no code (ranked against the phrases too): 2 KB of descriptions.
    const says = ['i never get the text with the code when i try to reset my password',
      'the reset page says my admin has not turned this on for me',
      'writeback stopped working after we moved the connect server to a new subnet',
      'our help desk cannot reset passwords for hybrid users from the portal anymore',
      'it keeps telling me the phone number is not valid even though it is my mobile',
      'nobody in the sales group can use self service reset but finance can'];
    let desc = '';
    for (let i = 0; desc.length < 2048; i++) desc += `${says[i % says.length]} (${i})\n`;
    desc = desc.slice(0, 2048);
    const out = {};
    for (const [name, q, n] of [['code (SSPR_0014)', 'SSPR_0014', 2000], ['message (~200 chars)', msg, 1000], ['log paste (2 KB)', log, 500], ['event log, 11 long lines', longLines, 500], ['descriptions, 2 KB, no code', desc, 500]]) {
      for (let i = 0; i < 200; i++) window.wasmBindings.lookup(q);
      const t = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        window.wasmBindings.lookup(q);
        t.push(performance.now() - s);
      }
      t.sort((a, b) => a - b);
      // Batches of 25 calls: the mean per call, free of the 0.1 ms timer resolution.
      const batches = [];
      for (let b = 0; b < 40; b++) {
        const s = performance.now();
        for (let i = 0; i < 25; i++) window.wasmBindings.lookup(q);
        batches.push((performance.now() - s) / 25);
      }
      batches.sort((a, b) => a - b);
      out[name] = { bytes: q.length, p50: t[Math.floor(n * 0.5)], p99: t[Math.floor(n * 0.99)],
        batchP50: batches[20], batchMax: batches[39] };
    }
    return out;
  });
  for (const [name, f] of Object.entries(figures)) {
    console.log(`wasm lookup ${name.padEnd(22)} ${String(f.bytes).padStart(5)} bytes  per call: p50 ${f.p50.toFixed(1)} ms  p99 ${f.p99.toFixed(1)} ms (0.1 ms timer)  |  mean of 25-call batches: median ${f.batchP50.toFixed(3)} ms  worst ${f.batchMax.toFixed(3)} ms`);
  }
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
