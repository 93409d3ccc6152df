// Restore checks first and then asks in the page (what the backup holds against what it replaces), an IMDb CSV is named
// as such without asking, and Undo brings back exactly the previous state after a restore, an import and a removal;
// an edit does not move its row. At phone and desktop width. Settings of any size are kept with the ratings.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeBackup } from '../../src/engine/backup';
import { parseMoviesCsv } from '../../src/engine/movielens/textCsv';
import { sampleFiles, sampleZipPath } from '../sample';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, screenshot, storeCounts, storedRatings, watchErrors, type BrowserContext, type Page } from './harness';
import { showView, useServedApp } from './app';

const app = useServedApp();

const notice = (page: Page) => page.getByTestId('my-ratings-notice');
const count = async (page: Page) => Number(await page.getByTestId('rated-count').textContent());
const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([...lines, ''].join('\r\n')) });
/** Row ids in screen order (top to bottom). */
const rowIds = (page: Page) =>
  page.$$eval('[data-testid=my-ratings] li', (lis) => lis.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((li) => Number(li.getAttribute('data-movie-id'))));

/** The stored settings, straight from IndexedDB: the small ones' record with the "haven't seen" list (its own record) put in. */
const storedSettings = (page: Page) =>
  page.evaluate(`new Promise((ok, fail) => {
    const req = indexedDB.open('pocketlens');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const meta = req.result.transaction('meta').objectStore('meta');
      const small = meta.get('settings');
      const list = meta.get('notSeen');
      list.onsuccess = () => {
        req.result.close();
        if (!small.result && !list.result) return ok(null);
        const s = { ...(small.result ? small.result.value : {}) };
        if (list.result) s.onboarding = { ...s.onboarding, notSeen: list.result.value };
        ok(s);
      };
    };
  })`) as Promise<{ recommendations?: Record<string, unknown>; onboarding?: { notSeen?: number[] } } | null>;

