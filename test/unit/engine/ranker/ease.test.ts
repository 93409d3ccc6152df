// EASE's closed form B = I − P·diag(1/diag P), P = (XᵀX + λI)⁻¹, checked against a small dense solve (ml-matrix).
import { describe, expect, test } from 'vitest';
import { Matrix, inverse } from 'ml-matrix';
import { easeScores, fitEase, itemCounts, mostRated } from '../../../../src/engine/ranker/ease';
import { easeDualScorer } from '../../../../src/engine/ranker/easeDual';
import { createRng } from '../../../../src/engine/als/random';
import type { RatingColumns } from '../../../../src/engine/types';

const U = 30;
const I = 40;
const rng = createRng(3);
const rows: [number, number, number][] = [];
for (let u = 0; u < U; u++) for (let i = 0; i < I; i++) if (rng.uniform() < 0.3) rows.push([u, i, 1 + rng.int(9) / 2]);
const cols: RatingColumns = {
  users: Int32Array.from(rows, (r) => r[0]),
  items: Int32Array.from(rows, (r) => r[1]),
  ratings: Float32Array.from(rows, (r) => r[2]),
  length: rows.length,
};
const profile = (u: number) => ({ items: rows.filter((r) => r[0] === u).map((r) => r[1]), stars: rows.filter((r) => r[0] === u).map((r) => r[2]) });

/** Steck's B by a plain dense inverse, X weighted by `w`, over the given items (catalogue order). */
function denseB(items: number[], lambda: number, w: (s: number) => number): Matrix {
  const X = Matrix.zeros(U, items.length);
  for (const [u, i, s] of rows) if (items.includes(i)) X.set(u, items.indexOf(i), w(s));
  const P = inverse(X.transpose().mmul(X).add(Matrix.eye(items.length).mul(lambda)));
  const B = Matrix.zeros(items.length, items.length);
  for (let j = 0; j < items.length; j++) for (let t = 0; t < items.length; t++) if (j !== t) B.set(j, t, -P.get(j, t) / P.get(t, t));
  return B;
}

describe('EASE', () => {
  test('the fitted B equals the dense closed form, with a zero diagonal (binary X, λ 3)', () => {
    const items = Array.from({ length: I }, (_, i) => i);
    const model = fitEase(cols, U, I, { lambda: 3, items });
    const B = denseB(items, 3, () => 1);
    for (let j = 0; j < I; j++) {
      expect(model.B[j * I + j]).toBe(0);
      for (let t = 0; t < I; t++) expect(model.B[j * I + t]).toBeCloseTo(B.get(j, t), 6);
    }
  });

  test('restricted to the 15 most-rated movies with stars/4 as X: the same closed form over those movies; others score `outside`', () => {
    const top = Array.from(mostRated(itemCounts(cols, I), 15));
    const w = (s: number) => s / 4;
    const model = fitEase(cols, U, I, { lambda: 7, items: top, weight: w });
    const B = denseB(top, 7, w);
    const out = new Float32Array(I);
    for (let u = 0; u < 5; u++) {
      const p = profile(u);
      easeScores(model, p.items, p.stars, w, out, -9);
      for (let i = 0; i < I; i++) {
        const t = top.indexOf(i);
        if (t < 0) {
          expect(out[i]).toBe(-9);
          continue;
        }
        let s = 0;
        p.items.forEach((j, k) => {
          if (top.includes(j)) s += w(p.stars[k]) * B.get(top.indexOf(j), t);
        });
        expect(out[i]).toBeCloseTo(s, 5);
      }
    }
  });

  test("the users' side (Woodbury) gives the training users EASE's exact scores on their unrated movies", () => {
    const items = Array.from({ length: I }, (_, i) => i);
    const model = fitEase(cols, U, I, { lambda: 3, items });
    const dual = easeDualScorer(cols, U, I, 3);
    const a = new Float32Array(I);
    const b = new Float32Array(I);
    for (let u = 0; u < U; u++) {
      const p = profile(u);
      easeScores(model, p.items, p.stars, () => 1, a);
      dual(u, b);
      for (let i = 0; i < I; i++) if (!p.items.includes(i)) expect(b[i]).toBeCloseTo(a[i], 5);
    }
  });

  test('λ must be positive', () => {
    expect(() => fitEase(cols, U, I, { lambda: 0 })).toThrow('EASE λ must be > 0');
  });
});
