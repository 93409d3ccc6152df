// Movie night between two people in two browsers, one a phone with touch, one a desktop: each rates different movies,
// shares a taste code (copied) or a backup file; each sees the group's 20 movies with both people's stars, nothing either
// rated; the rule switch changes the list; a malformed code is refused and changes nothing; axe finds no violation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { decodeTasteCode } from '../../src/engine/group/tasteCode';
import { root, screenshot, watchErrors, type Page } from './harness';
import { DESKTOP, PHONE, firstVisit, smallTouchTargets, useServedApp } from './app';

const app = useServedApp();
const AXE_SOURCE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate<string[]>(
    `axe.run(document).then((r) => r.violations.flatMap((v) => v.nodes.map((n) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + n.target.join(' '))))`,
  );
}

/** Rates the to-rate list's rows `rows` with `stars` (a radio's name, e.g. '4 stars'); returns the movieIds rated. */
async function rate(page: Page, rows: number[], stars: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [k, row] of rows.entries()) {
    const li = page.getByTestId('to-rate').locator('li').nth(row);
    ids.push(Number(await li.getAttribute('data-movie-id')));
    await li.getByRole('radio', { name: stars[k], exact: true }).check();
    await page.getByTestId('rated-count').filter({ hasText: new RegExp(`^${k + 1}$`) }).waitFor();
  }
  return ids;
}

const nightNav = (page: Page) => page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Movie night' });
const listIds = (page: Page) => page.$$eval('[data-testid=night-list] > li', (lis) => lis.map((li) => Number(li.getAttribute('data-movie-id'))));
const starNames = (page: Page) => page.$$eval('[data-testid=night-list] > li', (lis) => lis.map((li) => Array.from(li.querySelectorAll('.night-star-name'), (n) => n.textContent)));
const starValues = (page: Page) =>
  page.$$eval('[data-testid=night-list] > li', (lis) => lis.flatMap((li) => Array.from(li.querySelectorAll('[data-testid=night-stars] .predicted'), (n) => Number(n.textContent!.replace('★', '').trim()))));

async function pasteCode(page: Page, code: string, name: string, tap: boolean): Promise<void> {
  await page.getByLabel('Their name').fill(name);
  await page.getByLabel('Their taste code').fill(code);
  const add = page.getByRole('button', { name: 'Add from code' });
  await (tap ? add.tap() : add.click());
}

