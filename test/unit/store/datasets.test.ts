// Store logic on fake-indexeddb: datasets appear only when ready, interrupted imports are cleaned, ratings round-trip.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { buildDataset } from '../../../src/engine/movielens/dataset';
import { identifyFiles } from '../../../src/engine/movielens/files';
import { closeDb, openDb, tx } from '../../../src/store/db';
import { cleanupIncomplete, deleteDataset, getDataset, listDatasets, readMovies, readRatings, saveDataset } from '../../../src/store/datasets';
import { CHUNK_ROWS } from '../../../src/engine/movielens/datasetBuilder';
import { getProfile, setRating } from '../../../src/store/profile';
import { latestModel, saveModel } from '../../../src/store/models';
import { STORES, type ModelRecord } from '../../../src/store/schema';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));
const parsed = () =>
  buildDataset(
    identifyFiles(
      [
        { path: 'ratings.csv', bytes: fixture('ratings.csv') },
        { path: 'movies.csv', bytes: fixture('movies.csv') },
      ],
      'tiny',
    ),
  );

let dbName = '';
let n = 0;
beforeEach(async () => {
  await closeDb(dbName);
  dbName = `test-${++n}`;
});

describe('datasets', () => {
  test('save, list, read back movies and ratings exactly', async () => {
    const db = await openDb(dbName);
    const data = parsed();
    const rec = await saveDataset(db, { id: 'tiny-1', name: 'tiny', source: 'test', bytes: 10 }, data);
    expect(rec.status).toBe('ready');
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['tiny-1']);
    const movies = await readMovies(db, 'tiny-1');
    expect(movies.map((m) => m.title)).toEqual(data.movies.map((m) => m.title));
    const ratings = await readRatings(db, rec);
    expect(Array.from(ratings.ratings)).toEqual(Array.from(data.ratings.ratings));
    expect(Array.from(ratings.users)).toEqual(Array.from(data.ratings.users));
    expect(Array.from(ratings.timestamps)).toEqual(Array.from(data.ratings.timestamps));
  });

  test('ratings are stored in columnar chunks, not one record per rating', async () => {
    const db = await openDb(dbName);
    const data = parsed();
    const big = CHUNK_ROWS * 2 + 5;
    const rep = <T extends Int32Array | Float32Array | Float64Array>(a: T, out: T): T => {
      for (let i = 0; i < big; i++) out[i] = a[i % a.length];
      return out;
    };
    data.ratings = {
      users: rep(data.ratings.users, new Int32Array(big)),
      items: rep(data.ratings.items, new Int32Array(big)),
      ratings: rep(data.ratings.ratings, new Float32Array(big)),
      timestamps: rep(data.ratings.timestamps, new Float64Array(big)),
      length: big,
    };
    const progress: number[] = [];
    const rec = await saveDataset(db, { id: 'big', name: 'big', source: 'test', bytes: 0 }, data, (p) => progress.push(p.rowsWritten));
    expect(rec.chunkCount).toBe(3);
    expect(progress).toEqual([CHUNK_ROWS, CHUNK_ROWS * 2, big]);
    expect(await tx(db, [STORES.ratingChunks], 'readonly', (t) => t.objectStore(STORES.ratingChunks).count())).toBe(3);
    const back = await readRatings(db, rec);
    expect(back.length).toBe(big);
    expect(back.ratings[big - 1]).toBe(data.ratings.ratings[big - 1]);
  });

  test('an interrupted import is never listed and is removed at the next start', async () => {
    const db = await openDb(dbName);
    await saveDataset(db, { id: 'good', name: 'good', source: 'test', bytes: 0 }, parsed());
    // What a worker killed after the first chunk leaves behind:
    await tx(db, [STORES.datasets, STORES.ratingChunks, STORES.ratingTimes, STORES.movieBlocks], 'readwrite', async (t) => {
      const good = (await t.objectStore(STORES.datasets).get('good'))!;
      await t.objectStore(STORES.datasets).put({ ...good, id: 'half', status: 'importing' });
      const block = (await t.objectStore(STORES.movieBlocks).get(['good', 0]))!;
      await t.objectStore(STORES.movieBlocks).put({ ...block, dataset: 'half' });
      await t.objectStore(STORES.ratingChunks).put({ dataset: 'half', seq: 0, length: 1, userRuns: new Int32Array([0, 1]), items: new Uint16Array(1), halfStars: new Uint8Array([8]) });
      await t.objectStore(STORES.ratingTimes).put({ dataset: 'half', seq: 0, timestamps: new Uint32Array(1) });
    });
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['good']);
    expect(await getDataset(db, 'half')).toBeUndefined();
    expect(await cleanupIncomplete(db)).toEqual(['half']);
    const counts = await tx(db, [STORES.datasets, STORES.ratingChunks, STORES.ratingTimes, STORES.movieBlocks], 'readonly', async (t) => ({
      datasets: await t.objectStore(STORES.datasets).count(),
      chunks: await t.objectStore(STORES.ratingChunks).count(),
      times: await t.objectStore(STORES.ratingTimes).count(),
      movieBlocks: await t.objectStore(STORES.movieBlocks).count(),
    }));
    expect(counts).toEqual({ datasets: 1, chunks: 1, times: 1, movieBlocks: 1 });
  });

  test('deleting a dataset removes its movies, chunks and models but not the person’s ratings', async () => {
    const db = await openDb(dbName);
    await saveDataset(db, { id: 'a', name: 'a', source: 'test', bytes: 0 }, parsed());
    await saveModel(db, fakeModel('m1', 'a', 1));
    await setRating(db, 1, 4.5);
    await deleteDataset(db, 'a');
    expect(await listDatasets(db)).toEqual([]);
    expect(await latestModel(db, 'a')).toBeUndefined();
    expect(await getProfile(db)).toMatchObject([{ movieId: 1, rating: 4.5 }]);
  });
});

