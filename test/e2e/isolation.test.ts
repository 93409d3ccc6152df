// Cross-origin isolation on the production build: training shards over several workers, and cancelling kills them all.
import { expect, test } from 'vitest';
import { storeCounts, storedModel, watchErrors, type Page } from './harness';
import { rankersStored, useServedApp } from './app';
import { injectFaults } from './faults';

const app = useServedApp();

/** Counts the shard workers the page's workers start and how many of them have closed since. */
function trackShards(page: Page): { started: () => number; closed: () => number; firstStart: Promise<void> } {
  let started = 0;
  let closed = 0;
  let signal = () => {};
  const firstStart = new Promise<void>((ok) => (signal = ok));
  page.on('worker', (w) => {
    if (!w.url().includes('als-shard')) return;
    started++;
    signal();
    w.on('close', () => closed++);
  });
  return { started: () => started, closed: () => closed, firstStart };
}

/**
 * A context whose jobs worker stands still for `ms` after reporting training iteration 1, so a test sees (and can
 * cancel) the training however fast this machine trains the sample.
 */
async function holdingFirstIteration(ms: number) {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  (await injectFaults(context))({ worker: 'engine-jobs', on: 'progress', match: '"iteration":1,', k: 1, action: 'pause', ms });
  return context; // one worker gets the fault: the jobs worker started after a Cancel runs plain
}

/** Per-iteration thread counts of the stored model, read straight from IndexedDB. */
async function storedWorkers(page: Page): Promise<(number | undefined)[]> {
  return (await storedModel(page)).history.map((h) => h.workers);
}

test('the served build is cross-origin isolated and trains in more than one worker, shown while it trains', async () => {
  const context = await holdingFirstIteration(3000);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const shards = trackShards(page);
  await page.goto(app.url);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(cores).toBeGreaterThan(1);

  await page.getByTestId('train-workers').filter({ hasText: /Training in \d parallel workers/ }).waitFor({ timeout: 120_000 });
  const shown = Number((await page.getByTestId('train-workers').textContent())!.replace(/\D/g, ''));
  const kernelShown = await page.getByTestId('train-kernel').textContent();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  const workers = await storedWorkers(page);
  // Chromium has WebAssembly SIMD (and relaxed SIMD): every iteration ran the WASM kernels, and the panel said so.
  const kernels = (await storedModel(page)).history.map((h) => h.kernel);
  expect(new Set(kernels)).toEqual(new Set(['wasm-relaxed-simd']));
  expect(kernelShown).toBe(`WebAssembly relaxed SIMD kernels (fused multiply-add), ${workers[0]} workers`);
  expect(workers).toHaveLength(15);
  expect(new Set(workers)).toEqual(new Set([Math.min(4, cores)]));
  expect(workers[0]).toBeGreaterThan(1);
  expect(shown).toBe(workers[0]);
  // The star model's training, then the ranker's behind the list (its own pool of as many): every pool closed after.
  await rankersStored(page, 1);
  expect(shards.started()).toBe(2 * workers[0]!);
  await expect.poll(shards.closed).toBe(shards.started()); // the pool is closed after training
  expect(errors).toEqual([]);
  await context.close();
});

test('cancelling a parallel training terminates the jobs worker and its shard workers with it; restart finishes', async () => {
  const context = await holdingFirstIteration(30_000);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const shards = trackShards(page);
  await page.goto(`${app.url}?workers=2`);
  await shards.firstStart; // training has begun: the jobs worker starts its shard workers first
  await page.getByTestId('train-status').filter({ hasText: /Iteration 1 of/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'Stopped' }).waitFor();
  // The second shard worker may not have been created yet when the jobs worker died; every one created closes.
  const started = shards.started();
  expect(started).toBeGreaterThanOrEqual(1);
  await expect.poll(shards.closed, { timeout: 10_000 }).toBe(started);
  expect(await storeCounts(page)).toMatchObject({ datasets: 1, models: 0 });

  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 120_000 });
  expect(await storedWorkers(page)).toEqual(new Array(15).fill(2));
  // The star model's pool of 2, then the ranker's behind the list.
  await rankersStored(page, 1);
  expect(shards.started()).toBe(started + 2 * 2);
  await expect.poll(shards.closed).toBe(started + 2 * 2);
  expect(errors).toEqual([]);
  await context.close();
});
