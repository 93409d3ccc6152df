// Dense float64 kernels for ALS row solves: augmented Gram + rhs accumulation and in-place Cholesky solve.

/** Ratings gathered per panel; a panel of (rank+2) float64 columns this long stays in L2. */
export const PANEL_ROWS = 128;

/** Reusable buffers for accumulateGramRhs: a column-major panel and a padded Gram block. */
export interface GramWorkspace {
  rank: number;
  /** Panel width: rank + 2 (factors, 1, target) rounded up to a multiple of 4. */
  width: number;
  /** width × PANEL_ROWS, column j at j·PANEL_ROWS; padding columns stay zero. */
  panel: Float64Array;
  /** width × width Gram of the panel columns (upper blocks only). */
  gram: Float64Array;
}

export function createGramWorkspace(rank: number): GramWorkspace {
  const width = Math.ceil((rank + 2) / 4) * 4;
  return { rank, width, panel: new Float64Array(width * PANEL_ROWS), gram: new Float64Array(width * width) };
}

/**
 * gram[j·w + l] += Σ_{p<n} panel[j·R + p]·panel[l·R + p] for rows j ≤ lastRow and every 2×4 block
 * reaching the diagonal or above (R = PANEL_ROWS, w = width, a multiple of 4). Eight accumulators
 * stay in registers, so each pass loads six panel values per eight multiply-adds.
 */
function panelGram(panel: Float64Array, n: number, width: number, lastRow: number, gram: Float64Array): void {
  const R = PANEL_ROWS;
  for (let j = 0; j <= lastRow; j += 2) {
    const x0o = j * R;
    const x1o = x0o + R;
    for (let l = j & ~3; l < width; l += 4) {
      const y0o = l * R;
      const y1o = y0o + R;
      const y2o = y1o + R;
      const y3o = y2o + R;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let p = 0; p < n; p++) {
        const x0 = panel[x0o + p];
        const x1 = panel[x1o + p];
        const y0 = panel[y0o + p];
        const y1 = panel[y1o + p];
        const y2 = panel[y2o + p];
        const y3 = panel[y3o + p];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      const g0 = j * width + l;
      const g1 = g0 + width;
      gram[g0] += s00;
      gram[g0 + 1] += s01;
      gram[g0 + 2] += s02;
      gram[g0 + 3] += s03;
      gram[g1] += s10;
      gram[g1 + 1] += s11;
      gram[g1 + 2] += s12;
      gram[g1 + 3] += s13;
    }
  }
}

/**
 * For one row, adds Σ x xᵀ to A and Σ t x to b, where for each entry p in [start, end)
 * c = indices[p], x = [factors[c·rank .. c·rank+rank-1], 1] and t = values[p] - offset - biases[c].
 * A is (rank+1)×(rank+1) row-major; only its upper triangle (with diagonal) is written.
 * Entries are gathered, PANEL_ROWS at a time, into float64 columns [x, t]; one blocked Gram of
 * those columns yields A (columns 0..rank) and b (column rank+1) together.
 */
export function accumulateGramRhs(
  factors: Float32Array,
  biases: Float32Array,
  rank: number,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  offset: number,
  A: Float64Array,
  b: Float64Array,
  workspace?: GramWorkspace,
): void {
  const ws = workspace && workspace.rank === rank ? workspace : createGramWorkspace(rank);
  const { panel, gram, width } = ws;
  const R = PANEL_ROWS;
  const k = rank + 1;
  gram.fill(0);
  const onesCol = rank * R;
  const targetCol = onesCol + R;
  for (let c0 = start; c0 < end; c0 += R) {
    const n = Math.min(R, end - c0);
    for (let q = 0; q < n; q++) {
      const c = indices[c0 + q];
      const o = c * rank;
      for (let j = 0; j < rank; j++) panel[j * R + q] = factors[o + j];
      panel[onesCol + q] = 1;
      panel[targetCol + q] = values[c0 + q] - offset - biases[c];
    }
    panelGram(panel, n, width, rank, gram);
  }
  for (let j = 0; j < k; j++) {
    const gr = j * width;
    const ar = j * k;
    for (let l = j; l < k; l++) A[ar + l] += gram[gr + l];
    b[j] += gram[gr + k];
  }
}

/** Copies the upper triangle of the n×n row-major matrix A onto its lower triangle. */
export function mirrorUpper(A: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) A[i * n + j] = A[j * n + i];
  }
}