function fakeModel(id: string, datasetId: string, trainedAt: number): ModelRecord {
  return {
    id,
    datasetId,
    params: { rank: 2, lambda: 0.1, biasLambda: 1, iterations: 1, seed: 1 },
    rank: 2,
    nUsers: 3,
    nItems: 8,
    mu: 3,
    itemBias: new Float32Array(8),
    itemFactors: new Float32Array(16).fill(0.5),
    history: [],
    trainSeconds: 0.1,
    trainedAt,
  };
}

describe('profile and models', () => {
  test('ratings are set, replaced, removed; invalid stars are refused', async () => {
    const db = await openDb(dbName);
    await setRating(db, 10, 3);
    await setRating(db, 10, 4.5);
    await setRating(db, 20, 0.5);
    expect((await getProfile(db)).map((r) => [r.movieId, r.rating])).toEqual([
      [10, 4.5],
      [20, 0.5],
    ]);
    await setRating(db, 20, null);
    expect((await getProfile(db)).map((r) => r.movieId)).toEqual([10]);
    await expect(setRating(db, 30, 5.5)).rejects.toThrow(/0.5 to 5 in half stars/);
    await expect(setRating(db, 30, 3.2)).rejects.toThrow(RangeError);
  });

  test('a saved model replaces its dataset\'s previous one (one per dataset and objective); typed arrays survive', async () => {
    const db = await openDb(dbName);
    await saveDataset(db, { id: 'a', name: 'a', source: 'test', bytes: 0 }, parsed()); // models of a missing dataset are never served
    await saveModel(db, fakeModel('old', 'a', 1));
    await saveModel(db, fakeModel('new', 'a', 2));
    await saveModel(db, fakeModel('other', 'b', 3));
    const m = (await latestModel(db, 'a'))!;
    expect(m).toMatchObject({ id: 'a:explicit', trainedAt: 2 });
    expect(await db.getAllKeys('models')).toEqual(['a:explicit', 'b:explicit']);
    expect(m.itemFactors).toBeInstanceOf(Float32Array);
    expect(Array.from(m.itemFactors.subarray(0, 2))).toEqual([0.5, 0.5]);
  });
});
