// Prints the first-load transfer of a built dist/: every file the page needs to show an answer,
// raw, gzip and brotli. Usage: node scripts/size.mjs dist [--json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] || 'dist';
const files = fs.readdirSync(dir).filter((f) => /\.(html|js|wasm|css)$/.test(f) && !['embed-demo.html', 'embed.js', 'sw.js'].includes(f));
let total = { raw: 0, gzip: 0, brotli: 0 };
const rows = files.map((f) => {
  const b = fs.readFileSync(path.join(dir, f));
  const r = {
    file: f,
    raw: b.length,
    gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of ['raw', 'gzip', 'brotli']) total[k] += r[k];
  return r;
});
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: rows, total }, null, 2));
} else {
  for (const r of rows) console.log(`${r.file.padEnd(40)} raw ${String(r.raw).padStart(8)}  gzip ${String(r.gzip).padStart(7)}  brotli ${String(r.brotli).padStart(7)}`);
  console.log(`${'first load total'.padEnd(40)} raw ${String(total.raw).padStart(8)}  gzip ${String(total.gzip).padStart(7)}  brotli ${String(total.brotli).padStart(7)}`);
}
