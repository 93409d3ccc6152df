// The shell's keyboard and look: the skip link reaches the first recommendation in one Tab and Enter (from any
// screen); the theme choice (system / light / dark) is remembered and on <html> before the app's code runs; file
// pickers are styled buttons; native controls take the accent colour.
import { expect, test } from 'vitest';
import { TAB_FROM_TOP, screenshot, watchErrors, type Page } from './harness';
import { DESKTOP, PHONE, firstVisit, showView, useServedApp } from './app';

const app = useServedApp();
const FIRST_ROW = '[data-testid=recommendations] li:first-child';

/** Tab presses from a fresh start of the page until focus is in the first recommendation (Enter on the skip link when `skip`). */
async function tabsToList(page: Page, skip: boolean): Promise<number> {
  await page.evaluate(TAB_FROM_TOP);
  for (let tabs = 1; tabs <= 200; tabs++) {
    await page.keyboard.press('Tab');
    if (skip && (await page.evaluate(() => document.activeElement?.matches('.skip-link')))) await page.keyboard.press('Enter');
    if (await page.waitForFunction((sel) => document.querySelector(sel)?.contains(document.activeElement), FIRST_ROW, { timeout: skip ? 5_000 : 50 }).then(() => true, () => false)) return tabs;
  }
  return -1;
}

test('the skip link is the first focusable element: one Tab + Enter reaches the first recommendation (other screens: their main content)', async () => {
  const context = await app.browser.newContext(DESKTOP);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);
  await page.evaluate(TAB_FROM_TOP);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to recommendations' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to recommendations');
  // Visible while focused (above the header), hidden otherwise.
  const shown = (await skip.boundingBox())!;
  expect(shown.y).toBeGreaterThanOrEqual(0);
  expect(shown.height).toBeGreaterThanOrEqual(44);
  await screenshot(page, 'skip-link-focused');

  const withSkip = await tabsToList(page, true);
  const without = await tabsToList(page, false);
  expect(withSkip).toBe(1);
  expect(without).toBeGreaterThan(20);

  // On another screen it skips to the main content: the next Tab is that screen's first control, past the navigation.
  await showView(page, 'Data');
  await page.getByTestId('datasets').waitFor();
  await page.evaluate(TAB_FROM_TOP);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid=datasets]')))).toBe(true);
  await showView(page, 'For you');
  await page.getByTestId('recommendations').locator('li').first().waitFor();

  // On a phone too.
  const phone = await app.browser.newContext(PHONE);
  const pp = await phone.newPage();
  await firstVisit(pp, app.url);
  const phoneWithSkip = await tabsToList(pp, true);
  const phoneWithout = await tabsToList(pp, false);
  expect(phoneWithSkip).toBe(1);
  console.log(JSON.stringify({ tabsToFirstRecommendation: { desktop1440: { withSkipLink: `${withSkip} Tab + Enter`, without }, phone390: { withSkipLink: `${phoneWithSkip} Tab + Enter`, without: phoneWithout } } }));
  await phone.close();
  expect(errors).toEqual([]);
  await context.close();
});

