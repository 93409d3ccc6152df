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

export interface TasteGroupOptions {
  /** Taste groups; person u belongs to group u % groups. */
  groups: number;
  /** Movies each group loves (its own block of the catalogue). */
  moviesPerGroup: number;
  /** Blockbusters everyone watches and finds middling (2.5–3.5 stars): what popularity ranks first. */
  commonMovies: number;
  /** Niche movies, each rated 5 stars by `nicheRatings` random people: what a star predictor ranks first. */
  nicheMovies: number;
  nicheRatings: number;
  users: number;
  /** Per person: own-group movies rated 4–5, blockbusters, and other groups' movies rated 1–3. */
  groupRatings: number;
  commonRatings: number;
  otherRatings: number;
  seed: number;
}

export interface TasteGroupData {
  columns: RatingColumns;
  nUsers: number;
  nItems: number;
  /** Group of each movie (−1: a blockbuster or a niche movie). */
  movieGroup: Int32Array;
  /** Group of each person. */
  userGroup: Int32Array;
}

/**
 * Planted tastes where the right list is known: movies [g·M, (g+1)·M) belong to group g, then the blockbusters, then
 * the niche movies. Everyone loves some of their group's movies (4–5 stars), watches blockbusters (middling), dislikes
 * a few of other groups' movies (1–3 stars); each niche movie gets a few 5-star ratings from anyone. A good list for a group-g person
 * is group g's movies; popularity lists blockbusters, and predicted stars drift to the niche movies.
 */
export function plantedTasteGroups(o: TasteGroupOptions): TasteGroupData {
  const rng = createRng(o.seed);
  const M = o.moviesPerGroup;
  const common0 = o.groups * M;
  const niche0 = common0 + o.commonMovies;
  const nItems = niche0 + o.nicheMovies;
  const movieGroup = new Int32Array(nItems).fill(-1);
  for (let i = 0; i < common0; i++) movieGroup[i] = Math.floor(i / M);
  const userGroup = new Int32Array(o.users);
  const us: number[] = [];
  const is: number[] = [];
  const rs: number[] = [];
  const half = (lo: number, hi: number) => lo + rng.int(Math.round((hi - lo) * 2) + 1) / 2;
  const pick = (from: number, size: number, n: number, taken: Set<number>, stars: () => number, u: number) => {
    for (let k = 0; k < Math.min(n, size); ) {
      const i = from + rng.int(size);
      if (taken.has(i)) continue;
      taken.add(i);
      us.push(u);
      is.push(i);
      rs.push(stars());
      k++;
    }
  };
  for (let u = 0; u < o.users; u++) {
    const g = u % o.groups;
    userGroup[u] = g;
    const taken = new Set<number>();
    // Within a group, lower-numbered movies are better known (a popularity slope inside each taste).
    for (let k = 0; k < Math.min(o.groupRatings, M); ) {
      const i = g * M + Math.floor(M * Math.pow(rng.uniform(), 1.5));
      if (taken.has(i)) continue;
      taken.add(i);
      us.push(u);
      is.push(i);
      rs.push(half(4, 5));
      k++;
    }
    pick(common0, o.commonMovies, o.commonRatings, taken, () => half(2.5, 3.5), u);
    for (let k = 0; k < o.otherRatings; k++) {
      const other = (g + 1 + rng.int(o.groups - 1)) % o.groups;
      pick(other * M, M, 1, taken, () => half(1, 3), u);
    }
  }
  for (let n = 0; n < o.nicheMovies; n++) {
    const raters = new Set<number>();
    while (raters.size < Math.min(o.nicheRatings, o.users)) raters.add(rng.int(o.users));
    for (const u of raters) {
      us.push(u);
      is.push(niche0 + n);
      rs.push(5);
    }
  }
  // User-major order, as the other generators and the releases.
  const order = us.map((_, k) => k).sort((a, b) => us[a] - us[b] || a - b);
  const columns: RatingColumns = {
    users: Int32Array.from(order, (k) => us[k]),
    items: Int32Array.from(order, (k) => is[k]),
    ratings: Float32Array.from(order, (k) => rs[k]),
    length: order.length,
  };
  return { columns, nUsers: o.users, nItems, movieGroup, userGroup };
}
