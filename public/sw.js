// The service worker (dist/sw.js, a stable name): precaches this exact build's page and serves
// it offline; language files are kept as the page fetches them (never all at once), so the
// languages a reader has used work offline. Written from public/sw.js by scripts/postbuild.mjs,
// which fills in the BUILD line: this build's version (a hash of the content of every file it
// serves), the precached files, and the language files.
const BUILD = { version: 'dev', assets: ['./', './index.html'], catalogs: ['./catalog-en.txt'] };
const CATALOG_URLS = new Set(BUILD.catalogs.map((u) => new URL(u, self.registration.scope).href));

// One cache per deployment and build. The scope is in the name, so two deployments on one
// origin (/a/ and /b/) keep their own offline copies; the space cannot occur in a scope URL,
// so '/a/' is never a prefix match for '/a/b/'.
const PREFIX = `sspr-lookup ${self.registration.scope} `;
const CACHE = PREFIX + BUILD.version;

self.addEventListener('install', (e) => {
  // cache: 'reload': past the HTTP cache, or a new worker could store the old page.
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(BUILD.assets.map((u) => new Request(u, { cache: 'reload' }))))
    .then(() => self.skipWaiting(), async (err) => {
      // No half-filled cache is left behind, and the pages in this scope say why (boot.js).
      console.error('sspr-lookup: precaching failed:', err);
      await caches.delete(CACHE);
      for (const c of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
        c.postMessage({ ssprLookup: 'install-failed', why: String(err) });
      }
      throw err;
    }));
});

// A cache of the worker before caches were named by scope ("sspr-lookup-<hex>") is this
// deployment's only when it holds this scope's page.
const isOldOwn = async (k) => /^sspr-lookup-[0-9a-f]+$/.test(k) && !!(await (await caches.open(k)).match('./index.html'));

self.addEventListener('activate', (e) => {
  // Only this deployment's older caches go; other deployments on the origin keep theirs.
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.map(async (k) => {
      if ((k.startsWith(PREFIX) && k !== CACHE) || await isOldOwn(k)) await caches.delete(k);
    })))
    .then(() => self.clients.claim()));
});

// Only this build's cache answers (caches.match would search every cache on the origin).
const cached = (req, opts) => caches.open(CACHE).then((c) => c.match(req, opts));

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  if (req.mode === 'navigate') {
    // The page: the network when there is one (so a new deploy shows), else the cached copy.
    e.respondWith(fetch(req).catch(() => cached('./index.html', { ignoreSearch: true })));
    return;
  }
  // Hashed assets never change: the cache first. A language file of this build is stored
  // once fetched (its URL names its content).
  const keep = CATALOG_URLS.has(new URL(req.url).href);
  e.respondWith(cached(req).catch(() => null).then((hit) => hit || fetch(req).then((res) => {
    if (keep && res.ok) {
      const copy = res.clone();
      e.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
    }
    return res;
  })));
});
