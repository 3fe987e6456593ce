// The language files: which one a reader needs first, and how they are fetched and merged into
// the wasm's catalog. Shared by the page's loader (boot.js) and the embed element (embed.js);
// shipped as catalogs-HASH.js.
//
// scripts/postbuild.mjs replaces the BUILD line with this build's values (hashed file names,
// the language files, the languages with chrome, the stored-language key read from
// src/web/browser.rs); the values below
// are placeholders so that this file reads and checks (`node --check`) on its own.
export const BUILD = { wasm: './sspr-lookup_bg.wasm', css: './style.css', catalogs: { en: './catalog-en.txt', sv: './catalog-sv.txt' }, uiLangs: ['en', 'sv'], langKey: 'sspr-lookup.lang' };

const CATALOGS = BUILD.catalogs;
// Own properties only: `lang="constructor"` or a stored "__proto__" is not a language file.
const has = (lang) => Object.hasOwn(CATALOGS, lang);

// The page language a tag asks for, by the page's rule (src/i18n.rs `supported`): the same tag,
// else the variant its script or region names, else the first of the same primary language.
export function supported(tag) {
  if (typeof tag !== 'string' || tag.length > 35) return null;
  let t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (t.startsWith('zh-hant') || t === 'zh-hk' || t === 'zh-mo') t = 'zh-tw';
  else if (t.startsWith('zh-hans') || t === 'zh-sg') t = 'zh-cn';
  const primary = (x) => x.split('-')[0];
  return BUILD.uiLangs.find((u) => u === t)
    || BUILD.uiLangs.find((u) => primary(u) === primary(t)) || null;
}

// The reader's language, by the page's own rule (src/web/mod.rs: the given language, else the
// stored choice, else i18n::pick over the browser's languages). The loader must decide before
// the wasm is there, so this is a copy; e2e/loader.test.mjs checks it against the page.
export function readerLang(given, stored, browser) {
  const asked = given || (stored != null ? stored : null);
  if (asked != null) return supported(asked) || 'en';
  for (const l of browser) {
    const s = supported(String(l));
    if (s) return s;
  }
  return 'en';
}

// The language file to fetch alongside the wasm ('en' when none: English is in the wasm).
export function firstLang(given) {
  let stored = null;
  try { stored = localStorage.getItem(BUILD.langKey); } catch (e) { /* storage blocked */ }
  const l = readerLang(given, stored, navigator.languages || []);
  return has(l) ? l : 'en';
}

