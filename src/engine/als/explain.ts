// "Because you rated …": splits a folded-in user's score for one movie exactly into one share per rating.
import type { AlsModel } from '../types';
import { itemGram } from './foldIn';
import { choleskySolve } from './kernels';
import { factorPenalty } from './solveRow';
import { implicitRowParams, implicitValues } from './implicitParams';

export interface Contribution {
  /** Index (into the given items) of the person's rating. */
  index: number;
  item: number;
  /**
   * What this rating adds to (or takes from) the target's score: stars of predicted rating for an explicit model,
   * predicted preference ("will watch", 0 to about 1) for an implicit one.
   */
  share: number;
}

/**
 * The explicit fold-in system A = Σ q̃_j q̃_jᵀ + D over the person's rated items, q̃ = [q, 1] (D: λ·n^α on factors,
 * biasLambda on the bias), and each rating's weight t_j = r_j − μ − b_j in the right-hand side Σ_j t_j·q̃_j.
 */
function explicitSystem(model: AlsModel, items: ArrayLike<number>, ratings: ArrayLike<number>): { A: Float64Array; k: number; weights: Float64Array } {
  const { rank, itemFactors, params, mu, itemBias } = model;
  const k = rank + 1;
  const A = new Float64Array(k * k);
  const row = new Float64Array(k);
  const weights = new Float64Array(items.length);
  for (let j = 0; j < items.length; j++) {
    const o = items[j] * rank;
    for (let f = 0; f < rank; f++) row[f] = itemFactors[o + f];
    row[rank] = 1;
    for (let a = 0; a < k; a++) for (let b = a; b < k; b++) A[a * k + b] += row[a] * row[b];
    weights[j] = Math.fround(ratings[j]) - mu - itemBias[items[j]];
  }
  const penalty = factorPenalty(params, items.length);
  for (let f = 0; f < rank; f++) A[f * k + f] += penalty;
  A[rank * k + rank] += params.biasLambda;
  return { A, k, weights };
}

/**
 * The implicit (iALS) fold-in system A = YᵀY + Σ_j (c_j − 1)·q_j q_jᵀ + λ·n^α·I with confidence c_j = 1 + α·r_j,
 * and the right-hand side Σ_j c_j·q_j: each watch weighs c_j (Hu, Koren and Volinsky 2008, section 5).
 */
function implicitSystem(model: AlsModel, items: ArrayLike<number>, ratings: ArrayLike<number>): { A: Float64Array; k: number; weights: Float64Array } {
  const { rank, itemFactors, params } = model;
  const { alpha, reg } = implicitRowParams(params, model.nItems);
  const A = Float64Array.from(itemGram(model));
  const weights = new Float64Array(items.length);
  const values = implicitValues(params, Float32Array.from(ratings));
  for (let j = 0; j < items.length; j++) {
    const o = items[j] * rank;
    const c = 1 + alpha * values[j];
    weights[j] = c;
    for (let a = 0; a < rank; a++) {
      const w = (c - 1) * itemFactors[o + a];
      for (let b = a; b < rank; b++) A[a * rank + b] += w * itemFactors[o + b];
    }
  }
  const penalty = factorPenalty(reg, items.length);
  for (let f = 0; f < rank; f++) A[f * rank + f] += penalty;
  return { A, k: rank, weights };
}

/**
 * Fold-in solves A·x = Σ_j t_j·q̃_j, so the personal part of the target's score, q̃_t·x, equals Σ_j t_j·(q̃_tᵀA⁻¹q̃_j):
 * one exact share per rating, found with one solve per target. Explicit: q̃ = [q, 1], t_j = r_j − μ − b_j, and the
 * shares add up to the prediction minus μ and the target's bias. Implicit: q̃ = q, t_j = c_j, and they add up to the
 * whole watch score. Shares are sorted from the largest positive to the most negative. A is built once for all targets.
 */
export function explainScores(model: AlsModel, items: ArrayLike<number>, ratings: ArrayLike<number>, targets: number[]): Contribution[][] {
  const { rank, itemFactors } = model;
  const n = items.length;
  if (n === 0) return targets.map(() => []);
  const { A, k, weights } = model.params.objective === 'implicit' ? implicitSystem(model, items, ratings) : explicitSystem(model, items, ratings);
  const diag = new Float64Array(k);
  return targets.map((target) => {
    const w = new Float64Array(k);
    for (let f = 0; f < rank; f++) w[f] = itemFactors[target * rank + f];
    if (k > rank) w[rank] = 1;
    choleskySolve(A.slice(), w, k, diag);
    const out: Contribution[] = [];
    for (let j = 0; j < n; j++) {
      const it = items[j];
      const o = it * rank;
      let dot = k > rank ? w[rank] : 0;
      for (let f = 0; f < rank; f++) dot += w[f] * itemFactors[o + f];
      out.push({ index: j, item: it, share: weights[j] * dot });
    }
    return out.sort((a, b) => b.share - a.share || a.index - b.index);
  });
}

/** The shares for one target (see explainScores). */
export function explainScore(model: AlsModel, items: ArrayLike<number>, ratings: ArrayLike<number>, target: number): Contribution[] {
  return explainScores(model, items, ratings, [target])[0];
}
