// The implicit (iALS, "will watch") model's default hyper-parameters, with the search that chose them.
import { explicitDefaults, type ModelDefaults } from './explicitDefaults';

/**
 * From `npm run cli -- tune ml-latest-small.zip --objective implicit --ranks 32 --lambdas 1,2.2,5 --exponents 0.4
 * --alphas 1,3,10 --iters 10 --folds 2` (NDCG@10 over two per-user 20% holdouts): λ 5 and alpha 1 win over λ 1–40
 * and alpha 0.3–10 (NDCG@10 0.290 against 0.278 at λ 2.2, 0.256 with alpha 3; popularity 0.153); rank 32 × 10
 * iterations fits in about 2 s, where rank 64 gains little (0.297) for three times the time.
 * The λ exponent and the seed are the explicit model's; iALS has no biases, so biasLambda is unused.
 */
export const implicitDefaults: ModelDefaults & { objective: 'implicit'; implicitAlpha: number } = Object.freeze({
  ...explicitDefaults,
  objective: 'implicit',
  rank: 32,
  lambda: 5,
  iterations: 10,
  /** Confidence per star: c = 1 + alpha·stars (also what a stored implicit model without one was trained with). */
  implicitAlpha: 1,
});
