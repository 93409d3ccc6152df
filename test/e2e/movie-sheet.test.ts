// The movie panel as a history entry: a full-screen sheet on a phone (Close at the top and sticky, swipe down, Back),
// a dialog on desktop (Esc, backdrop, focus kept inside and returned), deep links after a reload, unknown movies.
import { expect, test } from 'vitest';
import { screenshot, watchErrors, type Page } from './harness';
import { DESKTOP, PHONE, firstVisit, swipe, tapView, useServedApp } from './app';

const app = useServedApp();
const hash = (page: Page) => new URL(page.url()).hash;
const historyLength = (page: Page) => page.evaluate(() => history.length);
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null);

test('phone: the sheet fills the screen with Close on top; swipe down, Back and Close each close it; Forward reopens it', async () => {
  const context = await app.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);
  const panel = page.getByTestId('movie-panel');
  const firstTitle = page.locator('[data-testid=recommendations] li:first-child .title-link');
  const id = await page.locator('[data-testid=recommendations] li:first-child').getAttribute('data-movie-id');
  const title = (await firstTitle.textContent())!;

  const open = async () => {
    await firstTitle.tap();
    await panel.getByRole('heading', { level: 2, name: new RegExp(`^${title.replace(/[()]/g, '.')}`) }).waitFor();
    await panel.getByTestId('similar').locator('li').nth(9).waitFor();
    await panel.evaluate((d) => Promise.all(d.getAnimations().map((a) => a.finished))); // the slide-up
  };
  await open();
  expect(hash(page)).toBe(`#movie/${id}`);
  // Full screen, Close in the top bar; scrolled to the bottom of the sheet, Close is still at the top.
  const box = (await panel.boundingBox())!;
  expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  const close = panel.getByRole('button', { name: 'Close', exact: true });
  expect((await close.boundingBox())!.y).toBeLessThan(60);
  await panel.evaluate((d) => d.scrollTo(0, d.scrollHeight));
  expect(await panel.evaluate((d) => d.scrollTop)).toBeGreaterThan(300);
  const closeBox = (await close.boundingBox())!;
  expect(closeBox.y).toBeGreaterThanOrEqual(0);
  expect(closeBox.y).toBeLessThan(60);
  await screenshot(page, 'sheet-phone-scrolled');

  // A short drag springs back; a long one from the top closes the sheet, and the URL loses the movie.
  await panel.evaluate((d) => d.scrollTo(0, 0));
  await swipe(page, 195, 120, 40);
  await page.waitForTimeout(300);
  expect(await panel.isVisible()).toBe(true);
  expect(hash(page)).toBe(`#movie/${id}`);
  await swipe(page, 195, 120, 260);
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('');
  // Focus went back to the title that opened it.
  await expect(focusedLabel(page)).resolves.toBe(title);

  // Back closes it (the app stays), Forward reopens it.
  const before = await historyLength(page);
  await open();
  await page.goBack();
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('');
  await page.getByTestId('recommendations').waitFor();
  await page.goForward();
  await panel.getByTestId('similar').locator('li').nth(9).waitFor();
  expect(hash(page)).toBe(`#movie/${id}`);

  // A similar movie is one more entry: Back returns to the first movie; Close closes the sheet in one step.
  const next = panel.getByTestId('similar').locator('li').first();
  const nextId = await next.getAttribute('data-movie-id');
  await next.locator('.title-link').tap();
  await page.waitForFunction((h) => location.hash === h, `#movie/${nextId}`);
  await page.goBack();
  await page.waitForFunction((h) => location.hash === h, `#movie/${id}`);
  await panel.getByRole('heading', { level: 2, name: new RegExp(`^${title.replace(/[()]/g, '.')}`) }).waitFor();
  await close.tap();
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('');
  expect(await historyLength(page)).toBe(before + 1); // the panel's entry stays as Forward history, nothing else

  // Over My ratings: Back closes the sheet and My ratings stays.
  await tapView(page, 'My ratings');
  await page.getByRole('heading', { name: /^Your ratings/ }).waitFor();
  await page.evaluate(() => (location.hash = '#movie/1'));
  await panel.getByRole('heading', { level: 2, name: 'Toy Story (1995)' }).waitFor();
  await page.goBack();
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('#ratings');
  await page.getByRole('heading', { name: /^Your ratings/ }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('deep links: #movie/2571 opens The Matrix after a reload (once the data is ready); an unknown id says so; Close stays in the app', async () => {
  const context = await app.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);
  const panel = page.getByTestId('movie-panel');

  await page.goto(`${app.url}#movie/2571`);
  await page.reload();
  await panel.getByRole('heading', { level: 2, name: 'The Matrix (1999)' }).waitFor({ timeout: 60_000 });
  expect(await panel.getByTestId('similar').locator('li').count()).toBe(10);
  const entries = await historyLength(page);
  await panel.getByRole('button', { name: 'Close', exact: true }).tap();
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('');
  expect(await historyLength(page)).toBe(entries); // replaced, not a step back out of the app
  await page.getByTestId('recommendations').waitFor();

  for (const [link, says] of [
    ['#movie/99999999', 'This dataset has no movie with MovieLens id 99999999.'],
    ['#movie/matrix', 'This link does not name a movie'],
  ] as const) {
    await page.goto(`${app.url}${link}`);
    await page.reload();
    await panel.getByRole('heading', { level: 2, name: 'Movie not found' }).waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('movie-missing').textContent()).toContain(says);
    await screenshot(page, `sheet-not-found-${link.slice(7)}`);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  }
  // Typed into the address bar over My ratings: the panel opens over My ratings and Close returns there.
  await tapView(page, 'My ratings');
  await page.evaluate(() => (location.hash = '#movie/1'));
  await panel.getByRole('heading', { level: 2, name: 'Toy Story (1995)' }).waitFor();
  await panel.getByRole('button', { name: 'Close', exact: true }).tap();
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('#ratings');
  await page.getByRole('heading', { name: /^Your ratings/ }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('desktop: a dialog; Esc and a click on the backdrop close it; Tab stays inside; focus returns to the opener', async () => {
  const context = await app.browser.newContext(DESKTOP);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await firstVisit(page, app.url);
  const panel = page.getByTestId('movie-panel');
  const opener = page.locator('[data-testid=recommendations] li:nth-child(2) .title-link');
  const title = (await opener.textContent())!;

  await opener.focus();
  await page.keyboard.press('Enter');
  await panel.getByTestId('similar').locator('li').nth(9).waitFor();
  const box = (await panel.boundingBox())!;
  expect(box.width).toBeLessThan(700);
  expect(box.x).toBeGreaterThan(300);
  // Tab 40 times (more than the sheet's controls): focus never leaves it; Shift+Tab neither.
  const inside: boolean[] = [];
  for (let k = 0; k < 40; k++) {
    await page.keyboard.press(k % 5 === 4 ? 'Shift+Tab' : 'Tab');
    inside.push(await page.evaluate(() => Boolean(document.querySelector('dialog[open]')?.contains(document.activeElement))));
  }
  expect(inside.every(Boolean)).toBe(true);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('');
  await expect(focusedLabel(page)).resolves.toBe(title);

  // The backdrop: a click outside the dialog closes it; a click inside does not.
  await opener.click();
  await panel.getByTestId('similar').locator('li').nth(9).waitFor();
  await panel.getByRole('heading', { level: 2 }).click();
  expect(await panel.isVisible()).toBe(true);
  await page.mouse.click(40, 450);
  await panel.waitFor({ state: 'detached' });
  expect(hash(page)).toBe('');
  await expect(focusedLabel(page)).resolves.toBe(title);
  expect(errors).toEqual([]);
  await context.close();
});
