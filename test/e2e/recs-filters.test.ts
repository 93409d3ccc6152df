// Filtering recommendations by genre, years and rating count, and "not interested" hiding a movie for good.
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { useServedApp } from './app';

const app = useServedApp();

interface Row {
  id: number;
  genres: string;
  year: number | null;
  count: number;
}

async function rows(page: Page): Promise<Row[]> {
  return page.$$eval('[data-testid=recommendations] li', (lis) =>
    lis.map((li) => ({
      id: Number(li.getAttribute('data-movie-id')),
      genres: li.querySelector('.genres')!.textContent!,
      year: li.querySelector('.year') ? Number(li.querySelector('.year')!.textContent!.replace(/\D/g, '')) : null,
      count: Number(li.querySelector('.count')!.textContent!.replace(/\D/g, '')),
    })),
  );
}

/** Waits until the list shows 20 rows that all satisfy `ok` (the list refreshes asynchronously after a filter change). */
async function until(page: Page, ok: (r: Row) => boolean): Promise<Row[]> {
  for (let k = 0; k < 100; k++) {
    const r = await rows(page);
    if (r.length === 20 && r.every(ok)) return r;
    await page.waitForTimeout(100);
  }
  throw new Error(`filter not applied: ${JSON.stringify((await rows(page)).slice(0, 3))}`);
}

test('genre, year and minimum-count filters apply to the list; a movie marked not interested never comes back', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  await page.getByTestId('to-rate').locator('li').nth(0).getByRole('radio', { name: '5 stars', exact: true }).check();
  await page.getByTestId('to-rate').locator('li').nth(4).getByRole('radio', { name: '4.5 stars', exact: true }).check();
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();

  await page.getByLabel('Genre').selectOption('Comedy');
  await until(page, (r) => r.genres.includes('Comedy'));
  await page.getByLabel('Released from year').fill('1990');
  await page.getByLabel('Released up to year').fill('1999');
  const filtered = await until(page, (r) => r.genres.includes('Comedy') && r.year !== null && r.year >= 1990 && r.year <= 1999);
  await page.getByLabel('Minimum number of MovieLens ratings').fill('100');
  await until(page, (r) => r.count >= 100 && r.genres.includes('Comedy') && r.year! >= 1990 && r.year! <= 1999);
  await screenshot(page, 'recs-filtered');
  expect(filtered.length).toBe(20);

  // Back to no filters, then hide the top movie.
  await page.getByLabel('Genre').selectOption('');
  await page.getByLabel('Released from year').fill('');
  await page.getByLabel('Released up to year').fill('');
  await page.getByLabel('Minimum number of MovieLens ratings').fill('25');
  await until(page, (r) => r.count >= 25);
  const first = (await rows(page))[0].id;
  await page.getByTestId('recommendations').locator('li').first().getByRole('button', { name: /^Not interested in / }).click();
  await until(page, (r) => r.id !== first);
  await page.reload();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor();
  expect((await rows(page)).map((r) => r.id)).not.toContain(first);
  expect(errors).toEqual([]);
  await context.close();
});
