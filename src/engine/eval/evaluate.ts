// Offline evaluation: ALS against global-mean, damped-bias and popularity baselines on a holdout or k folds.
import type { AlsModel, AlsParams, RatingColumns } from '../types';
import { buildCsr } from '../als/csr';
import { trainAls } from '../als/train';
import { withFreshMemory } from '../wasm/kernelChoice';
import type { KernelHandle } from '../wasm/wasmKernels';
import { bayesianAverage, fitBiasBaseline, fitGlobalMean } from '../als/baselines';
import { mae, rmse, type Predictor } from '../als/metrics';
import { kFold, randomHoldout } from '../als/split';
import { clampStars } from '../als/recommend';
import { rankingMetrics, type UserScorer } from './ranking';
import { perUserHoldout } from './userSplit';
import { compareRankers, type CompareOptions, type RankerMetrics, type SkippedRanker } from './compareRankers';
import { summarize, type Summary } from './summary';
import { evaluationDefaults } from '../defaults/evaluationDefaults';

/** rmse, mae, ranking metrics ("ndcg@10", "recall@20", "precision@10", "coverage@20"…) and times in seconds. */
export interface Metrics {
  rmse: number;
  mae: number;
  fitSeconds: number;
  predictSeconds: number;
  [metric: string]: number;
}

export type ModelName = 'globalMean' | 'bias' | 'popularity';

export interface EvalReport {
  split:
    | { kind: 'holdout'; testFraction: number; seed: number }
    | { kind: 'user-holdout'; testFraction: number; seed: number; seeds?: number }
    | { kind: 'kfold'; folds: number; seed: number }
    | { kind: 'files'; train: string; test: string };
  ratings: number;
  params: AlsParams;
  /** Averages over folds (a holdout is one fold). */
  model: Metrics;
  baselines: Record<ModelName, Metrics>;
  /** With opts.rankers: the ranking comparison, mean and standard deviation over the splits (folds or seeds). */
  rankers?: Record<string, Summary | SkippedRanker>;
  folds: { model: Metrics; baselines: Record<ModelName, Metrics>; rankers?: Record<string, RankerMetrics | SkippedRanker> }[];
}

/** A fitted model as the evaluator sees it: a rating predictor and a per-user scorer for ranking. */
interface Fitted {
  predict: Predictor;
  scoreUser: UserScorer;
}

export const RANKING_KS = [10, 20];
const now = () => performance.now() / 1000;

function measure(fit: () => Fitted, train: RatingColumns, test: RatingColumns, nUsers: number, nItems: number, ranking = true, users?: ArrayLike<number>): Metrics {
  const t0 = now();
  const model = fit();
  const t1 = now();
  const clamped: Predictor = (u, i) => clampStars(model.predict(u, i));
  const out: Metrics = { rmse: rmse(clamped, test), mae: mae(clamped, test), fitSeconds: t1 - t0, predictSeconds: 0 };
  const t2 = now();
  out.predictSeconds = t2 - t1;
  if (!ranking) return out;
  const { users: _users, ...top } = rankingMetrics(train, test, nUsers, nItems, model.scoreUser, { ks: RANKING_KS, users });
  return { ...out, ...top, rankSeconds: now() - t2 };
}

function als(model: AlsModel): Fitted {
  const { rank, mu, userBias, itemBias, userFactors, itemFactors, nItems } = model;
  return {
    predict: (u, i) => {
      let s = mu + userBias[u] + itemBias[i];
      for (let f = 0; f < rank; f++) s += userFactors[u * rank + f] * itemFactors[i * rank + f];
      return s;
    },
    scoreUser: (u, out) => {
      const pu = u * rank;
      for (let i = 0; i < nItems; i++) {
        let s = itemBias[i];
        const qi = i * rank;
        for (let f = 0; f < rank; f++) s += userFactors[pu + f] * itemFactors[qi + f];
        out[i] = s;
      }
    },
  };
}

function popularity(train: RatingColumns, nItems: number): Fitted {
  const counts = new Float64Array(nItems);
  const sums = new Float64Array(nItems);
  for (let k = 0; k < train.length; k++) {
    counts[train.items[k]]++;
    sums[train.items[k]] += train.ratings[k];
  }
  const mu = fitGlobalMean(train).mu;
  return {
    predict: (_u, i) => bayesianAverage(sums[i], counts[i], mu, 10),
    scoreUser: (_u, out) => out.set(counts),
  };
}

