// The phone shell at 390×844 with touch: a bottom navigation bar that stays on screen in one row, the list reachable
// at once (a jump on the first visit, first on a later visit), screens as history entries, 44×44 px touch targets.
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { PHONE, firstVisit, smallTouchTargets, tapView, useServedApp } from './app';

const app = useServedApp();
const FIRST_ROW = '[data-testid=recommendations] li:first-child';

/** Top of an element in page coordinates (as far down the page as a person would have to scroll). */
const pageY = (page: Page, selector: string) => page.$eval(selector, (e) => Math.round(e.getBoundingClientRect().top + scrollY));

async function navBar(page: Page) {
  return page.evaluate(() => {
    const nav = document.querySelector('nav[aria-label=Screens]')!.getBoundingClientRect();
    const links = Array.from(document.querySelectorAll('nav[aria-label=Screens] a')).map((a) => a.getBoundingClientRect());
    return { top: Math.round(nav.top), bottom: Math.round(nav.bottom), height: Math.round(nav.height), rows: new Set(links.map((l) => Math.round(l.top))).size, links: links.length, innerHeight };
  });
}

test('phone: bottom navigation in one row that stays on screen; the list one tap away on the first visit, first once rated', async () => {
  const context = await app.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);

  // The navigation: one row at the very bottom of the viewport, still there after scrolling to the end of the page.
  const bar = await navBar(page);
  expect(bar.rows).toBe(1);
  expect(bar.links).toBe(5);
  expect(bar.bottom).toBe(bar.innerHeight);
  expect(bar.height).toBeLessThanOrEqual(80);
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  expect(await navBar(page)).toEqual(bar);
  // Content stays reachable above the bar: the page's last line (the footer) ends above it when scrolled to the end.
  const footerBottom = await page.$eval('footer', (f) => Math.floor(f.getBoundingClientRect().bottom)); // scroll offsets are whole pixels
  expect(footerBottom).toBeLessThanOrEqual(bar.top);
  await page.evaluate(() => scrollTo(0, 0));
  // The status line is one short line on a phone.
  expect(await page.getByTestId('status-line').evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(30);

  // First visit: the list sits below the onboarding card; "See your recommendations" is on the first screen and a tap
  // puts the first recommendation's title on screen, focused.
  const firstVisitY = await pageY(page, FIRST_ROW);
  const jump = page.getByRole('button', { name: 'See your recommendations' });
  const jumpBox = (await jump.boundingBox())!;
  expect(jumpBox.y + jumpBox.height).toBeLessThan(bar.top);
  await jump.tap();
  await page.waitForFunction((sel) => document.querySelector(sel)?.contains(document.activeElement), FIRST_ROW);
  const seen = await page.$eval(FIRST_ROW, (e) => e.getBoundingClientRect().top);
  expect(seen).toBeGreaterThanOrEqual(0);
  expect(seen).toBeLessThan(bar.top - 40);
  await screenshot(page, 'shell-phone-first-visit-jump');

  // Ten ratings from the popular list (touch), then the next visit: the list comes first, on the first screen.
  await page.getByRole('button', { name: 'Search', exact: true }).tap();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search');
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  for (let k = 0; k < 10; k++) {
    await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: '4 stars', exact: true }).check();
    await page.getByTestId('rated-count').filter({ hasText: new RegExp(`^${k + 1}$`) }).waitFor();
  }
  const liveY = await pageY(page, FIRST_ROW);
  await page.reload();
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor({ timeout: 60_000 });
  await page.locator(FIRST_ROW).waitFor();
  const rated10Y = await pageY(page, FIRST_ROW);
  expect(rated10Y).toBeLessThan(bar.top);
  expect(await page.getByRole('button', { name: 'See your recommendations' }).count()).toBe(0);
  await screenshot(page, 'shell-phone-list-first');
  console.log(JSON.stringify({ phone: '390x844', firstRecommendationY: { firstVisit: firstVisitY, afterTenRatingsSameVisit: liveY, afterTenRatingsNextVisit: rated10Y }, navBar: bar }));
  expect(errors).toEqual([]);
  await context.close();
});

test('phone: screens are history entries (Back, Forward, reload), and every control is at least 44×44 px', async () => {
  const context = await app.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);
  const failures: string[] = [];
  const check = async (screen: string) => failures.push(...(await smallTouchTargets(page)).map((f) => `[${screen}] ${f}`));
  await check('for-you');

  const current = () => page.getByRole('navigation', { name: 'Screens' }).locator('[aria-current=page]').textContent();
  await tapView(page, 'My ratings');
  await page.getByRole('heading', { name: /^Your ratings/ }).waitFor();
  expect(new URL(page.url()).hash).toBe('#ratings');
  await check('my-ratings');
  await tapView(page, 'Model lab');
  await page.getByTestId('lab-model').waitFor();
  expect(new URL(page.url()).hash).toBe('#lab');
  await check('model-lab');
  await tapView(page, 'Data');
  await page.getByTestId('datasets').waitFor();
  await check('data');

  await page.goBack();
  await page.getByTestId('lab-model').waitFor();
  await expect(current()).resolves.toBe('Model lab');
  await page.goBack();
  await page.getByRole('heading', { name: /^Your ratings/ }).waitFor();
  await expect(current()).resolves.toMatch(/^My ratings/);
  await page.goBack();
  await page.getByTestId('recommendations').waitFor();
  expect(new URL(page.url()).hash).toBe('');
  await expect(current()).resolves.toBe('For you');
  await page.goForward();
  await page.getByRole('heading', { name: /^Your ratings/ }).waitFor();
  // A reload stays on the screen.
  await page.reload();
  await page.getByRole('heading', { name: /^Your ratings/ }).waitFor({ timeout: 60_000 });
  await expect(current()).resolves.toMatch(/^My ratings/);

  // The movie sheet's controls too.
  await tapView(page, 'For you');
  await page.locator('[data-testid=recommendations] .title-link').first().tap();
  await page.getByTestId('movie-panel').getByTestId('similar').locator('li').nth(9).waitFor();
  await check('movie-sheet');

  // The bring-your-own screen (a build without the bundled sample).
  const byo = await app.browser.newContext(PHONE);
  await byo.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const bp = await byo.newPage();
  await bp.goto(app.url);
  await bp.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  failures.push(...(await smallTouchTargets(bp)).map((f) => `[bring-your-own] ${f}`));
  await byo.close();
  expect(failures, failures.join('\n')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
