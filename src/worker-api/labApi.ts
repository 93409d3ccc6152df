// Worker API for the Model lab: holdout evaluation against the baselines, and a cross-validated grid search.
import { checkParams } from '../engine/als/train';
import { CancelledError } from '../engine/cancelled';
import { explicitDefaults } from '../engine/defaults/explicitDefaults';
import { implicitDefaults } from '../engine/defaults/implicitDefaults';
import { evaluationDefaults } from '../engine/defaults/evaluationDefaults';
import { TUNE_LIMITS } from '../engine/defaults/tuningDefaults';
import { describeRange, inRange, PARAM_RANGES, type Range } from '../engine/als/paramRanges';
import { evaluate, type EvalReport, type EvalStep } from '../engine/eval/evaluate';
import { gridOf, tune, type SearchSpace, type TuneResult } from '../engine/eval/tune';
import type { AlsParams } from '../engine/types';
import { openDb } from '../store/db';
import { readMovies, readRatings } from '../store/datasets';
import { activeDataset } from './state';
import { trainingParams } from './trainApi';
import { easeReferenceDefaults, rankerParams } from '../engine/defaults/rankerDefaults';
import type { CompareOptions } from '../engine/eval/compareRankers';

export type { EvalStep, TuneResult };

/** Thrown when a lab job's signal is aborted (in-process callers; the app terminates the jobs worker instead). */
export class LabCancelled extends CancelledError {
  constructor() {
    super('Cancelled');
    this.name = 'LabCancelled';
  }
}

export interface LabEvalOptions {
  /** Share of the ratings held out (default evaluationDefaults.testFraction, as `cli eval`). */
  testFraction?: number;
  /** Seed of the holdout shuffle (default evaluationDefaults.seed, as `cli eval`). */
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
 * mean, bias, popularity) on the held-out ratings: RMSE, MAE, ranking metrics, coverage, fit and predict times; then
 * `cli eval`'s ranking comparison on the same split (popularity, the explicit model by stars, iALS, exact EASE where
 * it fits, and defaultList: the list the app shows, rankFor with filters off), in `report.rankers`.
 * `onStep` reports each model as it starts and each ALS iteration.
 */