const fitAls = (train: RatingColumns, nUsers: number, nItems: number, params: AlsParams, onIteration?: (iteration: number) => void, kernel?: KernelHandle | null) => () =>
  als(trainAls(buildCsr(train, nUsers, nItems), params, { onIteration: onIteration && ((i) => onIteration(i.iteration)), kernel: kernel && withFreshMemory(kernel) }));

/** Where an evaluation is: which split, which model is being fitted and scored, and the ALS iteration. */
export interface EvalStep {
  split: number;
  splits: number;
  model: 'model' | ModelName;
  /** ALS iterations done so far (model only). */
  iteration?: number;
}

function evalSplit(
  train: RatingColumns,
  test: RatingColumns,
  nUsers: number,
  nItems: number,
  params: AlsParams,
  step?: (model: EvalStep['model'], iteration?: number) => void,
  opts: Pick<EvalOptions, 'rankers' | 'users' | 'kernel'> = {},
): EvalReport['folds'][number] {
  const run = (name: EvalStep['model'], fit: () => Fitted) => {
    step?.(name);
    return measure(fit, train, test, nUsers, nItems, true, opts.users);
  };
  // The model is trained once: the ranking comparison reuses it as its explicit row when it is that model.
  let trained: AlsModel | undefined;
  const fitModel = () =>
    als((trained = trainAls(buildCsr(train, nUsers, nItems), params, { onIteration: step && ((i) => step('model', i.iteration)), kernel: opts.kernel && withFreshMemory(opts.kernel) })));
  const model = run('model', fitModel);
  const reuse = opts.rankers && params.objective !== 'implicit' && JSON.stringify(opts.rankers.explicit) === JSON.stringify(params);
  return {
    ...(opts.rankers
      ? { rankers: compareRankers(train, test, nUsers, nItems, { ...opts.rankers, users: opts.users, kernel: opts.kernel, ...(reuse ? { explicitModel: { model: trained!, seconds: model.fitSeconds } } : {}) }) }
      : {}),
    model,
    baselines: {
      globalMean: run('globalMean', () => {
        const g = fitGlobalMean(train);
        return { predict: g.predict, scoreUser: (_u, out) => out.fill(g.mu) };
      }),
      bias: run('bias', () => {
        const b = fitBiasBaseline(train, nUsers, nItems);
        return { predict: b.predict, scoreUser: (_u, out) => out.set(b.itemBias) };
      }),
      popularity: run('popularity', () => popularity(train, nItems)),
    },
  };
}

function mean(xs: Metrics[]): Metrics {
  const out: Metrics = { rmse: 0, mae: 0, fitSeconds: 0, predictSeconds: 0 };
  for (const key of Object.keys(xs[0])) out[key] = xs.reduce((s, m) => s + m[key], 0) / xs.length;
  return out;
}

export interface EvalOptions {
  testFraction?: number;
  folds?: number;
  seed?: number;
  /** Hold out testFraction of every user's ratings instead of a global random share. */
  perUser?: boolean;
  onFold?: (done: number, total: number) => void;
  /** Called as each model of a split starts, and after every ALS iteration: for progress. */
  onStep?: (step: EvalStep) => void;
  /** Per-user holdout only: repeat it with seeds seed, seed + 1, … (default 1); the report gives mean and sd. */
  seeds?: number;
  /** Also run the ranking comparison (popularity, explicit, iALS, EASE, the default list) on every split. */
  rankers?: CompareOptions;
  /** Score ranking only for these users (a seeded sample on large releases). */
  users?: ArrayLike<number>;
  /** The WebAssembly kernels to train with (each training on a memory of its own); absent: JavaScript kernels. */
  kernel?: KernelHandle | null;
}

