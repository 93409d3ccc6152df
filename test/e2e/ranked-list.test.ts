// The ranked list in Chromium (issue 12): a planted-taste release picked on the bring-your-own screen, ten of one
// group's films rated through the cards; the list holds that group's films first, every row says why and how many
// stars, "Sort by: Predicted rating" changes the order, "Hidden gems" changes the list.
import { expect, test } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { plantedTasteGroups } from '../../src/engine/synth';
import { writeRelease } from '../../src/engine/movielens/writeRelease';
import { screenshot, storedModels, type Page } from './harness';
import { openWithoutSample, rankerReady, useServedApp, PHONE } from './app';

const app = useServedApp();

// 4 taste groups of 40 films (dense indices g·40 … g·40 + 39; movieId = 3·index + 1), 20 blockbusters everyone finds
// middling, 30 niche films with three 5-star ratings each.
const M = 40;
const data = plantedTasteGroups({ groups: 4, moviesPerGroup: M, commonMovies: 20, nicheMovies: 30, nicheRatings: 3, users: 240, groupRatings: 15, commonRatings: 6, otherRatings: 3, seed: 8 });
const GROUP = 2;
const groupOf = (movieId: number) => data.movieGroup[(movieId - 1) / 3];

const listIds = (page: Page) => page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));
const listSort = (page: Page) => page.getAttribute('[data-testid=recommendations]', 'data-sort');

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, tries = 600): Promise<T> {
  for (let k = 0; k < tries; k++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await read())}`);
}

/** Waits until the list differs from `before` (and has 20 rows), then returns it. */
const listAfter = (page: Page, before: number[]) => until('a new list', () => listIds(page), (ids) => ids.length === 20 && ids.join() !== before.join());

test('ten ratings of one taste group through the cards: that group first, a reason and stars on all 20 rows, the sort and hidden gems change the list', async () => {
  // No bundled sample: the bring-your-own screen (1280 px wide; the phone layout is checked at the end).
  const { context, page, errors } = await openWithoutSample(app);
  const release = writeRelease(data.columns, data.nItems);
  const zip = zipSync(Object.fromEntries(Object.entries(release).map(([f, text]) => [`ml-taste/${f}`, strToU8(text)])));
  await page.locator('input[type=file]').setInputFiles({ name: 'ml-taste.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  await expect(page.getByTestId('recs-kind').textContent()).resolves.toMatch(/popularity fallback/);
  // The ranker trains behind the list (the library is already on screen); it is stored with its EASE part.
  const ranker = await until('the stored ranker', () => storedModels(page), (ms) => ms.some((m) => m.ranker !== null));
  expect(ranker.find((m) => m.ranker)!).toMatchObject({ objective: 'implicit', rank: 32, iterations: 10, ranker: { easeItems: data.nItems } });
  await rankerReady(page);

  // Through the cards: 5 stars for each group-2 film, "Haven't seen" for the others, until ten are rated.
  const cards = page.getByTestId('onboarding-cards').locator('li');
  const rated: number[] = [];
  let shown = 0;
  while (rated.length < 10) {
    const id = await until('a new card', async () => Number(await cards.first().getAttribute('data-movie-id').catch(() => null)), (v) => v > 0 && !rated.includes(v), 300);
    shown++;
    expect(shown).toBeLessThan(120);
    if (groupOf(id) === GROUP) {
      await cards.first().getByRole('radio', { name: '5 stars', exact: true }).click();
      rated.push(id);
    } else await cards.first().getByRole('button', { name: /^Haven’t seen / }).click();
    await until('the card to change', async () => Number(await cards.first().getAttribute('data-movie-id').catch(() => null)), (v) => v !== id, 300);
  }
  await page.getByTestId('rated-count').filter({ hasText: /^10$/ }).waitFor();

  // The ranked list ("Best for you", the default): the group's films first, none of the rated ones.
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  await until('the ranked list of 10 ratings', async () => [await listSort(page), (await listIds(page)).filter((id) => rated.includes(id)).length], ([s, n]) => s === 'best' && n === 0);
  await page.getByTestId('status-line').filter({ hasText: /ranked by iALS rank 32 \+ EASE · stars by ALS rank \d+, \d+ iterations$/ }).waitFor();
  const best = await listIds(page);
  expect(best).toHaveLength(20);
  // The group's films (those with the list's minimum of 25 ratings) fill the top of the list, before any other film.
  const mine = best.map((id) => groupOf(id) === GROUP);
  const firstOther = mine.indexOf(false);
  expect(firstOther === -1 ? 20 : firstOther).toBeGreaterThanOrEqual(10);
  expect(mine.slice(firstOther === -1 ? 20 : firstOther)).not.toContain(true);
  // All 20 rows: a reason and the star model's predicted rating.
  const rows = page.getByTestId('recommendations').locator('li');
  const reasons = await rows.locator('.because').allTextContents();
  expect(reasons).toHaveLength(20);
  for (const r of reasons) expect(r).toMatch(/^Because you rated The Synthetic Movie \d+( and The Synthetic Movie \d+)?$|^Popular with people who share your taste$/);
  const stars = await rows.locator('.predicted').allTextContents();
  expect(stars).toHaveLength(20);
  for (const s of stars) expect(s).toMatch(/^★ [0-5]\.\d predicted stars$/);
  expect(await rows.locator('.stars-for-you small').first().textContent()).toBe('you’d rate it');
  await screenshot(page, 'ranked-list-desktop');

  // Sort by predicted rating: the star model's order (stars never rise down the list), not the ranked one.
  await page.getByTestId('sort-by').getByRole('radio', { name: 'Predicted rating' }).check();
  const byStars = await listAfter(page, best);
  expect(await listSort(page)).toBe('predicted');
  const starValues = (await rows.locator('.predicted').allTextContents()).map((t) => parseFloat(t.replace('★', '')));
  expect([...starValues].sort((a, b) => b - a)).toEqual(starValues);
  expect(byStars).not.toEqual(best);
  expect(await rows.locator('.because').count()).toBe(20);
  // The switches act on "Best for you" only, and say so (folded under "Adjust the list", so a phone shows the first rows at once).
  await page.getByTestId('list-controls').locator('summary').click();
  await expect(page.getByTestId('list-controls').getByRole('checkbox', { name: /Hidden gems/ }).isDisabled()).resolves.toBe(true);

  // Back to Best for you, then Hidden gems: the list changes (less-rated films move up).
  await page.getByTestId('sort-by').getByRole('radio', { name: 'Best for you' }).check();
  await until('the ranked list again', () => listIds(page), (ids) => ids.join() === best.join());
  await page.getByTestId('list-controls').getByRole('checkbox', { name: /Hidden gems/ }).check();
  const gems = await listAfter(page, best);
  expect(gems).toHaveLength(20);
  for (const id of rated) expect(gems).not.toContain(id);
  expect(await rows.locator('.because').count()).toBe(20);
  await screenshot(page, 'ranked-list-gems-desktop');
  await page.setViewportSize(PHONE.viewport);
  await page.locator('#recommendations').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'ranked-list-phone');
  // What a phone shows of the list's top: the sort, the switches and the first rows.
  await page.screenshot({ path: 'test-results/ranked-list-phone-viewport.png' });
  // Opened on another screen (no list shown yet), the status line names the models the list would use: the ranker's.
  await page.goto(`${app.url}#ratings`);
  await page.reload();
  await page.getByTestId('rated-count').filter({ hasText: /^10$/ }).waitFor();
  await page.getByTestId('status-line').filter({ hasText: /ranked by iALS rank 32 \+ EASE · stars by ALS rank \d+, \d+ iterations$/ }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
