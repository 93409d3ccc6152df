// The per-row ALS solve shared by training half-steps and fold-in, plus a half-step over a row range.

import type { CsrRows } from './csr';
import { accumulateGramRhs, choleskySolve } from './kernels';

/** Reusable buffers for one (rank+1)-dimensional row solve. */
export interface SolveScratch {
  rank: number;
  /** (rank+1)² system matrix, row-major. */
  A: Float64Array;
  /** rhs in, solution [factors..., bias] out. */
  x: Float64Array;
  diag: Float64Array;
}

export function createSolveScratch(rank: number): SolveScratch {
  const k = rank + 1;
  return { rank, A: new Float64Array(k * k), x: new Float64Array(k), diag: new Float64Array(k) };
}

/**
 * Regularized least squares for one row's augmented vector [p, b]:
 *   minimize Σ_p (values[p] - mu - otherBias[c] - b - p·other[c])² + lambda·n·|p|² + biasLambda·b²
 * over the n = end - start entries, c = indices[p]. Result in scratch.x (bias last); zero when n = 0.
 * Returns scratch.x.
 */
export function solveRow(
  other: Float32Array,
  otherBias: Float32Array,
  rank: number,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  mu: number,
  lambda: number,
  biasLambda: number,
  scratch: SolveScratch,
): Float64Array {
  const { A, x, diag } = scratch;
  const k = rank + 1;
  const n = end - start;
  A.fill(0);
  x.fill(0);
  if (n <= 0) return x;
  accumulateGramRhs(other, otherBias, rank, indices, values, start, end, mu, A, x);
  const reg = lambda * n;
  for (let j = 0; j < rank; j++) A[j * k + j] += reg;
  A[rank * k + rank] += biasLambda;
  choleskySolve(A, x, k, diag);
  return x;
}

/** Everything a half-step needs: the rows being solved and the fixed other side. */
export interface HalfStepInput {
  rows: CsrRows;
  other: Float32Array;
  otherBias: Float32Array;
  rank: number;
  mu: number;
  lambda: number;
  biasLambda: number;
}

/** Solves rows [rowStart, rowEnd) and writes their factors and biases (float32) into out tables. */
export function halfStep(
  input: HalfStepInput,
  rowStart: number,
  rowEnd: number,
  outFactors: Float32Array,
  outBias: Float32Array,
  scratch: SolveScratch,
): void {
  const { rows, other, otherBias, rank, mu, lambda, biasLambda } = input;
  const { indptr, indices, values } = rows;
  for (let r = rowStart; r < rowEnd; r++) {
    const x = solveRow(other, otherBias, rank, indices, values, indptr[r], indptr[r + 1], mu, lambda, biasLambda, scratch);
    const o = r * rank;
    for (let j = 0; j < rank; j++) outFactors[o + j] = x[j];
    outBias[r] = x[rank];
  }
}
