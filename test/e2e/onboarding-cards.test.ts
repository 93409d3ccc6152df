// Onboarding: one card at a time, rated with keys 1–5 / Shift for half stars / S to skip, or by click; never a movie twice.
import { expect, test } from 'vitest';
import { screenshot, storedRatings, watchErrors, type Page } from './harness';
import { useServedApp } from './app';

const app = useServedApp();

/** The person's stored ratings, read straight from IndexedDB (not through the app). */
async function stored(page: Page): Promise<Record<number, number>> {
  return Object.fromEntries((await storedRatings(page)).map((r) => [r.movieId, r.rating]));
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let k = 0; k < 100; k++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await read())}`);
}

const cardIds = (page: Page) =>
  page.$$eval('[data-testid=onboarding-cards] li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));

/** Waits for the single card to show a movie other than `prev` and returns its id. */
async function nextCard(page: Page, prev: number): Promise<number> {
  const [id] = await until('the next card', () => cardIds(page), (ids) => ids.length === 1 && ids[0] !== prev);
  return id;
}

test('rate with keys and clicks, skip, switch to a grid, dismiss and reopen: no movie ever comes back', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  const onboarding = page.getByTestId('onboarding');
  await onboarding.getByTestId('onboarding-cards').locator('li').first().waitFor();
  await expect(onboarding.getByTestId('onboarding-keys').textContent()).resolves.toMatch(/1–5 rate, Shift\+1–5 half a star less \(Shift\+4 = 3\.5\), S haven’t seen/);

  // The first card: the most-rated movie, with its MovieLens count and average.
  const card = onboarding.getByTestId('onboarding-cards').locator('li');
  await expect(card.locator('h3').textContent()).resolves.toBe('Forrest Gump (1994)');
  await expect(card.locator('.onb-facts').textContent()).resolves.toMatch(/Comedy, Drama, Romance, War★ 4\.2 average from 329 MovieLens ratings/);
  await screenshot(page, 'onboarding-card-desktop');

  const seen: number[] = [];
  const rated: Record<number, number> = {};
  let id = (await cardIds(page))[0];
  const answer = async (how: 'key' | 'click', input: string, stars: number | null) => {
    seen.push(id);
    if (stars !== null) rated[id] = stars;
    if (how === 'key') await page.keyboard.press(input);
    else await card.getByRole(input === 'skip' ? 'button' : 'radio', { name: input === 'skip' ? /^Haven’t seen / : input, exact: input !== 'skip' }).click();
    id = await nextCard(page, id);
    expect(seen).not.toContain(id);
  };
  await answer('key', '4', 4);
  await answer('key', 'Shift+Digit4', 3.5);
  await answer('key', 's', null);
  await answer('key', 'Shift+Digit1', 0.5);
  await answer('click', '5 stars', 5);
  await answer('click', 'skip', null);
  await answer('key', 'Numpad2', 2);
  await until('the stored ratings', () => stored(page), (s) => Object.keys(s).length === 5);
  expect(await stored(page)).toEqual(rated);
  await expect(page.getByTestId('rated-count').textContent()).resolves.toBe('5');
  await expect(onboarding.locator('.onb-progress label').textContent()).resolves.toMatch(/^5 of 10 rated/);
  // Personal recommendations sit beside the cards, never listing a rated movie.
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  const recIds = await page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));
  expect(recIds.filter((r) => r in rated)).toEqual([]);
  await screenshot(page, 'onboarding-with-recs-desktop');

  // Keys typed into the search box are text, not ratings.
  await page.getByLabel('Search movies by title').fill('');
  await page.getByLabel('Search movies by title').press('3');
  await page.waitForTimeout(300);
  expect(Object.keys(await stored(page))).toHaveLength(5);
  await page.getByLabel('Search movies by title').press('Escape');

  // The grid: several cards at once, none already answered; rating one removes it.
  await onboarding.getByRole('button', { name: 'Show as grid' }).click();
  await expect(onboarding.getByRole('button', { name: 'Show as grid' }).getAttribute('aria-pressed')).resolves.toBe('true');
  const grid = await until('the grid', () => cardIds(page), (ids) => ids.length === 8);
  expect(grid.filter((g) => seen.includes(g))).toEqual([]);
  expect(grid[0]).toBe(id);
  await screenshot(page, 'onboarding-grid-desktop');
  const third = card.nth(2);
  const thirdId = Number(await third.getAttribute('data-movie-id'));
  await third.getByRole('radio', { name: '4.5 stars', exact: true }).click();
  rated[thirdId] = 4.5;
  seen.push(thirdId);
  await until('the grid without the rated card', () => cardIds(page), (ids) => ids.length === 8 && !ids.includes(thirdId));

  // Dismissed, it stays closed after a reload; reopened, it offers only movies not answered before.
  await onboarding.getByRole('button', { name: 'I’m done' }).click();
  await onboarding.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor();
  await page.getByTestId('onboarding-reopen').waitFor();
  expect(await onboarding.count()).toBe(0);
  await page.getByTestId('onboarding-reopen').click();
  const after = await until('the reopened grid', () => cardIds(page), (ids) => ids.length === 8);
  expect(after.filter((g) => seen.includes(g))).toEqual([]);
  await onboarding.getByRole('button', { name: 'Show as grid' }).click();
  id = (await until('one card again', () => cardIds(page), (ids) => ids.length === 1))[0];
  for (const key of ['5', '4', '3', '2']) await answer('key', key, Number(key));
  await until('ten stored ratings', () => stored(page), (s) => Object.keys(s).length === 10);
  expect(await stored(page)).toEqual(rated);
  await expect(onboarding.locator('.onb-progress label').textContent()).resolves.toMatch(/^10 rated: your recommendations are personal now/);

  // With ten ratings it no longer opens by itself.
  await page.reload();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor();
  await page.getByTestId('onboarding-reopen').waitFor();
  expect(await onboarding.count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
