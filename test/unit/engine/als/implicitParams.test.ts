// Rendle et al.'s iALS knobs: fold-in with unobserved weight α0, frequency-scaled penalty and star offset solves their system exactly.
import { describe, expect, test } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { buildCsr } from '../../../../src/engine/als/csr';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { explainScores } from '../../../../src/engine/als/explain';
import { implicitRowParams } from '../../../../src/engine/als/implicitParams';
import { trainAls } from '../../../../src/engine/als/train';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import type { AlsParams } from '../../../../src/engine/types';

const data = plantedTasteGroups({ groups: 3, moviesPerGroup: 20, commonMovies: 10, nicheMovies: 5, nicheRatings: 2, users: 90, groupRatings: 8, commonRatings: 4, otherRatings: 2, seed: 4 });
const base: AlsParams = { rank: 5, lambda: 0.02, lambdaExponent: 0.7, biasLambda: 1, iterations: 6, seed: 3, objective: 'implicit', implicitAlpha: 2 };
const knobs: AlsParams = { ...base, unobservedWeight: 0.25, frequencyScaled: true, starOffset: 3 };
const items = [0, 3, 5, 21, 60, 61];
const stars = [5, 4.5, 2, 1.5, 3, 3.5];

describe('iALS with unobserved weight, frequency-scaled penalty and star offset', () => {
  const model = trainAls(buildCsr(data.columns, data.nUsers, data.nItems), knobs);

  test("fold-in solves (α0·YᵀY + Σ a·q qᵀ + λ·(n + α0·N)^ν·I) x = Σ (α0 + a)·q with a = alpha·max(0, stars − offset)", () => {
    const { rank, itemFactors: Q, nItems } = model;
    const Y = new Matrix(nItems, rank);
    for (let i = 0; i < nItems; i++) for (let f = 0; f < rank; f++) Y.set(i, f, Q[i * rank + f]);
    const w0 = 0.25;
    const A = Y.transpose().mmul(Y).mul(w0);
    const b = Matrix.zeros(rank, 1);
    items.forEach((i, k) => {
      const a = 2 * Math.max(0, stars[k] - 3);
      const q = Y.getRow(i);
      for (let x = 0; x < rank; x++) {
        b.set(x, 0, b.get(x, 0) + (w0 + a) * q[x]);
        for (let y = 0; y < rank; y++) A.set(x, y, A.get(x, y) + a * q[x] * q[y]);
      }
    });
    const penalty = 0.02 * Math.pow(items.length + w0 * nItems, 0.7);
    for (let x = 0; x < rank; x++) A.set(x, x, A.get(x, x) + penalty);
    const x = solve(A, b).getColumn(0);
    const v = foldIn(model, items, stars);
    for (let f = 0; f < rank; f++) expect(v.factors[f]).toBeCloseTo(x[f], 8);
  });

  test('the explanation shares still add up to the watch score', () => {
    const v = foldIn(model, items, stars);
    for (const t of [1, 2, 40, 62]) {
      let score = 0;
      for (let f = 0; f < model.rank; f++) score += v.factors[f] * model.itemFactors[t * model.rank + f];
      const sum = explainScores(model, items, stars, [t])[0].reduce((s, c) => s + c.share, 0);
      expect(sum).toBeCloseTo(score, 9);
    }
  });

  test('the kernels get alpha/α0 and the penalty/α0, each side with its own offset', () => {
    const users = implicitRowParams(knobs, 200);
    const movies = implicitRowParams(knobs, 90);
    expect(users.alpha).toBe(8);
    expect(users.reg).toMatchObject({ lambda: 0.08, lambdaExponent: 0.7, countOffset: 50 });
    expect(movies.reg.countOffset).toBe(22.5);
    expect(implicitRowParams(base, 200)).toEqual({ alpha: 2, reg: { lambda: 0.02, biasLambda: 1, lambdaExponent: 0.7 } });
  });

  test('bad knobs are refused', () => {
    const m = buildCsr(data.columns, data.nUsers, data.nItems);
    expect(() => trainAls(m, { ...base, unobservedWeight: 0 })).toThrow('unobservedWeight must be > 0');
    expect(() => trainAls(m, { ...base, starOffset: 5 })).toThrow('starOffset must be in [0, 5)');
  });
});
