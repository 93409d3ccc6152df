// Upgrades across tabs on the production build: a newer version opened in another tab closes this tab's storage
// (banner, no write half-done, every record kept); an upgrade blocked by an old tab says so and goes on once it
// closes; a model whose dataset changed under it is retrained, never used.
import { expect, test } from 'vitest';
import { DB_VERSION } from '../../src/store/schema';
import { screenshot, storeCounts, watchErrors, type BrowserContext, type Page } from './harness';
import { rankersStored, useServedApp } from './app';
import { synthZip } from './releases';

const app = useServedApp();

const release = (name: string) => synthZip(name, { users: 200, seed: 9 }).file;

/** A context whose build has no bundled sample (fast), without the service worker (a plain page stays plain). */
async function freshContext(): Promise<BrowserContext> {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 }, serviceWorkers: 'block' });
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  return context;
}

async function importAndRate(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(release('ml-upgrade'));
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  const rows = page.getByTestId('to-rate').locator('li');
  await rows.nth(0).getByRole('radio', { name: '4.5 stars', exact: true }).check();
  await page.getByTestId('rated-count').filter({ hasText: /^1$/ }).waitFor();
  await rows.nth(1).getByRole('radio', { name: '2 stars', exact: true }).check();
  await page.getByTestId('rated-count').filter({ hasText: /^2$/ }).waitFor();
  const first = page.getByTestId('recommendations').locator('li').first();
  await first.getByRole('button', { name: /^Not interested in/ }).click();
  await expect.poll(async () => (await storeCounts(page)).hidden).toBe(1);
  await rankersStored(page, 1); // the ranker trains behind the list: stored before the test looks
}

/**
 * Every record of every store (typed arrays as type, length and checksum), read straight from IndexedDB at any version;
 * `profile` and `hidden` are the rows of the rating and hidden-mark blocks (schema 4 on).
 */
function dumpAll(page: Page, version?: number): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    `new Promise((ok, fail) => {
      const digest = (a) => {
        const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        let h = 0x811c9dc5;
        for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
        return a.constructor.name + ':' + a.length + ':' + (h >>> 0).toString(16);
      };
      const req = indexedDB.open('pocketlens'${version ? `, ${version}` : ''});
      req.onerror = () => fail(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const names = Array.from(db.objectStoreNames);
        const t = db.transaction(names, 'readonly');
        const out = {};
        for (const n of names) {
          const r = t.objectStore(n).getAll();
          r.onsuccess = () => {
            out[n] = JSON.parse(JSON.stringify(r.result, (k, v) => (ArrayBuffer.isView(v) ? digest(v) : v)));
            // From schema 4 the ratings and hidden marks are blocks: their rows, as the per-movie stores held them.
            if (n === 'profileBlocks') out.profile = r.result.flatMap((b) => Array.from(b.ids, (movieId, k) => ({ movieId, rating: b.ratings[k], ratedAt: b.ratedAt[k] })));
            if (n === 'hiddenBlocks') out.hidden = r.result.flatMap((b) => Array.from(b.ids, (movieId, k) => ({ movieId, hiddenAt: b.hiddenAt[k] })));
          };
        }
        t.oncomplete = () => { db.close(); ok(out); };
      };
    })`,
  );
}

test('a newer version opened in tab B: tab A closes its storage and shows the banner, B opens, every record survives', async () => {
  const context = await freshContext();
  const a = await context.newPage();
  const errors = watchErrors(a);
  await importAndRate(a);
  const before = await dumpAll(a);
  expect(before.profile).toHaveLength(2);
  expect(before.models).toHaveLength(2); // the star model and the ranker

  // Tab B: a plain page of the same origin opening the database one version up, as a newer PocketLens would.
  const b = await context.newPage();
  await b.goto(`${app.url}manifest.webmanifest`);
  const opened = (await b.evaluate(`new Promise((ok, fail) => {
    let blocked = false;
    const req = indexedDB.open('pocketlens', ${DB_VERSION + 1});
    req.onblocked = () => (blocked = true);
    req.onupgradeneeded = (e) => { req.result.createObjectStore('fromTheFuture', { keyPath: 'id' }); };
    req.onerror = () => fail(req.error);
    req.onsuccess = () => { const v = req.result.version; req.result.close(); ok({ version: v, blocked }); };
  })`)) as { version: number; blocked: boolean };
  expect(opened).toEqual({ version: DB_VERSION + 1, blocked: false }); // A's workers closed at once

  const banner = a.getByTestId('upgrade-banner');
  await banner.waitFor({ timeout: 5000 });
  expect(await banner.getAttribute('role')).toBe('alert');
  expect(await banner.textContent()).toContain('PocketLens was updated in another tab. Reload this tab to go on; your ratings are safe.');
  await expect(banner.getByRole('button', { name: 'Reload' }).isVisible()).resolves.toBe(true);
  await screenshot(a, 'upgrade-banner');

  // A rating attempted in A now is refused with a clear message and changes nothing.
  await a.getByTestId('to-rate').locator('li').nth(2).getByRole('radio', { name: '3 stars', exact: true }).click(); // shown, then rolled back
  const alert = a.getByRole('alert').filter({ hasText: 'Your rating was not saved' });
  await alert.waitFor();
  expect(await alert.textContent()).toContain('reload this tab');

  const after = await dumpAll(b, DB_VERSION + 1);
  const { fromTheFuture, ...kept } = after;
  expect(fromTheFuture).toEqual([]);
  expect(kept).toEqual(before); // every record of every store, byte for byte
  expect(errors).toEqual([]);
  await context.close();
});

