// Unit tests for baselines, metrics, Bayesian averages and the popularity list on hand-computed examples.

import { describe, expect, it } from 'vitest';
import { bayesianAverage, fitBiasBaseline, fitGlobalMean, globalMean, popularityRanking } from '../../../../src/engine/als/baselines';
import { mae, rmse } from '../../../../src/engine/als/metrics';

const cols = {
  users: Int32Array.from([0, 0, 1, 1, 2]),
  items: Int32Array.from([0, 1, 0, 2, 0]),
  ratings: Float32Array.from([4, 2, 5, 3, 1]),
  length: 5,
};

describe('global mean and metrics', () => {
  it('computes mean, RMSE and MAE by hand', () => {
    expect(globalMean(cols)).toBe(3);
    const g = fitGlobalMean(cols);
    expect(g.predict(0, 0)).toBe(3);
    // errors 1, -1, 2, 0, -2
    expect(rmse(g.predict, cols)).toBeCloseTo(Math.sqrt(2), 12);
    expect(mae(g.predict, cols)).toBeCloseTo(1.2, 12);
    const empty = { users: new Int32Array(0), items: new Int32Array(0), ratings: new Float32Array(0), length: 0 };
    expect(rmse(g.predict, empty)).toBeNaN();
    expect(globalMean(empty)).toBe(0);
  });
});

describe('damped bias baseline', () => {
  it('matches hand-computed item then user biases', () => {
    const m = fitBiasBaseline(cols, 4, 3, { itemDamping: 1, userDamping: 2 });
    expect(m.mu).toBe(3);
    // item 0: residuals 1, 2, -2 → 1/(3+1); item 1: -1/(1+1); item 2: 0
    expect(Array.from(m.itemBias)).toEqual([0.25, -0.5, 0]);
    // user 0: (0.75 - 0.5)/(2+2); user 1: (1.75 + 0)/(2+2); user 2: -2.25/(1+2); user 3: none
    expect(m.userBias[0]).toBeCloseTo(0.0625, 12);
    expect(m.userBias[1]).toBeCloseTo(0.4375, 12);
    expect(m.userBias[2]).toBeCloseTo(-0.75, 12);
    expect(m.userBias[3]).toBe(0);
    expect(m.predict(1, 1)).toBeCloseTo(2.9375, 12);
    expect(m.predict(9, 9)).toBe(3);
    // RMSE of the fit: predictions 3.3125, 2.5625, 3.6875, 3.4375, 2.5
    const e = [4 - 3.3125, 2 - 2.5625, 5 - 3.6875, 3 - 3.4375, 1 - 2.5];
    expect(rmse(m.predict, cols)).toBeCloseTo(Math.sqrt(e.reduce((a, x) => a + x * x, 0) / 5), 12);
  });

  it('without damping reproduces plain means', () => {
    const m = fitBiasBaseline(cols, 3, 3, { itemDamping: 0, userDamping: 0 });
    expect(m.itemBias[0]).toBeCloseTo(1 / 3, 12);
    expect(m.itemBias[1]).toBe(-1);
    expect(m.userBias[2]).toBeCloseTo(1 - 3 - 1 / 3, 12);
  });
});

describe('bayesianAverage and popularityRanking', () => {
  it('damps toward the global mean', () => {
    expect(bayesianAverage(9, 2, 3, 4)).toBe(3.5);
    expect(bayesianAverage(0, 0, 3.2, 0)).toBe(3.2);
    expect(bayesianAverage(50, 10, 3, 0)).toBe(5);
  });

  it('ranks by damped mean with minCount, exclusions and unrated items left out', () => {
    const counts = Int32Array.from([3, 1, 1, 0, 10]);
    const sums = Float64Array.from([10, 5, 2, 0, 30]);
    // damped means with damping 2, mean 3: 16/5=3.2, 11/3, 8/3, -, 36/12=3
    const top = popularityRanking(counts, sums, 3, { damping: 2, minCount: 1, n: 3 });
    expect(top.map((s) => s.item)).toEqual([1, 0, 4]);
    expect(top[0].score).toBeCloseTo(11 / 3, 12);
    expect(top[1].score).toBeCloseTo(3.2, 12);
    expect(top[2].score).toBeCloseTo(3, 12);
    expect(popularityRanking(counts, sums, 3, { damping: 2, minCount: 2, n: 10 }).map((s) => s.item)).toEqual([0, 4]);
    expect(popularityRanking(counts, sums, 3, { damping: 2, minCount: 0, n: 10, exclude: [0] }).map((s) => s.item)).toEqual([1, 4, 2]);
    expect(popularityRanking(counts, sums, 3, { damping: 2, minCount: 0, n: 10, exclude: new Set([1, 4]) }).map((s) => s.item)).toEqual([0, 2]);
  });
});
