// Which row solver a training uses: exact solves at small rank, warm-started conjugate gradient from CG_MIN_RANK up.
import type { AlsParams } from '../types';

/**
 * From this rank up, 'auto' trains with conjugate gradient. Measured crossover (see README.md): below it the
 * blocked Gram + Cholesky solve costs about as much per rating as a few CG passes and is exact.
 */
export const CG_MIN_RANK = 16;

/**
 * CG steps per row and half-step when none are given. Two keep rank 64 under 1 core-second per iteration per
 * million ratings; on ml-latest-small they track the exact solves' validation RMSE within 1e-4 at every
 * iteration (5-fold CV 0.8447 either way). Three converge in fewer iterations on strongly low-rank data.
 */
export const DEFAULT_CG_STEPS = 2;

/** The row solvers a training can be asked for ('auto' when absent); the CLI's --solver takes the same list. */
export const SOLVERS = ['auto', 'exact', 'cg'] as const satisfies readonly NonNullable<AlsParams['solver']>[];

/** The one check of the solver parameters (checkParams runs it for every training). */
export function checkSolverParams(p: Pick<AlsParams, 'solver' | 'cgSteps'>): void {
  if (p.solver !== undefined && !(SOLVERS as readonly string[]).includes(p.solver)) throw new RangeError(`solver must be auto, exact or cg, got ${String(p.solver)}`);
  if (p.cgSteps !== undefined && !(Number.isInteger(p.cgSteps) && p.cgSteps >= 1)) throw new RangeError(`cgSteps must be a positive integer, got ${p.cgSteps}`);
}

/** CG steps per row for these params: 0 means exact solves. */
export function cgStepsFor(params: Pick<AlsParams, 'rank' | 'solver' | 'cgSteps'>): number {
  const solver = params.solver ?? 'auto';
  const useCg = solver === 'cg' || (solver === 'auto' && params.rank >= CG_MIN_RANK);
  return useCg ? (params.cgSteps ?? DEFAULT_CG_STEPS) : 0;
}