test('an upgrade blocked by a tab holding the old version open says so, and goes on once that tab closes', async () => {
  const context = await freshContext();
  // An old tab: version 1 of the schema with one rating, and a connection that ignores `versionchange`.
  const old = await context.newPage();
  await old.goto(`${app.url}manifest.webmanifest`);
  await old.evaluate(`new Promise((ok, fail) => {
    const req = indexedDB.open('pocketlens', 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('datasets', { keyPath: 'id' });
      db.createObjectStore('movies', { keyPath: ['dataset', 'movieId'] }).createIndex('byDataset', 'dataset');
      db.createObjectStore('ratingChunks', { keyPath: ['dataset', 'seq'] });
      db.createObjectStore('profile', { keyPath: 'movieId' }).put({ movieId: 318, rating: 5, ratedAt: 1700000000000 });
      db.createObjectStore('models', { keyPath: 'id' }).createIndex('byDataset', 'datasetId');
      db.createObjectStore('meta', { keyPath: 'key' });
    };
    req.onerror = () => fail(req.error);
    req.onsuccess = () => { window.__oldDb = req.result; ok(req.result.version); };
  })`);

  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  const notice = page.getByTestId('upgrade-blocked');
  await notice.waitFor({ timeout: 10_000 });
  expect(await notice.textContent()).toContain('waits for another tab with an older version open: close or reload that tab');
  await screenshot(page, 'upgrade-blocked');

  await old.close(); // the person closes the old tab: the upgrade runs, the notice goes, the app opens
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor({ timeout: 10_000 });
  expect(await notice.count()).toBe(0);
  const stored = await dumpAll(page);
  expect(stored.profile).toEqual([{ movieId: 318, rating: 5, ratedAt: 1700000000000 }]);
  expect(stored.hidden).toEqual([]); // the version-2 store exists
  expect(errors).toEqual([]);
  await context.close();
});

test('a model whose dataset changed under the same id is never used: the app retrains, ratings kept', async () => {
  const context = await freshContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await importAndRate(page);
  const before = await dumpAll(page);
  // Rewrite the dataset record as a re-import under the same id would (a later import time): same counts, new content.
  await page.evaluate(`new Promise((ok, fail) => {
    const req = indexedDB.open('pocketlens');
    req.onsuccess = () => {
      const db = req.result;
      const t = db.transaction('datasets', 'readwrite');
      const s = t.objectStore('datasets');
      s.getAll().onsuccess = (e) => { const d = e.target.result[0]; d.createdAt += 1; s.put(d); };
      t.oncomplete = () => { db.close(); ok(); };
      t.onerror = () => fail(t.error);
    };
  })`);
  await page.reload();
  await page.getByTestId('train-status').waitFor({ timeout: 30_000 }); // trains instead of using the old model
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor({ timeout: 120_000 });
  // Both stale models are retrained (the ranker behind the list) and replace the old ones (one per dataset and objective).
  type Stored = { id: string; trainedAt: number; datasetFingerprint: string };
  const retrained = async () => ((await dumpAll(page)).models as Stored[]).filter((m) => m.trainedAt > Math.max(...(before.models as Stored[]).map((b) => b.trainedAt)));
  await expect.poll(async () => (await retrained()).length, { timeout: 60_000 }).toBe(2);
  const after = await dumpAll(page);
  expect(after.models).toHaveLength(2);
  expect(after.profile).toEqual(before.profile);
  expect(after.hidden).toEqual(before.hidden);
  for (const fresh of after.models as Stored[]) {
    const old = (before.models as Stored[]).find((m) => m.id === fresh.id)!;
    expect(fresh.trainedAt).toBeGreaterThan(old.trainedAt);
    expect(fresh.datasetFingerprint).not.toBe(old.datasetFingerprint);
    expect(fresh.datasetFingerprint).toContain(`|${(after.datasets[0] as { createdAt: number }).createdAt}|`);
  }
  expect(errors).toEqual([]);
  await context.close();
});
