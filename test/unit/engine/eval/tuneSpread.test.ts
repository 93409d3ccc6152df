// The tuning table's spread and ties (one-standard-error rule): hand-computed means, standard deviations and
// thresholds; a real search on planted data where a clearly better rank wins and two nearly equal λ values tie.
import { describe, expect, test } from 'vitest';
import { sampleSd, standardError, tuneSpread } from '../../../../src/engine/eval/tuneSpread';
import { tune } from '../../../../src/engine/eval/tune';
import { plantedLowRank } from '../../../../src/engine/synth';

describe('tuneSpread', () => {
  test('mean ± sd per configuration; the threshold is the best mean’s standard error', () => {
    const best = [0.84, 0.85, 0.83]; // mean 0.84, sd 0.01, se 0.01/√3 = 0.005774
    const [b, near, far] = tuneSpread([{ folds: best }, { folds: [0.85, 0.845, 0.84] }, { folds: [0.85, 0.86, 0.84] }]);
    expect(b.mean).toBeCloseTo(0.84, 12);
    expect(b.sd).toBeCloseTo(0.01, 12);
    expect(b).toMatchObject({ diff: 0, tie: true });
    expect(standardError(best)).toBeCloseTo(0.01 / Math.sqrt(3), 12);
    expect(near.mean).toBeCloseTo(0.845, 12); // 0.005 above: within 0.005774
    expect(near.sd).toBeCloseTo(0.005, 12);
    expect(near.tie).toBe(true);
    expect(far.diff).toBeCloseTo(0.01, 12); // 0.01 above: beyond it
    expect(far.tie).toBe(false);
  });

  test('the issue’s “winner by 0.0004” on ml-latest-small-sized fold spreads is a tie', () => {
    const best = [0.8401, 0.8502, 0.8447, 0.8390, 0.8495]; // sd 0.00519, se 0.00232
    const other = best.map((x) => x + 0.0004);
    const [, o] = tuneSpread([{ folds: best }, { folds: other }]);
    expect(o.diff).toBeCloseTo(0.0004, 12);
    expect(standardError(best)).toBeCloseTo(sampleSd(best) / Math.sqrt(5), 15);
    expect(standardError(best)).toBeGreaterThan(0.002);
    expect(o.tie).toBe(true);
  });

  test('one fold: no spread, so only an equal score ties; no results: nothing', () => {
    expect(tuneSpread([{ folds: [0.9] }, { folds: [0.9] }, { folds: [0.91] }]).map((s) => s.tie)).toEqual([true, true, false]);
    expect(sampleSd([0.9])).toBe(0);
    expect(tuneSpread([])).toEqual([]);
  });
});

describe('ties in a real cross-validated search', () => {
  test('rank 3 on rank-3 planted data beats rank 1 beyond the spread; λ 0.5 and 0.5001 tie', () => {
    const data = plantedLowRank({ users: 200, items: 100, rank: 3, density: 0.3, noise: 0.3, seed: 9, clamp: true });
    const results = tune(data.columns, 200, 100, { rank: [1, 3], lambda: [0.5, 0.5001], lambdaExponent: [1], biasLambda: [1], iterations: [6] }, { folds: 4, seed: 42 });
    const spread = tuneSpread(results.map((r) => ({ folds: r.foldRmse })));
    expect(results.map((r) => r.params.rank)).toEqual([3, 3, 1, 1]);
    expect(spread.map((s) => s.tie)).toEqual([true, true, false, false]);
    // The mean is the table's CV RMSE.
    results.forEach((r, k) => expect(spread[k].mean).toBeCloseTo(r.rmse, 12));
    expect(spread[2].diff).toBeGreaterThan(standardError(results[0].foldRmse));
    console.log(`planted rank 3: ${results.map((r, k) => `rank ${r.params.rank} λ ${r.params.lambda}: ${spread[k].mean.toFixed(4)} ± ${spread[k].sd.toFixed(4)}${spread[k].tie ? ' (tie)' : ''}`).join('; ')}`);
  });
});
