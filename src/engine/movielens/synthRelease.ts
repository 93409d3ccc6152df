// A MovieLens-shaped synthetic release (ratings.csv, movies.csv, links.csv), seeded, streamed as bytes: skewed, half stars, planted low rank.
import { createRng } from '../als/random';
import { plantedLowRank } from '../synth';
import { AliasTable, itemPopularity, sampleDistinct, userActivity } from './synthSkew';
import { LINKS_HEADER, MOVIES_HEADER, synthLinkLine, synthMovieId, synthMovieLine } from './writeRelease';

export interface SynthReleaseOptions {
  ratings: number;
  users: number;
  movies: number;
  seed?: number;
  /** Rank of the planted signal. */
  rank?: number;
  /** Standard deviation of the noise added before rounding to stars. */
  noise?: number;
}

/** Seed, planted rank and star noise when not given (`cli synth`, `bench import`, the ALS benchmarks' ratings). */
export const SYNTH_DEFAULTS: Readonly<{ seed: number; rank: number; noise: number }> = Object.freeze({ seed: 42, rank: 8, noise: 0.5 });

/** The release's time span: ml-25m's first and last timestamps (1995-01-09 to 2019-11-21). */
const START = 789_652_009;
const END = 1_574_327_703;
const CHUNK = 1 << 20;

/** Checks the sizes make sense: every user rates at least one movie and no (user, movie) pair twice. */
export function checkSynthOptions(o: SynthReleaseOptions): void {
  for (const k of ['ratings', 'users', 'movies'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new RangeError(`--${k} must be a whole number of at least 1, got ${o[k]}`);
  }
  if (o.ratings < o.users) throw new RangeError(`--ratings (${o.ratings}) must be at least --users (${o.users}): every user rates something`);
  if (o.ratings > o.users * o.movies) throw new RangeError(`--ratings (${o.ratings}) cannot exceed users × movies (${o.users * o.movies}) without repeating a pair`);
  if (o.users > 999_999_999 || o.movies > 333_333_333) throw new RangeError('ids must stay within 9 digits');
}

/**
 * The planted truth r = μ + b_u + b_i + p_u·q_i, taken from the shared low-rank generator (src/engine/synth.ts):
 * one call with a single user gives the movie side, one with a single movie the user side (no ratings drawn).
 */
export function plantedTruth(users: number, movies: number, rank: number, seed: number) {
  const side = { rank, ratingsPerUser: 0, noise: 0 };
  const m = plantedLowRank({ ...side, users: 1, items: movies, seed }).truth;
  const u = plantedLowRank({ ...side, users, items: 1, seed: seed + 1 }).truth;
  return { mu: m.mu, userBias: u.userBias, itemBias: m.itemBias, P: u.P, Q: m.Q, rank };
}

/** Writes v's decimal digits at buf[pos]; returns the position after them. */
function writeUint(buf: Uint8Array, pos: number, v: number): number {
  let digits = 1;
  for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let k = pos + digits - 1; k >= pos; k--) {
    buf[k] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
  return pos + digits;
}

/**
 * ratings.csv as ~1 MiB byte chunks (LF lines), users 1..U in order, each user's ratings in time order.
 * Memory is O(users + movies), never O(ratings).
 */
export function* synthRatingsCsv(opts: SynthReleaseOptions): Generator<Uint8Array> {
  checkSynthOptions(opts);
  const { ratings, users, movies } = opts;
  const seed = opts.seed ?? SYNTH_DEFAULTS.seed;
  const rank = opts.rank ?? SYNTH_DEFAULTS.rank;
  const noise = opts.noise ?? SYNTH_DEFAULTS.noise;
  const rng = createRng(seed);
  const counts = userActivity(ratings, users, movies, rng);
  const weights = itemPopularity(movies, rng);
  const table = new AliasTable(weights);
  const truth = plantedTruth(users, movies, rank, seed + 7);
  const { P, Q, userBias, itemBias, mu } = truth;
  const stamp = new Int32Array(movies).fill(-1);
  const chosen = new Int32Array(movies);
  const gaps = new Float64Array(movies);
  const buf = new Uint8Array(CHUNK);
  let pos = 0;
  for (const ch of 'userId,movieId,rating,timestamp\n') buf[pos++] = ch.charCodeAt(0);
  for (let u = 0; u < users; u++) {
    const n = counts[u];
    sampleDistinct(n, weights, table, stamp, u, rng, chosen);
    // Time: a start in the release span, then bursts (sessions) and pauses spread over the user's active period.
    const t0 = START + Math.floor(rng.uniform() * (END - START) * 0.95);
    const span = Math.min(END - t0 - n, Math.floor(rng.uniform() * rng.uniform() * 8 * 365 * 86_400));
    let total = 0;
    for (let k = 0; k < n; k++) total += gaps[k] = rng.uniform() < 0.9 ? rng.uniform() : 50 * rng.uniform();
    let cum = 0;
    const pu = u * rank;
    for (let k = 0; k < n; k++) {
      const i = chosen[k];
      let dot = 0;
      const qi = i * rank;
      for (let j = 0; j < rank; j++) dot += P[pu + j] * Q[qi + j];
      let x = mu + userBias[u] + itemBias[i] + 0.8 * dot + noise * rng.normal();
      // People give whole stars more often than half stars.
      let half = rng.uniform() < 0.55 ? 2 * Math.round(x) : Math.round(x * 2);
      half = half < 1 ? 1 : half > 10 ? 10 : half;
      cum += gaps[k];
      const ts = t0 + k + Math.floor((span * (cum - gaps[k])) / total);
      if (pos > CHUNK - 48) {
        yield buf.slice(0, pos);
        pos = 0;
      }
      pos = writeUint(buf, pos, u + 1);
      buf[pos++] = 44;
      pos = writeUint(buf, pos, synthMovieId(i));
      buf[pos++] = 44;
      buf[pos++] = 48 + (half >> 1);
      buf[pos++] = 46;
      buf[pos++] = half & 1 ? 53 : 48;
      buf[pos++] = 44;
      pos = writeUint(buf, pos, ts);
      buf[pos++] = 10;
    }
  }
  if (pos > 0) yield buf.slice(0, pos);
}

export function synthMoviesCsv(movies: number): string {
  const lines = [MOVIES_HEADER];
  for (let i = 0; i < movies; i++) lines.push(synthMovieLine(i));
  return lines.join('\n') + '\n';
}

export function synthLinksCsv(movies: number): string {
  const lines = [LINKS_HEADER];
  for (let i = 0; i < movies; i++) lines.push(synthLinkLine(i));
  return lines.join('\n') + '\n';
}
