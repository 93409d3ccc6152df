// Datasets side by side through the worker API (fake-indexeddb): list with counts and sizes, switch, delete frees everything.
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { openDb, tx } from '../../../src/store/db';
import { STORES } from '../../../src/store/schema';

const zipOf = (name: string) => {
  const dir = new URL(`../../fixtures/${name}/`, import.meta.url);
  return zipSync(Object.fromEntries(readdirSync(dir).map((f) => [`${name}/${f}`, new Uint8Array(readFileSync(new URL(f, dir)))])));
};

async function count(store: (typeof STORES)[keyof typeof STORES]): Promise<number> {
  const db = await openDb();
  return tx(db, [store], 'readonly', (t) => t.objectStore(store).count());
}

describe('datasets API', () => {
  test('two datasets listed with counts and sizes; switch; delete removes movies, chunks and models and keeps the profile', async () => {
    const tiny = await api.importFiles([{ name: 'ml-tiny.zip', bytes: zipOf('tiny') }], () => {});
    const m1 = await api.importFiles([{ name: 'ml-1m.zip', bytes: zipOf('ml-1m') }], () => {});
    await api.train({ rank: 2, iterations: 2 }, () => {});
    await api.rate(1, 4);

    let list = await api.listDatasetInfo();
    expect(list.map((d) => [d.name, d.ratings, d.users, d.movies, d.active, d.hasModel])).toEqual([
      ['ml-tiny', 8, 3, 8, false, false],
      ['ml-1m', 5, 2, 4, true, true],
    ]);
    // Measured from what was written: 8 ratings as runs of users, Uint16 items, stars and Uint32 times (80 bytes) plus
    // the movie block; below the old estimate of 13 bytes a rating and 150 a movie.
    expect(list[0].storedBytes).toBeGreaterThan(80);
    expect(list[0].storedBytes).toBeLessThan(8 * 13 + 8 * 150);
    expect(list[1].sourceBytes).toBe(zipOf('ml-1m').length);
    expect(list[1].importSeconds).toBeGreaterThan(0);
    expect(await api.storageInfo()).toEqual({ usage: null, quota: null, persisted: null }); // Node: no navigator.storage
    // How recent each is, from its files: ml-1m's latest rating 978302109 (31 Dec 2000) and newest movie 1998.
    expect(list.map((d) => [d.lastRatingAt, d.newestMovieYear])).toEqual([
      [1445714836, 2006], // the tiny fixture's latest timestamp
      [978302109, 1998],
    ]);
    // A dataset stored before these were recorded: no rating date, the year read from its movie blocks.
    const db = await openDb();
    const old = (await db.get(STORES.datasets, m1.id))!;
    const { lastRatingAt: _l, newestMovieYear: _n, ...oldStats } = old.stats;
    await db.put(STORES.datasets, { ...old, stats: oldStats });
    expect((await api.listDatasetInfo()).map((d) => [d.lastRatingAt, d.newestMovieYear])[1]).toEqual([null, 1998]);

    await api.switchDataset(tiny.id);
    expect((await api.status()).active?.id).toBe(tiny.id);
    expect((await api.recommend({ minCount: 0 })).items.map((m) => m.movieId)).not.toContain(1); // the tiny catalogue, rated movie excluded
    await expect(api.switchDataset('nope')).rejects.toThrow('There is no dataset nope.');

    await api.removeDataset(tiny.id);
    list = await api.listDatasetInfo();
    expect(list.map((d) => [d.id, d.active])).toEqual([[m1.id, true]]);
    expect(await count(STORES.movieBlocks)).toBe(1); // ml-1m's 4 movies: one block
    expect(await count(STORES.ratingChunks)).toBe(1);
    expect(await count(STORES.models)).toBe(1);

    await api.removeDataset(m1.id);
    expect(await api.listDatasetInfo()).toEqual([]);
    expect((await api.status()).active).toBeNull();
    for (const s of [STORES.movieBlocks, STORES.movieTags, STORES.ratingChunks, STORES.ratingTimes, STORES.models, STORES.datasets]) expect(await count(s)).toBe(0);
    expect(await count(STORES.profileBlocks)).toBe(1); // the one rating, in one block
  });
});
