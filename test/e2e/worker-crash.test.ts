// A stuck or crashed serving worker is restarted by the heartbeat and the page says so; recommendations keep coming from
// the stored model, a rating made while it hung is saved, and a crashed job worker ends its progress screen with a message.
import { expect, test } from 'vitest';
import type { Worker } from 'playwright-core';
import { screenshot, watchErrors, type Page } from './harness';
import { showView, useServedApp } from './app';
import { synthZip } from './releases';
import { snapshot } from './faults';

const app = useServedApp();

const release = (name: string, users: number, items: number, seed: number) => synthZip(name, { users, items, seed }).file;

async function engineWorker(page: Page, name: 'engine-serving' | 'engine-jobs'): Promise<Worker> {
  for (let tries = 0; tries < 100; tries++) {
    for (const w of page.workers()) {
      if ((await w.evaluate('self.name').catch(() => null)) === name) return w;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no ${name} worker`);
}

const recs = (page: Page) => page.$$eval('[data-testid=recommendations] li', (lis) => lis.map((li) => li.textContent ?? '').join('\n'));

async function rate(page: Page, k: number, stars: string): Promise<number> {
  const li = page.getByTestId('to-rate').locator('li').nth(k);
  await li.getByRole('radio', { name: stars, exact: true }).check();
  return Number(await li.getAttribute('data-movie-id'));
}

test('stuck, then crashed serving worker: restarted with an alert, recommendations keep coming, no rating lost', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block', viewport: { width: 900, height: 900 } });
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(release('ml-alpha', 150, 120, 1));
  const list = page.getByTestId('recommendations').locator('li');
  await list.nth(9).waitFor({ timeout: 120_000 });
  await rate(page, 0, '4 stars');
  await rate(page, 1, '1.5 stars');
  await expect.poll(async () => (await snapshot(page)).profile.length).toBe(2);

  // Stuck: a busy loop in the serving worker. A rating made meanwhile waits, and is saved once the worker is replaced.
  const stuck = await engineWorker(page, 'engine-serving');
  void stuck.evaluate('setTimeout(() => { for (;;) {} }, 0)');
  const t0 = Date.now();
  const before = await recs(page);
  const during = await rate(page, 2, '5 stars');
  const alert = page.getByTestId('engine-alert');
  await alert.filter({ hasText: 'The recommendation engine stopped responding and was restarted.' }).waitFor({ timeout: 15_000 });
  const detectSeconds = (Date.now() - t0) / 1000;
  expect(detectSeconds).toBeLessThan(10);
  expect(await alert.textContent()).toContain('Your ratings are safe; recommendations come from the last saved model.');
  await screenshot(page, 'engine-restarted');
  await expect.poll(async () => (await snapshot(page)).profile.find((r) => r.movieId === during)?.rating, { timeout: 15_000 }).toBe(5);
  await expect.poll(() => recs(page), { timeout: 15_000 }).not.toBe(before); // the new rating changed the list
  expect(await list.count()).toBe(20);
  expect(await page.getByText('Your rating was not saved').count()).toBe(0);
  const fresh = await engineWorker(page, 'engine-serving');
  expect(fresh).not.toBe(stuck);

  // Crashed: an uncaught error in the (new) serving worker.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  void fresh.evaluate('setTimeout(() => { throw new Error("injected crash") }, 0)');
  await alert.filter({ hasText: 'The recommendation engine crashed (Uncaught Error: injected crash) and was restarted.' }).waitFor({ timeout: 15_000 });
  const beforeCrashRating = await recs(page);
  const after = await rate(page, 3, '0.5 stars');
  await expect.poll(async () => (await snapshot(page)).profile.find((r) => r.movieId === after)?.rating).toBe(0.5);
  await expect.poll(() => recs(page), { timeout: 15_000 }).not.toBe(beforeCrashRating);
  expect((await snapshot(page)).profile).toHaveLength(4);

  // After a reload the four ratings and the model are all there.
  await page.reload();
  await list.nth(19).waitFor();
  expect(await page.getByTestId('rated-count').textContent()).toBe('4');
  console.log(JSON.stringify({ heartbeat: { stuckDetectedSeconds: detectSeconds } }));
  expect(errors.filter((e) => !/injected crash/.test(e))).toEqual([]);
  await context.close();
});

test('a crashed job worker ends the import screen with a message over the library instead of hanging; nothing stored changes', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(release('ml-alpha', 150, 120, 1));
  await page.getByTestId('recommendations').locator('li').nth(9).waitFor({ timeout: 120_000 });
  await rate(page, 0, '3.5 stars');
  let stored = await snapshot(page);
  await expect.poll(async () => (stored = await snapshot(page)).profile.length).toBe(1);

  const jobs = await engineWorker(page, 'engine-jobs'); // still alive after the first import and training
  await showView(page, 'Data');
  await page.getByLabel('Import another MovieLens release').setInputFiles(release('ml-beta', 1800, 1000, 2));
  await page.getByRole('heading', { name: /Importing/ }).waitFor();
  void jobs.evaluate('setTimeout(() => { throw new Error("injected job crash") }, 0)');
  await page.getByTestId('engine-alert').filter({ hasText: 'The import and training worker crashed (Uncaught Error: injected job crash).' }).waitFor({ timeout: 15_000 });
  // The progress screen gives way to the library, which is still there (not the first-run screen: issue 15), and
  // says what happened.
  await page.getByTestId('import-refused').filter({ hasText: 'The import and training worker crashed (Uncaught Error: injected job crash).' }).waitFor();
  await page.getByRole('heading', { name: 'Your datasets' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).count()).toBe(0);
  expect(await page.getByRole('heading', { name: /Importing/ }).count()).toBe(0);
  await screenshot(page, 'jobs-crashed');

  await page.goto(app.url);
  await page.getByTestId('recommendations').locator('li').nth(9).waitFor();
  await expect.poll(async () => (await snapshot(page)).datasets.map((d) => d.status), { timeout: 15_000 }).toEqual(['ready']);
  expect(await snapshot(page)).toEqual(stored);
  await context.close();
});
