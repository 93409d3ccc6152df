// `cli bench als`: seconds and core-seconds per ALS iteration on ml-25m-shaped synthetic data, against ml-matrix, the JS kernels and the native yardstick.
import { availableParallelism, loadavg } from 'node:os';
import { buildCsr } from '../../engine/als/csr';
import { createRng } from '../../engine/als/random';
import type { RatingMatrix } from '../../engine/als/csr';
import type { KernelId } from '../../engine/als/kernelSet';
import { shardSetup, shareMatrix, sharedFloat32, type Side } from '../../engine/als/shard';
import { cgStepsFor, SOLVERS } from '../../engine/als/solver';
import { solveRow } from '../../engine/als/solveRow';
import { beginHalfStep, createTrainScratch, iterationReport, prepareTraining, runHalfStep, type PreparedTraining } from '../../engine/als/train';
import { explicitDefaults } from '../../engine/defaults/explicitDefaults';
import { SYNTH_DEFAULTS } from '../../engine/movielens/synthRelease';
import { WasmArena, matrixInArena } from '../../engine/wasm/arena';
import type { KernelPreference } from '../../engine/wasm/kernelChoice';
import type { KernelHandle } from '../../engine/wasm/wasmKernels';
import { cliKernel, KERNEL_OPTION } from '../kernels';
import { ratingsCsv, runNative } from '../nativeYardstick';
import { CHUNKS_PER_THREAD } from '../../engine/als/trainParallel';
import { benchRatings } from '../../engine/benchRatings';
import type { AlsParams } from '../../engine/types';
import { PARAM_RANGES } from '../../engine/als/paramRanges';
import { parseOptions, UsageError, type OptionSpecs } from '../args';
import { mlMatrixRows } from '../mlMatrixHalfStep';
import { createNodeShardPool } from '../nodeShardPool';

export const usage = `bench als [--ratings 1000000] [--rank ${explicitDefaults.rank}] [--workers 1] [--iters 6] [--solver ${SOLVERS.join('|')}] [--cg-steps S]
       [--objective explicit|implicit] [--kernel auto|js|wasm-simd|wasm-relaxed-simd] [--compare-js] [--native] [--json]`;

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
  /** 'implicit' times iALS (the native yardstick is explicit only and is skipped). */
  objective?: AlsParams['objective'];
  /** Kernels to time (default 'auto': WebAssembly SIMD where it runs). */
  kernel?: KernelPreference;
  /** Also time the JavaScript kernels in the same run (when the timed kernels are not already them). */
  compareJs?: boolean;
  /** Also compile and run the native yardstick on the same ratings (as a CSV file). */
  native?: boolean;
  log?: (line: string) => void;
}

interface Timed {
  wall: number[];
  cpu: number[];
  trainRmse: number;
  kernel: KernelId;
  /** The training (its tables and matrix) for the ml-matrix sample that follows. */
  t: PreparedTraining;
  m: RatingMatrix;
}

/** Times `iterations` ALS iterations of one kernel set over `workers` threads. */
async function timeIterations(m0: RatingMatrix, params: AlsParams, workers: number, kernel: KernelHandle | null, log: (line: string) => void): Promise<Timed> {
  const m = kernel ? matrixInArena(WasmArena.attach(kernel.memory), m0) : workers > 1 ? shareMatrix(m0) : m0;
  const t = prepareTraining(m, params, kernel ? undefined : workers > 1 ? sharedFloat32 : undefined, kernel);
  const scratch = createTrainScratch(t);
  const pool = workers > 1 ? createNodeShardPool(workers) : null;
  const setup = shardSetup(t, workers * CHUNKS_PER_THREAD);
  const wall: number[] = [];
  const cpu: number[] = [];
  const id = kernel?.id ?? 'js';
  try {
    await pool?.setup(setup);
    const half = async (side: Side): Promise<void> => {
      if (pool) {
        Atomics.store(setup.counter, 0, 0);
        await pool.run(side);
      } else {
        const plan = beginHalfStep(t, side, scratch.kernels);
        runHalfStep(plan, 0, plan.rows, scratch);
      }
    };
    for (let it = 0; it < params.iterations; it++) {
      const c0 = cpuSeconds();
      const w0 = performance.now();
      await half('user');
      await half('item');
      wall.push((performance.now() - w0) / 1000);
      cpu.push(cpuSeconds() - c0);
      log(`${id} iteration ${it + 1}: ${wall[it].toFixed(3)} s, ${cpu[it].toFixed(3)} CPU s`);
    }
  } finally {
    await pool?.close();
  }
  const trainRmse = iterationReport(m, t, params.iterations, 0, {}, workers, scratch.kernels).trainRmse;
  return { wall, cpu, trainRmse, kernel: id, t, m };
}

