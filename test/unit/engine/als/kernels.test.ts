// Unit tests for the dense ALS kernels: Cholesky solve and augmented Gram/rhs accumulation vs ml-matrix.

import { CholeskyDecomposition, Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { accumulateGramRhs, choleskySolve, mirrorUpper } from '../../../../src/engine/als/kernels';
import { createRng } from '../../../../src/engine/als/random';

function randomSpd(n: number, seed: number): { A: Matrix; b: number[] } {
  const rng = createRng(seed);
  const X = Matrix.zeros(n + 3, n);
  for (let r = 0; r < n + 3; r++) for (let c = 0; c < n; c++) X.set(r, c, rng.normal());
  const A = X.transpose().mmul(X);
  for (let i = 0; i < n; i++) A.set(i, i, A.get(i, i) + 0.5);
  const b = Array.from({ length: n }, () => rng.normal());
  return { A, b };
}

/** Row-major copy holding only the upper triangle (lower is garbage, as the kernel must not read it). */
function upperOnly(A: Matrix): Float64Array {
  const n = A.rows;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = j >= i ? A.get(i, j) : 1e6 * (i - j);
  return out;
}

describe('choleskySolve', () => {
  for (const n of [1, 2, 5, 16, 17, 65]) {
    it(`matches ml-matrix solve and CholeskyDecomposition for SPD n=${n}`, () => {
      const { A, b } = randomSpd(n, 100 + n);
      const a = upperOnly(A);
      const x = Float64Array.from(b);
      const jitter = choleskySolve(a, x, n, new Float64Array(n));
      expect(jitter).toBe(0);
      const viaSolve = solve(A, Matrix.columnVector(b)).getColumn(0);
      const viaChol = new CholeskyDecomposition(A).solve(Matrix.columnVector(b)).getColumn(0);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(x[i] - viaSolve[i])).toBeLessThan(1e-6);
        expect(Math.abs(x[i] - viaChol[i])).toBeLessThan(1e-6);
      }
      // Residual check independent of any oracle.
      const r = A.mmul(Matrix.columnVector(Array.from(x))).getColumn(0);
      for (let i = 0; i < n; i++) expect(Math.abs(r[i] - b[i])).toBeLessThan(1e-8 * (1 + Math.abs(b[i])));
      // Strict upper triangle untouched.
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(a[i * n + j]).toBe(A.get(i, j));
    });
  }

  it('falls back to jitter on a singular PSD matrix and still solves a consistent system', () => {
    // A = v vᵀ + w wᵀ in 4 dimensions (rank 2), b = A·[1,2,3,4].
    const v = [1, 2, 0, 1];
    const w = [0, 1, 1, -1];
    const A = Matrix.zeros(4, 4);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) A.set(i, j, v[i] * v[j] + w[i] * w[j]);
    const b = A.mmul(Matrix.columnVector([1, 2, 3, 4])).getColumn(0);
    const x = Float64Array.from(b);
    const jitter = choleskySolve(upperOnly(A), x, 4, new Float64Array(4));
    expect(jitter).toBeGreaterThan(0);
    expect(x.every(Number.isFinite)).toBe(true);
    const r = A.mmul(Matrix.columnVector(Array.from(x))).getColumn(0);
    for (let i = 0; i < 4; i++) expect(Math.abs(r[i] - b[i])).toBeLessThan(1e-4);
  });
});

describe('accumulateGramRhs', () => {
  const rank = 9;
  const nRows = 40;
  const rng = createRng(5);
  const factors = new Float32Array(nRows * rank).map(() => rng.normal());
  const biases = new Float32Array(nRows).map(() => 0.3 * rng.normal());
  const offset = 3.1;

  function oracle(indices: Int32Array, values: Float32Array, start: number, end: number): { G: Matrix; rhs: number[] } {
    const n = end - start;
    const X = Matrix.zeros(n, rank + 1);
    const t: number[] = [];
    for (let p = start; p < end; p++) {
      const c = indices[p];
      for (let j = 0; j < rank; j++) X.set(p - start, j, factors[c * rank + j]);
      X.set(p - start, rank, 1);
      t.push(values[p] - offset - biases[c]);
    }
    return { G: X.transpose().mmul(X), rhs: X.transpose().mmul(Matrix.columnVector(t)).getColumn(0) };
  }

  for (const n of [1, 4, 7, 13, 32]) {
    it(`equals ml-matrix XᵀX and Xᵀt for the augmented rows, n=${n}`, () => {
      const indices = Int32Array.from({ length: n + 2 }, () => rng.int(nRows));
      const values = Float32Array.from({ length: n + 2 }, () => 0.5 + rng.int(10) / 2);
      const k = rank + 1;
      const A = new Float64Array(k * k);
      const b = new Float64Array(k);
      accumulateGramRhs(factors, biases, rank, indices, values, 1, n + 1, offset, A, b);
      // Lower triangle untouched before mirroring.
      for (let i = 1; i < k; i++) for (let j = 0; j < i; j++) expect(A[i * k + j]).toBe(0);
      mirrorUpper(A, k);
      const { G, rhs } = oracle(indices, values, 1, n + 1);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) expect(A[i * k + j]).toBeCloseTo(G.get(i, j), 9);
        expect(b[i]).toBeCloseTo(rhs[i], 9);
      }
      expect(A[k * k - 1]).toBe(n);
    });
  }

  it('accumulates: two sub-ranges add up to the full range', () => {
    const indices = Int32Array.from({ length: 11 }, () => rng.int(nRows));
    const values = Float32Array.from({ length: 11 }, () => rng.int(10) / 2);
    const k = rank + 1;
    const A1 = new Float64Array(k * k);
    const b1 = new Float64Array(k);
    accumulateGramRhs(factors, biases, rank, indices, values, 0, 11, offset, A1, b1);
    const A2 = new Float64Array(k * k);
    const b2 = new Float64Array(k);
    accumulateGramRhs(factors, biases, rank, indices, values, 0, 5, offset, A2, b2);
    accumulateGramRhs(factors, biases, rank, indices, values, 5, 11, offset, A2, b2);
    for (let i = 0; i < k * k; i++) expect(A2[i]).toBeCloseTo(A1[i], 10);
    for (let i = 0; i < k; i++) expect(b2[i]).toBeCloseTo(b1[i], 10);
  });
});
