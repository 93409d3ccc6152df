// Streaming import (engine): zip or loose sources → chunks as they fill, same result as the in-memory path, any zip order,
// both inflaters, duplicates fixed after chunks were handed out, and damaged zips refused with their name.
import { readFileSync, readdirSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { buildDataset, joinChunks } from '../../../../src/engine/movielens/dataset';
import type { RatingChunk } from '../../../../src/engine/movielens/datasetTypes';
import { ImportError } from '../../../../src/engine/movielens/errors';
import { identifyFiles, type InputFile } from '../../../../src/engine/movielens/files';
import { importRelease, type ChunkStore, type StreamImportOptions, type StreamProgress } from '../../../../src/engine/movielens/importRelease';
import { memorySource, type ByteSource } from '../../../../src/engine/movielens/source';
import { readZipDirectory } from '../../../../src/engine/movielens/zipReader';

const enc = (s: string) => new TextEncoder().encode(s);
const folder = (name: string, prefix = ''): InputFile[] => {
  const dir = new URL(`../../../fixtures/${name}/`, import.meta.url);
  return readdirSync(dir)
    .sort()
    .map((f) => ({ path: `${prefix}${f}`, bytes: new Uint8Array(readFileSync(new URL(f, dir))) }));
};

/** A chunk store in memory that copies on put (as IndexedDB's structured clone does) and logs the order of events. */
class MemoryStore implements ChunkStore {
  readonly chunks: RatingChunk[] = [];
  puts = 0;
  constructor(private readonly log: string[] = []) {}
  async put(c: RatingChunk): Promise<void> {
    this.puts++;
    this.log.push(`put ${c.seq}`);
    this.chunks[c.seq] = structuredClone(c);
  }
  async get(seq: number): Promise<RatingChunk> {
    return structuredClone(this.chunks[seq]);
  }
}

const plain = (c: ReturnType<typeof joinChunks>) => ({
  users: Array.from(c.users),
  items: Array.from(c.items),
  ratings: Array.from(c.ratings),
  timestamps: Array.from(c.timestamps),
});

async function streamed(sources: ByteSource[], opts: StreamImportOptions = {}) {
  const store = new MemoryStore();
  const r = await importRelease(sources, 'test', store, { chunkRows: 3, sliceBytes: 7, ...opts });
  return { r, store, ratings: joinChunks(store.chunks) };
}

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('importRelease gives what the in-memory path gives', () => {
  test.each([
    ['tiny (ml-latest)', 'tiny'],
    ['ml-100k (ungrouped, one duplicate)', 'ml-100k'],
    ['ml-1m', 'ml-1m'],
    ['ml-10m', 'ml-10m'],
  ])('%s as loose files and as a zip with ratings before movies, with both inflaters', async (_name, dir) => {
    const files = folder(dir);
    const want = buildDataset(identifyFiles(files, 'x'));
    const loose = await streamed(files.map((f) => memorySource(f.path, f.bytes)));
    expect(loose.r.stats).toEqual(want.stats);
    expect(loose.r.movies).toEqual(want.movies);
    expect(loose.r.notes).toEqual(want.notes);
    expect(plain(loose.ratings)).toEqual(plain(want.ratings));
    expect(loose.r.chunkCount).toBe(Math.ceil((want.stats.ratings + want.stats.duplicates) / 3));
    // GroupLens zip layout, but entries in the "wrong" order: ratings first.
    const entries = [...files].sort((a, b) => (/ratings|u\.data/.test(a.path) ? -1 : /ratings|u\.data/.test(b.path) ? 1 : 0));
    const zip = zipSync(Object.fromEntries(entries.map((f) => [`${dir}/${f.path}`, f.bytes])));
    expect((await readZipDirectory(memorySource('z.zip', zip)))[0].path).toMatch(/ratings|u\.data/);
    for (const inflater of ['native', 'fflate'] as const) {
      const z = await streamed([memorySource(`${dir}.zip`, zip)], { inflater });
      expect(z.r.stats).toEqual(want.stats);
      expect(z.r.movies).toEqual(want.movies);
      expect(plain(z.ratings)).toEqual(plain(want.ratings));
    }
  });

  test('stored (uncompressed) zip entries and a single loose ratings file inside a folder name work too', async () => {
    const files = folder('tiny');
    const zip = zipSync(Object.fromEntries(files.map((f) => [`ml-tiny/${f.path}`, f.bytes])), { level: 0 });
    const z = await streamed([memorySource('ml-tiny.zip', zip)]);
    expect(z.r.stats.ratings).toBe(8);
    expect(z.r.layout.ratings.path).toBe('ml-tiny/ratings.csv');
  });
});

describe('streaming behaviour', () => {
  const header = 'userId,movieId,rating,timestamp\n';
  const movies = enc('movieId,title,genres\n1,A (2000),Drama\n2,B (2001),Comedy\n3,C (2002),Action\n');

  test('chunks are stored while the ratings file is still being read; progress reports bytes and rows', async () => {
    const lines = Array.from({ length: 2000 }, (_, k) => `${1 + Math.floor(k / 3)},${1 + (k % 3)},${1 + (k % 9) / 2},${1e9 + k}`);
    const bytes = enc(header + lines.join('\n') + '\n');
    const log: string[] = [];
    const ratings: ByteSource = {
      name: 'ratings.csv',
      size: bytes.length,
      read: async (o, n) => {
        log.push(`read ${o}`);
        return bytes.subarray(o, o + n);
      },
    };
    const progress: StreamProgress[] = [];
    const store = new MemoryStore(log);
    const r = await importRelease([ratings, memorySource('movies.csv', movies)], 'x', store, {
      chunkRows: 100,
      sliceBytes: 1000,
      progressEvery: 0,
      onProgress: (p) => progress.push(p),
    });
    expect(r.stats).toMatchObject({ ratings: 2000, users: 667, movies: 3, perUser: { min: 2, median: 3, max: 3 } });
    expect(store.puts).toBe(20);
    expect(log.indexOf('put 0')).toBeLessThan(log.indexOf(`read ${Math.floor(bytes.length / 1000) * 1000}`));
    expect(progress[0]).toMatchObject({ stage: 'open', bytesDone: 0, bytesTotal: bytes.length });
    const parse = progress.filter((p) => p.stage === 'ratings');
    expect(parse.length).toBeGreaterThan(20);
    expect(parse.at(-1)).toMatchObject({ bytesDone: bytes.length, rows: 2000 });
    for (let k = 1; k < parse.length; k++) expect(parse[k].rows).toBeGreaterThanOrEqual(parse[k - 1].rows);
    expect(progress.at(-1)).toMatchObject({ stage: 'finish', rows: 2000 });
  });

  test('a duplicate whose first copy is already stored is fixed by rewriting that chunk; handed-out chunks are never changed', async () => {
    // User 1 rates movie 1 (t=100) in chunk 0, then again in chunk 1 (t=300): the later one is kept.
    const text = header + '1,1,1,100\n1,2,2,101\n1,3,3,102\n1,1,5,300\n2,1,4,50\n2,1,1,40\n';
    const seen: RatingChunk[] = [];
    const store = new MemoryStore();
    const put = store.put.bind(store);
    store.put = async (c) => {
      seen.push(c);
      await put(c);
    };
    const snapshot: number[][] = [];
    const r = await importRelease([memorySource('ratings.csv', enc(text)), memorySource('movies.csv', movies)], 'x', store, {
      chunkRows: 3,
      sliceBytes: 11,
      onProgress: () => snapshot.push(seen.map((c) => c.ratingsX2.reduce((s, x) => s + x, 0))),
    });
    expect(r.stats).toMatchObject({ ratings: 4, duplicates: 2, users: 2 });
    expect(r.notes).toEqual(['2 repeated (user, movie) ratings dropped, keeping the latest by timestamp']);
    expect(r.movies[0]).toMatchObject({ count: 2, mean: 4.5 });
    expect(Array.from(joinChunks(store.chunks).ratings)).toEqual([2, 3, 5, 4]);
    expect(seen.map((c) => c.seq)).toEqual([0, 1, 0]); // chunk 0 stored, chunk 1 stored, chunk 0 rewritten
    expect(seen[0].ratingsX2).toEqual(Uint8Array.from([2, 4, 6])); // the stored copy was not touched afterwards
  });

  test('ids above the flat lookup range and users not grouped together still map and dedupe correctly', async () => {
    const text = header + '999999999,3,4,10\n5,1,2,11\n999999999,1,3,12\n5,1,5,13\n999999999,3,1,9\n';
    const { r, ratings } = await streamed([memorySource('ratings.csv', enc(text)), memorySource('movies.csv', movies)]);
    expect(Array.from(r.userIds)).toEqual([999999999, 5]);
    expect(r.stats).toMatchObject({ ratings: 3, users: 2, duplicates: 2 });
    expect(plain(ratings)).toEqual({ users: [0, 0, 1], items: [2, 0, 0], ratings: [4, 3, 5], timestamps: [10, 12, 13] });
    expect(Array.from(r.userCounts)).toEqual([2, 1]);
  });
});

describe('chunk layout', () => {
  test('timestamps are stored as Uint32, and a chunk with one past 2106 keeps Float64 exactly', async () => {
    const movies = enc('movieId,title,genres\n1,A (2000),Drama\n');
    const text = 'userId,movieId,rating,timestamp\n1,1,4,4294967295\n2,1,3,0\n3,1,2,9999999999\n';
    const { store, ratings } = await streamed([memorySource('ratings.csv', enc(text)), memorySource('movies.csv', movies)], { chunkRows: 2 });
    expect(store.chunks.map((c) => c.timestamps.constructor.name)).toEqual(['Uint32Array', 'Float64Array']);
    expect(Array.from(ratings.timestamps)).toEqual([4294967295, 0, 9999999999]);
  });
});

describe('bad zips are refused before anything is stored', () => {
  const files = folder('tiny');
  const zip = zipSync(Object.fromEntries(files.map((f) => [`ml-tiny/${f.path}`, f.bytes])));

  test('truncated, not a zip, two zips', async () => {
    const store = new MemoryStore();
    const cut = await importError(importRelease([memorySource('ml-tiny.zip', zip.subarray(0, zip.length - 30))], 'drop', store));
    expect(cut.message).toBe('ml-tiny.zip: expected a complete zip archive; it is truncated or corrupt (no end-of-central-directory record)');
    expect((await importError(importRelease([memorySource('a.zip', enc('hello, not a zip at all, just text here'))], 'drop', store))).message).toBe(
      'a.zip: expected a zip archive (it does not start with the zip signature "PK")',
    );
    expect((await importError(importRelease([memorySource('a.zip', zip), memorySource('b.zip', zip)], '2 files', store))).message).toBe('2 files: expected one zip at a time');
    expect(store.puts).toBe(0);
  });

  test('damaged compressed data fails its inflate or CRC check, naming the zip and the entry', async () => {
    const big = enc('userId,movieId,rating,timestamp\n' + Array.from({ length: 3000 }, (_, k) => `${k},${k % 7},3.5,${1e9 + k}`).join('\n'));
    const z = zipSync({ 'ml/ratings.csv': big, 'ml/movies.csv': files[1].bytes });
    const entries = await readZipDirectory(memorySource('ml.zip', z));
    const r = entries.find((e) => e.path === 'ml/ratings.csv')!;
    const bad = z.slice();
    const mid = r.localHeaderOffset + 30 + r.path.length + (r.compressedSize >> 1);
    for (let k = 0; k < 8; k++) bad[mid + k] ^= 0x5a;
    for (const inflater of ['native', 'fflate'] as const) {
      const e = await importError(importRelease([memorySource('ml.zip', bad)], 'x', new MemoryStore(), { inflater }));
      expect(e.message).toMatch(/^ml\.zip: expected a complete zip archive; it is truncated or corrupt \(ml\/ratings\.csv (does not inflate|fails its CRC-32 check|should hold)|^ml\/ratings\.csv, line \d+: /);
    }
  });
});