export function evaluate(cols: RatingColumns, nUsers: number, nItems: number, params: AlsParams, opts: EvalOptions = {}): EvalReport {
  const seed = opts.seed ?? evaluationDefaults.seed;
  const folds: EvalReport['folds'] = [];
  let split: EvalReport['split'];
  if (opts.folds) {
    split = { kind: 'kfold', folds: opts.folds, seed };
    for (let f = 0; f < opts.folds; f++) {
      const { train, test } = kFold(cols, opts.folds, f, seed);
      folds.push(evalSplit(train, test, nUsers, nItems, params, stepper(opts, f + 1, opts.folds), opts));
      opts.onFold?.(f + 1, opts.folds);
    }
  } else if (opts.perUser) {
    const testFraction = opts.testFraction ?? evaluationDefaults.testFraction;
    const seeds = opts.seeds ?? 1;
    if (!(Number.isInteger(seeds) && seeds >= 1)) throw new RangeError(`seeds must be a whole number of at least 1, got ${seeds}`);
    split = { kind: 'user-holdout', testFraction, seed, ...(seeds > 1 ? { seeds } : {}) };
    for (let k = 0; k < seeds; k++) {
      const { train, test } = perUserHoldout(cols, nUsers, testFraction, seed + k);
      folds.push(evalSplit(train, test, nUsers, nItems, params, stepper(opts, k + 1, seeds), opts));
      opts.onFold?.(k + 1, seeds);
    }
  } else {
    if ((opts.seeds ?? 1) > 1) throw new RangeError('seeds repeats a per-user holdout: use it with perUser');
    const testFraction = opts.testFraction ?? evaluationDefaults.testFraction;
    split = { kind: 'holdout', testFraction, seed };
    const { train, test } = randomHoldout(cols, testFraction, seed);
    folds.push(evalSplit(train, test, nUsers, nItems, params, stepper(opts, 1, 1), opts));
  }
  return report(split, cols.length, params, folds);
}

function stepper(opts: EvalOptions, split: number, splits: number) {
  const on = opts.onStep;
  return on && ((model: EvalStep['model'], iteration?: number) => on({ split, splits, model, ...(iteration !== undefined ? { iteration } : {}) }));
}

/** Evaluation on a given train/test pair (e.g. ml-100k's u1.base / u1.test). */
export function evaluateFiles(
  train: RatingColumns,
  test: RatingColumns,
  nUsers: number,
  nItems: number,
  params: AlsParams,
  names: { train: string; test: string },
  opts: Pick<EvalOptions, 'rankers' | 'users' | 'kernel'> = {},
): EvalReport {
  return report({ kind: 'files', ...names }, train.length + test.length, params, [evalSplit(train, test, nUsers, nItems, params, undefined, opts)]);
}

function report(split: EvalReport['split'], ratings: number, params: AlsParams, folds: EvalReport['folds']): EvalReport {
  const names: ModelName[] = ['globalMean', 'bias', 'popularity'];
  return {
    split,
    ratings,
    params,
    model: mean(folds.map((f) => f.model)),
    baselines: Object.fromEntries(names.map((n) => [n, mean(folds.map((f) => f.baselines[n]))])) as Record<ModelName, Metrics>,
    ...(folds[0].rankers ? { rankers: summarize(folds.map((f) => f.rankers!)) } : {}),
    folds,
  };
}

/** k-fold cross-validated rating error of ALS alone (no baselines, no ranking): what tuning compares. */
export function crossValidate(cols: RatingColumns, nUsers: number, nItems: number, params: AlsParams, folds: number, seed = evaluationDefaults.seed): Metrics & { foldRmse: number[] } {
  const per: Metrics[] = [];
  for (let f = 0; f < folds; f++) {
    const { train, test } = kFold(cols, folds, f, seed);
    per.push(measure(fitAls(train, nUsers, nItems, params), train, test, nUsers, nItems, false));
  }
  return Object.assign(mean(per), { foldRmse: per.map((m) => m.rmse) });
}

/**
 * Repeated per-user holdouts (fold f holds out `testFraction` of every user's ratings, seed + f) scored by ranking
 * over each user's unrated movies: what tuning an implicit model compares, since its scores are not stars. The
 * per-fold NDCG@10 and recall@20 come along so candidates can be compared fold by fold (same splits for all).
 */
export function crossValidateRanking(
  cols: RatingColumns,
  nUsers: number,
  nItems: number,
  params: AlsParams,
  folds: number,
  seed = evaluationDefaults.seed,
  testFraction = evaluationDefaults.rankingTestFraction,
): Metrics & { foldNdcg: number[]; foldRecall: number[] } {
  const per: Metrics[] = [];
  for (let f = 0; f < folds; f++) {
    const { train, test } = perUserHoldout(cols, nUsers, testFraction, seed + f);
    per.push(measure(fitAls(train, nUsers, nItems, params), train, test, nUsers, nItems));
  }
  return Object.assign(mean(per), { foldNdcg: per.map((m) => m['ndcg@10']), foldRecall: per.map((m) => m['recall@20']) });
}
