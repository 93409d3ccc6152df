// Explanations in the list and the movie panel: predicted rating, similar movies, tags, plain outbound links, no outside requests.
import { expect, test } from 'vitest';
import { screenshot, watchErrors } from './harness';
import { rankerReady, useServedApp } from './app';

const app = useServedApp();

test('each recommendation says which ratings drove it; the movie panel shows prediction, similar movies and links', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  await rankerReady(page);

  const rated: string[] = [];
  for (const [k, stars] of [[0, '5 stars'], [1, '5 stars'], [2, '0.5 stars']] as const) {
    const row = page.getByTestId('to-rate').locator('li').nth(k);
    rated.push((await row.locator('.title').textContent())!);
    await row.getByRole('radio', { name: stars, exact: true }).check();
  }
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  await page.locator('[data-testid=recommendations][data-sort=best]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=recommendations] .because').length === 20);
  // Every row of the ranked list says why: the ratings that carried it, or that people of the same taste like it.
  const because = await page.$$eval('[data-testid=recommendations] .because', (els) => els.map((e) => e.textContent!));
  expect(because).toHaveLength(20);
  expect(because.filter((line) => line.startsWith('Because you rated ')).length).toBeGreaterThan(10);
  for (const line of because) {
    if (line === 'Popular with people who share your taste') continue;
    expect(line).toMatch(/^Because you rated /);
    expect(rated.some((t) => line.includes(t))).toBe(true);
  }

  // Open the top recommendation.
  const top = page.getByTestId('recommendations').locator('li').first();
  const topId = await top.getAttribute('data-movie-id');
  const listed = (await top.locator('.predicted').textContent())!.replace(/[^0-9.]/g, '');
  await top.locator('.title-link').click();
  const panel = page.getByTestId('movie-panel');
  await panel.getByTestId('similar').locator('li').nth(9).waitFor();
  expect((await panel.getByTestId('movie-predicted').textContent())!.replace(/[^0-9.]/g, '')).toBe(listed);
  const similar = await panel.getByTestId('similar').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-movie-id')));
  expect(similar).toHaveLength(10);
  expect(similar).not.toContain(topId);
  for (const link of await panel.getByRole('link').all()) {
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.(imdb\.com\/title\/tt\d+|themoviedb\.org\/movie\/\d+)/);
  }
  await screenshot(page, 'movie-panel');

  // Follow a similar movie, then close.
  const next = panel.getByTestId('similar').locator('li').first();
  const nextTitle = (await next.locator('.title').textContent())!;
  await next.locator('.title-link').click();
  await panel.getByRole('heading', { name: nextTitle }).waitFor();
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await panel.waitFor({ state: 'detached' });

  // Tags from the sample's tags.csv: Fight Club's ten most used, most frequent first; Heat has none, so no Tags section.
  await page.getByRole('combobox', { name: 'Search movies by title' }).fill('fight club 1999');
  await page.getByRole('option', { name: /^Fight Club \(1999\)/ }).click();
  const tags = panel.getByTestId('movie-tags').locator('li');
  await tags.nth(9).waitFor();
  expect(await tags.count()).toBe(10);
  expect(await tags.first().textContent()).toBe('dark comedy ×3');
  expect(await panel.getByRole('heading', { name: 'Tags' }).isVisible()).toBe(true);
  await screenshot(page, 'movie-panel-tags');
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await panel.waitFor({ state: 'detached' });
  await page.getByRole('combobox', { name: 'Search movies by title' }).fill('heat 1995');
  await page.getByRole('option', { name: /^Heat \(1995\)/ }).click();
  await panel.getByRole('heading', { name: /^Heat/ }).waitFor();
  await panel.getByText('MovieLens average').waitFor();
  expect(await panel.getByTestId('movie-tags').count()).toBe(0);
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await panel.waitFor({ state: 'detached' });

  const origin = new URL(app.url).origin;
  expect(requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
