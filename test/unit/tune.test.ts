// Tuning picks the candidate with the lowest cross-validated RMSE; random search samples reproducibly.
import { describe, expect, test } from 'vitest';
import { gridOf, tune } from '../../src/engine/eval/tune';
import { crossValidate } from '../../src/engine/eval/evaluate';
import { plantedLowRank } from '../../src/engine/synth';
import { readPersonRatings } from '../../src/cli/commands/recommend';

const data = plantedLowRank({ users: 200, items: 100, rank: 3, density: 0.3, noise: 0.3, seed: 9, clamp: true });
const space = { rank: [1, 4], lambda: [0.05, 5], lambdaExponent: [1], biasLambda: [1], iterations: [6] };

describe('tune', () => {
  test('ranks candidates by CV RMSE; the planted rank with light regularization wins', () => {
    const results = tune(data.columns, data.nUsers, data.nItems, space, { folds: 3, seed: 1 });
    expect(results).toHaveLength(4);
    for (let k = 1; k < results.length; k++) expect(results[k - 1].rmse).toBeLessThanOrEqual(results[k].rmse);
    expect(results[0].params).toMatchObject({ rank: 4, lambda: 0.05 });
    const again = crossValidate(data.columns, data.nUsers, data.nItems, results[0].params, 3, 1);
    expect(again.rmse).toBe(results[0].rmse);
    expect(results[0].foldRmse).toHaveLength(3);
  });

  test('random search evaluates the requested number of distinct candidates, the same ones for the same seed', () => {
    const a = tune(data.columns, data.nUsers, data.nItems, space, { folds: 2, seed: 5, sample: 2 });
    const b = tune(data.columns, data.nUsers, data.nItems, space, { folds: 2, seed: 5, sample: 2 });
    expect(a).toHaveLength(2);
    expect(a.map((r) => r.params)).toEqual(b.map((r) => r.params));
    expect(new Set(a.map((r) => JSON.stringify(r.params))).size).toBe(2);
    expect(gridOf(space, 5)).toHaveLength(4);
  });
});

describe('readPersonRatings', () => {
  test('reads MovieLens ratings.csv layout and a minimal movieId,rating file', () => {
    expect(readPersonRatings('userId,movieId,rating,timestamp\r\n1,356,5.0,0\r\n1,318,4.5,0\r\n', 'my.csv')).toEqual([
      { movieId: 356, rating: 5 },
      { movieId: 318, rating: 4.5 },
    ]);
    expect(readPersonRatings('\uFEFFmovieId,rating\n1,3\n', 'my.csv')).toEqual([{ movieId: 1, rating: 3 }]);
  });
  test('bad rows name the file and line', () => {
    expect(() => readPersonRatings('movie,stars\n1,3\n', 'my.csv')).toThrow('my.csv, line 1: expected a header with movieId and rating columns, found "movie,stars"');
    expect(() => readPersonRatings('movieId,rating\n1,3\n2,9\n', 'my.csv')).toThrow('my.csv, line 3: expected a rating from 0.5 to 5, found "9"');
  });
});
