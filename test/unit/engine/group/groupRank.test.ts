// Group ranking: hand-computed average and least misery, exclusions, a brute-force oracle, and a real model's own list and stars.
import fc from 'fast-check';
import { fuzzParams } from '../../../fuzz';
import { describe, expect, test } from 'vitest';
import { buildCsr } from '../../../../src/engine/als/csr';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { clampStars, predict, topN } from '../../../../src/engine/als/recommend';
import { trainAls } from '../../../../src/engine/als/train';
import {
  combine,
  defaultGroupScorer,
  groupCandidates,
  modelScorer,
  normalizeScores,
  rankForGroup,
  topForGroup,
  toModelMember,
  type MemberInModel,
  type MemberScorer,
} from '../../../../src/engine/group/groupRank';
import { plantedLowRank } from '../../../../src/engine/synth';

const member = (items: number[], hidden: number[] = []): MemberInModel => ({
  items: Int32Array.from(items),
  ratings: Float32Array.from(items.map(() => 4)),
  hidden: Int32Array.from(hidden),
  unknown: 0,
});

/** Fixed score tables, one per member (told apart by the first rated item): the scorer the tests control. */
const tableScorer = (tables: Map<number, number[]>): MemberScorer => (m, out) => out.set(tables.get(m.items[0])!);

describe('hand-computed: two people who want different things', () => {
  // A rated item 0, B rated item 6 and hid item 5; candidates 1–4. Over them A scores 10, 8, 0, 2 (mean 5, sd √17)
  // and B 0, 6, 10, 4 (mean 5, sd √13).
  const A = member([0]);
  const B = member([6], [5]);
  const scorer = tableScorer(
    new Map([
      [0, [99, 10, 8, 0, 2, 99, 99]],
      [6, [99, 0, 6, 10, 4, 99, 99]],
    ]),
  );
  const za = [5, 3, -5, -3].map((d) => d / Math.sqrt(17));
  const zb = [-5, 1, 5, -1].map((d) => d / Math.sqrt(13));

  test('average: the mean of the standardized scores ranks 2, 3, 1, 4', () => {
    const r = rankForGroup([A, B], { nItems: 7, scorer, rule: 'average', n: 10 });
    expect(r.candidates).toBe(4);
    expect(r.picks.map((p) => p.item)).toEqual([2, 3, 1, 4]);
    r.picks.forEach((p) => {
      const k = p.item - 1;
      expect(p.score).toBeCloseTo((za[k] + zb[k]) / 2, 6);
      expect(p.members.map((m) => m.normalized)).toEqual([expect.closeTo(za[k], 6), expect.closeTo(zb[k], 6)]);
      expect(p.members.every((m) => m.stars === null)).toBe(true);
    });
  });

  test('least misery: the lower of the two ranks 2, 4, 3, 1 (nobody gets their worst), and each pick carries both scores', () => {
    const r = rankForGroup([A, B], { nItems: 7, scorer, rule: 'misery', n: 10 });
    expect(r.rule).toBe('misery');
    expect(r.picks.map((p) => p.item)).toEqual([2, 4, 3, 1]);
    expect(r.picks[0].scores.misery).toBeCloseTo(Math.min(za[1], zb[1]), 6);
    expect(r.picks[0].scores.average).toBeCloseTo((za[1] + zb[1]) / 2, 6);
  });

  test('nothing either rated or hid, nothing excluded or too rare, and only n picks', () => {
    const counts = [50, 50, 50, 3, 50, 50, 50];
    const r = rankForGroup([A, B], { nItems: 7, scorer, rule: 'average', n: 2, exclude: [2], minCount: 10, counts });
    expect(r.picks.map((p) => p.item)).toEqual([1, 4]);
    expect(r.candidates).toBe(2);
    expect([...groupCandidates([A, B], 7)]).toEqual([0, 1, 1, 1, 1, 0, 0]);
    expect(() => groupCandidates([A], 7, { minCount: 5 })).toThrow('minCount needs counts');
  });

  test('a member whose scores do not vary counts as indifferent (all 0), not as NaN', () => {
    const flat = normalizeScores(Float32Array.from([3, 3, 3, 3]), Uint8Array.from([1, 1, 1, 0]));
    expect([...flat]).toEqual([0, 0, 0, 0]);
  });

  test('1 to 8 members', () => {
    expect(() => rankForGroup([], { nItems: 7, scorer, rule: 'average', n: 3 })).toThrow('a group has 1 to 8 members, got 0');
    expect(() => rankForGroup(Array.from({ length: 9 }, () => A), { nItems: 7, scorer, rule: 'average', n: 3 })).toThrow('got 9');
  });
});

