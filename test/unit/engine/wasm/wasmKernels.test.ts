// Every WebAssembly kernel against the JavaScript kernel it replaces and an ml-matrix oracle, on random and adversarial rows.
import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { solveRowCg } from '../../../../src/engine/als/cg';
import { gramOf, solveImplicitRow, solveImplicitRowCg, createImplicitScratch } from '../../../../src/engine/als/implicit';
import { choleskySolve } from '../../../../src/engine/als/kernels';
import { jsKernels } from '../../../../src/engine/als/kernelSet';
import { createRng } from '../../../../src/engine/als/random';
import { scoreItems } from '../../../../src/engine/als/recommend';
import { createSolveScratch, factorPenalty, solveRow, type Regularization } from '../../../../src/engine/als/solveRow';
import { buildCsr } from '../../../../src/engine/als/csr';
import { WasmKernels } from '../../../../src/engine/wasm/wasmKernels';
import { simdHandle } from '../../../wasmKernels';

// Tolerances, relative to 1 + the largest entry of the JavaScript result:
/** Exact solves, YᵀY, Cholesky: float64 throughout, only the summation order differs. */
const EXACT_TOL = 1e-9;
/** CG steps: dot products and per-entry products in float32 lanes, summed into float64 every 64 entries. */
const CG_TOL = 2e-5;
/** Against ml-matrix's LU solve of the same normal equations. */
const ORACLE_TOL = 1e-6;

const wasm = new WasmKernels(await simdHandle());

interface Row {
  rank: number;
  other: Float32Array;
  otherBias: Float32Array;
  indices: Int32Array;
  values: Float32Array;
  start: number;
  end: number;
}

type Shape = 'random' | 'same item' | 'zero factors' | 'large factors';

/** A row of n ratings at `rank` over an other side of max(n, 50) rows, placed at an offset inside its arrays. */
function makeRow(rank: number, n: number, seed: number, shape: Shape = 'random'): Row {
  const rng = createRng(seed);
  const nOther = Math.max(n, 50);
  const scale = shape === 'large factors' ? 30 : 0.3;
  const other = new Float32Array(nOther * rank);
  if (shape !== 'zero factors') for (let k = 0; k < other.length; k++) other[k] = scale * rng.normal();
  const otherBias = Float32Array.from({ length: nOther }, () => 0.2 * rng.normal());
  // A permutation's first n entries: distinct items, in random order.
  const perm = Int32Array.from({ length: nOther }, (_, k) => k);
  for (let k = nOther - 1; k > 0; k--) {
    const j = Math.floor(rng.uniform() * (k + 1));
    [perm[k], perm[j]] = [perm[j], perm[k]];
  }
  const pad = 3;
  const indices = new Int32Array(n + 2 * pad).fill(nOther - 1);
  const values = new Float32Array(n + 2 * pad).fill(9);
  for (let p = 0; p < n; p++) {
    indices[pad + p] = shape === 'same item' ? perm[0] : perm[p];
    values[pad + p] = 0.5 * (1 + Math.floor(rng.uniform() * 10));
  }
  return { rank, other, otherBias, indices, values, start: pad, end: pad + n };
}

/** The same row with every array copied into the kernels' memory (read in place instead of staged). */
function inArena(r: Row): Row {
  const a = wasm.arena;
  return { ...r, other: a.copy(r.other), otherBias: a.copy(r.otherBias), indices: a.copy(r.indices), values: a.copy(r.values) };
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]));
  return m;
}

/** max |a − b| / (1 + max |b|). */
function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m / (1 + maxAbs(b));
}

const reg: Regularization = { lambda: 2.2, lambdaExponent: 0.4, biasLambda: 3 };
const mu = 3.5;

/** ml-matrix: (XᵀX + diag(penalty…, biasLambda)) x = Xᵀt with X rows [q_c, 1], t = value − mu − bias_c. */
function explicitOracle(r: Row): number[] {
  const { rank } = r;
  const n = r.end - r.start;
  if (n === 0) return new Array(rank + 1).fill(0);
  const X = Matrix.zeros(n, rank + 1);
  const t = Matrix.zeros(n, 1);
  for (let p = 0; p < n; p++) {
    const c = r.indices[r.start + p];
    for (let j = 0; j < rank; j++) X.set(p, j, r.other[c * rank + j]);
    X.set(p, rank, 1);
    t.set(p, 0, r.values[r.start + p] - mu - r.otherBias[c]);
  }
  const A = X.transpose().mmul(X);
  const pen = factorPenalty(reg, n);
  for (let j = 0; j < rank; j++) A.set(j, j, A.get(j, j) + pen);
  A.set(rank, rank, A.get(rank, rank) + reg.biasLambda);
  return solve(A, X.transpose().mmul(t)).getColumn(0);
}

