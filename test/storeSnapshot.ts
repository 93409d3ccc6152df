// Test helper (fake-indexeddb): a person's data seeded into every store, and byte-for-byte snapshots of all stores to
// prove that a refused import or backup changed nothing.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { importFiles } from '../src/worker-api/importApi';
import { closeDb, openDb, tx, type DB } from '../src/store/db';
import { invalidateServing } from '../src/worker-api/state';
import { setRating } from '../src/store/profile';
import { setHidden } from '../src/store/hidden';
import { saveModel } from '../src/store/models';
import { setMeta } from '../src/store/meta';
import { STORES, type StoreName } from '../src/store/schema';

export const tinyFixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/tiny/${name}`, import.meta.url)));

/**
 * A canonical text of a stored value: typed arrays as their type and raw bytes (hex), numbers exactly (-0 and NaN kept),
 * objects with their keys in order. V8's own serializer is not used: it writes the same 0 as an int or a double
 * depending on how the engine happens to hold it.
 */
export function canonical(v: unknown): string {
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}<${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}>`;
  if (v instanceof ArrayBuffer) return `ArrayBuffer<${Buffer.from(v).toString('hex')}>`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v instanceof Date) return `Date(${v.getTime()})`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
}

/** Every store's keys and values in canonical form (typed arrays byte for byte): equal buffers, equal data. */
export async function snapshot(db: DB): Promise<Record<StoreName, Buffer>> {
  const names = Object.values(STORES) as StoreName[];
  const out = {} as Record<StoreName, Buffer>;
  await tx(db, names, 'readonly', async (t) => {
    for (const n of names) {
      const s = t.objectStore(n);
      out[n] = Buffer.from(canonical([await s.getAllKeys(), await s.getAll()]));
    }
  });
  return out;
}

/** Closes and deletes the app's database and forgets the worker's serving tables: each test starts from nothing. */
export async function resetDb(): Promise<void> {
  await closeDb();
  await new Promise((ok) => {
    const r = indexedDB.deleteDatabase('pocketlens');
    r.onsuccess = r.onerror = ok;
  });
  invalidateServing();
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
