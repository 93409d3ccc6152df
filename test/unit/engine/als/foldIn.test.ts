// Unit tests for fold-in: identical to a user half-step row solve, and to an ml-matrix normal-equation oracle.

import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { createSolveScratch, halfStep, solveRow } from '../../../../src/engine/als/solveRow';
import { trainAls } from '../../../../src/engine/als/train';
import { plantedLowRank } from '../../../../src/engine/synth';

const data = plantedLowRank({ users: 120, items: 90, rank: 3, density: 0.25, noise: 0.4, seed: 3 });
const matrix = buildCsr(data.columns, data.nUsers, data.nItems);
// α = 0.5 so the exponent path is exercised (train tests cover α = 1).
const model = trainAls(matrix, { rank: 6, lambda: 0.3, biasLambda: 3, lambdaExponent: 0.5, iterations: 6, seed: 4 });
const { rank } = model;
const { indptr, indices, values } = matrix.byUser;

function userRatings(u: number): { items: number[]; ratings: number[] } {
  const items: number[] = [];
  const ratings: number[] = [];
  for (let p = indptr[u]; p < indptr[u + 1]; p++) {
    items.push(indices[p]);
    ratings.push(values[p]);
  }
  return { items, ratings };
}

function oracle(items: number[], ratings: number[]): number[] {
  const n = items.length;
  const X = Matrix.zeros(n, rank + 1);
  const t: number[] = [];
  items.forEach((i, r) => {
    for (let j = 0; j < rank; j++) X.set(r, j, model.itemFactors[i * rank + j]);
    X.set(r, rank, 1);
    t.push(ratings[r] - model.mu - model.itemBias[i]);
  });
  const A = X.transpose().mmul(X);
  for (let j = 0; j < rank; j++) A.set(j, j, A.get(j, j) + model.params.lambda * Math.sqrt(n));
  A.set(rank, rank, A.get(rank, rank) + model.params.biasLambda);
  return solve(A, X.transpose().mmul(Matrix.columnVector(t))).getColumn(0);
}

describe('foldIn', () => {
  // One more user half-step against the final item tables: what fold-in must reproduce.
  const nextUserFactors = new Float32Array(model.userFactors.length);
  const nextUserBias = new Float32Array(model.nUsers);
  halfStep(
    { rows: matrix.byUser, other: model.itemFactors, otherBias: model.itemBias, rank, mu: model.mu, reg: model.params },
    0,
    model.nUsers,
    nextUserFactors,
    nextUserBias,
    createSolveScratch(rank),
  );

  for (const u of [0, 5, 42, 119]) {
    it(`user ${u}: equals solveRow bit for bit, the half-step table, and the ml-matrix oracle`, () => {
      const { items, ratings } = userRatings(u);
      expect(items.length).toBeGreaterThan(5);
      const v = foldIn(model, items, ratings);
      const direct = solveRow(model.itemFactors, model.itemBias, rank, indices, values, indptr[u], indptr[u + 1], model.mu, model.params, createSolveScratch(rank));
      expect(Array.from(v.factors)).toEqual(Array.from(direct.subarray(0, rank)));
      expect(v.bias).toBe(direct[rank]);
      for (let j = 0; j < rank; j++) expect(Math.abs(v.factors[j] - nextUserFactors[u * rank + j])).toBeLessThan(1e-6);
      expect(Math.abs(v.bias - nextUserBias[u])).toBeLessThan(1e-6);
      const x = oracle(items, ratings);
      for (let j = 0; j < rank; j++) expect(Math.abs(v.factors[j] - x[j])).toBeLessThan(1e-6);
      expect(Math.abs(v.bias - x[rank])).toBeLessThan(1e-6);
    });
  }

  it('solves a new user with a handful of ratings like the oracle', () => {
    const items = [3, 10, 11, 50, 77];
    const ratings = [5, 4.5, 1, 3, 2.5];
    const v = foldIn(model, Int32Array.from(items), Float32Array.from(ratings));
    const x = oracle(items, ratings);
    for (let j = 0; j < rank; j++) expect(Math.abs(v.factors[j] - x[j])).toBeLessThan(1e-6);
    expect(Math.abs(v.bias - x[rank])).toBeLessThan(1e-6);
    expect(v.bias).not.toBe(0);
  });

  for (const n of [1, 2, 6, 7, 8, 40]) {
    it(`matches the oracle for a user with ${n} ratings (short rows take the dual path)`, () => {
      const items = Array.from({ length: n }, (_, k) => (k * 37 + 5) % model.nItems);
      const ratings = items.map((i, k) => 0.5 + ((i + k) % 10) / 2);
      const v = foldIn(model, items, ratings);
      const x = oracle(items, ratings);
      for (let j = 0; j < rank; j++) expect(Math.abs(v.factors[j] - x[j])).toBeLessThan(1e-6);
      expect(Math.abs(v.bias - x[rank])).toBeLessThan(1e-6);
    });
  }

  it('gives the zero vector for no ratings and rejects bad input', () => {
    const v = foldIn(model, [], []);
    expect(v.bias).toBe(0);
    expect(v.factors.length).toBe(rank);
    expect(Array.from(v.factors)).toEqual(new Array(rank).fill(0));
    expect(() => foldIn(model, [1, 2], [3])).toThrow(RangeError);
    expect(() => foldIn(model, [model.nItems], [3])).toThrow(RangeError);
    expect(() => foldIn(model, [-1], [3])).toThrow(RangeError);
  });
});
