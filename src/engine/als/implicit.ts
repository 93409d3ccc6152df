// Implicit-feedback ALS rows (Hu, Koren & Volinsky 2008): confidence-weighted preference solves with the YᵀY trick.
import { choleskySolve } from './kernels';
import { factorPenalty } from './regularization';
import type { HalfStepInput } from './solveRow';
import type { AlsKernels } from './kernelSet';

// Each rating r is a watch: preference 1 with confidence c = 1 + alpha·r; every unrated item is preference 0
// with confidence 1. A row solves (YᵀY + Σ_rated (c − 1)·y yᵀ + penalty·I) x = Σ_rated c·y, where YᵀY over the
// whole other side is computed once a half-step (the YᵀY trick), so a row costs O(n·rank) per CG step.

/** Buffers for one rank-dimensional implicit row solve (exact or CG). */
export interface ImplicitScratch {
  rank: number;
  A: Float64Array;
  x: Float64Array;
  diag: Float64Array;
  r: Float64Array;
  z: Float64Array;
  p: Float64Array;
  ap: Float64Array;
}

export function createImplicitScratch(rank: number): ImplicitScratch {
  const v = () => new Float64Array(rank);
  return { rank, A: new Float64Array(rank * rank), x: v(), diag: v(), r: v(), z: v(), p: v(), ap: v() };
}

/** YᵀY of a row-major factor table (rank × rank, both triangles), float64 sums in row order. */
export function gramOf(table: Float32Array, rank: number): Float64Array {
  const G = new Float64Array(rank * rank);
  const rows = table.length / rank;
  for (let i = 0; i < rows; i++) {
    const o = i * rank;
    for (let j = 0; j < rank; j++) {
      const a = table[o + j];
      if (a === 0) continue;
      const g = j * rank;
      for (let l = j; l < rank; l++) G[g + l] += a * table[o + l];
    }
  }
  for (let j = 1; j < rank; j++) for (let l = 0; l < j; l++) G[j * rank + l] = G[l * rank + j];
  return G;
}

/** The exact row solve (fold-in, and training with exact solves). Returns scratch.x. */
export function solveImplicitRow(
  YtY: Float64Array,
  other: Float32Array,
  rank: number,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  alpha: number,
  penalty: number,
  scratch: ImplicitScratch,
): Float64Array {
  const { A, x, diag } = scratch;
  A.set(YtY);
  x.fill(0);
  for (let p = start; p < end; p++) {
    const o = indices[p] * rank;
    const c = 1 + alpha * values[p];
    for (let j = 0; j < rank; j++) {
      const a = other[o + j];
      x[j] += c * a;
      const w = (c - 1) * a;
      const g = j * rank;
      for (let l = j; l < rank; l++) A[g + l] += w * other[o + l];
    }
  }
  for (let j = 0; j < rank; j++) A[j * rank + j] += penalty;
  choleskySolve(A, x, rank, diag);
  return x;
}

/**
 * out = Σ_rated w_c·y_c over the row, where d_c = y_c·v and w_c = (c − 1)·d_c, or c − (c − 1)·d_c when
 * `residual` (then out − YᵀY·v − penalty·v is b − A·v). One pass, 2·rank multiply-adds per rating.
 */
function pass(other: Float32Array, rank: number, indices: Int32Array, values: Float32Array, start: number, end: number, alpha: number, v: Float64Array, out: Float64Array, residual: boolean): void {
  out.fill(0);
  for (let p = start; p < end; p++) {
    const o = indices[p] * rank;
    let d = 0;
    for (let j = 0; j < rank; j++) d += other[o + j] * v[j];
    const cm1 = alpha * values[p];
    const w = residual ? 1 + cm1 - cm1 * d : cm1 * d;
    for (let j = 0; j < rank; j++) out[j] += w * other[o + j];
  }
}

