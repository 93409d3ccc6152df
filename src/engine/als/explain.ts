// "Because you rated …": splits a folded-in user's score for one movie exactly into one share per rating.
import type { AlsModel } from '../types';
import { choleskySolve } from './kernels';
import { factorPenalty } from './solveRow';

export interface Contribution {
  /** Index (into the given items) of the person's rating. */
  index: number;
  item: number;
  /** Stars this rating adds to (or takes from) the target's predicted rating. */
  stars: number;
}

/**
 * Fold-in solves A·x = Σ_j t_j·q̃_j with q̃ = [q, 1] and t_j = r_j − μ − b_j, so the personal part of the
 * target's score, q̃_t·x, equals Σ_j t_j·(q̃_tᵀA⁻¹q̃_j): one exact share per rating, found with one solve.
 * Shares are sorted from the largest positive to the most negative.
 */
export function explainScore(model: AlsModel, items: ArrayLike<number>, ratings: ArrayLike<number>, target: number): Contribution[] {
  const { rank, mu, itemBias, itemFactors, params } = model;
  const k = rank + 1;
  const n = items.length;
  if (n === 0) return [];
  const A = new Float64Array(k * k);
  const row = new Float64Array(k);
  for (let j = 0; j < n; j++) {
    const o = items[j] * rank;
    for (let f = 0; f < rank; f++) row[f] = itemFactors[o + f];
    row[rank] = 1;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) A[a * k + b] += row[a] * row[b];
  }
  const penalty = factorPenalty(params, n);
  for (let f = 0; f < rank; f++) A[f * k + f] += penalty;
  A[rank * k + rank] += params.biasLambda;
  const w = new Float64Array(k);
  for (let f = 0; f < rank; f++) w[f] = itemFactors[target * rank + f];
  w[rank] = 1;
  choleskySolve(A, w, k, new Float64Array(k));
  const out: Contribution[] = [];
  for (let j = 0; j < n; j++) {
    const it = items[j];
    const o = it * rank;
    let dot = w[rank];
    for (let f = 0; f < rank; f++) dot += w[f] * itemFactors[o + f];
    out.push({ index: j, item: it, stars: (Math.fround(ratings[j]) - mu - itemBias[it]) * dot });
  }
  return out.sort((a, b) => b.stars - a.stars || a.index - b.index);
}
