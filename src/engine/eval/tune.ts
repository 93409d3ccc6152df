// Hyper-parameter search: grid or seeded random sample of a grid, each candidate scored by k-fold CV RMSE.
import type { AlsParams, RatingColumns } from '../types';
import { createRng } from '../als/random';
import { crossValidate } from './evaluate';

export interface SearchSpace {
  rank: number[];
  lambda: number[];
  lambdaExponent: number[];
  biasLambda: number[];
  iterations: number[];
}

export interface TuneResult {
  params: AlsParams;
  rmse: number;
  mae: number;
  foldRmse: number[];
  fitSeconds: number;
}

/** Every combination of the space, in a fixed order. */
export function gridOf(space: SearchSpace, seed: number): AlsParams[] {
  const out: AlsParams[] = [];
  for (const rank of space.rank)
    for (const lambda of space.lambda)
      for (const lambdaExponent of space.lambdaExponent)
        for (const biasLambda of space.biasLambda)
          for (const iterations of space.iterations) out.push({ rank, lambda, lambdaExponent, biasLambda, iterations, seed });
  return out;
}

export interface TuneOptions {
  folds: number;
  seed: number;
  /** Evaluate only this many candidates, drawn without replacement (random search); all when absent. */
  sample?: number;
  onResult?: (r: TuneResult, done: number, total: number) => void;
}

/** Scores candidates by cross-validated RMSE; returns them best first (ties: earlier candidate first). */
export function tune(cols: RatingColumns, nUsers: number, nItems: number, space: SearchSpace, opts: TuneOptions): TuneResult[] {
  let candidates = gridOf(space, opts.seed);
  if (opts.sample !== undefined && opts.sample < candidates.length) {
    const rng = createRng(opts.seed);
    for (let k = candidates.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [candidates[k], candidates[j]] = [candidates[j], candidates[k]];
    }
    candidates = candidates.slice(0, opts.sample);
  }
  const results = candidates.map((params, k) => {
    const cv = crossValidate(cols, nUsers, nItems, params, opts.folds, opts.seed);
    const r: TuneResult = { params, rmse: cv.rmse, mae: cv.mae, foldRmse: cv.foldRmse, fitSeconds: cv.fitSeconds };
    opts.onResult?.(r, k + 1, candidates.length);
    return r;
  });
  return results.map((r, k) => ({ r, k })).sort((a, b) => a.r.rmse - b.r.rmse || a.k - b.k).map((x) => x.r);
}
