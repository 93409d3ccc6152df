// Rating-prediction evaluation: ALS against global-mean and damped-bias baselines on a holdout or k folds.
import type { AlsModel, AlsParams, RatingColumns } from '../types';
import { buildCsr } from '../als/csr';
import { trainAls } from '../als/train';
import { fitBiasBaseline, fitGlobalMean } from '../als/baselines';
import { mae, rmse, type Predictor } from '../als/metrics';
import { kFold, randomHoldout } from '../als/split';
import { clampStars } from '../als/recommend';

export interface ErrorMetrics {
  rmse: number;
  mae: number;
  fitSeconds: number;
  predictSeconds: number;
}

export interface EvalReport {
  split: { kind: 'holdout'; testFraction: number; seed: number } | { kind: 'kfold'; folds: number; seed: number };
  ratings: number;
  params: AlsParams;
  model: ErrorMetrics;
  baselines: { globalMean: ErrorMetrics; bias: ErrorMetrics };
  /** Per fold (one entry for a holdout). */
  folds: { model: ErrorMetrics; baselines: { globalMean: ErrorMetrics; bias: ErrorMetrics } }[];
}

const now = () => performance.now() / 1000;

function measure(fit: () => Predictor, test: RatingColumns): ErrorMetrics {
  const t0 = now();
  const predict = fit();
  const t1 = now();
  const clamped: Predictor = (u, i) => clampStars(predict(u, i));
  const r = rmse(clamped, test);
  const m = mae(clamped, test);
  return { rmse: r, mae: m, fitSeconds: t1 - t0, predictSeconds: (now() - t1) / 2 };
}

function alsPredictor(model: AlsModel): Predictor {
  const { rank, mu, userBias, itemBias, userFactors, itemFactors } = model;
  return (u, i) => {
    let s = mu + userBias[u] + itemBias[i];
    const pu = u * rank;
    const qi = i * rank;
    for (let f = 0; f < rank; f++) s += userFactors[pu + f] * itemFactors[qi + f];
    return s;
  };
}

function evalSplit(train: RatingColumns, test: RatingColumns, nUsers: number, nItems: number, params: AlsParams) {
  return {
    model: measure(() => alsPredictor(trainAls(buildCsr(train, nUsers, nItems), params)), test),
    baselines: {
      globalMean: measure(() => fitGlobalMean(train).predict, test),
      bias: measure(() => fitBiasBaseline(train, nUsers, nItems).predict, test),
    },
  };
}

function mean(xs: ErrorMetrics[]): ErrorMetrics {
  const avg = (f: (m: ErrorMetrics) => number) => xs.reduce((s, m) => s + f(m), 0) / xs.length;
  return { rmse: avg((m) => m.rmse), mae: avg((m) => m.mae), fitSeconds: avg((m) => m.fitSeconds), predictSeconds: avg((m) => m.predictSeconds) };
}

export interface EvalOptions {
  testFraction?: number;
  folds?: number;
  seed?: number;
  onFold?: (done: number, total: number) => void;
}

export function evaluate(cols: RatingColumns, nUsers: number, nItems: number, params: AlsParams, opts: EvalOptions = {}): EvalReport {
  const seed = opts.seed ?? 42;
  const folds: EvalReport['folds'] = [];
  let split: EvalReport['split'];
  if (opts.folds) {
    split = { kind: 'kfold', folds: opts.folds, seed };
    for (let f = 0; f < opts.folds; f++) {
      const { train, test } = kFold(cols, opts.folds, f, seed);
      folds.push(evalSplit(train, test, nUsers, nItems, params));
      opts.onFold?.(f + 1, opts.folds);
    }
  } else {
    const testFraction = opts.testFraction ?? 0.1;
    split = { kind: 'holdout', testFraction, seed };
    const { train, test } = randomHoldout(cols, testFraction, seed);
    folds.push(evalSplit(train, test, nUsers, nItems, params));
  }
  return {
    split,
    ratings: cols.length,
    params,
    model: mean(folds.map((f) => f.model)),
    baselines: { globalMean: mean(folds.map((f) => f.baselines.globalMean)), bias: mean(folds.map((f) => f.baselines.bias)) },
    folds,
  };
}
