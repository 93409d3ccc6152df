// Datasets, their movies and columnar rating chunks: written as `importing`, shown only once `ready`.
import type { DatasetRatings, MovieInfo, ParsedDataset } from '../engine/movielens/dataset';
import type { BuiltDataset, DatasetStats, RatingChunk } from '../engine/movielens/datasetTypes';
import { tx, type DB } from './db';
import { STORES, type DatasetRecord, type MovieRecord, type RatingChunkRecord } from './schema';
import type { ImportTimings as StreamTimings } from '../engine/movielens/importRelease';

export const CHUNK_ROWS = 1 << 18;

export async function listDatasets(db: DB): Promise<DatasetRecord[]> {
  const all = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).getAll());
  return all.filter((d) => d.status === 'ready').sort((a, b) => a.createdAt - b.createdAt);
}

export async function getDataset(db: DB, id: string): Promise<DatasetRecord | undefined> {
  const d = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).get(id));
  return d?.status === 'ready' ? d : undefined;
}

function chunkOf(r: DatasetRatings, dataset: string, seq: number): RatingChunkRecord {
  const a = seq * CHUNK_ROWS;
  const b = Math.min(r.length, a + CHUNK_ROWS);
  const ratingsX2 = new Uint8Array(b - a);
  for (let i = a; i < b; i++) ratingsX2[i - a] = Math.round(r.ratings[i] * 2);
  return {
    dataset,
    seq,
    length: b - a,
    users: r.users.slice(a, b),
    items: r.items.slice(a, b),
    ratingsX2,
    timestamps: r.timestamps.slice(a, b),
  };
}

export interface WriteProgress {
  rowsWritten: number;
  rowsTotal: number;
}

export interface DatasetMeta {
  id: string;
  name: string;
  source: string;
  bytes: number;
}

const EMPTY_STATS: DatasetStats = { ratings: 0, users: 0, movies: 0, ratedMovies: 0, missingMovies: 0, duplicates: 0, mean: 0, scale: { min: 0, max: 0 } };

/** Step 1 of an import: the record, marked `importing`, so that anything written after it can be found and removed. */
export async function beginImport(db: DB, meta: DatasetMeta): Promise<DatasetRecord> {
  const record: DatasetRecord = { ...meta, status: 'importing', stats: EMPTY_STATS, chunkCount: 0, notes: [], createdAt: Date.now() };
  await tx(db, [STORES.datasets], 'readwrite', (t) => t.objectStore(STORES.datasets).put(record), 'strict');
  return record;
}

/** Step 2, repeated: one columnar chunk (relaxed durability: an import that dies is redone, not recovered). */
export async function putChunk(db: DB, dataset: string, chunk: RatingChunk): Promise<void> {
  const rec: RatingChunkRecord = { dataset, ...chunk };
  await tx(db, [STORES.ratingChunks], 'readwrite', (t) => t.objectStore(STORES.ratingChunks).put(rec), 'relaxed');
}

export async function getChunk(db: DB, dataset: string, seq: number): Promise<RatingChunk> {
  const rec = await tx(db, [STORES.ratingChunks], 'readonly', (t) => t.objectStore(STORES.ratingChunks).get([dataset, seq]));
  if (!rec) throw new Error(`rating chunk ${seq} of ${dataset} is missing`);
  const { dataset: _d, ...chunk } = rec;
  return chunk;
}

/** Movie records (one put each, in one transaction). The streaming import calls it early, with count and mean still 0. */
export async function putMovies(db: DB, dataset: string, movies: MovieInfo[]): Promise<void> {
  if (movies.length === 0) return;
  await tx(
    db,
    [STORES.movies],
    'readwrite',
    (t) => {
      const s = t.objectStore(STORES.movies);
      return Promise.all(movies.map((m) => s.put({ ...m, dataset })));
    },
    'relaxed',
  );
}

/**
 * Step 3: the record flipped to `ready` (strict) with the statistics, per-movie counts and means as columns; only
 * now is the dataset visible. The movie records are written here unless the import already did (`moviesStored`).
 */
export async function finishImport(
  db: DB,
  record: DatasetRecord,
  built: Pick<BuiltDataset, 'movies' | 'stats' | 'notes' | 'chunkCount'> & { timings?: StreamTimings },
  moviesStored = false,
): Promise<DatasetRecord> {
  const t0 = performance.now();
  if (!moviesStored) await putMovies(db, record.id, built.movies);
  const counts = new Int32Array(built.movies.length);
  const means = new Float64Array(built.movies.length);
  for (const m of built.movies) {
    counts[m.index] = m.count;
    means[m.index] = m.mean;
  }
  const ready: DatasetRecord = { ...record, status: 'ready', stats: built.stats, notes: built.notes, chunkCount: built.chunkCount, movieStats: { counts, means } };
  if (built.timings) ready.importTimings = { ...built.timings, moviesSeconds: (performance.now() - t0) / 1000 };
  await tx(db, [STORES.datasets], 'readwrite', (t) => t.objectStore(STORES.datasets).put(ready), 'strict');
  return ready;
}

/**
 * Stores a dataset parsed in memory, through the same three steps as the streaming import, so an interrupted
 * save is never visible and is removed by cleanupIncomplete() at the next start.
 */
