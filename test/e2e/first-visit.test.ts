// A person's first visit: bundled sample → import → train → rate 5 movies → list changes each time → reload keeps all.
import { expect, test } from 'vitest';
import { screenshot, storeCounts, watchErrors, type Page } from './harness';
import { useServedApp } from './app';

const app = useServedApp();

async function recommendedIds(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));
}

async function recommendedCounts(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid=recommendations] li .count', (els) => els.map((e) => Number(e.textContent!.replace(/[^0-9]/g, ''))));
}

test('first visit imports the sample, trains, recommends; ratings and model survive a reload', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // With the WebAssembly kernels the training can end between two looks, so the page records every status text it shows.
  await context.addInitScript(`(() => {
    const seen = (window.__trainStatus = []);
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid=train-status]');
      const text = el ? el.textContent : null;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  })()`);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const t0 = Date.now();
  await page.goto(app.url);

  // Import with visible progress, then training with iteration i of n and RMSE.
  await page.getByRole('heading', { name: /Importing ml-latest-small/ }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => ((window as unknown as { __trainStatus: string[] }).__trainStatus ?? []).some((t) => /Iteration \d+ of \d+: training RMSE \d\.\d{4}/.test(t)),
    null,
    { timeout: 60_000 },
  );
  const tImported = Date.now();
  await screenshot(page, 'first-visit-training');
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  const tReady = Date.now();
  console.log(JSON.stringify({ importSecondsApprox: (tImported - t0) / 1000, firstVisitToRecommendationsSeconds: (tReady - t0) / 1000 }));

  // Before any rating: the labelled popularity fallback.
  await expect(page.getByRole('heading', { name: 'Popular with MovieLens users' }).isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('recs-kind').textContent()).resolves.toMatch(/popularity fallback/);
  expect((await recommendedCounts(page)).every((c) => c >= 25)).toBe(true);
  await expect(page.getByTestId('status-line').textContent()).resolves.toMatch(/100,836 ratings of 9,742 movies by 610 people/);
  await screenshot(page, 'first-visit-fallback');

  // Rate five well-known movies; the list must change after each rating and never show a rated movie.
  const toRate = page.getByTestId('to-rate').locator('li');
  const stars = ['5 stars', '4.5 stars', '1 star', '4 stars', '0.5 stars'];
  const rated: number[] = [];
  let before = await recommendedIds(page);
  for (let k = 0; k < 5; k++) {
    const row = toRate.nth(k);
    rated.push(Number(await row.getAttribute('data-movie-id')));
    await row.getByRole('radio', { name: stars[k], exact: true }).check();
    await page.waitForFunction(
      (prev) => {
        const ids = Array.from(document.querySelectorAll('[data-testid=recommendations] li')).map((li) => li.getAttribute('data-movie-id'));
        return ids.length === 20 && ids.join(',') !== prev;
      },
      before.join(','),
      { timeout: 10_000 },
    );
    const now = await recommendedIds(page);
    expect(now).toHaveLength(20);
    expect(now.filter((id) => rated.includes(id))).toEqual([]);
    expect(now).not.toEqual(before);
    before = now;
  }
  await expect(page.getByRole('heading', { name: 'Recommended for you' }).isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('rated-count').textContent()).resolves.toBe('5');
  expect((await recommendedCounts(page)).every((c) => c >= 25)).toBe(true);
  const predicted = await page.$$eval('[data-testid=recommendations] .predicted', (els) => els.map((e) => parseFloat(e.textContent!.replace('★', ''))));
  expect(predicted.every((p) => p >= 0.5 && p <= 5)).toBe(true);
  expect([...predicted].sort((a, b) => b - a)).toEqual(predicted);
  await screenshot(page, 'first-visit-personal');

  const storedBefore = await storeCounts(page);
  // 9,742 movies in 3 blocks of 4,096 (with their tags in 3 more); 100,836 ratings in one chunk and its timestamps.
  expect(storedBefore).toMatchObject({ datasets: 1, models: 1, profile: 5, movieBlocks: 3, movieTags: 3, ratingChunks: 1, ratingTimes: 1 });

  // Reload: no import, no training; the same ratings and recommendations come back from IndexedDB.
  await page.reload();
  let sawWork = false;
  page.on('console', () => {});
  const work = page.getByTestId('train-status').or(page.getByTestId('import-status'));
  const ready = page.getByTestId('recommendations').locator('li').nth(19);
  await Promise.race([work.waitFor({ timeout: 30_000 }).then(() => (sawWork = true)), ready.waitFor({ timeout: 30_000 })]);
  await ready.waitFor();
  expect(sawWork).toBe(false);
  await expect(page.getByTestId('rated-count').textContent()).resolves.toBe('5');
  expect(await recommendedIds(page)).toEqual(before);
  expect(await storeCounts(page)).toEqual(storedBefore);
  expect(errors).toEqual([]);
  await context.close();
});
