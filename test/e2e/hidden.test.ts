// "Not interested" both ways (issue 13): hiding says so with Undo, hidden movies are listed on My ratings with Unhide, and
// the movie panel says a movie is hidden and offers Unhide; at phone size (touch) and desktop size.
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';
import { SIZES } from './viewports';

const app = useServedApp();

const recIds = (page: Page) => page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));
const hiddenIds = (page: Page) => page.$$eval('[data-testid=hidden-movies] li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let k = 0; k < 100; k++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await read())}`);
}

test.each(SIZES)('%s: hide with Undo, the Hidden list with Unhide, the panel says a movie is hidden', async (size, options) => {
  const context = await app.browser.newContext(options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const press = (l: ReturnType<Page['locator']>) => (size === 'phone' ? l.tap() : l.click());
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  const ok = page.getByRole('button', { name: 'OK', exact: true });
  if (await ok.isVisible()) await press(ok);
  const notice = page.getByTestId('notice');

  // Hide the top recommendation: it leaves the list and the notice says so, with Undo.
  const rows = page.getByTestId('recommendations').locator('li');
  const [first, second] = await recIds(page);
  const firstTitle = (await rows.first().locator('.title').textContent())!;
  await press(rows.first().getByRole('button', { name: /^Not interested in / }));
  await until('the list without it', () => recIds(page), (ids) => ids[0] !== first && !ids.includes(first));
  await expect(notice.textContent()).resolves.toContain(`Hid ${firstTitle}`);
  await screenshot(page, `hidden-notice-${size}`);
  // Undo puts it back where it was.
  await press(notice.getByRole('button', { name: 'Undo' }));
  await until('the list with it again', () => recIds(page), (ids) => ids[0] === first);

  // Hide two; both are listed on My ratings (newest first), Unhide brings one back to the recommendations.
  await press(rows.first().getByRole('button', { name: /^Not interested in / }));
  await until('first hidden', () => recIds(page), (ids) => !ids.includes(first));
  await press(page.locator(`[data-testid=recommendations] li[data-movie-id="${second}"]`).getByRole('button', { name: /^Not interested in / }));
  await until('second hidden', () => recIds(page), (ids) => !ids.includes(second));
  await showView(page, 'My ratings');
  await page.getByRole('heading', { name: 'Hidden (2)' }).waitFor();
  expect(await hiddenIds(page)).toEqual([second, first]);
  await screenshot(page, `hidden-list-${size}`);
  await press(page.getByTestId('hidden-movies').getByRole('button', { name: `Unhide ${firstTitle}`, exact: false }));
  await page.getByRole('heading', { name: 'Hidden (1)' }).waitFor();
  expect(await hiddenIds(page)).toEqual([second]);
  await showView(page, 'For you');
  await until('the unhidden one recommended again', () => recIds(page), (ids) => ids[0] === first && !ids.includes(second));

  // The panel of a hidden movie (opened from the Hidden list) says so and offers Unhide; after it, "Not interested" again.
  await showView(page, 'My ratings');
  await press(page.getByTestId('hidden-movies').locator('.title-link').first());
  const panel = page.getByTestId('movie-panel');
  const marks = panel.getByTestId('movie-marks');
  await marks.getByText('Hidden: you marked it “Not interested”').waitFor();
  await screenshot(page, `hidden-panel-${size}`);
  await press(marks.getByRole('button', { name: /^Unhide / }));
  await marks.getByRole('button', { name: /^Not interested in / }).waitFor();
  await page.getByRole('heading', { name: 'Hidden (0)' }).waitFor({ state: 'attached' });
  // Hidden from the panel: the panel says so at once, and its notice (inside the modal panel) offers Undo.
  await press(marks.getByRole('button', { name: /^Not interested in / }));
  await marks.getByText('Hidden: you marked it “Not interested”').waitFor();
  await press(panel.getByTestId('notice').getByRole('button', { name: 'Undo' }));
  await marks.getByRole('button', { name: /^Not interested in / }).waitFor();
  await press(panel.getByRole('button', { name: 'Close' }));
  await panel.waitFor({ state: 'detached' });
  expect(await hiddenIds(page)).toEqual([]);

  // After a reload the marks are as left: nothing hidden, both back in the list.
  await page.reload();
  await page.getByRole('heading', { name: 'Hidden (0)' }).waitFor({ timeout: 60_000 });
  await showView(page, 'For you');
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor();
  const ids = await recIds(page);
  expect(ids.slice(0, 2)).toEqual([first, second]);
  expect(errors).toEqual([]);
  await context.close();
});
