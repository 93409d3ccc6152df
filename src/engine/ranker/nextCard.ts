// Onboarding that learns: the next card is the one whose answer would pin the person's taste down most, from a deck with recent films.
import type { AlsModel } from '../types';
import { spdInverse } from './spdInverse';
import type { Profile, RankerModel } from './ranker';
import { cardDefaults } from '../defaults/rankerDefaults';

export interface DeckOptions {
  /** The most-rated movies in the deck (default cardDefaults.pool). */
  pool?: number;
  /** Plus the most-rated movies released in the catalogue's last `recentYears` years (defaults: cardDefaults). */
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
  const deck = new Set(rated.slice(0, opts.pool ?? cardDefaults.pool));
  const years = opts.years;
  if (years) {
    let newest = -Infinity;
    for (let i = 0; i < counts.length; i++) if (years[i] > 0) newest = Math.max(newest, years[i]);
    const since = newest - (opts.recentYears ?? cardDefaults.recentYears) + 1;
    rated.filter((i) => years[i] >= since).slice(0, opts.recentPool ?? cardDefaults.recentPool).forEach((i) => deck.add(i));
  }
  return [...deck].sort(byCount);
}

/** How the trained people's iALS taste vectors spread: the prior a newcomer's taste is drawn from. */
export interface TasteSpread {
  /** Covariance of the people's factor rows (rank × rank, float64). */
  cov: Float64Array;
  /** People with a non-zero row (the rest had no training ratings). */
  people: number;
}

/** The covariance of an iALS model's people (computed once per model from its user factors; the ranker keeps it). */
export function tasteSpread(ials: AlsModel): TasteSpread {
  const { rank, nUsers, userFactors: P } = ials;
  const active: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    let nz = false;
    for (let f = 0; f < rank && !nz; f++) nz = P[u * rank + f] !== 0;
    if (nz) active.push(u);
  }
  const n = active.length;
  const mean = new Float64Array(rank);
  for (const u of active) for (let f = 0; f < rank; f++) mean[f] += P[u * rank + f] / n;
  const cov = new Float64Array(rank * rank);
  const d = new Float64Array(rank);
  for (const u of active) {
    for (let f = 0; f < rank; f++) d[f] = P[u * rank + f] - mean[f];
    for (let a = 0; a < rank; a++) for (let b = a; b < rank; b++) cov[a * rank + b] += (d[a] * d[b]) / Math.max(1, n - 1);
  }
  for (let a = 1; a < rank; a++) for (let b = 0; b < a; b++) cov[a * rank + b] = cov[b * rank + a];
  return { cov, people: n };
}

function quad(M: Float64Array, q: Float32Array, o: number, rank: number): number {
  let s = 0;
  for (let a = 0; a < rank; a++) {
    let t = 0;
    for (let b = 0; b < rank; b++) t += M[a * rank + b] * q[o + b];
    s += q[o + a] * t;
  }
  return s;
}

/** The posterior over the person's taste that cards are valued against (cardValues' S and σ²), and q's inverse norms. */
interface Posterior {
  /** S, rank × rank. */
  S: Float64Array;
  sigma2: number;
  /** 1/|q_i|² (0 for a zero row). */
  unit: (i: number) => number;
}

/**
 * S = (Σ⁻¹ + Σ_j w_j q̂_j q̂_jᵀ/σ²)⁻¹ over the answered (w 1) and skipped (w cardDefaults.skipWeight) cards; σ² is the
 * mean prior variance over the candidates unless given.
 */
function posterior(model: RankerModel, profile: Profile, candidates: readonly number[], skipped: readonly number[], sigma2Given?: number): Posterior {
  const { rank, itemFactors: q } = model.ials;
  const { cov } = model.taste;
  const unit = (i: number) => {
    let n2 = 0;
    for (let f = 0; f < rank; f++) n2 += q[i * rank + f] ** 2;
    return n2 > 0 ? 1 / n2 : 0;
  };
  let trace = 0;
  for (let f = 0; f < rank; f++) trace += cov[f * rank + f];
  const S = Float64Array.from(cov);
  for (let f = 0; f < rank; f++) S[f * rank + f] += 1e-6 * (trace / rank || 1);
  let sigma2 = 0;
  if (sigma2Given === undefined) for (const t of candidates) sigma2 += (quad(S, q, t * rank, rank) * unit(t)) / candidates.length;
  else sigma2 = sigma2Given;
  sigma2 = Math.max(sigma2, 1e-12);
  const looked: [number, number][] = [...Array.from(profile.items, (i): [number, number] => [i, 1]), ...skipped.map((i): [number, number] => [i, cardDefaults.skipWeight])];
  if (looked.length > 0) {
    spdInverse(S, rank);
    for (const [i, w] of looked) {
      const o = i * rank;
      const s = (w * unit(i)) / sigma2;
      for (let a = 0; a < rank; a++) for (let b = 0; b < rank; b++) S[a * rank + b] += s * q[o + a] * q[o + b];
    }
    spdInverse(S, rank);
  }
  return { S, sigma2, unit };
}

