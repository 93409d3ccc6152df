// Movie-night evaluation: NDCG as rankingMetrics computes it, own lists equal the per-user metric, groups of one equal
// their own list, seeded draws, and group lists that serve members worse than their own lists.
import { describe, expect, test } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { trainAls } from '../../../../src/engine/als/train';
import { evaluateGroups, meanSd, ndcgAt } from '../../../../src/engine/eval/groupEval';
import { rankingMetrics } from '../../../../src/engine/eval/ranking';
import { perUserHoldout } from '../../../../src/engine/eval/userSplit';
import { modelScorer, type MemberInModel } from '../../../../src/engine/group/groupRank';
import { plantedLowRank } from '../../../../src/engine/synth';
import type { RatingColumns } from '../../../../src/engine/types';
import { loadDataset } from '../../../../src/cli/loadDataset';
import { sampleZipPath } from '../../../sample';

const data = plantedLowRank({ users: 200, items: 150, rank: 3, density: 0.2, noise: 0.4, seed: 21 });
const { train, test: held } = perUserHoldout(data.columns, data.nUsers, 0.2, 7);
// The planted signal is in the stars (which movies a user rated is random), so the explicit model ranks here.
const model = trainAls(buildCsr(train, data.nUsers, data.nItems), { rank: 6, lambda: 0.3, biasLambda: 3, lambdaExponent: 0.5, iterations: 8, seed: 4 });
const scorer = modelScorer(model);

/** The rows of one user. */
function only(cols: RatingColumns, u: number): RatingColumns {
  const keep = [...cols.users.keys()].filter((k) => cols.users[k] === u);
  return { users: Int32Array.from(keep, (k) => cols.users[k]), items: Int32Array.from(keep, (k) => cols.items[k]), ratings: Float32Array.from(keep, (k) => cols.ratings[k]), length: keep.length };
}

describe('evaluateGroups', () => {
  test('ndcgAt agrees with rankingMetrics on a hand-made ranking', () => {
    expect(ndcgAt(5, [1, 2, 3, 4, 5], new Set([2, 5]))).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(6)) / (1 + 1 / Math.log2(3)), 12);
    expect(ndcgAt(10, [7, 8], new Set([9]))).toBe(0);
    expect(meanSd([1, 2, 3, 4])).toEqual({ mean: 2.5, sd: Math.sqrt(5 / 3) });
  });

  test("a member's own NDCG@10 is exactly rankingMetrics' NDCG@10 for that user, and a group of one is their own list", () => {
    const report = evaluateGroups(train, held, data.nUsers, data.nItems, scorer, { sizes: [1], groups: 40, rules: ['average', 'misery'], seed: 3, details: true });
    expect(report.details).toHaveLength(40);
    for (const d of report.details!) {
      const u = d.users[0];
      const perUser = rankingMetrics(train, only(held, u), data.nUsers, data.nItems, (user, out) => {
        const { indptr, indices, values } = buildCsr(only(train, user), data.nUsers, data.nItems).byUser;
        const m: MemberInModel = { items: indices.slice(indptr[user], indptr[user + 1]), ratings: values.slice(indptr[user], indptr[user + 1]), hidden: new Int32Array(0), unknown: 0 };
        scorer(m, out);
      }, { ks: [10] });
      expect(perUser.users).toBe(1);
      expect(d.own[0]).toBeCloseTo(perUser['ndcg@10'], 12);
      expect(d.lists.average[0]).toBe(d.own[0]);
      expect(d.lists.misery[0]).toBe(d.own[0]);
    }
    const average = report.rows.find((r) => r.rule === 'average')!;
    expect(average).toMatchObject({ size: 1, groups: 40, members: 40, ratio: 1 });
    expect(average.worst).toEqual(average.group);
  });

  test('groups of 2–4: one row per size and list, every member measured, the least served at most the mean', () => {
    const report = evaluateGroups(train, held, data.nUsers, data.nItems, scorer, { sizes: [2, 3, 4], groups: 60, rules: ['average', 'misery'], seed: 5, details: true });
    expect(report.rows.map((r) => [r.size, r.rule, r.members])).toEqual([
      [2, 'average', 120],
      [2, 'misery', 120],
      [2, 'popularity', 120],
      [3, 'average', 180],
      [3, 'misery', 180],
      [3, 'popularity', 180],
      [4, 'average', 240],
      [4, 'misery', 240],
      [4, 'popularity', 240],
    ]);
    for (const r of report.rows) {
      expect(r.worst.mean).toBeLessThanOrEqual(r.group.mean);
      expect(r.ratio).toBeCloseTo(r.group.mean / r.own.mean, 12);
    }
    for (const d of report.details!) {
      expect(new Set(d.users).size).toBe(d.size);
      for (const list of Object.values(d.lists)) for (const x of list) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(1);
    }
  });

  test.runIf(sampleZipPath)('real users (ml-latest-small): a group list serves members less well than their own list, and the average list beats popularity for pairs (0.179 against 0.139 at rank 16)', async () => {
    const sample = await loadDataset(sampleZipPath!);
    const n = { users: sample.stats.users, items: sample.stats.movies };
    const split = perUserHoldout(sample.ratings, n.users, 0.2, 42);
    const iAls = trainAls(buildCsr(split.train, n.users, n.items), { rank: 16, lambda: 5, lambdaExponent: 0.4, biasLambda: 0, iterations: 6, seed: 42, objective: 'implicit', implicitAlpha: 1 });
    const report = evaluateGroups(split.train, split.test, n.users, n.items, modelScorer(iAls), { sizes: [2, 4], groups: 80, rules: ['average', 'misery'], seed: 42 });
    const row = (size: number, rule: string) => report.rows.find((r) => r.size === size && r.rule === rule)!;
    for (const r of report.rows) expect(r.group.mean).toBeLessThan(r.own.mean);
    expect(row(2, 'average').group.mean).toBeGreaterThan(row(2, 'popularity').group.mean);
    expect(row(4, 'average').group.mean).toBeLessThan(row(2, 'average').group.mean);
  });

  test('seeded: the same seed draws the same groups and numbers; another seed other groups', () => {
    const opts = { sizes: [3], groups: 15, rules: ['average'] as const, seed: 11, details: true };
    const a = evaluateGroups(train, held, data.nUsers, data.nItems, scorer, opts);
    expect(evaluateGroups(train, held, data.nUsers, data.nItems, scorer, opts)).toEqual(a);
    expect(evaluateGroups(train, held, data.nUsers, data.nItems, scorer, { ...opts, seed: 12 }).details!.map((d) => d.users)).not.toEqual(a.details!.map((d) => d.users));
  });

  test('too few users for a group, or a size that is not a whole number, is refused', () => {
    const two = only(held, 0);
    expect(() => evaluateGroups(train, two, data.nUsers, data.nItems, scorer, { sizes: [2], groups: 1, rules: ['average'], seed: 1 })).toThrow(/only 1 users have held-out ratings of 4\+ stars; a group of 2 needs more/);
    expect(() => evaluateGroups(train, held, data.nUsers, data.nItems, scorer, { sizes: [0], groups: 1, rules: ['average'], seed: 1 })).toThrow('group size must be a whole number from 1, got 0');
  });
});
