// The default ranker on planted taste groups: a group-2 person's list is group 2's movies, far above popularity and predicted stars.
import { describe, expect, test } from 'vitest';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import { perUserHoldout } from '../../../../src/engine/eval/userSplit';
import { compareRankers, type RankerMetrics } from '../../../../src/engine/eval/compareRankers';
import { trainRanker, type RankerParams } from '../../../../src/engine/ranker/ranker';
import { rankFor } from '../../../../src/engine/ranker/rankList';
import { explicitDefaults } from '../../../../src/engine/defaults/explicitDefaults';
import { rankerParams } from '../../../../src/engine/defaults/rankerDefaults';

// 4 groups × 50 movies, 30 blockbusters everyone finds middling, 100 niche movies with four 5-star ratings each.
const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 50, commonMovies: 30, nicheMovies: 100, nicheRatings: 4, users: 400, groupRatings: 20, commonRatings: 10, otherRatings: 4, seed: 5 });
const params: RankerParams = { ...rankerParams, ials: { ...rankerParams.ials, rank: 8 }, easeItems: 300 };

describe('the default ranker on planted taste groups', () => {
  test('a newcomer who rated 10 group-2 movies gets a list of group-2 movies, none already rated', () => {
    const model = trainRanker(data.columns, data.nUsers, data.nItems, params);
    const items = [100, 101, 103, 105, 108, 110, 112, 115, 117, 120];
    const stars = [5, 4.5, 4, 5, 4, 4.5, 5, 4, 4.5, 5];
    const list = rankFor(model, { items, stars }, { n: 20 });
    expect(list).toHaveLength(20);
    const group2 = list.filter((r) => data.movieGroup[r.item] === 2).length;
    expect(group2).toBeGreaterThanOrEqual(18);
    expect(list.some((r) => items.includes(r.item))).toBe(false);
    for (let k = 1; k < list.length; k++) expect(list[k - 1].score).toBeGreaterThanOrEqual(list[k].score);
  });

  test('on a per-user 20% holdout its NDCG@10 is far above popularity (blockbusters) and predicted stars (niche films)', () => {
    const { train, test: held } = perUserHoldout(data.columns, data.nUsers, 0.2, 1);
    const r = compareRankers(train, held, data.nUsers, data.nItems, {
      explicit: { ...explicitDefaults, rank: 8 },
      ials: params.ials,
      ranker: params,
      easeLambda: 100,
      easeMaxDim: 1000,
    });
    const ndcg = (name: string) => (r[name] as RankerMetrics)['ndcg@10'];
    expect(ndcg('defaultList')).toBeGreaterThan(0.25);
    expect(ndcg('popularity')).toBeLessThan(0.02);
    expect(ndcg('explicit')).toBeLessThan(0.05);
    expect(ndcg('defaultList')).toBeGreaterThan(5 * ndcg('explicit'));
    expect(ndcg('defaultList')).toBeGreaterThan(ndcg('ease'));
    expect((r.defaultList as RankerMetrics)['recall@20']).toBeGreaterThan(0.5);
  });
});
