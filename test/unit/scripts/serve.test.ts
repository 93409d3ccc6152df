// The static server never dies: 1,000 hostile requests (malformed escapes, overlong URLs, ".." tricks, other methods, slow and broken clients) each get a 4xx with the security headers, then a normal page loads.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { productionHeaders } from '../../../scripts/headers';
import { resolveRequestPath, startServer } from '../../../scripts/serve';

const root = mkdtempSync(join(tmpdir(), 'pocketlens-serve-'));
const site = join(root, 'dist');
let port = 0;
let close: () => void = () => {};

beforeAll(async () => {
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>PocketLens</title>');
  writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
  const { server } = await startServer(site, 0, '127.0.0.1', { headersTimeoutMs: 400, requestTimeoutMs: 800, checkEveryMs: 100 });
  port = (server.address() as { port: number }).port;
  close = () => server.close();
});
afterAll(() => {
  close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends raw bytes (so malformed requests reach the server as written) and reads until the server closes the
 * connection (every request here says "Connection: close" or is refused). The client never closes its side first:
 * a slow client is one that simply stops sending.
 */
function raw(request: string | Buffer): Promise<Reply> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    socket.on('data', (d) => parts.push(d));
    socket.on('error', fail);
    socket.on('close', () => {
      const text = Buffer.concat(parts).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      ok({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
    socket.write(request);
  });
}

const get = (target: string, method = 'GET', extra = '') => raw(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`);

const SECURITY = Object.fromEntries(Object.entries(productionHeaders).map(([k, v]) => [k.toLowerCase(), v]));

describe('resolveRequestPath', () => {
  test('maps paths inside the root and refuses everything else', () => {
    const base = '/srv/dist';
    expect(resolveRequestPath(base, '/assets/app.js?v=1')).toEqual({ file: '/srv/dist/assets/app.js', path: '/assets/app.js' });
    expect(resolveRequestPath(base, '/')).toEqual({ file: '/srv/dist/index.html', path: '/index.html' });
    expect(resolveRequestPath(base, '/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveRequestPath(base, '/a%00b')).toEqual({ status: 400 });
    expect(resolveRequestPath(base, '/..\\..\\secret.txt')).toEqual({ status: 400 });
    expect(resolveRequestPath(base, '/../secret.txt')).toEqual({ file: '/srv/dist/secret.txt', path: '/secret.txt' }); // ".." cannot climb above "/"
    expect(resolveRequestPath(base, '*')).toEqual({ status: 400 });
  });
});

describe('the server under hostile requests', () => {
  test('a malformed percent-escape (the request that used to stop the server) is a 400, and the server still answers', async () => {
    const r = await get('/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.headers).toMatchObject(SECURITY);
    expect((await get('/')).status).toBe(200);
  });

  test('1,000 hostile requests each get a 4xx with the security headers; then a normal page and an asset load', async () => {
    const hostile: { send: () => Promise<Reply>; want: number[] }[] = [
      { send: () => get('/%E0%A4%A'), want: [400] },
      { send: () => get('/%'), want: [400] },
      { send: () => get('/%zz/index.html'), want: [400] },
      { send: () => get('/a%00.js'), want: [400] },
      { send: () => get(`/${'a'.repeat(3000)}`), want: [414] },
      { send: () => get(`/${'b'.repeat(20_000)}`), want: [414, 431] },
      { send: () => get('/../secret.txt'), want: [404] },
      { send: () => get('/%2e%2e/%2e%2e/secret.txt'), want: [404] },
      { send: () => get('/..%2f..%2fsecret.txt'), want: [404] },
      { send: () => get('/assets/..\\..\\secret.txt'), want: [400] },
      { send: () => get('/nope.js'), want: [404] },
      { send: () => get('/', 'POST', 'Content-Length: 5\r\n'), want: [405] },
      { send: () => get('/', 'OPTIONS'), want: [405] },
      { send: () => get('/', 'DELETE'), want: [405] },
      { send: () => get('/', 'PUT'), want: [405] },
      { send: () => get('/', 'TRACE'), want: [405] },
      { send: () => raw('GARBAGE\r\n\r\n'), want: [400] },
      { send: () => raw('GET / HTTP/9.9\r\n\r\n'), want: [400, 505] },
      { send: () => raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'c'.repeat(20_000)}\r\n\r\n`), want: [431] },
      { send: () => raw(Buffer.from([0x47, 0x45, 0x54, 0x20, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a])), want: [400] },
    ];
    const replies: { want: number[]; r: Reply }[] = [];
    for (let round = 0; round < 50; round++) {
      const batch = await Promise.all(hostile.map(async (h) => ({ want: h.want, r: await h.send() })));
      replies.push(...batch);
    }
    expect(replies).toHaveLength(1000);
    for (const { want, r } of replies) {
      expect(want).toContain(r.status);
      expect(r.headers).toMatchObject(SECURITY);
    }
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>PocketLens</title>');
    expect(home.headers).toMatchObject(SECURITY);
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/', 'HEAD')).status).toBe(200);
  }, 120_000);

  test('slow clients that never finish their headers are answered 408 and closed; the server keeps serving', async () => {
    const slow = await Promise.all(Array.from({ length: 20 }, () => raw('GET / HTTP/1.1\r\nHost: local')));
    for (const r of slow) {
      expect(r.status).toBe(408);
      expect(r.headers).toMatchObject(SECURITY);
    }
    expect((await get('/')).status).toBe(200);
  }, 30_000);
});
