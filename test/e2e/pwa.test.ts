// The PWA against the production build: installable, works offline after one visit, updates on request, no third-party traffic.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve';
import { launch, root, screenshot, watchErrors, type Browser, type Page } from './harness';

let browser: Browser;
const v1 = join(root, 'dist');
const v2 = join(root, 'dist-v2');

beforeAll(async () => {
  // A second build that differs only in its label, to serve as "the next deploy".
  execFileSync('npx', ['vite', 'build', '--outDir', 'dist-v2', '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, POCKETLENS_BUILD_LABEL: 'v2' },
    stdio: 'inherit',
  });
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Installability needs a real profile (an incognito context reports "in-incognito"). */
async function persistentContext(): Promise<{ context: BrowserContext; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pocketlens-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  return {
    context,
    cleanup: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function firstVisit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  await page.getByTestId('pwa-toast').filter({ hasText: 'ready to work offline' }).waitFor({ timeout: 60_000 });
}

async function rate(page: Page, k: number, stars: string): Promise<number> {
  const before = await page.getAttribute('[data-testid=recommendations] li', 'data-movie-id');
  const row = page.getByTestId('to-rate').locator('li').nth(k);
  const id = Number(await row.getAttribute('data-movie-id'));
  await row.getByRole('radio', { name: stars, exact: true }).check();
  await page.waitForFunction(
    ([prev, rated]) => {
      const ids = Array.from(document.querySelectorAll('[data-testid=recommendations] li')).map((li) => li.getAttribute('data-movie-id'));
      return ids.length === 20 && !ids.includes(String(rated)) && (ids[0] !== prev || document.querySelector('#recs-h')?.textContent === 'Recommended for you');
    },
    [before, id] as const,
  );
  return id;
}

test('installable, private, and offline after the first visit: reload with the server stopped still recommends and rates', async () => {
  const { server, url } = await startServer(v1);
  const origin = new URL(url).origin;
  const { context, cleanup } = await persistentContext();
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, url);

  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
  expect(installabilityErrors).toEqual([]);
  const manifest = (await (await page.request.get(new URL('manifest.webmanifest', url).href)).json()) as { icons: { purpose: string }[]; shortcuts: unknown[] };
  expect(manifest.icons.map((i) => i.purpose)).toEqual(['any', 'any', 'maskable']);
  expect(manifest.shortcuts).toHaveLength(3);

  // A whole session: rate, search, rate a search result.
  const first = await rate(page, 0, '4.5 stars');
  await page.getByLabel('Search movies by title').fill('matrix 1999');
  await page.getByTestId('to-rate').locator('li').filter({ hasText: 'The Matrix' }).first().waitFor();
  await page.getByLabel('Search movies by title').fill('');
  await screenshot(page, 'pwa-online');
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);

  // Stop the server: everything now comes from the service worker and IndexedDB.
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
  await page.reload();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('rated-count').textContent()).toBe('1');
  expect(await page.getByRole('heading', { name: 'Recommended for you' }).isVisible()).toBe(true);
  const second = await rate(page, 1, '2 stars');
  expect(second).not.toBe(first);
  expect(await page.getByTestId('rated-count').textContent()).toBe('2');
  await screenshot(page, 'pwa-offline');
  expect(errors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  // The ALS kernels' WebAssembly is precached: training and serving offline run them, not the JavaScript fallback.
  const cached = (await page.evaluate(`(async () => {
    const urls = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    return urls.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop().replace(/-[^-]+\.wasm$/, ''));
  })()`)) as string[];
  expect(cached.sort()).toEqual(['als-relaxed-simd', 'als-simd']);
  await cleanup();
});

test('an update shows a toast and reloads into the new build only when asked, keeping every rating', async () => {
  let current = v1;
  const { server, url } = await startServer(() => current);
  const context = await browser.newContext();
  const page = await context.newPage();
  await firstVisit(page, url);
  expect(await page.getByTestId('version').textContent()).toBe('PocketLens 0.1.0');
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await rate(page, 0, '5 stars');
  await rate(page, 2, '3 stars');

  current = v2; // deploy
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const toast = page.getByTestId('pwa-toast').filter({ hasText: 'A new version of PocketLens is ready.' });
  await toast.waitFor({ timeout: 60_000 });
  // Nothing reloads by itself.
  await page.waitForTimeout(1000);
  expect(await page.getByTestId('version').textContent()).toBe('PocketLens 0.1.0');
  await screenshot(page, 'pwa-update-toast');
  await Promise.all([page.waitForEvent('load'), toast.getByRole('button', { name: 'Reload' }).click()]);
  await page.getByTestId('version').filter({ hasText: 'PocketLens 0.1.0 (v2)' }).waitFor();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('rated-count').textContent()).toBe('2');
  await context.close();
  server.close();
});
