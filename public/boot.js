// The page's loader (index.html loads it as boot-HASH.js; no inline script, for a strict CSP):
// fetches the reader's language file first, then starts the wasm, mounts the page, merges the
// language files, and registers the service worker (offline use after the first visit).
//
// scripts/postbuild.mjs rewrites the two import specifiers to this build's hashed files.
// Relative URLs resolve against this module, so the build works from any sub-path.
import { BUILD, loadCatalogs, nextTask } from './catalogs.js';

const base = new URL('./', import.meta.url);
// The reader's language file is on its way before the JS glue is evaluated (the page
// preloads the glue and the wasm; only this small module waits for nothing else).
const loadRest = loadCatalogs('', base);
const bindings = await import('./sspr-lookup.js');
await bindings.default({ module_or_path: new URL(BUILD.wasm, base) });
window.wasmBindings = bindings;
// The wasm's start and the first render (startPage, which the loader calls: after merging the
// reader's file when it is in) are separate tasks, neither of them long.
await nextTask();
// Resolves once the reader's language and English have been merged and indexed (lookups
// before that answer from the languages loaded so far).
window.ssprLookupReady = loadRest(bindings.addCatalog, bindings.expectLanguages, bindings.indexCatalog, bindings.startPage);

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  // An offline copy that fails to install (a file missing on the server, storage full) is said
  // on the console (sw.js tells every page in its scope); the page itself works on.
  const failed = (why) => console.warn('sspr-lookup: the offline copy was not installed:', why);
  navigator.serviceWorker.onmessage = (e) => e.data?.ssprLookup === 'install-failed' && failed(e.data.why);
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(failed);
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
