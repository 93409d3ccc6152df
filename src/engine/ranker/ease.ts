// EASE (Steck 2019): the closed-form item-item model B = I − P·diag(1/diag P), P = (XᵀX + λI)⁻¹, over a set of items.
import type { RatingColumns } from '../types';
import { toCsr } from '../als/csr';
import { spdInverse } from './spdInverse';

/** How a rating becomes an entry of X: 1 for every rating (Steck's binary X) unless a weight is given. */
export type StarWeight = (stars: number) => number;

export const binaryWeight: StarWeight = () => 1;

/** A fitted EASE model over K catalogue items (K ≤ the catalogue). */
export interface EaseModel {
  lambda: number;
  /** Catalogue index of each of the model's K items, model order. */
  items: Int32Array;
  /** Model position of each catalogue item, −1 for items outside the model. */
  slot: Int32Array;
  /** B, K×K row-major, float32, zero diagonal: B[j·K + t] is what item j in a profile adds to target t. */
  B: Float32Array;
}

export interface EaseOptions {
  lambda: number;
  /** The catalogue items the model covers (default: every item with a training rating). */
  items?: ArrayLike<number>;
  weight?: StarWeight;
}

/** Items with at least one rating, most-rated first (ties: lower index first), at most `k` of them. */
export function mostRated(counts: ArrayLike<number>, k: number): Int32Array {
  const order: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) order.push(i);
  order.sort((a, b) => counts[b] - counts[a] || a - b);
  return Int32Array.from(order.slice(0, Math.max(0, k)));
}

/** Ratings per item of rating columns. */
export function itemCounts(cols: RatingColumns, nItems: number): Int32Array {
  const c = new Int32Array(nItems);
  for (let k = 0; k < cols.length; k++) c[cols.items[k]]++;
  return c;
}

/** The Gram matrix XᵀX (K×K, float64, both triangles) of the ratings restricted to the model's items. */
export function easeGram(train: RatingColumns, nUsers: number, slot: Int32Array, K: number, weight: StarWeight): Float64Array {
  const rows = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
  const G = new Float64Array(K * K);
  const s = new Int32Array(rows.indices.length);
  const w = new Float64Array(rows.indices.length);
  for (let u = 0; u < nUsers; u++) {
    let m = 0;
    for (let p = rows.indptr[u]; p < rows.indptr[u + 1]; p++) {
      const j = slot[rows.indices[p]];
      if (j < 0) continue;
      s[m] = j;
      w[m++] = weight(rows.values[p]);
    }
    for (let a = 0; a < m; a++) {
      const ra = s[a] * K;
      const wa = w[a];
      for (let b = 0; b < m; b++) G[ra + s[b]] += wa * w[b];
    }
  }
  return G;
}

/** Fits EASE exactly over the chosen items: one dense K×K inverse (about K³/2 multiply-adds, 8·K² bytes). */
export function fitEase(train: RatingColumns, nUsers: number, nItems: number, opts: EaseOptions): EaseModel {
  if (!(opts.lambda > 0)) throw new RangeError(`EASE λ must be > 0, got ${opts.lambda}`);
  const items = opts.items ? Int32Array.from(opts.items) : mostRated(itemCounts(train, nItems), nItems);
  const K = items.length;
  const slot = new Int32Array(nItems).fill(-1);
  items.forEach((i, j) => {
    if (!(i >= 0 && i < nItems)) throw new RangeError(`EASE item ${i} out of range [0, ${nItems})`);
    slot[i] = j;
  });
  const P = easeGram(train, nUsers, slot, K, opts.weight ?? binaryWeight);
  for (let j = 0; j < K; j++) P[j * K + j] += opts.lambda;
  spdInverse(P, K);
  const B = new Float32Array(K * K);
  for (let t = 0; t < K; t++) {
    const d = -1 / P[t * K + t];
    for (let j = 0; j < K; j++) if (j !== t) B[j * K + t] = P[j * K + t] * d;
  }
  return { lambda: opts.lambda, items, slot, B };
}

/** Σ_j x_j·B[j, ·] over the profile's items in the model (x_j = weight(stars)), float64, model order. The hot loop: one K-long axpy per rated item. */
export function easeModelScores(model: EaseModel, items: ArrayLike<number>, stars: ArrayLike<number>, weight: StarWeight): Float64Array {
  const K = model.items.length;
  const acc = new Float64Array(K);
  for (let k = 0; k < items.length; k++) {
    const j = model.slot[items[k]];
    if (j < 0) continue;
    const x = weight(stars[k]);
    const o = j * K;
    for (let t = 0; t < K; t++) acc[t] += x * model.B[o + t];
  }
  return acc;
}

/** Scores every catalogue item for a profile: out[i] = Σ_j x_j·B[j, i]; items outside the model get `outside`. */
export function easeScores(model: EaseModel, items: ArrayLike<number>, stars: ArrayLike<number>, weight: StarWeight, out: Float32Array, outside = 0): Float32Array {
  const acc = easeModelScores(model, items, stars, weight);
  out.fill(outside);
  for (let t = 0; t < acc.length; t++) out[model.items[t]] = acc[t];
  return out;
}

/** Adds the EASE scores of a profile to `out` (catalogue order); items outside the model get nothing added. */
export function easeScoresInto(model: EaseModel, items: ArrayLike<number>, stars: ArrayLike<number>, weight: StarWeight, out: Float32Array): Float32Array {
  const acc = easeModelScores(model, items, stars, weight);
  for (let t = 0; t < acc.length; t++) out[model.items[t]] += acc[t];
  return out;
}
