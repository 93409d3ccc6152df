// Non-personalized baselines: global mean, damped user/item bias model, Bayesian average popularity list.

import type { RatingColumns, ScoredItem } from '../types';
import type { Predictor } from './metrics';
import { TopK, exclusionMask } from './topk';

/** Mean rating (0 for empty input). */
export function globalMean(cols: RatingColumns): number {
  let s = 0;
  for (let k = 0; k < cols.length; k++) s += cols.ratings[k];
  return cols.length > 0 ? s / cols.length : 0;
}

export interface GlobalMeanModel {
  mu: number;
  predict: Predictor;
}

export function fitGlobalMean(cols: RatingColumns): GlobalMeanModel {
  const mu = globalMean(cols);
  return { mu, predict: () => mu };
}

export interface BiasBaselineOptions {
  /** Pseudo-count pulling item biases toward 0. */
  itemDamping: number;
  /** Pseudo-count pulling user biases toward 0. */
  userDamping: number;
}

export const defaultBiasDamping: Readonly<BiasBaselineOptions> = Object.freeze({ itemDamping: 5, userDamping: 5 });

export interface BiasBaselineModel {
  mu: number;
  userBias: Float64Array;
  itemBias: Float64Array;
  /** mu + b_u + b_i; indices outside the fitted range get bias 0. */
  predict: Predictor;
}

/**
 * Damped bias baseline (LensKit Bias style): b_i = Σ(r - mu)/(n_i + itemDamping), then
 * b_u = Σ(r - mu - b_i)/(n_u + userDamping).
 */
export function fitBiasBaseline(
  cols: RatingColumns,
  nUsers: number,
  nItems: number,
  opts: BiasBaselineOptions = defaultBiasDamping,
): BiasBaselineModel {
  const mu = globalMean(cols);
  const { users, items, ratings, length } = cols;
  const itemSum = new Float64Array(nItems);
  const itemCount = new Float64Array(nItems);
  for (let k = 0; k < length; k++) {
    itemSum[items[k]] += ratings[k] - mu;
    itemCount[items[k]]++;
  }
  const itemBias = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    const d = itemCount[i] + opts.itemDamping;
    itemBias[i] = d > 0 ? itemSum[i] / d : 0;
  }
  const userSum = new Float64Array(nUsers);
  const userCount = new Float64Array(nUsers);
  for (let k = 0; k < length; k++) {
    userSum[users[k]] += ratings[k] - mu - itemBias[items[k]];
    userCount[users[k]]++;
  }
  const userBias = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    const d = userCount[u] + opts.userDamping;
    userBias[u] = d > 0 ? userSum[u] / d : 0;
  }
  const predict: Predictor = (u, i) =>
    mu + (u >= 0 && u < nUsers ? userBias[u] : 0) + (i >= 0 && i < nItems ? itemBias[i] : 0);
  return { mu, userBias, itemBias, predict };
}

/** Damped mean (sum + damping·globalMean) / (count + damping); globalMean when both are 0. */
export function bayesianAverage(sum: number, count: number, globalMean: number, damping: number): number {
  const d = count + damping;
  return d > 0 ? (sum + damping * globalMean) / d : globalMean;
}

export interface PopularityOptions {
  damping: number;
  minCount: number;
  n: number;
  exclude?: ArrayLike<number> | Set<number>;
}

/** Cold-start list: the n items with the highest damped mean rating (stars), ties by index asc; unrated items never appear. */
export function popularityRanking(
  counts: ArrayLike<number>,
  sums: ArrayLike<number>,
  globalMean: number,
  opts: PopularityOptions,
): ScoredItem[] {
  const nItems = counts.length;
  const mask = exclusionMask(nItems, opts.exclude);
  const heap = new TopK(Math.min(opts.n, nItems));
  for (let i = 0; i < nItems; i++) {
    if (mask !== null && mask[i] === 1) continue;
    const c = counts[i];
    if (c < opts.minCount || c === 0) continue;
    heap.push(i, bayesianAverage(sums[i], c, globalMean, opts.damping));
  }
  return heap.result();
}
