// Unit tests for the implicit objective (iALS): it ranks held-out watches better than popularity; CG ≈ exact; fold-in exact.
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { createImplicitScratch, gramOf, solveImplicitRow } from '../../../../src/engine/als/implicit';
import { createRng } from '../../../../src/engine/als/random';
import { factorPenalty } from '../../../../src/engine/als/regularization';
import { trainAls } from '../../../../src/engine/als/train';
import type { AlsModel, AlsParams, RatingColumns } from '../../../../src/engine/types';

/**
 * 400 people, 300 movies, a rank-4 taste: each person watches 25 movies drawn ∝ popularity · exp(2·taste·movie),
 * rates them 3–5 stars by affinity; 5 of each person's watches are held out.
 */
function plantedWatches() {
  const rng = createRng(77);
  const U = 400, I = 300, R = 4, per = 25, held = 5;
  const P = Float64Array.from({ length: U * R }, () => rng.normal() / Math.sqrt(R) * 1.5);
  const Q = Float64Array.from({ length: I * R }, () => rng.normal() / Math.sqrt(R) * 1.5);
  const pop = Float64Array.from({ length: I }, (_, i) => 1 / (1 + i / 30));
  const train = { users: [] as number[], items: [] as number[], ratings: [] as number[] };
  const test: number[][] = [];
  const w = new Float64Array(I);
  for (let u = 0; u < U; u++) {
    const aff = new Float64Array(I);
    for (let i = 0; i < I; i++) {
      let s = 0;
      for (let j = 0; j < R; j++) s += P[u * R + j] * Q[i * R + j];
      aff[i] = s;
      w[i] = pop[i] * Math.exp(2 * s);
    }
    const chosen: number[] = [];
    for (let k = 0; k < per; k++) {
      let total = 0;
      for (let i = 0; i < I; i++) total += w[i];
      let x = rng.uniform() * total;
      let i = 0;
      while (i < I - 1 && (x -= w[i]) > 0) i++;
      chosen.push(i);
      w[i] = 0;
    }
    test.push(chosen.slice(per - held));
    for (const i of chosen.slice(0, per - held)) {
      train.users.push(u);
      train.items.push(i);
      train.ratings.push(Math.min(5, Math.max(3, Math.round(4 + aff[i]))));
    }
  }
  const cols: RatingColumns = { users: Int32Array.from(train.users), items: Int32Array.from(train.items), ratings: Float32Array.from(train.ratings), length: train.users.length };
  return { cols, test, U, I };
}

const { cols, test, U, I } = plantedWatches();
const matrix = buildCsr(cols, U, I);
const params: AlsParams = { rank: 8, lambda: 0.5, lambdaExponent: 0, biasLambda: 1, iterations: 10, seed: 5, objective: 'implicit', implicitAlpha: 2 };

/** Recall@10 of the held-out watches when each person's unwatched movies are ranked by `score`. */
function recallAt10(score: (u: number, i: number) => number): number {
  const { indptr, indices } = matrix.byUser;
  let hits = 0;
  let total = 0;
  for (let u = 0; u < U; u++) {
    const seen = new Set(indices.subarray(indptr[u], indptr[u + 1]));
    const ranked = Array.from({ length: I }, (_, i) => i)
      .filter((i) => !seen.has(i))
      .sort((a, b) => score(u, b) - score(u, a) || a - b)
      .slice(0, 10);
    const top = new Set(ranked);
    for (const i of test[u]) hits += top.has(i) ? 1 : 0;
    total += test[u].length;
  }
  return hits / total;
}

const dot = (m: AlsModel) => (u: number, i: number) => {
  let s = 0;
  for (let j = 0; j < m.rank; j++) s += m.userFactors[u * m.rank + j] * m.itemFactors[i * m.rank + j];
  return s;
};

describe('implicit ALS (iALS) on planted watches', () => {
  const exact = trainAls(matrix, { ...params, solver: 'exact' });
  const cg = trainAls(matrix, { ...params, solver: 'cg', cgSteps: 3 });
  const counts = new Int32Array(I);
  for (let k = 0; k < cols.length; k++) counts[cols.items[k]]++;
  const popularity = recallAt10((_u, i) => counts[i]);

  it('ranks held-out watches clearly better than popularity', () => {
    const r = recallAt10(dot(exact));
    expect(popularity).toBeGreaterThan(0.05); // popularity is a real baseline here
    expect(r).toBeGreaterThan(2 * popularity);
  });

  it('trains with CG as well as with exact solves, and keeps no biases', () => {
    const re = recallAt10(dot(exact));
    const rc = recallAt10(dot(cg));
    expect(Math.abs(rc - re)).toBeLessThan(0.02);
    expect(rc).toBeGreaterThan(2 * popularity);
    expect(cg.mu).toBe(0);
    expect(cg.userBias.every((b) => b === 0) && cg.itemBias.every((b) => b === 0)).toBe(true);
  });

  it('folds a person in with the exact implicit user solve', () => {
    const { indptr, indices, values } = matrix.byUser;
    const u = 3;
    const v = foldIn(exact, Array.from(indices.subarray(indptr[u], indptr[u + 1])), Array.from(values.subarray(indptr[u], indptr[u + 1])));
    const x = solveImplicitRow(gramOf(exact.itemFactors, 8), exact.itemFactors, 8, indices, values, indptr[u], indptr[u + 1], 2, factorPenalty(params, indptr[u + 1] - indptr[u]), createImplicitScratch(8));
    expect(Array.from(v.factors)).toEqual(Array.from(x));
    expect(v.bias).toBe(0);
    // The exact training's last item step came after its users' step, so fold-in is one more exact user step:
    // close to, not equal to, the stored user row.
    for (let j = 0; j < 8; j++) expect(Math.abs(v.factors[j] - exact.userFactors[u * 8 + j])).toBeLessThan(0.05);
  });

  it('rejects a bad objective or alpha', () => {
    expect(() => trainAls(matrix, { ...params, objective: 'ranking' as unknown as 'implicit' })).toThrow(RangeError);
    expect(() => trainAls(matrix, { ...params, implicitAlpha: -1 })).toThrow(RangeError);
  });
});
