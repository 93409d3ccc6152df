// The titles that stalled the engine (issue 15): refused at import with file, line and limit; in a Letterboxd export they are reviewed as unmatched at once, with no stuck engine.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { snapshot } from './faults';
import { artifacts } from './harness';
import { openWithoutSample, showView, useServedApp } from './app';
import { synthZip } from './releases';

const app = useServedApp();
const stall = ', The (x'.repeat(50_000); // 400,000 characters
const spaces = `a${' '.repeat(100_000)}b`;
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('pathological titles: refused in movies.csv, unmatched in a Letterboxd export, the engine never stuck', async () => {
  const { context, page, errors } = await openWithoutSample(app);
  await page.locator('input[type=file]').setInputFiles(synthZip('ml-kept', { users: 150, seed: 4 }).file);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  await page.getByTestId('to-rate').locator('li').nth(0).getByRole('radio', { name: '4 stars', exact: true }).check();
  await expect.poll(async () => (await snapshot(page)).profile.length).toBe(1);
  const before = await snapshot(page);

  const ratings = csv('ratings.csv', 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n');
  const cases: [string, string][] = [
    [`movieId,title,genres\n1,"${stall}",Drama\n`, "movies.csv, line 2: expected lines of at most 64 KiB; this one runs past 64 KiB without a line break (ml-32m's movies.csv is about 4 MB, its longest line a few hundred bytes)"],
    [`movieId,title,genres\n1,${spaces},Drama\n`, 'movies.csv, line 2: expected lines of at most 64 KiB'],
    [`movieId,title,genres\n1,"${', The (x'.repeat(200)} (1995)",Drama\n`, 'movies.csv, line 2: expected a title of at most 1,000 characters, found one of 1,607'],
  ];
  for (const [movies, message] of cases) {
    await page.goto(app.url);
    await showView(page, 'Data');
    await page.getByLabel('Import another MovieLens release').setInputFiles([csv('movies.csv', movies), ratings]);
    await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 30_000 });
    expect(await snapshot(page)).toEqual(before);
  }

  // The person's own export may hold anything: matched in one pass, each such row unmatched, nothing saved.
  await page.goto(app.url);
  await showView(page, 'My ratings');
  const letterboxd = ['Date,Name,Year,Letterboxd URI,Rating', `2024-01-01,"${stall}",1995,https://boxd.it/a,4`, `2024-01-02,${spaces},,https://boxd.it/b,3`, ''].join('\n');
  await page.getByLabel('Import ratings from IMDb or Letterboxd (their ratings.csv export)').setInputFiles(csv('ratings.csv', letterboxd));
  await page.getByRole('heading', { name: 'Review ratings.csv (Letterboxd)' }).waitFor({ timeout: 30_000 });
  const unmatched = page.getByTestId('import-unmatched');
  await expect.poll(() => unmatched.locator('li').count()).toBe(2);
  expect(await page.getByTestId('engine-alert').count()).toBe(0);
  // The viewport only: the long titles still widen the page (their layout is the next phase of issue 15).
  await page.screenshot({ path: join(artifacts, 'hostile-text-review.png') });
  expect(await snapshot(page)).toEqual(before);
  expect(errors).toEqual([]);
  await context.close();
});
