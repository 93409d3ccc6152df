// In-place inverse of a dense symmetric positive-definite matrix (Cholesky, triangular inverse, WᵀW): EASE's hot loop.

/**
 * Replaces the n×n symmetric positive-definite A (row-major, both triangles) with A⁻¹ (both triangles), float64.
 * Three passes of about n³/6 multiply-adds each, every inner loop over contiguous rows and four rows at a time
 * (each row read from memory once for four uses): Cholesky A = LLᵀ, W = L⁻¹, A⁻¹ = WᵀW.
 * Throws when A is not positive definite (a pivot ≤ 0), naming the row.
 */
export function spdInverse(A: Float64Array, n: number): void {
  if (A.length < n * n) throw new RangeError(`spdInverse: need ${n * n} entries, got ${A.length}`);
  cholesky(A, n);
  invertLower(A, n);
  lowerGram(A, n);
}

/** A = LLᵀ: L into the lower triangle (diagonal included), the strict upper triangle untouched. */
function cholesky(A: Float64Array, n: number): void {
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    if (rows === 4) {
      const r0 = i0 * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      for (let j = 0; j < i0; j++) {
        const rj = j * n;
        let s0 = A[r0 + j];
        let s1 = A[r1 + j];
        let s2 = A[r2 + j];
        let s3 = A[r3 + j];
        for (let k = 0; k < j; k++) {
          const a = A[rj + k];
          s0 -= A[r0 + k] * a;
          s1 -= A[r1 + k] * a;
          s2 -= A[r2 + k] * a;
          s3 -= A[r3 + k] * a;
        }
        const d = A[rj + j];
        A[r0 + j] = s0 / d;
        A[r1 + j] = s1 / d;
        A[r2 + j] = s2 / d;
        A[r3 + j] = s3 / d;
      }
    } else {
      for (let i = i0; i < i0 + rows; i++) {
        const ri = i * n;
        for (let j = 0; j < i0; j++) {
          const rj = j * n;
          let s = A[ri + j];
          for (let k = 0; k < j; k++) s -= A[ri + k] * A[rj + k];
          A[ri + j] = s / A[rj + j];
        }
      }
    }
    // The block's own lower triangle, one entry at a time.
    for (let i = i0; i < i0 + rows; i++) {
      const ri = i * n;
      for (let j = i0; j <= i; j++) {
        const rj = j * n;
        let s = A[ri + j];
        for (let k = 0; k < j; k++) s -= A[ri + k] * A[rj + k];
        if (j === i) {
          if (!(s > 0)) throw new RangeError(`spdInverse: the matrix is not positive definite at row ${i}`);
          A[ri + i] = Math.sqrt(s);
        } else {
          A[ri + j] = s / A[rj + j];
        }
      }
    }
  }
}

/** L (lower triangle) → W = L⁻¹ in place, four rows at a time: W_i = (e_i − Σ_{k<i} L_ik·W_k) / L_ii. */
function invertLower(A: Float64Array, n: number): void {
  const t = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    for (let r = 0; r < rows; r++) t[r].fill(0, 0, i0 + rows);
    const [t0, t1, t2, t3] = t;
    if (rows === 4) {
      const r0 = i0 * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      for (let k = 0; k < i0; k++) {
        const l0 = A[r0 + k];
        const l1 = A[r1 + k];
        const l2 = A[r2 + k];
        const l3 = A[r3 + k];
        const rk = k * n;
        for (let c = 0; c <= k; c++) {
          const w = A[rk + c];
          t0[c] -= l0 * w;
          t1[c] -= l1 * w;
          t2[c] -= l2 * w;
          t3[c] -= l3 * w;
        }
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const ri = (i0 + r) * n;
        const tr = t[r];
        for (let k = 0; k < i0; k++) {
          const l = A[ri + k];
          const rk = k * n;
          for (let c = 0; c <= k; c++) tr[c] -= l * A[rk + c];
        }
      }
    }
    // Within the block: row i needs rows i0..i−1 of W, which are finished in order.
    for (let r = 0; r < rows; r++) {
      const i = i0 + r;
      const ri = i * n;
      const tr = t[r];
      for (let k = i0; k < i; k++) {
        const l = A[ri + k];
        const rk = k * n;
        for (let c = 0; c <= k; c++) tr[c] -= l * A[rk + c];
      }
      tr[i] += 1;
      const d = 1 / A[ri + i];
      for (let c = 0; c <= i; c++) A[ri + c] = tr[c] * d;
    }
  }
}

/**
 * W (lower triangle) → WᵀW (both triangles): (WᵀW)_ab = Σ_{k ≥ max(a,b)} W_ka·W_kb, accumulated four rows of W at a
 * time into the strict upper triangle (W stays on and below the diagonal until the end), the diagonal aside.
 */
function lowerGram(A: Float64Array, n: number): void {
  const diag = new Float64Array(n);
  for (let a = 0; a < n; a++) A.fill(0, a * n + a + 1, (a + 1) * n);
  for (let k0 = 0; k0 < n; k0 += 4) {
    const kEnd = Math.min(n, k0 + 4);
    if (kEnd - k0 === 4) {
      const q0 = k0 * n;
      const q1 = q0 + n;
      const q2 = q1 + n;
      const q3 = q2 + n;
      // Columns a ≤ k0: all four rows have W entries up to b ≤ k0.
      for (let a = 0; a <= k0; a++) {
        const w0 = A[q0 + a];
        const w1 = A[q1 + a];
        const w2 = A[q2 + a];
        const w3 = A[q3 + a];
        diag[a] += w0 * w0 + w1 * w1 + w2 * w2 + w3 * w3;
        const ra = a * n;
        for (let b = a + 1; b <= k0; b++) A[ra + b] += w0 * A[q0 + b] + w1 * A[q1 + b] + w2 * A[q2 + b] + w3 * A[q3 + b];
      }
    }
    // What is left: rows k of the block beyond the four-row pass (b in (k0, k], or the whole row when the block is short).
    const full = kEnd - k0 === 4;
    for (let k = k0; k < kEnd; k++) {
      const rk = k * n;
      for (let a = 0; a <= k; a++) {
        const w = A[rk + a];
        if (w === 0) continue;
        if (!full || a > k0) diag[a] += w * w;
        const ra = a * n;
        for (let b = full ? Math.max(a + 1, k0 + 1) : a + 1; b <= k; b++) A[ra + b] += w * A[rk + b];
      }
    }
  }
  for (let a = 0; a < n; a++) {
    A[a * n + a] = diag[a];
    for (let b = a + 1; b < n; b++) A[b * n + a] = A[a * n + b];
  }
}
