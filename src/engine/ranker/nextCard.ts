// Onboarding that learns: the next card is the one whose answer would pin the person's taste down most, from a deck with recent films.
import type { AlsModel } from '../types';
import { itemGram } from '../als/foldIn';
import { implicitRowParams, implicitValues } from '../als/implicitParams';
import { factorPenalty } from '../als/regularization';
import { spdInverse } from './spdInverse';
import type { Profile } from './ranker';

export interface DeckOptions {
  /** The most-rated movies in the deck (default 300). */
  pool?: number;
  /** Plus the most-rated movies released in the catalogue's last `recentYears` years (default 100 of the last 5 years). */
  recentPool?: number;
  recentYears?: number;
  /** Release year of every movie (0, negative or NaN: unknown); without it the deck has no recent part. */
  years?: ArrayLike<number>;
}

/** The deck: the `pool` most-rated movies and the `recentPool` most-rated of the last `recentYears` years, most-rated first. */
export function deckOf(counts: ArrayLike<number>, opts: DeckOptions = {}): number[] {
  const byCount = (a: number, b: number) => counts[b] - counts[a] || a - b;
  const rated: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) rated.push(i);
  rated.sort(byCount);
  const deck = new Set(rated.slice(0, opts.pool ?? 300));
  const years = opts.years;
  if (years) {
    let newest = -Infinity;
    for (let i = 0; i < counts.length; i++) if (years[i] > 0) newest = Math.max(newest, years[i]);
    const since = newest - (opts.recentYears ?? 5) + 1;
    rated.filter((i) => years[i] >= since).slice(0, opts.recentPool ?? 100).forEach((i) => deck.add(i));
  }
  return [...deck].sort(byCount);
}

/**
 * What an answer to each candidate would teach: P(seen)·log(1 + w·q_tᵀA⁻¹q_t), where A is the person's iALS fold-in
 * system given the answers so far (YᵀY + Σ (c − 1)·q qᵀ + penalty·I), q_tᵀA⁻¹q_t the variance of their predicted score
 * for t (its uncertainty), w the confidence weight an average answer adds (so the log is the gain in log det A:
 * D-optimal design), and P(seen) = the movie's share of people who rated it (a card they have not seen teaches
 * nothing). Returns one value per candidate.
 */
export function cardValues(ials: AlsModel, counts: ArrayLike<number>, nUsers: number, profile: Profile, candidates: readonly number[]): Float64Array {
  const { rank, itemFactors: q, nItems } = ials;
  const { alpha, reg } = implicitRowParams(ials.params, nItems);
  const A = Float64Array.from(itemGram(ials));
  const values = implicitValues(ials.params, Float32Array.from(profile.stars));
  for (let k = 0; k < profile.items.length; k++) {
    const o = profile.items[k] * rank;
    const w = alpha * values[k];
    for (let a = 0; a < rank; a++) for (let b = a; b < rank; b++) A[a * rank + b] += w * q[o + a] * q[o + b];
  }
  const penalty = Math.max(factorPenalty(reg, profile.items.length), 1e-9);
  for (let f = 0; f < rank; f++) A[f * rank + f] += penalty;
  for (let a = 1; a < rank; a++) for (let b = 0; b < a; b++) A[a * rank + b] = A[b * rank + a];
  spdInverse(A, rank);
  // An answer's weight: the confidence of a 4-star rating (what most answers are).
  const w = alpha * implicitValues(ials.params, Float32Array.of(4))[0];
  const out = new Float64Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const o = candidates[c] * rank;
    let variance = 0;
    for (let a = 0; a < rank; a++) {
      let s = 0;
      for (let b = 0; b < rank; b++) s += A[a * rank + b] * q[o + b];
      variance += q[o + a] * s;
    }
    out[c] = (counts[candidates[c]] / Math.max(1, nUsers)) * Math.log1p(w * Math.max(0, variance));
  }
  return out;
}

/** The next card: the deck movie not yet answered, skipped or excluded with the largest cardValues (ties: more-rated first). */
export function nextCard(ials: AlsModel, counts: ArrayLike<number>, nUsers: number, profile: Profile, deck: readonly number[], exclude: Iterable<number> = []): number | null {
  const skip = new Set(exclude);
  for (let k = 0; k < profile.items.length; k++) skip.add(profile.items[k]);
  const open = deck.filter((i) => !skip.has(i));
  if (open.length === 0) return null;
  const values = cardValues(ials, counts, nUsers, profile, open);
  let best = 0;
  for (let c = 1; c < open.length; c++) if (values[c] > values[best]) best = c;
  return open[best];
}
