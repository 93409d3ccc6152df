// `cli bench als`: seconds and core-seconds per ALS iteration on ml-25m-shaped synthetic data, against ml-matrix.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildCsr } from '../../engine/als/csr';
import { createRng } from '../../engine/als/random';
import { shardSetup, shareMatrix, sharedFloat32, type Side } from '../../engine/als/shard';
import { cgStepsFor, SOLVERS } from '../../engine/als/solver';
import { solveRow } from '../../engine/als/solveRow';
import { beginHalfStep, createTrainScratch, iterationReport, prepareTraining, runHalfStep } from '../../engine/als/train';
import { explicitDefaults } from '../../engine/defaults/explicitDefaults';
import { SYNTH_DEFAULTS } from '../../engine/movielens/synthRelease';
import { CHUNKS_PER_THREAD } from '../../engine/als/trainParallel';
import { benchRatings } from '../../engine/benchRatings';
import type { AlsParams } from '../../engine/types';
import { num, oneOf } from '../args';
import { mlMatrixRows } from '../mlMatrixHalfStep';
import { createNodeShardPool } from '../nodeShardPool';

export const usage = `bench als [--ratings 1000000] [--rank ${explicitDefaults.rank}] [--workers 1] [--iters 6] [--solver ${SOLVERS.join('|')}] [--cg-steps S] [--json]`;

const cpuSeconds = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 4): number => +x.toFixed(d);

export interface BenchAlsOptions {
  ratings: number;
  rank: number;
  workers: number;
  iterations: number;
  solver: AlsParams['solver'];
  cgSteps?: number;
  seed: number;
  log?: (line: string) => void;
}

