// Exact EASE for the training users themselves through the users' side (Woodbury): for catalogues with more items than users.
import type { RatingColumns } from '../types';
import { toCsr } from '../als/csr';
import type { UserScorer } from '../eval/ranking';
import { binaryWeight, type StarWeight } from './ease';
import { spdInverse } from './spdInverse';

/**
 * P = (XᵀX + λI)⁻¹ = (I − Xᵀ M⁻¹ X)/λ with M = XXᵀ + λI (users × users), so a training user's x_u·P is row u of
 * M⁻¹ times X and diag P_t = (1 − x_tᵀ M⁻¹ x_t)/λ; the score x_u·B_t = x_ut − (x_u·P)_t / P_tt is then EASE's
 * exactly, with one U×U inverse (about U³/2 multiply-adds) instead of the I×I one. Scores only users in X.
 */
export function easeDualScorer(train: RatingColumns, nUsers: number, nItems: number, lambda: number, weight: StarWeight = binaryWeight): UserScorer {
  if (!(lambda > 0)) throw new RangeError(`EASE λ must be > 0, got ${lambda}`);
  const byUser = toCsr(train.users, train.items, train.ratings, train.length, nUsers);
  const byItem = toCsr(train.items, train.users, train.ratings, train.length, nItems);
  const U = nUsers;
  const M = new Float64Array(U * U);
  for (let i = 0; i < nItems; i++) {
    for (let p = byItem.indptr[i]; p < byItem.indptr[i + 1]; p++) {
      const ro = byItem.indices[p] * U;
      const x = weight(byItem.values[p]);
      for (let q = byItem.indptr[i]; q < byItem.indptr[i + 1]; q++) M[ro + byItem.indices[q]] += x * weight(byItem.values[q]);
    }
  }
  for (let u = 0; u < U; u++) M[u * U + u] += lambda;
  spdInverse(M, U);
  const diagP = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let s = 0;
    for (let p = byItem.indptr[i]; p < byItem.indptr[i + 1]; p++) {
      const ro = byItem.indices[p] * U;
      const x = weight(byItem.values[p]);
      for (let q = byItem.indptr[i]; q < byItem.indptr[i + 1]; q++) s += x * M[ro + byItem.indices[q]] * weight(byItem.values[q]);
    }
    diagP[i] = (1 - s) / lambda;
  }
  const v = new Float64Array(nItems);
  return (u, out) => {
    v.fill(0);
    const ro = u * U;
    for (let w = 0; w < U; w++) {
      const m = M[ro + w];
      for (let p = byUser.indptr[w]; p < byUser.indptr[w + 1]; p++) v[byUser.indices[p]] += m * weight(byUser.values[p]);
    }
    out.fill(0);
    for (let p = byUser.indptr[u]; p < byUser.indptr[u + 1]; p++) out[byUser.indices[p]] = weight(byUser.values[p]);
    for (let t = 0; t < nItems; t++) out[t] -= v[t] / diagP[t];
  };
}
