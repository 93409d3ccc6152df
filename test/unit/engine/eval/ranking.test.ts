// Ranking metrics on hand-computed cases: precision, recall, NDCG, coverage, training items excluded.
import { describe, expect, test } from 'vitest';
import { listMetrics, popularityOf, rankingMetrics, type UserScorer } from '../../../../src/engine/eval/ranking';
import type { RatingColumns } from '../../../../src/engine/types';

const cols = (rows: [number, number, number][]): RatingColumns => ({
  users: Int32Array.from(rows.map((r) => r[0])),
  items: Int32Array.from(rows.map((r) => r[1])),
  ratings: Float32Array.from(rows.map((r) => r[2])),
  length: rows.length,
});

/** Fixed scores: item i scores 10 - i for everyone, so the ranking is 0, 1, 2, … minus training items. */
const byIndex: UserScorer = (_u, out) => {
  for (let i = 0; i < out.length; i++) out[i] = 10 - i;
};

describe('rankingMetrics', () => {
  test('hand-computed precision, recall and NDCG', () => {
    // User 0 trained on item 0; its ranking is 1, 2, 3, 4, …; relevant held-out items: 2 and 5 (item 3 rated 2 is not relevant).
    const train = cols([[0, 0, 5]]);
    const test = cols([
      [0, 2, 4.5],
      [0, 5, 4],
      [0, 3, 2],
    ]);
    const m = rankingMetrics(train, test, 1, 8, byIndex, { ks: [2, 5] });
    expect(m.users).toBe(1);
    expect(m['precision@2']).toBeCloseTo(1 / 2, 12); // top 2 = [1, 2]: one hit
    expect(m['recall@2']).toBeCloseTo(1 / 2, 12);
    expect(m['ndcg@2']).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
    expect(m['precision@5']).toBeCloseTo(2 / 5, 12); // top 5 = [1, 2, 3, 4, 5]: hits at ranks 2 and 5
    expect(m['recall@5']).toBe(1);
    expect(m['ndcg@5']).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(6)) / (1 + 1 / Math.log2(3)), 12);
    expect(m['coverage@2']).toBeCloseTo(2 / 8, 12);
  });

  test('users without a relevant held-out rating are not counted; training items never count as hits', () => {
    const train = cols([
      [0, 0, 5],
      [1, 1, 5],
    ]);
    const test = cols([
      [0, 1, 5],
      [1, 0, 3],
    ]);
    const m = rankingMetrics(train, test, 2, 4, byIndex, { ks: [1] });
    expect(m.users).toBe(1);
    expect(m['precision@1']).toBe(1); // user 0: item 0 excluded, so item 1 is first
    expect(m['ndcg@1']).toBe(1);
    expect(m['coverage@1']).toBe(0.25);
  });

  test('a perfect scorer reaches NDCG 1 and a reversed one scores lower', () => {
    const test = cols([
      [0, 6, 5],
      [0, 7, 5],
    ]);
    const perfect: UserScorer = (_u, out) => out.forEach((_, i) => (out[i] = i));
    const good = rankingMetrics(cols([]), test, 1, 8, perfect, { ks: [2] });
    const bad = rankingMetrics(cols([]), test, 1, 8, byIndex, { ks: [2] });
    expect(good['ndcg@2']).toBe(1);
    expect(good['recall@2']).toBe(1);
    expect(bad['ndcg@2']).toBe(0);
  });

  test('novelty and popularity rank of the listed movies, hand-computed; a user subset scores only those users', () => {
    // Training: item 0 rated by users 0–2, item 1 by users 0–1, item 2 by user 0; 3 users.
    const train = cols([
      [0, 0, 4],
      [1, 0, 4],
      [2, 0, 4],
      [0, 1, 4],
      [1, 1, 4],
      [0, 2, 4],
    ]);
    const { selfInfo, popRank } = popularityOf(train, 3, 4);
    expect(Array.from(popRank)).toEqual([1, 2, 3, 4]);
    expect(selfInfo[0]).toBeCloseTo(Math.log2(4 / 4), 12);
    expect(selfInfo[3]).toBeCloseTo(Math.log2(4 / 1), 12);
    // User 2 lists [3, 1]: novelty (log2 4 + log2 4/3)/2, mean popularity rank (4 + 2)/2.
    const test = cols([[2, 1, 5]]);
    const m = listMetrics(train, test, 3, 4, () => [3, 1], { ks: [2], users: [2] });
    expect(m.users).toBe(1);
    expect(m['novelty@2']).toBeCloseTo((2 + Math.log2(4 / 3)) / 2, 12);
    expect(m['popRank@2']).toBe(3);
    expect(m['recall@2']).toBe(1);
    expect(listMetrics(train, test, 3, 4, () => [3, 1], { ks: [2], users: [0, 1] }).users).toBe(0);
    // Mean release year of the listed movies that have one (item 1 has none).
    expect(listMetrics(train, test, 3, 4, () => [3, 1], { ks: [2], years: [1990, -1, 2000, 2010] })['year@2']).toBe(2010);
  });
});
