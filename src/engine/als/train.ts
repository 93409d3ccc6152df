// Explicit ALS with biases (weighted-λ): seeded init, alternating user/item half-steps, per-iteration RMSE.

import type { AlsModel, AlsParams, IterationInfo, RatingColumns } from '../types';
import type { RatingMatrix } from './csr';
import { CancelledError } from '../cancelled';
import { createRng } from './random';
import { meanSquare } from './cg';
import { createImplicitScratch, implicitHalfStep, type ImplicitScratch } from './implicit';
import { jsKernels, type AlsKernels, type KernelId } from './kernelSet';
import { createSolveScratch, halfStep, type HalfStepInput, type SolveScratch } from './solveRow';
import { checkSolverParams, cgStepsFor } from './solver';
import { implicitRowParams, implicitValues } from './implicitParams';
import { WasmArena, matrixInArena } from '../wasm/arena';
import { WasmKernels, type KernelHandle } from '../wasm/wasmKernels';

/** Thrown by trainAls when opts.shouldStop() returns true between half-steps. */
export class TrainingCancelled extends CancelledError {
  constructor() {
    super('ALS training cancelled');
    this.name = 'TrainingCancelled';
  }
}

export interface TrainOptions {
  onIteration?: (info: IterationInfo) => void;
  /** Polled before every half-step; returning true aborts with TrainingCancelled. */
  shouldStop?: () => boolean;
  /** Held-out ratings (dense indices in the model's range) for validationRmse. */
  validation?: RatingColumns;
  /** If set, validation predictions are clamped to [min, max] before the error is taken. */
  clampValidation?: { min: number; max: number };
  /**
   * The WebAssembly kernels to train with (src/engine/wasm: loadKernelHandle picks them); absent or null: the
   * JavaScript kernels. The matrix is copied into the kernels' memory unless it was built there (buildCsr's arena).
   */
  kernel?: KernelHandle | null;
}

export function checkParams(p: AlsParams): void {
  if (!Number.isInteger(p.rank) || p.rank < 1) throw new RangeError(`rank must be a positive integer, got ${p.rank}`);
  if (!(p.lambda >= 0)) throw new RangeError(`lambda must be >= 0, got ${p.lambda}`);
  if (!(p.biasLambda >= 0)) throw new RangeError(`biasLambda must be >= 0, got ${p.biasLambda}`);
  const a = p.lambdaExponent ?? 1;
  if (!(a >= 0 && a <= 2)) throw new RangeError(`lambdaExponent must be in [0, 2], got ${a}`);
  if (!Number.isInteger(p.iterations) || p.iterations < 0) throw new RangeError(`iterations must be a non-negative integer`);
  checkSolverParams(p);
  if (p.objective !== undefined && p.objective !== 'explicit' && p.objective !== 'implicit') throw new RangeError(`objective must be explicit or implicit, got ${String(p.objective)}`);
  if (p.implicitAlpha !== undefined && !(p.implicitAlpha >= 0)) throw new RangeError(`implicitAlpha must be >= 0, got ${p.implicitAlpha}`);
  if (p.starOffset !== undefined && !(p.starOffset >= 0 && p.starOffset < 5)) throw new RangeError(`starOffset must be in [0, 5), got ${p.starOffset}`);
  if (p.unobservedWeight !== undefined && !(p.unobservedWeight > 0 && Number.isFinite(p.unobservedWeight))) throw new RangeError(`unobservedWeight must be > 0, got ${p.unobservedWeight}`);
}

/** RMSE of mu + bu + bi + P[u]·Q[i] over the given (user, item, rating) columns. */
function tablesRmse(
  cols: RatingColumns,
  rank: number,
  mu: number,
  userBias: Float32Array,
  itemBias: Float32Array,
  P: Float32Array,
  Q: Float32Array,
  clamp?: { min: number; max: number },
): number {
  const n = cols.length;
  if (n === 0) return NaN;
  const { users, items, ratings } = cols;
  let sse = 0;
  for (let k = 0; k < n; k++) {
    const u = users[k];
    const i = items[k];
    const pu = u * rank;
    const qi = i * rank;
    let s = mu + userBias[u] + itemBias[i];
    for (let j = 0; j < rank; j++) s += P[pu + j] * Q[qi + j];
    if (clamp) s = s < clamp.min ? clamp.min : s > clamp.max ? clamp.max : s;
    const e = ratings[k] - s;
    sse += e * e;
  }
  return Math.sqrt(sse / n);
}

/** Mean of the training ratings (0 for an empty matrix); summed in float64 in user-major order. */
export function globalMeanOf(m: RatingMatrix): number {
  const v = m.byUser.values;
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k];
  return v.length > 0 ? s / v.length : 0;
}

/** The four float32 tables a training writes; SharedArrayBuffer-backed when half-steps run in several threads. */
export interface TrainTables {
  userFactors: Float32Array;
  itemFactors: Float32Array;
  userBias: Float32Array;
  itemBias: Float32Array;
}

