// Static server for the production build (npm start, e2e tests): real headers, SPA fallback, loopback only.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root`, or whatever folder `root()` names at each request (the update test swaps builds under a running server). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.map', '.txt', '.wasm']);
const compressed = new Map<string, Buffer>();

/** Brotli or gzip for text, as Netlify and any decent static host do; cached per file and encoding. */
function encode(file: string, body: Buffer, acceptEncoding: string): { body: Buffer; encoding?: string } {
  if (!COMPRESSIBLE.has(extname(file)) || body.length < 1024) return { body };
  const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : undefined;
  if (!encoding) return { body };
  const key = `${encoding}:${file}:${body.length}`;
  let out = compressed.get(key);
  if (!out) {
    out = encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return { body: out, encoding };
}

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
    const { body, encoding } = encode(file, await readFile(file), String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      ...productionHeaders,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cacheControlFor(path),
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
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
