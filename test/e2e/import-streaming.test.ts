// Bring-your-own imports in Chromium: an ml-1m-style zip (ISO-8859-1 titles) and a large loose release whose import shows
// MB read, rate and time left, then is cancelled: nothing is listed, and the next start removes what it had written.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, expect, test } from 'vitest';
import { writeSynthRelease } from '../../src/cli/commands/synthCommand';
import { root, storeCounts, watchErrors } from './harness';
import { faultFired, injectFaults, type FaultPoint } from './faults';
import { useServedApp } from './app';

const app = useServedApp();
const tmp = mkdtempSync(join(tmpdir(), 'pocketlens-e2e-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function byoPage(fault?: FaultPoint) {
  // Faults need the worker script from the network, not from the service worker's precache.
  const context = await app.browser.newContext(fault ? { serviceWorkers: 'block' } : {});
  if (fault) (await injectFaults(context))(fault);
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  return { context, page, errors };
}

test('an ml-1m zip (ratings.dat, ISO-8859-1 movies.dat, ml-1m/ folder) imports, trains and is searchable', async () => {
  const { context, page, errors } = await byoPage();
  const dir = join(root, 'test', 'fixtures', 'ml-1m');
  const zip = zipSync(Object.fromEntries(readdirSync(dir).map((f) => [`ml-1m/${f}`, new Uint8Array(readFileSync(join(dir, f)))])));
  await page.locator('input[type=file]').setInputFiles({ name: 'ml-1m.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByTestId('status-line').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('status-line').textContent()).toMatch(/ml-1m: 5 ratings of 4 movies by 2 people/);
  await page.getByLabel('Search movies by title').fill('miserables');
  await page.getByTestId('to-rate').locator('li', { hasText: 'Misérables' }).waitFor();
  expect(await storeCounts(page)).toMatchObject({ datasets: 1, movieBlocks: 1, ratingChunks: 1, ratingTimes: 1 });
  expect(errors).toEqual([]);
  await context.close();
});

test('a large loose release shows MB read, rate and time left; Cancel keeps nothing, and the next start cleans up', async () => {
  const out = join(tmp, 'ml-synth-big');
  writeSynthRelease({ ratings: 3_000_000, users: 19_500, movies: 7_500, seed: 5 }, out, false);
  // The jobs worker stands still for 30 s after its third progress report from the ratings, so the screen is read and
  // Cancel clicked mid-import however fast this machine reads 75 MB (Cancel terminates the worker, paused or not).
  const { context, page, errors } = await byoPage({ worker: 'engine-jobs', on: 'progress', match: '"phase":"parse"', k: 3, action: 'pause', ms: 30_000 });
  await page.locator('input[type=file]').setInputFiles(['ratings.csv', 'movies.csv', 'links.csv'].map((f) => join(out, f)));
  await faultFired(page);
  const rate = page.getByTestId('import-rate');
  // Below 10 MB the amount has one decimal ("4.2 of 77 MB"): a slow machine pauses there; any non-zero amount counts.
  await rate.filter({ hasText: /^(?:[1-9]\d*|[1-9]\.\d|0\.[1-9]) of 7\d MB, \d+\.\d MB\/s, about .+ left$/ }).waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('import-status').textContent()).toMatch(/^Reading ratings: [1-9][\d,]* rows, \d+%$/);
  // Click Cancel and time, inside the page, until "Stopped" is on screen (the worker is terminated, not asked).
  const stopMs = (await page.evaluate(`new Promise((ok) => {
    const t0 = performance.now();
    new MutationObserver((_, o) => {
      if ((document.querySelector('[role=status]')?.textContent ?? '').includes('Stopped. Nothing half-finished was kept.')) {
        o.disconnect();
        ok(performance.now() - t0);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel').click();
  })`)) as number;
  expect(stopMs).toBeLessThan(1000);
  // The killed worker may have left an `importing` record, movies and chunks: never listed, removed by the next start
  // (reloading at once, before the browser has released the dead worker's lock, cleans as soon as it does).
  await page.reload();
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  let counts = await storeCounts(page);
  for (let k = 0; k < 50 && counts.datasets + counts.movieBlocks + counts.ratingChunks + counts.ratingTimes > 0; k++) {
    await page.waitForTimeout(100);
    counts = await storeCounts(page);
  }
  expect(counts).toMatchObject({ datasets: 0, movieBlocks: 0, ratingChunks: 0, ratingTimes: 0 });
  expect(errors).toEqual([]);
  await context.close();
});
