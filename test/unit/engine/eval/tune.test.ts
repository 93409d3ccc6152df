// Tuning picks the candidate with the lowest cross-validated RMSE; random search samples reproducibly.
import { describe, expect, test } from 'vitest';
import { gridOf, tune } from '../../../../src/engine/eval/tune';
import { crossValidate, crossValidateRanking } from '../../../../src/engine/eval/evaluate';
import { plantedLowRank } from '../../../../src/engine/synth';
import { createRng } from '../../../../src/engine/als/random';
import type { RatingColumns } from '../../../../src/engine/types';
import { readPersonRatings } from '../../../../src/cli/commands/recommendCommand';

const data = plantedLowRank({ users: 200, items: 100, rank: 3, density: 0.3, noise: 0.3, seed: 9, clamp: true });
const space = { rank: [1, 4], lambda: [0.05, 5], lambdaExponent: [1], biasLambda: [1], iterations: [6] };

/** 200 people in 4 taste groups of 25 movies each: everyone watches 12 of their group's movies and 2 others, rated 4 to 5. */
function tasteGroups(): RatingColumns {
  const rng = createRng(3);
  const users: number[] = [];
  const items: number[] = [];
  const ratings: number[] = [];
  for (let u = 0; u < 200; u++) {
    const group = u % 4;
    const seen = new Set<number>();
    while (seen.size < 12) seen.add(group * 25 + rng.int(25));
    while (seen.size < 14) seen.add(rng.int(100));
    for (const i of seen) {
      users.push(u);
      items.push(i);
      ratings.push(4 + rng.int(3) / 2);
    }
  }
  return { users: Int32Array.from(users), items: Int32Array.from(items), ratings: Float32Array.from(ratings), length: users.length };
}

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

  test('implicit: candidates ranked by NDCG@10 over per-user holdouts (each alpha a candidate); 4 taste groups need rank 4', () => {
    const watched = tasteGroups();
    const implicitSpace = { ...space, lambda: [0.5], confidence: [1, 4] };
    expect(gridOf(implicitSpace, 1, 'implicit').map((p) => [p.rank, p.implicitAlpha, p.objective])).toEqual([
      [1, 1, 'implicit'],
      [1, 4, 'implicit'],
      [4, 1, 'implicit'],
      [4, 4, 'implicit'],
    ]);
    const results = tune(watched, 200, 100, implicitSpace, { folds: 2, seed: 1, objective: 'implicit' });
    expect(results).toHaveLength(4);
    for (let k = 1; k < results.length; k++) expect(results[k - 1]['ndcg@10']!).toBeGreaterThanOrEqual(results[k]['ndcg@10']!);
    expect(results[0].params.rank).toBe(4);
    expect(results[0]['ndcg@10']).toBeGreaterThan(results[3]['ndcg@10']! + 0.1);
    expect(Number.isNaN(results[0].rmse)).toBe(true); // no star error for scores that are not stars
    expect(crossValidateRanking(watched, 200, 100, results[0].params, 2, 1)['ndcg@10']).toBe(results[0]['ndcg@10']);
  });

  test("implicit-only knobs (α0, frequency scaling, star offset) multiply the grid for implicit and never appear in explicit params", () => {
    const knobs = { ...space, rank: [4], lambda: [0.5], confidence: [2], unobservedWeight: [1, 0.3], frequencyScaled: [false, true], starOffset: [0, 3] };
    const grid = gridOf(knobs, 1, 'implicit');
    expect(grid).toHaveLength(8);
    expect(grid[7]).toMatchObject({ objective: 'implicit', implicitAlpha: 2, unobservedWeight: 0.3, frequencyScaled: true, starOffset: 3 });
    for (const p of gridOf(knobs, 1)) expect(p).not.toHaveProperty('unobservedWeight');
    const results = tune(tasteGroups(), 200, 100, { ...knobs, unobservedWeight: [1], frequencyScaled: [false] }, { folds: 2, seed: 1, objective: 'implicit' });
    expect(results[0].tie).toBe(true);
    expect(results[0].foldNdcg).toHaveLength(2);
    expect(results[0].ndcgSd).toBeGreaterThanOrEqual(0);
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
    expect(readPersonRatings('movieId,rating\r\n1,3\n2,4\r\n', 'my.csv')).toEqual([
      { movieId: 1, rating: 3 },
      { movieId: 2, rating: 4 },
    ]); // CRLF and LF mixed
  });
  test('bad rows name the file and line', () => {
    expect(() => readPersonRatings('movie,stars\n1,3\n', 'my.csv')).toThrow('my.csv, line 1: expected a header with movieId and rating columns, found "movie,stars"');
    expect(() => readPersonRatings('movieId,rating\n1,3\n2,9\n', 'my.csv')).toThrow('my.csv, line 3: expected a rating from 0.5 to 5, found "9"');
  });
});
