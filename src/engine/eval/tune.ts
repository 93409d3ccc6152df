// Hyper-parameter search: grid or seeded random sample of a grid; explicit candidates scored by k-fold CV RMSE,
// implicit (iALS) ones by NDCG@10 over repeated per-user holdouts, with ties to the winner called by a paired test.
import type { AlsParams, RatingColumns } from '../types';
import { createRng } from '../als/random';
import { crossValidate, crossValidateRanking } from './evaluate';
import { pairedTie } from './pairedTie';
import { implicitDefaults } from '../defaults/implicitDefaults';

export interface SearchSpace {
  rank: readonly number[];
  lambda: readonly number[];
  lambdaExponent: readonly number[];
  biasLambda: readonly number[];
  iterations: readonly number[];
  /** Implicit objective only: confidence per star, c = α0 + a·value (AlsParams.implicitAlpha; absent: the default alpha). */
  confidence?: readonly number[];
  /** Implicit only: weight of the unrated movies' 0 (AlsParams.unobservedWeight, Rendle et al.'s α0). */
  unobservedWeight?: readonly number[];
  /** Implicit only: frequency-scaled penalty λ·(n + α0·N)^ν (true) or λ·n^ν (false). */
  frequencyScaled?: readonly boolean[];
  /** Implicit only: stars at or below this are weak watches (AlsParams.starOffset). */
  starOffset?: readonly number[];
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
  /** Implicit: standard deviation of NDCG@10 and recall@20 over the holdouts, and NDCG@10 per holdout. */
  ndcgSd?: number;
  recallSd?: number;
  foldNdcg?: number[];
  /**
   * Implicit: true when this candidate's NDCG@10 is not distinguishable from the winner's: the mean of the per-holdout
   * differences is within two standard errors of 0 (the winner itself is a tie).
   */
  tie?: boolean;
}

/**
 * Every combination of the space, in a fixed order; implicit-only dimensions appear in params only when given, except
 * the confidence and the star offset, which default to implicitDefaults' (the iALS the app trains).
 */
export function gridOf(space: SearchSpace, seed: number, objective: 'explicit' | 'implicit' = 'explicit'): AlsParams[] {
  const out: AlsParams[] = [];
  const implicit = objective === 'implicit';
  const opt = <T>(xs: readonly T[] | undefined, key: string): Record<string, T>[] => (implicit && xs ? xs.map((x) => ({ [key]: x })) : [{}]);
  const confidences = implicit ? (space.confidence ?? [implicitDefaults.implicitAlpha]) : [null];
  for (const rank of space.rank)
    for (const lambda of space.lambda)
      for (const lambdaExponent of space.lambdaExponent)
        for (const biasLambda of space.biasLambda)
          for (const iterations of space.iterations)
            for (const c of confidences)
              for (const w0 of opt(space.unobservedWeight, 'unobservedWeight'))
                for (const fs of opt(space.frequencyScaled, 'frequencyScaled'))
                  for (const so of opt(implicit ? (space.starOffset ?? [implicitDefaults.starOffset]) : undefined, 'starOffset'))
                    out.push({ rank, lambda, lambdaExponent, biasLambda, iterations, seed, ...(c === null ? {} : { objective: 'implicit' as const, implicitAlpha: c }), ...w0, ...fs, ...so });
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

const sd = (xs: number[]): number => {
  if (xs.length < 2) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

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
      r = {
        params,
        rmse: NaN,
        mae: NaN,
        foldRmse: [],
        fitSeconds: cv.fitSeconds,
        'ndcg@10': cv['ndcg@10'],
        'recall@20': cv['recall@20'],
        ndcgSd: sd(cv.foldNdcg),
        recallSd: sd(cv.foldRecall),
        foldNdcg: cv.foldNdcg,
      };
    } else {
      const cv = crossValidate(cols, nUsers, nItems, params, opts.folds, opts.seed);
      r = { params, rmse: cv.rmse, mae: cv.mae, foldRmse: cv.foldRmse, fitSeconds: cv.fitSeconds };
    }
    opts.onResult?.(r, k + 1, candidates.length);
    return r;
  });
  const worse = implicit ? (a: TuneResult, b: TuneResult) => b['ndcg@10']! - a['ndcg@10']! : (a: TuneResult, b: TuneResult) => a.rmse - b.rmse;
  const sorted = results.map((r, k) => ({ r, k })).sort((a, b) => worse(a.r, b.r) || a.k - b.k).map((x) => x.r);
  if (implicit) for (const r of sorted) r.tie = pairedTie(sorted[0].foldNdcg!, r.foldNdcg!);
  return sorted;
}
