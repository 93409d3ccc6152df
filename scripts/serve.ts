// Static server for the production build (npm start, e2e tests): real headers, SPA fallback, loopback only.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheControlFor, productionHeaders } from './headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.zip': 'application/zip',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root`, or whatever folder `root()` names at each request (the update test swaps builds under a running server). */
export function startServer(root: string | (() => string), port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const rootOf = typeof root === 'string' ? () => root : root;
  const server = createServer(async (req, res) => {
    const base = resolve(rootOf());
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.endsWith('/')) path += 'index.html';
    let file = join(base, path);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      if (extname(path)) {
        res.writeHead(404, productionHeaders).end('Not found');
        return;
      }
      file = join(base, 'index.html'); // SPA fallback for app routes
      path = '/index.html';
    }
    const body = await readFile(file);
    res.writeHead(200, {
      ...productionHeaders,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cacheControlFor(path),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok) =>
    server.listen(port, host, () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${p}/` });
    }),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  const dist = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
  const { url } = await startServer(dist, port);
  console.log(`PocketLens is running at ${url}  (Ctrl+C to stop)`);
}