/** ml-matrix: (YᵀY + Σ (c − 1) y yᵀ + penalty·I) x = Σ c·y, c = 1 + alpha·value. */
function implicitOracle(r: Row, YtY: Float64Array, alpha: number, penalty: number): number[] {
  const { rank } = r;
  const A = new Matrix(Array.from({ length: rank }, (_, j) => Array.from(YtY.subarray(j * rank, (j + 1) * rank))));
  const b = Matrix.zeros(rank, 1);
  for (let p = r.start; p < r.end; p++) {
    const c = 1 + alpha * r.values[p];
    const o = r.indices[p] * rank;
    for (let j = 0; j < rank; j++) {
      b.set(j, 0, b.get(j, 0) + c * r.other[o + j]);
      for (let l = 0; l < rank; l++) A.set(j, l, A.get(j, l) + (c - 1) * r.other[o + j] * r.other[o + l]);
    }
  }
  for (let j = 0; j < rank; j++) A.set(j, j, A.get(j, j) + penalty);
  return solve(A, b).getColumn(0);
}

const exactJs = (r: Row) => solveRow(r.other, r.otherBias, r.rank, r.indices, r.values, r.start, r.end, mu, reg, createSolveScratch(r.rank)).slice();
const exactWasm = (r: Row) => wasm.solveRow(r.other, r.otherBias, r.rank, r.indices, r.values, r.start, r.end, mu, reg, createSolveScratch(r.rank)).slice();

/** A warm start (what the previous iteration left): small random values. */
function warm(k: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: k }, () => 0.05 * rng.normal());
}

function cgBoth(r: Row, steps: number, seed: number): [Float64Array, Float64Array] {
  const k = r.rank + 1;
  const otherScale = r.other.reduce((s, v) => s + v * v, 0) / r.other.length;
  const xJs = solveRowCg(r.other, r.otherBias, r.rank, r.indices, r.values, r.start, r.end, mu, reg, otherScale, steps, warm(k, seed), createSolveScratch(r.rank).cg);
  const xWasm = wasm.solveRowCg(r.other, r.otherBias, r.rank, r.indices, r.values, r.start, r.end, mu, reg, otherScale, steps, warm(k, seed), createSolveScratch(r.rank).cg);
  return [xJs, xWasm];
}

/** (rank, ratings in the row): empty, one rating, shorter than rank + 1 (the dual solve), around 16 (CG's exact cut), long. */
const CASES: [number, number][] = [
  [1, 0], [1, 1], [1, 2], [1, 700],
  [5, 0], [5, 1], [5, 4], [5, 6], [5, 333],
  [8, 1], [8, 7], [8, 9], [8, 16], [8, 65],
  [64, 0], [64, 1], [64, 15], [64, 16], [64, 63], [64, 64], [64, 65], [64, 1000],
  [256, 0], [256, 1], [256, 100], [256, 255], [256, 257], [256, 1500],
];

describe('WASM exact explicit row solve = JS solveRow = ml-matrix', () => {
  for (const [rank, n] of CASES) {
    it(`rank ${rank}, ${n} ratings`, () => {
      const r = makeRow(rank, n, 1000 * rank + n);
      const js = exactJs(r);
      const w = exactWasm(r);
      expect(relDiff(w, js)).toBeLessThan(EXACT_TOL);
      expect(relDiff(w, explicitOracle(r))).toBeLessThan(ORACLE_TOL);
      // In place (arrays in the kernels' memory) and staged (plain arrays) run the same arithmetic.
      expect(Array.from(exactWasm(inArena(r)))).toEqual(Array.from(w));
      if (n === 0) expect(maxAbs(w)).toBe(0);
    });
  }
  for (const shape of ['same item', 'zero factors', 'large factors'] as const) {
    it(`adversarial row: ${shape}`, () => {
      for (const [rank, n] of [[8, 40], [64, 30], [64, 300]] as const) {
        const r = makeRow(rank, n, 77 + n, shape);
        const w = exactWasm(r);
        expect(w.every(Number.isFinite)).toBe(true);
        expect(relDiff(w, exactJs(r))).toBeLessThan(EXACT_TOL);
        expect(relDiff(w, explicitOracle(r))).toBeLessThan(ORACLE_TOL);
      }
    });
  }
  it('a row of 120,000 ratings (rank 16)', () => {
    const r = makeRow(16, 120_000, 5);
    const w = exactWasm(r);
    expect(relDiff(w, exactJs(r))).toBeLessThan(EXACT_TOL);
    expect(relDiff(w, explicitOracle(r))).toBeLessThan(ORACLE_TOL);
  });
});

