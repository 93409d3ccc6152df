// The tuning table's spread: each configuration's mean ± standard deviation over the folds, and the one-standard-error
// rule (Hastie, Tibshirani & Friedman, ESL §7.10) for ties: a configuration whose mean is within one standard error of
// the best's mean (the best's fold sd / √folds) is not told apart from it; only a larger difference makes a winner.

export interface FoldScores {
  /** The score per fold (lower is better). */
  folds: readonly number[];
}

export interface Spread {
  mean: number;
  /** Sample standard deviation over the folds (0 with one fold). */
  sd: number;
  /** This mean minus the best's (≥ 0 when the best comes first). */
  diff: number;
  /** Within one standard error of the best's mean: a tie with it (the best itself is one). */
  tie: boolean;
}

const meanOf = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Sample standard deviation (divisor n − 1); 0 for fewer than two values. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = meanOf(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** The standard error of a configuration's mean score: its fold sd / √folds (0 with one fold). */
export const standardError = (folds: readonly number[]): number => (folds.length ? sampleSd(folds) / Math.sqrt(folds.length) : 0);

/** The spread of each configuration, results best (lowest mean) first; ties are measured against the first. */
export function tuneSpread(results: readonly FoldScores[]): Spread[] {
  if (results.length === 0) return [];
  const best = meanOf(results[0].folds);
  const se = standardError(results[0].folds);
  return results.map((r) => {
    const mean = meanOf(r.folds);
    const diff = mean - best;
    return { mean, sd: sampleSd(r.folds), diff, tie: diff <= se };
  });
}