/** out −= (YᵀY + penalty·I)·v, or out += … when sign is 1. */
function addGram(YtY: Float64Array, rank: number, penalty: number, v: Float64Array, out: Float64Array, sign: number): void {
  for (let j = 0; j < rank; j++) {
    const g = j * rank;
    let s = penalty * v[j];
    for (let l = 0; l < rank; l++) s += YtY[g + l] * v[l];
    out[j] += sign * s;
  }
}

/**
 * `steps` conjugate-gradient steps from x (the row's previous factors), in place. Preconditioner: the diagonal
 * of YᵀY + penalty plus (Σ (c − 1))·otherScale for the rated items' share (otherScale = mean square entry).
 */
export function solveImplicitRowCg(
  YtY: Float64Array,
  other: Float32Array,
  rank: number,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  alpha: number,
  penalty: number,
  otherScale: number,
  steps: number,
  x: Float64Array,
  scratch: ImplicitScratch,
): Float64Array {
  const { r, z, p, ap, diag } = scratch;
  let extra = 0;
  for (let q = start; q < end; q++) extra += alpha * values[q];
  for (let j = 0; j < rank; j++) diag[j] = 1 / (YtY[j * rank + j] + penalty + extra * otherScale);
  pass(other, rank, indices, values, start, end, alpha, x, r, true);
  addGram(YtY, rank, penalty, x, r, -1);
  let rz = 0;
  for (let j = 0; j < rank; j++) {
    z[j] = p[j] = r[j] * diag[j];
    rz += r[j] * z[j];
  }
  for (let s = 0; s < steps && rz > 0; s++) {
    pass(other, rank, indices, values, start, end, alpha, p, ap, false);
    addGram(YtY, rank, penalty, p, ap, 1);
    let pap = 0;
    for (let j = 0; j < rank; j++) pap += p[j] * ap[j];
    if (!(pap > 0)) break;
    const a = rz / pap;
    let rzNew = 0;
    for (let j = 0; j < rank; j++) {
      x[j] += a * p[j];
      r[j] -= a * ap[j];
      z[j] = r[j] * diag[j];
      rzNew += r[j] * z[j];
    }
    const beta = rzNew / rz;
    rz = rzNew;
    for (let j = 0; j < rank; j++) p[j] = z[j] + beta * p[j];
  }
  return x;
}

/**
 * Solves rows [rowStart, rowEnd) of an implicit half-step into `out` (factors) and zeroes their biases: CG from
 * the row's previous factors when input.cgSteps > 0 (input.otherScale must be set), else exact. `kernels` solve the rows
 * (the JavaScript ones by default).
 */
export function implicitHalfStep(
  input: HalfStepInput,
  YtY: Float64Array,
  alpha: number,
  rowStart: number,
  rowEnd: number,
  out: Float32Array,
  outBias: Float32Array,
  scratch: ImplicitScratch,
  kernels: Pick<AlsKernels, 'solveImplicitRow' | 'solveImplicitRowCg'> = { solveImplicitRow, solveImplicitRowCg },
): void {
  const { rows, other, rank, reg } = input;
  const { indptr, indices, values } = rows;
  const steps = input.cgSteps ?? 0;
  for (let r = rowStart; r < rowEnd; r++) {
    const o = r * rank;
    const start = indptr[r];
    const end = indptr[r + 1];
    const penalty = factorPenalty(reg, end - start);
    let x: Float64Array;
    if (steps > 0) {
      x = scratch.x;
      for (let j = 0; j < rank; j++) x[j] = out[o + j];
      kernels.solveImplicitRowCg(YtY, other, rank, indices, values, start, end, alpha, penalty, input.otherScale ?? 0, steps, x, scratch);
    } else {
      x = kernels.solveImplicitRow(YtY, other, rank, indices, values, start, end, alpha, penalty, scratch);
    }
    for (let j = 0; j < rank; j++) out[o + j] = x[j];
    outBias[r] = 0;
  }
}
