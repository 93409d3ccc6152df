// Your ratings: edit, remove and undo, download CSV and backup, restore the backup exactly, refuse a foreign file.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';

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

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\r\n')[0]).toBe('userId,movieId,rating,timestamp');
  expect(csvText.trim().split('\r\n')).toHaveLength(4);
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
  const backupPath = (await backup.path())!;
  expect(backup.suggestedFilename()).toMatch(/^pocketlens-backup-\d{4}-\d\d-\d\d\.json$/);
  await screenshot(page, 'my-ratings');

  // Remove everything: back to the popularity fallback.
  while ((await mine(page).count()) > 0) {
    const n = await mine(page).count();
    await mine(page).first().getByRole('button', { name: /^Remove rating for/ }).click();
    await page.waitForFunction((m) => document.querySelectorAll('[data-testid=my-ratings] li').length === m - 1, n);
  }
  await showView(page, 'Recommendations');
  await page.getByRole('heading', { name: 'Popular with MovieLens users' }).waitFor();
  await showView(page, 'My ratings');

  // A foreign file changes nothing.
  const restore = page.getByLabel('Restore backup');
  await restore.setInputFiles({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await page.getByRole('alert').filter({ hasText: 'Nothing was changed: foreign.json: expected a PocketLens backup' }).waitFor();
  expect(await count(page)).toBe(0);

  // The real backup brings back exactly what was exported.
  await restore.setInputFiles(backupPath);
  await page.getByRole('status').filter({ hasText: 'Restored 3 ratings' }).waitFor();
  await mine(page).nth(2).waitFor();
  expect(await checkedStars(page)).toEqual(before);
  await showView(page, 'Recommendations');
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
