// One pass over a row's ratings, 4 at a time in float32x4 lanes: the CG kernels' A·v and residual of both objectives.
import { flushInto, laneSums, madd32, zero64 } from './simd';

/** Weight of entry c given d = x_c·v (+ vb): what each pass mode adds to out as w·x_c. */
export const EXPLICIT_AP = 0; // w = d + vb
export const EXPLICIT_RESIDUAL = 1; // w = (values − mu − otherBias[c]) − (d + vb)
export const IMPLICIT_AP = 2; // w = alpha·values·d
export const IMPLICIT_RESIDUAL = 3; // w = 1 + alpha·values − alpha·values·d

/** Blocks of 4 entries summed in float32 before the float64 flush (64 entries). */
const FLUSH_BLOCKS = 16;

@inline function weights(mode: i32, d: v128, vb: f32, values: usize, otherBias: usize, p: i32, m: i32, c0: i32, c1: i32, c2: i32, c3: i32, mu: f32, alpha: f32): v128 {
  if (mode == EXPLICIT_AP) return f32x4.add(d, f32x4.splat(vb));
  let t = f32x4.splat(load<f32>(values + (<usize>p << 2)));
  if (m > 1) t = f32x4.replace_lane(t, 1, load<f32>(values + (<usize>(p + 1) << 2)));
  if (m > 2) t = f32x4.replace_lane(t, 2, load<f32>(values + (<usize>(p + 2) << 2)));
  if (m > 3) t = f32x4.replace_lane(t, 3, load<f32>(values + (<usize>(p + 3) << 2)));
  if (mode == EXPLICIT_RESIDUAL) {
    let b = f32x4.splat(load<f32>(otherBias + (<usize>c0 << 2)));
    b = f32x4.replace_lane(b, 1, load<f32>(otherBias + (<usize>c1 << 2)));
    b = f32x4.replace_lane(b, 2, load<f32>(otherBias + (<usize>c2 << 2)));
    b = f32x4.replace_lane(b, 3, load<f32>(otherBias + (<usize>c3 << 2)));
    const target = f32x4.sub(f32x4.sub(t, f32x4.splat(mu)), b);
    return f32x4.sub(target, f32x4.add(d, f32x4.splat(vb)));
  }
  const cm1 = f32x4.mul(t, f32x4.splat(alpha));
  if (mode == IMPLICIT_AP) return f32x4.mul(cm1, d);
  return f32x4.sub(f32x4.add(f32x4.splat(1), cm1), f32x4.mul(cm1, d));
}

/**
 * out[0..rank) = Σ_c w_c·x_c (float64) and returns Σ_c w_c, x_c = row c of `other` (rank float32), over the row's
 * entries [start, end). v is given as float32 (vf, rank values); products and per-entry dots in float32 lanes, 4
 * entries per block (a short last block repeats its first entry with weight 0); `acc` (rank float32 scratch, zeroed
 * here) is added to out every 64 entries.
 */
