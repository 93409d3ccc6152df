// Worker import API over fake-indexeddb: File inputs streamed in slices, progress with bytes, a late error removes what was
// written, and start-up cleanup spares imports that are still running.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { openDb, tx } from '../../../src/store/db';
import { beginImport, cleanupIncomplete, deleteIfIncomplete, readMovies, readRatings, getDataset } from '../../../src/store/datasets';
import { CHUNK_ROWS } from '../../../src/engine/movielens/datasetBuilder';
import { STORES } from '../../../src/store/schema';
import type { ImportProgress } from '../../../src/worker-api/apiTypes';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));
const HEADER = 'userId,movieId,rating,timestamp\n';

/** n ratings by users of 50 ratings each over movies 1..8 (the tiny fixture's ids). */
function ratingsText(n: number, bad?: number): string {
  const lines: string[] = [];
  for (let k = 0; k < n; k++) lines.push(k === bad ? `${k},x,3,1` : `${1 + Math.floor(k / 8)},${1 + (k % 8)},${1 + (k % 9) / 2},${1e9 + k}`);
  return HEADER + lines.join('\n') + '\n';
}

async function counts(): Promise<Record<string, number>> {
  const db = await openDb();
  return tx(db, [STORES.datasets, STORES.ratingChunks, STORES.ratingTimes, STORES.movieBlocks], 'readonly', async (t) => ({
    datasets: await t.objectStore(STORES.datasets).count(),
    ratingChunks: await t.objectStore(STORES.ratingChunks).count(),
    ratingTimes: await t.objectStore(STORES.ratingTimes).count(),
    movieBlocks: await t.objectStore(STORES.movieBlocks).count(),
  }));
}

describe('importFiles with File objects', () => {
  test('streams a multi-chunk ratings.csv from a File, reporting bytes, rate and time left; reads back exactly', async () => {
    const n = CHUNK_ROWS + 1000;
    const text = ratingsText(n);
    const files = [new File([text], 'ratings.csv'), new File([fixture('movies.csv')], 'movies.csv')];
    const progress: ImportProgress[] = [];
    const ds = await api.importFiles(files, (p) => progress.push(p));
    expect(ds).toMatchObject({ name: 'my-movielens', ratings: n, users: Math.ceil(n / 8), movies: 8 });
    const parse = progress.filter((p) => p.phase === 'parse');
    expect(parse.at(-1)).toMatchObject({ bytesDone: text.length, bytesTotal: text.length, rows: n });
    expect(parse.at(-1)!.mbPerSecond).toBeGreaterThan(0);
    expect(parse.at(-1)!.secondsLeft).toBe(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'write', fraction: 1, rows: n });
    expect(await counts()).toEqual({ datasets: 1, ratingChunks: 2, ratingTimes: 2, movieBlocks: 1 });
    const db = await openDb();
    const back = await readRatings(db, (await getDataset(db, ds.id))!);
    expect(back.length).toBe(n);
    expect(back.ratings[n - 1]).toBe(1 + ((n - 1) % 9) / 2);
    expect(back.users[n - 1]).toBe(Math.floor((n - 1) / 8));
    // The movies are one columnar block carrying the statistics computed during the import.
    const raw = await tx(db, [STORES.movieBlocks], 'readonly', (t) => t.objectStore(STORES.movieBlocks).get([ds.id, 0]));
    expect(raw!.titles[0]).toBe('Toy Story');
    expect(raw!.counts[0]).toBe(Math.ceil(n / 8));
    const toy = (await readMovies(db, ds.id))[0];
    expect(toy).toMatchObject({ movieId: 1, title: 'Toy Story', count: Math.ceil(n / 8) });
    let sum = 0;
    for (let k = 0; k < n; k += 8) sum += 1 + (k % 9) / 2;
    expect(toy.mean).toBeCloseTo(sum / Math.ceil(n / 8), 10);
  });

  test('an error after chunks were stored is reported with its line, and nothing of that import is left', async () => {
    const before = await counts();
    // Count chunk writes at the IndexedDB level (the bad line comes two slices after chunk 0 fills).
    let chunkPuts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === STORES.ratingChunks) chunkPuts++;
      return put.apply(this, args);
    };
    const bad = 2 * CHUNK_ROWS + 500;
    // Bytes in memory are read in 4 MiB slices (a File's stream may hand over the whole file at once in Node).
    const files = [
      { name: 'ratings.csv', bytes: new TextEncoder().encode(ratingsText(3 * CHUNK_ROWS, bad)) },
      { name: 'movies.csv', bytes: fixture('movies.csv') },
    ];
    try {
      await expect(api.importFiles(files, () => {})).rejects.toThrow(`ratings.csv, line ${bad + 2}: expected a whole-number movieId as field 2 in "${bad},x,3,1"`);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(chunkPuts).toBeGreaterThanOrEqual(1);
    expect(await counts()).toEqual(before);
    expect((await api.status()).cleaned).toEqual([]);
  });
});

describe('start-up cleanup', () => {
  test('removes an interrupted import but not one still running', async () => {
    const db = await openDb();
    await beginImport(db, { id: 'killed', name: 'k', source: 'x', bytes: 0 });
    await beginImport(db, { id: 'running', name: 'r', source: 'x', bytes: 0 });
    expect(await cleanupIncomplete(db, new Set(['running']))).toEqual(['killed']);
    // When the running one's lock is released later: removed if it never became ready.
    expect(await deleteIfIncomplete(db, 'running')).toBe(true);
    expect(await deleteIfIncomplete(db, 'running')).toBe(false);
    const ready = (await api.status()).datasets[0].id;
    expect(await deleteIfIncomplete(db, ready)).toBe(false);
    expect(await cleanupIncomplete(db)).toEqual([]);
  });
});
