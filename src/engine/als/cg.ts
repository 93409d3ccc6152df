// Warm-started, diagonally preconditioned conjugate gradient for one ALS row, without forming the Gram matrix.

import { factorPenalty, type Regularization } from './regularization';

/** Float64 vectors for one (rank+1)-dimensional CG solve. */
export interface CgScratch {
  rank: number;
  r: Float64Array;
  z: Float64Array;
  p: Float64Array;
  ap: Float64Array;
  /** The diagonal preconditioner's inverse (see solveRowCg). */
  dinv: Float64Array;
}

export function createCgScratch(rank: number): CgScratch {
  const k = rank + 1;
  return { rank, r: new Float64Array(k), z: new Float64Array(k), p: new Float64Array(k), ap: new Float64Array(k), dinv: new Float64Array(k) };
}

/**
 * One pass over the row's entries c (X rows [other[c], 1]): out[0..rank) = Σ_c w_c·other[c] and returns Σ_c w_c,
 * where d_c = other[c]·v[0..rank) + v[rank] and w_c = d_c, or t_c − d_c with t_c = values − mu − otherBias[c]
 * when `values` is given. Entries go eight at a time, so each load of v and of out serves eight of them.
 */
function pass(
  other: Float32Array,
  otherBias: Float32Array,
  rank: number,
  indices: Int32Array,
  values: Float32Array | null,
  start: number,
  end: number,
  mu: number,
  v: Float64Array,
  out: Float64Array,
): number {
  out.fill(0, 0, rank);
  const vb = v[rank];
  let total = 0;
  let p = start;
  for (; p + 8 <= end; p += 8) {
    const o0 = indices[p] * rank, o1 = indices[p + 1] * rank, o2 = indices[p + 2] * rank, o3 = indices[p + 3] * rank;
    const o4 = indices[p + 4] * rank, o5 = indices[p + 5] * rank, o6 = indices[p + 6] * rank, o7 = indices[p + 7] * rank;
    let s0 = vb, s1 = vb, s2 = vb, s3 = vb, s4 = vb, s5 = vb, s6 = vb, s7 = vb;
    for (let j = 0; j < rank; j++) {
      const a = v[j];
      s0 += other[o0 + j] * a;
      s1 += other[o1 + j] * a;
      s2 += other[o2 + j] * a;
      s3 += other[o3 + j] * a;
      s4 += other[o4 + j] * a;
      s5 += other[o5 + j] * a;
      s6 += other[o6 + j] * a;
      s7 += other[o7 + j] * a;
    }
    if (values) {
      s0 = values[p] - mu - otherBias[indices[p]] - s0;
      s1 = values[p + 1] - mu - otherBias[indices[p + 1]] - s1;
      s2 = values[p + 2] - mu - otherBias[indices[p + 2]] - s2;
      s3 = values[p + 3] - mu - otherBias[indices[p + 3]] - s3;
      s4 = values[p + 4] - mu - otherBias[indices[p + 4]] - s4;
      s5 = values[p + 5] - mu - otherBias[indices[p + 5]] - s5;
      s6 = values[p + 6] - mu - otherBias[indices[p + 6]] - s6;
      s7 = values[p + 7] - mu - otherBias[indices[p + 7]] - s7;
    }
    total += s0 + s1 + s2 + s3 + (s4 + s5 + s6 + s7);
    for (let j = 0; j < rank; j++) {
      out[j] +=
        s0 * other[o0 + j] + s1 * other[o1 + j] + s2 * other[o2 + j] + s3 * other[o3 + j] +
        (s4 * other[o4 + j] + s5 * other[o5 + j] + s6 * other[o6 + j] + s7 * other[o7 + j]);
    }
  }
  for (; p < end; p++) {
    const c = indices[p];
    const o = c * rank;
    let s = vb;
    for (let j = 0; j < rank; j++) s += other[o + j] * v[j];
    if (values) s = values[p] - mu - otherBias[c] - s;
    total += s;
    for (let j = 0; j < rank; j++) out[j] += s * other[o + j];
  }
  return total;
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += a[j] * b[j];
  return s;
}

/** Mean of the squared entries of a factor table: what solveRowCg's preconditioner expects as `otherScale`. */
export function meanSquare(table: Float32Array): number {
  let s = 0;
  for (let k = 0; k < table.length; k++) s += table[k] * table[k];
  return table.length > 0 ? s / table.length : 0;
}

/**
 * The same regularized least squares as solveRow, approximately: `steps` iterations of preconditioned conjugate
 * gradient starting from x (the row's previous [factors, bias]); x is updated in place. Each step costs one pass
 * over the row's entries (2·rank multiply-adds per entry, float64 sums); no (rank+1)² matrix is formed.
 * Preconditioner: the bias coordinate's exact diagonal n + biasLambda, and penalty + n·otherScale for every
 * factor coordinate (otherScale = meanSquare(other) estimates each diagonal entry of XᵀX per rating without a
 * pass). Deterministic: fixed summation order.
 */
export function solveRowCg(
  other: Float32Array,
  otherBias: Float32Array,
  rank: number,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  mu: number,
  reg: Regularization,
  otherScale: number,
  steps: number,
  x: Float64Array,
  scratch: CgScratch,
): Float64Array {
  const k = rank + 1;
  const n = end - start;
  if (n <= 0) {
    x.fill(0, 0, k);
    return x;
  }
  const { r, z, p, ap, dinv } = scratch;
  const penalty = factorPenalty(reg, n);
  const biasLambda = reg.biasLambda;
  // r = Xᵀ(t − X x) − D x.
  r[rank] = pass(other, otherBias, rank, indices, values, start, end, mu, x, r) - biasLambda * x[rank];
  const factorScale = 1 / (penalty + n * otherScale);
  for (let j = 0; j < rank; j++) {
    r[j] -= penalty * x[j];
    dinv[j] = factorScale;
  }
  dinv[rank] = 1 / (n + biasLambda);
  for (let j = 0; j < k; j++) p[j] = z[j] = r[j] * dinv[j];
  let rz = dot(r, z, k);
  for (let s = 0; s < steps && rz > 0; s++) {
    // ap = (XᵀX + D) p
    ap[rank] = pass(other, otherBias, rank, indices, null, start, end, mu, p, ap) + biasLambda * p[rank];
    for (let j = 0; j < rank; j++) ap[j] += penalty * p[j];
    const pap = dot(p, ap, k);
    if (!(pap > 0)) break;
    const alpha = rz / pap;
    for (let j = 0; j < k; j++) {
      x[j] += alpha * p[j];
      r[j] -= alpha * ap[j];
      z[j] = r[j] * dinv[j];
    }
    if (s + 1 === steps) break;
    const rzNew = dot(r, z, k);
    const beta = rzNew / rz;
    rz = rzNew;
    for (let j = 0; j < k; j++) p[j] = z[j] + beta * p[j];
  }
  return x;
}
