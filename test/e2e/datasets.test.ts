// Datasets side by side in the app: import a second release from the panel, switch between them, delete one for good.
import { expect, test } from 'vitest';
import { screenshot, storeCounts } from './harness';
import { openWithoutSample, showView, useServedApp } from './app';
import { synthZip } from './releases';

const app = useServedApp();

const release = (name: string, users: number, seed: number) => synthZip(name, { users, seed });

test('import a second dataset from the panel, switch back to the first, delete the second: its data and model are gone', async () => {
  const { context, page, errors } = await openWithoutSample(app);

  const a = release('ml-alpha', 150, 1);
  const b = release('ml-beta', 220, 2);
  await page.locator('input[type=file]').setInputFiles(a.file);
  const status = page.getByTestId('status-line');
  await status.filter({ hasText: `ml-alpha: ${a.ratings.toLocaleString('en')} ratings of 120 movies by 150 people` }).waitFor({ timeout: 120_000 });

  await showView(page, 'Data');
  const panel = page.getByTestId('datasets');
  await expect.poll(() => panel.getByTestId('dataset').count()).toBe(1);
  // Sizes with thousands separators ("10,744 MB"), never a bare run of four digits.
  const storage = (await panel.getByTestId('storage').textContent())!;
  expect(storage).toMatch(/^Using (\d{1,3}(,\d{3})*|\d\.\d) MB of (\d{1,3}(,\d{3})*|\d\.\d) MB available to this site;/);
  expect(storage).not.toMatch(/\d{4}/);
  // How recent the dataset is, read from its files, sits between the counts and the sizes.
  expect(await panel.getByTestId('dataset').textContent()).toMatch(
    new RegExp(`ml-alpha \\(in use\\)${a.ratings.toLocaleString('en')} ratings150 people120 moviesratings up to [A-Z][a-z]+ \\d{4} · newest movie \\d{4}≈ [\\d.,]+ MB stored`),
  );

  await page.getByLabel('Import another MovieLens release').setInputFiles(b.file);
  await status.filter({ hasText: `ml-beta: ${b.ratings.toLocaleString('en')} ratings of 120 movies by 220 people` }).waitFor({ timeout: 120_000 });
  const rows = panel.getByTestId('dataset');
  await expect.poll(() => rows.count()).toBe(2);
  expect(await rows.nth(1).textContent()).toContain('ml-beta (in use)');
  expect(await storeCounts(page)).toMatchObject({ datasets: 2, models: 2, movieBlocks: 2 }); // 120 movies each: one block each
  await screenshot(page, 'datasets-two');

  await rows.nth(0).getByRole('button', { name: 'Use' }).click();
  await status.filter({ hasText: 'ml-alpha:' }).waitFor();
  await showView(page, 'For you');
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor();
  await showView(page, 'Data');
  await expect.poll(async () => (await panel.getByTestId('dataset').nth(0).textContent()) ?? '').toContain('ml-alpha (in use)');

  const beta = panel.getByTestId('dataset').nth(1);
  await beta.getByRole('button', { name: 'Delete' }).click();
  await beta.getByRole('button', { name: 'Delete ml-beta for good' }).click();
  await expect.poll(() => panel.getByTestId('dataset').count()).toBe(1);
  await status.filter({ hasText: 'ml-alpha:' }).waitFor();
  expect(await storeCounts(page)).toMatchObject({ datasets: 1, models: 1, movieBlocks: 1 });
  expect(errors).toEqual([]);
  await context.close();
});