export async function evaluateModel(
  params: Partial<AlsParams>,
  onStep: (s: EvalStep) => void,
  opts: LabEvalOptions = {},
  signal?: AbortSignal,
): Promise<LabEvalReport> {
  // The implicit model here is the one the app trains (the ranker's iALS under the lab's fields), as train() fits it.
  const p: AlsParams = trainingParams(params);
  checkParams(p);
  const testFraction = opts.testFraction ?? evaluationDefaults.testFraction;
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError(`The evaluation holdout must be above 0 and below 1, got ${testFraction}`);
  const stop = stopper(signal);
  const t0 = performance.now();
  const { dataset, ratings } = await activeRatings();
  stop();
  const years = (await readMovies(await openDb(), dataset.id)).map((m) => m.year ?? -1);
  // As `cli eval` sets them up (src/cli/commands/evalCommand.ts): the lab's model is the explicit row when it is explicit.
  const rankers: CompareOptions = {
    explicit: p.objective === 'implicit' ? { ...explicitDefaults } : p,
    ials: p.objective === 'implicit' ? p : rankerParams.ials,
    ranker: rankerParams,
    easeLambda: easeReferenceDefaults.lambda,
    easeMaxDim: easeReferenceDefaults.maxDim,
    years,
    onRanker: (ranker) => {
      stop();
      onStep({ split: 1, splits: 1, model: 'rankers', ranker });
    },
  };
  const { folds: _folds, ...report } = evaluate(ratings, dataset.stats.users, dataset.stats.movies, p, {
    testFraction,
    seed: opts.seed ?? evaluationDefaults.seed,
    rankers,
    onStep: (s) => {
      stop();
      onStep(s);
    },
  });
  return { ...report, dataset: dataset.name, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The lab's search: rank × λ with the default penalty exponent and bias λ, a few folds and short trainings. With
 * objective 'implicit': the ranker's iALS (rankerParams.ials: its λ exponent) over rank × λ × `alphas` (confidence per
 * star) × `unobserved` (α0) × `starOffsets` × `frequencyScaled`, scored by NDCG@10 over `folds` per-user holdouts.
 */
export interface LabTuneOptions {
  objective?: 'explicit' | 'implicit';
  ranks: number[];
  lambdas: number[];
  iterations: number;
  folds: number;
  seed?: number;
  /** Implicit only (default: the ranker's). */
  alphas?: number[];
  unobserved?: number[];
  /** Implicit only: stars at or below count as weak watches (default: the ranker's offset). */
  starOffsets?: number[];
  /** Implicit only: the penalty λ·(n + α0·N)^ν (true) or λ·n^ν (false); absent: plain, and params do not name it. */
  frequencyScaled?: boolean[];
}

export interface LabTuneReport {
  dataset: string;
  folds: number;
  /** Best (lowest cross-validated RMSE) first. */
  results: TuneResult[];
  seconds: number;
}

/** The engine's search space for the lab's options: the form's lists over the ranker's iALS, or the explicit defaults. */
function labSpace(opts: LabTuneOptions): SearchSpace {
  const r = rankerParams.ials;
  return opts.objective === 'implicit'
    ? {
        rank: opts.ranks,
        lambda: opts.lambdas,
        lambdaExponent: [r.lambdaExponent!],
        biasLambda: [r.biasLambda],
        iterations: [opts.iterations],
        confidence: opts.alphas ?? [r.implicitAlpha!],
        unobservedWeight: opts.unobserved ?? [implicitDefaults.unobservedWeight],
        starOffset: opts.starOffsets ?? [r.starOffset!],
        ...(opts.frequencyScaled ? { frequencyScaled: opts.frequencyScaled } : {}),
      }
    : {
        rank: opts.ranks,
        lambda: opts.lambdas,
        lambdaExponent: [explicitDefaults.lambdaExponent],
        biasLambda: [explicitDefaults.biasLambda],
        iterations: [opts.iterations],
      };
}

function checkTune(o: LabTuneOptions): SearchSpace {
  const ints = (xs: number[], [lo, hi]: readonly [number, number]) => xs.length > 0 && xs.every((x) => Number.isInteger(x) && x >= lo && x <= hi);
  const { rank, iterations, folds, configs } = TUNE_LIMITS;
  if (!ints(o.ranks, rank)) throw new RangeError(`Ranks must be whole numbers from ${rank[0]} to ${rank[1]}, got ${o.ranks.join(', ') || 'none'}`);
  if (!(o.lambdas.length > 0 && o.lambdas.every((x) => Number.isFinite(x) && x >= 0))) throw new RangeError(`λ values must be numbers ≥ 0, got ${o.lambdas.join(', ') || 'none'}`);
  if (!ints([o.iterations], iterations)) throw new RangeError(`Iterations must be a whole number from ${iterations[0]} to ${iterations[1]}, got ${o.iterations}`);
  if (!ints([o.folds], folds)) throw new RangeError(`Folds must be a whole number from ${folds[0]} to ${folds[1]}, got ${o.folds}`);
  const within = (xs: number[] | undefined, r: Range) => !xs || (xs.length > 0 && xs.every((x) => inRange(x, r)));
  if (!within(o.alphas, PARAM_RANGES.implicitAlpha)) throw new RangeError(`Confidence alphas must be numbers from ${PARAM_RANGES.implicitAlpha.min} to ${PARAM_RANGES.implicitAlpha.max}, got ${o.alphas!.join(', ') || 'none'}`);
  if (!within(o.unobserved, PARAM_RANGES.unobservedWeight)) throw new RangeError(`Unobserved weights must be numbers above 0 and at most ${PARAM_RANGES.unobservedWeight.max}, got ${o.unobserved!.join(', ') || 'none'}`);
  if (!within(o.starOffsets, PARAM_RANGES.starOffset)) throw new RangeError(`Star offsets must each be ${describeRange(PARAM_RANGES.starOffset)}, got ${o.starOffsets!.join(', ') || 'none'}`);
  if (o.frequencyScaled && !(o.frequencyScaled.length > 0 && o.frequencyScaled.every((x) => typeof x === 'boolean')))
    throw new RangeError(`Frequency-scaled λ must be a list of true/false, got ${JSON.stringify(o.frequencyScaled)}`);
  const space = labSpace(o);
  // The size the engine will search: its own grid, counted.
  const n = gridOf(space, 0, o.objective === 'implicit' ? 'implicit' : 'explicit').length;
  if (n > configs) throw new RangeError(`${n} configurations is too many for one search (at most ${configs})`);
  return space;
}

/**
 * k-fold cross-validated search over rank × λ on the active dataset (explicit ALS, src/engine/eval/tune.ts), or with
 * objective 'implicit' the ranker's iALS over per-user holdouts; `onResult` reports every configuration as it
 * finishes. Results come back best first: lowest RMSE, or highest NDCG@10 (with `tie` against the best).
 */
export async function tuneModel(opts: LabTuneOptions, onResult: (r: TuneResult, done: number, total: number) => void, signal?: AbortSignal): Promise<LabTuneReport> {
  const space = checkTune(opts);
  const stop = stopper(signal);
  const t0 = performance.now();
  const { dataset, ratings } = await activeRatings();
  stop();
  const implicit = opts.objective === 'implicit';
  const results = tune(ratings, dataset.stats.users, dataset.stats.movies, space, {
    folds: opts.folds,
    seed: opts.seed ?? evaluationDefaults.seed,
    objective: implicit ? 'implicit' : 'explicit',
    onResult: (r, done, total) => {
      onResult(r, done, total);
      if (done < total) stop();
    },
  });
  return { dataset: dataset.name, folds: opts.folds, results, seconds: (performance.now() - t0) / 1000 };
}
