// Test helper (fake-indexeddb): a person's data seeded into every store, and byte-for-byte snapshots of all stores to
// prove that a refused import or backup changed nothing.
import { serialize } from 'node:v8';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { importFiles } from '../src/worker/importApi';
import { openDb, tx, type DB } from '../src/store/db';
import { setRating } from '../src/store/profile';
import { setHidden } from '../src/store/hidden';
import { saveModel } from '../src/store/models';
import { setMeta } from '../src/store/meta';
import { STORES, type StoreName } from '../src/store/schema';

export const tinyFixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/tiny/${name}`, import.meta.url)));

/** Every store's keys and values, serialized with V8's structured clone (typed arrays included): equal bytes, equal data. */
export async function snapshot(db: DB): Promise<Record<StoreName, Buffer>> {
  const names = Object.values(STORES) as StoreName[];
  const out = {} as Record<StoreName, Buffer>;
  await tx(db, names, 'readonly', async (t) => {
    for (const n of names) {
      const s = t.objectStore(n);
      out[n] = serialize([await s.getAllKeys(), await s.getAll()]);
    }
  });
  return out;
}

/** Asserts every store holds exactly the bytes of `before`. */
export async function expectUnchanged(db: DB, before: Record<StoreName, Buffer>): Promise<void> {
  const after = await snapshot(db);
  const changed = (Object.keys(before) as StoreName[]).filter((n) => !before[n].equals(after[n]));
  expect(changed).toEqual([]);
}

/**
 * A database as a person has it: the tiny dataset imported and active, three ratings (half stars), a hidden movie and a
 * trained model. Returns the dataset id.
 */
export async function seedPersonData(): Promise<string> {
  const ds = await importFiles(
    [
      { name: 'ratings.csv', bytes: tinyFixture('ratings.csv') },
      { name: 'movies.csv', bytes: tinyFixture('movies.csv') },
      { name: 'links.csv', bytes: tinyFixture('links.csv') },
    ],
    () => {},
  );
  const db = await openDb();
  await setRating(db, 1, 4.5);
  await setRating(db, 2, 0.5);
  await setRating(db, 356, 3);
  await setHidden(db, 3, true);
  await setMeta(db, 'activeDataset', ds.id);
  await saveModel(db, {
    id: `${ds.id}-model`,
    datasetId: ds.id,
    params: { rank: 2, lambda: 0.1, biasLambda: 1, iterations: 1, seed: 1 },
    rank: 2,
    nUsers: ds.users,
    nItems: ds.movies,
    mu: 3.5,
    itemBias: new Float32Array(ds.movies).fill(0.25),
    itemFactors: new Float32Array(ds.movies * 2).fill(0.5),
    history: [],
    trainSeconds: 0.1,
    trainedAt: 1_700_000_000_000,
  });
  return ds.id;
}
