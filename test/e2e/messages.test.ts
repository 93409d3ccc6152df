// Messages that are true: a database deleted by another tab (or cleared by the browser) is said as such, with the backup
// as the way back, never "your ratings are safe"; a refused import from the Data screen keeps the library on screen.
import { strToU8, zipSync } from 'fflate';
import { expect, test } from 'vitest';
import { screenshot, storeCounts, watchErrors, type BrowserContext, type Page } from './harness';
import { showView, useServedApp } from './app';
import { synthZip } from './releases';

const app = useServedApp();

/** A context without the bundled sample (a synthetic release is quicker) and without the service worker. */
async function freshContext(): Promise<BrowserContext> {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 900 }, serviceWorkers: 'block' });
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  return context;
}

async function libraryWithTwoRatings(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(synthZip('ml-messages', { users: 150, seed: 4 }).file);
  await page.getByTestId('recommendations').locator('li').nth(9).waitFor({ timeout: 120_000 });
  for (const k of [0, 1]) {
    await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: '4 stars', exact: true }).check();
    await page.getByTestId('rated-count').filter({ hasText: new RegExp(`^${k + 1}$`) }).waitFor();
  }
}

test('another tab deletes the database: this tab says the data was deleted and points to the backup, not "safe"', async () => {
  const context = await freshContext();
  const a = await context.newPage();
  const errors = watchErrors(a);
  await libraryWithTwoRatings(a);
  const b = await context.newPage();
  await b.goto(`${app.url}#data`);
  await b.getByTestId('rated-count').filter({ hasText: /^2$/ }).waitFor({ timeout: 60_000 });
  // B deletes the database (as a "delete everything" or DevTools would): every connection closes, then it is gone.
  await b.evaluate(
    () =>
      new Promise<void>((ok, fail) => {
        const r = indexedDB.deleteDatabase('pocketlens');
        r.onsuccess = () => ok();
        r.onerror = () => fail(r.error);
      }),
  );
  const banner = a.getByTestId('storage-gone');
  await banner.waitFor({ timeout: 15_000 });
  const text = (await banner.textContent()) ?? '';
  expect(text).toContain('PocketLens’s data in this browser was deleted in another tab');
  expect(text).toContain('if you downloaded a backup, restore it on My ratings (Restore backup)');
  expect(text).not.toContain('your ratings are safe');
  expect(await a.getByTestId('upgrade-banner').count()).toBe(0);
  await screenshot(a, 'storage-deleted');
  // It is true: the ratings are gone (the database holds nothing now).
  await b.close();
  expect(errors.filter((e) => !/storage was deleted by another tab/.test(e))).toEqual([]);
  await context.close();
});

test('the browser clears the site\'s storage: this tab says its storage was closed and points to the backup', async () => {
  const context = await freshContext();
  const page = await context.newPage();
  await libraryWithTwoRatings(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(app.url).origin, storageTypes: 'indexeddb' });
  const banner = page.getByTestId('storage-gone');
  await banner.waitFor({ timeout: 15_000 });
  expect(await banner.textContent()).toContain('The browser closed PocketLens’s storage (for example because this site’s data was cleared)');
  expect(await banner.textContent()).not.toContain('your ratings are safe');
  // Nothing quietly made a new, empty database behind the person's back.
  await page.getByTestId('to-rate').locator('li').nth(2).getByRole('radio', { name: '3 stars', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Your rating was not saved' }).waitFor();
  await context.close();
});

test('a refused import from the Data screen keeps the library on screen with the reason, the library unchanged', async () => {
  const context = await freshContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await libraryWithTwoRatings(page);
  const before = await storeCounts(page);
  await showView(page, 'Data');
  await page.getByTestId('datasets').getByTestId('dataset').first().waitFor();
  // A release whose movies.csv has a title past the 1,000-character ceiling: refused with its line.
  const bad = zipSync({
    'ml-bad/movies.csv': strToU8(`movieId,title,genres\r\n1,"${'x'.repeat(1001)} (1999)",Drama\r\n`),
    'ml-bad/ratings.csv': strToU8('userId,movieId,rating,timestamp\r\n1,1,4.0,1\r\n'),
  });
  await page.getByLabel('Import another MovieLens release').setInputFiles({ name: 'ml-bad.zip', mimeType: 'application/zip', buffer: Buffer.from(bad) });
  const refused = page.getByTestId('import-refused');
  await refused.waitFor({ timeout: 60_000 });
  expect(await refused.textContent()).toMatch(/^Nothing was imported: .*movies\.csv, line 2: .*Your library is as it was\.Dismiss$/);
  // Still the library, on the Data screen: not the first-run screen.
  await page.getByRole('heading', { name: 'Your datasets' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).count()).toBe(0);
  expect(await page.getByTestId('rated-count').textContent()).toBe('2');
  expect(await storeCounts(page)).toEqual(before);
  await screenshot(page, 'import-refused-library');
  expect(errors).toEqual([]);
  await context.close();
});
