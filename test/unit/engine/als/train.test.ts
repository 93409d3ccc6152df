// Unit tests for ALS training: planted low-rank recovery, determinism, cancellation, iteration reports.

import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import type { AlsModel, AlsParams, IterationInfo } from '../../../../src/engine/types';
import { fitBiasBaseline } from '../../../../src/engine/als/baselines';
import { buildCsr, type RatingMatrix } from '../../../../src/engine/als/csr';
import { rmse } from '../../../../src/engine/als/metrics';
import { randomHoldout } from '../../../../src/engine/als/split';
import { TrainingCancelled, trainAls } from '../../../../src/engine/als/train';
import { explicitDefaults } from '../../../../src/engine/defaults/explicitDefaults';
import { plantedLowRank } from '../../../../src/engine/synth';

const NOISE = 0.3;
const data = plantedLowRank({ users: 300, items: 200, rank: 4, density: 0.3, noise: NOISE, seed: 7 });
const { train, test } = randomHoldout(data.columns, 0.1, 11);
const matrix = buildCsr(train, data.nUsers, data.nItems);
const params: AlsParams = { rank: 4, lambda: 0.01, biasLambda: 1, iterations: 15, seed: 1 };

function predictor(model: AlsModel): (u: number, i: number) => number {
  const { rank } = model;
  return (u, i) => {
    let s = model.mu + model.userBias[u] + model.itemBias[i];
    for (let j = 0; j < rank; j++) s += model.userFactors[u * rank + j] * model.itemFactors[i * rank + j];
    return s;
  };
}

describe('trainAls on a planted rank-4 signal', () => {
  const reports: IterationInfo[] = [];
  const model = trainAls(matrix, params, { onIteration: (i) => reports.push(i), validation: test });

  it('reaches the noise floor on held-out ratings and beats the bias baseline clearly', () => {
    const alsRmse = rmse(predictor(model), test);
    const biasRmse = rmse(fitBiasBaseline(train, data.nUsers, data.nItems).predict, test);
    expect(alsRmse).toBeLessThanOrEqual(1.1 * NOISE);
    expect(alsRmse).toBeGreaterThan(0.9 * NOISE); // cannot beat the noise: a leak would show here
    expect(alsRmse).toBeLessThan(0.5 * biasRmse);
    // Error against the noiseless truth on the held-out pairs is well below the noise.
    const { truth } = data;
    const p = predictor(model);
    let sse = 0;
    for (let k = 0; k < test.length; k++) {
      const u = test.users[k];
      const i = test.items[k];
      let s = truth.mu + truth.userBias[u] + truth.itemBias[i];
      for (let j = 0; j < 4; j++) s += truth.P[u * 4 + j] * truth.Q[i * 4 + j];
      sse += (p(u, i) - s) ** 2;
    }
    expect(Math.sqrt(sse / test.length)).toBeLessThan(0.5 * NOISE);
  });

  it('sets mu to the training mean and reports every iteration with falling train RMSE', () => {
    let s = 0;
    for (let k = 0; k < train.length; k++) s += train.ratings[k];
    expect(model.mu).toBeCloseTo(s / train.length, 10);
    expect(reports.map((r) => r.iteration)).toEqual(Array.from({ length: 15 }, (_, k) => k + 1));
    expect(reports.every((r) => r.iterations === 15 && r.seconds >= 0)).toBe(true);
    for (let k = 1; k < 4; k++) expect(reports[k].trainRmse).toBeLessThan(reports[k - 1].trainRmse);
    for (let k = 1; k < 15; k++) expect(reports[k].trainRmse).toBeLessThan(reports[k - 1].trainRmse + 1e-4);
    expect(reports[14].trainRmse).toBeLessThan(NOISE);
    expect(reports[0].trainRmse).toBeGreaterThan(reports[14].trainRmse);
    // The reported train RMSE is the RMSE of the returned model.
    expect(reports[14].trainRmse).toBeCloseTo(rmse(predictor(model), train), 6);
    expect(reports[14].validationRmse).toBeCloseTo(rmse(predictor(model), test), 6);
  });

  const tempered: AlsParams = { ...params, lambda: 0.05, lambdaExponent: 0.5, iterations: 5 };
  const temperedModel = trainAls(matrix, tempered);
  it.each([
    ['λ·n (ALS-WR)', params, model],
    ['λ·n^0.5', tempered, temperedModel],
  ] as const)('ends with item rows solving their normal equations against the final user tables, %s (ml-matrix oracle)', (_name, params, model) => {
    const k = params.rank + 1;
    for (const item of [0, 17, 199]) {
      const { indptr, indices, values } = matrix.byItem;
      const n = indptr[item + 1] - indptr[item];
      const X = Matrix.zeros(n, k);
      const t: number[] = [];
      for (let p = indptr[item]; p < indptr[item + 1]; p++) {
        const u = indices[p];
        for (let j = 0; j < params.rank; j++) X.set(p - indptr[item], j, model.userFactors[u * params.rank + j]);
        X.set(p - indptr[item], params.rank, 1);
        t.push(values[p] - model.mu - model.userBias[u]);
      }
      const A = X.transpose().mmul(X);
      for (let j = 0; j < params.rank; j++) A.set(j, j, A.get(j, j) + params.lambda * n ** (params.lambdaExponent ?? 1));
      A.set(params.rank, params.rank, A.get(params.rank, params.rank) + params.biasLambda);
      const x = solve(A, X.transpose().mmul(Matrix.columnVector(t))).getColumn(0);
      for (let j = 0; j < params.rank; j++) expect(model.itemFactors[item * params.rank + j]).toBeCloseTo(x[j], 5);
      expect(model.itemBias[item]).toBeCloseTo(x[params.rank], 5);
    }
  });
});

