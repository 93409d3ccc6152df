// SIMD helpers shared by the ALS kernels: multiply-add (fused where relaxed SIMD is compiled in), lane sums, float64 dots.

/** a·b + c on four float32 lanes: one fused instruction in the relaxed-SIMD build, mul then add otherwise. */
@inline export function madd32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** a·b + c on two float64 lanes (fused in the relaxed-SIMD build). */
@inline export function madd64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** [Σa, Σb, Σc, Σd]: the lane sums of four float32x4 vectors in one vector. */
@inline export function laneSums(a: v128, b: v128, c: v128, d: v128): v128 {
  const ab = f32x4.add(f32x4.shuffle(a, b, 0, 4, 1, 5), f32x4.shuffle(a, b, 2, 6, 3, 7));
  const cd = f32x4.add(f32x4.shuffle(c, d, 0, 4, 1, 5), f32x4.shuffle(c, d, 2, 6, 3, 7));
  return f32x4.add(f32x4.shuffle(ab, cd, 0, 1, 4, 5), f32x4.shuffle(ab, cd, 2, 3, 6, 7));
}

/** The two float64 lanes of v added. */
@inline export function sum2(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** Σ_{p<n} a[p]·b[p] over float64 arrays (two float64x2 accumulators, then the tail in order). */
export function dot64(a: usize, b: usize, n: i32): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let p = 0;
  for (; p + 4 <= n; p += 4) {
    const o = <usize>p << 3;
    s0 = madd64(v128.load(a + o), v128.load(b + o), s0);
    s1 = madd64(v128.load(a + o, 16), v128.load(b + o, 16), s1);
  }
  let s = sum2(f64x2.add(s0, s1));
  for (; p < n; p++) s += load<f64>(a + (<usize>p << 3)) * load<f64>(b + (<usize>p << 3));
  return s;
}

/** dst[0..n) = <f32>src[0..n) (float64 to float32). */
export function toF32(src: usize, dst: usize, n: i32): void {
  for (let j = 0; j < n; j++) store<f32>(dst + (<usize>j << 2), <f32>load<f64>(src + (<usize>j << 3)));
}

/** dst[0..n) = src[0..n) (float32 to float64). */
export function toF64(src: usize, dst: usize, n: i32): void {
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const v = v128.load(src + (<usize>j << 2));
    v128.store(dst + (<usize>j << 3), f64x2.promote_low_f32x4(v));
    v128.store(dst + (<usize>j << 3), f64x2.promote_low_f32x4(f32x4.shuffle(v, v, 2, 3, 2, 3)), 16);
  }
  for (; j < n; j++) store<f64>(dst + (<usize>j << 3), <f64>load<f32>(src + (<usize>j << 2)));
}

/** out[0..n) += a[0..n) (float32 into float64), then a[0..n) = 0. */
export function flushInto(a: usize, out: usize, n: i32): void {
  let j = 0;
  const zero = f32x4.splat(0);
  for (; j + 4 <= n; j += 4) {
    const v = v128.load(a + (<usize>j << 2));
    const o = out + (<usize>j << 3);
    v128.store(o, f64x2.add(v128.load(o), f64x2.promote_low_f32x4(v)));
    v128.store(o, f64x2.add(v128.load(o, 16), f64x2.promote_low_f32x4(f32x4.shuffle(v, v, 2, 3, 2, 3))), 16);
    v128.store(a + (<usize>j << 2), zero);
  }
  for (; j < n; j++) {
    store<f64>(out + (<usize>j << 3), load<f64>(out + (<usize>j << 3)) + <f64>load<f32>(a + (<usize>j << 2)));
    store<f32>(a + (<usize>j << 2), 0);
  }
}

/** a[0..n) = 0 for float64 (n ≥ 0). */
export function zero64(a: usize, n: i32): void {
  memory.fill(a, 0, <usize>n << 3);
}
