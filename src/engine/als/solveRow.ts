// The per-row ALS solve shared by training half-steps and fold-in, plus a half-step over a row range.

import type { CsrRows } from './csr';
import { accumulateGramRhs, choleskySolve, createGramWorkspace, type GramWorkspace } from './kernels';
import { createCgScratch, meanSquare, solveRowCg, type CgScratch } from './cg';
import { factorPenalty, type Regularization } from './regularization';
import type { AlsKernels } from './kernelSet';

export { factorPenalty, type Regularization };

/** Reusable buffers for one (rank+1)-dimensional row solve. */
export interface SolveScratch {
  rank: number;
  /** (rank+1)² system matrix, row-major. */
  A: Float64Array;
  /** rhs in, solution [factors..., bias] out. */
  x: Float64Array;
  diag: Float64Array;
  gram: GramWorkspace;
  /** (rank+1)² buffer for the scaled rows of a short row (dual solve). */
  rows: Float64Array;
  /** Vectors for the conjugate-gradient row solver. */
  cg: CgScratch;
}

export function createSolveScratch(rank: number): SolveScratch {
  const k = rank + 1;
  return { rank, A: new Float64Array(k * k), x: new Float64Array(k), diag: new Float64Array(k), gram: createGramWorkspace(rank), rows: new Float64Array(k * k), cg: createCgScratch(rank) };
}

/**
 * Regularized least squares for one row's augmented vector [p, b]:
 *   minimize Σ_p (values[p] - mu - otherBias[c] - b - p·other[c])² + λ·n^α·|p|² + biasLambda·b²
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
  reg: Regularization,
  scratch: SolveScratch,
): Float64Array {
  const { A, x, diag, gram } = scratch;
  const k = rank + 1;
  const n = end - start;
  x.fill(0);
  if (n <= 0) return x;
  const penalty = factorPenalty(reg, n);
  const biasLambda = reg.biasLambda;
  if (n < k && penalty > 0 && biasLambda > 0) {
    solveShortRow(other, otherBias, rank, indices, values, start, n, mu, penalty, biasLambda, scratch);
    return x;
  }
  A.fill(0);
  accumulateGramRhs(other, otherBias, rank, indices, values, start, end, mu, A, x, gram);
  for (let j = 0; j < rank; j++) A[j * k + j] += penalty;
  A[rank * k + rank] += biasLambda;
  choleskySolve(A, x, k, diag);
  return x;
}

/**
 * The same solve for a row with n < rank+1 entries, through the n×n dual system (Woodbury):
 * with X the n×(rank+1) augmented rows, D = diag(reg, ..., reg, biasReg) and t the targets,
 * (XᵀX + D)⁻¹Xᵀt = D⁻¹Xᵀ(X D⁻¹ Xᵀ + I)⁻¹t. Costs n²·rank instead of n·rank² + rank³.
 */
function solveShortRow(
  other: Float32Array,
  otherBias: Float32Array,
  rank: number,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  n: number,
  mu: number,
  reg: number,
  biasReg: number,
  scratch: SolveScratch,
): void {
  const { A: K, x, diag, rows: S } = scratch;
  const k = rank + 1;
  const sf = 1 / Math.sqrt(reg);
  const sb = 1 / Math.sqrt(biasReg);
  // S = X D^(-1/2), row-major n×k; y (in diag's tail-free copy: x[0..n)) holds the targets.
  for (let p = 0; p < n; p++) {
    const c = indices[start + p];
    const o = c * rank;
    const r = p * k;
    for (let j = 0; j < rank; j++) S[r + j] = other[o + j] * sf;
    S[r + rank] = sb;
    x[p] = values[start + p] - mu - otherBias[c];
  }
  // K = S Sᵀ + I (upper triangle).
  for (let p = 0; p < n; p++) {
    const rp = p * k;
    for (let q = p; q < n; q++) {
      const rq = q * k;
      let s = 0;
      for (let j = 0; j < k; j++) s += S[rp + j] * S[rq + j];
      K[p * n + q] = p === q ? s + 1 : s;
    }
  }
  choleskySolve(K, x, n, diag);
  // x_j = d_j^(1/2) Σ_p S[p, j] y_p, computed into diag then copied (x holds y).
  diag.fill(0);
  for (let p = 0; p < n; p++) {
    const y = x[p];
    const rp = p * k;
    for (let j = 0; j < k; j++) diag[j] += S[rp + j] * y;
  }
  for (let j = 0; j < rank; j++) x[j] = diag[j] * sf;
  x[rank] = diag[rank] * sb;
}

/** Everything a half-step needs: the rows being solved and the fixed other side. */
export interface HalfStepInput {
  rows: CsrRows;
  other: Float32Array;
  otherBias: Float32Array;
  rank: number;
  mu: number;
  reg: Regularization;
  /**
   * Absent or 0: exact solves (solveRow). Otherwise this many conjugate-gradient steps per row, warm-started
   * from the row's current values in the out tables; rows with fewer entries than `exactBelow` stay exact.
   */
  cgSteps?: number;
  /** Rows with fewer entries than this are solved exactly even with cgSteps (default EXACT_BELOW). */
  exactBelow?: number;
  /** meanSquare(other) for the CG preconditioner; computed here when absent (pass it to save that per call). */
  otherScale?: number;
}

/**
 * With CG, rows shorter than this take the exact (dual) solve: at rank 64 it costs about what four CG passes
 * do at 16 entries, and CG would need n + 1 steps to be exact.
 */
export const EXACT_BELOW = 16;

/**
 * Solves rows [rowStart, rowEnd) and writes their factors and biases (float32) into the out tables. Each row
 * reads only the fixed other side and its own previous values, so any split of rows gives identical tables.
 * `kernels` solve the rows (the JavaScript solveRow / solveRowCg by default).
 */
export function halfStep(
  input: HalfStepInput,
  rowStart: number,
  rowEnd: number,
  outFactors: Float32Array,
  outBias: Float32Array,
  scratch: SolveScratch,
  kernels: Pick<AlsKernels, 'solveRow' | 'solveRowCg'> = { solveRow, solveRowCg },
): void {
  const { rows, other, otherBias, rank, mu, reg } = input;
  const { indptr, indices, values } = rows;
  const steps = input.cgSteps ?? 0;
  const exactBelow = input.exactBelow ?? EXACT_BELOW;
  const otherScale = steps > 0 ? (input.otherScale ?? meanSquare(other)) : 0;
  const warm = scratch.x;
  for (let r = rowStart; r < rowEnd; r++) {
    const o = r * rank;
    const start = indptr[r];
    const end = indptr[r + 1];
    let x: Float64Array;
    if (steps > 0 && end - start >= exactBelow) {
      for (let j = 0; j < rank; j++) warm[j] = outFactors[o + j];
      warm[rank] = outBias[r];
      x = kernels.solveRowCg(other, otherBias, rank, indices, values, start, end, mu, reg, otherScale, steps, warm, scratch.cg);
    } else {
      x = kernels.solveRow(other, otherBias, rank, indices, values, start, end, mu, reg, scratch);
    }
    for (let j = 0; j < rank; j++) outFactors[o + j] = x[j];
    outBias[r] = x[rank];
  }
}
