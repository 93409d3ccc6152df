// Diversity: greedy maximal marginal relevance over item factors with a similarity threshold (no run of near-copies).
import type { ScoredItem } from '../types';

/** Cosine similarity of two items' factor rows (0 when either row is zero). */
export function factorCosine(factors: Float32Array, rank: number, norms: Float32Array, a: number, b: number): number {
  const na = norms[a];
  const nb = norms[b];
  if (na === 0 || nb === 0) return 0;
  let dot = 0;
  const oa = a * rank;
  const ob = b * rank;
  for (let f = 0; f < rank; f++) dot += factors[oa + f] * factors[ob + f];
  return dot / (na * nb);
}

export interface DiversifyOptions {
  n: number;
  /** MMR weight in (0, 1]: a candidate's value is score − weight·scale·(its largest cosine to the movies already picked). */
  weight: number;
  /** Candidates above this cosine to a picked movie are taken only when no candidate at or below it is left. */
  threshold: number;
  /** The unit of the penalty (the person's top score), so the weight means the same for everyone. */
  scale: number;
  factors: Float32Array;
  rank: number;
  norms: Float32Array;
}

/**
 * Picks n of the candidates (best first by score) greedily: each pick is the candidate with the best
 * score − weight·scale·maxSim among those whose maxSim to every earlier pick is ≤ threshold (all of them when none is).
 * Returns the picks in order. O(n·candidates·rank).
 */
export function diversify(candidates: readonly ScoredItem[], opts: DiversifyOptions): ScoredItem[] {
  const m = candidates.length;
  const maxSim = new Float64Array(m).fill(-Infinity);
  const taken = new Uint8Array(m);
  const picks: ScoredItem[] = [];
  const penalty = opts.weight * Math.abs(opts.scale);
  while (picks.length < Math.min(opts.n, m)) {
    let best = -1;
    let bestValue = -Infinity;
    let bestOk = false;
    for (let c = 0; c < m; c++) {
      if (taken[c]) continue;
      const sim = picks.length === 0 ? 0 : maxSim[c];
      const ok = sim <= opts.threshold;
      const value = candidates[c].score - penalty * Math.max(0, sim);
      if ((ok && !bestOk) || (ok === bestOk && value > bestValue)) {
        best = c;
        bestValue = value;
        bestOk = ok;
      }
    }
    taken[best] = 1;
    const item = candidates[best].item;
    picks.push(candidates[best]);
    for (let c = 0; c < m; c++) {
      if (!taken[c]) maxSim[c] = Math.max(maxSim[c], factorCosine(opts.factors, opts.rank, opts.norms, item, candidates[c].item));
    }
  }
  return picks;
}
