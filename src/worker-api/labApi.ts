// Worker API for the Model lab: holdout evaluation against the baselines, and a cross-validated grid search.
import { defaultAlsParams, checkParams } from '../engine/als/train';
import { CancelledError } from '../engine/cancelled';
import { evaluate, type EvalReport, type EvalStep } from '../engine/eval/evaluate';
import { tune, type SearchSpace, type TuneResult } from '../engine/eval/tune';
import type { AlsParams } from '../engine/types';
import { openDb } from '../store/db';
import { readRatings } from '../store/datasets';
import { activeDataset } from './state';

export type { EvalStep, TuneResult };

/** Thrown when a lab job's signal is aborted (in-process callers; the app terminates the jobs worker instead). */
export class LabCancelled extends CancelledError {
  constructor() {
    super('Cancelled');
    this.name = 'LabCancelled';
  }
}

export interface LabEvalOptions {
  /** Share of the ratings held out (default 0.1). */
  testFraction?: number;
  /** Seed of the holdout shuffle (default 42, as `cli eval`). */
  seed?: number;
}

/** The evaluation as the lab shows it: the engine's report without the per-fold copies, plus the wall time. */
export interface LabEvalReport extends Omit<EvalReport, 'folds'> {
  dataset: string;
  seconds: number;
}

async function activeRatings() {
  const dataset = await activeDataset();
  if (!dataset) throw new Error('There is no dataset to evaluate on yet.');
  return { dataset, ratings: await readRatings(await openDb(), dataset, { timestamps: false }) };
}

function stopper(signal?: AbortSignal) {
  return () => {
    if (signal?.aborted) throw new LabCancelled();
  };
}

/**
 * Trains ALS with `params` on a seeded holdout of the active dataset and measures it and the baselines (global
 * mean, bias, popularity) on the held-out ratings: RMSE, MAE, ranking metrics, coverage, fit and predict times.
 * `onStep` reports each model as it starts and each ALS iteration.
 */
export async function evaluateModel(
  params: Partial<AlsParams>,
  onStep: (s: EvalStep) => void,
  opts: LabEvalOptions = {},
  signal?: AbortSignal,
): Promise<LabEvalReport> {
  const p: AlsParams = { ...defaultAlsParams, ...params };
  checkParams(p);
  const testFraction = opts.testFraction ?? 0.1;
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError(`The evaluation holdout must be above 0 and below 1, got ${testFraction}`);
  const stop = stopper(signal);
  const t0 = performance.now();
  const { dataset, ratings } = await activeRatings();
  stop();
  const { folds: _folds, ...report } = evaluate(ratings, dataset.stats.users, dataset.stats.movies, p, {
    testFraction,
    seed: opts.seed ?? 42,
    onStep: (s) => {
      stop();
      onStep(s);
    },
  });
  return { ...report, dataset: dataset.name, seconds: (performance.now() - t0) / 1000 };
}

/** The lab's search: rank × λ with the default penalty exponent and bias λ, a few folds and short trainings. */
export interface LabTuneOptions {
  ranks: number[];
  lambdas: number[];
  iterations: number;
  folds: number;
  seed?: number;
}

export interface LabTuneReport {
  dataset: string;
  folds: number;
  /** Best (lowest cross-validated RMSE) first. */
  results: TuneResult[];
  seconds: number;
}

/** At most this many configurations in one search (each one trains `folds` models). */
export const MAX_TUNE_CONFIGS = 36;

function checkTune(o: LabTuneOptions): void {
  const ints = (xs: number[], lo: number, hi: number) => xs.length > 0 && xs.every((x) => Number.isInteger(x) && x >= lo && x <= hi);
  if (!ints(o.ranks, 1, 256)) throw new RangeError(`Ranks must be whole numbers from 1 to 256, got ${o.ranks.join(', ') || 'none'}`);
  if (!(o.lambdas.length > 0 && o.lambdas.every((x) => Number.isFinite(x) && x >= 0))) throw new RangeError(`λ values must be numbers ≥ 0, got ${o.lambdas.join(', ') || 'none'}`);
  if (!ints([o.iterations], 1, 100)) throw new RangeError(`Iterations must be a whole number from 1 to 100, got ${o.iterations}`);
  if (!ints([o.folds], 2, 10)) throw new RangeError(`Folds must be a whole number from 2 to 10, got ${o.folds}`);
  const n = o.ranks.length * o.lambdas.length;
  if (n > MAX_TUNE_CONFIGS) throw new RangeError(`${n} configurations is too many for one search (at most ${MAX_TUNE_CONFIGS})`);
}

/**
 * k-fold cross-validated search over rank × λ on the active dataset (explicit ALS, src/engine/eval/tune.ts);
 * `onResult` reports every configuration as it finishes. Results come back sorted by RMSE, best first.
 */
export async function tuneModel(opts: LabTuneOptions, onResult: (r: TuneResult, done: number, total: number) => void, signal?: AbortSignal): Promise<LabTuneReport> {
  checkTune(opts);
  const stop = stopper(signal);
  const t0 = performance.now();
  const { dataset, ratings } = await activeRatings();
  stop();
  const space: SearchSpace = {
    rank: opts.ranks,
    lambda: opts.lambdas,
    lambdaExponent: [defaultAlsParams.lambdaExponent ?? 1],
    biasLambda: [defaultAlsParams.biasLambda],
    iterations: [opts.iterations],
  };
  const results = tune(ratings, dataset.stats.users, dataset.stats.movies, space, {
    folds: opts.folds,
    seed: opts.seed ?? 42,
    onResult: (r, done, total) => {
      onResult(r, done, total);
      if (done < total) stop();
    },
  });
  return { dataset: dataset.name, folds: opts.folds, results, seconds: (performance.now() - t0) / 1000 };
}
