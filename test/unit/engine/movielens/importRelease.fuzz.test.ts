// Property tests of the streaming import on mutated releases of every layout (loose files and zips): it equals the
// in-memory path or throws a located ImportError; and over fake-indexeddb a refused import leaves every store byte for byte.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDataset, joinChunks } from '../../../../src/engine/movielens/dataset';
import type { RatingChunk } from '../../../../src/engine/movielens/datasetTypes';
import { ImportError } from '../../../../src/engine/movielens/errors';
import { identifyFiles } from '../../../../src/engine/movielens/files';
import { importRelease, type ChunkStore } from '../../../../src/engine/movielens/importRelease';
import { SLICE_BYTES, memorySource } from '../../../../src/engine/movielens/source';
import { CHUNK_ROWS } from '../../../../src/engine/movielens/datasetBuilder';
import { openDb } from '../../../../src/store/db';
import { importFiles } from '../../../../src/worker-api/importApi';
import {
  RUNS,
  fuzzParams,
  checkImportError,
  concat,
  enc,
  lineCount,
  linksCsvText,
  movieSpecsArb,
  moviesCsvText,
  moviesDatText,
  mutate,
  mutationsArb,
  ratingsText,
  rowsArb,
  uGenreText,
  uItemText,
  type MovieSpec,
  type Mutation,
  type Row,
} from '../../../fuzz';
import { expectUnchanged, seedPersonData, snapshot } from '../../../storeSnapshot';

type Layout = 'csv' | 'u.data' | 'dat';
interface File {
  name: string;
  bytes: Uint8Array;
}

function release(layout: Layout, rows: Row[], movies: MovieSpec[]): File[] {
  const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  if (layout === 'csv') {
    return [
      { name: 'ratings.csv', bytes: enc(ratingsText(rows, 'csv')) },
      { name: 'movies.csv', bytes: enc(moviesCsvText(movies)) },
      { name: 'links.csv', bytes: enc(linksCsvText(movies)) },
    ];
  }
  if (layout === 'u.data') {
    return [
      { name: 'u.data', bytes: enc(ratingsText(rows, 'tab')) },
      { name: 'u.item', bytes: latin1(uItemText(movies)) },
      { name: 'u.genre', bytes: enc(uGenreText()) },
    ];
  }
  return [
    { name: 'ratings.dat', bytes: enc(ratingsText(rows, 'dat')) },
    { name: 'movies.dat', bytes: enc(moviesDatText(movies)) },
  ];
}

/** Mutates file `which` (by index) of the release. */
const damaged = (files: File[], which: number, ms: Mutation[]): File[] => files.map((f, i) => (i === which % files.length ? { ...f, bytes: mutate(f.bytes, ms) } : f));

class MemoryStore implements ChunkStore {
  readonly chunks: RatingChunk[] = [];
  async put(c: RatingChunk) {
    this.chunks[c.seq] = structuredClone(c);
  }
  async get(seq: number) {
    return structuredClone(this.chunks[seq]);
  }
}

const caseArb = fc.record({
  layout: fc.constantFrom<Layout>('csv', 'u.data', 'dat'),
  rows: rowsArb,
  movies: movieSpecsArb,
  which: fc.nat(2),
  mutations: mutationsArb,
  zip: fc.boolean(),
  chunkRows: fc.integer({ min: 1, max: 8 }),
  sliceBytes: fc.integer({ min: 1, max: 64 }),
});

const maxLine = (files: File[]) => Math.max(...files.map((f) => lineCount(f.bytes))) + 1;

describe('streaming import of mutated releases', () => {
  test('gives what the in-memory path gives (loose files) or a located ImportError; zips the same or an ImportError', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const files = damaged(release(c.layout, c.rows, c.movies), c.which, c.mutations);
        const names = new RegExp(`^(${files.map((f) => f.name.replace('.', '\\.')).join('|')}|release\\.zip|release/.*|test)$`);
        const sources = c.zip ? [memorySource('release.zip', zipSync(Object.fromEntries(files.map((f) => [`release/${f.name}`, f.bytes]))))] : files.map((f) => memorySource(f.name, f.bytes));
        const store = new MemoryStore();
        let streamed: Awaited<ReturnType<typeof importRelease>> | ImportError;
        try {
          streamed = await importRelease(sources, 'test', store, { chunkRows: c.chunkRows, sliceBytes: c.sliceBytes });
        } catch (e) {
          streamed = checkImportError(e, names, maxLine(files));
          refused++;
        }
        let inMemory: ReturnType<typeof buildDataset> | ImportError;
        try {
          inMemory = buildDataset(identifyFiles(files.map((f) => ({ path: f.name, bytes: f.bytes })), 'test'));
        } catch (e) {
          inMemory = checkImportError(e, names, maxLine(files));
        }
        if (streamed instanceof ImportError || inMemory instanceof ImportError) {
          expect(streamed instanceof ImportError && inMemory instanceof ImportError).toBe(true);
          if (!c.zip) expect((streamed as ImportError).message).toBe((inMemory as ImportError).message);
          return;
        }
        expect(streamed.stats).toEqual(inMemory.stats);
        expect(streamed.movies).toEqual(inMemory.movies);
        expect(streamed.notes).toEqual(inMemory.notes);
        // And the very same rating rows (duplicates resolved the same way), chunk boundaries aside.
        const rows = (r: ReturnType<typeof joinChunks>) => ({ users: Array.from(r.users), items: Array.from(r.items), ratings: Array.from(r.ratings), timestamps: Array.from(r.timestamps) });
        expect(rows(joinChunks(store.chunks.filter(Boolean)))).toEqual(rows(inMemory.ratings));
      }),
      fuzzParams(RUNS),
    );
    expect(refused).toBeGreaterThan(RUNS / 4);
  });
});