describe('WASM CG explicit row = JS solveRowCg, and converges to ml-matrix', () => {
  for (const [rank, n] of CASES) {
    it(`rank ${rank}, ${n} ratings`, () => {
      const r = makeRow(rank, n, 7 * rank + n);
      const [js, w] = cgBoth(r, 2, n);
      expect(relDiff(w, js)).toBeLessThan(CG_TOL);
      const [, wArena] = cgBoth(inArena(r), 2, n);
      expect(Array.from(wArena)).toEqual(Array.from(w));
      if (n === 0) expect(maxAbs(w)).toBe(0);
    });
  }
  for (const rank of [1, 8, 64]) {
    it(`rank ${rank}: run to convergence it is the exact solve`, () => {
      const r = makeRow(rank, 400, rank);
      const [, w] = cgBoth(r, 3 * (rank + 1), 1);
      expect(relDiff(w, explicitOracle(r))).toBeLessThan(1e-4);
    });
  }
  for (const shape of ['same item', 'zero factors', 'large factors'] as const) {
    it(`adversarial row: ${shape}`, () => {
      const r = makeRow(64, 200, 9, shape);
      const [js, w] = cgBoth(r, 2, 3);
      expect(w.every(Number.isFinite)).toBe(true);
      expect(relDiff(w, js)).toBeLessThan(CG_TOL);
    });
  }
  it('a row of 120,000 ratings (rank 64)', () => {
    const r = makeRow(64, 120_000, 11);
    const [js, w] = cgBoth(r, 2, 4);
    expect(relDiff(w, js)).toBeLessThan(CG_TOL);
  });
});

describe('WASM implicit rows = JS = ml-matrix', () => {
  const alpha = 1;
  for (const [rank, n] of CASES.filter(([, n]) => n <= 1000)) {
    it(`rank ${rank}, ${n} watches`, () => {
      const r = makeRow(rank, n, 31 * rank + n);
      const YtY = gramOf(r.other, rank);
      const penalty = factorPenalty(reg, n);
      const jsX = solveImplicitRow(YtY, r.other, rank, r.indices, r.values, r.start, r.end, alpha, penalty, createImplicitScratch(rank)).slice();
      const wX = wasm.solveImplicitRow(YtY, r.other, rank, r.indices, r.values, r.start, r.end, alpha, penalty, createImplicitScratch(rank)).slice();
      expect(relDiff(wX, jsX)).toBeLessThan(EXACT_TOL);
      expect(relDiff(wX, implicitOracle(r, YtY, alpha, penalty))).toBeLessThan(ORACLE_TOL);
      const scale = r.other.reduce((s, v) => s + v * v, 0) / r.other.length;
      const cgJs = solveImplicitRowCg(YtY, r.other, rank, r.indices, r.values, r.start, r.end, alpha, penalty, scale, 2, warm(rank, n), createImplicitScratch(rank));
      const cgW = wasm.solveImplicitRowCg(YtY, r.other, rank, r.indices, r.values, r.start, r.end, alpha, penalty, scale, 2, warm(rank, n), createImplicitScratch(rank));
      expect(relDiff(cgW, cgJs)).toBeLessThan(CG_TOL);
    });
  }
  it('a row of 120,000 watches (rank 32), CG', () => {
    const r = makeRow(32, 120_000, 12);
    const YtY = gramOf(r.other, 32);
    const scale = r.other.reduce((s, v) => s + v * v, 0) / r.other.length;
    const penalty = factorPenalty(reg, 120_000);
    const cgJs = solveImplicitRowCg(YtY, r.other, 32, r.indices, r.values, r.start, r.end, 1, penalty, scale, 2, warm(32, 1), createImplicitScratch(32));
    const cgW = wasm.solveImplicitRowCg(YtY, r.other, 32, r.indices, r.values, r.start, r.end, 1, penalty, scale, 2, warm(32, 1), createImplicitScratch(32));
    expect(relDiff(cgW, cgJs)).toBeLessThan(CG_TOL);
  });
});