// A language's lexicon has its file's name with `lexicon-` for `catalog-` (same hash).
const lexiconUrl = (lang) => CATALOGS[lang].replace('catalog-', 'lexicon-');
const getFile = (url, base) => fetch(new URL(url, base))
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.url}`))));
const getCatalog = (lang, base) => getFile(CATALOGS[lang], base);
// A task of its own for what follows: the page paints (and answers from what it has) between
// the wasm's start, the first render, each merge and each index build, so no single
// main-thread task does two of them. scheduler.yield() (where there is one) resumes ahead of
// other queued work.
export const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield()
  : new Promise((r) => setTimeout(r, 0)));

// How long the page's first render waits for the reader's language file (ms) when the wasm is
// there before it (a render without it says the text is loading, and is soon done again).
const FIRST_RENDER_WAIT = 100;

// Starts fetching the reader's language now; after init, merges it, then English (the wasm
// carries codes only; English is every entry's fallback), then, once those are merged and
// indexed, their lexicons (catalog/web/lexicon/: not part of the first load), and nothing more: any
// other language is fetched only when needed — the reader picks it, or a paste is in it (the
// page calls globalThis.ssprLookupNeed with the paste's language). A file that fails leaves the
// page working in the languages it has.
// given: the language asked for (an embed's lang attribute; '' on the page).
export function loadCatalogs(given, base) {
  const first = firstLang(given);
  const fetched = new Map();
  const get = (lang) => {
    if (!fetched.has(lang)) fetched.set(lang, getCatalog(lang, base).catch((e) => e));
    return fetched.get(lang);
  };
  if (has(first)) get(first);
  // add(text, true): the wasm's addCatalog, merging the text and leaving its index to
  // index() (indexCatalog), called a task later: the cards show the new text in the first
  // task, and text matches it after the second.
  // expect: tells the page which languages are still coming (cards say "loading", not "missing";
  // a paste in a language still coming says it is loading): a language is coming until indexed.
  // start: the page's first render (startPage), right after the reader's file is merged (it
  // usually comes with the wasm), or FIRST_RENDER_WAIT ms after this is called if it is not in
  // by then.
  return async (add, expect, index = () => {}, start = () => {}) => {
    const merged = new Set();
    const pending = new Set();
    const tell = () => expect([...pending].join(','));
    // Merges language l's file (its text, or why it failed), then `between` a task later, then
    // a task later its index; until then the language is coming. Each step is a task of its
    // own: the page paints (and answers from what it has) between them.
    const take = async (l, text, between) => {
      let added = typeof text === 'string';
      if (added) {
        try { add(text, true); } catch (e) { added = false; console.warn('sspr-lookup: catalog file refused:', e); }
        merged.add(l);
      } else {
        if (text) console.warn('sspr-lookup: catalog file not loaded:', text);
        // A file that failed is asked for again next time it is needed (back online).
        fetched.delete(l);
      }
      try {
        if (between) { await nextTask(); between(); }
        if (added) { await nextTask(); index(); }
      } finally {
        // Whatever threw, the language is no longer coming (cards must not say "loading" forever).
        pending.delete(l);
        tell();
      }
    };
    // Fetches and merges the files of these languages that are not merged or coming yet, in
    // order; `between` runs after the first one's merge.
    const load = async (langs, between) => {
      const todo = [...new Set(langs)].filter((l) => has(l) && !merged.has(l) && !pending.has(l));
      todo.forEach((l) => pending.add(l));
      tell();
      for (const l of todo) {
        const text = await get(l);
        await nextTask();
        await take(l, text, between);
        between = undefined;
      }
      // Once the page is up, the lexicon of each language asked for (the words people use for
      // what its articles say): one that failed before is asked for again.
      if (up) for (const l of new Set(langs)) await lexicon(l);
    };
    // After the start-up files (`up`), each merged language's lexicon: merged in one task,
    // indexed in the next, like a language file.
    let up = false;
    const lexiconsDone = new Set();
    const lexicon = async (l) => {
      if (!has(l) || !merged.has(l) || lexiconsDone.has(l)) return;
      lexiconsDone.add(l);
      const text = await getFile(lexiconUrl(l), base).catch((e) => e);
      await nextTask();
      if (typeof text !== 'string') {
        lexiconsDone.delete(l);
        console.warn('sspr-lookup: lexicon not loaded:', text);
        return;
      }
      try { add(text, true); } catch (e) { console.warn('sspr-lookup: lexicon refused:', e); return; }
      await nextTask();
      index();
    };
    // A tag or a primary language: 'pt' needs pt-br and pt-pt.
    const matching = (tag) => Object.keys(CATALOGS)
      .filter((l) => l === tag || l.split('-')[0] === String(tag).split('-')[0] && !String(tag).includes('-'));
    // Called by the page while it answers: the work starts after that returns.
    // Returns a promise of the merge and, once start-up is done, the lexicon (benchmarks and
    // tests wait on it; the page does not).
    globalThis.ssprLookupNeed = (tag) => new Promise((done) => { queueMicrotask(() => load(matching(String(tag))).then(done)); });
    let started = false;
    const once = () => { if (!started) { started = true; start(); } };
    setTimeout(once, FIRST_RENDER_WAIT);
    await load([first, 'en'], once);
    once();
    up = true;
    // Not awaited: the page is ready without them (tests and benchmarks may wait on this).
    // Every language merged so far: a paste may have brought one during start-up.
    globalThis.ssprLookupLexicons = (async () => { for (const l of [...merged]) await lexicon(l); })();
  };
}
