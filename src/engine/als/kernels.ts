// Dense float64 kernels for ALS row solves: augmented Gram + rhs accumulation and in-place Cholesky solve.

/**
 * For one row, adds Σ x xᵀ to A and Σ t x to b, where for each entry p in [start, end)
 * c = indices[p], x = [factors[c·rank .. c·rank+rank-1], 1] and t = values[p] - offset - biases[c].
 * A is (rank+1)×(rank+1) row-major; only its upper triangle (with diagonal) is written.
 * Entries are taken four at a time so each A element is loaded and stored once per four ratings.
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
): void {
  const k = rank + 1;
  let p = start;
  for (; p + 4 <= end; p += 4) {
    const c0 = indices[p];
    const c1 = indices[p + 1];
    const c2 = indices[p + 2];
    const c3 = indices[p + 3];
    const o0 = c0 * rank;
    const o1 = c1 * rank;
    const o2 = c2 * rank;
    const o3 = c3 * rank;
    const t0 = values[p] - offset - biases[c0];
    const t1 = values[p + 1] - offset - biases[c1];
    const t2 = values[p + 2] - offset - biases[c2];
    const t3 = values[p + 3] - offset - biases[c3];
    for (let j = 0; j < rank; j++) {
      const a0 = factors[o0 + j];
      const a1 = factors[o1 + j];
      const a2 = factors[o2 + j];
      const a3 = factors[o3 + j];
      const row = j * k;
      for (let l = j; l < rank; l++) {
        A[row + l] += a0 * factors[o0 + l] + a1 * factors[o1 + l] + a2 * factors[o2 + l] + a3 * factors[o3 + l];
      }
      A[row + rank] += a0 + a1 + a2 + a3;
      b[j] += t0 * a0 + t1 * a1 + t2 * a2 + t3 * a3;
    }
    A[rank * k + rank] += 4;
    b[rank] += t0 + t1 + t2 + t3;
  }
  for (; p < end; p++) {
    const c = indices[p];
    const o = c * rank;
    const t = values[p] - offset - biases[c];
    for (let j = 0; j < rank; j++) {
      const a = factors[o + j];
      const row = j * k;
      for (let l = j; l < rank; l++) A[row + l] += a * factors[o + l];
      A[row + rank] += a;
      b[j] += t * a;
    }
    A[rank * k + rank] += 1;
    b[rank] += t;
  }
}

/** Copies the upper triangle of the n×n row-major matrix A onto its lower triangle. */
export function mirrorUpper(A: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) A[i * n + j] = A[j * n + i];
  }
}

/** Attempts L Lᵀ = (A + jitter·I) reading the upper triangle and diag; writes L into the lower triangle. */
function factorLower(A: Float64Array, n: number, diag: Float64Array, jitter: number): boolean {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      let s = A[rj + i];
      for (let p = 0; p < j; p++) s -= A[ri + p] * A[rj + p];
      A[ri + j] = s / A[rj + j];
    }
    const d = diag[i] + jitter;
    let s = d;
    for (let p = 0; p < i; p++) s -= A[ri + p] * A[ri + p];
    if (!(s > 1e-13 * Math.abs(d)) || !Number.isFinite(s)) return false;
    A[ri + i] = Math.sqrt(s);
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
