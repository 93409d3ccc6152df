// Folds a new user into a trained model: one exact user half-step row solve against fixed item tables.

import type { AlsModel, UserVector } from '../types';
import { createImplicitScratch, gramOf, solveImplicitRow } from './implicit';
import type { AlsKernels } from './kernelSet';
import { factorPenalty } from './regularization';
import { createSolveScratch, solveRow, type SolveScratch } from './solveRow';
import { implicitRowParams, implicitValues } from './implicitParams';

/** YᵀY of each implicit model's item table, computed on its first use. */
const grams = new WeakMap<Float32Array, Float64Array>();

/** YᵀY (rank × rank) of an implicit model's item factors, cached per model table (computed by `kernels` when given). */
export function itemGram(model: AlsModel, kernels?: Pick<AlsKernels, 'gramOf'>): Float64Array {
  let YtY = grams.get(model.itemFactors);
  if (!YtY) grams.set(model.itemFactors, (YtY = (kernels?.gramOf ?? gramOf)(model.itemFactors, model.rank)));
  return YtY;
}

/**
 * Solves the user's [factors, bias] against the model's item factors and biases with the same
 * regularization as training (λ·n^α on factors, biasLambda on the bias). Ratings are stored as
 * float32 first, exactly as training stores them. Empty input gives the zero vector. Implicit models (iALS) get
 * their own exact user solve, bias 0. `kernels` solve it (the JavaScript solveRow / solveImplicitRow by default).
 */
export function foldIn(
  model: AlsModel,
  items: ArrayLike<number>,
  ratings: ArrayLike<number>,
  scratch?: SolveScratch,
  kernels?: Pick<AlsKernels, 'solveRow' | 'solveImplicitRow' | 'gramOf'>,
): UserVector {
  const n = items.length;
  if (ratings.length !== n) throw new RangeError(`items (${n}) and ratings (${ratings.length}) differ in length`);
  const { rank, nItems } = model;
  const idx = new Int32Array(n);
  const vals = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const i = items[k];
    if (!(Number.isInteger(i) && i >= 0 && i < nItems)) throw new RangeError(`item index ${i} out of range [0, ${nItems})`);
    idx[k] = i;
    vals[k] = ratings[k];
  }
  if (model.params.objective === 'implicit') {
    // iALS: the exact user row solve against the fixed items (YᵀY + Σ (c − 1) q qᵀ + penalty·I) x = Σ c q.
    const YtY = itemGram(model, kernels);
    const { alpha, reg } = implicitRowParams(model.params, nItems);
    const x = (kernels?.solveImplicitRow ?? solveImplicitRow)(YtY, model.itemFactors, rank, idx, implicitValues(model.params, vals), 0, n, alpha, factorPenalty(reg, n), createImplicitScratch(rank));
    return { bias: 0, factors: Float64Array.from(x) };
  }
  const s = scratch && scratch.rank === rank ? scratch : createSolveScratch(rank);
  const x = (kernels?.solveRow ?? solveRow)(model.itemFactors, model.itemBias, rank, idx, vals, 0, n, model.mu, model.params, s);
  return { bias: x[rank], factors: Float64Array.from(x.subarray(0, rank)) };
}
