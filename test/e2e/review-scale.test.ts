// An IMDb/Letterboxd review of 100,000 rows: a summary and a virtualized list per section, so the page holds a few
// hundred elements (470,326 for 117,571 rows before), the last row is reached by scrolling its box, and Save works.
// The time is printed as JSON, not asserted (npm run bench -- review holds the 3 s budget).
import { expect, test } from 'vitest';
import { sampleZipPath } from '../sample';
import { screenshot, storeCounts, watchErrors } from './harness';
import { showView, useServedApp } from './app';
import { bigLetterboxd } from './reviewExport';

const app = useServedApp();

for (const [viewport, width, height] of [
  ['phone', 390, 844],
  ['desktop', 1440, 900],
] as const) {
  test.runIf(sampleZipPath)(`a 100,000-row Letterboxd export at ${viewport} width: a bounded page, every row reachable`, async () => {
    const context = await app.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByTestId('to-rate').locator('li').first().waitFor({ timeout: 180_000 });
    await showView(page, 'My ratings');
    const file = bigLetterboxd(100_000);
    const t0 = performance.now();
    await page.getByLabel('Import ratings from IMDb or Letterboxd (their ratings.csv export)').setInputFiles(file);
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 120_000 });
    await page.getByTestId('import-unmatched').locator('li').first().waitFor();
    const seconds = (performance.now() - t0) / 1000;
    expect(await summary.textContent()).toMatch(/^100,000 rows: 100 matched, 0 to choose, 0 already rated\s+differently, 99,900 not matched\. Nothing is saved until you press Save\.$/);
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(JSON.stringify({ review: { viewport, rows: 100_000, seconds: +seconds.toFixed(2), elements } }));
    expect(elements).toBeLessThan(1500);
    // Each section is its own box; the last unmatched row is reachable by scrolling it, and the window stays small.
    const box = page.getByRole('region', { name: 'Rows not matched' });
    await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator('[data-testid=import-unmatched] li[aria-posinset="99900"]').waitFor();
    expect(await page.getByTestId('import-unmatched').locator('li').count()).toBeLessThan(60);
    expect(await page.getByTestId('import-unmatched').locator('li').first().getAttribute('aria-setsize')).toBe('99900');
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
    await screenshot(page, `review-100k-${viewport}`);
    // Save writes the 100 matched rows (Heat, 100 times: one movie) and Undo takes them back.
    const before = await storeCounts(page);
    await page.getByRole('button', { name: /^Save 1 rating$/ }).click();
    await page.getByTestId('my-ratings-notice').filter({ hasText: 'Saved 1 rating from letterboxd-big.csv (Letterboxd).' }).waitFor();
    expect((await storeCounts(page)).profile).toBe(before.profile + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
}
