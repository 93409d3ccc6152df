// The reference a benchmark compares against: a plain per-row ml-matrix solve of the same ALS half-step.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { CsrRows } from '../engine/als/csr';
import { factorPenalty, type Regularization } from '../engine/als/regularization';

/**
 * Solves the listed rows like solveRow (augmented [p, b], penalty λ·n^α on factors, biasLambda on the bias) by
 * building X, XᵀX + D and Xᵀt as ml-matrix matrices and a Cholesky decomposition per row. Returns the solutions.
 */
export function mlMatrixRows(
  rows: CsrRows,
  list: Int32Array,
  other: Float32Array,
  otherBias: Float32Array,
  rank: number,
  mu: number,
  reg: Regularization,
): Float64Array[] {
  const out: Float64Array[] = [];
  for (const r of list) {
    const start = rows.indptr[r];
    const n = rows.indptr[r + 1] - start;
    const X = new Matrix(n, rank + 1);
    const t = new Matrix(n, 1);
    for (let p = 0; p < n; p++) {
      const c = rows.indices[start + p];
      for (let j = 0; j < rank; j++) X.set(p, j, other[c * rank + j]);
      X.set(p, rank, 1);
      t.set(p, 0, rows.values[start + p] - mu - otherBias[c]);
    }
    const Xt = X.transpose();
    const A = Xt.mmul(X);
    const penalty = factorPenalty(reg, n);
    for (let j = 0; j < rank; j++) A.set(j, j, A.get(j, j) + penalty);
    A.set(rank, rank, A.get(rank, rank) + reg.biasLambda);
    out.push(Float64Array.from(new CholeskyDecomposition(A).solve(Xt.mmul(t)).getColumn(0)));
  }
  return out;
}