describe('trainAls determinism and edge cases', () => {
  const small: AlsParams = { rank: 3, lambda: 0.05, biasLambda: 2, iterations: 4, seed: 9 };

  it('gives bit-identical tables for the same seed and different factors for another seed', () => {
    const a = trainAls(matrix, small);
    const b = trainAls(matrix, small);
    const c = trainAls(matrix, { ...small, seed: 10 });
    for (const key of ['userFactors', 'itemFactors', 'userBias', 'itemBias'] as const) {
      expect(Buffer.from(a[key].buffer).equals(Buffer.from(b[key].buffer))).toBe(true);
    }
    expect(a.mu).toBe(b.mu);
    let maxDiff = 0;
    for (let k = 0; k < a.itemFactors.length; k++) maxDiff = Math.max(maxDiff, Math.abs(a.itemFactors[k] - c.itemFactors[k]));
    expect(maxDiff).toBeGreaterThan(1e-3);
    expect(a.params).toEqual(small);
  });

  it('gives zero factors and bias to users and items without ratings', () => {
    // 3 users, 4 items; user 1 and item 2 have no ratings.
    const cols = {
      users: Int32Array.from([0, 0, 2, 2, 0]),
      items: Int32Array.from([0, 1, 0, 3, 3]),
      ratings: Float32Array.from([4, 3, 5, 2, 1]),
      length: 5,
    };
    const m: RatingMatrix = buildCsr(cols, 3, 4);
    const model = trainAls(m, { rank: 2, lambda: 0.1, biasLambda: 1, iterations: 3, seed: 1 });
    expect(model.mu).toBeCloseTo(3, 10);
    expect(Array.from(model.userFactors.subarray(2, 4))).toEqual([0, 0]);
    expect(model.userBias[1]).toBe(0);
    expect(Array.from(model.itemFactors.subarray(4, 6))).toEqual([0, 0]);
    expect(model.itemBias[2]).toBe(0);
    expect(model.userBias[0]).not.toBe(0);
  });

  it('rejects bad parameters', () => {
    expect(() => trainAls(matrix, { ...small, rank: 0 })).toThrow(RangeError);
    expect(() => trainAls(matrix, { ...small, lambda: -1 })).toThrow(RangeError);
    expect(() => trainAls(matrix, { ...small, iterations: 1.5 })).toThrow(RangeError);
    expect(() => trainAls(matrix, { ...small, lambdaExponent: -1 })).toThrow(RangeError);
  });

  it('exports sane defaults', () => {
    expect(explicitDefaults.rank).toBeGreaterThanOrEqual(4);
    expect(explicitDefaults.lambda).toBeGreaterThan(0);
    expect(explicitDefaults.iterations).toBeGreaterThan(0);
    expect(Object.isFrozen(explicitDefaults)).toBe(true);
  });
});

describe('trainAls cancellation', () => {
  for (const stopAt of [1, 2, 3, 4, 5]) {
    it(`throws TrainingCancelled when shouldStop first returns true on poll ${stopAt}`, () => {
      let polls = 0;
      const seen: number[] = [];
      const run = (): unknown =>
        trainAls(matrix, { rank: 3, lambda: 0.05, biasLambda: 1, iterations: 10, seed: 1 }, {
          shouldStop: () => ++polls >= stopAt,
          onIteration: (i) => seen.push(i.iteration),
        });
      expect(run).toThrow(TrainingCancelled);
      expect(polls).toBe(stopAt);
      // Two polls per iteration (before each half-step); completed iterations were reported.
      expect(seen.length).toBe(Math.floor((stopAt - 1) / 2));
    });
  }

  it('TrainingCancelled is an Error with its own name', () => {
    const e = new TrainingCancelled();
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('TrainingCancelled');
  });
});
