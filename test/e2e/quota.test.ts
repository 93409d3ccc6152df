// A full disk: an import that cannot fit is refused up front with sizes, one that runs out midway is cleaned up with the
// same kind of message, and a rating refused for lack of space is shown, not dropped. Nothing already stored changes.
import type { CDPSession } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type BrowserContext, type Page } from './harness';
import { showView, useServedApp } from './app';
import { synthZip } from './releases';
import { faultFired, injectFaults, snapshot } from './faults';

const app = useServedApp();

const A = synthZip('ml-alpha', { users: 150, seed: 1 });
const C = synthZip('ml-gamma', { users: 1800, items: 1000, seed: 3 }); // three rating chunks
const MB = 1e6;

/** Opens the app in a new page (after `before`, e.g. a quota set before the workers open the database), closing `page`. */
async function reopen(page: Page, before?: (next: Page) => Promise<void>): Promise<Page> {
  const context = page.context();
  await page.close();
  const next = await context.newPage();
  await before?.(next);
  await next.goto(app.url);
  await next.getByTestId('recommendations').locator('li').nth(9).waitFor();
  return next;
}

async function estimate(page: Page): Promise<{ usage: number; quota: number }> {
  return page.evaluate(() => navigator.storage.estimate().then((e) => ({ usage: e.usage ?? 0, quota: e.quota ?? 0 })));
}

/**
 * Sets this origin's quota through the DevTools Protocol (undefined: the browser's own again). The override lasts while
 * the session does, so it goes through a blank page kept open for the whole test, not through app pages that close.
 */
async function quotaSetter(context: BrowserContext): Promise<(quotaSize: number | undefined) => Promise<void>> {
  const holder = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(holder);
  return async (quotaSize) => {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin, ...(quotaSize === undefined ? {} : { quotaSize: Math.round(quotaSize) }) });
  };
}

test('full disk: imports refused with how much they need and how much is free; a refused rating is reported; nothing stored changes', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block', viewport: { width: 900, height: 800 } });
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const arm = await injectFaults(context);
  const setQuota = await quotaSetter(context);
  let page = await context.newPage();
  const logs = [watchErrors(page)];
  context.on('page', (p) => logs.push(watchErrors(p)));
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(A.file);
  await page.getByTestId('recommendations').locator('li').nth(9).waitFor({ timeout: 120_000 });
  for (const [k, stars] of [[0, '4 stars'], [1, '2.5 stars']] as const) {
    await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: stars, exact: true }).check();
  }
  let before = await snapshot(page);
  await expect.poll(async () => (before = await snapshot(page)).profile.length).toBe(2);

  // 1. Does not fit (a device with 2 MB free: enforced through DevTools, and reported by the workers' estimate,
  // which Chromium does not derive from the override): refused before anything is written, with both sizes.
  const { usage } = await estimate(page);
  arm.reportQuota(usage + 2 * MB);
  page = await reopen(page);
  await setQuota(usage + 2 * MB);
  await showView(page, 'Data');
  await page.getByLabel('Import another MovieLens release').setInputFiles(C.file);
  const refused = page.getByRole('alert').filter({ hasText: 'Not enough storage to import ml-gamma.zip' });
  await refused.waitFor();
  const text = (await refused.textContent())!;
  const m = /it needs about ([\d.]+) MB and ([\d.]+) MB is available to this site\. Nothing was changed\. Delete a dataset you no longer use on the Data screen/.exec(text);
  expect(m, text).not.toBeNull();
  const [need, available] = [Number(m![1]), Number(m![2])];
  expect(need).toBeGreaterThan(available);
  expect(available).toBeGreaterThan(1.9);
  expect(available).toBeLessThanOrEqual(2);
  await screenshot(page, 'quota-import-refused');
  expect(await snapshot(page)).toEqual(before);

  // 2. Runs out midway: the browser refuses the second rating chunk with QuotaExceededError (injected at the
  // IndexedDB call: Chromium's DevTools quota override did not bite on the app's compressible chunks, see report).
  // What was written is removed and the message says what the import needs and how much fitted.
  arm.reportQuota(null);
  arm({ worker: 'engine-jobs', on: 'put', store: 'ratingChunks', k: 2, action: 'quota' });
  page = await reopen(page, () => setQuota(undefined));
  await showView(page, 'Data');
  await page.getByLabel('Import another MovieLens release').setInputFiles(C.file);
  await faultFired(page);
  const ranOut = page.getByRole('alert').filter({ hasText: 'Not enough storage to import ml-gamma.zip' });
  await ranOut.waitFor({ timeout: 30_000 });
  const midText = (await ranOut.textContent())!;
  expect(midText).toMatch(/it needs about [\d.]+ MB and only [\d.]+ (MB|KB) could be written before the browser refused more \(after [\d,]+ ratings\)\. Nothing was changed\./);
  await screenshot(page, 'quota-import-ran-out');
  await expect.poll(async () => snapshot(page), { timeout: 15_000 }).toEqual(before);

  // 3. A rating refused for lack of space (QuotaExceededError injected at the IndexedDB call, as in 2): shown as not
  // saved with the sizes, the stars roll back, the stored ratings unchanged.
  arm({ worker: 'engine-serving', on: 'put', store: 'profileBlocks', k: 1, action: 'quota' });
  page = await reopen(page);
  let third = page.getByTestId('to-rate').locator('li').nth(2);
  const movieId = Number(await third.getAttribute('data-movie-id'));
  await third.getByRole('radio', { name: '5 stars', exact: true }).click(); // click, not check(): it must not stay checked
  const notSaved = page.getByRole('alert').filter({ hasText: 'Your rating was not saved: Storage is full: this site uses' });
  await notSaved.waitFor();
  expect(await notSaved.textContent()).toMatch(/this site uses [\d.]+ (KB|MB|GB) of the [\d.]+ (KB|MB|GB) the browser allows it\. Delete a dataset/);
  await expect.poll(() => third.getByRole('radio', { name: '5 stars', exact: true }).isChecked()).toBe(false);
  expect(await page.getByTestId('rated-count').textContent()).toBe('2');
  await screenshot(page, 'quota-rating-refused');
  expect((await snapshot(page)).profile).toEqual(before.profile);

  // Space again: the same rating is saved.
  page = await reopen(page);
  third = page.getByTestId('to-rate').locator(`li[data-movie-id="${movieId}"]`);
  await third.getByRole('radio', { name: '5 stars', exact: true }).check();
  await expect.poll(async () => (await snapshot(page)).profile.find((r) => r.movieId === movieId)?.rating).toBe(5);
  expect(await page.getByRole('alert').count()).toBe(0);

  // With room, the same import goes through; what it really takes against the estimate from the file sizes.
  const usageBefore = (await estimate(page)).usage;
  await showView(page, 'Data');
  await page.getByLabel('Import another MovieLens release').setInputFiles(C.file);
  await page.getByTestId('train-status').waitFor({ timeout: 60_000 });
  const storedMB = ((await estimate(page)).usage - usageBefore) / MB;
  expect(storedMB).toBeLessThan(need);
  expect((await snapshot(page)).profile.find((r) => r.movieId === movieId)?.rating).toBe(5);
  console.log(JSON.stringify({ quota: { ratingsTextMB: C.ratingsText / MB, estimatedNeedMB: need, storedMB, storedPerTextByte: storedMB / (C.ratingsText / MB), refused: text, ranOut: midText } }, null, 1));
  expect(logs.flat().filter((e) => !/QuotaExceeded|storage is full|Storage is full/i.test(e))).toEqual([]);
  await context.close();
});
