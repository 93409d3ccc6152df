// Scoring with a trained model: single predictions, star clamping, scoring all items and top-N selection.

import type { AlsModel, ScoredItem, UserVector } from '../types';
import type { AlsKernels } from './kernelSet';
import { TopK, exclusionMask } from './topk';

/** Raw (unclamped) predicted rating mu + b_u + b_i + p_u·q_i. */
export function predict(model: AlsModel, user: UserVector, item: number): number {
  const { rank, itemFactors } = model;
  const f = user.factors;
  const o = item * rank;
  let s = model.mu + user.bias + model.itemBias[item];
  for (let j = 0; j < rank; j++) s += f[j] * itemFactors[o + j];
  return s;
}

/** Clamps a raw score into the star range. */
export function clampStars(x: number, min = 0.5, max = 5): number {
  return x < min ? min : x > max ? max : x;
}

/** The user vector of a user trained into the model. */
export function userVectorOf(model: AlsModel, user: number): UserVector {
  const { rank } = model;
  return {
    bias: model.userBias[user],
    factors: Float64Array.from(model.userFactors.subarray(user * rank, (user + 1) * rank)),
  };
}

/**
 * out[i] = float32(base + itemBias[i] + f·itemFactors[i]) for items [0, nItems), float64 sums: scoreAll's loop (the
 * JavaScript topN runs the same loop fused with its heap; AlsKernels.scoreItems, the WASM set has its own).
 */
export function scoreItems(itemFactors: Float32Array, itemBias: Float32Array, rank: number, nItems: number, base: number, f: ArrayLike<number>, out: Float32Array): Float32Array {
  for (let i = 0; i < nItems; i++) {
    const o = i * rank;
    let s = base + itemBias[i];
    for (let j = 0; j < rank; j++) s += f[j] * itemFactors[o + j];
    out[i] = s;
  }
  return out;
}

/** Raw scores for every item into out (allocated when absent), with the given kernels (JavaScript by default). */
export function scoreAll(model: AlsModel, user: UserVector, out?: Float32Array, kernels?: Pick<AlsKernels, 'scoreItems'>): Float32Array {
  const { rank, nItems, itemFactors, itemBias } = model;
  const res = out ?? new Float32Array(nItems);
  if (res.length < nItems) throw new RangeError(`out has ${res.length} slots, need ${nItems}`);
  return (kernels?.scoreItems ?? scoreItems)(itemFactors, itemBias, rank, nItems, model.mu + user.bias, user.factors, res);
}

export interface TopNOptions {
  n: number;
  /** Items never returned (typically the ones the user has rated). */
  exclude?: ArrayLike<number> | Set<number>;
  /** Items with counts[item] < minCount are skipped; requires counts when > 0. */
  minCount?: number;
  counts?: Int32Array | Uint32Array;
}

/**
 * The n best items by raw score (desc; ties by item index asc), skipping excluded and rare items.
 * Scores are the float32-rounded values scoreAll would produce, so both agree exactly.
 */
export function topN(model: AlsModel, user: UserVector, opts: TopNOptions, kernels?: Pick<AlsKernels, 'id' | 'scoreItems'>): ScoredItem[] {
  const { rank, nItems, itemFactors, itemBias } = model;
  const minCount = opts.minCount ?? 0;
  const counts = opts.counts;
  if (minCount > 0 && !counts) throw new RangeError('topN: minCount needs counts');
  const mask = exclusionMask(nItems, opts.exclude);
  const heap = new TopK(Math.min(opts.n, nItems));
  const f = user.factors;
  const base = model.mu + user.bias;
  if (kernels && kernels.id !== 'js') {
    // Score the whole catalogue in one kernel call, then select.
    const scores = kernels.scoreItems(itemFactors, itemBias, rank, nItems, base, f, scoreBuffer(nItems));
    for (let i = 0; i < nItems; i++) {
      if (mask !== null && mask[i] === 1) continue;
      if (counts && counts[i] < minCount) continue;
      heap.push(i, scores[i]);
    }
    return heap.result();
  }
  for (let i = 0; i < nItems; i++) {
    if (mask !== null && mask[i] === 1) continue;
    if (counts && counts[i] < minCount) continue;
    const o = i * rank;
    let s = base + itemBias[i];
    for (let j = 0; j < rank; j++) s += f[j] * itemFactors[o + j];
    heap.push(i, Math.fround(s));
  }
  return heap.result();
}

let scores = new Float32Array(0);

/** A reused buffer for a catalogue's scores (one per thread). */
function scoreBuffer(n: number): Float32Array {
  if (scores.length < n) scores = new Float32Array(n);
  return scores;
}
