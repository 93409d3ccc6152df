// Seeded synthetic ratings with a planted low-rank signal plus Gaussian noise, for testing ALS recovery.

import type { RatingColumns } from './types';
import { createRng } from './als/random';

export interface PlantedOptions {
  users: number;
  items: number;
  rank: number;
  /** Probability each (user, item) pair is rated; give this or ratingsPerUser. */
  density?: number;
  /** Exact number of distinct items rated by every user (capped at items). */
  ratingsPerUser?: number;
  /** Standard deviation of the Gaussian noise added to every rating. */
  noise: number;
  seed: number;
  /** Global mean of the signal (default 3.5). */
  mu?: number;
  /** Std of user biases (default 0.3) and item biases (default 0.5). */
  userBiasStd?: number;
  itemBiasStd?: number;
  /** Clamp ratings into [0.5, 5] (they stay continuous). */
  clamp?: boolean;
}

export interface PlantedData {
  columns: RatingColumns;
  nUsers: number;
  nItems: number;
  noiseStd: number;
  /** The planted truth: rating = mu + userBias + itemBias + P[u]·Q[i] + noise. */
  truth: { mu: number; userBias: Float64Array; itemBias: Float64Array; P: Float64Array; Q: Float64Array };
}

/** Ratings in user-major order; factor entries ~ N(0, 1/√rank) so p·q has unit variance. */
export function plantedLowRank(opts: PlantedOptions): PlantedData {
  const { users, items, rank, noise, seed } = opts;
  if (opts.density === undefined && opts.ratingsPerUser === undefined) throw new RangeError('give density or ratingsPerUser');
  const mu = opts.mu ?? 3.5;
  const rng = createRng(seed);
  const s = Math.pow(rank, -0.25);
  const P = new Float64Array(users * rank);
  const Q = new Float64Array(items * rank);
  const userBias = new Float64Array(users);
  const itemBias = new Float64Array(items);
  for (let k = 0; k < P.length; k++) P[k] = s * rng.normal();
  for (let k = 0; k < Q.length; k++) Q[k] = s * rng.normal();
  for (let u = 0; u < users; u++) userBias[u] = (opts.userBiasStd ?? 0.3) * rng.normal();
  for (let i = 0; i < items; i++) itemBias[i] = (opts.itemBiasStd ?? 0.5) * rng.normal();

  const us: number[] = [];
  const is: number[] = [];
  const rs: number[] = [];
  const chosen = new Uint8Array(items);
  const emit = (u: number, i: number): void => {
    let r = mu + userBias[u] + itemBias[i];
    for (let j = 0; j < rank; j++) r += P[u * rank + j] * Q[i * rank + j];
    r += noise * rng.normal();
    if (opts.clamp) r = r < 0.5 ? 0.5 : r > 5 ? 5 : r;
    us.push(u);
    is.push(i);
    rs.push(r);
  };
  for (let u = 0; u < users; u++) {
    if (opts.ratingsPerUser !== undefined) {
      // Floyd's algorithm: m distinct items, then emitted in ascending order.
      const m = Math.min(items, opts.ratingsPerUser);
      chosen.fill(0);
      for (let j = items - m; j < items; j++) {
        const t = rng.int(j + 1);
        if (chosen[t]) chosen[j] = 1;
        else chosen[t] = 1;
      }
      for (let i = 0; i < items; i++) if (chosen[i]) emit(u, i);
    } else {
      const d = opts.density as number;
      for (let i = 0; i < items; i++) if (rng.uniform() < d) emit(u, i);
    }
  }
  const columns: RatingColumns = {
    users: Int32Array.from(us),
    items: Int32Array.from(is),
    ratings: Float32Array.from(rs),
    length: us.length,
  };
  return { columns, nUsers: users, nItems: items, noiseStd: noise, truth: { mu, userBias, itemBias, P, Q } };
}
