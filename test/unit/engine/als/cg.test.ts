// Unit tests for the conjugate-gradient row solver: convergence to the exact solve, solver choice, accuracy of CG training.
import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { meanSquare, solveRowCg, createCgScratch } from '../../../../src/engine/als/cg';
import { buildCsr } from '../../../../src/engine/als/csr';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { rmse } from '../../../../src/engine/als/metrics';
import { createRng } from '../../../../src/engine/als/random';
import { CG_MIN_RANK, DEFAULT_CG_STEPS, cgStepsFor } from '../../../../src/engine/als/solver';
import { createSolveScratch, halfStep, solveRow } from '../../../../src/engine/als/solveRow';
import { randomHoldout } from '../../../../src/engine/als/split';
import { trainAls } from '../../../../src/engine/als/train';
import { plantedLowRank } from '../../../../src/engine/synth';
import type { AlsModel, AlsParams } from '../../../../src/engine/types';

const predictor = (model: AlsModel) => (u: number, i: number) => {
  let s = model.mu + model.userBias[u] + model.itemBias[i];
  for (let j = 0; j < model.rank; j++) s += model.userFactors[u * model.rank + j] * model.itemFactors[i * model.rank + j];
  return s;
};

describe('solveRowCg', () => {
  // 60 items × rank 24 (a random "other" side), one row with 45 ratings, λ·n^0.5 and a bias penalty.
  const rank = 24;
  const rng = createRng(5);
  const other = Float32Array.from({ length: 60 * rank }, () => 0.3 * rng.normal());
  const otherBias = Float32Array.from({ length: 60 }, () => 0.2 * rng.normal());
  const indices = Int32Array.from({ length: 45 }, (_, k) => (k * 7 + 3) % 60);
  const values = Float32Array.from({ length: 45 }, () => Math.round(2 + 6 * rng.uniform()) / 2);
  const reg = { lambda: 0.4, biasLambda: 2, lambdaExponent: 0.5 };
  const mu = 3.4;
  const exact = solveRow(other, otherBias, rank, indices, values, 0, 45, mu, reg, createSolveScratch(rank));

  function oracle(): number[] {
    const X = Matrix.zeros(45, rank + 1);
    const t: number[] = [];
    for (let p = 0; p < 45; p++) {
      for (let j = 0; j < rank; j++) X.set(p, j, other[indices[p] * rank + j]);
      X.set(p, rank, 1);
      t.push(values[p] - mu - otherBias[indices[p]]);
    }
    const A = X.transpose().mmul(X);
    for (let j = 0; j < rank; j++) A.set(j, j, A.get(j, j) + 0.4 * Math.sqrt(45));
    A.set(rank, rank, A.get(rank, rank) + 2);
    return solve(A, X.transpose().mmul(Matrix.columnVector(t))).getColumn(0);
  }

  it('converges from zero to the exact solve (and the ml-matrix oracle) to 1e-4 after enough steps', () => {
    const x = new Float64Array(rank + 1);
    solveRowCg(other, otherBias, rank, indices, values, 0, 45, mu, reg, meanSquare(other), 40, x, createCgScratch(rank));
    const o = oracle();
    for (let j = 0; j <= rank; j++) {
      expect(Math.abs(x[j] - exact[j])).toBeLessThan(1e-4);
      expect(Math.abs(x[j] - o[j])).toBeLessThan(1e-4);
    }
  });

  it('reduces the error at every step count, and three steps from a warm start near the answer cut its error tenfold', () => {
    const err = (x: Float64Array) => Math.hypot(...Array.from(x, (v, j) => v - exact[j]));
    const errors = [1, 2, 4, 8, 16].map((steps) => {
      const x = new Float64Array(rank + 1);
      solveRowCg(other, otherBias, rank, indices, values, 0, 45, mu, reg, meanSquare(other), steps, x, createCgScratch(rank));
      return err(x);
    });
    for (let k = 1; k < errors.length; k++) expect(errors[k]).toBeLessThan(errors[k - 1]);
    const warm = Float64Array.from(exact, (v, j) => v + (j % 2 ? 0.01 : -0.01));
    const before = err(warm);
    solveRowCg(other, otherBias, rank, indices, values, 0, 45, mu, reg, meanSquare(other), 3, warm, createCgScratch(rank));
    expect(err(warm)).toBeLessThan(before / 10);
  });

  it('gives the zero vector for an empty row and is deterministic', () => {
    const x = new Float64Array(rank + 1).fill(1);
    solveRowCg(other, otherBias, rank, indices, values, 5, 5, mu, reg, 0.1, 3, x, createCgScratch(rank));
    expect(Array.from(x)).toEqual(new Array(rank + 1).fill(0));
    const a = new Float64Array(rank + 1);
    const b = new Float64Array(rank + 1);
    solveRowCg(other, otherBias, rank, indices, values, 0, 45, mu, reg, 0.09, 3, a, createCgScratch(rank));
    solveRowCg(other, otherBias, rank, indices, values, 0, 45, mu, reg, 0.09, 3, b, createCgScratch(rank));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe('solver choice', () => {
  it('is exact below CG_MIN_RANK and CG from there, unless a solver is named', () => {
    expect(cgStepsFor({ rank: CG_MIN_RANK - 1 })).toBe(0);
    expect(cgStepsFor({ rank: CG_MIN_RANK })).toBe(DEFAULT_CG_STEPS);
    expect(cgStepsFor({ rank: 64, solver: 'exact' })).toBe(0);
    expect(cgStepsFor({ rank: 4, solver: 'cg', cgSteps: 7 })).toBe(7);
    expect(cgStepsFor({ rank: 64, solver: 'auto', cgSteps: 2 })).toBe(2);
  });

  it('rejects a bad solver or step count', () => {
    const m = buildCsr({ users: Int32Array.of(0), items: Int32Array.of(0), ratings: Float32Array.of(4), length: 1 }, 1, 1);
    const p: AlsParams = { rank: 2, lambda: 0.1, biasLambda: 1, iterations: 1, seed: 1 };
    expect(() => trainAls(m, { ...p, solver: 'qr' as unknown as 'cg' })).toThrow(RangeError);
    expect(() => trainAls(m, { ...p, solver: 'cg', cgSteps: 0 })).toThrow(RangeError);
  });
});

describe('CG training on a planted rank-8 signal', () => {
  const data = plantedLowRank({ users: 400, items: 300, rank: 8, density: 0.2, noise: 0.3, seed: 21 });
  const { train, test } = randomHoldout(data.columns, 0.1, 4);
  const matrix = buildCsr(train, data.nUsers, data.nItems);
  const params: AlsParams = { rank: 8, lambda: 0.05, lambdaExponent: 0.5, biasLambda: 1, iterations: 12, seed: 3 };
  const exact = trainAls(matrix, { ...params, solver: 'exact' });
  const cg = trainAls(matrix, { ...params, solver: 'cg' }); // the default step count
  const cg3 = trainAls(matrix, { ...params, solver: 'cg', cgSteps: 3 });

  it('reaches the same held-out RMSE as exact solves (within 0.002), at the noise floor', () => {
    const e = rmse(predictor(exact), test);
    const c = rmse(predictor(cg), test);
    expect(Math.abs(c - e)).toBeLessThan(0.002);
    expect(Math.abs(rmse(predictor(cg3), test) - e)).toBeLessThan(0.002);
    expect(c).toBeLessThan(1.25 * 0.3);
    expect(c).toBeGreaterThan(0.9 * 0.3);
  });

  it('ends close to the exact fixed point: one more exact item half-step barely moves the CG item factors', () => {
    const reg = { lambda: params.lambda, biasLambda: params.biasLambda, lambdaExponent: params.lambdaExponent };
    const moved = (model: AlsModel): number => {
      const next = new Float32Array(model.itemFactors.length);
      const nextBias = new Float32Array(model.nItems);
      const input = { rows: matrix.byItem, other: model.userFactors, otherBias: model.userBias, rank: 8, mu: model.mu, reg };
      halfStep(input, 0, model.nItems, next, nextBias, createSolveScratch(8));
      let diff = 0;
      let norm = 0;
      for (let k = 0; k < next.length; k++) {
        diff += (next[k] - model.itemFactors[k]) ** 2;
        norm += next[k] ** 2;
      }
      return Math.sqrt(diff / norm);
    };
    // Two steps a half-step (the default) converge more slowly per iteration than three.
    expect(moved(cg)).toBeLessThan(5e-3);
    expect(moved(cg3)).toBeLessThan(1e-3);
    expect(moved(exact)).toBeLessThan(moved(cg3));
  });

  it('keeps fold-in exact: a CG-trained model folds a user in with the exact row solve', () => {
    const { indptr, indices, values } = matrix.byUser;
    const u = 17;
    const items = Array.from(indices.subarray(indptr[u], indptr[u + 1]));
    const ratings = Array.from(values.subarray(indptr[u], indptr[u + 1]));
    const v = foldIn(cg, items, ratings);
    const direct = solveRow(cg.itemFactors, cg.itemBias, 8, indices, values, indptr[u], indptr[u + 1], cg.mu, cg.params, createSolveScratch(8));
    expect(Array.from(v.factors)).toEqual(Array.from(direct.subarray(0, 8)));
    expect(v.bias).toBe(direct[8]);
  });
});
