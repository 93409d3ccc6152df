// The regularization knobs a row solve needs, and the count-weighted factor penalty λ·n^α.

/** The regularization knobs of AlsParams that a row solve needs. */
export interface Regularization {
  lambda: number;
  biasLambda: number;
  /** α in λ·n^α; absent means 1. */
  lambdaExponent?: number;
}

/** Factor penalty λ·n^α for a row with n ratings (exactly λ·n when α is 1 or absent). */
export function factorPenalty(reg: Regularization, n: number): number {
  const a = reg.lambdaExponent ?? 1;
  return a === 1 ? reg.lambda * n : reg.lambda * Math.pow(n, a);
}