describe('WASM dense kernels = JS', () => {
  for (const rank of [1, 3, 8, 64, 256]) {
    it(`YᵀY at rank ${rank} = JS gramOf = ml-matrix`, () => {
      const r = makeRow(rank, 0, rank, 'random');
      const table = Float32Array.from({ length: 1001 * rank }, (_, k) => r.other[k % r.other.length] * (1 + (k % 7)));
      const w = wasm.gramOf(table, rank);
      expect(relDiff(w, gramOf(table, rank))).toBeLessThan(EXACT_TOL);
      const Y = new Matrix(Array.from({ length: 1001 }, (_, i) => Array.from(table.subarray(i * rank, (i + 1) * rank))));
      expect(relDiff(w, Y.transpose().mmul(Y).to1DArray())).toBeLessThan(EXACT_TOL);
    });
  }
  for (const n of [1, 2, 7, 65, 257]) {
    it(`Cholesky solve n = ${n} = JS choleskySolve`, () => {
      const rng = createRng(n);
      const X = Matrix.zeros(n + 3, n);
      for (let i = 0; i < n + 3; i++) for (let j = 0; j < n; j++) X.set(i, j, rng.normal());
      const A = X.transpose().mmul(X);
      for (let i = 0; i < n; i++) A.set(i, i, A.get(i, i) + 0.5);
      const b = Float64Array.from({ length: n }, () => rng.normal());
      const [aJs, aW] = [Float64Array.from(A.to1DArray()), Float64Array.from(A.to1DArray())];
      const [bJs, bW] = [b.slice(), b.slice()];
      expect(wasm.choleskySolve(aW, bW, n, new Float64Array(n))).toBe(choleskySolve(aJs, bJs, n, new Float64Array(n)));
      expect(relDiff(bW, bJs)).toBeLessThan(EXACT_TOL);
      expect(relDiff(bW, solve(A, Matrix.columnVector(Array.from(b))).getColumn(0))).toBeLessThan(ORACLE_TOL);
    });
  }
  it('a singular matrix takes the same jitter in both', () => {
    const v = [1, 2, 0, 1];
    const A = Float64Array.from({ length: 16 }, (_, k) => v[k >> 2] * v[k & 3]);
    const b = Float64Array.from([1, 2, 0, 1]);
    const [aW, bW] = [A.slice(), b.slice()];
    const jitter = choleskySolve(A, b, 4, new Float64Array(4));
    expect(jitter).toBeGreaterThan(0);
    expect(wasm.choleskySolve(aW, bW, 4, new Float64Array(4))).toBe(jitter);
    expect(relDiff(bW, b)).toBeLessThan(EXACT_TOL);
  });
  for (const rank of [1, 5, 64, 256]) {
    it(`whole-catalogue scores at rank ${rank} = JS scoreItems (float32 results)`, () => {
      const r = makeRow(rank, 0, 3 * rank);
      const nItems = r.other.length / rank;
      const f = warm(rank, 2).map((x) => 20 * x);
      const js = scoreItems(r.other, r.otherBias, rank, nItems, 3.5, f, new Float32Array(nItems));
      const w = wasm.scoreItems(r.other, r.otherBias, rank, nItems, 3.5, f, new Float32Array(nItems));
      for (let i = 0; i < nItems; i++) expect(Math.abs(w[i] - js[i])).toBeLessThanOrEqual(2 ** -22 * Math.abs(js[i]));
    });
  }
  it('the training error sum = JS (explicit and implicit)', () => {
    const rng = createRng(4);
    const [nUsers, nItems, rank, nnz] = [300, 120, 13, 5000];
    const users = Int32Array.from({ length: nnz }, () => Math.floor(rng.uniform() * nUsers));
    const items = Int32Array.from({ length: nnz }, () => Math.floor(rng.uniform() * nItems));
    const ratings = Float32Array.from({ length: nnz }, () => 0.5 * (1 + Math.floor(rng.uniform() * 10)));
    const m = buildCsr({ users, items, ratings, length: nnz }, nUsers, nItems);
    const t = (n: number) => Float32Array.from({ length: n }, () => 0.3 * rng.normal());
    const [P, Q, bu, bi] = [t(nUsers * rank), t(nItems * rank), t(nUsers), t(nItems)];
    for (const implicit of [false, true]) {
      const js = jsKernels.sumSquaredError(m, rank, 3.5, bu, bi, P, Q, implicit);
      expect(Math.abs(wasm.sumSquaredError(m, rank, 3.5, bu, bi, P, Q, implicit) - js) / js).toBeLessThan(1e-6);
    }
  });
});
