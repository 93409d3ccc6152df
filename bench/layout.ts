// Benchmark: where the list sits on a phone (390×844, touch) and how many Tabs reach it, first visit and after 10 ratings; JSON.
import { DESKTOP, PHONE, TAB_FROM_TOP, launch, serveDist, type Page } from '../test/e2e/harness';

const FIRST_REC = '[data-testid=recommendations] li:first-child';

/** Page y (from the top of the document) of the first recommendation row and of the list's heading. */
async function positions(page: Page): Promise<{ firstRecommendationY: number; listHeadingY: number }> {
  // Strings, not functions: tsx names inner arrow functions with a `__name` helper the page lacks.
  return page.evaluate(`(() => {
    const y = (e) => (e ? Math.round(e.getBoundingClientRect().top + scrollY) : -1);
    return { firstRecommendationY: y(document.querySelector('${FIRST_REC}')), listHeadingY: y(document.querySelector('#recs-h')) };
  })()`);
}

/** Tab presses from the top of the page until focus lands inside the first recommendation (a skip link is followed with Enter). */
async function tabsToFirstRecommendation(page: Page, useSkipLink: boolean): Promise<{ tabs: number; enters: number }> {
  // Start where a person arriving at the page starts: nothing focused, the sequential focus start at the top.
  await page.evaluate(TAB_FROM_TOP);
  let enters = 0;
  for (let tabs = 1; tabs <= 300; tabs++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate((sel) => {
      const a = document.activeElement;
      return { inside: Boolean(a && document.querySelector(sel)?.contains(a)), skip: Boolean(a?.matches('.skip-link')) };
    }, FIRST_REC);
    if (useSkipLink && where.skip) {
      await page.keyboard.press('Enter');
      enters++;
      const inside = await page.evaluate((sel) => Boolean(document.querySelector(sel)?.contains(document.activeElement)), FIRST_REC);
      if (inside) return { tabs, enters };
    }
    if (where.inside) return { tabs, enters };
  }
  return { tabs: -1, enters };
}

/** The navigation bar: its height, rows of links, and whether it is still on screen after scrolling to the bottom. */
async function navFacts(page: Page) {
  return page.evaluate<{ navHeight: number; navRows: number; headerAndNavShareOfFirstScreen: number; onScreenAfterScroll: boolean }>(`(() => {
    const nav = document.querySelector('nav[aria-label=Screens]');
    const rows = new Set(Array.from(nav.querySelectorAll('a')).map((a) => Math.round(a.getBoundingClientRect().top))).size;
    const header = document.querySelector('header.top').getBoundingClientRect();
    const first = nav.getBoundingClientRect();
    scrollTo(0, document.body.scrollHeight);
    const after = nav.getBoundingClientRect();
    const onScreenAfterScroll = after.bottom > 0 && after.top < innerHeight;
    scrollTo(0, 0);
    return { navHeight: Math.round(first.height), navRows: rows, headerAndNavShareOfFirstScreen: +((header.height + first.height) / innerHeight).toFixed(2), onScreenAfterScroll };
  })()`);
}

export async function benchLayout(): Promise<Record<string, unknown>> {
  const server = await serveDist();
  const browser = await launch();
  try {
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator(FIRST_REC).waitFor({ timeout: 240_000 });
    await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 60_000 });
    const firstVisit = { ...(await positions(page)), ...(await navFacts(page)), tabs: await tabsToFirstRecommendation(page, false) };
    const withSkip = await tabsToFirstRecommendation(page, true);
    // Ten ratings from the popular list, then the same measures live and after a reload (the next visit).
    for (let k = 0; k < 10; k++) {
      await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: '4 stars', exact: true }).check();
      await page.getByTestId('rated-count').filter({ hasText: new RegExp(`^${k + 1}$`) }).waitFor();
    }
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    const afterTenRatings = await positions(page);
    await page.reload();
    await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    const nextVisit = { ...(await positions(page)), tabs: await tabsToFirstRecommendation(page, false) };
    await context.close();

    const desk = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
    const dp = await desk.newPage();
    await dp.goto(server.url);
    await dp.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 240_000 });
    const desktop = { ...(await positions(dp)), tabs: await tabsToFirstRecommendation(dp, false), withSkipLink: await tabsToFirstRecommendation(dp, true) };
    await desk.close();
    return { bench: 'layout', phone: '390x844 touch', firstVisit, firstVisitWithSkipLink: withSkip, afterTenRatings, afterTenRatingsReloaded: nextVisit, desktop1440: desktop };
  } finally {
    await browser.close();
    server.server.close();
  }
}
