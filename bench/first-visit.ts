// Benchmark: first visit of the production build in Chromium (import, train, rate → new list), printed as JSON.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launch, serveDist, storeCounts, storedModel } from '../test/e2e/harness';

/** `--kernel K` opens the app with ?kernel=K (js, wasm-simd, wasm-relaxed-simd): before/after in one build. */
export async function benchFirstVisit(args: string[] = []): Promise<Record<string, unknown>> {
  const { values } = parseArgs({ args, options: { kernel: { type: 'string' }, json: { type: 'boolean', default: true } } });
  const server = await serveDist();
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const t0 = performance.now();
    await page.goto(values.kernel ? `${server.url}?kernel=${encodeURIComponent(values.kernel)}` : server.url);
    await page.getByTestId('train-status').waitFor({ timeout: 120_000 });
    const tImport = performance.now();
    await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 300_000 });
    const tReady = performance.now();
    const stored = await storedModel(page);
    const model = { ...stored, lastRmse: stored.history.at(-1)!.trainRmse };
    const longestDuringSetup = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    // Rate five movies and time rating → new list on screen, inside the page (input event → list mutation).
    await page.evaluate(`(() => {
      window.__changes = [];
      window.__mutations = [];
      document.addEventListener('change', () => window.__changes.push(performance.now()), true);
      new MutationObserver(() => window.__mutations.push(performance.now())).observe(
        document.querySelector('[data-testid=recommendations]'), { childList: true, subtree: true, characterData: true });
    })()`);
    const perRating: number[] = [];
    const engineMs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const before = await page.$eval('[data-testid=recommendations]', (e) => e.textContent);
      const s = performance.now();
      await page.getByTestId('to-rate').locator('li').nth(k).getByRole('radio', { name: '4 stars', exact: true }).check();
      await page.waitForFunction((b) => document.querySelector('[data-testid=recommendations]')!.textContent !== b, before);
      perRating.push(performance.now() - s);
      engineMs.push(Number(await page.getAttribute('[data-testid=recommendations]', 'data-millis')));
    }
    const inPage = (await page.evaluate(`window.__changes.map((c, k) => {
      const next = window.__changes[k + 1] ?? Infinity;
      const done = window.__mutations.filter((m) => m > c && m < next);
      return done.length ? +(done[done.length - 1] - c).toFixed(1) : null;
    })`)) as (number | null)[];
    const counts = await storeCounts(page);
    return {
      bench: 'first-visit',
      dataset: 'ml-latest-small',
      ratings: 100_836,
      importSeconds: +((tImport - t0) / 1000).toFixed(3),
      trainSeconds: +model.trainSeconds.toFixed(3),
      prepareSeconds: model.prepareSeconds === undefined ? null : +model.prepareSeconds.toFixed(3),
      kernel: model.history[0]?.kernel ?? 'js',
      workers: model.history[0]?.workers ?? 1,
      rank: model.rank,
      iterations: model.iterations,
      finalTrainRmse: +model.lastRmse.toFixed(4),
      firstVisitToListSeconds: +((tReady - t0) / 1000).toFixed(3),
      longestMainThreadTaskMs: longestDuringSetup,
      rateToNewListMs: inPage,
      rateToNewListViaPlaywrightMs: perRating.map((x) => +x.toFixed(1)),
      foldInAndTopNMs: engineMs,
      stored: counts,
      loadAverage1m: +loadavg()[0].toFixed(2),
    };
  } finally {
    await browser.close();
    server.server.close();
  }
}
