// A tiny static server for dist/, on loopback only, mounted at a configurable sub-path (or at
// several, each its own deployment on one origin). Records every request (URL and Referer) so
// tests can assert what reached the server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};

// serve(root, { base }) serves root at base; serve(null, { mounts: { '/a/': dirA, '/b/': dirB } })
// serves several deployments. `requests`: every request's URL; `log`: { url, referer } each.
export function serve(root, { base = '/', mounts = { [base]: root } } = {}) {
  const requests = [];
  const log = [];
  // `setRoot` swaps what is served at the first mount (a new deploy) without restarting.
  const state = { mounts: { ...mounts } };
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    log.push({ url: req.url, referer: req.headers.referer || '' });
    const url = new URL(req.url, 'http://x');
    // The longest mount that contains the path.
    const at = Object.keys(state.mounts).filter((b) => url.pathname.startsWith(b)).sort((a, b) => b.length - a.length)[0];
    if (!at) { res.writeHead(404); res.end('not found'); return; }
    const dir = path.resolve(state.mounts[at]);
    let rel = decodeURIComponent(url.pathname.slice(at.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  const first = Object.keys(mounts)[0];
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        url: `${origin}${first}`,
        requests,
        log,
        setRoot: (r) => { state.mounts[first] = r; },
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}