describe('topForGroup equals sorting every candidate by its combined score (brute force)', () => {
  test('any scores, 1–4 members, either rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((size) =>
          fc.tuple(
            fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 30, maxLength: 30 }), { minLength: size, maxLength: size }),
            fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
            fc.constantFrom('average' as const, 'misery' as const),
            fc.integer({ min: 1, max: 12 }),
          ),
        ),
        ([tables, keep, rule, n]) => {
          const candidates = Uint8Array.from(keep.map((b) => (b ? 1 : 0)));
          const normalized = tables.map((t) => normalizeScores(t, candidates));
          const brute = [...candidates.keys()]
            .filter((i) => candidates[i])
            .map((item) => ({ item, score: combine(normalized, item, rule) }))
            .sort((a, b) => b.score - a.score || a.item - b.item)
            .slice(0, n);
          expect(topForGroup(normalized, candidates, rule, n)).toEqual(brute);
        },
      ),
      fuzzParams(300),
    );
  });
});

describe('with trained models (planted low-rank data)', () => {
  const data = plantedLowRank({ users: 150, items: 120, rank: 3, density: 0.2, noise: 0.4, seed: 8 });
  const matrix = buildCsr(data.columns, data.nUsers, data.nItems);
  const explicit = trainAls(matrix, { rank: 6, lambda: 0.3, biasLambda: 3, lambdaExponent: 0.5, iterations: 6, seed: 4 });
  const implicit = trainAls(matrix, { rank: 6, lambda: 1, biasLambda: 0, iterations: 6, seed: 4, objective: 'implicit', implicitAlpha: 1 });
  const of = (u: number): MemberInModel => {
    const { indptr, indices, values } = matrix.byUser;
    return { items: indices.slice(indptr[u], indptr[u + 1]), ratings: values.slice(indptr[u], indptr[u + 1]), hidden: new Int32Array(0), unknown: 0 };
  };

  test("a group of one is that person's own list: the model's top N in the same order", () => {
    for (const model of [explicit, implicit]) {
      for (const u of [0, 7, 42]) {
        const m = of(u);
        const own = topN(model, foldIn(model, m.items, m.ratings), { n: 15, exclude: m.items });
        const group = rankForGroup([m], { nItems: data.nItems, scorer: modelScorer(model), rule: 'average', n: 15 });
        expect(group.picks.map((p) => p.item)).toEqual(own.map((o) => o.item));
      }
    }
  });

  test("each member's stars are the explicit model's prediction for them, clamped to 0.5–5", () => {
    const members = [of(3), of(9), of(27)];
    const r = rankForGroup(members, { nItems: data.nItems, scorer: modelScorer(implicit), rule: 'misery', n: 10, starsModel: explicit });
    expect(r.picks).toHaveLength(10);
    const vectors = members.map((m) => foldIn(explicit, m.items, m.ratings));
    for (const p of r.picks) {
      p.members.forEach((x, k) => expect(x.stars).toBe(clampStars(predict(explicit, vectors[k], p.item))));
      for (const m of members) expect([...m.items]).not.toContain(p.item);
    }
    // An implicit model scores watches, not stars: given as starsModel it gives no stars.
    const noStars = rankForGroup(members, { nItems: data.nItems, scorer: modelScorer(implicit), rule: 'misery', n: 3, starsModel: implicit });
    expect(noStars.picks.flatMap((p) => p.members.map((x) => x.stars))).toEqual(Array(9).fill(null));
  });

  test('the default scorer is the implicit model when there is one, else the explicit one', () => {
    expect(defaultGroupScorer({ implicit, explicit })?.objective).toBe('implicit');
    expect(defaultGroupScorer({ implicit: null, explicit })?.objective).toBe('explicit');
    expect(defaultGroupScorer({ implicit: null, explicit: null })).toBeNull();
  });
});

test('toModelMember maps movieIds to catalogue rows and counts the ones it lacks', () => {
  const byMovieId = new Map([
    [1, 0],
    [2571, 1],
    [296, 2],
  ]);
  const m = toModelMember({ ratings: [{ movieId: 2571, rating: 4.5 }, { movieId: 999999, rating: 3 }, { movieId: 1, rating: 2 }], hidden: [296, 123456] }, byMovieId);
  expect([...m.items]).toEqual([1, 0]);
  expect([...m.ratings]).toEqual([4.5, 2]);
  expect([...m.hidden]).toEqual([2]);
  expect(m.unknown).toBe(2);
});
