// The list's non-personal controls: hidden gems (less popular first) and newer films first, as score adjustments.
import { rankerDefaults } from '../defaults/rankerDefaults';

/** Controls of a ranked list (all off when absent). */
export interface ListControls {
  /**
   * Hidden gems, 0–1: scales a movie's score down by gems × its popularity percentile by number of ratings (0 for the
   * least rated, 1 for the most rated): at 1 the most-rated movie's score goes to 0, the least-rated keeps it.
   */
  gems?: number;
  /** Newer films first, 0–1: scales a movie's score up by recency × 2^(−age/half-life), age in years before the newest film. */
  recency?: number;
  /** Release year of every catalogue movie (0, negative or NaN: unknown, no recency bonus); needed when recency > 0. */
  years?: ArrayLike<number>;
  /** Diversity, 0–1: maximal marginal relevance weight (0 off); see diversify.ts. */
  diversity?: number;
  /** With diversity on, no two listed movies are more alike than this cosine, while other candidates remain. */
  similarityThreshold?: number;
}


function checkStrength(name: string, v: number | undefined): number {
  const x = v ?? 0;
  if (!(x >= 0 && x <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  return x;
}

/** Percentiles and freshness per counts / years table, computed once (a sort of the catalogue is ~30 ms at 62K movies). */
const percentiles = new WeakMap<object, Float64Array>();
const freshness = new WeakMap<object, Float64Array>();

/** Each movie's percentile by number of ratings: (movies with fewer ratings + half the others with as many) / (n − 1). */
export function popularityPercentile(counts: ArrayLike<number>): Float64Array {
  const cached = percentiles.get(counts);
  if (cached) return cached;
  const n = counts.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => counts[a] - counts[b]);
  const out = new Float64Array(n);
  for (let r = 0; r < n; ) {
    let e = r;
    while (e + 1 < n && counts[order[e + 1]] === counts[order[r]]) e++;
    const p = n > 1 ? (r + e) / 2 / (n - 1) : 0;
    for (let k = r; k <= e; k++) out[order[k]] = p;
    r = e + 1;
  }
  percentiles.set(counts, out);
  return out;
}

/** 2^(−(newest − year)/half-life) per movie (rankerDefaults.recencyHalfLife), 0 for an unknown year; cached per years table. */
export function freshnessOf(years: ArrayLike<number>, n: number): Float64Array {
  const cached = freshness.get(years);
  if (cached && cached.length === n) return cached;
  let newest = -Infinity;
  for (let i = 0; i < n; i++) if (years[i] > 0) newest = Math.max(newest, years[i]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) if (years[i] > 0) out[i] = Math.pow(2, -(newest - years[i]) / rankerDefaults.recencyHalfLife);
  freshness.set(years, out);
  return out;
}

/**
 * Each movie's relative adjustment c = recency·freshness − gems·popularity, or null when both controls are off. The
 * list scores a movie s + |s|·c (s its personal score): a change in proportion to how much the person would like it,
 * so a film nobody like them watched is not lifted into the list by being obscure or new, and the strengths mean the
 * same whoever the person is.
 */
export function controlTerms(counts: ArrayLike<number>, controls: ListControls): Float64Array | null {
  const gems = checkStrength('gems', controls.gems);
  const recency = checkStrength('recency', controls.recency);
  if (gems === 0 && recency === 0) return null;
  const n = counts.length;
  const out = new Float64Array(n);
  if (gems > 0) {
    const pct = popularityPercentile(counts);
    for (let i = 0; i < n; i++) out[i] -= gems * pct[i];
  }
  if (recency > 0) {
    const years = controls.years;
    if (!years || years.length < n) throw new RangeError(`recency needs the release year of all ${n} movies`);
    const fresh = freshnessOf(years, n);
    for (let i = 0; i < n; i++) out[i] += recency * fresh[i];
  }
  return out;
}
