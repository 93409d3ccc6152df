// Benchmark: training both models the first visit needs on ml-latest-small (explicit stars + the default ranker), in Node, printed as JSON.
import { availableParallelism, loadavg } from 'node:os';
import { buildCsr } from '../src/engine/als/csr';
import { trainAls } from '../src/engine/als/train';
import { trainAlsParallel } from '../src/engine/als/trainParallel';
import { explicitDefaults } from '../src/engine/defaults/explicitDefaults';
import { rankerParams } from '../src/engine/defaults/rankerDefaults';
import { itemCounts } from '../src/engine/ranker/ease';
import { fitRankerEase, rankerOf } from '../src/engine/ranker/ranker';
import type { AlsParams } from '../src/engine/types';
import { loadDataset } from '../src/cli/loadDataset';
import { createNodeShardPool } from '../src/cli/nodeShardPool';
import { sampleZipPath } from '../test/sample';

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const round = (x: number) => +x.toFixed(3);

/**
 * The first visit's training, as the app will do it: the explicit model and the ranker's iALS over 1 and 2 threads
 * (trainAlsParallel, the same half-steps the browser's shard workers run), then EASE in one thread. Wall and CPU
 * seconds; the budget is a list within 3 s of the import on the 2-core machine (the browser adds its own overhead:
 * `npm run bench -- first-visit` measures that once the app trains the ranker).
 */
export async function benchRankerTrain(): Promise<Record<string, unknown>> {
  if (!sampleZipPath) throw new Error('ml-latest-small.zip not found (set MOVIELENS_DIR)');
  const data = await loadDataset(sampleZipPath);
  const { users, movies } = data.stats;
  const m = buildCsr(data.ratings, users, movies);
  const out: Record<string, unknown> = { bench: 'ranker-train', dataset: 'ml-latest-small', ratings: data.stats.ratings };
  const timed = async <T>(f: () => T | Promise<T>) => {
    const c0 = cpu();
    const t0 = performance.now();
    const value = await f();
    return { value, seconds: round((performance.now() - t0) / 1000), cpuSeconds: round(cpu() - c0) };
  };
  const train = async (params: AlsParams, threads: number) => {
    if (threads === 1) return timed(() => trainAls(m, params));
    const pool = createNodeShardPool(threads);
    try {
      // The threads boot (and load TypeScript through tsx) before the clock starts: one iteration on the same matrix.
      await trainAlsParallel(m, { ...params, iterations: 1 }, pool);
      return await timed(() => trainAlsParallel(m, params, pool));
    } finally {
      await pool.close();
    }
  };
  for (const threads of [1, 2]) {
    const explicit = await train(explicitDefaults, threads);
    const ials = await train(rankerParams.ials, threads);
    out[`threads${threads}`] = { explicit: { seconds: explicit.seconds, cpuSeconds: explicit.cpuSeconds }, ials: { seconds: ials.seconds, cpuSeconds: ials.cpuSeconds } };
  }
  const counts = itemCounts(data.ratings, movies);
  const ease = await timed(() => fitRankerEase(data.ratings, users, movies, rankerParams, counts));
  const ials = trainAls(m, rankerParams.ials);
  const assemble = await timed(() => rankerOf(rankerParams, ials, ease.value, counts));
  out.ease = { items: rankerParams.easeItems, seconds: ease.seconds, cpuSeconds: ease.cpuSeconds };
  out.assemble = { seconds: assemble.seconds };
  const t2 = out.threads2 as { explicit: { seconds: number }; ials: { seconds: number } };
  out.firstVisitTrainingSeconds2Threads = round(t2.explicit.seconds + t2.ials.seconds + ease.seconds + assemble.seconds);
  out.budgetSeconds = 3;
  out.machine = { cpus: availableParallelism(), loadAverage1m: round(loadavg()[0]), node: process.version };
  return out;
}