/** Times `iterations` ALS iterations (the first is reported but left out of the medians as warm-up). */
export async function benchAls(o: BenchAlsOptions): Promise<Record<string, unknown>> {
  const log = o.log ?? (() => {});
  const data = benchRatings(o.ratings, o.seed);
  const m0 = buildCsr(data.columns, data.nUsers, data.nItems);
  const m = o.workers > 1 ? shareMatrix(m0) : m0;
  const params: AlsParams = { ...explicitDefaults, rank: o.rank, iterations: o.iterations, solver: o.solver, cgSteps: o.cgSteps };
  const t = prepareTraining(m, params, o.workers > 1 ? sharedFloat32 : undefined);
  const scratch = createTrainScratch(t);
  const pool = o.workers > 1 ? createNodeShardPool(o.workers) : null;
  const setup = shardSetup(t, o.workers * CHUNKS_PER_THREAD);
  const wall: number[] = [];
  const cpu: number[] = [];
  try {
    await pool?.setup(setup);
    const half = async (side: Side): Promise<void> => {
      if (pool) {
        Atomics.store(setup.counter, 0, 0);
        await pool.run(side);
      } else {
        const plan = beginHalfStep(t, side);
        runHalfStep(plan, 0, plan.rows, scratch);
      }
    };
    for (let it = 0; it < o.iterations; it++) {
      const c0 = cpuSeconds();
      const w0 = performance.now();
      await half('user');
      await half('item');
      wall.push((performance.now() - w0) / 1000);
      cpu.push(cpuSeconds() - c0);
      log(`iteration ${it + 1}: ${wall[it].toFixed(3)} s, ${cpu[it].toFixed(3)} CPU s`);
    }
  } finally {
    await pool?.close();
  }
  const trainRmse = iterationReport(m, t, o.iterations, 0, {}).trainRmse;

  // The same user half-step on a sample of users: ml-matrix per row, and this engine's exact solve.
  const rng = createRng(o.seed + 1);
  const sample = Int32Array.from({ length: m.nUsers }, (_, u) => u).filter(() => rng.uniform() < 0.02);
  let sampleRatings = 0;
  for (const u of sample) sampleRatings += m.byUser.indptr[u + 1] - m.byUser.indptr[u];
  const { other, otherBias, mu, reg } = t.userStep;
  // Each reference runs twice and the second run is timed, so neither pays for its JIT warm-up.
  const exactRows = (): Float64Array[] =>
    Array.from(sample, (u) =>
      solveRow(other, otherBias, o.rank, m.byUser.indices, m.byUser.values, m.byUser.indptr[u], m.byUser.indptr[u + 1], mu, reg, scratch.solve).slice(),
    );
  const timedTwice = <T>(f: () => T): [T, number] => {
    f();
    const c0 = cpuSeconds();
    const out = f();
    return [out, cpuSeconds() - c0];
  };
  const [reference, mlCpu] = timedTwice(() => mlMatrixRows(m.byUser, sample, other, otherBias, o.rank, mu, reg));
  const [ours, exactCpu] = timedTwice(exactRows);
  let maxDiff = 0;
  ours.forEach((x, k) => {
    for (let j = 0; j <= o.rank; j++) maxDiff = Math.max(maxDiff, Math.abs(x[j] - reference[k][j]));
  });
  // Both half-steps touch every rating once: per-rating cost of the sample × 2 × 1e6.
  const perMillion = (s: number) => (2 * s * 1e6) / sampleRatings;

  // Core-seconds are CPU seconds of the whole process (all threads) per iteration: on a shared machine they stay
  // honest when other work takes cores away, where wall time × workers would not. Both are reported.
  const skipWarmUp = (xs: number[]) => (xs.length > 1 ? xs.slice(1) : xs);
  const secondsPerIteration = median(skipWarmUp(wall));
  const coreSecondsPerMillion = (median(skipWarmUp(cpu)) * 1e6) / o.ratings;
  const mlMatrixCoreSecondsPerMillion = perMillion(mlCpu);
  const steps = cgStepsFor(params);
  return {
    bench: 'als',
    ratings: o.ratings,
    users: m.nUsers,
    items: m.nItems,
    rank: o.rank,
    workers: o.workers,
    solver: steps > 0 ? `cg (${steps} steps)` : 'exact',
    iterations: o.iterations,
    secondsPerIteration: round(secondsPerIteration),
    coreSecondsPerMillion: round(coreSecondsPerMillion),
    wallTimesWorkersPerMillion: round((secondsPerIteration * o.workers * 1e6) / o.ratings),
    iterationSeconds: wall.map((x) => round(x, 3)),
    iterationCpuSeconds: cpu.map((x) => round(x, 3)),
    trainRmse: round(trainRmse),
    mlMatrixCoreSecondsPerMillion: round(mlMatrixCoreSecondsPerMillion, 2),
    mlMatrixRatio: round(mlMatrixCoreSecondsPerMillion / coreSecondsPerMillion, 1),
    exactCoreSecondsPerMillion: round(perMillion(exactCpu), 3),
    mlMatrixSample: { users: sample.length, ratings: sampleRatings, maxAbsDiffVsExact: maxDiff },
    machine: { cpus: availableParallelism(), loadAverage1m: round(loadavg()[0], 2), node: process.version },
  };
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ratings: { type: 'string' },
      rank: { type: 'string' },
      workers: { type: 'string' },
      iters: { type: 'string' },
      solver: { type: 'string' },
      'cg-steps': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals[0] !== 'als') throw new Error(`usage: npm run cli -- ${usage}`);
  const solver = oneOf(values.solver, 'solver', SOLVERS) ?? 'auto';
  const workers = num(values.workers, 'workers', 1);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers expects a whole number of at least 1, got "${values.workers}"`);
  const result = await benchAls({
    ratings: num(values.ratings, 'ratings', 1_000_000),
    rank: num(values.rank, 'rank', explicitDefaults.rank),
    workers,
    iterations: Math.max(2, num(values.iters, 'iters', 6)),
    solver,
    cgSteps: values['cg-steps'] === undefined ? undefined : num(values['cg-steps'], 'cg-steps', 3),
    seed: num(values.seed, 'seed', SYNTH_DEFAULTS.seed),
    log: values.json ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`ALS ${result.solver}, rank ${result.rank}, ${result.ratings} ratings, ${result.workers} worker(s):`);
    console.log(`  ${result.secondsPerIteration} s an iteration, ${result.coreSecondsPerMillion} core-s per iteration per million ratings`);
    console.log(`  ml-matrix per-row reference: ${result.mlMatrixCoreSecondsPerMillion} core-s per million (${result.mlMatrixRatio}× slower)`);
    console.log(JSON.stringify(result, null, 2));
  }
}