describe('a refused import writes nothing (fake-indexeddb)', () => {
  beforeAll(async () => {
    await seedPersonData();
  });

  /**
   * Valid ratings before the damaged part: more than a chunk (262,144 rows), and past two read slices, so the chunk
   * fills in an earlier slice than the one holding the error and is stored before the error is met, whether the file
   * comes loose (read in SLICE_BYTES slices) or zipped (inflated in smaller pieces). Built once per layout.
   */
  const fillers = new Map<Layout, Uint8Array>();
  function filler(layout: Layout): Uint8Array {
    let f = fillers.get(layout);
    if (f) return f;
    const sep = layout === 'csv' ? ',' : layout === 'u.data' ? '\t' : '::';
    const lines: string[] = layout === 'csv' ? ['userId,movieId,rating,timestamp'] : [];
    let bytes = 0;
    for (let k = 0; k <= CHUNK_ROWS || bytes <= 2 * SLICE_BYTES; k++) {
      const line = [1000 + (k >> 6), 1 + (k & 63), 1 + (k % 9) / 2, 1e9 + k].join(sep);
      lines.push(line);
      bytes += line.length + 1;
    }
    f = enc(lines.join('\n') + '\n');
    fillers.set(layout, f);
    return f;
  }
  function withFiller(layout: Layout, bytes: Uint8Array): Uint8Array {
    // The damaged file's own header (csv) becomes a data line after the filler: drop it.
    const tail = layout === 'csv' ? bytes.subarray(Math.max(0, bytes.indexOf(10) + 1)) : bytes;
    return concat(filler(layout), tail);
  }

  /** Runs failing imports of generated cases; returns how many chunk puts reached IndexedDB before the refusals. */
  async function refusedLeaveNothing(arb: typeof caseArb, late: boolean, numRuns: number): Promise<{ refused: number; chunkPuts: number }> {
    const db = await openDb();
    const before = await snapshot(db);
    let refused = 0;
    let chunkPuts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'ratingChunks') chunkPuts++;
      return put.apply(this, args);
    };
    try {
      await fc.assert(
        fc.asyncProperty(arb, async (c) => {
          let files = damaged(release(c.layout, c.rows, c.movies), c.which, c.mutations);
          if (late) files = files.map((f, i) => (i === 0 ? { ...f, bytes: withFiller(c.layout, f.bytes) } : f));
          // Only inputs the import refuses (checked in memory first, which writes nothing).
          let refusedInMemory = false;
          try {
            buildDataset(identifyFiles(files.map((f) => ({ path: f.name, bytes: f.bytes })), 'x'));
          } catch {
            refusedInMemory = true;
          }
          fc.pre(refusedInMemory);
          const input = c.zip ? [{ name: 'release.zip', bytes: zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes]))) }] : files;
          const putsBefore = chunkPuts;
          const err = await importFiles(input, () => {}).then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(ImportError);
          // A late failure comes after a full chunk was stored, in every case (loose and zipped alike).
          if (late) expect(chunkPuts, `${c.layout}${c.zip ? ' zipped' : ''}`).toBeGreaterThan(putsBefore);
          refused++;
          await expectUnchanged(db, before);
        }),
        fuzzParams(numRuns),
      );
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    return { refused, chunkPuts };
  }

  test('every store is byte for byte what it was: datasets, movies, chunks, profile, hidden, models, meta', async () => {
    const { refused } = await refusedLeaveNothing(caseArb, false, Math.max(30, RUNS / 10));
    expect(refused).toBeGreaterThanOrEqual(30);
  });

  test('the same when the ratings file fails after a full chunk of 262,144 rows was stored', async () => {
    // Loose files and a zip, two cases each (a loose ratings file is read in slices, a zipped one inflated in pieces).
    let refused = 0;
    let chunkPuts = 0;
    for (const zip of [false, true]) {
      const lateArb = caseArb.map((c) => ({ ...c, zip, which: 0, mutations: [{ kind: 'insert' as const, at: 0.999, bytes: [...enc('1,x,3,1\n')] }] }));
      const r = await refusedLeaveNothing(lateArb, true, 2);
      refused += r.refused;
      chunkPuts += r.chunkPuts;
    }
    expect(refused).toBe(4);
    expect(chunkPuts).toBeGreaterThanOrEqual(1);
  });
});