/** Times `iterations` ALS iterations (the first is reported but left out of the medians as warm-up). */
export async function benchAls(o: BenchAlsOptions): Promise<Record<string, unknown>> {
  const log = o.log ?? (() => {});
  const data = benchRatings(o.ratings, o.seed);
  const m0 = buildCsr(data.columns, data.nUsers, data.nItems);
  const params: AlsParams = { ...explicitDefaults, rank: o.rank, iterations: o.iterations, solver: o.solver, cgSteps: o.cgSteps, ...(o.objective === 'implicit' ? { objective: 'implicit' } : {}) };
  const kernel = await cliKernel(o.kernel ?? 'auto');
  const main = await timeIterations(m0, params, o.workers, kernel, log);
  const js = o.compareJs && kernel ? await timeIterations(m0, params, o.workers, null, log) : null;
  const { wall, cpu, t, m } = main;
  const scratch = createTrainScratch({ ...t, kernel: undefined });
  const trainRmse = main.trainRmse;

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
  const perM = (cpuSeconds: number) => (cpuSeconds * 1e6) / o.ratings;
  const coreSecondsPerMillion = perM(median(skipWarmUp(cpu)));
  const bestCoreSecondsPerMillion = perM(Math.min(...skipWarmUp(cpu)));
  const mlMatrixCoreSecondsPerMillion = perMillion(mlCpu);
  const steps = cgStepsFor(params);
  const jsStats = js && {
    coreSecondsPerMillion: round(perM(median(skipWarmUp(js.cpu)))),
    bestCoreSecondsPerMillion: round(perM(Math.min(...skipWarmUp(js.cpu)))),
    trainRmse: round(js.trainRmse),
    speedUp: round(perM(median(skipWarmUp(js.cpu))) / coreSecondsPerMillion, 2),
  };
  // The yardstick takes its best iteration after the first: compared with this run's best the same way.
  const native = o.native && o.objective !== 'implicit' ? runNative(ratingsCsv(data.columns, `als-ratings-${o.ratings}-seed${o.seed}`), o.rank, o.iterations, steps || 2) : null;
  const nativeStats =
    native === null
      ? undefined
      : 'missing' in native
        ? { missing: native.missing }
        : { ...native, coreSecondsPerMillion: round(native.coreSecondsPerMillion), trainRmse: round(native.trainRmse), ratio: round(bestCoreSecondsPerMillion / native.coreSecondsPerMillion, 2) };
  if (o.native && native && 'missing' in native) log(`native yardstick skipped: ${native.missing}`);
  return {
    bench: 'als',
    kernel: main.kernel,
    objective: params.objective ?? 'explicit',
    ratings: o.ratings,
    users: m.nUsers,
    items: m.nItems,
    rank: o.rank,
    workers: o.workers,
    solver: steps > 0 ? `cg (${steps} steps)` : 'exact',
    iterations: o.iterations,
    secondsPerIteration: round(secondsPerIteration),
    coreSecondsPerMillion: round(coreSecondsPerMillion),
    bestCoreSecondsPerMillion: round(bestCoreSecondsPerMillion),
    ...(jsStats ? { js: jsStats } : {}),
    ...(nativeStats ? { native: nativeStats } : {}),
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
  objective: { kind: 'choice', values: ['explicit', 'implicit'], help: 'implicit: time iALS (the native yardstick is explicit only)' },
  ...KERNEL_OPTION,
  'compare-js': { kind: 'flag', help: 'also time the JavaScript kernels in the same run' },
  native: { kind: 'flag', help: 'also compile and run ../shared/bench/native/cg_als.c (gcc) on the same ratings' },
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
    kernel: values.kernel ?? 'auto',
    objective: values.objective ?? 'explicit',
    compareJs: values['compare-js'],
    native: values.native,
    log: values.json ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`ALS ${result.solver}, rank ${result.rank}, ${result.ratings} ratings, ${result.workers} worker(s), ${result.kernel} kernels:`);
    console.log(`  ${result.secondsPerIteration} s an iteration, ${result.coreSecondsPerMillion} core-s per iteration per million ratings`);
    const js = result.js as { coreSecondsPerMillion: number; speedUp: number } | undefined;
    if (js) console.log(`  JavaScript kernels: ${js.coreSecondsPerMillion} core-s per million (${js.speedUp}× slower)`);
    const nat = result.native as { coreSecondsPerMillion?: number; ratio?: number; missing?: string } | undefined;
    if (nat) console.log(nat.missing ? `  native yardstick: ${nat.missing}` : `  native yardstick: ${nat.coreSecondsPerMillion} core-s per million; best iterations ${nat.ratio}× native`);
    console.log(`  ml-matrix per-row reference: ${result.mlMatrixCoreSecondsPerMillion} core-s per million (${result.mlMatrixRatio}× slower)`);
    console.log(JSON.stringify(result, null, 2));
  }
}
