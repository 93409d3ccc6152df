// Stored rating chunks (v3): every column comes back exactly, in about 3 bytes a rating; v2 and v3 chunks read together.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { RatingChunk } from '../../../src/engine/movielens/datasetTypes';
import { chunkBytes, decodeChunk, decodeInto, encodeChunk } from '../../../src/store/chunkCodec';
import { openDb, tx } from '../../../src/store/db';
import { beginImport, finishImport, getChunk, putChunk, readRatings } from '../../../src/store/datasets';
import { STORES } from '../../../src/store/schema';

function chunk(n: number, user: (k: number) => number, item: (k: number) => number, wideTime = false): RatingChunk {
  const c: RatingChunk = { seq: 3, length: n, users: new Int32Array(n), items: new Int32Array(n), ratingsX2: new Uint8Array(n), timestamps: wideTime ? new Float64Array(n) : new Uint32Array(n) };
  for (let k = 0; k < n; k++) {
    c.users[k] = user(k);
    c.items[k] = item(k);
    c.ratingsX2[k] = k % 13 === 5 ? 0 : 1 + ((k * 7) % 10); // 0: a row dropped as a duplicate, kept until the rewrite
    c.timestamps[k] = wideTime && k === 2 ? 2 ** 33 : 1e9 + k;
  }
  return c;
}

const same = (a: RatingChunk, b: RatingChunk) => {
  expect(b.length).toBe(a.length);
  for (const k of ['users', 'items', 'ratingsX2', 'timestamps'] as const) expect(Array.from(b[k])).toEqual(Array.from(a[k]));
};

describe('chunk codec', () => {
  test('users grouped into runs, items under 65,536, odd length: stored as runs, Uint16 and 4-bit stars, about 3 bytes a rating', () => {
    const c = chunk(100_001, (k) => Math.floor(k / 90), (k) => (k * 7919) % 60_000);
    const { chunk: rec, times } = encodeChunk('d', c);
    expect(rec.users).toBeUndefined();
    expect(rec.userRuns!.length).toBe(2 * Math.ceil(100_001 / 90));
    expect(rec.items).toBeInstanceOf(Uint16Array);
    expect(rec.halfStars.length).toBe(50_001);
    expect(times.timestamps).toBeInstanceOf(Uint32Array);
    expect(chunkBytes(rec) / c.length).toBeLessThan(2.6);
    same(c, decodeChunk(rec, times));
  });

  test('users not grouped, items past 65,535, timestamps past 2106: kept as Int32, Int32 and Float64', () => {
    const c = chunk(1001, (k) => (k * 31) % 97, (k) => 70_000 + k, true);
    const { chunk: rec, times } = encodeChunk('d', c);
    expect(rec.userRuns).toBeUndefined();
    expect(rec.users).toBeInstanceOf(Int32Array);
    expect(rec.items).toBeInstanceOf(Int32Array);
    expect(times.timestamps).toBeInstanceOf(Float64Array);
    same(c, decodeChunk(rec, times));
    const out = { users: new Int32Array(1005), items: new Int32Array(1005), ratings: new Float32Array(1005), length: 1005 };
    decodeInto(rec, out, 4);
    expect(Array.from(out.ratings.subarray(4))).toEqual(Array.from(c.ratingsX2, (x) => x / 2));
    expect(Array.from(out.users.subarray(0, 4))).toEqual([0, 0, 0, 0]);
  });

  test('a v2 chunk and v3 chunks of one dataset read back as one set of columns, with or without timestamps', async () => {
    const db = await openDb('codec');
    const rec = await beginImport(db, { id: 'mix', name: 'mix', source: 't', bytes: 0 });
    const a = chunk(10, (k) => k >> 2, (k) => k);
    const b = { ...chunk(7, (k) => 3 + (k >> 1), (k) => 100 + k), seq: 1 };
    const c = { ...chunk(5, () => 9, (k) => 70_000 + k, true), seq: 2 };
    for (const x of [a, b, c]) for (let k = 0; k < x.length; k++) x.ratingsX2[k] ||= 4;
    await tx(db, [STORES.ratingChunks], 'readwrite', (t) => t.objectStore(STORES.ratingChunks).put({ dataset: 'mix', ...a, seq: 0 }));
    await putChunk(db, 'mix', b);
    await putChunk(db, 'mix', c);
    const stats = { ratings: 22, users: 10, movies: 3, ratedMovies: 3, missingMovies: 0, duplicates: 0, mean: 2, scale: { min: 0.5, max: 5 } };
    const ready = await finishImport(db, rec, { movies: [], stats, notes: [], chunkCount: 3 });
    const all = await readRatings(db, ready);
    expect(Array.from(all.users)).toEqual([...a.users, ...b.users, ...c.users]);
    expect(Array.from(all.items)).toEqual([...a.items, ...b.items, ...c.items]);
    expect(Array.from(all.ratings)).toEqual([...a.ratingsX2, ...b.ratingsX2, ...c.ratingsX2].map((x) => x / 2));
    expect(Array.from(all.timestamps)).toEqual([...a.timestamps, ...b.timestamps, ...c.timestamps]);
    const training = await readRatings(db, ready, { timestamps: false });
    expect(Array.from(training.items)).toEqual(Array.from(all.items));
    same(c, await getChunk(db, 'mix', 2));
  });
});
