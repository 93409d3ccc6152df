// In-place Cholesky solve of a symmetric positive-definite system with the jitter fallback of src/engine/als/kernels.ts.
import { dot64 } from './simd';

/** L Lᵀ = A + jitter·I from A's upper triangle and `diag` (A's diagonal), L into the lower triangle; false if a pivot fails. */
function factorLower(A: usize, n: i32, diag: usize, jitter: f64): bool {
  const rowBytes = <usize>n << 3;
  for (let i = 0; i < n; i++) {
    const ri = A + <usize>i * rowBytes;
    for (let j = 0; j < i; j++) {
      const rj = A + <usize>j * rowBytes;
      const v = (load<f64>(rj + (<usize>i << 3)) - dot64(ri, rj, j)) / load<f64>(rj + (<usize>j << 3));
      store<f64>(ri + (<usize>j << 3), v);
    }
    const d = load<f64>(diag + (<usize>i << 3)) + jitter;
    const s = d - dot64(ri, ri, i);
    if (!(s > 1e-13 * abs(d)) || !isFinite(s)) return false;
    store<f64>(ri + (<usize>i << 3), sqrt(s));
  }
  return true;
}

/**
 * Solves A x = b for the n×n row-major A given by its upper triangle; L overwrites the lower triangle and diagonal,
 * b becomes x. `diag` is scratch of n float64. Returns the jitter used (0 normally), or −1 when no factorization
 * succeeded (then x = 0), exactly as choleskySolve in kernels.ts.
 */
export function choleskySolve(A: usize, b: usize, n: i32, diag: usize): f64 {
  const rowBytes = <usize>n << 3;
  let scale: f64 = 0;
  for (let i = 0; i < n; i++) {
    const d = load<f64>(A + <usize>i * rowBytes + (<usize>i << 3));
    store<f64>(diag + (<usize>i << 3), d);
    scale += abs(d);
  }
  scale = scale > 0 ? scale / <f64>n : 1;
  let jitter: f64 = 0;
  let ok = factorLower(A, n, diag, 0);
  let power: f64 = 1; // 10^attempt, exact (no Math.pow: it would bring lookup tables into memory)
  for (let attempt = 0; !ok && attempt < 12; attempt++) {
    jitter = scale * 1e-10 * power;
    ok = factorLower(A, n, diag, jitter);
    power *= 10;
  }
  if (!ok) {
    for (let i = 0; i < n; i++) store<f64>(A + <usize>i * rowBytes + (<usize>i << 3), load<f64>(diag + (<usize>i << 3)));
    memory.fill(b, 0, <usize>n << 3);
    return -1;
  }
  for (let i = 0; i < n; i++) {
    const ri = A + <usize>i * rowBytes;
    const s = load<f64>(b + (<usize>i << 3)) - dot64(ri, b, i);
    store<f64>(b + (<usize>i << 3), s / load<f64>(ri + (<usize>i << 3)));
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = load<f64>(b + (<usize>i << 3));
    for (let p = i + 1; p < n; p++) s -= load<f64>(A + <usize>p * rowBytes + (<usize>i << 3)) * load<f64>(b + (<usize>p << 3));
    store<f64>(b + (<usize>i << 3), s / load<f64>(A + <usize>i * rowBytes + (<usize>i << 3)));
  }
  return jitter;
}
