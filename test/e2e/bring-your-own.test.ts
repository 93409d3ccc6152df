// No bundled sample: the bring-your-own screen refuses a bad file (file, line, nothing stored), then imports a zip.
import { expect, test } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { plantedLowRank } from '../../src/engine/synth';
import { writeRelease } from '../../src/engine/movielens/writeRelease';
import { screenshot, storeCounts, watchErrors } from './harness';
import { rankersStored, useServedApp } from './app';

const app = useServedApp();

test('bring your own files: a bad ratings.csv is refused with its line; a MovieLens-shaped zip imports and recommends', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
  // A build without a bundled sample serves an empty manifest; simulate that on this build.
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await screenshot(page, 'byo-phone');

  const input = page.locator('input[type=file]');
  await input.setInputFiles([
    { name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from('userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,9.5,964981247\r\n') },
    { name: 'movies.csv', mimeType: 'text/csv', buffer: Buffer.from('movieId,title,genres\r\n1,Toy Story (1995),Comedy\r\n3,Heat (1995),Action\r\n') },
  ]);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('ratings.csv, line 3: expected a rating from 0.5 to 5 in half-star steps, found 9.5');
  expect(await storeCounts(page)).toMatchObject({ datasets: 0, movieBlocks: 0, ratingChunks: 0, ratingTimes: 0, profile: 0 });
  await screenshot(page, 'byo-error-phone');

  const synth = plantedLowRank({ users: 200, items: 120, rank: 3, density: 0.35, noise: 0.3, seed: 5, clamp: true });
  const release = writeRelease(synth.columns, synth.nItems);
  const zip = zipSync({
    'ml-synthetic/ratings.csv': strToU8(release['ratings.csv']),
    'ml-synthetic/movies.csv': strToU8(release['movies.csv']),
    'ml-synthetic/links.csv': strToU8(release['links.csv']),
  });
  await input.setInputFiles({ name: 'ml-synthetic.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  expect(await page.getByTestId('status-line').textContent()).toMatch(
    new RegExp(`ml-synthetic: ${synth.columns.length.toLocaleString('en')} ratings of 120 movies by 200 people`),
  );
  expect(await page.getByTestId('recs-kind').textContent()).toMatch(/popularity fallback/);

  await page.getByLabel('Search movies by title').fill('synthetic movie 7 the');
  const row = page.getByTestId('to-rate').locator('li').filter({ has: page.locator('.title', { hasText: /^The Synthetic Movie 7$/ }) });
  await row.waitFor();
  expect(Number(await row.getAttribute('data-movie-id'))).toBe(19); // dense index 6 → movieId 6·3+1
  await row.getByTitle('5 stars', { exact: true }).click(); // search results are listbox options: stars are clicked, or keyed 1–5
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  const ids = await page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));
  expect(ids).toHaveLength(20);
  expect(ids).not.toContain(19);
  // The star model and the ranker trained behind the list.
  await rankersStored(page, 1);
  expect(await storeCounts(page)).toMatchObject({ datasets: 1, models: 2, profile: 1, movieBlocks: 1 }); // 120 movies: one block
  await screenshot(page, 'byo-recommendations-phone');
  expect(errors).toEqual([]);
  await context.close();
});
