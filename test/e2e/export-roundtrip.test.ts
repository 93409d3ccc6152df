// The export that travels: My ratings downloads a Letterboxd CSV (titles, years, IMDb/TMDB ids, both scales) and
// PocketLens's own "Import IMDb or Letterboxd" reads it back: every rating matched, the same stars saved.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { screenshot, storedRatings, watchErrors, type Page } from './harness';
import { DESKTOP, PHONE, firstVisit, useServedApp } from './app';

const app = useServedApp();
const mine = (page: Page) => page.getByTestId('my-ratings').locator('li');

for (const device of ['desktop', 'phone'] as const) {
  test(`${device}: rate → download for Letterboxd → remove all → import the file → the same ratings`, async () => {
    const context = await app.browser.newContext({ ...(device === 'phone' ? PHONE : DESKTOP), acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const press = (l: ReturnType<Page['getByRole']>) => (device === 'phone' ? l.tap() : l.click());
    await firstVisit(page, app.url);

    const stars = ['5 stars', '4.5 stars', '3 stars', '0.5 stars', '2.5 stars', '4 stars'];
    for (const [k, s] of stars.entries()) {
      await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: s, exact: true }).check();
      await page.getByTestId('rated-count').filter({ hasText: new RegExp(`^${k + 1}$`) }).waitFor();
    }
    // The count shows each rating at once; the last one may still be on its way to the store.
    await expect.poll(async () => (await storedRatings(page)).length).toBe(6);
    const before = (await storedRatings(page)).map((r) => [r.movieId, r.rating]);
    expect(before.map(([, r]) => r).sort()).toEqual([0.5, 2.5, 3, 4, 4.5, 5]);

    await press(page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^My ratings/ }));
    await mine(page).nth(5).waitFor();
    // The main export says what it holds; the MovieLens layout is the second choice.
    expect(await page.getByTestId('export-menu').textContent()).toContain('Letterboxd CSV (titles, years, IMDb/TMDB ids, your rating)');
    await page.getByRole('button', { name: 'Download MovieLens ratings.csv' }).waitFor();
    if (device === 'desktop') await screenshot(page, 'export-menu-desktop');
    const [file] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Download ratings for Letterboxd' }))]);
    expect(file.suggestedFilename()).toMatch(/^pocketlens-letterboxd-\d{4}-\d\d-\d\d\.csv$/);
    const path = (await file.path())!;
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines[0]).toBe('Title,Year,imdbID,tmdbID,Rating,Rating10,WatchedDate');
    expect(lines.slice(1, -1)).toHaveLength(6);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/,\d{4},tt\d{7,},\d+,(0\.5|[1-5](\.5)?),\d{1,2},\d{4}-\d\d-\d\d$/);
    expect(lines.at(-1)).toBe('');
    await page.getByTestId('export-notice').filter({ hasText: 'Saved 6 ratings.' }).waitFor();

    // Forget them all, then import the download: six matched, nothing left over, the same stars stored.
    while ((await mine(page).count()) > 0) {
      const n = await mine(page).count();
      await press(mine(page).first().getByRole('button', { name: /^Remove rating for/ }));
      await page.waitForFunction((m) => document.querySelectorAll('[data-testid=my-ratings] li').length === m - 1, n);
    }
    expect(await storedRatings(page)).toEqual([]);
    await page.getByLabel('Import ratings from IMDb or Letterboxd (their ratings.csv export)').setInputFiles({ name: file.suggestedFilename(), mimeType: 'text/csv', buffer: readFileSync(path) });
    await page.getByTestId('import-review').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toBe('6 rows: 6 matched, 0 to choose, 0 already rated differently, 0 not matched. Nothing is saved until you press Save.');
    expect(await page.getByTestId('import-matched').locator('li').count()).toBe(6);
    await press(page.getByRole('button', { name: 'Save 6 ratings' }));
    await page.getByTestId('my-ratings-notice').waitFor();
    expect(await page.getByTestId('my-ratings-notice').textContent()).toMatch(/^Saved 6 ratings from pocketlens-letterboxd-/);
    expect((await storedRatings(page)).map((r) => [r.movieId, r.rating])).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });
}
