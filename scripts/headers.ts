// The one list of HTTP headers PocketLens is served with: vite dev/preview, scripts/serve.ts and the e2e server use it.

/** Cross-origin isolation, so SharedArrayBuffer is available to the training workers. */
export const isolationHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Strict CSP for the production build: nothing inline, nothing remote. (The dev server needs inline HMR code.)
 * 'wasm-unsafe-eval' lets the workers compile the ALS kernels' WebAssembly (same-origin .wasm files); it allows no
 * JavaScript eval.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Powerful features: the camera for the app itself only (Movie night scans a friend's QR code), everything else it
 * never uses off for the page and anything it could embed. Only features Chromium knows, so no console warnings.
 */
export const permissionsPolicy = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
].join(', ');

export const productionHeaders: Record<string, string> = {
  ...isolationHeaders,
  'Content-Security-Policy': contentSecurityPolicy,
  'Permissions-Policy': permissionsPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Cache policy by path: hashed assets forever, everything else (index.html, sw.js, data) revalidated. */
export function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
}

/**
 * The same headers as a Netlify `_headers` file (written into dist/ by the build). Netlify joins the values
 * of every matching rule, so Cache-Control is set per path and never on the catch-all rule.
 */
export function netlifyHeadersFile(): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return [
    '# Generated from scripts/headers.ts by the build: edit that file, not this one.',
    block('/*', productionHeaders),
    block('/assets/*', { 'Cache-Control': IMMUTABLE }),
    ...['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/data/*'].map((p) => block(p, { 'Cache-Control': 'no-cache' })),
    '',
  ].join('\n\n');
}
