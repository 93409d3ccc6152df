// The training options every model-building command shares (rank, λ, iterations…), their ranges, and the check that a rank fits in memory for the data.
import { freemem, totalmem } from 'node:os';
import { PARAM_RANGES } from '../engine/als/paramRanges';
import { SOLVERS } from '../engine/als/solver';
import { explicitDefaults } from '../engine/defaults/explicitDefaults';
import { implicitDefaults } from '../engine/defaults/implicitDefaults';
import { defaultsFor, OBJECTIVES } from '../engine/defaults/modelDefaults';
import type { AlsParams } from '../engine/types';
import { checkNumber, UsageError, type OptionSpecs } from './args';

/** "(default 64; implicit 32)": each objective's default, from src/engine/defaults. */
const byObjective = (k: 'rank' | 'lambda' | 'lambdaExponent' | 'biasLambda' | 'iterations') =>
  explicitDefaults[k] === implicitDefaults[k] ? `(default ${explicitDefaults[k]})` : `(default ${explicitDefaults[k]}; implicit ${implicitDefaults[k]})`;

export const ALS_OPTIONS = {
  rank: { kind: 'number', range: PARAM_RANGES.rank, help: `factors per movie and per person ${byObjective('rank')}` },
  lambda: { kind: 'number', range: PARAM_RANGES.lambda, arg: 'X', help: `regularization λ, applied as λ·n^α ${byObjective('lambda')}` },
  'lambda-exponent': { kind: 'number', range: PARAM_RANGES.lambdaExponent, arg: 'A', help: `α in λ·n^α; 1 is ALS-WR ${byObjective('lambdaExponent')}` },
  'bias-lambda': { kind: 'number', range: PARAM_RANGES.biasLambda, arg: 'X', help: `regularization of the biases ${byObjective('biasLambda')}` },
  iters: { kind: 'number', range: PARAM_RANGES.iterations, help: `ALS iterations ${byObjective('iterations')}` },
  objective: { kind: 'choice', values: OBJECTIVES, help: 'explicit: predict stars; implicit: iALS, rank what a person watches' },
  solver: { kind: 'choice', values: SOLVERS, help: 'row solver: exact (Cholesky), cg (conjugate gradient) or auto by rank' },
  alpha: { kind: 'number', range: PARAM_RANGES.implicitAlpha, arg: 'A', help: `iALS confidence 1 + A·stars (default ${implicitDefaults.implicitAlpha})` },
  unobserved: { kind: 'number', range: PARAM_RANGES.unobservedWeight, arg: 'A0', help: `iALS weight of every unrated movie's 0 (Rendle et al.'s α0; default ${implicitDefaults.unobservedWeight})` },
  frequency: { kind: 'choice', values: ['on', 'off'], help: `iALS penalty λ·(n + α0·N)^α (Rendle et al.'s frequency scaling) instead of λ·n^α (default ${implicitDefaults.frequencyScaled ? 'on' : 'off'})` },
  'star-offset': { kind: 'number', range: PARAM_RANGES.starOffset, arg: 'S', help: `iALS confidence from max(0, stars − S): ratings of S stars or fewer are weak watches (default ${implicitDefaults.starOffset})` },
} as const satisfies OptionSpecs;

type ParamOption = keyof typeof ALS_OPTIONS;

const RANGE_OF: Record<Exclude<ParamOption, 'objective' | 'solver' | 'frequency'>, (typeof ALS_OPTIONS)[ParamOption] & { kind: 'number' }> = {
  rank: ALS_OPTIONS.rank,
  lambda: ALS_OPTIONS.lambda,
  'lambda-exponent': ALS_OPTIONS['lambda-exponent'],
  'bias-lambda': ALS_OPTIONS['bias-lambda'],
  iters: ALS_OPTIONS.iters,
  alpha: ALS_OPTIONS.alpha,
  unobserved: ALS_OPTIONS.unobserved,
  'star-offset': ALS_OPTIONS['star-offset'],
};

/**
 * ALS parameters from command-line values (text as typed, or numbers parseOptions already checked); anything not
 * given keeps its objective's default (explicit or implicit, src/engine/defaults), the λ exponent α included.
 */
export function alsParamsFrom(values: Partial<Record<ParamOption, string | number>>): AlsParams {
  const numberOf = (k: keyof typeof RANGE_OF, fallback: number): number => {
    const v = values[k];
    return v === undefined ? fallback : checkNumber(String(v), k, RANGE_OF[k].range);
  };
  const choice = <T extends string>(k: 'objective' | 'solver' | 'frequency', allowed: readonly T[]): T | undefined => {
    const v = values[k];
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(String(v))) throw new UsageError(`--${k} expects one of ${allowed.join(', ')}, got "${v}"`);
    return v as T;
  };
  const objective = choice('objective', OBJECTIVES);
  const solver = choice('solver', SOLVERS);
  const d = defaultsFor(objective);
  return {
    ...(objective ? { objective } : {}),
    ...(solver ? { solver } : {}),
    ...d,
    ...(values.alpha !== undefined ? { implicitAlpha: numberOf('alpha', NaN) } : {}),
    ...(values.unobserved !== undefined ? { unobservedWeight: numberOf('unobserved', NaN) } : {}),
    ...(values.frequency !== undefined ? { frequencyScaled: choice('frequency', ['on', 'off'] as const) === 'on' } : {}),
    ...(values['star-offset'] !== undefined ? { starOffset: numberOf('star-offset', NaN) } : {}),
    rank: numberOf('rank', d.rank),
    lambda: numberOf('lambda', d.lambda),
    lambdaExponent: numberOf('lambda-exponent', d.lambdaExponent),
    biasLambda: numberOf('bias-lambda', d.biasLambda),
    iterations: numberOf('iters', d.iterations),
  };
}

/**
 * Bytes a training of `rank` needs for this data: the rating matrix both ways (index + value, 8 bytes a rating each),
 * the user and movie factor tables with their biases (float32, twice: the tables and the next half-step's), and a
 * rank × rank float64 system per thread.
 */
export function trainingBytes(rank: number, users: number, movies: number, ratings: number, threads = 1): number {
  return 16 * ratings + 8 * (users + movies) * (rank + 1) + threads * 16 * (rank + 1) * (rank + 1);
}

/** Refuses a rank whose training would not fit in this machine's memory, naming both sizes. */
export function checkRankFits(rank: number, users: number, movies: number, ratings: number, threads = 1): void {
  const need = trainingBytes(rank, users, movies, ratings, threads);
  const have = Math.max(freemem(), totalmem() / 2);
  if (need > have) {
    const gb = (n: number) => `${(n / 2 ** 30).toFixed(1)} GiB`;
    throw new UsageError(
      `--rank ${rank} needs about ${gb(need)} for ${users.toLocaleString('en')} people, ${movies.toLocaleString('en')} movies and ${ratings.toLocaleString('en')} ratings; this machine has ${gb(have)} to spare: use a smaller --rank`,
    );
  }
}
