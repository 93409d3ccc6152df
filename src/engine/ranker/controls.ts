// The list's non-personal controls: hidden gems (less popular first) and newer films first, as score adjustments.
import { rankerDefaults } from '../defaults/rankerDefaults';

/** Controls of a ranked list (all off when absent). */
export interface ListControls {
  /**
   * Hidden gems, 0–1: scales a movie's score down by gems × its popularity log(1 + ratings)/log(1 + most ratings):
   * at 1 the most-rated movie's score goes to 0, one with a single rating keeps most of it. (A percentile barely
   * separated the candidates: nearly all of them sit above the 95th, the long tail being one-rating films.)
   */
  gems?: number;
  /**
   * Newer films first, 0–1: multiplies a movie's score by gain^(recency × freshness), freshness = 2^(−age/half-life),
   * age in years before the catalogue's newest film: at 1 the newest films' scores are ×4, ten-year-old ones ×2.
   */
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

/** Popularity and freshness per counts / years table, computed once per table. */
const popularities = new WeakMap<object, Float64Array>();
const freshness = new WeakMap<object, Float64Array>();

/** Each movie's log(1 + ratings)/log(1 + the most ratings): 0 unrated, 1 for the most rated; cached per counts table. */
export function popularityOf(counts: ArrayLike<number>): Float64Array {
  const cached = popularities.get(counts);
  if (cached) return cached;
  const n = counts.length;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, counts[i]);
  const norm = Math.log1p(max) || 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.log1p(counts[i]) / norm;
  popularities.set(counts, out);
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
 * Each movie's relative adjustment c = (1 − gems·popularity)·gain^(recency·freshness) − 1 (gain: rankerDefaults.recencyGain), or null when both
 * controls are off. The list scores a movie s + |s|·c (s its personal score): a change in proportion to how much the
 * person would like it, so a film nobody like them watched is not lifted into the list by being obscure or new, and
 * the strengths mean the same whoever the person is.
 */
export function controlTerms(counts: ArrayLike<number>, controls: ListControls): Float64Array | null {
  const gems = checkStrength('gems', controls.gems);
  const recency = checkStrength('recency', controls.recency);
  if (gems === 0 && recency === 0) return null;
  const n = counts.length;
  const out = new Float64Array(n).fill(1);
  if (gems > 0) {
    const pop = popularityOf(counts);
    for (let i = 0; i < n; i++) out[i] *= 1 - gems * pop[i];
  }
  if (recency > 0) {
    const years = controls.years;
    if (!years || years.length < n) throw new RangeError(`recency needs the release year of all ${n} movies`);
    const fresh = freshnessOf(years, n);
    for (let i = 0; i < n; i++) out[i] *= Math.pow(rankerDefaults.recencyGain, recency * fresh[i]);
  }
  for (let i = 0; i < n; i++) out[i] -= 1;
  return out;
}
