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
 * The lab's Tune with the ranking objective: the ranker's iALS (its λ exponent fixed) over rank × λ × confidence alpha
 * × the unobserved weight α0 × the star offset × the frequency-scaled penalty on/off (Rendle et al. 2022's knobs, as
 * `cli tune --objective implicit` searches them, docs/MODEL.md), scored by NDCG@10 over 3 per-user holdouts of 10
 * iterations: 24 configurations, the search that chose the shipped iALS (implicitDefaults.ts) with the plain penalty.
 * On ml-latest-small: 88 s in headless Chromium on the shared 2-core machine (227 s with `cli tune` in Node, under
 * load); winner λ 5, alpha 3, α0 1, star offset 3, NDCG@10 0.3000 ± 0.0114, as the CLI's.
 */
export const labImplicitTuneDefaults: Readonly<{
  ranks: readonly number[];
  lambdas: readonly number[];
  alphas: readonly number[];
  unobserved: readonly number[];
  starOffsets: readonly number[];
  frequencyScaled: readonly boolean[];
  folds: number;
  iterations: number;
}> = Object.freeze({
  ranks: Object.freeze([32]),
  lambdas: Object.freeze([3, 5, 10]),
  alphas: Object.freeze([1, 3]),
  unobserved: Object.freeze([1, 0.3]),
  starOffsets: Object.freeze([0, 3]),
  frequencyScaled: Object.freeze([false]),
  folds: 3,
  iterations: 10,
});

/**
 * The λ that fits the frequency-scaled penalty λ·(n + α0·N)^ν at the ranker's ν 0.4 (the lab's Tune offers it with the
 * same λ list, so its form says the scale): `npm run cli -- tune ml-latest-small.zip --objective implicit --folds 3
 * --ranks 32 --lambdas 0.3,1,2,5 --exponents 0.4 --alphas 3 --unobserved 1 --frequency on,off --star-offsets 3 --iters
 * 10`: scaled λ 1 0.2915 ± 0.011 (0.3: 0.2793, 2: 0.2814, 5: 0.1879) against the plain penalty's 0.3000 at λ 5.
 */
export const frequencyScaledLambda = 1;

/** What one lab search may ask for (the page checks as it is typed, the worker again): [min, max] and a size cap. */
export const TUNE_LIMITS = Object.freeze({
  rank: Object.freeze([PARAM_RANGES.rank.min, PARAM_RANGES.rank.max] as const),
  iterations: Object.freeze([PARAM_RANGES.iterations.min, PARAM_RANGES.iterations.max] as const),
  folds: Object.freeze([2, 10] as const),
  /** Configurations in one search (each one trains `folds` models). */
  configs: 36,
});
