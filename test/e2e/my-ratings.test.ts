// Your ratings: edit, remove and undo, download CSV and backup, restore the backup exactly, refuse a foreign file;
// 5,000 ratings in a virtualized list (a window of rows in the DOM, scrolling and sorting).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseMoviesCsv } from '../../src/engine/movielens/textCsv';
import { sampleFiles, sampleZipPath } from '../sample';
import { artifacts, screenshot, watchErrors, type Page } from './harness';
import { restoreBackup, showView, useServedApp } from './app';

const app = useServedApp();

const mine = (page: Page) => page.getByTestId('my-ratings').locator('li');
const count = async (page: Page) => Number(await page.getByTestId('rated-count').textContent());
async function checkedStars(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid=my-ratings] li', (lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute('data-movie-id')!, (li.querySelector('input:checked') as HTMLInputElement | null)?.value ?? ''])),
  );
}

test('edit, remove with undo, export and restore: the restored ratings equal the exported ones', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });

  for (const [k, stars] of [[0, '4 stars'], [1, '5 stars'], [2, '1.5 stars']] as const) {
    await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: stars, exact: true }).check();
  }
  await showView(page, 'My ratings');
  await mine(page).nth(2).waitFor();
  expect(await count(page)).toBe(3);

  // Edit the newest from the list (it is first), then remove it and undo.
  const newest = mine(page).first();
  const newestId = await newest.getAttribute('data-movie-id');
  await newest.getByRole('radio', { name: '2 stars', exact: true }).check();
  await page.waitForFunction((id) => (document.querySelector(`[data-testid=my-ratings] li[data-movie-id="${id}"] input:checked`) as HTMLInputElement | null)?.value === '2', newestId);
  await newest.getByRole('button', { name: /^Remove rating for/ }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((id) => (document.querySelector(`[data-testid=my-ratings] li[data-movie-id="${id}"] input:checked`) as HTMLInputElement | null)?.value === '2', newestId);
  expect(await count(page)).toBe(3);
  const before = await checkedStars(page);
  expect(Object.values(before).sort()).toEqual(['2', '4', '5']);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download MovieLens ratings.csv' }).click()]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\r\n')[0]).toBe('userId,movieId,rating,timestamp');
  expect(csvText.trim().split('\r\n')).toHaveLength(4);
  // Settings: filters chosen on Recommendations are kept across a reload and travel in the backup.
  await showView(page, 'For you');
  await page.getByLabel('Genre').selectOption('Drama');
  await page.getByLabel('Minimum number of MovieLens ratings').fill('50');
  await page.getByText('At least 50 ratings', { exact: true }).waitFor();
  await page.reload();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 60_000 });
  expect(await page.getByLabel('Genre').inputValue()).toBe('Drama');
  expect(await page.getByLabel('Minimum number of MovieLens ratings').inputValue()).toBe('50');
  await showView(page, 'My ratings');
  await mine(page).nth(2).waitFor();
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
  const backupPath = (await backup.path())!;
  expect(backup.suggestedFilename()).toMatch(/^pocketlens-backup-\d{4}-\d\d-\d\d\.json$/);
  expect(JSON.parse(readFileSync(backupPath, 'utf8')).settings.recommendations).toEqual({ genre: 'Drama', yearFrom: null, yearTo: null, minCount: 50, sortBy: 'best', gems: false, recency: false, diversity: false });
  await screenshot(page, 'my-ratings');

  // Remove everything: back to the popularity fallback.
  while ((await mine(page).count()) > 0) {
    const n = await mine(page).count();
    await mine(page).first().getByRole('button', { name: /^Remove rating for/ }).click();
    await page.waitForFunction((m) => document.querySelectorAll('[data-testid=my-ratings] li').length === m - 1, n);
  }
  await showView(page, 'For you');
  await page.getByRole('heading', { name: 'Popular with MovieLens users' }).waitFor();
  await page.getByLabel('Genre').selectOption('');
  await page.getByLabel('Minimum number of MovieLens ratings').fill('0');
  await page.getByText('At least 0 ratings', { exact: true }).waitFor();
  await showView(page, 'My ratings');

  // A foreign file changes nothing.
  const restore = page.getByLabel('Restore backup');
  await restore.setInputFiles({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await page.getByRole('alert').filter({ hasText: 'Nothing was changed: foreign.json: expected a PocketLens backup' }).waitFor();
  expect(await count(page)).toBe(0);

  // The real backup brings back exactly what was exported.
  await restoreBackup(page, backupPath);
  await page.getByRole('status').filter({ hasText: 'Restored 3 ratings and your settings' }).waitFor();
  await mine(page).nth(2).waitFor();
  expect(await checkedStars(page)).toEqual(before);
  await showView(page, 'For you');
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  // The backup's filters are back: dramas with at least 50 MovieLens ratings only.
  expect(await page.getByLabel('Genre').inputValue()).toBe('Drama');
  expect(await page.getByLabel('Minimum number of MovieLens ratings').inputValue()).toBe('50');
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor();
  const rows = await page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => li.querySelector('.genres')!.textContent!));
  expect(rows.every((g) => g.includes('Drama'))).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