/** Σ_{p<n} a[x+p]·a[y+p] with four independent accumulators (fixed order: deterministic). */
function dot(a: Float64Array, x: number, y: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let p = 0;
  for (; p + 4 <= n; p += 4) {
    s0 += a[x + p] * a[y + p];
    s1 += a[x + p + 1] * a[y + p + 1];
    s2 += a[x + p + 2] * a[y + p + 2];
    s3 += a[x + p + 3] * a[y + p + 3];
  }
  for (; p < n; p++) s0 += a[x + p] * a[y + p];
  return s0 + s1 + (s2 + s3);
}

/** Writes L[i,i] from the running sum; false if the pivot is not safely positive. */
function pivot(A: Float64Array, n: number, i: number, diag: Float64Array, jitter: number): boolean {
  const ri = i * n;
  const d = diag[i] + jitter;
  const s = d - dot(A, ri, ri, i);
  if (!(s > 1e-13 * Math.abs(d)) || !Number.isFinite(s)) return false;
  A[ri + i] = Math.sqrt(s);
  return true;
}

/**
 * Attempts L Lᵀ = (A + jitter·I) reading the upper triangle and diag; writes L into the lower
 * triangle. Rows are produced in pairs so each loaded row of L serves two dot products.
 */
function factorLower(A: Float64Array, n: number, diag: Float64Array, jitter: number): boolean {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const ri = i * n;
    const ri1 = ri + n;
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      let s0 = 0, s1 = 0, t0 = 0, t1 = 0;
      let p = 0;
      for (; p + 2 <= j; p += 2) {
        const l0 = A[rj + p];
        const l1 = A[rj + p + 1];
        s0 += A[ri + p] * l0;
        t0 += A[ri1 + p] * l0;
        s1 += A[ri + p + 1] * l1;
        t1 += A[ri1 + p + 1] * l1;
      }
      if (p < j) {
        const l0 = A[rj + p];
        s0 += A[ri + p] * l0;
        t0 += A[ri1 + p] * l0;
      }
      const ljj = A[rj + j];
      A[ri + j] = (A[rj + i] - (s0 + s1)) / ljj;
      A[ri1 + j] = (A[rj + i + 1] - (t0 + t1)) / ljj;
    }
    if (!pivot(A, n, i, diag, jitter)) return false;
    A[ri1 + i] = (A[ri + i + 1] - dot(A, ri1, ri, i)) / A[ri + i];
    if (!pivot(A, n, i + 1, diag, jitter)) return false;
  }
  if (i < n) {
    const ri = i * n;
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      A[ri + j] = (A[rj + i] - dot(A, ri, rj, j)) / A[rj + j];
    }
    if (!pivot(A, n, i, diag, jitter)) return false;
  }
  return true;
}

/**
 * Solves A x = b in place for a symmetric positive-definite n×n A given by its upper triangle
 * (row-major, diagonal included). The lower triangle and diagonal of A are overwritten with the
 * Cholesky factor, b with x; the strict upper triangle is left intact. `diag` is scratch of length ≥ n.
 * If A is not numerically SPD, a growing jitter is added to the diagonal and the factorization retried.
 * Returns the jitter used (0 normally), or -1 if no factorization succeeded (then x = 0).
 */
export function choleskySolve(A: Float64Array, b: Float64Array, n: number, diag: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < n; i++) {
    diag[i] = A[i * n + i];
    scale += Math.abs(diag[i]);
  }
  scale = scale > 0 ? scale / n : 1;
  let jitter = 0;
  let ok = factorLower(A, n, diag, 0);
  for (let attempt = 0; !ok && attempt < 12; attempt++) {
    jitter = scale * 1e-10 * Math.pow(10, attempt);
    ok = factorLower(A, n, diag, jitter);
  }
  if (!ok) {
    for (let i = 0; i < n; i++) A[i * n + i] = diag[i];
    b.fill(0, 0, n);
    return -1;
  }
  // Forward substitution: L y = b.
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let p = 0; p < i; p++) s -= A[ri + p] * b[p];
    b[i] = s / A[ri + i];
  }
  // Back substitution: Lᵀ x = y.
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let p = i + 1; p < n; p++) s -= A[p * n + i] * b[p];
    b[i] = s / A[i * n + i];
  }
  return jitter;
}
