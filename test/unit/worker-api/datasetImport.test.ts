// The one import path (fake-indexeddb, the browser's storage estimate stubbed): MovieLens and Spark imports alike are
// refused before any write when they do not fit, naming both sizes, and a quota refusal midway removes all they wrote.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { importFiles } from '../../../src/worker-api/importApi';
import { importSpark } from '../../../src/worker-api/sparkApi';
import { memorySource } from '../../../src/engine/movielens/source';
import { estimateImportBytes, modelBytes } from '../../../src/worker-api/importSpace';
import { openDb } from '../../../src/store/db';
import { StorageError } from '../../../src/store/storageError';
import { getMeta } from '../../../src/store/meta';
import { formatBytes } from '../../../src/store/quota';
import { expectUnchanged, resetDb, seedPersonData, snapshot, tinyFixture } from '../../storeSnapshot';
import { plantedSpark } from '../../fixtures/spark/plantedSpark';

const planted = plantedSpark();
const sparkFiles = (withRatings: boolean) => [
  new File([new Uint8Array(planted.zip)], 'item-factors.zip'),
  new File([planted.moviesCsv], 'movies.csv'),
  ...(withRatings ? [new File([planted.ratingsCsv], 'ratings.csv')] : []),
];
const movieLensFiles = () => ['ratings.csv', 'movies.csv', 'links.csv'].map((n) => ({ name: n, bytes: tinyFixture(n) }));

/** Bytes already used by this site in the stubbed estimate (any number: only quota − usage is "available"). */
const USED = 50_000_000;

/** Makes navigator.storage.estimate() report `free` bytes left (Node has no navigator; Web Locks stay absent). */
function freeSpace(free: number): void {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: USED, quota: USED + free }) } });
}

/** The quota message's two sizes: [needed, available]. */
function sizesIn(message: string): [string, string] {
  const m = /^Not enough storage to import .+?: it needs about (\S+ [KMG]B) and (\S+ [KMG]B) is available to this site\. Nothing was changed\./.exec(message);
  expect(m, message).not.toBeNull();
  return [m![1], m![2]];
}

beforeEach(resetDb);
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('space check before the first write', () => {
  test('a Spark import that does not fit is refused naming both sizes (movies, model), and no store changes', async () => {
    const active = await seedPersonData();
    const db = await openDb();
    const before = await snapshot(db);
    // What it needs: movies.csv as the MovieLens import counts it, plus the 60 × (rank 4 + 1) Float32 model table.
    const need = (await estimateImportBytes([memorySource('movies.csv', new TextEncoder().encode(planted.moviesCsv))])) + modelBytes(60, 4);
    expect(modelBytes(60, 4)).toBe(64 * 1024 + 60 * 5 * 4);

    freeSpace(need - 1);
    const err = await importSpark(sparkFiles(false), {}, () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    expect((err as Error).message).toContain('Not enough storage to import Spark ALS: 3 part files + movies.csv:');
    expect(sizesIn((err as Error).message)).toEqual([formatBytes(need), formatBytes(need - 1)]);
    await expectUnchanged(db, before);
    expect(await getMeta(db, 'activeDataset')).toBe(active);

    // One byte more and it fits: the same import goes through and becomes the active dataset.
    freeSpace(need);
    const res = await importSpark(sparkFiles(false), {}, () => {});
    expect(res.dataset).toMatchObject({ movies: 60, ratings: 0 });
    expect(await getMeta(db, 'activeDataset')).toBe(res.dataset.id);
  });

  test('with ratings.csv the Spark estimate counts the ratings text too; 10 KB free refuses it with both sizes', async () => {
    await seedPersonData();
    const db = await openDb();
    const before = await snapshot(db);
    const enc = new TextEncoder();
    const need =
      (await estimateImportBytes([memorySource('movies.csv', enc.encode(planted.moviesCsv)), memorySource('ratings.csv', enc.encode(planted.ratingsCsv))])) +
      modelBytes(60, 4);
    expect(need).toBeGreaterThan(64 * 1024 * 2 + planted.ratingsCsv.length * 0.4);
    freeSpace(10_000);
    const err = (await importSpark(sparkFiles(true), {}, () => {}).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('Not enough storage to import Spark ALS: 3 part files + movies.csv, ratings.csv:');
    expect(sizesIn(err.message)).toEqual([formatBytes(need), '10 KB']);
    await expectUnchanged(db, before);
  });

  test('a MovieLens import that does not fit is refused the same way, by the same check', async () => {
    await seedPersonData();
    const db = await openDb();
    const before = await snapshot(db);
    const files = movieLensFiles();
    const need = await estimateImportBytes(files.map((f) => memorySource(f.name, f.bytes)));
    freeSpace(need - 1);
    const err = (await importFiles(files, () => {}).catch((e: unknown) => e)) as StorageError;
    expect(err).toBeInstanceOf(StorageError);
    expect(err.message).toContain('Not enough storage to import 3 files:');
    expect(sizesIn(err.message)).toEqual([formatBytes(need), formatBytes(need - 1)]);
    await expectUnchanged(db, before);
    freeSpace(need);
    expect(await importFiles(files, () => {})).toMatchObject({ movies: 8 });
  });
});

describe('quota refusal midway', () => {
  test("a Spark import refused at the model write (after its dataset's `ready` flip) deletes the dataset; no store changes", async () => {
    const active = await seedPersonData();
    const db = await openDb();
    const before = await snapshot(db);
    freeSpace(1e9);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'models') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const err = (await importSpark(sparkFiles(true), {}, () => {}).catch((e: unknown) => e)) as StorageError;
    expect(err).toBeInstanceOf(StorageError);
    expect(err.message).toMatch(/^Not enough storage to import Spark ALS: 3 part files \+ movies\.csv, ratings\.csv: it needs about \S+ KB and only \S+ KB could be written/);
    expect(err.message).toContain('(after 1,800 ratings). Nothing was changed.');
    vi.restoreAllMocks();
    await expectUnchanged(db, before);
    expect(await getMeta(db, 'activeDataset')).toBe(active);
  });
});
