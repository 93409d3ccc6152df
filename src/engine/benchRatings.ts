// In-memory MovieLens-shaped rating columns (ml-25m density, long tails, planted low rank) for the ALS benchmarks.
import { createRng } from './als/random';
import { plantedTruth, SYNTH_DEFAULTS } from './movielens/synthRelease';
import { AliasTable, itemPopularity, sampleDistinct, userActivity } from './movielens/synthSkew';
import type { RatingColumns } from './types';

export interface BenchRatings {
  columns: RatingColumns;
  nUsers: number;
  nItems: number;
}

/** ml-25m proportions: about 154 ratings per user and 400 per movie. */
export function ml25mShape(ratings: number): { users: number; movies: number } {
  return { users: Math.max(1, Math.round(ratings / 154)), movies: Math.max(1, Math.round(ratings / 400)) };
}

/**
 * `ratings` distinct (user, movie) pairs with the same user activity and movie popularity as `cli synth`,
 * half-star values from a planted signal (`cli synth`'s default rank) plus noise; user-major order. Seeded and deterministic.
 */
export function benchRatings(ratings: number, seed = SYNTH_DEFAULTS.seed): BenchRatings {
  const { users, movies } = ml25mShape(ratings);
  const rng = createRng(seed);
  const counts = userActivity(ratings, users, movies, rng);
  const weights = itemPopularity(movies, rng);
  const table = new AliasTable(weights);
  const truth = plantedTruth(users, movies, SYNTH_DEFAULTS.rank, seed + 7);
  const stamp = new Int32Array(movies).fill(-1);
  const chosen = new Int32Array(movies);
  const cols: RatingColumns = {
    users: new Int32Array(ratings),
    items: new Int32Array(ratings),
    ratings: new Float32Array(ratings),
    length: ratings,
  };
  let k = 0;
  for (let u = 0; u < users; u++) {
    const n = counts[u];
    sampleDistinct(n, weights, table, stamp, u, rng, chosen);
    for (let c = 0; c < n; c++) {
      const i = chosen[c];
      let dot = 0;
      for (let j = 0; j < 8; j++) dot += truth.P[u * 8 + j] * truth.Q[i * 8 + j];
      const x = truth.mu + truth.userBias[u] + truth.itemBias[i] + 0.8 * dot + 0.5 * rng.normal();
      const half = Math.min(10, Math.max(1, Math.round(x * 2)));
      cols.users[k] = u;
      cols.items[k] = i;
      cols.ratings[k] = half / 2;
      k++;
    }
  }
  return { columns: cols, nUsers: users, nItems: movies };
}
