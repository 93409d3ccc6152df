// The default list through the worker API (fake-indexeddb) on a planted-taste release: the first visit's two models,
// the ranked list with stars and a reason on every row, the predicted-stars sort, the controls, similar movies, cards.
import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { plantedTasteGroups } from '../../../src/engine/synth';
import { synthMovieId, writeRelease } from '../../../src/engine/movielens/writeRelease';
import { rankerParams, rankerDefaults } from '../../../src/engine/defaults/rankerDefaults';
import { openDb } from '../../../src/store/db';
import { STORES } from '../../../src/store/schema';
import type { Recommendations } from '../../../src/worker-api/apiTypes';

// 4 taste groups of 40 movies (each person loves 15 of their group's), 20 blockbusters everyone finds middling, 30
// niche films with three 5-star ratings each: group 2's list should be group 2's films.
const data = plantedTasteGroups({ groups: 4, moviesPerGroup: 40, commonMovies: 20, nicheMovies: 30, nicheRatings: 3, users: 240, groupRatings: 15, commonRatings: 6, otherRatings: 3, seed: 8 });
const groupOf = new Map(Array.from(data.movieGroup, (g, i) => [synthMovieId(i), g]));
/** Synthetic movie i's release year (writeRelease: 1950 + i mod 70). */
const yearOf = (movieId: number) => 1950 + (((movieId - 1) / 3) % 70);
const ids = (r: Recommendations) => r.items.map((m) => m.movieId);
/** Ten group-2 films the person loved (catalogue indices 80–119 are group 2), five of them the group's best known. */
const loved = [80, 81, 82, 83, 84, 90, 95, 100, 105, 110].map(synthMovieId);

beforeAll(async () => {
  const release = writeRelease(data.columns, data.nItems);
  const zip = zipSync(Object.fromEntries(Object.entries(release).map(([f, text]) => [`ml-taste/${f}`, strToU8(text)])));
  await api.importFiles([{ name: 'ml-taste.zip', bytes: zip }], () => {});
  // The first visit's trainings (bootstrapFlow): the star model, then the ranker (the implicit objective).
  await api.train({ rank: 8, iterations: 10 }, () => {});
  await api.train({ objective: 'implicit' }, () => {});
});

describe('the first visit stores both models, tied to the dataset', () => {
  test('status names the star model and the ranker; the ranker record holds its EASE part fitted on the same ratings', async () => {
    const status = await api.status();
    expect(status.model?.objective).toBe('explicit');
    expect(status.ranker).toMatchObject({ objective: 'implicit', datasetId: status.active!.id, ranker: { easeItems: data.nItems, easeLambda: rankerParams.easeLambda, blend: rankerParams.blend } });
    expect(status.ranker!.params).toEqual({ ...rankerParams.ials });
    const rec = (await (await openDb()).get(STORES.models, status.ranker!.id))!;
    // Every one of the 210 movies has ratings, so EASE covers all of them (fewer than rankerParams.easeItems).
    expect(rec.ranker!.easeItems).toHaveLength(data.nItems);
    expect(rec.ranker!.easeB).toHaveLength(data.nItems ** 2);
    expect(rec.ranker!.tasteCov).toHaveLength(rankerParams.ials.rank ** 2);
    expect(rec.ranker!.tastePeople).toBe(240);
    // Its counts are the training ratings per movie: the same as the import's movie counts.
    const counts = Array.from(rec.ranker!.counts).sort((a, b) => a - b);
    const movies = (await api.search('synthetic', 1000)).map((m) => m.count).sort((a, b) => a - b);
    expect(counts).toEqual(movies);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(data.columns.length);
    // Before any rating: the labelled popularity fallback, whose rows need no reason of their own.
    const fallback = await api.recommend({ minCount: 0 });
    expect(fallback).toMatchObject({ kind: 'popular', rankerAvailable: true });
    expect(fallback.items).toHaveLength(20);
    for (const m of fallback.items) expect(m.reason).toBeNull();
  });

  test('retraining the star model leaves the ranker as it was; an implicit model stored without EASE is not a ranker', async () => {
    const before = await api.status();
    await api.train({ rank: 6, iterations: 5 }, () => {});
    const after = await api.status();
    expect(after.model?.params.rank).toBe(6);
    expect(after.ranker?.trainedAt).toBe(before.ranker!.trainedAt);
    // An implicit model as the lab stored it before the ranker (no EASE part): the status has no ranker, so the app trains one.
    const db = await openDb();
    const rec = (await db.get(STORES.models, before.ranker!.id))!;
    const { ranker: _ease, ...legacy } = rec;
    await db.put(STORES.models, legacy);
    await api.reload();
    expect((await api.status()).ranker).toBeNull();
    expect((await api.status()).implicitModel?.id).toBe(rec.id);
    await db.put(STORES.models, rec);
    await api.reload();
    expect((await api.status()).ranker?.id).toBe(rec.id);
  });
});

