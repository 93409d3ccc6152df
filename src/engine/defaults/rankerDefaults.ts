// The default ranker's hyper-parameters and the list controls' defaults, with the searches that chose them.
import type { RankerParams } from '../ranker/ranker';

/** PLACEHOLDER values until the search runs (see docs/MODEL.md "Ranking"). */
export const rankerParams: Readonly<RankerParams> = Object.freeze({
  ials: Object.freeze({ objective: 'implicit' as const, rank: 32, lambda: 5, lambdaExponent: 0.4, biasLambda: 3, iterations: 10, seed: 1, implicitAlpha: 3, starOffset: 3 }),
  easeItems: 1000,
  easeLambda: 100,
  easeInput: 'stars' as const,
  blend: 0.2,
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

/**
 * `cli tune --objective implicit`'s default grid (Rendle et al. 2022's knobs): rank, λ with exponent ν, α0,
 * frequency-scaled penalty on/off, confidence per star and the star offset, iterations.
 */
export const implicitTuneSpace = Object.freeze({
  rank: [32, 64],
  lambda: [1, 3, 5],
  lambdaExponent: [0.4, 1],
  iterations: [10],
  confidence: [1, 3],
  unobservedWeight: [1, 0.3],
  frequencyScaled: [false, true],
  starOffset: [0, 3],
});

/** `cli tune --objective ranker`'s default grid: EASE's catalogue size, λ and input, and the iALS blend weight. */
export const rankerTuneSpace = Object.freeze({
  easeItems: [500, 1000, 1500],
  easeLambda: [50, 100, 200],
  easeInput: ['stars', 'binary'] as const,
  blend: [0, 0.1, 0.2, 0.4],
});