test('two people, phone and desktop: codes shared, the group list without what either rated, the rule switch, refusals', async () => {
  const phone = await app.browser.newContext({ ...PHONE, bypassCSP: true });
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  const desk = await app.browser.newContext({ ...DESKTOP, bypassCSP: true, acceptDownloads: true });
  const [ana, sam] = [await phone.newPage(), await desk.newPage()];
  const errors = [watchErrors(ana), watchErrors(sam)];
  // One after the other: two imports and trainings at once on a shared 2-core machine can pass firstVisit's limit.
  await firstVisit(ana, app.url);
  await firstVisit(sam, app.url);

  // Ana (phone) rates four well-known movies high; Sam (desktop) rates four others, some low.
  const anaRated = await rate(ana, [0, 1, 2, 3], ['5 stars', '4.5 stars', '4 stars', '2 stars']);
  const samRated = await rate(sam, [4, 5, 6, 7], ['1 star', '5 stars', '3.5 stars', '4 stars']);
  expect(new Set([...anaRated, ...samRated]).size).toBe(8);

  // Ana opens Movie night (tap) and copies her code: the clipboard holds exactly the code shown, with her 4 ratings.
  await nightNav(ana).tap();
  expect(new URL(ana.url()).hash).toBe('#night');
  await ana.getByTestId('night-private').waitFor();
  expect(await ana.getByTestId('night-private').textContent()).toBe(
    'Nothing leaves this device: codes and files are read here, and nobody’s ratings are sent or stored (the group is kept while this page is open, and forgotten when it closes or reloads).',
  );
  await ana.getByLabel('Your name in the code and the list').fill('Ana');
  await ana.getByLabel(/^Code \(4 ratings,/).waitFor();
  // The code follows the name: wait until the code shown carries it.
  let anaCode = '';
  await expect
    .poll(async () => {
      anaCode = await ana.getByTestId('my-taste-code').inputValue();
      return decodeTasteCode(anaCode).name;
    })
    .toBe('Ana');
  expect(decodeTasteCode(anaCode).ratings.map((r) => r.movieId).sort((a, b) => a - b)).toEqual([...anaRated].sort((a, b) => a - b));
  await ana.getByRole('button', { name: 'Copy code' }).tap();
  await ana.getByText(/^Copied\./).waitFor();
  expect(await ana.evaluate(() => navigator.clipboard.readText())).toBe(anaCode);
  // Short codes come with a QR code drawn in the page.
  expect(Number(await ana.getByTestId('night-qr').getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);

  // A malformed code is refused with what is wrong and where; nothing changes.
  await pasteCode(ana, 'PL1.abc$def', 'Sam', true);
  expect(await ana.getByTestId('night-refused').textContent()).toBe('Not added: taste code, character 8: expected a base64url character (A–Z, a–z, 0–9, - or _), found "$"');
  expect(await ana.getByTestId('night-person').count()).toBe(0);
  expect(await ana.getByTestId('night-list').count()).toBe(0);
  expect(await ana.getByLabel('Their taste code').inputValue()).toBe('PL1.abc$def'); // kept, to be corrected

  // Sam (desktop) opens Movie night, takes his code and his backup file.
  await nightNav(sam).click();
  await sam.getByLabel(/^Code \(4 ratings,/).waitFor();
  const samCode = await sam.getByTestId('my-taste-code').inputValue();
  expect(decodeTasteCode(samCode)).toMatchObject({ name: null });

  // Ana pastes Sam's code: 20 movies, each with Ana's and Sam's stars, none that either rated.
  await pasteCode(ana, samCode, 'Sam', true);
  await ana.getByTestId('night-person').waitFor();
  await ana.locator('[data-testid=night-list] > li').nth(19).waitFor();
  expect(await ana.getByTestId('night-refused').count()).toBe(0);
  const misery = await listIds(ana);
  expect(misery).toHaveLength(20);
  expect(await ana.getByTestId('night-list').getAttribute('data-rule')).toBe('misery');
  for (const id of [...anaRated, ...samRated]) expect(misery).not.toContain(id);
  expect(await starNames(ana)).toEqual(Array(20).fill(['Ana', 'Sam']));
  for (const s of await starValues(ana)) expect(s >= 0.5 && s <= 5).toBe(true);
  // Each row says why: where it stands for each person among the movies neither has rated.
  const candidates = Number((await ana.getByTestId('night-list-note').textContent())!.match(/ from ([\d,]+) movies nobody rated/)![1].replace(/,/g, ''));
  expect(candidates).toBeGreaterThan(500);
  for (const why of await ana.locator('[data-testid=night-list] .night-why').allTextContents()) {
    expect(why).toMatch(new RegExp(`^(High for everyone|Mostly for (you|Sam)|Good for everyone): your #\\d+ and Sam’s #\\d+ of ${candidates.toLocaleString('en')}$`));
  }
  expect(await smallTouchTargets(ana)).toEqual([]);
  // On the phone each row's stars sit right under why it is there, from its left edge (the title block once took 224 px
  // in the column, and the stars were centred).
  const places = await ana.$$eval('[data-testid=night-list] > li', (lis) =>
    lis.map((li) => {
      const [stars, why] = [li.querySelector('.night-stars')!.getBoundingClientRect(), li.querySelector('.night-why')!.getBoundingClientRect()];
      return { gap: stars.top - why.bottom, indent: stars.left - why.left };
    }),
  );
  for (const p of places) expect(p.gap).toBeLessThan(16);
  for (const p of places) expect(Math.abs(p.indent)).toBeLessThan(1);
  await screenshot(ana, 'movie-night-phone');

  // The rule switch: Average ranks another list.
  await ana.getByRole('radio', { name: /^Average/ }).tap();
  await ana.waitForFunction(() => document.querySelector('[data-testid=night-list]')?.getAttribute('data-rule') === 'average');
  const average = await listIds(ana);
  expect(average).toHaveLength(20);
  expect(average).not.toEqual(misery);
  for (const id of [...anaRated, ...samRated]) expect(average).not.toContain(id);

  // Sam's backup file as a third person, then removed: the list has three people's stars, then two again.
  await sam.getByRole('link', { name: /^My ratings/ }).click();
  const [backup] = await Promise.all([sam.waitForEvent('download'), sam.getByRole('button', { name: 'Download backup' }).click()]);
  await ana.getByLabel('Their name').fill('Sam again');
  await ana.getByLabel('Add a person from their PocketLens backup file').setInputFiles((await backup.path())!);
  await ana.getByTestId('night-person').nth(1).waitFor();
  await ana.waitForFunction(() => document.querySelector('[data-testid=night-list] > li')?.querySelectorAll('[data-testid=night-stars]').length === 3);
  expect((await starNames(ana))[0]).toEqual(['Ana', 'Sam', 'Sam again']);
  await ana.getByRole('button', { name: 'Remove Sam again' }).tap();
  await ana.waitForFunction(() => document.querySelector('[data-testid=night-list] > li')?.querySelectorAll('[data-testid=night-stars]').length === 2);
  expect(await listIds(ana)).toEqual(average);
  // To another screen and back: the group is as it was (names, people, rule, list); a reload forgets the others.
  await ana.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^For you/ }).tap();
  await ana.getByTestId('recommendations').locator('li').first().waitFor();
  await nightNav(ana).tap();
  await ana.locator('[data-testid=night-list] > li').nth(19).waitFor();
  expect(await ana.getByLabel('Your name in the code and the list').inputValue()).toBe('Ana');
  expect(await ana.getByTestId('night-person').count()).toBe(1);
  expect(await ana.getByTestId('night-list').getAttribute('data-rule')).toBe('average');
  expect(await listIds(ana)).toEqual(average);
  expect(await starNames(ana)).toEqual(Array(20).fill(['Ana', 'Sam']));

  // Sam, on the desktop, pastes Ana's code (her name comes with it): the same two people, the same exclusions.
  await sam.getByRole('link', { name: 'Movie night' }).click();
  await pasteCode(sam, anaCode, '', false);
  await sam.locator('[data-testid=night-list] > li').nth(19).waitFor();
  expect(await starNames(sam)).toEqual(Array(20).fill(['You', 'Ana']));
  const samList = await listIds(sam);
  for (const id of [...anaRated, ...samRated]) expect(samList).not.toContain(id);
  await screenshot(sam, 'movie-night-desktop');

  // axe: no violation on the screen at either size.
  expect(await axeViolations(ana)).toEqual([]);
  expect(await axeViolations(sam)).toEqual([]);
  // A reload forgets the group: nobody's ratings were written anywhere.
  await ana.reload();
  await ana.getByText('Add at least one person to see the group’s list.').waitFor();
  expect(await ana.getByTestId('night-person').count()).toBe(0);
  expect(await ana.getByLabel('Your name in the code and the list').inputValue()).toBe('');
  expect(errors.flat()).toEqual([]);
  await phone.close();
  await desk.close();
}, 600_000);
