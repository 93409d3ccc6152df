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

/** The fold-in system A = Σ q̃_j q̃_jᵀ + D for the person's rated items (D: λ·n^α on factors, biasLambda on the bias). */
function foldInSystem(model: AlsModel, items: ArrayLike<number>): Float64Array {
  const { rank, itemFactors, params } = model;
  const k = rank + 1;
  const A = new Float64Array(k * k);
  const row = new Float64Array(k);
  for (let j = 0; j < items.length; j++) {
    const o = items[j] * rank;
    for (let f = 0; f < rank; f++) row[f] = itemFactors[o + f];
    row[rank] = 1;
    for (let a = 0; a < k; a++) for (let b = a; b < k; b++) A[a * k + b] += row[a] * row[b];
  }
  const penalty = factorPenalty(params, items.length);
  for (let f = 0; f < rank; f++) A[f * k + f] += penalty;
  A[rank * k + rank] += params.biasLambda;
  return A;
}

/**
 * Fold-in solves A·x = Σ_j t_j·q̃_j with q̃ = [q, 1] and t_j = r_j − μ − b_j, so the personal part of the
 * target's score, q̃_t·x, equals Σ_j t_j·(q̃_tᵀA⁻¹q̃_j): one exact share per rating, found with one solve.
 * Shares are sorted from the largest positive to the most negative. A is built once for all targets.
 */
export function explainScores(model: AlsModel, items: ArrayLike<number>, ratings: ArrayLike<number>, targets: number[]): Contribution[][] {
  const { rank, mu, itemBias, itemFactors } = model;
  const k = rank + 1;
  const n = items.length;
  if (n === 0) return targets.map(() => []);
  const system = foldInSystem(model, items);
  const diag = new Float64Array(k);
  return targets.map((target) => {
    const w = new Float64Array(k);
    for (let f = 0; f < rank; f++) w[f] = itemFactors[target * rank + f];
    w[rank] = 1;
    choleskySolve(system.slice(), w, k, diag);
    const out: Contribution[] = [];
    for (let j = 0; j < n; j++) {
      const it = items[j];
      const o = it * rank;
      let dot = w[rank];
      for (let f = 0; f < rank; f++) dot += w[f] * itemFactors[o + f];
      out.push({ index: j, item: it, stars: (Math.fround(ratings[j]) - mu - itemBias[it]) * dot });
    }
    return out.sort((a, b) => b.stars - a.stars || a.index - b.index);
  });
}

/** The shares for one target (see explainScores). */
export function explainScore(model: AlsModel, items: ArrayLike<number>, ratings: ArrayLike<number>, target: number): Contribution[] {
  return explainScores(model, items, ratings, [target])[0];
}