/** A training set up and ready for its first half-step (structured-cloneable: shard threads get a copy). */
export interface PreparedTraining {
  params: AlsParams;
  rank: number;
  mu: number;
  /** The kernels' confidence per star when the objective is implicit (implicitAlpha / unobservedWeight); null for explicit. */
  implicitAlpha: number | null;
  tables: TrainTables;
  userStep: HalfStepInput;
  itemStep: HalfStepInput;
  /** The WebAssembly kernels every thread instantiates over the shared memory; absent: JavaScript kernels. */
  kernel?: KernelHandle;
}

/**
 * Checks params, computes mu, allocates the tables with `alloc` (plain arrays by default; in the kernel's memory when
 * a WebAssembly kernel is given) and draws the seeded initial item factors ~ N(0, 0.1²); items without ratings stay
 * zero. User factors come from the first half-step. With a kernel, `m` must already be in its memory (matrixInArena).
 */
export function prepareTraining(
  m: RatingMatrix,
  params: AlsParams,
  alloc?: (length: number) => Float32Array,
  kernel?: KernelHandle | null,
): PreparedTraining {
  checkParams(params);
  const arena = kernel ? WasmArena.attach(kernel.memory) : null;
  if (arena && !arena.owns(m.byUser.indices)) throw new Error('prepareTraining: with a WebAssembly kernel the matrix must be in its memory (matrixInArena)');
  alloc ??= arena ? (n) => arena.f32(n) : (n) => new Float32Array(n);
  const { rank, seed } = params;
  const reg = { lambda: params.lambda, biasLambda: params.biasLambda, lambdaExponent: params.lambdaExponent };
  const { nUsers, nItems } = m;
  const implicit = params.objective === 'implicit';
  // iALS rows weigh stars and penalties relative to the unobserved weight, each side with its own offset.
  const userSide = implicit ? implicitRowParams(params, m.nItems) : { alpha: 0, reg };
  const itemSide = implicit ? implicitRowParams(params, m.nUsers) : { alpha: 0, reg };
  const implicitAlpha = implicit ? userSide.alpha : null;
  const mu = implicitAlpha === null ? globalMeanOf(m) : 0;
  const tables: TrainTables = {
    userFactors: alloc(nUsers * rank),
    itemFactors: alloc(nItems * rank),
    userBias: alloc(nUsers),
    itemBias: alloc(nItems),
  };
  const rng = createRng(seed);
  const itemPtr = m.byItem.indptr;
  for (let i = 0; i < nItems; i++) {
    const o = i * rank;
    const rated = itemPtr[i + 1] > itemPtr[i];
    for (let j = 0; j < rank; j++) {
      const z = 0.1 * rng.normal();
      if (rated) tables.itemFactors[o + j] = z;
    }
  }
  const cgSteps = cgStepsFor(params);
  const { userFactors, itemFactors, userBias, itemBias } = tables;
  return {
    params,
    rank,
    mu,
    implicitAlpha,
    tables,
    userStep: { rows: implicit ? { ...m.byUser, values: implicitValues(params, m.byUser.values, alloc) } : m.byUser, other: itemFactors, otherBias: itemBias, rank, mu, reg: userSide.reg, cgSteps },
    itemStep: { rows: implicit ? { ...m.byItem, values: implicitValues(params, m.byItem.values, alloc) } : m.byItem, other: userFactors, otherBias: userBias, rank, mu, reg: itemSide.reg, cgSteps },
    ...(kernel ? { kernel } : {}),
  };
}

export type Side = 'user' | 'item';

/** Per-thread buffers for half-steps of either objective, and the thread's kernels. */
export interface TrainScratch {
  solve: SolveScratch;
  implicit: ImplicitScratch | null;
  kernels: AlsKernels;
}

/** The kernels a thread of this training runs: its own instance of the WebAssembly kernels, or the JavaScript ones. */
export function kernelsFor(t: Pick<PreparedTraining, 'kernel'>): AlsKernels {
  return t.kernel ? new WasmKernels(t.kernel) : jsKernels;
}

export function createTrainScratch(t: PreparedTraining, kernels: AlsKernels = kernelsFor(t)): TrainScratch {
  return { solve: createSolveScratch(t.rank), implicit: t.implicitAlpha === null ? null : createImplicitScratch(t.rank), kernels };
}

/** One half-step about to run: what is computed once from the fixed side before any of its rows are solved. */
export interface HalfStepPlan {
  input: HalfStepInput;
  out: Float32Array;
  outBias: Float32Array;
  rows: number;
  /** YᵀY of the fixed side (implicit objective only). */
  gram: Float64Array | null;
  alpha: number;
}

/**
 * Plans the user or item half-step of a training (every thread of a parallel training computes the same plan) with
 * the thread's kernels (YᵀY of an implicit training).
 */
