// The star control (issue 13): half stars split at the glyph's middle with the number beside them, 44 px stars on a
// phone where a second tap takes half a star off, arrow keys that only preview (Enter saves), the 1–5 shortcuts kept.
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';
import { starInk } from './pixels';
import { DESKTOP, PHONE } from './viewports';

const app = useServedApp();

const toRate = (page: Page) => page.getByTestId('to-rate').locator('li');
const ratedCount = async (page: Page) => Number(await page.getByTestId('rated-count').textContent());
const checked = (page: Page, row: number) => toRate(page).nth(row).locator('input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

async function open(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 180_000 });
  const ok = page.getByRole('button', { name: 'OK', exact: true });
  if (await ok.isVisible()) await ok.click();
}

/** The box of one whole star: the union of its two half-star radios' labels. */
async function starBox(page: Page, row: number, star: number) {
  const half = (v: number) => toRate(page).nth(row).getByRole('radio', { name: v === 1 ? '1 star' : `${v} stars`, exact: true }).locator('xpath=..').boundingBox();
  const [a, b] = [(await half(star - 0.5))!, (await half(star))!];
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

test('desktop: 2.5 lights exactly half of the third star and says “2.5”; arrows preview, Enter saves, 1–5 still rate', async () => {
  // At device scale 2 (a laptop's screen): each CSS pixel is four, so antialiasing weighs less in the ink measured. No
  // service worker: its "ready to work offline" toast, coming whenever it installs, covered the stars being measured.
  const context = await app.browser.newContext({ ...DESKTOP, deviceScaleFactor: 2, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = watchErrors(page);
  await open(page);

  // Half stars: the third star at 2.5 is lit left of its ink's middle and unlit right of it, half and half.
  await toRate(page).nth(0).getByRole('radio', { name: '2.5 stars', exact: true }).check();
  await expect(toRate(page).nth(0).getByTestId('stars-value').textContent()).resolves.toBe('2.5');
  await page.mouse.move(0, 0); // no hover tint
  // The row rated is also the onboarding's card above: its next card (another height) moves this row down when it
  // comes; the pixels are read once it has come and the row stands still.
  const ratedId = await toRate(page).nth(0).getAttribute('data-movie-id');
  await page.waitForFunction((id) => {
    const card = document.querySelector('[data-testid=onboarding-cards] li[data-movie-id]');
    return card !== null && card.getAttribute('data-movie-id') !== id;
  }, ratedId);
  let box = await starBox(page, 0, 3);
  for (let k = 0; k < 50; k++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const again = await starBox(page, 0, 3);
    if (JSON.stringify(again) === JSON.stringify(box)) break;
    box = again;
  }
  const stars = toRate(page).nth(0).locator('.stars');
  const ink = await starInk(page, stars, box);
  console.log(JSON.stringify({ halfStarInk: ink }));
  expect(ink.lit + ink.unlit).toBeGreaterThan(100);
  expect(ink.lit / (ink.lit + ink.unlit)).toBeGreaterThan(0.47);
  expect(ink.lit / (ink.lit + ink.unlit)).toBeLessThan(0.53);
  expect(ink.litMaxX).toBeLessThanOrEqual(Math.ceil(ink.centre) + 1);
  expect(ink.unlitMinX).toBeGreaterThanOrEqual(Math.floor(ink.centre) - 1);
  // The whole stars either side: the second all lit, the fourth all unlit.
  const second = await starInk(page, stars, await starBox(page, 0, 2));
  const fourth = await starInk(page, stars, await starBox(page, 0, 4));
  expect(second.unlit / second.lit).toBeLessThan(0.02);
  expect(fourth.lit / fourth.unlit).toBeLessThan(0.02);
  await screenshot(page, 'stars-half-desktop');

  // Keyboard on an unrated row: Tab from its last control before the stars ("Want to watch") lands on its group,
  // ArrowDown shows a preview and saves nothing.
  await toRate(page).nth(1).getByRole('button', { name: /^Want to watch / }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await toRate(page).nth(1).getByText('Enter saves').waitFor();
  expect(await checked(page, 1)).toEqual([]);
  expect(await ratedCount(page)).toBe(1);
  // Arrows move the preview (0.5 → 2); the number beside follows it; still nothing saved.
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  await expect(toRate(page).nth(1).getByTestId('stars-value').textContent()).resolves.toBe('2');
  expect(await checked(page, 1)).toEqual([]);
  // Escape drops the preview (focus stays on the 2); arrows again from there, then Enter saves what is shown.
  await page.keyboard.press('Escape');
  await toRate(page).nth(1).getByText('Enter saves').waitFor({ state: 'detached' });
  await expect(toRate(page).nth(1).getByTestId('stars-value').textContent()).resolves.toBe('');
  expect(await checked(page, 1)).toEqual([]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(toRate(page).nth(1).getByTestId('stars-value').textContent()).resolves.toBe('3');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=to-rate] li')[1]?.querySelector('input:checked')?.getAttribute('value') === '3');
  expect(await ratedCount(page)).toBe(2);
  // Space saves the focused star too; an arrow after that only previews again, and leaving drops the preview.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=to-rate] li')[1]?.querySelector('input:checked')?.getAttribute('value') === '3.5');
  await page.keyboard.press('ArrowLeft');
  await expect(toRate(page).nth(1).getByTestId('stars-value').textContent()).resolves.toBe('3');
  await page.keyboard.press('Tab');
  await toRate(page).nth(1).getByText('Enter saves').waitFor({ state: 'detached' });
  expect(await checked(page, 1)).toEqual(['3.5']);
  await expect(toRate(page).nth(1).getByTestId('stars-value').textContent()).resolves.toBe('3.5');

  // After a reload exactly the two ratings saved are stored: no arrow press was.
  await page.reload();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=rated-count]')?.textContent === '2');
  await showView(page, 'My ratings');
  await page.getByTestId('my-ratings').locator('li').nth(1).waitFor();
  const stored = await page.$$eval('[data-testid=my-ratings] li input:checked', (els) => els.map((e) => (e as HTMLInputElement).value).sort());
  expect(stored).toEqual(['2.5', '3.5']);
  await showView(page, 'For you');

  // The onboarding card's shortcuts still rate (4, Shift+3 = 2.5).
  const card = page.getByTestId('onboarding-cards').locator('li').first();
  const first = await card.getAttribute('data-movie-id');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('4');
  await page.waitForFunction((id) => document.querySelector('[data-testid=onboarding-cards] li')?.getAttribute('data-movie-id') !== id, first);
  expect(await ratedCount(page)).toBe(3);
  expect(errors).toEqual([]);
  await context.close();
});

test('phone: each star is a 44 × 44 px target; a tap rates the whole star, a second tap on it takes half off', async () => {
  const context = await app.browser.newContext({ ...PHONE, serviceWorkers: 'block' }); // no offline toast over the stars tapped
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = watchErrors(page);
  await open(page);
  const row = toRate(page).nth(0);
  await row.scrollIntoViewIfNeeded();
  for (const star of [1, 2, 3, 4, 5]) {
    const b = await starBox(page, 0, star);
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(b.height).toBeGreaterThanOrEqual(44);
  }
  const clear = row.getByRole('button', { name: /^Remove rating for/ });

  // A tap on the left half of star 4 is star 4; the same star again is 3.5; again, 4.
  await row.getByRole('radio', { name: '3.5 stars', exact: true }).tap();
  await expect(row.getByTestId('stars-value').textContent()).resolves.toBe('4');
  expect(await checked(page, 0)).toEqual(['4']);
  await row.getByRole('radio', { name: '4 stars', exact: true }).tap();
  await page.waitForFunction(() => document.querySelector('[data-testid=to-rate] li input:checked')?.getAttribute('value') === '3.5');
  await expect(row.getByTestId('stars-value').textContent()).resolves.toBe('3.5');
  await row.getByRole('radio', { name: '3.5 stars', exact: true }).tap();
  await page.waitForFunction(() => document.querySelector('[data-testid=to-rate] li input:checked')?.getAttribute('value') === '4');
  // Another star: its whole value; the clear button is a 44 px target too.
  await row.getByRole('radio', { name: '2 stars', exact: true }).tap();
  await page.waitForFunction(() => document.querySelector('[data-testid=to-rate] li input:checked')?.getAttribute('value') === '2');
  const c = (await clear.boundingBox())!;
  expect([c.width >= 44, c.height >= 44]).toEqual([true, true]);
  await screenshot(page, 'stars-phone');
  await clear.tap();
  await page.waitForFunction(() => document.querySelector('[data-testid=to-rate] li input:checked') === null);
  expect(await ratedCount(page)).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
