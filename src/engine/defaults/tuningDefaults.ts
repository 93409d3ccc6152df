// The hyper-parameter searches' defaults: the grid `cli tune` and the lab's Tune start from, their budgets and limits.
import { PARAM_RANGES } from '../als/paramRanges';
import type { SearchSpace } from '../eval/tune';
import { explicitDefaults } from './explicitDefaults';

/** rank × λ around the explicit default rank and λ: the grid both `cli tune` and the lab's Tune search. */
export const tuningGrid: Readonly<{ rank: readonly number[]; lambda: readonly number[] }> = Object.freeze({
  rank: Object.freeze([16, 32, 64]),
  lambda: Object.freeze([1.5, 2.2, 3]),
});

/**
 * `cli tune`: the grid × the tuned λ exponent and ALS-WR's 1, with the default bias λ and full-length trainings, scored
 * over 5 folds. With `--objective implicit` the same grid × the confidences c = 1 + alpha·stars (NDCG@10 over per-user
 * holdouts, one per fold).
 */
export const cliTuneDefaults: Readonly<{ space: Readonly<Required<Omit<SearchSpace, ImplicitKnob>>>; folds: number }> = Object.freeze({
  space: Object.freeze({
    ...tuningGrid,
    lambdaExponent: Object.freeze([explicitDefaults.lambdaExponent, 1]),
    biasLambda: Object.freeze([explicitDefaults.biasLambda]),
    iterations: Object.freeze([explicitDefaults.iterations]),
    confidence: Object.freeze([1, 3, 10]),
  }),
  folds: 5,
});

/** The iALS-only dimensions of a search space (Rendle et al. 2022's knobs). */
type ImplicitKnob = 'unobservedWeight' | 'frequencyScaled' | 'starOffset';

/**
 * `cli tune --objective implicit`'s own grid (Rendle et al. 2022's knobs): rank, λ with exponent ν, α0, the
 * frequency-scaled penalty on/off, confidence per star and the star offset, iterations: 128 candidates. The shipped
 * ranker's iALS came from staged searches over it (docs/MODEL.md, "Ranking").
 */
export const cliImplicitTuneDefaults: Readonly<{ space: Readonly<Required<SearchSpace>> }> = Object.freeze({
  space: Object.freeze({
    rank: Object.freeze([32, 64]),
    lambda: Object.freeze([1, 3, 5, 10]),
    lambdaExponent: Object.freeze([0.4, 1]),
    biasLambda: Object.freeze([explicitDefaults.biasLambda]),
    iterations: Object.freeze([10]),
    confidence: Object.freeze([1, 3]),
    unobservedWeight: Object.freeze([1, 0.3]),
    frequencyScaled: Object.freeze([false, true]),
    starOffset: Object.freeze([0, 3]),
  }),
});

/** `cli tune --objective ranker`'s grid: EASE's catalogue size, λ and input, and the iALS blend weight. */
export const cliRankerTuneDefaults = Object.freeze({
  easeItems: Object.freeze([500, 1000, 1500]),
  easeLambda: Object.freeze([50, 100, 200]),
  easeInput: Object.freeze(['stars', 'binary'] as const),
  blend: Object.freeze([0, 0.1, 0.2, 0.4]),
});

/**
 * The lab's Tune (explicit only): the grid with the default λ exponent and bias λ, 3 folds of 8 iterations. On
 * ml-latest-small: 64 s in headless Chromium (20 s with `cli tune` in Node) on the shared 2-core machine; winner
 * rank 64, λ 2.2, CV RMSE 0.8531.
 */
export const labTuneDefaults: Readonly<{ ranks: readonly number[]; lambdas: readonly number[]; folds: number; iterations: number }> = Object.freeze({
  ranks: tuningGrid.rank,
  lambdas: tuningGrid.lambda,
  folds: 3,
  iterations: 8,
});

/**
 * The lab's Tune with the ranking objective: the ranker's iALS (its λ exponent and 3-star offset fixed) over rank × λ ×
 * confidence alpha × the unobserved weight α0 (Rendle et al. 2022's knobs that mattered in `cli tune --objective
 * implicit`, docs/MODEL.md), scored by NDCG@10 over 3 per-user holdouts of 10 iterations: 12 configurations.
 */
export const labImplicitTuneDefaults: Readonly<{ ranks: readonly number[]; lambdas: readonly number[]; alphas: readonly number[]; unobserved: readonly number[]; folds: number; iterations: number }> =
  Object.freeze({
    ranks: Object.freeze([32]),
    lambdas: Object.freeze([3, 5, 10]),
    alphas: Object.freeze([1, 3]),
    unobserved: Object.freeze([1, 0.3]),
    folds: 3,
    iterations: 10,
  });

/** What one lab search may ask for (the page checks as it is typed, the worker again): [min, max] and a size cap. */
export const TUNE_LIMITS = Object.freeze({
  rank: Object.freeze([PARAM_RANGES.rank.min, PARAM_RANGES.rank.max] as const),
  iterations: Object.freeze([PARAM_RANGES.iterations.min, PARAM_RANGES.iterations.max] as const),
  folds: Object.freeze([2, 10] as const),
  /** Configurations in one search (each one trains `folds` models). */
  configs: 36,
});
