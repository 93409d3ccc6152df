// The default ranker's hyper-parameters and the list controls' defaults, with the searches that chose them.
import type { RankerParams } from '../ranker/ranker';
import { implicitDefaults } from './implicitDefaults';

/**
 * The default ranker ("Recommended for you"): EASE over the 1,000 most-rated movies with stars/4 as input, plus 0.4 ×
 * iALS over every movie. Staged searches on ml-latest-small, NDCG@10 over 3 per-user 20% holdouts (seeds 42–44):
 * - iALS: implicitDefaults.ts (λ 5, alpha 3 above a 3-star offset, α0 1: 0.3000 ± 0.011). Frequency-scaled penalties
 *   (ν 0.5 and 1, λ 0.001–0.04) and α0 0.3 did not beat it (best 0.2940); rank 64 gains 0.009 alone and 0.002 in the
 *   blend for 2.5× the training time; 16 iterations tie 10, 6 lose 0.004.
 * - EASE and blend: `npm run cli -- tune ml-latest-small.zip --objective ranker --folds 3` (then --blends 0.4,0.6,0.8,1.2)
 *   → 1,000 movies, λ 100, stars, blend 0.4: 0.3189 ± 0.011 (1,500 movies ties at 0.3202 for 2.5× the fit; binary input
 *   0.3035; EASE alone 0.3114, 500 movies 0.3134).
 */
export const rankerParams: Readonly<RankerParams> = Object.freeze({
  /** The app's iALS: implicitDefaults (its search is told there). */
  ials: implicitDefaults,
  easeItems: 1000,
  easeLambda: 100,
  easeInput: 'stars' as const,
  blend: 0.4,
});

/** The list's controls and the ranker's other serving knobs. */
export const rankerDefaults = Object.freeze({
  /** With diversity on, candidates considered: at least this many (or 10 × the list length). */
  diversityPool: 200,
  /**
   * Diversity's cosine threshold over the iALS item factors: near-copies (The Godfather and Part II: 0.96; a person's
   * top 50 candidates have a median cosine of about 0.5, a 90th percentile of 0.75). At 0.7 most candidates were
   * "near" one another and the list fell to obscure films (recall@20 halved).
   */
  similarityThreshold: 0.9,
  /**
   * Diversity's MMR weight when `eval --diversity on` or the app's switch turns it on. On ml-latest-small (seed 42)
   * 0.2 removes every pair above 0.9 from the top 10 (3 % of pairs before) for NDCG@10 0.3116 against 0.3205 off.
   */
  diversity: 0.2,
  /**
   * The app's "Hidden gems" and "Newer films first" switches: strength 0.5, the rows `cli eval --gems 0.5 --recency
   * 0.5` reports (docs/MODEL.md, 5 seeds: gems NDCG@10 0.3206 vs 0.3243 off, mean popularity rank 92 → 136; recency
   * 0.3161, mean year 1993 → 1996).
   */
  gems: 0.5,
  recency: 0.5,
  /** Similar movies: neighbours need at least this many ratings (the app used 10 and showed films with 11). */
  similarMinCount: 25,
  /** Recency: a film this many years older than the catalogue's newest gets half the bonus. */
  recencyHalfLife: 10,
  /**
   * Recency at strength 1 multiplies the newest films' scores by this (×2 at 0.5). With ×2 at strength 1 (a linear
   * bonus) the top 10's mean release year on ml-latest-small moved 1993 → 1997; with 4, 1993 → 1999.
   */
  recencyGain: 4,
});

/**
 * Onboarding cards (nextCard.ts): the deck (most-rated movies plus the most-rated of the last years) and how a card is
 * valued: P(seen)^seenExponent, skipped cards counted as looked at with skipWeight. `npm run cli -- coldstart
 * ml-latest-small.zip --seed 42|7|1`, NDCG@10 after 10 answers: exponent 1 lets blockbusters crowd the deck (0.31 at
 * seed 42), 0 shows films nobody knows (0.28); with 0.5, skips at 0.5: 0.359 / 0.412 / 0.398 (recall@20 0.166 / 0.179 /
 * 0.166) against today's fixed deck's 0.365 / 0.415 / 0.398 (0.161 / 0.169 / 0.152) and the most popular movies' 0.163
 * / 0.201 / 0.190; skips at 1: 0.367 / 0.395 / 0.387; a deck of 200: 0.361 / 0.406 / 0.394.
 */
export const cardDefaults = Object.freeze({
  pool: 300,
  recentPool: 100,
  recentYears: 5,
  seenExponent: 0.5,
  skipWeight: 0.5,
});

/** The exact EASE reference of `cli eval`: Steck's binary X, and the largest dense inverse it attempts. */
export const easeReferenceDefaults = Object.freeze({
  /** The λ the table used; λ 200 does slightly better on ml-latest-small (see docs/MODEL.md). */
  lambda: 100,
  /** 6,000² float64 is 288 MB and about 10¹¹ multiply-adds (a few minutes on one core). */
  maxDim: 6000,
});
