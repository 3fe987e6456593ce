// Prints the first-load transfer of a built dist/, raw, gzip and brotli (quality 11).
//
// "First load" is every file a reader needs before the answer is in their language: the page
// (index.html, boot loader, JS glue, wasm with every entry's codes, CSS) plus the reader's own
// language file (English is one too). The other language files are fetched after the page is up
// or on demand and are listed separately, as are the lexicons (fetched after the first answer). The budget (README, "Size") applies to the largest
// first load.
// Usage: node scripts/size.mjs dist [--json]
// The post-build hook imports measureBuild/verdict to print the verdict on every release build.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

// 120 KB read as 120,000 bytes (the stricter reading).
export const BUDGET_BROTLI = 120000;

const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });

// The page's files, the language files, and the first load of each reader language.
export function measureBuild(dir) {
  const measure = (f) => {
    const b = fs.readFileSync(path.join(dir, f));
    return {
      file: f,
      raw: b.length,
      gzip: zlib.gzipSync(b, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  const all = fs.readdirSync(dir).sort();
  const page = all.filter((f) => /\.(html|js|wasm|css)$/.test(f) && !['embed-demo.html', 'embed.js', 'sw.js'].includes(f)).map(measure);
  const langs = all.map((f) => f.match(/^catalog-([a-z0-9-]+)-[0-9a-f]{16}\.txt$/)).filter(Boolean)
    .map((m) => ({ lang: m[1], ...measure(m[0]) }));
  // Each language's lexicon, fetched once the page is up (not part of any first load).
  const lexicons = all.map((f) => f.match(/^lexicon-([a-z0-9-]+)-[0-9a-f]{16}\.txt$/)).filter(Boolean)
    .map((m) => ({ lang: m[1], ...measure(m[0]) }));
  const pageTotal = sum(page);
  // Every reader fetches their language file first (English is one too).
  const readers = langs.map((l) => ({ ...sum([pageTotal, l]), lang: l.lang }));
  const worst = readers.reduce((a, b) => (b.brotli > a.brotli ? b : a));
  return { page, langs, lexicons, pageTotal, readers, worst, everything: sum([pageTotal, ...langs, ...lexicons]) };
}

export function verdict(worst) {
  const v = worst.brotli <= BUDGET_BROTLI ? 'within' : 'OVER';
  return `largest first load: ${worst.lang} reader, ${worst.brotli} bytes brotli: ${v} the ${BUDGET_BROTLI}-byte budget`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { page, langs, lexicons, pageTotal, readers, worst, everything } = measureBuild(process.argv[2] || 'dist');
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ page, languages: langs, lexicons, first_load_by_reader: readers, everything, budget_brotli: BUDGET_BROTLI }, null, 2));
  } else {
    const row = (name, r) => console.log(`${name.padEnd(42)} raw ${String(r.raw).padStart(8)}  gzip ${String(r.gzip).padStart(7)}  brotli ${String(r.brotli).padStart(7)}`);
    for (const r of page) row(r.file, r);
    row('page (before any language file)', pageTotal);
    for (const l of langs) row(`+ ${l.file}`, l);
    for (const l of lexicons) row(`  later: ${l.file}`, l);
    for (const r of readers) row(`first load, ${r.lang} reader`, r);
    row('everything (all languages loaded)', everything);
    console.log(verdict(worst));
  }
  // The budget is a test: the test command fails when any reader's first load is over it.
  if (worst.brotli > BUDGET_BROTLI) process.exitCode = 1;
}
