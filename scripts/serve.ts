// Static server for the production build (npm start, e2e tests): real headers, SPA fallback, loopback only; a hostile request gets a 4xx with the same headers, never a crash.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, posix, resolve, sep } from 'node:path';
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

/** Timeouts and limits a hostile or slow client meets; tests shorten the timeouts. */
export interface ServerLimits {
  /** Longest request target (path and query) answered; longer is 414. Browsers stay far below it for this app. */
  maxUrlLength: number;
  /** A client must send its whole header block within this (slowloris); then 408 and the socket is closed. */
  headersTimeoutMs: number;
  /** A whole request (these are all bodiless GET/HEAD) within this. */
  requestTimeoutMs: number;
  /** How often Node checks the two timeouts above. */
  checkEveryMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { maxUrlLength: 2048, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, checkEveryMs: 1_000 };

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  414: 'URI too long',
  431: 'Request header fields too large',
  500: 'Internal server error',
};

/** An error answer with the same security headers as every page, a plain-text body, and nothing cached. */
function refuse(res: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${ERROR_TEXT[status] ?? 'Error'}\n`;
  res.writeHead(status, { ...productionHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * The file a request path names under `base`, or the status to answer: 400 for a malformed escape, a NUL or a
 * backslash, 403 for anything that resolves outside `base` ("..", encoded or not).
 */
export function resolveRequestPath(base: string, rawUrl: string): { file: string; path: string } | { status: 400 | 403 } {
  const q = rawUrl.search(/[?#]/);
  const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
  if (!rawPath.startsWith('/')) return { status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 }; // "%E0%A4%A": a malformed escape used to throw here and take the server down
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  let path = posix.normalize(decoded);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(base, `.${path}`);
  if (file !== base && !file.startsWith(base + sep)) return { status: 403 };
  return { file, path };
}

export function startServer(root: string | (() => string), port = 0, host = '127.0.0.1', limits: Partial<ServerLimits> = {}): Promise<{ server: Server; url: string }> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const rootOf = typeof root === 'string' ? () => root : root;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, { Allow: 'GET, HEAD' });
      return;
    }
    const raw = req.url ?? '/';
    if (raw.length > lim.maxUrlLength) {
      refuse(res, 414);
      return;
    }
    const base = resolve(rootOf());
    const target = resolveRequestPath(base, raw);
    if ('status' in target) {
      refuse(res, target.status);
      return;
    }
    let { file, path } = target;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      if (extname(path)) {
        refuse(res, 404);
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
  };
  const server = createServer(
    { headersTimeout: lim.headersTimeoutMs, requestTimeout: lim.requestTimeoutMs, connectionsCheckingInterval: lim.checkEveryMs, maxHeaderSize: 16 * 1024 },
    (req, res) => {
      // Whatever goes wrong answers this request; it never becomes an unhandled rejection that stops the server.
      handle(req, res).catch(() => refuse(res, 500));
    },
  );
  // Malformed request lines, oversized headers and timed-out clients: answered (with the same headers) and closed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = `${ERROR_TEXT[status]}\n`;
    const headers = { ...productionHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', Connection: 'close' };
    socket.end(`HTTP/1.1 ${status} ${ERROR_TEXT[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
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
