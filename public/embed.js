// sspr-lookup embed: defines <sspr-lookup> and window.ssprLookup for other sites' pages:
//   <script type="module" src=".../embed.js"></script>
//   <sspr-lookup lang="sv" compact></sspr-lookup>
// Shipped as dist/embed.js (a stable name, so host pages can link it). scripts/postbuild.mjs
// rewrites the two import specifiers to this build's hashed files.
import * as mod from './sspr-lookup.js';
import { BUILD, loadCatalogs } from './catalogs.js';

const base = new URL('./', import.meta.url);
if (!document.querySelector('link[data-sspr-lookup]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(BUILD.css, base).href;
  link.dataset.ssprLookup = '';
  document.head.appendChild(link);
}
// The first element's language decides which language file comes first.
const given = document.querySelector('sspr-lookup[lang]')?.getAttribute('lang') || '';
const loadRest = loadCatalogs(given, base);
await mod.default({ module_or_path: new URL(BUILD.wasm, base) });
// ready: resolves once the reader's language and English have been merged and indexed (other
// languages come on demand).
window.ssprLookup = { lookup: mod.lookup, answerText: mod.answerText, mount: mod.mount, ready: loadRest(mod.addCatalog, mod.expectLanguages, mod.indexCatalog) };
class SsprLookup extends HTMLElement {
  connectedCallback() {
    if (this.dataset.mounted) return;
    this.dataset.mounted = '1';
    mod.mount(this, this.getAttribute('lang') || '', this.hasAttribute('compact'));
  }
}
if (!customElements.get('sspr-lookup')) customElements.define('sspr-lookup', SsprLookup);
dispatchEvent(new CustomEvent('sspr-lookup-ready'));