/** A card's value from its posterior variance along q̂_t: P(seen)^seenExponent · log(1 + variance/σ²). */
const valueOf = (model: RankerModel, t: number, variance: number, sigma2: number) =>
  Math.pow(model.counts[t] / Math.max(1, model.taste.people), cardDefaults.seenExponent) * Math.log1p(Math.max(0, variance) / sigma2);

/**
 * What a card would teach, as Bayesian experimental design over the person's taste vector p: prior covariance Σ (how
 * real people differ, tasteSpread), every card looked at so far an observation along its direction q̂ = q/|q| with
 * noise σ² (the mean prior variance over the candidates, or `sigma2` when given): answered cards with weight 1,
 * skipped ones with cardDefaults.skipWeight (they told us that region is unknown to the person). S = (Σ⁻¹ +
 * Σ_j w_j q̂_j q̂_jᵀ/σ²)⁻¹, and a card's value is P(seen)^cardDefaults.seenExponent · log(1 + q̂_tᵀSq̂_t/σ²): the taste
 * direction still open times how likely the person knows the film (the share of people who rated it).
 */
export function cardValues(model: RankerModel, profile: Profile, candidates: readonly number[], skipped: readonly number[] = [], sigma2?: number): Float64Array {
  const { rank, itemFactors: q } = model.ials;
  const post = posterior(model, profile, candidates, skipped, sigma2);
  const out = new Float64Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const t = candidates[c];
    out[c] = valueOf(model, t, quad(post.S, q, t * rank, rank) * post.unit(t), post.sigma2);
  }
  return out;
}

/** The deck movies neither answered nor skipped, in deck order. */
function openCards(profile: Profile, deck: readonly number[], skipped: readonly number[]): number[] {
  const skip = new Set(skipped);
  for (let k = 0; k < profile.items.length; k++) skip.add(profile.items[k]);
  return deck.filter((i) => !skip.has(i));
}

/** The mean prior variance over the open cards: the σ² a batch of cards (nextCards) is chosen with. */
export function cardNoise(model: RankerModel, profile: Profile, deck: readonly number[], skipped: readonly number[] = []): number {
  return posterior(model, { items: [], stars: [] }, openCards(profile, deck, skipped), []).sigma2;
}

/**
 * The next `n` cards: each the open deck movie with the largest cardValues (ties: earlier in the deck), the ones after
 * the first chosen as if the ones before were skipped (so a batch does not repeat one taste direction), all with the
 * σ² of the batch's start (cardNoise). The posterior is built once; each pick then updates it and every candidate's
 * variance by Sherman–Morrison (rank + candidates × rank work, not a rebuild): a batch of 12 costs about one card.
 */
export function nextCards(model: RankerModel, profile: Profile, deck: readonly number[], skipped: readonly number[] = [], n = 1): number[] {
  const open = openCards(profile, deck, skipped);
  if (open.length === 0 || n <= 0) return [];
  const { rank, itemFactors: q } = model.ials;
  const { S, sigma2, unit } = posterior(model, profile, open, skipped);
  const variance = Float64Array.from(open, (t) => quad(S, q, t * rank, rank) * unit(t));
  const taken = new Uint8Array(open.length);
  const out: number[] = [];
  const Sq = new Float64Array(rank);
  while (out.length < n) {
    let best = -1;
    let bestValue = -Infinity;
    for (let c = 0; c < open.length; c++) {
      if (taken[c]) continue;
      const v = valueOf(model, open[c], variance[c], sigma2);
      if (v > bestValue) [best, bestValue] = [c, v];
    }
    if (best < 0) break;
    taken[best] = 1;
    const i = open[best];
    out.push(i);
    if (out.length === n) break;
    // Looking at i (weight skipWeight): S ← S − s·(Sq_i)(Sq_i)ᵀ/(1 + s·q_iᵀSq_i), s = w/(|q_i|²σ²).
    const o = i * rank;
    const s = (cardDefaults.skipWeight * unit(i)) / sigma2;
    let qSq = 0;
    for (let a = 0; a < rank; a++) {
      let t = 0;
      for (let b = 0; b < rank; b++) t += S[a * rank + b] * q[o + b];
      Sq[a] = t;
      qSq += q[o + a] * t;
    }
    const k = s / (1 + s * qSq);
    for (let a = 0; a < rank; a++) for (let b = 0; b < rank; b++) S[a * rank + b] -= k * Sq[a] * Sq[b];
    for (let c = 0; c < open.length; c++) {
      if (taken[c]) continue;
      const ot = open[c] * rank;
      let d = 0;
      for (let f = 0; f < rank; f++) d += q[ot + f] * Sq[f];
      variance[c] -= k * d * d * unit(open[c]);
    }
  }
  return out;
}

/** The next card: the deck movie not answered or skipped with the largest cardValues (ties: earlier in the deck); null when none is left. */
export function nextCard(model: RankerModel, profile: Profile, deck: readonly number[], skipped: readonly number[] = []): number | null {
  return nextCards(model, profile, deck, skipped, 1)[0] ?? null;
}
