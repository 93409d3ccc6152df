// The accepted range of every training and evaluation setting (one home: the CLI refuses outside them; the Model lab's form and Tune limits read the same numbers).

export interface Range {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** min itself is excluded. */
  minOpen?: boolean;
  /** max itself is excluded. */
  maxOpen?: boolean;
}

/**
 * Rank up to 256: the taste map's PCA and a row's rank × rank solve stay instant there, and a Gram matrix of rank
 * 100,000 (80 GB) is what `--rank 100000` used to ask for. Iterations up to 100: the tuned models converge in 10–20.
 */
export const PARAM_RANGES = Object.freeze({
  rank: { min: 1, max: 256, integer: true },
  lambda: { min: 0, max: 100 },
  lambdaExponent: { min: 0, max: 2 },
  biasLambda: { min: 0, max: 100 },
  iterations: { min: 1, max: 100, integer: true },
  implicitAlpha: { min: 0, max: 100 },
  /** iALS unobserved weight α0 (Rendle et al.): above 0; 1 is Hu et al.'s. */
  unobservedWeight: { min: 0, max: 100, minOpen: true },
  /** iALS star offset: stars at or below it are weak watches; below 5 so a 5-star rating always counts. */
  starOffset: { min: 0, max: 5, maxOpen: true },
  cgSteps: { min: 1, max: 64, integer: true },
  /** Share of ratings held out to validate a training (the lab's "validation holdout", at most half). */
  holdout: { min: 0, max: 0.5 },
  /** Share of ratings held out by an evaluation: strictly between 0 (nothing to score) and 1 (nothing to train on). */
  testFraction: { min: 0, max: 1, minOpen: true, maxOpen: true },
  folds: { min: 2, max: 20, integer: true },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true },
} satisfies Record<string, Range>);

export function inRange(x: number, r: Range): boolean {
  if (!Number.isFinite(x) || (r.integer && !Number.isInteger(x))) return false;
  return (r.minOpen ? x > r.min : x >= r.min) && (r.maxOpen ? x < r.max : x <= r.max);
}

const show = (x: number) => (Math.abs(x) >= 1e15 ? x.toExponential() : x.toLocaleString('en', { maximumFractionDigits: 6 }));

/** "a whole number from 1 to 256", "a number greater than 0 and less than 1". */
export function describeRange(r: Range): string {
  const what = r.integer ? 'a whole number' : 'a number';
  if (!r.minOpen && !r.maxOpen) return `${what} from ${show(r.min)} to ${show(r.max)}`;
  return `${what} ${r.minOpen ? 'greater than' : 'at least'} ${show(r.min)} and ${r.maxOpen ? 'less than' : 'at most'} ${show(r.max)}`;
}
