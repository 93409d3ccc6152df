// The list's controls: hidden gems lists less-rated movies, recency newer ones, both continuous in strength.
import { describe, expect, test } from 'vitest';
import { controlTerms } from '../../../../src/engine/ranker/controls';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import { trainRanker } from '../../../../src/engine/ranker/ranker';
import { rankFor } from '../../../../src/engine/ranker/rankList';
import { rankerParams } from '../../../../src/engine/defaults/rankerDefaults';

const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 60, commonMovies: 20, nicheMovies: 20, nicheRatings: 3, users: 320, groupRatings: 18, commonRatings: 6, otherRatings: 3, seed: 2 });
const model = trainRanker(data.columns, data.nUsers, data.nItems, { ...rankerParams, ials: { ...rankerParams.ials, rank: 8 }, easeItems: 150 });
// Within each group lower-numbered movies are better known; years run 1950–2019 by movie index.
const years = Array.from({ length: data.nItems }, (_, i) => 1950 + ((i * 7) % 70));
const profile = { items: [60, 61, 62, 64, 66, 70], stars: [5, 4.5, 5, 4, 4.5, 5] };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('list controls', () => {
  test('hidden gems: the stronger, the fewer ratings the listed movies have; the list stays in the person\'s group', () => {
    const ratings = (gems: number) => mean(rankFor(model, profile, { n: 10, gems }).map((r) => model.counts[r.item]));
    const off = ratings(0);
    const half = ratings(0.5);
    const full = ratings(1);
    expect(half).toBeLessThan(off);
    expect(full).toBeLessThan(half);
    expect(full).toBeLessThan(0.9 * off);
    const list = rankFor(model, profile, { n: 10, gems: 0.5 });
    expect(list.filter((r) => data.movieGroup[r.item] === 1).length).toBeGreaterThanOrEqual(8);
  });

  test('recency: newer films move up, continuously', () => {
    const year = (recency: number) => mean(rankFor(model, profile, { n: 10, recency, years }).map((r) => years[r.item]));
    expect(year(0.5)).toBeGreaterThan(year(0) + 3);
    expect(year(1)).toBeGreaterThanOrEqual(year(0.5));
  });

  test('the terms: 0 unrated, −gems for the most rated, log-scaled between; recency halves every 10 years; strengths outside [0, 1] are refused', () => {
    const t = controlTerms([0, 3, 99, 3, 9], { gems: 0.5 })!;
    expect(t[0]).toBeCloseTo(0, 12);
    expect(t[2]).toBeCloseTo(-0.5, 12);
    expect(t[1]).toBeCloseTo((-0.5 * Math.log(4)) / Math.log(100), 12);
    expect(t[3]).toBe(t[1]);
    expect(t[4]).toBeCloseTo(-0.25, 12);
    const r = controlTerms([1, 1, 1], { recency: 1, years: [2000, 2010, -1] })!;
    expect(Array.from(r)).toEqual([1, 3, 0]); // ×2 for ten years old, ×4 for the newest, ×1 without a year
    expect(controlTerms([1], {})).toBeNull();
    expect(() => controlTerms([1], { gems: 2 })).toThrow('gems must be between 0 and 1');
    expect(() => controlTerms([1, 2], { recency: 0.5 })).toThrow('recency needs the release year');
  });
});