export function beginHalfStep(t: PreparedTraining, side: Side, kernels: AlsKernels = jsKernels): HalfStepPlan {
  const base = side === 'user' ? t.userStep : t.itemStep;
  const input = (base.cgSteps ?? 0) > 0 ? { ...base, otherScale: meanSquare(base.other) } : base;
  return {
    input,
    out: side === 'user' ? t.tables.userFactors : t.tables.itemFactors,
    outBias: side === 'user' ? t.tables.userBias : t.tables.itemBias,
    rows: base.rows.indptr.length - 1,
    gram: t.implicitAlpha === null ? null : kernels.gramOf(base.other, t.rank),
    alpha: t.implicitAlpha ?? 0,
  };
}

/** Solves rows [rowStart, rowEnd) of a planned half-step. */
export function runHalfStep(plan: HalfStepPlan, rowStart: number, rowEnd: number, scratch: TrainScratch): void {
  if (plan.gram && scratch.implicit) implicitHalfStep(plan.input, plan.gram, plan.alpha, rowStart, rowEnd, plan.out, plan.outBias, scratch.implicit, scratch.kernels);
  else halfStep(plan.input, rowStart, rowEnd, plan.out, plan.outBias, scratch.solve, scratch.kernels);
}

/**
 * The report for one finished iteration: train RMSE of the current tables (summed by `kernels`) and, if asked,
 * validation RMSE. Implicit models report the RMSE of the preference 1 on the rated pairs instead (what they fit
 * there). It names the kernels the half-steps ran with and how many threads ran them.
 */
export function iterationReport(m: RatingMatrix, t: PreparedTraining, iteration: number, seconds: number, opts: TrainOptions, workers = 1, kernels: AlsKernels = jsKernels): IterationInfo {
  const { rank, mu } = t;
  const { userBias, itemBias, userFactors, itemFactors } = t.tables;
  const implicit = t.implicitAlpha !== null;
  const sse = m.nnz > 0 ? kernels.sumSquaredError(m, rank, mu, userBias, itemBias, userFactors, itemFactors, implicit) : NaN;
  const kernel: KernelId = t.kernel?.id ?? 'js';
  const info: IterationInfo = {
    iteration,
    iterations: t.params.iterations,
    trainRmse: Math.sqrt(sse / m.nnz),
    seconds,
    workers,
    kernel,
  };
  if (opts.validation) {
    const v = opts.validation;
    info.validationRmse = implicit
      ? tablesRmse({ ...v, ratings: new Float32Array(v.length).fill(1) }, rank, 0, userBias, itemBias, userFactors, itemFactors)
      : tablesRmse(v, rank, mu, userBias, itemBias, userFactors, itemFactors, opts.clampValidation);
  }
  return info;
}

/**
 * The trained model over prepared tables; tables on shared memory (a parallel or WebAssembly training) are copied to
 * plain arrays, so the model can be stored, transferred, and outlives the training's memory.
 */
export function modelOf(m: RatingMatrix, t: PreparedTraining): AlsModel {
  const plain = (a: Float32Array) => (a.buffer instanceof SharedArrayBuffer ? new Float32Array(a) : a);
  const { userFactors, itemFactors, userBias, itemBias } = t.tables;
  return {
    rank: t.rank,
    nUsers: m.nUsers,
    nItems: m.nItems,
    mu: t.mu,
    userFactors: plain(userFactors),
    itemFactors: plain(itemFactors),
    userBias: plain(userBias),
    itemBias: plain(itemBias),
    params: { ...t.params },
  };
}

/**
 * Trains r̂ = mu + b_u + b_i + p_u·q_i by alternating row solves (users, then items) in this thread: exact,
 * or warm-started conjugate gradient at large rank (cgStepsFor); or, with objective 'implicit', iALS. Deterministic: the same matrix, params,
 * seed and kernels (opts.kernel) give bit-identical tables, whatever thread count trainAlsParallel uses.
 */
export function trainAls(m: RatingMatrix, params: AlsParams, opts: TrainOptions = {}): AlsModel {
  const kernel = opts.kernel ?? null;
  const matrix = kernel ? matrixInArena(WasmArena.attach(kernel.memory), m) : m;
  const t = prepareTraining(matrix, params, undefined, kernel);
  const scratch = createTrainScratch(t);
  const step = (side: Side): number => {
    if (opts.shouldStop?.()) throw new TrainingCancelled();
    const t0 = performance.now();
    const plan = beginHalfStep(t, side, scratch.kernels);
    runHalfStep(plan, 0, plan.rows, scratch);
    return performance.now() - t0;
  };
  for (let it = 0; it < params.iterations; it++) {
    const ms = step('user') + step('item');
    if (opts.onIteration) opts.onIteration(iterationReport(matrix, t, it + 1, ms / 1000, opts, 1, scratch.kernels));
  }
  return modelOf(m, t);
}
