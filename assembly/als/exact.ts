// Exact row solves (Gram accumulation + Cholesky) of both objectives, the explicit one with the dual system for short rows.
import { choleskySolve } from './cholesky';
import { madd64, dot64 } from './simd';
import { matAAt, matGAt, matSAt, rowBytes, rowsAt, vecAt } from './scratch';

/**
 * G[j, l] += Σ_i e_i[j]·e_i[l]·(wt_i) for j < rows and j ≤ l < width over the m ≤ 4 widened rows at `rows`
 * (stride rb bytes; a missing row has zero weight). G is row-major with `width` columns; only l ≥ j is written.
 */
@inline function addBlock(G: usize, width: i32, rowsN: i32, rows: usize, rb: usize, w0: f64, w1: f64, w2: f64, w3: f64): void {
  const e0 = rows, e1 = rows + rb, e2 = rows + 2 * rb, e3 = rows + 3 * rb;
  for (let j = 0; j < rowsN; j++) {
    const o = <usize>j << 3;
    const a0 = f64x2.splat(load<f64>(e0 + o) * w0);
    const a1 = f64x2.splat(load<f64>(e1 + o) * w1);
    const a2 = f64x2.splat(load<f64>(e2 + o) * w2);
    const a3 = f64x2.splat(load<f64>(e3 + o) * w3);
    const g = G + ((<usize>j * <usize>width) << 3);
    let l = j;
    for (; l + 2 <= width; l += 2) {
      const q = <usize>l << 3;
      let v = v128.load(g + q);
      v = madd64(v128.load(e0 + q), a0, v);
      v = madd64(v128.load(e1 + q), a1, v);
      v = madd64(v128.load(e2 + q), a2, v);
      v = madd64(v128.load(e3 + q), a3, v);
      v128.store(g + q, v);
    }
    if (l < width) {
      const q = <usize>l << 3;
      const s = f64x2.extract_lane(a0, 0) * load<f64>(e0 + q) + f64x2.extract_lane(a1, 0) * load<f64>(e1 + q) + f64x2.extract_lane(a2, 0) * load<f64>(e2 + q) + f64x2.extract_lane(a3, 0) * load<f64>(e3 + q);
      store<f64>(g + q, load<f64>(g + q) + s);
    }
  }
}

/** Widens other row c into e[0..rank) (float64). */
@inline function widen(other: usize, c: i32, rank: i32, e: usize): void {
  const src = other + ((<usize>c * <usize>rank) << 2);
  for (let j = 0; j < rank; j++) store<f64>(e + (<usize>j << 3), <f64>load<f32>(src + (<usize>j << 2)));
}

/**
 * The explicit exact row solve (solveRow in solveRow.ts): minimizes Σ (t − b − p·q_c)² + penalty·|p|² + biasLambda·b²
 * with t = values − mu − otherBias[c]; result [p, b] in x (rank + 1 float64). Rows with fewer entries than rank + 1
 * (and both penalties positive) go through the n×n dual system.
 */
export function exactRow(other: usize, otherBias: usize, rank: i32, indices: usize, values: usize, start: i32, end: i32, mu: f64, penalty: f64, biasLambda: f64, x: usize, scratch: usize): void {
  const k = rank + 1;
  const n = end - start;
  memory.fill(x, 0, <usize>k << 3);
  if (n <= 0) return;
  if (n < k && penalty > 0 && biasLambda > 0) {
    dualRow(other, otherBias, rank, indices, values, start, n, mu, penalty, biasLambda, x, scratch);
    return;
  }
  const width = k + 1;
  const G = matGAt(scratch, rank);
  const rows = rowsAt(scratch, rank);
  const rb = rowBytes(rank);
  memory.fill(G, 0, (<usize>k * <usize>width) << 3);
  for (let p = start; p < end; p += 4) {
    const m = min(4, end - p);
    for (let i = 0; i < 4; i++) {
      const e = rows + <usize>i * rb;
      const q = p + (i < m ? i : 0);
      const c = load<i32>(indices + (<usize>q << 2));
      widen(other, c, rank, e);
      store<f64>(e + (<usize>rank << 3), 1);
      store<f64>(e + (<usize>k << 3), <f64>load<f32>(values + (<usize>q << 2)) - mu - <f64>load<f32>(otherBias + (<usize>c << 2)));
    }
    addBlock(G, width, k, rows, rb, 1, m > 1 ? 1 : 0, m > 2 ? 1 : 0, m > 3 ? 1 : 0);
  }
  const A = matAAt(scratch, rank);
  for (let j = 0; j < k; j++) {
    for (let l = j; l < k; l++) store<f64>(A + ((<usize>(j * k + l)) << 3), load<f64>(G + ((<usize>(j * width + l)) << 3)));
    store<f64>(x + (<usize>j << 3), load<f64>(G + ((<usize>(j * width + k)) << 3)));
  }
  for (let j = 0; j < rank; j++) {
    const o = A + ((<usize>(j * k + j)) << 3);
    store<f64>(o, load<f64>(o) + penalty);
  }
  const last = A + ((<usize>(rank * k + rank)) << 3);
  store<f64>(last, load<f64>(last) + biasLambda);
  choleskySolve(A, x, k, vecAt(scratch, rank, 5));
}

