// The page's loader (index.html loads it as boot-HASH.js; no inline script, for a strict CSP):
// fetches the reader's language file alongside the wasm, starts the wasm, merges the language
// files, and registers the service worker (offline use after the first visit).
//
// scripts/postbuild.mjs rewrites the two import specifiers to this build's hashed files.
// Relative URLs resolve against this module, so the build works from any sub-path.
import init, * as bindings from './sspr-lookup.js';
import { BUILD, loadCatalogs } from './catalogs.js';

const base = new URL('./', import.meta.url);
const loadRest = loadCatalogs('', base);
await init({ module_or_path: new URL(BUILD.wasm, base) });
window.wasmBindings = bindings;
// Resolves once the reader's language and English have been merged (lookups before that answer from the
// languages loaded so far).
window.ssprLookupReady = loadRest(bindings.addCatalog, bindings.expectLanguages);

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  // An offline copy that fails to install (a file missing on the server, storage full) is said
  // on the console (sw.js tells every page in its scope); the page itself works on.
  const failed = (why) => console.warn('sspr-lookup: the offline copy was not installed:', why);
  navigator.serviceWorker.onmessage = (e) => e.data?.ssprLookup === 'install-failed' && failed(e.data.why);
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(failed);
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