describe('the list', () => {
  beforeAll(async () => {
    for (const id of loved) await api.rate(id, 5);
  });

  test('the ranker puts the group\'s films first, every row with stars and a reason', async () => {
    const best = await api.recommend({ minCount: 0 });
    expect(best).toMatchObject({ kind: 'personal', sortBy: 'best', rankerAvailable: true, controls: { gems: false, recency: false, diversity: false } });
    expect(best.items).toHaveLength(20);
    for (const id of loved) expect(ids(best)).not.toContain(id);
    // The group's films first: all of the top 10, and most of the 20 (30 unrated group-2 films remain).
    expect(ids(best).slice(0, 10).filter((id) => groupOf.get(id) === 2)).toHaveLength(10);
    expect(ids(best).filter((id) => groupOf.get(id) === 2).length).toBeGreaterThanOrEqual(17);
    const lovedTitles = new Set((await api.ratedMovies()).map((m) => m.title));
    for (const m of best.items) {
      expect(m.predicted).toBeGreaterThanOrEqual(0.5);
      expect(m.predicted).toBeLessThanOrEqual(5);
      // The stars are the explicit model's: the movie panel's prediction for the same movie.
      expect(m.predicted).toBeCloseTo((await api.movieDetails(m.movieId))!.predicted!, 5);
      expect(m.reason).not.toBeNull();
      if (m.reason!.kind === 'ratings') {
        expect(m.reason!.titles.length).toBeGreaterThan(0);
        for (const t of m.reason!.titles) expect(lovedTitles.has(t)).toBe(true);
        expect(m.because).toEqual(m.reason!.titles);
      } else expect(m.because).toEqual([]);
    }
    // A group-2 film listed for a person who rated only group-2 films is there because of those ratings.
    expect(best.items.filter((m) => groupOf.get(m.movieId) === 2).every((m) => m.reason!.kind === 'ratings')).toBe(true);
  });

  test('sort by predicted rating: the star model\'s order, with its own reasons, different from the ranked order', async () => {
    const best = await api.recommend({ minCount: 0 });
    const stars = await api.recommend({ minCount: 0, sortBy: 'predicted' });
    expect(stars).toMatchObject({ kind: 'personal', sortBy: 'predicted', rankerAvailable: true });
    expect(stars.items).toHaveLength(20);
    for (let k = 1; k < 20; k++) expect(stars.items[k - 1].predicted).toBeGreaterThanOrEqual(stars.items[k].predicted);
    expect(ids(stars)).not.toEqual(ids(best));
    // Predicted stars drift to the niche films (three 5-star ratings each), which the ranker leaves out of its top 10.
    const niche = (r: Recommendations) => ids(r).slice(0, 10).filter((id) => (id - 1) / 3 >= 180).length;
    expect(niche(stars)).toBeGreaterThan(niche(best));
    for (const m of stars.items) {
      expect(m.reason).not.toBeNull();
      expect(['ratings', 'overall']).toContain(m.reason!.kind);
    }
  });

  test('hidden gems, newer films first and variety each change the list the way they say', async () => {
    const plain = await api.recommend({ minCount: 0 });
    const gems = await api.recommend({ minCount: 0, gems: true });
    const recent = await api.recommend({ minCount: 0, recency: true });
    const varied = await api.recommend({ minCount: 0, diversity: true });
    expect(gems.controls).toEqual({ gems: true, recency: false, diversity: false });
    expect(ids(gems)).not.toEqual(ids(plain));
    // Each row weighed by its position as NDCG weighs it (1/log2(position + 1)): what the top of the list holds.
    const weighted = (r: Recommendations, f: (m: Recommendations['items'][number]) => number) => r.items.reduce((s, m, k) => s + f(m) / Math.log2(k + 2), 0);
    // Less-rated films move up; newer films move up.
    expect(weighted(gems, (m) => m.count)).toBeLessThan(weighted(plain, (m) => m.count));
    expect(ids(recent)).not.toEqual(ids(plain));
    expect(weighted(recent, (m) => yearOf(m.movieId))).toBeGreaterThan(weighted(plain, (m) => yearOf(m.movieId)));
    expect(varied.controls.diversity).toBe(true);
    expect(varied.items).toHaveLength(20);
    // A control never lists what the person rated, and every row keeps its stars and reason.
    for (const r of [gems, recent, varied]) {
      for (const id of loved) expect(ids(r)).not.toContain(id);
      for (const m of r.items) expect(m.reason).not.toBeNull();
    }
    // The predicted-stars sort ignores the controls (they act on the ranker's scores) and says so.
    const starsGems = await api.recommend({ minCount: 0, sortBy: 'predicted', gems: true });
    expect(starsGems.controls).toEqual({ gems: false, recency: false, diversity: false });
    expect(ids(starsGems)).toEqual(ids(await api.recommend({ minCount: 0, sortBy: 'predicted' })));
  });

  test('filters and "not interested" still apply to the ranked list', async () => {
    const plain = await api.recommend({ minCount: 0 });
    await api.hide(plain.items[0].movieId);
    expect(ids(await api.recommend({ minCount: 0 }))).not.toContain(plain.items[0].movieId);
    await api.hide(plain.items[0].movieId, false);
    const late = await api.recommend({ minCount: 0, yearFrom: 2000 });
    expect(late.items.length).toBeGreaterThan(0);
    for (const m of late.items) expect(m.year).toBeGreaterThanOrEqual(2000);
    const many = await api.recommend({ minCount: 40 });
    for (const m of many.items) expect(m.count).toBeGreaterThanOrEqual(40);
  });
});

