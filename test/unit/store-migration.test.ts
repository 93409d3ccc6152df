// Schema migrations: a hand-built version-1 database opens as the current version with every record intact.
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { closeDb, openDb, tx } from '../../src/store/db';
import { DB_VERSION, STORES } from '../../src/store/schema';
import { getProfile } from '../../src/store/profile';
import { hiddenMovies, setHidden } from '../../src/store/hidden';
import { getMeta } from '../../src/store/meta';

/** Creates the version-1 layout exactly as v0.1 shipped it, with raw IndexedDB calls (not the app's own code). */
function buildVersion1(name: string): Promise<void> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('datasets', { keyPath: 'id' });
      db.createObjectStore('movies', { keyPath: ['dataset', 'movieId'] }).createIndex('byDataset', 'dataset');
      db.createObjectStore('ratingChunks', { keyPath: ['dataset', 'seq'] });
      db.createObjectStore('profile', { keyPath: 'movieId' });
      db.createObjectStore('models', { keyPath: 'id' }).createIndex('byDataset', 'datasetId');
      db.createObjectStore('meta', { keyPath: 'key' });
      const t = req.transaction!;
      t.objectStore('profile').put({ movieId: 356, rating: 4.5, ratedAt: 1 });
      t.objectStore('profile').put({ movieId: 1, rating: 2, ratedAt: 2 });
      t.objectStore('meta').put({ key: 'activeDataset', value: 'ds-1' });
      t.objectStore('datasets').put({ id: 'ds-1', status: 'ready', name: 'x' });
      t.objectStore('ratingChunks').put({ dataset: 'ds-1', seq: 0, length: 1, users: new Int32Array([0]), items: new Int32Array([0]), ratingsX2: new Uint8Array([9]) });
    };
    req.onsuccess = () => {
      req.result.close();
      ok();
    };
    req.onerror = () => fail(req.error);
  });
}

test('version 1 → current: ratings, settings, datasets and chunks survive; the hidden store is added and works', async () => {
  await buildVersion1('migrate-v1');
  const db = await openDb('migrate-v1');
  expect(db.version).toBe(DB_VERSION);
  expect((await getProfile(db)).map((r) => [r.movieId, r.rating, r.ratedAt])).toEqual([
    [1, 2, 2],
    [356, 4.5, 1],
  ]);
  expect(await getMeta(db, 'activeDataset')).toBe('ds-1');
  const chunk = await tx(db, [STORES.ratingChunks], 'readonly', (t) => t.objectStore(STORES.ratingChunks).get(['ds-1', 0]));
  expect(Array.from(chunk!.ratingsX2)).toEqual([9]);
  expect((await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).getAll())).map((d) => d.id)).toEqual(['ds-1']);
  expect(await hiddenMovies(db)).toEqual(new Set());
  await setHidden(db, 356, true);
  await setHidden(db, 7, true);
  await setHidden(db, 7, false);
  expect(await hiddenMovies(db)).toEqual(new Set([356]));
  await closeDb('migrate-v1');
});
