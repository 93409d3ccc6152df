// Taste map projection: PCA of a sample of item factor rows to two axes, the same projection for a person's vector.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** Two principal axes of a set of factor rows: x = (v − mean)·axes[0], y = (v − mean)·axes[1]. */
export interface MapProjection {
  rank: number;
  mean: Float64Array;
  axes: [Float64Array, Float64Array];
  /** Share of the sample's total variance along each axis (0..1). */
  explained: [number, number];
  /** Variance along each axis (the covariance eigenvalues, divisor n − 1 like ml-pca). */
  variance: [number, number];
}

/**
 * Fits the projection on rows `rows` of a row-major `factors` table (rank columns): centred covariance (float64),
 * its symmetric eigen-decomposition, the two largest eigenvectors. Each axis's sign is fixed so that its largest
 * component is positive, so the same factors always give the same picture.
 */
export function fitProjection(factors: ArrayLike<number>, rank: number, rows: ArrayLike<number>): MapProjection {
  const n = rows.length;
  const mean = new Float64Array(rank);
  for (let k = 0; k < n; k++) {
    const o = rows[k] * rank;
    for (let j = 0; j < rank; j++) mean[j] += factors[o + j];
  }
  if (n > 0) for (let j = 0; j < rank; j++) mean[j] /= n;
  const cov = new Float64Array(rank * rank);
  const d = new Float64Array(rank);
  for (let k = 0; k < n; k++) {
    const o = rows[k] * rank;
    for (let j = 0; j < rank; j++) d[j] = factors[o + j] - mean[j];
    for (let a = 0; a < rank; a++) {
      const da = d[a];
      for (let b = a; b < rank; b++) cov[a * rank + b] += da * d[b];
    }
  }
  const div = Math.max(1, n - 1);
  const m = new Matrix(rank, rank);
  for (let a = 0; a < rank; a++) {
    for (let b = a; b < rank; b++) {
      const v = cov[a * rank + b] / div;
      m.set(a, b, v);
      m.set(b, a, v);
    }
  }
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  const axis = (k: number): Float64Array => {
    const out = new Float64Array(rank);
    if (k >= order.length) return out;
    const col = order[k];
    let big = 0;
    for (let j = 0; j < rank; j++) {
      out[j] = vectors.get(j, col);
      if (Math.abs(out[j]) > Math.abs(big)) big = out[j];
    }
    if (big < 0) for (let j = 0; j < rank; j++) out[j] = -out[j];
    return out;
  };
  const variance: [number, number] = [Math.max(0, values[order[0]] ?? 0), Math.max(0, values[order[1]] ?? 0)];
  const explained: [number, number] = total > 0 ? [variance[0] / total, variance[1] / total] : [0, 0];
  return { rank, mean, axes: [axis(0), axis(1)], explained, variance };
}

/** Projects one vector (rank values from `offset`) onto the map's two axes. */
export function project(p: MapProjection, v: ArrayLike<number>, offset = 0): [number, number] {
  let x = 0;
  let y = 0;
  for (let j = 0; j < p.rank; j++) {
    const c = v[offset + j] - p.mean[j];
    x += c * p.axes[0][j];
    y += c * p.axes[1][j];
  }
  return [x, y];
}

/** Projects rows of a factor table: [x0, y0, x1, y1, …] in the order of `rows`. */
export function projectRows(p: MapProjection, factors: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length * 2);
  for (let k = 0; k < rows.length; k++) {
    const [x, y] = project(p, factors, rows[k] * p.rank);
    out[2 * k] = x;
    out[2 * k + 1] = y;
  }
  return out;
}

/** The n most-rated item indices (ties: lower index first); items with a zero factor row are left out. */
export function mostRated(counts: ArrayLike<number>, n: number, factors?: ArrayLike<number>, rank = 0): number[] {
  const idx: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (factors && rank > 0) {
      let any = false;
      for (let j = 0; j < rank && !any; j++) any = factors[i * rank + j] !== 0;
      if (!any) continue;
    }
    idx.push(i);
  }
  idx.sort((a, b) => counts[b] - counts[a] || a - b);
  return idx.slice(0, n);
}

/** Positions (k, into `xy`) of the `k` points nearest (x, y), nearest first. */
export function nearestPoints(xy: ArrayLike<number>, x: number, y: number, k: number): number[] {
  const n = xy.length / 2;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = (xy[2 * i] - x) ** 2 + (xy[2 * i + 1] - y) ** 2;
  return Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => d[a] - d[b] || a - b)
    .slice(0, k);
}