@inline function passCore(
  mode: i32,
  other: usize,
  otherBias: usize,
  rank: i32,
  indices: usize,
  values: usize,
  start: i32,
  end: i32,
  mu: f32,
  alpha: f32,
  vf: usize,
  vb: f32,
  out: usize,
  acc: usize,
): f64 {
  zero64(out, rank);
  memory.fill(acc, 0, <usize>rank << 2);
  const r4 = rank & ~3;
  const stride = <usize>rank << 2;
  let total = f64x2.splat(0);
  let blocks = 0;
  for (let p = start; p < end; p += 4) {
    const m = min(4, end - p);
    const c0 = load<i32>(indices + (<usize>p << 2));
    const c1 = m > 1 ? load<i32>(indices + (<usize>(p + 1) << 2)) : c0;
    const c2 = m > 2 ? load<i32>(indices + (<usize>(p + 2) << 2)) : c0;
    const c3 = m > 3 ? load<i32>(indices + (<usize>(p + 3) << 2)) : c0;
    const o0 = other + <usize>c0 * stride;
    const o1 = other + <usize>c1 * stride;
    const o2 = other + <usize>c2 * stride;
    const o3 = other + <usize>c3 * stride;
    let s0 = f32x4.splat(0);
    let s1 = f32x4.splat(0);
    let s2 = f32x4.splat(0);
    let s3 = f32x4.splat(0);
    let j = 0;
    for (; j < r4; j += 4) {
      const q = <usize>j << 2;
      const vj = v128.load(vf + q);
      s0 = madd32(v128.load(o0 + q), vj, s0);
      s1 = madd32(v128.load(o1 + q), vj, s1);
      s2 = madd32(v128.load(o2 + q), vj, s2);
      s3 = madd32(v128.load(o3 + q), vj, s3);
    }
    let d = laneSums(s0, s1, s2, s3);
    if (j < rank) {
      let t0: f32 = 0, t1: f32 = 0, t2: f32 = 0, t3: f32 = 0;
      for (; j < rank; j++) {
        const q = <usize>j << 2;
        const a = load<f32>(vf + q);
        t0 += load<f32>(o0 + q) * a;
        t1 += load<f32>(o1 + q) * a;
        t2 += load<f32>(o2 + q) * a;
        t3 += load<f32>(o3 + q) * a;
      }
      d = f32x4.add(d, f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(f32x4.splat(t0), 1, t1), 2, t2), 3, t3));
    }
    let w = weights(mode, d, vb, values, otherBias, p, m, c0, c1, c2, c3, mu, alpha);
    if (m < 4) {
      w = f32x4.replace_lane(w, 3, 0);
      if (m < 3) w = f32x4.replace_lane(w, 2, 0);
      if (m < 2) w = f32x4.replace_lane(w, 1, 0);
    }
    total = f64x2.add(total, f64x2.promote_low_f32x4(w));
    total = f64x2.add(total, f64x2.promote_low_f32x4(f32x4.shuffle(w, w, 2, 3, 2, 3)));
    const w0 = f32x4.splat(f32x4.extract_lane(w, 0));
    const w1 = f32x4.splat(f32x4.extract_lane(w, 1));
    const w2 = f32x4.splat(f32x4.extract_lane(w, 2));
    const w3 = f32x4.splat(f32x4.extract_lane(w, 3));
    for (j = 0; j < r4; j += 4) {
      const q = <usize>j << 2;
      let a = v128.load(acc + q);
      a = madd32(v128.load(o0 + q), w0, a);
      a = madd32(v128.load(o1 + q), w1, a);
      a = madd32(v128.load(o2 + q), w2, a);
      a = madd32(v128.load(o3 + q), w3, a);
      v128.store(acc + q, a);
    }
    for (; j < rank; j++) {
      const q = <usize>j << 2;
      const W0 = f32x4.extract_lane(w, 0), W1 = f32x4.extract_lane(w, 1), W2 = f32x4.extract_lane(w, 2), W3 = f32x4.extract_lane(w, 3);
      store<f32>(acc + q, load<f32>(acc + q) + W0 * load<f32>(o0 + q) + W1 * load<f32>(o1 + q) + W2 * load<f32>(o2 + q) + W3 * load<f32>(o3 + q));
    }
    if (++blocks == FLUSH_BLOCKS) {
      flushInto(acc, out, rank);
      blocks = 0;
    }
  }
  flushInto(acc, out, rank);
  return f64x2.extract_lane(total, 0) + f64x2.extract_lane(total, 1);
}

export function passExplicit(other: usize, otherBias: usize, rank: i32, indices: usize, values: usize, start: i32, end: i32, mu: f32, vf: usize, vb: f32, out: usize, acc: usize, residual: bool): f64 {
  return residual
    ? passCore(EXPLICIT_RESIDUAL, other, otherBias, rank, indices, values, start, end, mu, 0, vf, vb, out, acc)
    : passCore(EXPLICIT_AP, other, otherBias, rank, indices, values, start, end, mu, 0, vf, vb, out, acc);
}

export function passImplicit(other: usize, rank: i32, indices: usize, values: usize, start: i32, end: i32, alpha: f32, vf: usize, out: usize, acc: usize, residual: bool): void {
  if (residual) passCore(IMPLICIT_RESIDUAL, other, 0, rank, indices, values, start, end, 0, alpha, vf, 0, out, acc);
  else passCore(IMPLICIT_AP, other, 0, rank, indices, values, start, end, 0, alpha, vf, 0, out, acc);
}