/** The data-movie-id of every row in the DOM, in order on screen. */
const rowIds = (page: Page) => page.$$eval('[data-testid=my-ratings] li', (lis) => lis.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((li) => Number(li.getAttribute('data-movie-id'))));

test.runIf(sampleZipPath)('5,000 ratings: only a window of rows is in the DOM, scrolling reaches the last, sorting reorders', async () => {
  const movies = parseMoviesCsv(sampleFiles()['movies.csv']).slice(0, 5000);
  // Rated one minute apart, oldest first; stars cycle through all ten half-star values.
  const ratings = movies.map((m, k) => ({ movieId: m.movieId, rating: (((k * 7) % 10) + 1) / 2, ratedAt: Date.UTC(2020, 0, 1) + k * 60_000 }));
  const backup = JSON.stringify({ format: 'pocketlens-backup', version: 1, exportedAt: new Date().toISOString(), ratings });
  const oldest = ratings[0].movieId;
  const newest = ratings[ratings.length - 1].movieId;

  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('to-rate').locator('li').first().waitFor({ timeout: 180_000 });
  await showView(page, 'My ratings');
  await restoreBackup(page, { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.getByRole('status').filter({ hasText: 'Restored 5000 ratings from big.json' }).waitFor({ timeout: 60_000 });
  await mine(page).first().waitFor();
  expect(await count(page)).toBe(5000);

  // A window: the first rows, newest first, and far fewer than 5,000 elements.
  let ids = await rowIds(page);
  expect(ids[0]).toBe(newest);
  expect(ids.length).toBeGreaterThan(5);
  expect(ids.length).toBeLessThan(60);
  expect(await mine(page).first().getAttribute('aria-setsize')).toBe('5000');

  // Scrolling to the end renders the oldest rating and drops the newest.
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  await page.locator(`[data-testid=my-ratings] li[data-movie-id="${oldest}"]`).waitFor();
  ids = await rowIds(page);
  expect(ids.at(-1)).toBe(oldest);
  expect(ids).not.toContain(newest);
  expect(ids.length).toBeLessThan(60);
  expect(await page.locator(`[data-testid=my-ratings] li[data-movie-id="${oldest}"]`).getAttribute('aria-posinset')).toBe('5000');
  // The middle of the list is reachable too: row 2,500 is on screen after scrolling halfway.
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight / 2)');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=my-ratings] li')].some((li) => Math.abs(Number(li.getAttribute('aria-posinset')) - 2500) < 100));

  // Sorting reorders the whole list, not just the rows on screen.
  await page.evaluate('window.scrollTo(0, 0)');
  const sortBy = page.getByLabel('Sort by');
  await sortBy.selectOption({ label: 'Date rated, oldest first' });
  await page.waitForFunction((id) => document.querySelector('[data-testid=my-ratings] li')?.getAttribute('data-movie-id') === String(id), oldest);
  expect((await rowIds(page)).slice(0, 3)).toEqual(ratings.slice(0, 3).map((r) => r.movieId));

  await sortBy.selectOption({ label: 'My rating, high to low' });
  await page.waitForFunction(() => (document.querySelector('[data-testid=my-ratings] li input:checked') as HTMLInputElement | null)?.value === '5');
  const top = Object.values(await checkedStars(page));
  expect(top.length).toBeGreaterThan(5);
  expect(new Set(top)).toEqual(new Set(['5'])); // 500 five-star ratings: the whole window is five stars

  await sortBy.selectOption({ label: 'My rating, low to high' });
  await page.waitForFunction(() => (document.querySelector('[data-testid=my-ratings] li input:checked') as HTMLInputElement | null)?.value === '0.5');

  await sortBy.selectOption({ label: 'Year, oldest first' });
  const minYear = Math.min(...movies.map((m) => m.year ?? Infinity));
  await page.waitForFunction((y) => document.querySelector('[data-testid=my-ratings] li .year')?.textContent === ` (${y})`, minYear);

  await sortBy.selectOption({ label: 'Title, A to Z' });
  await page.waitForFunction(() => {
    const titles = [...document.querySelectorAll('[data-testid=my-ratings] li .title')].map((t) => t.textContent ?? '');
    const c = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    return titles.length > 5 && titles.every((t, k) => k === 0 || c.compare(titles[k - 1], t) <= 0);
  });
  await page.screenshot({ path: join(artifacts, 'my-ratings-5000.png') }); // the viewport: the full page is 5,000 rows tall
  expect(errors).toEqual([]);
  await context.close();
});