describe('the list follows the ratings and marks the page shows', () => {
  test('ratings given with the request rank the list (a rating still being stored counts); the store is not touched', async () => {
    const stored = (await api.ratedMovies()).map((m): [number, number] => [m.movieId, m.myRating!]);
    expect(stored.length).toBeGreaterThan(0);
    // The same ratings as the store holds: the same list as reading them from the store.
    expect(ids(await api.recommend({ minCount: 0, ratings: stored }))).toEqual(ids(await api.recommend({ minCount: 0 })));
    // Ten group-3 films loved instead (not stored): group 3's list, none of those ten in it.
    const group3 = [120, 121, 122, 123, 124, 130, 135, 140, 145, 150].map(synthMovieId);
    const pending = await api.recommend({ minCount: 0, ratings: group3.map((id): [number, number] => [id, 5]) });
    expect(pending.kind).toBe('personal');
    expect(ids(pending).slice(0, 10).filter((id) => groupOf.get(id) === 3)).toHaveLength(10);
    for (const id of group3) expect(ids(pending)).not.toContain(id);
    expect((await api.ratedMovies()).map((m) => [m.movieId, m.myRating])).toEqual(stored);
    // No ratings given: the popular fallback, as for a person who has rated nothing.
    expect((await api.recommend({ minCount: 0, ratings: [] })).kind).toBe('popular');
  });

  test('hidden movies given with the request are left out; the stored marks are not touched', async () => {
    const plain = await api.recommend({ minCount: 0 });
    const top = plain.items[0].movieId;
    const without = await api.recommend({ minCount: 0, hidden: [top] });
    expect(ids(without)).not.toContain(top);
    expect(ids(without).slice(0, 5)).toEqual(ids(plain).slice(1, 6));
    expect((await api.marks()).hidden).not.toContain(top);
  });
});

describe('the movie panel and the cards use the ranker', () => {
  test('similar movies: the ranker\'s neighbours, each with at least rankerDefaults.similarMinCount ratings, mostly from the same group', async () => {
    const details = (await api.movieDetails(synthMovieId(121)))!; // a well-known group-3 film
    expect(details.similar.length).toBeGreaterThanOrEqual(5);
    for (const m of details.similar) expect(m.count).toBeGreaterThanOrEqual(rankerDefaults.similarMinCount);
    expect(details.similar.filter((m) => groupOf.get(m.movieId) === 3).length).toBeGreaterThanOrEqual(Math.ceil(0.8 * details.similar.length));
  });

  test('onboarding cards come from the deck, never rated or skipped, and follow the answers', async () => {
    const first = (await api.onboardingMovies(8)).map((m) => m.movieId);
    expect(new Set(first).size).toBe(8);
    for (const id of loved) expect(first).not.toContain(id);
    const skipped = [first[0], first[1]];
    const after = (await api.onboardingMovies(8, skipped)).map((m) => m.movieId);
    for (const id of skipped) expect(after).not.toContain(id);
    // Answering a card moves the next ones: the person's taste is better known along that film's direction.
    await api.rate(first[2], 1);
    const answered = (await api.onboardingMovies(8, skipped)).map((m) => m.movieId);
    expect(answered).not.toContain(first[2]);
    expect(answered).not.toEqual(after.filter((id) => id !== first[2]).slice(0, 8));
    await api.rate(first[2], null);
  });
});
