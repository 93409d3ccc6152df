// Explanations add up exactly to the personal part of a score; similar movies are cosine neighbours; model files round-trip.
import { describe, expect, test } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { trainAls } from '../../../../src/engine/als/train';
import { explicitDefaults } from '../../../../src/engine/defaults/explicitDefaults';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { predict } from '../../../../src/engine/als/recommend';
import { explainScore, explainScores } from '../../../../src/engine/als/explain';
import { itemNorms, similarItems } from '../../../../src/engine/als/similar';
import { plantedLowRank } from '../../../../src/engine/synth';
import { asAlsModel, decodeModel, encodeModel, type PortableModel } from '../../../../src/engine/model/modelFile';
import { ImportError } from '../../../../src/engine/movielens/errors';

const data = plantedLowRank({ users: 150, items: 80, rank: 3, density: 0.3, noise: 0.3, seed: 4, clamp: true });
const model = trainAls(buildCsr(data.columns, data.nUsers, data.nItems), { ...explicitDefaults, rank: 8, iterations: 6 });

describe('explainScore', () => {
  test.each([3, 12, 40])('shares of %i ratings sum to the folded-in score minus μ and the item bias', (n) => {
    const items = Array.from({ length: n }, (_, j) => (j * 7) % data.nItems);
    const ratings = items.map((_, j) => 0.5 + ((j * 3) % 10) / 2);
    const user = foldIn(model, items, ratings);
    for (const target of [0, 33, 79]) {
      const shares = explainScore(model, items, ratings, target);
      expect(shares).toHaveLength(n);
      const sum = shares.reduce((s, c) => s + c.share, 0);
      expect(sum).toBeCloseTo(predict(model, user, target) - model.mu - model.itemBias[target], 5);
      for (let j = 1; j < shares.length; j++) expect(shares[j - 1].share).toBeGreaterThanOrEqual(shares[j].share);
    }
  });

  test('several targets at once give the same shares as one at a time', () => {
    const items = [1, 5, 9, 14];
    const ratings = [5, 2, 4.5, 1];
    const all = explainScores(model, items, ratings, [0, 20, 40]);
    expect(all).toEqual([0, 20, 40].map((t) => explainScore(model, items, ratings, t)));
  });

  test.each([3, 12, 40])('implicit (iALS): shares of %i watches sum to the whole watch score, largest first', (n) => {
    const implicit = trainAls(buildCsr(data.columns, data.nUsers, data.nItems), { ...explicitDefaults, objective: 'implicit', rank: 8, iterations: 6 });
    const items = Array.from({ length: n }, (_, j) => (j * 7) % data.nItems);
    const ratings = items.map((_, j) => 0.5 + ((j * 3) % 10) / 2);
    const user = foldIn(implicit, items, ratings);
    for (const target of [0, 33, 79]) {
      const shares = explainScore(implicit, items, ratings, target);
      expect(shares).toHaveLength(n);
      let score = 0;
      for (let f = 0; f < implicit.rank; f++) score += user.factors[f] * implicit.itemFactors[target * implicit.rank + f];
      expect(shares.reduce((s, c) => s + c.share, 0)).toBeCloseTo(score, 6);
      for (let j = 1; j < shares.length; j++) expect(shares[j - 1].share).toBeGreaterThanOrEqual(shares[j].share);
    }
  });

  test('no ratings, no explanation', () => {
    expect(explainScore(model, [], [], 5)).toEqual([]);
  });
});

describe('similarItems', () => {
  test('matches a brute-force cosine ranking and respects filters', () => {
    const norms = itemNorms(model);
    const cos = (a: number, b: number) => {
      let d = 0;
      for (let f = 0; f < model.rank; f++) d += model.itemFactors[a * model.rank + f] * model.itemFactors[b * model.rank + f];
      return d / (norms[a] * norms[b]);
    };
    const brute = Array.from({ length: data.nItems }, (_, j) => j)
      .filter((j) => j !== 10)
      .sort((a, b) => cos(10, b) - cos(10, a) || a - b)
      .slice(0, 5);
    const got = similarItems(model, 10, { n: 5, norms });
    expect(got.map((s) => s.item)).toEqual(brute);
    expect(got[0].score).toBeCloseTo(cos(10, brute[0]), 5);
    expect(got[0].score).toBeLessThanOrEqual(1 + 1e-6);
    const filtered = similarItems(model, 10, { n: 5, norms, exclude: [brute[0]] });
    expect(filtered.map((s) => s.item)).not.toContain(brute[0]);
    expect(filtered.map((s) => s.item)).not.toContain(10);
  });
});

describe('model file', () => {
  const portable: PortableModel = {
    dataset: 'planted',
    params: model.params,
    mu: model.mu,
    rank: model.rank,
    trainedAt: '2026-11-23T00:00:00.000Z',
    movies: Array.from({ length: data.nItems }, (_, i) => ({ movieId: i * 3 + 1, title: `Movie ${i}`, year: 2000, genres: ['Drama'], count: 10, mean: 3.5 })),
    itemBias: model.itemBias,
    itemFactors: model.itemFactors,
    metrics: { rmse: 0.5 },
  };

  test('round-trips exactly and folds in the same user vector', () => {
    const back = decodeModel(encodeModel(portable));
    expect(back.itemFactors).toEqual(model.itemFactors);
    expect(back.itemBias).toEqual(model.itemBias);
    expect(back.movies[79]).toEqual(portable.movies[79]);
    expect(back.params).toEqual(model.params);
    const a = foldIn(model, [1, 2, 3], [5, 1, 4]);
    const b = foldIn(asAlsModel(back), [1, 2, 3], [5, 1, 4]);
    expect(Array.from(b.factors)).toEqual(Array.from(a.factors));
  });

  test('rejects foreign and truncated files with a clear message', () => {
    const bytes = encodeModel(portable);
    expect(() => decodeModel(new TextEncoder().encode('{"hello": 1}'), 'm.bin')).toThrow(new ImportError('m.bin', undefined, 'expected a PocketLens model file (it does not start with "PLMODEL1")'));
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 8), 'm.bin')).toThrow(/m\.bin: expected 720 float32 values for 80 movies at rank 8/);
  });
});