/** (XᵀX + D)⁻¹Xᵀt = D⁻¹Xᵀ(X D⁻¹ Xᵀ + I)⁻¹t for n < rank + 1 entries (Woodbury), as solveShortRow in solveRow.ts. */
function dualRow(other: usize, otherBias: usize, rank: i32, indices: usize, values: usize, start: i32, n: i32, mu: f64, reg: f64, biasReg: f64, x: usize, scratch: usize): void {
  const k = rank + 1;
  const S = matSAt(scratch, rank);
  const K = matAAt(scratch, rank);
  const diag = vecAt(scratch, rank, 5);
  const sf = 1 / Math.sqrt(reg);
  const sb = 1 / Math.sqrt(biasReg);
  const rowB = <usize>k << 3;
  for (let p = 0; p < n; p++) {
    const c = load<i32>(indices + (<usize>(start + p) << 2));
    const src = other + ((<usize>c * <usize>rank) << 2);
    const r = S + <usize>p * rowB;
    for (let j = 0; j < rank; j++) store<f64>(r + (<usize>j << 3), <f64>load<f32>(src + (<usize>j << 2)) * sf);
    store<f64>(r + (<usize>rank << 3), sb);
    store<f64>(x + (<usize>p << 3), <f64>load<f32>(values + (<usize>(start + p) << 2)) - mu - <f64>load<f32>(otherBias + (<usize>c << 2)));
  }
  for (let p = 0; p < n; p++) {
    for (let q = p; q < n; q++) {
      const s = dot64(S + <usize>p * rowB, S + <usize>q * rowB, k);
      store<f64>(K + ((<usize>(p * n + q)) << 3), p == q ? s + 1 : s);
    }
  }
  choleskySolve(K, x, n, diag);
  memory.fill(diag, 0, <usize>k << 3);
  for (let p = 0; p < n; p++) {
    const y = load<f64>(x + (<usize>p << 3));
    const r = S + <usize>p * rowB;
    for (let j = 0; j < k; j++) store<f64>(diag + (<usize>j << 3), load<f64>(diag + (<usize>j << 3)) + load<f64>(r + (<usize>j << 3)) * y);
  }
  for (let j = 0; j < rank; j++) store<f64>(x + (<usize>j << 3), load<f64>(diag + (<usize>j << 3)) * sf);
  store<f64>(x + (<usize>rank << 3), load<f64>(diag + (<usize>rank << 3)) * sb);
}

/**
 * The implicit exact row (solveImplicitRow in implicit.ts): (YᵀY + Σ (c − 1)·y yᵀ + penalty·I) x = Σ c·y with
 * c = 1 + alpha·value; x is rank float64.
 */
export function implicitExactRow(YtY: usize, other: usize, rank: i32, indices: usize, values: usize, start: i32, end: i32, alpha: f64, penalty: f64, x: usize, scratch: usize): void {
  const G = matGAt(scratch, rank);
  const rows = rowsAt(scratch, rank);
  const rb = rowBytes(rank);
  memory.copy(G, YtY, (<usize>rank * <usize>rank) << 3);
  memory.fill(x, 0, <usize>rank << 3);
  for (let p = start; p < end; p += 4) {
    const m = min(4, end - p);
    let w0: f64 = 0, w1: f64 = 0, w2: f64 = 0, w3: f64 = 0;
    for (let i = 0; i < m; i++) {
      const e = rows + <usize>i * rb;
      const c = 1 + alpha * <f64>load<f32>(values + (<usize>(p + i) << 2));
      widen(other, load<i32>(indices + (<usize>(p + i) << 2)), rank, e);
      for (let j = 0; j < rank; j++) store<f64>(x + (<usize>j << 3), load<f64>(x + (<usize>j << 3)) + c * load<f64>(e + (<usize>j << 3)));
      if (i == 0) w0 = c - 1;
      else if (i == 1) w1 = c - 1;
      else if (i == 2) w2 = c - 1;
      else w3 = c - 1;
    }
    for (let i = m; i < 4; i++) memory.copy(rows + <usize>i * rb, rows, <usize>rank << 3);
    addBlock(G, rank, rank, rows, rb, w0, w1, w2, w3);
  }
  for (let j = 0; j < rank; j++) {
    const o = G + ((<usize>(j * rank + j)) << 3);
    store<f64>(o, load<f64>(o) + penalty);
  }
  choleskySolve(G, x, rank, vecAt(scratch, rank, 5));
}

/**
 * YᵀY (rank × rank, both triangles) of `rows` float32 rows of a row-major table into G, float64 sums, 4 rows a block.
 * Uses the scratch's widened rows.
 */
export function gramOf(table: usize, rows: i32, rank: i32, G: usize, scratch: usize): void {
  const e = rowsAt(scratch, rank);
  const rb = rowBytes(rank);
  memory.fill(G, 0, (<usize>rank * <usize>rank) << 3);
  for (let i = 0; i < rows; i += 4) {
    const m = min(4, rows - i);
    for (let t = 0; t < 4; t++) widen(table, t < m ? i + t : i, rank, e + <usize>t * rb);
    addBlock(G, rank, rank, e, rb, 1, m > 1 ? 1 : 0, m > 2 ? 1 : 0, m > 3 ? 1 : 0);
  }
  for (let j = 1; j < rank; j++) {
    for (let l = 0; l < j; l++) store<f64>(G + ((<usize>(j * rank + l)) << 3), load<f64>(G + ((<usize>(l * rank + j)) << 3)));
  }
}
