// Conjugate-gradient row solves of both objectives (the same steps as src/engine/als/cg.ts and implicit.ts), float64 vectors.
import { passExplicit, passImplicit } from './pass';
import { dot64, toF32 } from './simd';
import { accAt, vecAt, vfAt } from './scratch';

/**
 * The explicit row: `steps` preconditioned CG steps on (XᵀX + D)[p, b] = Xᵀt from x (rank + 1 float64, updated in
 * place), X rows [other[c], 1], D = diag(penalty…, biasLambda), preconditioner 1/(penalty + n·otherScale) on the
 * factors and 1/(n + biasLambda) on the bias. n = 0 gives x = 0.
 */
export function cgRow(
  other: usize,
  otherBias: usize,
  rank: i32,
  indices: usize,
  values: usize,
  start: i32,
  end: i32,
  mu: f64,
  penalty: f64,
  biasLambda: f64,
  otherScale: f64,
  steps: i32,
  x: usize,
  scratch: usize,
): void {
  const k = rank + 1;
  const n = end - start;
  if (n <= 0) {
    memory.fill(x, 0, <usize>k << 3);
    return;
  }
  const r = vecAt(scratch, rank, 0), z = vecAt(scratch, rank, 1), p = vecAt(scratch, rank, 2), ap = vecAt(scratch, rank, 3);
  const dinv = vecAt(scratch, rank, 4), vf = vfAt(scratch, rank), acc = accAt(scratch, rank);
  const mu32 = <f32>mu;
  toF32(x, vf, rank);
  const xb = load<f64>(x + (<usize>rank << 3));
  store<f64>(r + (<usize>rank << 3), passExplicit(other, otherBias, rank, indices, values, start, end, mu32, vf, <f32>xb, r, acc, true) - biasLambda * xb);
  const factorScale = 1 / (penalty + <f64>n * otherScale);
  for (let j = 0; j < rank; j++) {
    const o = <usize>j << 3;
    store<f64>(r + o, load<f64>(r + o) - penalty * load<f64>(x + o));
    store<f64>(dinv + o, factorScale);
  }
  store<f64>(dinv + (<usize>rank << 3), 1 / (<f64>n + biasLambda));
  for (let j = 0; j < k; j++) {
    const o = <usize>j << 3;
    const zj = load<f64>(r + o) * load<f64>(dinv + o);
    store<f64>(z + o, zj);
    store<f64>(p + o, zj);
  }
  let rz = dot64(r, z, k);
  for (let st = 0; st < steps && rz > 0; st++) {
    toF32(p, vf, rank);
    const pb = load<f64>(p + (<usize>rank << 3));
    store<f64>(ap + (<usize>rank << 3), passExplicit(other, otherBias, rank, indices, values, start, end, mu32, vf, <f32>pb, ap, acc, false) + biasLambda * pb);
    for (let j = 0; j < rank; j++) {
      const o = <usize>j << 3;
      store<f64>(ap + o, load<f64>(ap + o) + penalty * load<f64>(p + o));
    }
    const pap = dot64(p, ap, k);
    if (!(pap > 0)) break;
    const alpha = rz / pap;
    for (let j = 0; j < k; j++) {
      const o = <usize>j << 3;
      store<f64>(x + o, load<f64>(x + o) + alpha * load<f64>(p + o));
      const rj = load<f64>(r + o) - alpha * load<f64>(ap + o);
      store<f64>(r + o, rj);
      store<f64>(z + o, rj * load<f64>(dinv + o));
    }
    if (st + 1 == steps) break;
    const rzNew = dot64(r, z, k);
    const beta = rzNew / rz;
    rz = rzNew;
    for (let j = 0; j < k; j++) {
      const o = <usize>j << 3;
      store<f64>(p + o, load<f64>(z + o) + beta * load<f64>(p + o));
    }
  }
}

/** out += sign·(YᵀY + penalty·I)·v (rank × rank YᵀY, float64, row-major). */
function addGram(YtY: usize, rank: i32, penalty: f64, v: usize, out: usize, sign: f64): void {
  for (let j = 0; j < rank; j++) {
    const o = <usize>j << 3;
    const s = penalty * load<f64>(v + o) + dot64(YtY + ((<usize>j * <usize>rank) << 3), v, rank);
    store<f64>(out + o, load<f64>(out + o) + sign * s);
  }
}

/**
 * The implicit row: `steps` CG steps on (YᵀY + Σ_rated (c − 1)·y yᵀ + penalty·I) x = Σ_rated c·y, c = 1 + alpha·value,
 * from x (rank float64, in place); preconditioner 1/(YᵀY_jj + penalty + Σ(c − 1)·otherScale).
 */
export function implicitCgRow(
  YtY: usize,
  other: usize,
  rank: i32,
  indices: usize,
  values: usize,
  start: i32,
  end: i32,
  alpha: f64,
  penalty: f64,
  otherScale: f64,
  steps: i32,
  x: usize,
  scratch: usize,
): void {
  const r = vecAt(scratch, rank, 0), z = vecAt(scratch, rank, 1), p = vecAt(scratch, rank, 2), ap = vecAt(scratch, rank, 3);
  const diag = vecAt(scratch, rank, 4), vf = vfAt(scratch, rank), acc = accAt(scratch, rank);
  const a32 = <f32>alpha;
  let extra: f64 = 0;
  for (let q = start; q < end; q++) extra += alpha * <f64>load<f32>(values + (<usize>q << 2));
  for (let j = 0; j < rank; j++) {
    store<f64>(diag + (<usize>j << 3), 1 / (load<f64>(YtY + ((<usize>j * <usize>(rank + 1)) << 3)) + penalty + extra * otherScale));
  }
  toF32(x, vf, rank);
  passImplicit(other, rank, indices, values, start, end, a32, vf, r, acc, true);
  addGram(YtY, rank, penalty, x, r, -1);
  let rz: f64 = 0;
  for (let j = 0; j < rank; j++) {
    const o = <usize>j << 3;
    const zj = load<f64>(r + o) * load<f64>(diag + o);
    store<f64>(z + o, zj);
    store<f64>(p + o, zj);
    rz += load<f64>(r + o) * zj;
  }
  for (let st = 0; st < steps && rz > 0; st++) {
    toF32(p, vf, rank);
    passImplicit(other, rank, indices, values, start, end, a32, vf, ap, acc, false);
    addGram(YtY, rank, penalty, p, ap, 1);
    const pap = dot64(p, ap, rank);
    if (!(pap > 0)) break;
    const a = rz / pap;
    let rzNew: f64 = 0;
    for (let j = 0; j < rank; j++) {
      const o = <usize>j << 3;
      store<f64>(x + o, load<f64>(x + o) + a * load<f64>(p + o));
      const rj = load<f64>(r + o) - a * load<f64>(ap + o);
      store<f64>(r + o, rj);
      const zj = rj * load<f64>(diag + o);
      store<f64>(z + o, zj);
      rzNew += rj * zj;
    }
    const beta = rzNew / rz;
    rz = rzNew;
    for (let j = 0; j < rank; j++) {
      const o = <usize>j << 3;
      store<f64>(p + o, load<f64>(z + o) + beta * load<f64>(p + o));
    }
  }
}
