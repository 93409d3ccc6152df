// Long-tailed shapes for the synthetic releases: ratings per user (log-normal, MovieLens' 20 minimum) and movie popularity (Zipf-like).
import type { Rng } from '../als/random';

/** MovieLens keeps users with at least 20 ratings. */
export const MIN_PER_USER = 20;

/**
 * Ratings per user: a floor (20, or less when the total does not allow it) plus a log-normal share of the rest
 * (σ 1.38 gives ml-25m's mean/median of about 2.2), each capped at `movies`; the counts sum to `ratings` exactly.
 */
export function userActivity(ratings: number, users: number, movies: number, rng: Rng): Int32Array {
  const floor = Math.max(1, Math.min(MIN_PER_USER, Math.floor(ratings / users), movies));
  const extra = ratings - floor * users;
  const w = new Float64Array(users);
  let total = 0;
  for (let u = 0; u < users; u++) total += w[u] = Math.exp(1.38 * rng.normal());
  const counts = new Int32Array(users);
  let cum = 0;
  let given = 0;
  let carry = 0;
  for (let u = 0; u < users; u++) {
    cum += w[u];
    const upTo = Math.round((extra * cum) / total);
    let n = floor + upTo - given + carry;
    given = upTo;
    carry = 0;
    if (n > movies) {
      carry = n - movies;
      n = movies;
    }
    counts[u] = n;
  }
  // What the cap pushed past the last user goes to users with room, one at a time.
  for (let u = 0; carry > 0; u = (u + 1) % users) {
    if (counts[u] < movies) {
      counts[u]++;
      carry--;
    }
  }
  return counts;
}

/**
 * Movie weights ∝ 1/(r + k)², r a random popularity rank, k = 0.48% of the catalogue: at ml-25m size the most
 * popular movie gets about 0.3% of all ratings and the median movie a handful, as in the real release.
 */
export function itemPopularity(movies: number, rng: Rng): Float64Array {
  const order = new Int32Array(movies);
  for (let i = 0; i < movies; i++) order[i] = i;
  for (let i = movies - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const k = Math.max(1, 0.0048 * movies);
  const w = new Float64Array(movies);
  for (let r = 0; r < movies; r++) w[order[r]] = 1 / ((r + k) * (r + k));
  return w;
}

/** Walker's alias method: O(1) draws from a fixed discrete distribution. */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: Float64Array) {
    const n = weights.length;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i];
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / sum;
      if (scaled[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[nl - 1];
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        nl--;
        small[ns++] = l;
      }
    }
    while (nl > 0) this.prob[large[--nl]] = 1;
    while (ns > 0) this.prob[small[--ns]] = 1;
  }

  draw(rng: Rng): number {
    const x = rng.uniform() * this.prob.length;
    const i = Math.floor(x);
    return x - i < this.prob[i] ? i : this.alias[i];
  }
}

/**
 * n distinct movies drawn by popularity without replacement, into `out`. Light users: alias draws, repeats
 * rejected with a per-user stamp; heavy users (over an eighth of the catalogue): exponential keys, n smallest.
 */
export function sampleDistinct(
  n: number,
  weights: Float64Array,
  table: AliasTable,
  stamp: Int32Array,
  user: number,
  rng: Rng,
  out: Int32Array,
): void {
  const m = weights.length;
  if (n * 8 <= m) {
    for (let k = 0; k < n; ) {
      const i = table.draw(rng);
      if (stamp[i] === user) continue;
      stamp[i] = user;
      out[k++] = i;
    }
    return;
  }
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let u = rng.uniform();
    while (u <= 0) u = rng.uniform();
    keys[i] = -Math.log(u) / weights[i];
  }
  const idx = Int32Array.from({ length: m }, (_, i) => i).sort((a, b) => keys[a] - keys[b]);
  out.set(idx.subarray(0, n));
}
