// Unit tests for scoring: predict, clampStars, scoreAll and heap-based topN against a naive full sort.

import { describe, expect, it } from 'vitest';
import type { AlsModel, ScoredItem, UserVector } from '../../../../src/engine/types';
import { createRng } from '../../../../src/engine/als/random';
import { clampStars, predict, scoreAll, topN, userVectorOf } from '../../../../src/engine/als/recommend';

function randomModel(nItems: number, rank: number, seed: number): AlsModel {
  const rng = createRng(seed);
  return {
    rank,
    nUsers: 2,
    nItems,
    mu: 3.4,
    userBias: Float32Array.from([0.2, -0.1]),
    itemBias: new Float32Array(nItems).map(() => 0.4 * rng.normal()),
    userFactors: new Float32Array(2 * rank).map(() => 0.3 * rng.normal()),
    itemFactors: new Float32Array(nItems * rank).map(() => 0.3 * rng.normal()),
    params: { rank, lambda: 0.1, biasLambda: 1, iterations: 1, seed },
  };
}

function naiveTop(scores: Float32Array, n: number, keep: (i: number) => boolean): ScoredItem[] {
  const all: ScoredItem[] = [];
  scores.forEach((score, item) => {
    if (keep(item)) all.push({ item, score });
  });
  all.sort((a, b) => b.score - a.score || a.item - b.item);
  return all.slice(0, n);
}

describe('predict and scoreAll', () => {
  const model = randomModel(50, 5, 1);
  const user = userVectorOf(model, 1);

  it('predict is mu + b_u + b_i + p·q and scoreAll agrees in float32', () => {
    const i = 17;
    let expected = model.mu + model.userBias[1] + model.itemBias[i];
    for (let j = 0; j < 5; j++) expected += model.userFactors[5 + j] * model.itemFactors[i * 5 + j];
    expect(predict(model, user, i)).toBeCloseTo(expected, 10);
    const all = scoreAll(model, user);
    expect(all.length).toBe(50);
    for (let k = 0; k < 50; k++) expect(all[k]).toBe(Math.fround(predict(model, user, k)));
    const out = new Float32Array(60);
    expect(scoreAll(model, user, out)).toBe(out);
    expect(() => scoreAll(model, user, new Float32Array(10))).toThrow(RangeError);
  });

  it('clampStars clamps into [0.5, 5] or a given range', () => {
    expect(clampStars(7)).toBe(5);
    expect(clampStars(-1)).toBe(0.5);
    expect(clampStars(3.25)).toBe(3.25);
    expect(clampStars(11, 1, 10)).toBe(10);
  });
});

describe('topN', () => {
  const nItems = 5000;
  const model = randomModel(nItems, 16, 2);
  const rng = createRng(3);
  const user: UserVector = { bias: 0.1, factors: Float64Array.from({ length: 16 }, () => rng.normal()) };
  const scores = scoreAll(model, user);
  const exclude = Array.from({ length: 300 }, () => rng.int(nItems));
  // Exclude the 50 best items too, so exclusion really changes the answer.
  const best = naiveTop(scores, 50, () => true).map((s) => s.item);
  exclude.push(...best);
  const counts = Int32Array.from({ length: nItems }, () => rng.int(40));
  const excluded = new Set(exclude);

  it('equals a naive full sort of scoreAll with exclusions and minCount', () => {
    for (const n of [1, 10, 100, 777]) {
      const got = topN(model, user, { n, exclude, minCount: 10, counts });
      const want = naiveTop(scores, n, (i) => !excluded.has(i) && counts[i] >= 10);
      expect(got).toEqual(want);
      expect(got.length).toBe(n);
      for (const s of got) {
        expect(excluded.has(s.item)).toBe(false);
        expect(counts[s.item]).toBeGreaterThanOrEqual(10);
      }
      for (let k = 1; k < got.length; k++) expect(got[k - 1].score).toBeGreaterThanOrEqual(got[k].score);
    }
  });

  it('accepts a Set for exclude and works without filters', () => {
    expect(topN(model, user, { n: 25, exclude: excluded })).toEqual(topN(model, user, { n: 25, exclude }));
    expect(topN(model, user, { n: 25 })).toEqual(naiveTop(scores, 25, () => true));
    expect(topN(model, user, { n: 25 })[0].item).toBe(best[0]);
  });

  it('breaks ties by item index and returns everything available when n is large', () => {
    const tie: AlsModel = { ...randomModel(12, 1, 4), itemBias: new Float32Array(12), itemFactors: Float32Array.from([1, 2, 2, 1, 2, 0, 2, 1, 0, 2, 1, 2]) };
    const u: UserVector = { bias: 0, factors: Float64Array.from([1]) };
    const got = topN(tie, u, { n: 100, exclude: [3] });
    expect(got.map((s) => s.item)).toEqual([1, 2, 4, 6, 9, 11, 0, 7, 10, 5, 8]);
    expect(topN(tie, u, { n: 0 })).toEqual([]);
    expect(() => topN(tie, u, { n: 3, minCount: 2 })).toThrow(RangeError);
  });
});
