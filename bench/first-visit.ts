// Benchmark: first visit of the production build in Chromium (import, train, rate → new list), printed as JSON.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launch, PHONE, serveDist, storeCounts, storedModels, type StoredModelSummary } from '../test/e2e/harness';

/**
 * `--kernel K` opens the app with ?kernel=K (js, wasm-simd, wasm-relaxed-simd): before/after in one build. `--phone`: at
 * 390×844 with touch, rating by taps (the default is Playwright's 1280×720 desktop window and clicks).
 */
export async function benchFirstVisit(args: string[] = []): Promise<Record<string, unknown>> {
  const { values } = parseArgs({ args, options: { kernel: { type: 'string' }, phone: { type: 'boolean', default: false }, json: { type: 'boolean', default: true } } });
  const server = await serveDist();
  const browser = await launch();
  try {
    const page = await (await browser.newContext(values.phone ? PHONE : {})).newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longest: number; __trainShown: number | null; __listShown: number | null };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
      // When the training screen (the import's end) and the 20-row list first appear, in page time: the star model can
      // train between two looks from outside, so the page records them itself.
      w.__trainShown = w.__listShown = null;
      new MutationObserver(() => {
        w.__trainShown ??= document.querySelector('[data-testid=train-status]') ? performance.now() : null;
        w.__listShown ??= document.querySelectorAll('[data-testid=recommendations] li').length >= 20 ? performance.now() : null;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(values.kernel ? `${server.url}?kernel=${encodeURIComponent(values.kernel)}` : server.url);
    await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 300_000 });
    const shown = (await page.evaluate('({ train: window.__trainShown, list: window.__listShown })')) as { train: number; list: number };
    // The ranker trains behind the library (bootstrapFlow): wait until it is stored, then rate against the ranked list.
    let ranker: StoredModelSummary | undefined;
    while (!(ranker = (await storedModels(page)).find((m) => m.ranker))) await page.waitForTimeout(50);
    const rankerAt = (await page.evaluate('performance.now()')) as number;
    const stored = (await storedModels(page)).find((m) => m.objective === 'explicit')!;
    const model = { ...stored, lastRmse: stored.history.at(-1)!.trainRmse };
    const longestDuringSetup = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    // Rate ten movies as a new person would (five on the onboarding card, then five from "Rate movies you know") and time
    // rating → new list inside the page: from the click to the list's last mutation, and to the frame after it (on screen).
    await page.evaluate(`(() => {
      window.__changes = [];
      window.__mutations = [];
      document.addEventListener('click', () => { window.__changes.push(performance.now()); performance.mark('bench:click'); }, true);
      new MutationObserver(() => {
        window.__mutations.push(performance.now());
        performance.mark('bench:list-mutated');
      }).observe(document.querySelector('[data-testid=recommendations]'), { childList: true, subtree: true, characterData: true });
    })()`);
    const perRating: number[] = [];
    const engineMs: number[] = [];
    const sorts: (string | null)[] = [];
    const via: string[] = [];
    // A trace of the ratings: the main thread's first Paint after a rating's last list mutation is when it is on screen.
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
    for (let k = 0; k < 10; k++) {
      const before = await page.$eval('[data-testid=recommendations]', (e) => e.textContent);
      const onCard = k < 5;
      const row = onCard ? page.getByTestId('onboarding-cards').locator('li').first() : page.getByTestId('to-rate').locator('li:not(:has(input:checked))').first();
      await row.waitFor();
      await page.waitForTimeout(300); // the next card's batch and the previous list's frame are done: the person reads the card
      const s = performance.now();
      const star = row.getByRole('radio', { name: '4 stars', exact: true });
      // Not check(): a rated card gives way to the next, whose radio is unchecked.
      await (values.phone ? star.tap() : star.click());
      await page.waitForFunction((b) => document.querySelector('[data-testid=recommendations]')!.textContent !== b, before);
      perRating.push(performance.now() - s);
      via.push(onCard ? 'card' : 'list');
      engineMs.push(Number(await page.getAttribute('[data-testid=recommendations]', 'data-millis')));
      sorts.push(await page.getAttribute('[data-testid=recommendations]', 'data-sort'));
    }
    await page.waitForTimeout(300);
    const painted = paintedAfterLists(JSON.parse((await browser.stopTracing()).toString('utf8')));
    const timings = (await page.evaluate(`window.__changes.map((c, k) => {
      const next = window.__changes[k + 1] ?? Infinity;
      const done = window.__mutations.filter((m) => m > c && m < next);
      if (!done.length) return null;
      // Where the time went: ms after the click of each mark on the rate → list path (user timing, src/app/perfMarks.ts).
      const phases = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('pl:') && m.startTime > c && m.startTime < next) phases[m.name.slice(3)] = +(m.startTime - c).toFixed(1);
      return { listMs: +(done[done.length - 1] - c).toFixed(1), phases };
    })`)) as ({ listMs: number; phases: Record<string, number> } | null)[];
    const counts = await storeCounts(page);
    return {
      bench: 'first-visit',
      dataset: 'ml-latest-small',
      viewport: values.phone ? '390x844 touch' : '1280x720',
      ratings: 100_836,
      importSeconds: +(shown.train / 1000).toFixed(3),
      trainSeconds: +model.trainSeconds.toFixed(3),
      prepareSeconds: model.prepareSeconds === undefined ? null : +model.prepareSeconds.toFixed(3),
      kernel: model.history[0]?.kernel ?? 'js',
      workers: model.history[0]?.workers ?? 1,
      rank: model.rank,
      iterations: model.iterations,
      finalTrainRmse: +model.lastRmse.toFixed(4),
      firstVisitToListSeconds: +(shown.list / 1000).toFixed(3),
      // Import end (the training screen appears) → the list on screen: the popular list, the star model trained.
      importEndToListSeconds: +((shown.list - shown.train) / 1000).toFixed(3),
      // Import end → the ranker stored (trained behind the library; the list swaps to it with the next refresh).
      importEndToRankerSeconds: +((rankerAt - shown.train) / 1000).toFixed(3),
      rankerTrainSeconds: +ranker.trainSeconds.toFixed(3),
      rankerEaseSeconds: +ranker.ranker!.easeSeconds.toFixed(3),
      listSortedBy: sorts,
      longestMainThreadTaskMs: longestDuringSetup,
      rateVia: via,
      rateToNewListMs: timings.map((t) => t?.listMs ?? null),
      rateToListOnScreenMs: painted,
      rateToNewListPhasesMs: timings.map((t) => t?.phases ?? null),
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

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
}

/**
 * For each click (the bench's `bench:click` mark), ms from the click to the end of the first Paint on the page's main
 * thread after that rating's last list mutation (`bench:list-mutated`): the frame that shows the new list.
 */
function paintedAfterLists(trace: { traceEvents: TraceEvent[] }): (number | null)[] {
  const events = trace.traceEvents.sort((a, b) => a.ts - b.ts);
  const clicks = events.filter((e) => e.name === 'bench:click');
  if (clicks.length === 0) return [];
  const main = clicks[0].tid;
  return clicks.map((click, k) => {
    const next = clicks[k + 1]?.ts ?? Infinity;
    const mutated = events.filter((e) => e.name === 'bench:list-mutated' && e.ts > click.ts && e.ts < next).at(-1);
    const paint = mutated && events.find((e) => e.name === 'Paint' && e.tid === main && e.ts > mutated.ts);
    return paint ? +((paint.ts + (paint.dur ?? 0) - click.ts) / 1000).toFixed(1) : null;
  });
}
