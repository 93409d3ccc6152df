// Long text never breaks the layout and direction controls never reorder the page: with a hostile release loaded (a
// 1,000-character title, a 64-character genre, 200-character tags, RTL overrides), a 100,000-character search and an
// import review of the same titles, no screen scrolls sideways at phone (390×844) or desktop (1440×900) width, and
// every text holding a direction control is isolated (<bdi>). Compared with the page before: 1,765,000 px wide.
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';
import { LONG_ID, LONG_TITLE, RTL_ID, RTL_TITLE, hostileRelease } from './hostileRelease';

const app = useServedApp();

/** How far the page scrolls sideways (0: not at all). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Text nodes on screen that hold an explicit direction control outside a <bdi> (an option's or a tooltip's own text
 * aside, and text only screen readers get, which is not laid out).
 */
const unisolated = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!/[\u202A-\u202E\u2066-\u2069]/.test((n as Text).data)) continue;
      const el = n.parentElement!;
      if (el.closest('bdi, option, title, script, style, .visually-hidden')) continue;
      out.push(`${el.tagName}.${el.className}: ${(n as Text).data.slice(0, 40)}`);
    }
    return out;
  });

async function check(page: Page, where: string, width: number): Promise<void> {
  expect(await sideways(page), `${where} at ${width} px: sideways scroll`).toBe(0);
  expect(await unisolated(page), `${where} at ${width} px: direction controls outside <bdi>`).toEqual([]);
}

for (const [viewport, width, height] of [
  ['phone', 390, 844],
  ['desktop', 1440, 900],
] as const) {
  test(`the hostile release at ${viewport} width (${width}×${height}): no screen scrolls sideways, every direction control isolated`, async () => {
    const context = await app.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block', hasTouch: viewport === 'phone' });
    await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(hostileRelease());
    await page.getByTestId('recommendations').locator('li').nth(9).waitFor({ timeout: 180_000 });
    await check(page, 'recommendations', width);

    // Rate both hostile movies from the search: the long title and the RTL one.
    const search = page.getByRole('combobox', { name: 'Search movies by title' });
    await search.fill('WWWWWWWW');
    const long = page.getByTestId('to-rate').locator(`li[data-movie-id="${LONG_ID}"]`);
    await long.waitFor();
    await check(page, 'search results with the 1,000-character title', width);
    // The row shows the title cut with an ellipsis; the whole title is its tooltip.
    const shown = (await long.locator('.title').textContent())!;
    expect(shown.length).toBeLessThan(LONG_TITLE.length);
    expect(shown.endsWith('…')).toBe(true);
    expect(await long.locator('.title bdi').getAttribute('title')).toBe(LONG_TITLE);
    await long.locator('.option-stars .half').nth(9).click(); // 5 stars
    await search.fill('evil');
    const rtl = page.getByTestId('to-rate').locator(`li[data-movie-id="${RTL_ID}"]`);
    await rtl.waitFor();
    expect(await rtl.locator('.title bdi').textContent()).toBe(RTL_TITLE);
    await check(page, 'search results with the RTL title', width);
    await rtl.locator('.option-stars .half').nth(7).click(); // 4 stars
    await page.getByTestId('rated-count').filter({ hasText: /^2$/ }).waitFor();

    // A 100,000-character query: the field and the line that repeats it stay within the page.
    await search.fill('q'.repeat(100_000));
    await page.getByText(/matches for “q+…”|match for “q+…”/).waitFor();
    await check(page, 'a 100,000-character search', width);
    await search.fill('');

    // The list explains itself with the hostile titles ("Because you rated …").
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('recommendations').locator('.because').first().waitFor();
    await check(page, 'personal recommendations', width);
    await screenshot(page, `long-text-recommendations-${viewport}`);

    // The movie panel: the whole title, the 64-character genre, the 200-character tag.
    await showView(page, 'My ratings');
    const mine = page.getByTestId('my-ratings').locator(`li[data-movie-id="${LONG_ID}"]`);
    await mine.waitFor();
    await check(page, 'My ratings', width);
    await mine.getByRole('button', { name: /^W+/ }).click();
    const panel = page.getByTestId('movie-panel');
    await panel.getByTestId('movie-tags').waitFor();
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(`${LONG_TITLE} (1999)`);
    await check(page, 'the movie panel', width);
    const box = (await panel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await screenshot(page, `long-text-panel-${viewport}`);
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await panel.waitFor({ state: 'detached' });

    // An import review of the same titles (unmatched and matched rows).
    await page.getByLabel('Import ratings from IMDb or Letterboxd (their ratings.csv export)').setInputFiles({
      name: `letterboxd-${'z'.repeat(200)}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(['Date,Name,Year,Letterboxd URI,Rating', `2021-01-01,${LONG_TITLE},1999,https://boxd.it/a,4`, `2021-01-02,"${RTL_TITLE}",2001,https://boxd.it/b,3`, `2021-01-03,"${'V'.repeat(5000)}",2001,https://boxd.it/c,3`, ''].join('\n')),
    });
    await page.getByTestId('import-review').waitFor();
    await check(page, 'the import review', width);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await showView(page, 'Data');
    await page.getByTestId('datasets').getByTestId('dataset').first().waitFor();
    await check(page, 'Data', width);
    // The lab names the dataset, and its taste map lists the movies nearest the person by title.
    await showView(page, 'Model lab');
    await page.getByTestId('map-nearest').locator('li').first().waitFor({ timeout: 60_000 });
    await check(page, 'Model lab', width);
    expect(errors).toEqual([]);
    await context.close();
  });
}
