// Onboarding picks: well-known movies spread out in factor space (greedy farthest point), so each rating teaches fold-in most.

/** Default number of most-rated movies the picks are drawn from ("known"). */
export const DEFAULT_ONBOARDING_POOL = 200;

export interface OnboardingOptions {
  /** How many movies to pick. */
  n: number;
  /** The candidates are the `poolSize` most-rated movies that are not excluded (default DEFAULT_ONBOARDING_POOL). */
  poolSize?: number;
  /** Dense indices never picked: rated, hidden, skipped. */
  exclude?: Iterable<number>;
  /** Dense indices the person already rated: picks keep away from them too, so a new pick covers new ground. */
  anchors?: Iterable<number>;
}

/** Item factors as the picks need them: `rank` floats a row, row i = movie i. */
export interface FactorTable {
  rank: number;
  itemFactors: Float32Array;
}

/** The `size` most-rated movies not in `exclude`, most-rated first (ties: lower index first). */
export function popularPool(counts: ArrayLike<number>, size: number, exclude: Iterable<number> = []): number[] {
  const skip = new Set(exclude);
  const order: number[] = [];
  for (let i = 0; i < counts.length; i++) if (!skip.has(i) && counts[i] > 0) order.push(i);
  order.sort((a, b) => counts[b] - counts[a] || a - b);
  return order.slice(0, Math.max(0, size));
}

function distance2(q: Float32Array, rank: number, a: number, b: number): number {
  let d = 0;
  for (let f = 0; f < rank; f++) {
    const x = q[a * rank + f] - q[b * rank + f];
    d += x * x;
  }
  return d;
}

/**
 * Greedy farthest-point selection over the popular pool: the first pick is the most-rated movie (or, with
 * anchors, the pool movie farthest from every anchor); each next pick is the pool movie whose nearest
 * already-picked (or anchor) movie is farthest away. Deterministic: ties go to the more-rated movie.
 */
export function onboardingPicks(model: FactorTable, counts: ArrayLike<number>, opts: OnboardingOptions): number[] {
  const pool = popularPool(counts, opts.poolSize ?? DEFAULT_ONBOARDING_POOL, opts.exclude);
  const n = Math.min(Math.max(0, Math.floor(opts.n)), pool.length);
  const { rank, itemFactors: q } = model;
  const nearest = new Float64Array(pool.length).fill(Infinity);
  const taken = new Uint8Array(pool.length);
  for (const a of opts.anchors ?? []) {
    for (let k = 0; k < pool.length; k++) nearest[k] = Math.min(nearest[k], distance2(q, rank, pool[k], a));
  }
  const picks: number[] = [];
  while (picks.length < n) {
    let best = -1;
    for (let k = 0; k < pool.length; k++) {
      if (taken[k]) continue;
      if (best < 0 || nearest[k] > nearest[best]) best = k;
    }
    taken[best] = 1;
    const item = pool[best];
    picks.push(item);
    for (let k = 0; k < pool.length; k++) {
      if (!taken[k]) nearest[k] = Math.min(nearest[k], distance2(q, rank, pool[k], item));
    }
  }
  return picks;
}

export interface Spread {
  /** Mean Euclidean distance over all pairs of picks. */
  meanDistance: number;
  /** Smallest distance between two picks (how close the two most alike picks are). */
  minDistance: number;
  /** log det(I + Σ q qᵀ): how much the picks' ratings pin down a folded-in taste vector (D-optimal design). */
  logDet: number;
}

/** How spread out a set of movies is in factor space (for tests and the report, not for serving). */
export function spreadOf(model: FactorTable, items: readonly number[]): Spread {
  const { rank, itemFactors: q } = model;
  let sum = 0;
  let pairs = 0;
  let min = Infinity;
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const d = Math.sqrt(distance2(q, rank, items[a], items[b]));
      sum += d;
      pairs++;
      min = Math.min(min, d);
    }
  }
  // G = I + Σ q qᵀ, then log det by Cholesky (G is symmetric positive definite).
  const g = new Float64Array(rank * rank);
  for (let f = 0; f < rank; f++) g[f * rank + f] = 1;
  for (const i of items) {
    for (let f = 0; f < rank; f++) {
      const x = q[i * rank + f];
      for (let h = 0; h <= f; h++) g[f * rank + h] += x * q[i * rank + h];
    }
  }
  let logDet = 0;
  for (let j = 0; j < rank; j++) {
    let d = g[j * rank + j];
    for (let k = 0; k < j; k++) d -= g[j * rank + k] * g[j * rank + k];
    const l = Math.sqrt(d);
    g[j * rank + j] = l;
    logDet += 2 * Math.log(l);
    for (let i = j + 1; i < rank; i++) {
      let s = g[i * rank + j];
      for (let k = 0; k < j; k++) s -= g[i * rank + k] * g[j * rank + k];
      g[i * rank + j] = s / l;
    }
  }
  return { meanDistance: pairs ? sum / pairs : 0, minDistance: pairs ? min : 0, logDet };
}
