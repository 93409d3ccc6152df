// Spark model import from the Data screen in real Chromium: a zipped Spark export + movies.csv becomes the active
// dataset, rating cluster A movies high puts cluster A on top; a bad part file gives a located error and changes nothing.
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { root, screenshot, storeCounts, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';
import { synthZip } from './releases';
import { partName, plantedSpark } from '../fixtures/spark/plantedSpark';

const app = useServedApp();
const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2 A/AA violations inside `selector` (evaluated through DevTools, so the page's CSP does not block it). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(`axe.run(document.querySelector('${selector}'), { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`);
}
const planted = plantedSpark();

const upload = (name: string, data: string | Uint8Array, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: Buffer.from(typeof data === 'string' ? strToU8(data) : data) });
const zipOf = (folder: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(folder).map(([f, t]) => [`item-factors/${f}`, strToU8(t)])));

/** A first small MovieLens-format dataset from the bring-your-own screen (the app trains a model for it). */
async function firstDataset(page: Page) {
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(synthZip('ml-first', { users: 120, items: 80, seed: 4 }).file);
  await page.getByTestId('status-line').filter({ hasText: /ml-first: .* · model: rank/ }).waitFor({ timeout: 120_000 });
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 780 }],
] as const) {
  test(`${label}: import a Spark zip + movies.csv, rate cluster A high: recommendations come from the Spark factors`, async () => {
    const context = await app.browser.newContext({ viewport });
    await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await firstDataset(page);

    await showView(page, 'Data');
    const panel = page.getByTestId('spark-import');
    await panel.getByLabel('Spark item factors and movies.csv files').setInputFiles([upload('item-factors.zip', planted.zip, 'application/zip'), upload('movies.csv', planted.moviesCsv, 'text/csv')]);
    expect(await panel.getByTestId('spark-picked').textContent()).toContain('item-factors.zip, movies.csv');
    await screenshot(page, `spark-import-picked-${label}`);
    const t0 = Date.now();
    await panel.getByRole('button', { name: 'Import Spark model' }).click();
    const status = page.getByTestId('status-line');
    await status.filter({ hasText: 'item-factors: 0 ratings of 60 movies by 0 people' }).waitFor({ timeout: 60_000 });
    const importMs = Date.now() - t0;
    expect(await status.textContent()).toContain('model: Spark ALS factors, rank 4');
    expect(await page.getByTestId('spark-done').textContent()).toMatch(
      /^Imported item-factors: 62 factor rows at rank 4 from 3 part files in [\d.]+ s; 2 rows had no movie in movies\.csv and were left out\.$/,
    );
    console.log(JSON.stringify({ sparkImportMsInApp: importMs, viewport: label }));
    const counts = await storeCounts(page);
    expect(counts).toMatchObject({ datasets: 2, models: 2, movieBlocks: 2 }); // 80 and 60 movies: one block each

    await showView(page, 'For you');
    const toRate = page.getByTestId('to-rate');
    const rate = (movieId: number, stars: string) => toRate.locator(`li[data-movie-id="${movieId}"]`).getByRole('radio', { name: stars, exact: true }).check();
    for (const id of planted.clusterA.slice(0, 3)) await rate(id, '5 stars');
    for (const id of planted.clusterB.slice(0, 3)) await rate(id, '1 star');
    await page.getByTestId('recs-kind').filter({ hasText: 'Predicted from your ratings' }).waitFor();
    // No MovieLens ratings came with the factors, so no minimum count applies, and the caption says so.
    expect(await page.getByTestId('recs-kind').textContent()).toBe('Predicted from your ratings, among all movies.');
    const recs = page.getByTestId('recommendations').locator('li');
    // Rated movies leave the list; the 17 unrated cluster A movies fill its top.
    const unratedA = new Set(planted.clusterA.slice(3).map(String));
    await expect
      .poll(async () => (await recs.evaluateAll((lis) => lis.slice(0, 17).map((li) => li.getAttribute('data-movie-id')))).filter((id) => unratedA.has(id!)).length, { timeout: 20_000 })
      .toBe(17);
    expect(await recs.nth(0).textContent()).toMatch(/^Alpha Film/);
    await screenshot(page, `spark-import-recs-${label}`);

    // A bad part file: a located error, nothing stored changes, the ratings are all still there.
    await showView(page, 'Data');
    const before = await storeCounts(page);
    const bad = { ...planted.folder };
    const lines = bad[partName(1)].split('\n');
    lines[2] = '{"id": 55, "features": [0.1, 0.2,';
    bad[partName(1)] = lines.join('\n');
    await panel.getByLabel('Spark item factors and movies.csv files').setInputFiles([upload('bad-factors.zip', zipOf(bad), 'application/zip'), upload('movies.csv', planted.moviesCsv, 'text/csv')]);
    await panel.getByRole('button', { name: 'Import Spark model' }).click();
    const error = panel.getByTestId('spark-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(`bad-factors.zip/item-factors/${partName(1)}, line 3: expected a JSON object {"id": …, "features": […]} in "{\\"id\\": 55, \\"features\\": [0.1, 0.2,"`);
    await screenshot(page, `spark-import-error-${label}`);
    expect(await axeViolations(page, '[data-testid=spark-import]')).toEqual([]);
    expect(await storeCounts(page)).toEqual(before);
    expect(before.profile).toBe(6);
    expect(await status.textContent()).toContain('item-factors: 0 ratings of 60 movies');
    expect(errors).toEqual([]);
    await context.close();
  });
}
