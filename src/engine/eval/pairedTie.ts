// Calls two candidates measured on the same splits a tie when their per-split differences do not tell them apart.

/**
 * True when the mean of best[f] − other[f] over the shared splits is within two standard errors of 0 (with one split,
 * when the two are within 1e-9). Paired, so the splits' own spread (an easy or hard holdout) cancels out.
 */
export function pairedTie(best: readonly number[], other: readonly number[]): boolean {
  const n = Math.min(best.length, other.length);
  if (n === 0) return false;
  const d = Array.from({ length: n }, (_, f) => best[f] - other[f]);
  const mean = d.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return Math.abs(mean) < 1e-9;
  const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return Math.abs(mean) <= (2 * sd) / Math.sqrt(n);
}
