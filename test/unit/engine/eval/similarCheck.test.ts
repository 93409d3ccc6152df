// Similar movies measured: neighbours from the ranker share their movie's planted group far above chance; rare ones are filtered.
import { describe, expect, test } from 'vitest';
import { similarCheck } from '../../../../src/engine/eval/similarCheck';
import { similarMovies } from '../../../../src/engine/ranker/similarMovies';
import { plantedTasteGroups } from '../../../../src/engine/synth';
import { trainRanker } from '../../../../src/engine/ranker/ranker';
import { rankerParams } from '../../../../src/engine/defaults/rankerDefaults';

describe('similar movies', () => {
  const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 40, commonMovies: 20, nicheMovies: 20, nicheRatings: 3, users: 240, groupRatings: 15, commonRatings: 6, otherRatings: 3, seed: 8 });
  const model = trainRanker(data.columns, data.nUsers, data.nItems, { ...rankerParams, ials: { ...rankerParams.ials, rank: 8 }, easeItems: 100 });
  // One "genre" per planted group; blockbusters and niche films have their own.
  const genres = Array.from({ length: data.nItems }, (_, i) => [data.movieGroup[i] >= 0 ? `G${data.movieGroup[i]}` : i < 180 ? 'Blockbuster' : 'Niche']);

  test.each([
    ['ials', 0.9],
    ['ease', 0.75],
  ] as const)('%s: more than %f of the neighbours share the group (chance: about a quarter); none below the minimum count', (source, share) => {
    const r = similarCheck(genres, model.counts, (i) => similarMovies(model, i, { n: 10, minCount: 10, source }), { minRatings: 20, minCount: 10 });
    expect(r.movies).toBeGreaterThan(50);
    expect(r.sameGenre).toBeGreaterThan(share);
    expect(r.chanceSameGenre).toBeLessThan(0.4);
    expect(r.minNeighbourRatings).toBeGreaterThanOrEqual(10);
    expect(r.neighbours).toBe(10);
  });

  test('the movie itself and excluded movies never appear', () => {
    const ns = similarMovies(model, 5, { n: 10, minCount: 0, exclude: [6, 7] });
    expect(ns.map((r) => r.item)).not.toContain(5);
    expect(ns.map((r) => r.item)).not.toContain(6);
  });
});
