// The implicit (iALS, "will watch") model's default hyper-parameters: the default ranker's iALS, with the search that chose them.
import { explicitDefaults, type ModelDefaults } from './explicitDefaults';

/**
 * The iALS the app trains behind the list (the ranker's part, rankerDefaults.ts), the Model lab's implicit form and
 * `cli train --objective implicit`: from `npm run cli -- tune ml-latest-small.zip --objective implicit --folds 3
 * --ranks 32 --lambdas 3,5,10 --exponents 0.4 --alphas 1,3 --unobserved 1,0.3 --frequency off --star-offsets 0,3
 * --iters 10` (NDCG@10 over 3 per-user 20% holdouts): λ 5, confidence 1 + 3·max(0, stars − 3), unobserved weight 1:
 * 0.3000 ± 0.011 against 0.2839 for the earlier default (alpha 1 on the stars, no offset; popularity 0.153). Rank 32 ×
 * 10 iterations fits in about 2 s, where rank 64 gains 0.009 for 2.5× the time. The λ exponent and the seed are the
 * explicit model's; iALS has no biases, so biasLambda is unused.
 */
export const implicitDefaults: ModelDefaults & { objective: 'implicit'; implicitAlpha: number; starOffset: number; unobservedWeight: number; frequencyScaled: boolean } = Object.freeze({
  ...explicitDefaults,
  objective: 'implicit',
  rank: 32,
  lambda: 5,
  iterations: 10,
  /** Confidence per star above the offset: c = 1 + alpha·max(0, stars − starOffset). */
  implicitAlpha: 3,
  /** Stars at or below this are weak watches (confidence 1, as an unrated movie's). */
  starOffset: 3,
  /** Rendle et al.'s α0, the weight of every unrated movie's 0 (1: Hu et al.'s; 0.3 did not beat it, rankerDefaults.ts). */
  unobservedWeight: 1,
  /** The plain penalty λ·n^ν; the frequency-scaled λ·(n + α0·N)^ν did not beat it (rankerDefaults.ts). */
  frequencyScaled: false,
});

/** The confidence a stored implicit model without `implicitAlpha` was trained with (models stored before it was a parameter). */
export const STORED_IMPLICIT_ALPHA = 1;

/** The unobserved weight α0 of a stored implicit model without `unobservedWeight` (Hu et al.'s 1, as before it was a parameter). */
export const STORED_UNOBSERVED_WEIGHT = 1;
