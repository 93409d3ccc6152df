// The regularization knobs a row solve needs, and the count-weighted factor penalty λ·(n + offset)^α.

/** The regularization knobs of AlsParams that a row solve needs. */
export interface Regularization {
  lambda: number;
  biasLambda: number;
  /** α in λ·n^α; absent means 1. */
  lambdaExponent?: number;
  /**
   * Added to the row's rating count before the exponent: λ·(n + countOffset)^α. Absent or 0 for explicit ALS;
   * α0·N for iALS with Rendle et al.'s frequency-scaled regularization (N = the other side's size).
   */
  countOffset?: number;
}

/** Factor penalty λ·(n + offset)^α for a row with n ratings (exactly λ·n when α is 1 or absent and no offset). */
export function factorPenalty(reg: Regularization, n: number): number {
  const a = reg.lambdaExponent ?? 1;
  const m = n + (reg.countOffset ?? 0);
  return a === 1 ? reg.lambda * m : reg.lambda * Math.pow(m, a);
}
