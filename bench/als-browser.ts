// Benchmark: ALS training in Chromium on the production build with 1 and 2 workers (first visit, ml-latest-small), as JSON.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve';
import { launch, serveDist, storedModel } from '../test/e2e/harness';

interface Run {
  workers: number;
  iterationSeconds: number[];
  trainSeconds: number;
  recorded: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r3 = (x: number) => +x.toFixed(3);

/**
 * Alternates fresh first visits with `?workers=1` and `?workers=2` (`--rounds` each, default 3): import the
 * bundled sample, train with the defaults, read the model's per-iteration times from IndexedDB. The speed-up is
 * the ratio of median iteration times, the first iteration of each run left out as warm-up; whole-training
 * time (reading ratings, CSR, shared copies, starting the shard workers) is reported beside it.
 * `--dist DIR` serves another build than dist/.
 */
export async function benchAlsBrowser(args: string[] = []): Promise<Record<string, unknown>> {
  const { values } = parseArgs({ args, options: { rounds: { type: 'string' }, dist: { type: 'string' }, json: { type: 'boolean' } } });
  const rounds = Math.max(1, Number(values.rounds ?? 3));
  const server = values.dist ? await startServer(values.dist) : await serveDist();
  const browser = await launch();
  const runs: Run[] = [];
  const loadBefore = loadavg()[0];
  let env: { isolated: boolean; cores: number } = { isolated: false, cores: 0 };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const workers of [1, 2]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}?workers=${workers}`);
        env = await page.evaluate(() => ({ isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }));
        await page.getByTestId('recommendations').locator('li').nth(19).waitFor({ timeout: 300_000 });
        const stored = await storedModel(page);
        const model = { trainSeconds: stored.trainSeconds, seconds: stored.history.map((i) => i.seconds), workers: stored.history.map((i) => i.workers ?? 1) };
        runs.push({ workers, iterationSeconds: model.seconds, trainSeconds: model.trainSeconds, recorded: model.workers });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.server.close();
  }
  const by = (w: number) => runs.filter((r) => r.workers === w);
  const perIteration = (w: number) => median(by(w).flatMap((r) => r.iterationSeconds.slice(1)));
  const train = (w: number) => median(by(w).map((r) => r.trainSeconds));
  return {
    bench: 'als-browser',
    dataset: 'ml-latest-small',
    ratings: 100_836,
    rank: 64,
    iterations: runs[0]?.iterationSeconds.length ?? 0,
    crossOriginIsolated: env.isolated,
    hardwareConcurrency: env.cores,
    rounds,
    /** 1-minute load average before and after: on a shared machine, a second worker only helps with a core free. */
    loadAverage1m: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
    secondsPerIteration: { 1: r3(perIteration(1)), 2: r3(perIteration(2)) },
    speedup: +(perIteration(1) / perIteration(2)).toFixed(2),
    trainSeconds: { 1: r3(train(1)), 2: r3(train(2)) },
    speedupTrainSeconds: +(train(1) / train(2)).toFixed(2),
    workersRecorded: { 1: [...new Set(by(1).flatMap((r) => r.recorded))], 2: [...new Set(by(2).flatMap((r) => r.recorded))] },
    runs: runs.map((r) => ({ workers: r.workers, trainSeconds: r3(r.trainSeconds), medianIterationSeconds: r3(median(r.iterationSeconds.slice(1))) })),
  };
}
