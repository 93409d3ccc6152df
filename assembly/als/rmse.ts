// Σ squared error of a model over its user-major training rows: the per-iteration training RMSE's sum.
import { laneSums, madd32 } from './simd';

/** Dot of two float32 rows of length rank (float32 lanes). */
@inline function rowDot(a: usize, b: usize, rank: i32): f64 {
  let s0 = f32x4.splat(0);
  let s1 = f32x4.splat(0);
  let j = 0;
  for (; j + 8 <= rank; j += 8) {
    const q = <usize>j << 2;
    s0 = madd32(v128.load(a + q), v128.load(b + q), s0);
    s1 = madd32(v128.load(a + q, 16), v128.load(b + q, 16), s1);
  }
  for (; j + 4 <= rank; j += 4) {
    const q = <usize>j << 2;
    s0 = madd32(v128.load(a + q), v128.load(b + q), s0);
  }
  const s = f32x4.extract_lane(laneSums(f32x4.add(s0, s1), s0, s0, s0), 0);
  let t: f64 = <f64>s;
  for (; j < rank; j++) t += <f64>load<f32>(a + (<usize>j << 2)) * <f64>load<f32>(b + (<usize>j << 2));
  return t;
}

/**
 * Σ_u Σ_(u,i) (r − mu − bu[u] − bi[i] − P[u]·Q[i])² over users [0, nUsers) of the CSR (indptr, indices, values), or
 * with `implicit` Σ (1 − P[u]·Q[i])². Float64 sums, float32 dot products.
 */
export function sumSquaredError(indptr: usize, indices: usize, values: usize, nUsers: i32, P: usize, Q: usize, rank: i32, mu: f64, bu: usize, bi: usize, implicit: bool): f64 {
  const stride = <usize>rank << 2;
  let sse: f64 = 0;
  for (let u = 0; u < nUsers; u++) {
    const pu = P + <usize>u * stride;
    const base: f64 = implicit ? 0 : mu + <f64>load<f32>(bu + (<usize>u << 2));
    const end = load<i32>(indptr + (<usize>(u + 1) << 2));
    for (let p = load<i32>(indptr + (<usize>u << 2)); p < end; p++) {
      const i = load<i32>(indices + (<usize>p << 2));
      const s = (implicit ? 0 : base + <f64>load<f32>(bi + (<usize>i << 2))) + rowDot(pu, Q + <usize>i * stride, rank);
      const e = (implicit ? 1 : <f64>load<f32>(values + (<usize>p << 2))) - s;
      sse += e * e;
    }
  }
  return sse;
}
