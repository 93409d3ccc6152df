// Benchmark: a synthetic ml-25m-shaped (or larger) release picked on the production build in headless Chromium, timed to the first recommendations.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launch, serveDist, storedModels, type Page, type StoredModelSummary } from '../test/e2e/harness';
import { browserMemorySampler } from './browserMemory';
import { ensureRelease, ml25mShapedRelease } from './syntheticRelease';

interface PageTimes {
  change: number;
  importDone: number;
  lastIteration: number;
  firstList: number;
  alert: string | null;
  /** performance.timeOrigin: page times + this = epoch ms (to line them up with the CPU samples). */
  origin: number;
}

/** Page-side timestamps: the file pick, the end of the import (training status shown), the last iteration, the first list. */
async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __t: Record<string, number | string | null> };
    w.__t = { change: 0, importDone: 0, lastIteration: 0, firstList: 0, alert: null };
    document.addEventListener('change', () => (w.__t.change = performance.now()), true);
    new MutationObserver(() => {
      const t = w.__t;
      const now = performance.now();
      const status = document.querySelector('[data-testid=train-status]');
      if (!t.importDone && status) t.importDone = now;
      if (status && /^Iteration (\d+) of \1:/.test(status.textContent ?? '')) t.lastIteration = now;
      if (!t.firstList && document.querySelector('[data-testid=recommendations] li')) t.firstList = now;
      const alert = document.querySelector('[role=alert]');
      if (alert && !t.alert) t.alert = alert.textContent;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

const round = (x: number, d = 2) => +x.toFixed(d);

/** What one stored model says about its training. */
function modelTimes(m: StoredModelSummary) {
  const its = m.history;
  const prepare = m.prepareSeconds ?? 0;
  const iterationSeconds = its.map((i) => i.seconds);
  const sorted = [...iterationSeconds].sort((a, b) => a - b);
  return {
    objective: m.objective,
    rank: m.rank,
    iterations: its.length,
    kernel: its[0]?.kernel ?? 'js',
    workers: its[0]?.workers ?? 1,
    prepareSeconds: round(prepare),
    trainSeconds: round(m.trainSeconds - prepare),
    secondsPerIteration: round(sorted[sorted.length >> 1] ?? NaN, 3),
    iterationsTotalSeconds: round(iterationSeconds.reduce((s, x) => s + x, 0)),
    finalTrainRmse: round(its.at(-1)?.trainRmse ?? NaN, 4),
  };
}

/** Trains the implicit ("will watch") model too, from the Model lab, as a person would; returns when it is stored. */
async function trainImplicitInLab(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Model lab' }).click();
  await page.getByRole('radio', { name: /Implicit/ }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('lab-train-status').filter({ hasText: /^Trained in/ }).waitFor({ timeout: 0 });
}

export async function benchScale(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: {
      ratings: { type: 'string' },
      workers: { type: 'string' },
      kernel: { type: 'string' },
      implicit: { type: 'boolean', default: false },
      json: { type: 'boolean', default: true },
    },
  });
  const opts = ml25mShapedRelease(Number(values.ratings ?? 25_000_095), values.ratings);
  const release = ensureRelease(opts, false);
  const loadBefore = loadavg()[0];
  const query = new URLSearchParams();
  if (values.workers) query.set('workers', values.workers);
  if (values.kernel) query.set('kernel', values.kernel);
  const server = await serveDist();
  const browser = await launch();
  const memory = browserMemorySampler();
  try {
    const context = await browser.newContext();
    // No bundled sample: the app opens on "bring your own files", where the benchmark picks the release.
    await context.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [] } }));
    const page = await context.newPage();
    await watchPage(page);
    await page.goto(`${server.url}${query.size ? `?${query}` : ''}`);
    await page.getByRole('heading', { name: 'Bring your own MovieLens files' }).waitFor();
    const idle = memory.now();
    await page.locator('input[type=file]').setInputFiles(release.files);
    await page.waitForFunction(() => {
      const t = (window as unknown as { __t: { firstList: number; alert: string | null } }).__t;
      return t.firstList > 0 || t.alert !== null;
    }, null, { timeout: 0, polling: 250 });
    const t = (await page.evaluate(() => ({ ...(window as unknown as { __t: PageTimes }).__t, origin: performance.timeOrigin }))) as PageTimes;
    await new Promise((r) => setTimeout(r, 500)); // one more CPU sample past the first list
    const cpuAt = (pageMs: number) => memory.cpuAt(t.origin + pageMs);
    const coreSeconds = {
      import: round(cpuAt(t.importDone) - cpuAt(t.change), 1),
      prepareAndTrain: round(cpuAt(t.lastIteration) - cpuAt(t.importDone), 1),
      firstList: round(cpuAt(t.firstList + 500) - cpuAt(t.lastIteration), 1),
      total: round(cpuAt(t.firstList + 500) - cpuAt(t.change), 1),
    };
    if (t.alert) throw new Error(`the app said: ${t.alert}`);
    const firstVisit = (await storedModels(page)).map(modelTimes);
    const peakFirstVisit = await memory.end();
    let implicit: ReturnType<typeof modelTimes> | null = null;
    let peakWithImplicit: Awaited<ReturnType<typeof memory.end>> | null = null;
    let implicitCoreSeconds: number | null = null;
    if (values.implicit && !firstVisit.some((m) => m.objective === 'implicit')) {
      const again = browserMemorySampler();
      await new Promise((r) => setTimeout(r, 300));
      const s0 = Date.now();
      await trainImplicitInLab(page);
      const s1 = Date.now();
      await new Promise((r) => setTimeout(r, 500));
      implicitCoreSeconds = round(again.cpuAt(s1) - again.cpuAt(s0), 1);
      implicit = (await storedModels(page)).map(modelTimes).find((m) => m.objective === 'implicit') ?? null;
      peakWithImplicit = await again.end();
    }
    await context.close();
    const explicit = firstVisit.find((m) => m.objective === 'explicit') ?? firstVisit[0];
    const models = [...firstVisit, ...(implicit ? [implicit] : [])];
    const totalSeconds = (t.firstList - t.change) / 1000;
    return {
      bench: 'scale',
      ratings: opts.ratings,
      users: opts.users,
      movies: opts.movies,
      ratingsCsvMB: round(release.ratingsCsvBytes / 1e6, 0),
      importSeconds: round((t.importDone - t.change) / 1000),
      prepareSeconds: explicit.prepareSeconds,
      trainSeconds: explicit.trainSeconds,
      secondsPerIteration: explicit.secondsPerIteration,
      firstListSeconds: round((t.firstList - t.lastIteration) / 1000),
      totalSeconds: round(totalSeconds),
      // CPU seconds of every browser process per phase: what the phases cost whatever else the machine was running.
      coreSeconds,
      peakBrowserRssMB: round(peakFirstVisit.rssMB, 0),
      peakBrowserPssMB: peakFirstVisit.pssMB === null ? null : round(peakFirstVisit.pssMB, 0),
      peakAtSeconds: round(peakFirstVisit.atSeconds, 1),
      idleBrowserRssMB: round(idle.rssMB, 0),
      browserProcesses: peakFirstVisit.processes,
      kernel: explicit.kernel,
      workers: explicit.workers,
      iterations: explicit.iterations,
      rank: explicit.rank,
      models,
      ...(implicit
        ? {
            implicitInLab: { ...implicit, coreSeconds: implicitCoreSeconds, peakBrowserRssMB: round(peakWithImplicit!.rssMB, 0) },
            // Both models from one pick: the first visit's total plus the implicit model's preparation and training.
            bothModelsSeconds: round(totalSeconds + implicit.prepareSeconds + implicit.trainSeconds),
          }
        : {}),
      targets: { totalSeconds: '<= 120 at 25M (pick → first recommendations)', peakBrowserRssMB: '<= 2048' },
      loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]), cores: cpus().length },
      generatedSeconds: release.generatedSeconds,
    };
  } finally {
    await memory.end();
    await browser.close();
    server.server.close();
  }
}
