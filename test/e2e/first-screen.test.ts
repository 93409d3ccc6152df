// The first screen a new person gets, at a phone (touch) and a desktop: nothing jumps while the sample imports, the two
// models train and the ranked list arrives; the popular movies to rate come a dozen at a time.
import { expect, test } from 'vitest';
import { watchErrors } from './harness';
import { DESKTOP, PHONE, rankerReady, useServedApp } from './app';

const app = useServedApp();

/** Collects the page's layout shifts that no input caused (what Lighthouse's cumulative layout shift adds up), each
 * with what moved from where to where (a failure says what jumped). */
const RECORD_SHIFTS = `(() => {
  window.__shifts = [];
  const rect = (r) => Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height);
  const node = (n) => (n?.nodeName ?? '?') + (n?.id ? '#' + n.id : '') + (typeof n?.className === 'string' && n.className ? '.' + n.className : '');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (!e.hadRecentInput)
        window.__shifts.push({ at: Math.round(e.startTime), value: e.value, nodes: e.sources.map((s) => node(s.node) + ' ' + rect(s.previousRect) + ' → ' + rect(s.currentRect) + ' “' + (s.node?.textContent ?? '').slice(0, 40) + '”') });
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

for (const device of ['phone', 'desktop'] as const) {
  test(`${device}: the first visit does not jump, and the popular movies to rate come a dozen at a time`, async () => {
    const context = await app.browser.newContext(device === 'phone' ? PHONE : DESKTOP);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(RECORD_SHIFTS);
    await page.goto(app.url);
    await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 240_000 });
    await rankerReady(page);
    await page.waitForTimeout(500);
    // Before, the onboarding panel opened above parts already shown: 0.36 of the phone's screen moved, 0.10 of a desktop's.
    // Then 0.014 and 0.023 were left, up to 0.063 on a busy machine (the genre filter widening when the genres came, in
    // the frame where the first card, taller than its place holder, pushed "Rate movies you know" down): now 0 on both.
    const shifts = (await page.evaluate('window.__shifts')) as { value: number; nodes: string[] }[];
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(total, JSON.stringify(shifts, null, 1)).toBeLessThan(0.01);

    const toRate = page.getByTestId('to-rate').locator('li');
    await toRate.nth(11).waitFor();
    expect(await toRate.count()).toBe(12);
    const more = page.getByTestId('more-to-rate');
    expect(await more.textContent()).toBe('Show 12 more');
    await (device === 'phone' ? more.tap() : more.click());
    await toRate.nth(23).waitFor();
    expect(await toRate.count()).toBe(24);
    expect(await page.locator('#rate [aria-live=polite]').last().textContent()).toBe('Showing 24 popular movies.');
    // A movie from the new dozen rates like the others, and the list answers.
    const before = await page.getByTestId('recommendations').textContent();
    const star = toRate.nth(15).getByRole('radio', { name: '4 stars', exact: true });
    await (device === 'phone' ? star.tap() : star.check());
    await page.getByTestId('rated-count').filter({ hasText: /^1$/ }).waitFor();
    await page.waitForFunction((b) => document.querySelector('[data-testid=recommendations]')!.textContent !== b, before);
    expect(await page.getByTestId('recs-kind').textContent()).toMatch(/^Best for you/);

    // The app's shortcuts (manifest): #search focuses the search box, #recommendations brings the list into view.
    await page.goto(`${app.url}#search`);
    await page.reload(); // a new hash on the same page is no new load: the shortcut opens the app afresh
    await page.waitForFunction(() => document.activeElement?.id === 'search');
    await page.goto(`${app.url}#recommendations`);
    await page.reload();
    await page.getByTestId('recommendations').locator('li').first().waitFor();
    await page.waitForFunction(() => {
      const top = document.getElementById('recommendations')!.getBoundingClientRect().top;
      return top >= -1 && top < innerHeight / 2;
    });
    expect(errors).toEqual([]);
    await context.close();
  });
}
