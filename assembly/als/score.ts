// Whole-catalogue scoring for top-N: out[i] = <f32>(base + itemBias[i] + f·itemFactors[i]), float64 sums.
import { madd64, sum2 } from './simd';

/** Scores items [0, nItems): f is the person's rank float64 factors; itemFactors row-major float32. */
export function scoreAll(itemFactors: usize, itemBias: usize, rank: i32, nItems: i32, base: f64, f: usize, out: usize): void {
  const r4 = rank & ~3;
  const stride = <usize>rank << 2;
  for (let i = 0; i < nItems; i++) {
    const q = itemFactors + <usize>i * stride;
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let j = 0;
    for (; j < r4; j += 4) {
      const v = v128.load(q + (<usize>j << 2));
      const fo = f + (<usize>j << 3);
      a0 = madd64(f64x2.promote_low_f32x4(v), v128.load(fo), a0);
      a1 = madd64(f64x2.promote_low_f32x4(f32x4.shuffle(v, v, 2, 3, 2, 3)), v128.load(fo, 16), a1);
    }
    let s = base + <f64>load<f32>(itemBias + (<usize>i << 2)) + sum2(f64x2.add(a0, a1));
    for (; j < rank; j++) s += <f64>load<f32>(q + (<usize>j << 2)) * load<f64>(f + (<usize>j << 3));
    store<f32>(out + (<usize>i << 2), <f32>s);
  }
}
