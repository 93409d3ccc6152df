// `cli bench als`: seconds and core-seconds per ALS iteration on ml-25m-shaped synthetic data, against ml-matrix.
import { availableParallelism, loadavg } from 'node:os';
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
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { parseOptions, UsageError, type OptionSpecs } from '../args';
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

export const options = {
  // At ml-25m's proportions (154 a person, 400 a movie) fewer than ~62,000 ratings cannot be drawn without repeats.
  ratings: { kind: 'number', range: { min: 100_000, max: 100_000_000, integer: true }, help: 'synthetic ratings to train on (default 1,000,000)' },
  rank: { kind: 'number', range: PARAM_RANGES.rank, help: `rank (default ${explicitDefaults.rank})` },
  workers: { kind: 'number', range: { min: 1, max: 64, integer: true }, help: 'threads (default 1)' },
  iters: { kind: 'number', range: { min: 2, max: PARAM_RANGES.iterations.max, integer: true }, help: 'iterations, the first one a warm-up (default 6)' },
  solver: { kind: 'choice', values: SOLVERS, help: 'row solver (default auto)' },
  'cg-steps': { kind: 'number', range: PARAM_RANGES.cgSteps, help: 'conjugate-gradient steps a row' },
  seed: { kind: 'number', range: PARAM_RANGES.seed, help: `seed of the data (default ${SYNTH_DEFAULTS.seed})` },
  json: { kind: 'flag', help: 'print one line of JSON' },
} as const satisfies OptionSpecs;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseOptions(args, options);
  if (positionals[0] !== 'als') throw new UsageError(`expected "bench als", got "bench ${positionals[0] ?? ''}"`);
  const solver: AlsParams['solver'] = values.solver ?? 'auto';
  const workers = values.workers ?? 1;
  const result = await benchAls({
    ratings: values.ratings ?? 1_000_000,
    rank: values.rank ?? explicitDefaults.rank,
    workers,
    iterations: values.iters ?? 6,
    solver,
    cgSteps: values['cg-steps'],
    seed: values.seed ?? SYNTH_DEFAULTS.seed,
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
