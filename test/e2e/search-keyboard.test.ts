// Search by keyboard alone: type, arrow through results, rate with 1–5 (Shift for half), Enter opens the movie, Escape clears.
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { useServedApp } from './app';

const app = useServedApp();

const titles = (page: Page) => page.$$eval('[data-testid=to-rate] [role=option] .title', (els) => els.map((e) => e.textContent));

async function resultsFor(page: Page, query: string): Promise<(string | null)[]> {
  const box = page.getByRole('combobox', { name: 'Search movies by title' });
  await box.fill(query);
  await page.getByText(new RegExp(`(match|matches) for “${query.trim()}”`)).waitFor();
  return titles(page);
}

/** The option aria-activedescendant points at, as a screen reader would announce it. */
const activeTitle = (page: Page) =>
  page.evaluate(() => {
    const id = document.getElementById('search')!.getAttribute('aria-activedescendant');
    const el = id ? document.getElementById(id) : null;
    return el && el.getAttribute('aria-selected') === 'true' ? el.querySelector('.title')!.textContent : null;
  });

test('search is accent- and case-insensitive, matches years, and is driven entirely from the keyboard', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });

  // Matching: word starts, years, accents, apostrophes, case; most-rated first.
  expect(await resultsFor(page, 'matrix 1999')).toEqual(['The Matrix']);
  expect((await resultsFor(page, 'MATRIX')).slice(0, 3)).toEqual(['The Matrix', 'The Matrix Reloaded', 'The Matrix Revolutions']);
  expect(await resultsFor(page, 'AMÉLIE poulain')).toEqual(["Amelie (Fabuleux destin d'Amélie Poulain, Le)"]);
  expect(await resultsFor(page, 'miserables')).toContain('Les Misérables');
  expect(await resultsFor(page, 'schindlers')).toEqual(["Schindler's List"]);
  expect(await resultsFor(page, 'star wars v')).toContain('Star Wars: Episode V - The Empire Strikes Back');

  // Keyboard: arrows move the active option, Home/End jump, digits rate the active one.
  const box = page.getByRole('combobox', { name: 'Search movies by title' });
  const found = await resultsFor(page, 'star wars');
  expect(found.length).toBeGreaterThan(5);
  await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
  expect(await activeTitle(page)).toBe(null);
  await box.press('ArrowDown');
  expect(await activeTitle(page)).toBe(found[0]);
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  expect(await activeTitle(page)).toBe(found[2]);
  await box.press('End');
  expect(await activeTitle(page)).toBe(found.at(-1));
  await box.press('Home');
  expect(await activeTitle(page)).toBe(found[0]);
  await box.press('ArrowDown');
  await box.press('4');
  const second = page.getByTestId('to-rate').locator('li').nth(1);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=to-rate] li')[1].getAttribute('data-my-rating') === '4');
  await expect(second.textContent()).resolves.toMatch(/^Star Wars: Episode V - The Empire Strikes Back \(1980\).*, your rating 4 stars/);
  await box.press('Shift+Digit3');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=to-rate] li')[1].getAttribute('data-my-rating') === '2.5');
  expect(await second.locator('.option-stars .half.on').count()).toBe(5);
  await expect(box.inputValue()).resolves.toBe('star wars'); // the digits rated, they were not typed
  await expect(page.getByTestId('rated-count').textContent()).resolves.toBe('1');
  // A pointer rates in place too: a click on a result's star, which does not open the movie.
  await page.getByTestId('to-rate').locator('li').nth(2).getByTitle('4.5 stars', { exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=to-rate] li')[2].getAttribute('data-my-rating') === '4.5');
  expect(await page.getByTestId('movie-panel').count()).toBe(0);
  await expect(page.getByTestId('rated-count').textContent()).resolves.toBe('2');
  await screenshot(page, 'search-keyboard-desktop');

  // Enter opens the active movie; Escape closes the panel, then clears the search.
  await box.press('Enter');
  const panel = page.getByTestId('movie-panel');
  await panel.getByRole('heading', { name: new RegExp(`^${found[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d{4}\\)$`) }).waitFor();
  await expect(panel.getByRole('radio', { name: '2.5 stars', exact: true }).isChecked()).resolves.toBe(true);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await box.focus();
  await box.press('ArrowUp');
  await box.press('ArrowUp');
  expect(await activeTitle(page)).toBe(null);
  await box.press('1'); // nothing active: a digit is text again
  await expect(box.inputValue()).resolves.toBe('star wars1');
  await box.press('Escape');
  await expect(box.inputValue()).resolves.toBe('');
  await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
  await page.getByText('Popular movies: rate the ones you have seen.').waitFor();
  await expect(page.getByTestId('rated-count').textContent()).resolves.toBe('2');
  expect(errors).toEqual([]);
  await context.close();
});
