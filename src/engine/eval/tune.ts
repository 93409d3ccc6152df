// Hyper-parameter search: grid or seeded random sample of a grid; explicit candidates scored by k-fold CV RMSE,
// implicit (iALS) ones by NDCG@10 over repeated per-user holdouts.
import type { AlsParams, RatingColumns } from '../types';
import { createRng } from '../als/random';
import { crossValidate, crossValidateRanking } from './evaluate';
import { implicitDefaults } from '../defaults/implicitDefaults';

export interface SearchSpace {
  rank: readonly number[];
  lambda: readonly number[];
  lambdaExponent: readonly number[];
  biasLambda: readonly number[];
  iterations: readonly number[];
  /** Implicit objective only: confidence per star, c = 1 + a·r (AlsParams.implicitAlpha; absent: the default alpha). */
  confidence?: readonly number[];
}

export interface TuneResult {
  params: AlsParams;
  /** Explicit: CV rating error. Implicit: NaN (its scores are not stars). */
  rmse: number;
  mae: number;
  foldRmse: number[];
  fitSeconds: number;
  /** Implicit: ranking quality over the held-out ratings (averaged over the holdouts). */
  'ndcg@10'?: number;
  'recall@20'?: number;
}

/** Every combination of the space, in a fixed order. */
export function gridOf(space: SearchSpace, seed: number, objective: 'explicit' | 'implicit' = 'explicit'): AlsParams[] {
  const out: AlsParams[] = [];
  const confidences = objective === 'implicit' ? (space.confidence ?? [implicitDefaults.implicitAlpha]) : [null];
  for (const rank of space.rank)
    for (const lambda of space.lambda)
      for (const lambdaExponent of space.lambdaExponent)
        for (const biasLambda of space.biasLambda)
          for (const iterations of space.iterations)
            for (const c of confidences) out.push({ rank, lambda, lambdaExponent, biasLambda, iterations, seed, ...(c === null ? {} : { objective: 'implicit' as const, implicitAlpha: c }) });
  return out;
}

export interface TuneOptions {
  folds: number;
  seed: number;
  /** Evaluate only this many candidates, drawn without replacement (random search); all when absent. */
  sample?: number;
  /** 'implicit': iALS candidates, best NDCG@10 first (default explicit: lowest RMSE first). */
  objective?: 'explicit' | 'implicit';
  onResult?: (r: TuneResult, done: number, total: number) => void;
}

/** Scores candidates (CV RMSE, or NDCG@10 for implicit); returns them best first (ties: earlier candidate first). */
export function tune(cols: RatingColumns, nUsers: number, nItems: number, space: SearchSpace, opts: TuneOptions): TuneResult[] {
  const implicit = opts.objective === 'implicit';
  let candidates = gridOf(space, opts.seed, opts.objective);
  if (opts.sample !== undefined && opts.sample < candidates.length) {
    const rng = createRng(opts.seed);
    for (let k = candidates.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [candidates[k], candidates[j]] = [candidates[j], candidates[k]];
    }
    candidates = candidates.slice(0, opts.sample);
  }
  const results = candidates.map((params, k) => {
    let r: TuneResult;
    if (implicit) {
      const cv = crossValidateRanking(cols, nUsers, nItems, params, opts.folds, opts.seed);
      r = { params, rmse: NaN, mae: NaN, foldRmse: [], fitSeconds: cv.fitSeconds, 'ndcg@10': cv['ndcg@10'], 'recall@20': cv['recall@20'] };
    } else {
      const cv = crossValidate(cols, nUsers, nItems, params, opts.folds, opts.seed);
      r = { params, rmse: cv.rmse, mae: cv.mae, foldRmse: cv.foldRmse, fitSeconds: cv.fitSeconds };
    }
    opts.onResult?.(r, k + 1, candidates.length);
    return r;
  });
  const worse = implicit ? (a: TuneResult, b: TuneResult) => b['ndcg@10']! - a['ndcg@10']! : (a: TuneResult, b: TuneResult) => a.rmse - b.rmse;
  return results.map((r, k) => ({ r, k })).sort((a, b) => worse(a.r, b.r) || a.k - b.k).map((x) => x.r);
}