test('theme: system by default, light or dark by choice, remembered, and on <html> before the app script runs', async () => {
  // No service worker: the app's script is held back below with page.route, which a service worker's answer bypasses
  // (once it controls the page, the script came from its cache and the app ran at once).
  const context = await app.browser.newContext({ ...DESKTOP, colorScheme: 'light', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);
  const scheme = () => page.evaluate(() => document.documentElement.dataset.scheme);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const theme = page.getByRole('combobox', { name: 'Theme' });

  expect(await theme.inputValue()).toBe('system');
  expect(await scheme()).toBe('light');
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.scheme === 'dark');
  const dark = await background();
  expect(dark).not.toBe(light);

  // A choice overrides the system's scheme, both ways, and holds after a reload.
  await theme.selectOption('light');
  expect(await scheme()).toBe('light');
  expect(await background()).toBe(light);
  await page.emulateMedia({ colorScheme: 'light' });
  await theme.selectOption('dark');
  expect(await scheme()).toBe('dark');
  expect(await background()).toBe(dark);
  await page.reload();
  await page.getByTestId('recommendations').locator('li').first().waitFor();
  expect(await theme.inputValue()).toBe('dark');
  expect(await scheme()).toBe('dark');

  // Before first paint: with the app's own script held back, the page is already dark (the head script set it).
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: 'commit' });
  await page.getByText('Opening your library…').waitFor();
  expect(await scheme()).toBe('dark');
  expect(await background()).toBe(dark);
  expect(await page.evaluate(() => document.querySelector('#root header + main') !== null && !document.querySelector('nav'))).toBe(true); // the app has not run
  release();
  await page.getByTestId('recommendations').locator('li').first().waitFor();
  await page.unroute(/\/assets\/index-[^/]*\.js$/);

  // Back to the system's: the stored choice is gone.
  await theme.selectOption('system');
  expect(await page.evaluate(() => localStorage.getItem('pocketlens.theme'))).toBe(null);
  expect(await scheme()).toBe('light');
  expect(errors).toEqual([]);
  await context.close();
});

test('file pickers are styled buttons on every screen; radios, checkboxes, ranges and progress bars take the accent colour', async () => {
  const context = await app.browser.newContext(DESKTOP);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);
  const accent = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--accent)';
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  const nativeLooks = () =>
    page.$$eval('input[type=file]', (inputs) =>
      inputs.map((i) => {
        const r = i.getBoundingClientRect();
        const label = i.closest('label');
        return { name: i.getAttribute('aria-label'), hidden: r.width <= 1 && r.height <= 1, button: label?.classList.contains('button') ?? false, text: label?.textContent?.trim() };
      }),
    );
  const accents = () =>
    page.$$eval('input[type=radio], input[type=checkbox], input[type=range], progress', (els, a) => els.filter((e) => !e.closest('.stars')).map((e) => [e.outerHTML.slice(0, 60), getComputedStyle(e).accentColor === a]), accent);

  const pickers: { name: string | null; hidden: boolean; button: boolean; text?: string }[] = [];
  const colours: (string | boolean)[][] = [];
  colours.push(...(await accents()));
  // Each screen once it is there (the Model lab loads its code when first opened): a part it always shows.
  const shown = { 'My ratings': 'input[aria-label="Restore backup"]', 'Model lab': '[data-testid=lab-train]', Data: 'input[aria-label="Spark item factors folder"]' };
  for (const screen of ['My ratings', 'Model lab', 'Data'] as const) {
    await showView(page, screen);
    await page.locator(shown[screen]).first().waitFor({ state: 'attached' });
    pickers.push(...(await nativeLooks()));
    colours.push(...(await accents()));
  }
  expect(pickers.map((p) => p.name)).toEqual(['Restore backup', 'Import ratings from IMDb or Letterboxd (their ratings.csv export)', 'Import another MovieLens release', 'Spark item factors and movies.csv files', 'Spark item factors folder']);
  for (const p of pickers) expect(p, JSON.stringify(p)).toMatchObject({ hidden: true, button: true });
  expect(colours.length).toBeGreaterThan(3);
  expect(colours.filter(([, ok]) => !ok)).toEqual([]);
  await screenshot(page, 'file-pickers-data');

  // The bring-your-own screen too.
  const byo = await app.browser.newContext(DESKTOP);
  await byo.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const bp = await byo.newPage();
  await bp.goto(app.url);
  await bp.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  const byoPickers = await bp.$$eval('input[type=file]', (inputs) => inputs.map((i) => ({ hidden: i.getBoundingClientRect().width <= 1, button: i.closest('label')?.classList.contains('button') })));
  expect(byoPickers).toEqual([{ hidden: true, button: true }]);
  await byo.close();
  expect(errors).toEqual([]);
  await context.close();
});