export async function saveDataset(db: DB, meta: DatasetMeta, data: ParsedDataset, onProgress?: (p: WriteProgress) => void): Promise<DatasetRecord> {
  const chunkCount = Math.ceil(data.ratings.length / CHUNK_ROWS);
  const record = await beginImport(db, meta);
  for (let seq = 0; seq < chunkCount; seq++) {
    const { dataset: _d, ...chunk } = chunkOf(data.ratings, meta.id, seq);
    await putChunk(db, meta.id, chunk);
    onProgress?.({ rowsWritten: Math.min(data.ratings.length, (seq + 1) * CHUNK_ROWS), rowsTotal: data.ratings.length });
  }
  return finishImport(db, record, { movies: data.movies, stats: data.stats, notes: data.notes, chunkCount });
}

/** A dataset's movies by dense index, with their rating count and mean (from the record's columns when it has them). */
export async function readMovies(db: DB, dataset: string): Promise<MovieInfo[]> {
  const [rows, record] = await tx(db, [STORES.movies, STORES.datasets], 'readonly', (t) =>
    Promise.all([t.objectStore(STORES.movies).getAll(IDBKeyRange.bound([dataset, -Infinity], [dataset, Infinity])), t.objectStore(STORES.datasets).get(dataset)]),
  );
  const stats = record?.movieStats;
  const movies: MovieInfo[] = new Array(rows.length);
  for (const { dataset: _d, ...m } of rows) {
    if (stats && m.index < stats.counts.length) {
      m.count = stats.counts[m.index];
      m.mean = stats.means[m.index];
    }
    movies[m.index] = m;
  }
  return movies;
}

function columns(n: number): DatasetRatings {
  return { users: new Int32Array(n), items: new Int32Array(n), ratings: new Float32Array(n), timestamps: new Float64Array(n), length: n };
}

function resized(a: DatasetRatings, n: number): DatasetRatings {
  const b = columns(n);
  const k = Math.min(n, a.length);
  b.users.set(a.users.subarray(0, k));
  b.items.set(a.items.subarray(0, k));
  b.ratings.set(a.ratings.subarray(0, k));
  b.timestamps.set(a.timestamps.subarray(0, k));
  return b;
}

/** Chunk reads kept in flight by readRatings: enough to hide IndexedDB's per-request latency, few enough to bound memory. */
const READ_AHEAD = 6;

/**
 * Reads every chunk of a dataset back into one set of columns (for training), a few chunks in memory at a time,
 * into columns sized from the record's count (grown if the chunks hold more).
 */
export async function readRatings(db: DB, dataset: DatasetRecord): Promise<DatasetRatings> {
  let out = columns(dataset.stats.ratings);
  let off = 0;
  const copy = (c: RatingChunkRecord) => {
    if (off + c.length > out.length) out = resized(out, Math.max(off + c.length, out.length * 2));
    out.users.set(c.users.subarray(0, c.length), off);
    out.items.set(c.items.subarray(0, c.length), off);
    out.timestamps.set(c.timestamps.subarray(0, c.length), off);
    const r = out.ratings;
    const x2 = c.ratingsX2;
    for (let i = 0; i < c.length; i++) r[off + i] = x2[i] * 0.5;
    off += c.length;
  };
  await tx(db, [STORES.ratingChunks], 'readonly', async (t) => {
    const store = t.objectStore(STORES.ratingChunks);
    if (dataset.chunkCount > 0) {
      // Keys are [id, 0..chunkCount-1]: request ahead by key instead of walking a cursor one round trip at a time.
      const pending: Promise<RatingChunkRecord | undefined>[] = [];
      for (let seq = 0; seq < dataset.chunkCount; seq++) {
        pending.push(store.get([dataset.id, seq]));
        if (pending.length > READ_AHEAD) {
          const c = await pending.shift()!;
          if (c) copy(c);
        }
      }
      for (const p of pending) {
        const c = await p;
        if (c) copy(c);
      }
      return;
    }
    let cursor = await store.openCursor(IDBKeyRange.bound([dataset.id, 0], [dataset.id, Infinity]));
    while (cursor) {
      copy(cursor.value);
      cursor = await cursor.continue();
    }
  });
  return off === out.length ? out : resized(out, off);
}

async function deleteDatasetData(db: DB, id: string): Promise<void> {
  await tx(db, [STORES.movies, STORES.ratingChunks, STORES.models, STORES.datasets], 'readwrite', async (t) => {
    await t.objectStore(STORES.movies).delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
    await t.objectStore(STORES.ratingChunks).delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
    const models = t.objectStore(STORES.models);
    for (const key of await models.index('byDataset').getAllKeys(id)) await models.delete(key);
    await t.objectStore(STORES.datasets).delete(id);
  }, 'strict'); // a person's deletion (or the cleanup of a dead import): once done, it stays done
}

export function deleteDataset(db: DB, id: string): Promise<void> {
  return deleteDatasetData(db, id);
}

/** Removes whatever an interrupted import left behind (except imports still `running`); returns the ids cleaned. */
/** Deletes dataset `id` if it is still not `ready` (its import died); says whether it did. */
export async function deleteIfIncomplete(db: DB, id: string): Promise<boolean> {
  const d = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).get(id));
  if (!d || d.status === 'ready') return false;
  await deleteDatasetData(db, id);
  return true;
}

export async function cleanupIncomplete(db: DB, running: ReadonlySet<string> = new Set()): Promise<string[]> {
  const all = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).getAll());
  const stale = all.filter((d) => d.status !== 'ready' && !running.has(d.id)).map((d) => d.id);
  for (const id of stale) await deleteDatasetData(db, id);
  return stale;
}

export type { MovieRecord };