for (const [viewport, width, height] of [
  ['phone', 390, 844],
  ['desktop', 1440, 900],
] as const) {
  describe.runIf(sampleZipPath)(`restore and undo at ${viewport} width`, () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    const nativeDialogs: string[] = [];
    beforeAll(async () => {
      context = await app.browser.newContext({ viewport: { width, height }, hasTouch: viewport === 'phone' });
      page = await context.newPage();
      errors = watchErrors(page);
      page.on('dialog', (d) => {
        nativeDialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(app.url);
      await page.getByTestId('to-rate').locator('li').nth(2).waitFor({ timeout: 180_000 });
      for (const [k, stars] of [[0, '4 stars'], [1, '2.5 stars'], [2, '5 stars']] as const) {
        await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: stars, exact: true }).check();
        await page.waitForFunction((n) => document.querySelector('[data-testid=rated-count]')?.textContent === String(n), k + 1);
      }
      await showView(page, 'My ratings');
      await page.getByTestId('my-ratings').locator('li').nth(2).waitFor();
    });
    afterAll(async () => {
      await context?.close();
    });

    test('an IMDb export picked for Restore is named as one, with the way to import it, and nothing is asked', async () => {
      const before = await storedRatings(page);
      await page.getByLabel('Restore backup').setInputFiles(csv('ratings.csv', ['Const,Your Rating,Date Rated,Title,URL,Title Type', 'tt0114709,8,2023-01-15,Toy Story,https://www.imdb.com/title/tt0114709,Movie']));
      await page
        .getByRole('alert')
        .filter({ hasText: 'Nothing was changed: ratings.csv: this is an IMDb ratings export, not a PocketLens backup: use "Import IMDb or Letterboxd" to add its ratings' })
        .waitFor();
      expect(await page.getByTestId('restore-dialog').count()).toBe(0);
      expect(await storedRatings(page)).toEqual(before);
    });

    test('a backup is checked, then the page asks with what it holds against what it replaces; Cancel changes nothing', async () => {
      const movies = parseMoviesCsv(sampleFiles()['movies.csv']);
      const before = await storedRatings(page);
      const backup = makeBackup(
        movies.slice(100, 512).map((m, i) => ({ movieId: m.movieId, rating: ((i % 10) + 1) / 2, ratedAt: 1_600_000_000_000 + i * 60_000 })),
        new Date(),
        movies.slice(600, 609).map((m, i) => ({ movieId: m.movieId, hiddenAt: 1_600_000_000_000 + i })),
        { recommendations: { minCount: 7 } },
      );
      await page.getByLabel('Restore backup').setInputFiles(json('b.json', backup));
      const dialog = page.getByTestId('restore-dialog');
      await dialog.waitFor();
      expect(await dialog.getByRole('heading').textContent()).toBe('Restore b.json?');
      expect(await dialog.getByTestId('restore-holds').textContent()).toBe('The backup holds 412 ratings, 9 hidden movies and settings.');
      expect(await dialog.getByTestId('restore-replaces').textContent()).toBe('Restoring it replaces your 3 ratings, 0 hidden movies and your settings.');
      // No WCAG 2 A/AA violations in the question, light and dark; it fits the screen.
      await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const violations = await page.evaluate(
          `axe.run(document.querySelector('[data-testid=restore-dialog]'), { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
        );
        expect(violations, colorScheme).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await screenshot(page, `restore-question-${viewport}`);
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await notice(page).filter({ hasText: 'Restore of b.json cancelled: nothing was changed.' }).waitFor();
      expect(await storedRatings(page)).toEqual(before);

      // Restore, then Undo: the three ratings with their own dates, no hidden movies, the settings as they were.
      const settingsBefore = await storedSettings(page);
      expect(settingsBefore).not.toBeNull();
      await page.getByLabel('Restore backup').setInputFiles(json('b.json', backup));
      await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
      await notice(page).filter({ hasText: 'Restored 412 ratings, 9 hidden movies and your settings from b.json.' }).waitFor();
      await expect.poll(() => count(page)).toBe(412);
      expect(await storeCounts(page)).toMatchObject({ profile: 412, hidden: 9 });
      expect((await storedSettings(page))?.recommendations?.minCount).toBe(7);
      await notice(page).getByRole('button', { name: 'Undo' }).click();
      await notice(page).filter({ hasText: 'Undone: your ratings are as they were before the restore of b.json (3 ratings).' }).waitFor();
      await expect.poll(() => count(page)).toBe(3);
      expect(await storedRatings(page)).toEqual(before);
      expect(await storeCounts(page)).toMatchObject({ profile: 3, hidden: 0, undo: 0 });
      expect(await storedSettings(page)).toEqual(settingsBefore);
      // One step: the Undo button is gone.
      expect(await notice(page).getByRole('button', { name: 'Undo' }).count()).toBe(0);
    });

    test('an IMDb/Letterboxd import is undone in one step: the ratings exactly as before', async () => {
      const before = await storedRatings(page);
      await page.getByLabel('Import ratings from IMDb or Letterboxd (their ratings.csv export)').setInputFiles(
        csv('diary.csv', ['Date,Name,Year,Letterboxd URI,Rating', '2021-03-04,Heat,1995,https://boxd.it/1,4.5', '2021-03-05,Fargo,1996,https://boxd.it/2,4']),
      );
      await page.getByTestId('import-review').waitFor();
      await page.getByRole('button', { name: /^Save 2 ratings$/ }).click();
      await notice(page).filter({ hasText: 'Saved 2 ratings from diary.csv (Letterboxd).' }).waitFor();
      await expect.poll(() => count(page)).toBe(5);
      await notice(page).getByRole('button', { name: 'Undo' }).click();
      await notice(page).filter({ hasText: 'Undone: your ratings are as they were before the import of diary.csv (3 ratings).' }).waitFor();
      await expect.poll(() => count(page)).toBe(3);
      expect(await storedRatings(page)).toEqual(before);
    });

    test('Undo of a removed rating keeps its date and its row; an edit does not move the row', async () => {
      const before = await storedRatings(page);
      const order = await rowIds(page);
      expect(order).toHaveLength(3);
      // Remove the middle row, then Undo: same date, same place.
      const middle = page.locator(`[data-testid=my-ratings] li[data-movie-id="${order[1]}"]`);
      await middle.getByRole('button', { name: /^Remove rating for/ }).click();
      await expect.poll(async () => (await rowIds(page)).length).toBe(2);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => rowIds(page)).toEqual(order);
      expect(await storedRatings(page)).toEqual(before);

      // Edit the oldest rating (the last row, newest first): it is re-dated, but stays where the cursor is.
      const last = page.locator(`[data-testid=my-ratings] li[data-movie-id="${order[2]}"]`);
      // The row in the middle of the screen first (on a phone its stars wrap under the title, where the navigation bar
      // may cover them): the click below then scrolls nothing, and any change of y is the row moving.
      await last.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const y0 = (await last.boundingBox())!.y;
      const t0 = Date.now();
      await last.getByRole('radio', { name: '1.5 stars', exact: true }).check();
      await expect.poll(async () => (await storedRatings(page)).find((r) => r.movieId === order[2])?.rating).toBe(1.5);
      expect((await storedRatings(page)).find((r) => r.movieId === order[2])!.ratedAt).toBeGreaterThanOrEqual(t0 - 1000);
      await page.waitForTimeout(300); // the list re-reads the ratings after the write
      expect(await rowIds(page)).toEqual(order);
      expect((await last.boundingBox())!.y).toBe(y0);
      // Choosing the order again sorts by the new date: the edited rating is the newest now.
      await page.getByLabel('Sort by').selectOption({ label: 'Date rated, oldest first' });
      await page.getByLabel('Sort by').selectOption({ label: 'Date rated, newest first' });
      await expect.poll(async () => (await rowIds(page))[0]).toBe(order[2]);
    });

    test('no native dialog was ever shown, and the page logged no error', () => {
      expect(nativeDialogs).toEqual([]); // every question is asked in the page
      expect(errors).toEqual([]);
    });
  });
}

test.runIf(sampleZipPath)('settings holding 1,000,000 "haven\'t seen" ids (7 MB) are restored, kept after a reload, and said only when kept', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('to-rate').locator('li').first().waitFor({ timeout: 180_000 });
  await showView(page, 'My ratings');
  const notSeen = Array.from({ length: 1_000_000 }, (_, i) => i + 1);
  const backup = makeBackup(
    [1, 2, 3].map((movieId) => ({ movieId, rating: 4, ratedAt: 1_600_000_000_000 + movieId })),
    new Date(),
    [],
    { onboarding: { notSeen } },
  );
  const file = json('bk-notseen.json', backup);
  expect(file.buffer.length).toBeGreaterThan(6_800_000);
  await page.getByLabel('Restore backup').setInputFiles(file);
  await page.getByTestId('restore-dialog').getByTestId('restore-holds').filter({ hasText: 'The backup holds 3 ratings, 0 hidden movies and settings (with 1,000,000 “haven’t seen” movies).' }).waitFor();
  await page.getByTestId('restore-dialog').getByRole('button', { name: 'Restore', exact: true }).click();
  await notice(page).filter({ hasText: 'Restored 3 ratings and your settings from bk-notseen.json.' }).waitFor();
  expect((await storedSettings(page))?.onboarding?.notSeen).toHaveLength(1_000_000);
  await page.reload();
  await page.getByTestId('my-ratings').locator('li').nth(2).waitFor({ timeout: 60_000 });
  expect((await storedSettings(page))?.onboarding?.notSeen).toHaveLength(1_000_000);
  // Every movie of the sample has an id below 1,000,000: onboarding has nothing left to offer.
  await showView(page, 'For you');
  await page.getByTestId('onboarding').getByText('No more movies to suggest: search for others below.').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
