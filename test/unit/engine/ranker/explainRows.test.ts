// Every row explains itself exactly: the shares over the person's ratings plus the non-personal part equal the row's score.
import { describe, expect, test } from 'vitest';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import { buildCsr } from '../../../../src/engine/als/csr';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { topN } from '../../../../src/engine/als/recommend';
import { trainAls } from '../../../../src/engine/als/train';
import { explicitDefaults } from '../../../../src/engine/defaults/explicitDefaults';
import { trainRanker, type RankerParams } from '../../../../src/engine/ranker/ranker';
import { rankFor } from '../../../../src/engine/ranker/rankList';
import { explainByStars, explainRanked, reasonOf, type RowExplanation } from '../../../../src/engine/ranker/explainRows';
import { rankerParams } from '../../../../src/engine/defaults/rankerDefaults';

const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 40, commonMovies: 20, nicheMovies: 30, nicheRatings: 3, users: 240, groupRatings: 15, commonRatings: 6, otherRatings: 3, seed: 8 });
const params: RankerParams = { ...rankerParams, ials: { ...rankerParams.ials, rank: 8 }, easeItems: 120 };
const ranker = trainRanker(data.columns, data.nUsers, data.nItems, params);
const explicit = trainAls(buildCsr(data.columns, data.nUsers, data.nItems), { ...explicitDefaults, rank: 8 });
// A person with mixed tastes: group 1 loved, group 3 disliked, a blockbuster, a niche film, one movie outside EASE's catalogue.
const profile = { items: [40, 41, 44, 47, 52, 120, 125, 160, 200, 205], stars: [5, 4.5, 4, 5, 3.5, 2, 1.5, 3, 5, 4] };
const years = Array.from({ length: data.nItems }, (_, i) => 1960 + (i % 60));

function sumsUp(rows: RowExplanation[]): void {
  for (const row of rows) {
    const shares = row.shares.reduce((s, c) => s + c.share, 0);
    expect(Math.abs(row.constant + row.general + shares - row.score)).toBeLessThan(1e-6);
    expect(row.shares).toHaveLength(profile.items.length);
    expect(reasonOf(row).kind === 'ratings' || reasonOf(row).kind === 'general').toBe(true);
  }
}

describe('row explanations', () => {
  test('default list: EASE + blend × iALS shares add up to every row of the 20, to 1e-6', () => {
    expect(profile.items.some((i) => ranker.ease!.slot[i] < 0)).toBe(true); // a rating EASE does not cover: iALS share only
    const list = rankFor(ranker, profile, { n: 20 });
    const rows = explainRanked(ranker, profile, list);
    sumsUp(rows);
    rows.forEach((r, k) => {
      expect(r.score).toBeCloseTo(list[k].score, 12);
      expect(r.general).toBe(0);
    });
    // Every row names the person's ratings that carry it (no control makes any part non-personal here).
    expect(rows.every((r) => reasonOf(r).kind === 'ratings')).toBe(true);
  });

  test('with hidden gems and recency on, their adjustment is the non-personal part and the sum still holds', () => {
    const list = rankFor(ranker, profile, { n: 20, gems: 0.6, recency: 0.4, years });
    const rows = explainRanked(ranker, profile, list);
    sumsUp(rows);
    expect(rows.some((r) => r.general !== 0)).toBe(true);
  });

  test('predicted-stars list: μ + the movie bias + the shares give the (unclamped) prediction of every row', () => {
    const user = foldIn(explicit, profile.items, profile.stars);
    const list = topN(explicit, user, { n: 20, exclude: profile.items });
    const rows = explainByStars(explicit, profile, list.map((r) => r.item));
    sumsUp(rows);
    rows.forEach((r, k) => {
      expect(r.score).toBeCloseTo(list[k].score, 5);
      expect(r.constant).toBe(explicit.mu);
    });
  });

  test('a reason is "general" when the movie\'s own part outweighs all positive shares', () => {
    const row: RowExplanation = { item: 1, score: 2, constant: 0, general: 1.5, shares: [{ index: 0, item: 9, share: 0.6 }, { index: 1, item: 8, share: -0.1 }] };
    expect(reasonOf(row)).toEqual({ kind: 'general' });
    expect(reasonOf({ ...row, general: 0.2 })).toEqual({ kind: 'ratings', items: [9], shares: [0.6] });
  });
});
