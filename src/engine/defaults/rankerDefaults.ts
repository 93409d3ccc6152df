// The default ranker's hyper-parameters and the list controls' defaults, with the searches that chose them.
import type { RankerParams } from '../ranker/ranker';

/** PLACEHOLDER values until the search runs (see docs/MODEL.md "Ranking"). */
export const rankerParams: Readonly<RankerParams> = Object.freeze({
  ials: Object.freeze({ objective: 'implicit' as const, rank: 32, lambda: 5, lambdaExponent: 0.4, biasLambda: 3, iterations: 10, seed: 1, implicitAlpha: 3, starOffset: 3 }),
  easeItems: 1000,
  easeLambda: 100,
  easeInput: 'stars' as const,
  blend: 0.4,
});

export const rankerDefaults = Object.freeze({
  /** With diversity on, candidates considered: at least this many (or 10 × the list length). */
  diversityPool: 200,
  /** Diversity's cosine threshold over the iALS item factors. */
  similarityThreshold: 0.7,
  /** Diversity's MMR weight when `eval --diversity on` or the app's switch turns it on. */
  diversity: 0.5,
  /** Similar movies: neighbours need at least this many ratings (the app used 10 and showed films with 11). */
  similarMinCount: 25,
});

/** The exact EASE reference of `cli eval`: Steck's binary X, and the largest dense inverse it attempts. */
export const easeReferenceDefaults = Object.freeze({
  /** The λ the table used; λ 200 does slightly better on ml-latest-small (see docs/MODEL.md). */
  lambda: 100,
  /** 6,000² float64 is 288 MB and about 10¹¹ multiply-adds (a few minutes on one core). */
  maxDim: 6000,
});
