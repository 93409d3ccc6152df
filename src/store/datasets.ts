// Datasets, their movie blocks, tags and columnar rating chunks: written as `importing`, shown only once `ready`.
import type { DatasetRatings, MovieInfo, ParsedDataset } from '../engine/movielens/dataset';
import type { BuiltDataset, DatasetStats, RatingChunk } from '../engine/movielens/datasetTypes';
import type { TagCount } from '../engine/movielens/tags';
import type { RatingColumns } from '../engine/types';
import { chunkBytes, decodeChunk, decodeInto, encodeChunk, isV2 } from './chunkCodec';
import { tx, type DB } from './db';
import { blockBytes, tagsAt, toMovieBlocks, toMovies, toTagBlocks } from './movieBlocks';
import { MOVIE_BLOCK, NO_YEAR, STORES, type DatasetRecord, type RatingChunkRecord, type RatingChunkRecordV2, type RatingTimesRecord } from './schema';
import type { ImportTimings as StreamTimings } from '../engine/movielens/importRelease';
import { CHUNK_ROWS } from '../engine/movielens/datasetBuilder';

export async function listDatasets(db: DB): Promise<DatasetRecord[]> {
  const all = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).getAll());
  return all.filter((d) => d.status === 'ready').sort((a, b) => a.createdAt - b.createdAt);
}

export async function getDataset(db: DB, id: string): Promise<DatasetRecord | undefined> {
  const d = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).get(id));
  return d?.status === 'ready' ? d : undefined;
}

const range = (id: string) => IDBKeyRange.bound([id, -Infinity], [id, Infinity]);

function chunkOf(r: DatasetRatings, seq: number): RatingChunk {
  const a = seq * CHUNK_ROWS;
  const b = Math.min(r.length, a + CHUNK_ROWS);
  const ratingsX2 = new Uint8Array(b - a);
  for (let i = a; i < b; i++) ratingsX2[i - a] = Math.round(r.ratings[i] * 2);
  return { seq, length: b - a, users: r.users.slice(a, b), items: r.items.slice(a, b), ratingsX2, timestamps: r.timestamps.slice(a, b) };
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

/**
 * The write side of a streaming import: the `importing` record is written lazily, just before the first chunk, so
 * input refused early leaves nothing to clean; `chunks` is what importRelease() writes through; `abandon()` deletes
 * whatever was written (nothing when nothing was).
 */
export function importWriter(db: DB, meta: DatasetMeta) {
  let begun: Promise<DatasetRecord> | null = null;
  let bytes = 0;
  const begin = () => (begun ??= beginImport(db, meta));
  return {
    begin,
    chunks: {
      put: async (chunk: RatingChunk) => {
        await begin();
        bytes += await putChunk(db, meta.id, chunk);
      },
      get: (seq: number) => getChunk(db, meta.id, seq),
    },
    /** Bytes the chunks written so far took. */
    chunkBytes: () => bytes,
    abandon: async () => {
      if (begun) await deleteDataset(db, meta.id).catch(() => {});
    },
  };
}

/** Step 1 of an import: the record, marked `importing`, so that anything written after it can be found and removed. */
export async function beginImport(db: DB, meta: DatasetMeta): Promise<DatasetRecord> {
  const record: DatasetRecord = { ...meta, status: 'importing', stats: EMPTY_STATS, chunkCount: 0, notes: [], createdAt: Date.now() };
  await tx(db, [STORES.datasets], 'readwrite', (t) => t.objectStore(STORES.datasets).put(record), 'strict');
  return record;
}

/**
 * Step 2, repeated: one chunk, stored as the columns training reads plus its timestamps apart (one transaction,
 * relaxed durability: an import that dies is redone, not recovered). Returns the bytes written.
 */
export async function putChunk(db: DB, dataset: string, chunk: RatingChunk): Promise<number> {
  const { chunk: rec, times } = encodeChunk(dataset, chunk);
  await tx(
    db,
    [STORES.ratingChunks, STORES.ratingTimes],
    'readwrite',
    (t) => Promise.all([t.objectStore(STORES.ratingChunks).put(rec), t.objectStore(STORES.ratingTimes).put(times)]),
    'relaxed',
  );
  return chunkBytes(rec, times);
}

export async function getChunk(db: DB, dataset: string, seq: number): Promise<RatingChunk> {
  const [rec, times] = await tx(db, [STORES.ratingChunks, STORES.ratingTimes], 'readonly', (t) =>
    Promise.all([t.objectStore(STORES.ratingChunks).get([dataset, seq]), t.objectStore(STORES.ratingTimes).get([dataset, seq])]),
  );
  if (!rec) throw new Error(`rating chunk ${seq} of ${dataset} is missing`);
  return decodeChunk(rec, times);
}

/** Writes a dataset's movies (with their statistics) as blocks of MOVIE_BLOCK, replacing any stored before. */
export async function putMovies(db: DB, dataset: string, movies: MovieInfo[]): Promise<void> {
  await tx(
    db,
    [STORES.movieBlocks],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.movieBlocks);
      await s.delete(range(dataset));
      await Promise.all(toMovieBlocks(dataset, movies).map((b) => s.put(b)));
    },
    'relaxed',
  );
}

export interface FinishInput extends Pick<BuiltDataset, 'movies' | 'stats' | 'notes' | 'chunkCount'> {
  /** Top tags by MovieLens movieId (absent or empty: the dataset has none). */
  tags?: ReadonlyMap<number, readonly TagCount[]>;
  timings?: StreamTimings;
  /** Bytes the rating chunks took (putChunk's returns added up). */
  chunkBytes?: number;
}

/**
 * Step 3: the movie blocks (with per-movie counts and means), the tag blocks and the record flipped to `ready`
 * with the statistics, in one strict transaction: only now is the dataset visible, and never without its movies.
 */
export async function finishImport(db: DB, record: DatasetRecord, built: FinishInput): Promise<DatasetRecord> {
  const t0 = performance.now();
  const blocks = toMovieBlocks(record.id, built.movies);
  const tagBlocks = toTagBlocks(
    record.id,
    built.movies.map((m) => m.movieId),
    built.tags ?? new Map(),
  );
  let bytes = built.chunkBytes ?? 0;
  for (const b of [...blocks, ...tagBlocks]) bytes += blockBytes(b);
  const ready: DatasetRecord = {
    ...record,
    status: 'ready',
    stats: built.stats,
    notes: built.notes,
    chunkCount: built.chunkCount,
    storedBytes: bytes,
    taggedMovies: built.tags ? built.movies.reduce((n, m) => n + (built.tags!.has(m.movieId) ? 1 : 0), 0) : 0,
  };
  await tx(
    db,
    [STORES.movieBlocks, STORES.movieTags, STORES.datasets],
    'readwrite',
    async (t) => {
      const mb = t.objectStore(STORES.movieBlocks);
      const mt = t.objectStore(STORES.movieTags);
      await Promise.all([mb.delete(range(record.id)), mt.delete(range(record.id))]);
      await Promise.all([...blocks.map((b) => mb.put(b)), ...tagBlocks.map((b) => mt.put(b))]);
      if (built.timings) ready.importTimings = { ...built.timings, moviesSeconds: (performance.now() - t0) / 1000 };
      await t.objectStore(STORES.datasets).put(ready);
    },
    'strict',
  );
  return ready;
}

/**
 * Stores a dataset parsed in memory, through the same three steps as the streaming import, so an interrupted
 * save is never visible and is removed by cleanupIncomplete() at the next start.
 */
export async function saveDataset(db: DB, meta: DatasetMeta, data: ParsedDataset, onProgress?: (p: WriteProgress) => void): Promise<DatasetRecord> {
  const chunkCount = Math.ceil(data.ratings.length / CHUNK_ROWS);
  const record = await beginImport(db, meta);
  let bytes = 0;
  for (let seq = 0; seq < chunkCount; seq++) {
    bytes += await putChunk(db, meta.id, chunkOf(data.ratings, seq));
    onProgress?.({ rowsWritten: Math.min(data.ratings.length, (seq + 1) * CHUNK_ROWS), rowsTotal: data.ratings.length });
  }
  return finishImport(db, record, { movies: data.movies, stats: data.stats, notes: data.notes, chunkCount, tags: data.tags, chunkBytes: bytes });
}

/** A dataset's movies by dense index, with their rating count and mean. */
export async function readMovies(db: DB, dataset: string): Promise<MovieInfo[]> {
  const blocks = await tx(db, [STORES.movieBlocks], 'readonly', (t) => t.objectStore(STORES.movieBlocks).getAll(range(dataset)));
  return toMovies(blocks);
}

/** The latest release year among a dataset's movies, from the blocks' year columns (titles are not decoded); null when none has one. */
export async function newestMovieYear(db: DB, dataset: string): Promise<number | null> {
  const blocks = await tx(db, [STORES.movieBlocks], 'readonly', (t) => t.objectStore(STORES.movieBlocks).getAll(range(dataset)));
  let newest: number | null = null;
  for (const b of blocks) for (let k = 0; k < b.length; k++) if (b.years[k] !== NO_YEAR && (newest === null || b.years[k] > newest)) newest = b.years[k];
  return newest;
}

/** The top tags of the movie at dense `index` (most frequent first; empty when it has none). */
export async function readMovieTags(db: DB, dataset: string, index: number): Promise<TagCount[]> {
  const rec = await tx(db, [STORES.movieTags], 'readonly', (t) => t.objectStore(STORES.movieTags).get([dataset, Math.floor(index / MOVIE_BLOCK)]));
  return tagsAt(rec, index);
}

type Columns = RatingColumns & { timestamps?: Float64Array };

function columns(n: number, times: boolean): Columns {
  const c: Columns = { users: new Int32Array(n), items: new Int32Array(n), ratings: new Float32Array(n), length: n };
  if (times) c.timestamps = new Float64Array(n);
  return c;
}

function resized(a: Columns, n: number): Columns {
  const b = columns(n, !!a.timestamps);
  const k = Math.min(n, a.length);
  b.users.set(a.users.subarray(0, k));
  b.items.set(a.items.subarray(0, k));
  b.ratings.set(a.ratings.subarray(0, k));
  if (a.timestamps) b.timestamps!.set(a.timestamps.subarray(0, k));
  return b;
}

/** Chunk reads kept in flight by readRatings: enough to hide IndexedDB's per-request latency, few enough to bound memory. */
const READ_AHEAD = 6;

export interface ReadRatingsOptions {
  /** Read the timestamps too (default true); training passes false and reads only users, items and stars. */
  timestamps?: boolean;
  /** Called after each chunk with the rows read so far (a training's preparation progress). */
  onRows?: (rows: number) => void;
}

/**
 * Reads every chunk of a dataset back into one set of columns (for training), a few chunks in memory at a time,
 * into columns sized from the record's count (grown if the chunks hold more). v2 chunks (timestamps inside) and v3
 * chunks (timestamps in ratingTimes, read only when asked for) are both read.
 */
export function readRatings(db: DB, dataset: DatasetRecord): Promise<DatasetRatings>;
export function readRatings(db: DB, dataset: DatasetRecord, opts: ReadRatingsOptions & { timestamps: false }): Promise<RatingColumns>;
export function readRatings(db: DB, dataset: DatasetRecord, opts?: ReadRatingsOptions): Promise<DatasetRatings | RatingColumns>;
export async function readRatings(db: DB, dataset: DatasetRecord, opts: ReadRatingsOptions = {}): Promise<DatasetRatings | RatingColumns> {
  const withTimes = opts.timestamps !== false;
  let out = columns(dataset.stats.ratings, withTimes);
  let off = 0;
  const copy = (c: RatingChunkRecord | RatingChunkRecordV2, times: RatingTimesRecord | undefined) => {
    if (off + c.length > out.length) out = resized(out, Math.max(off + c.length, out.length * 2));
    decodeInto(c, out, off);
    if (out.timestamps) {
      const ts = isV2(c) ? c.timestamps : times?.timestamps;
      if (!ts) throw new Error(`the timestamps of rating chunk ${c.seq} of ${dataset.id} are missing`);
      out.timestamps.set(ts.subarray(0, c.length), off);
    }
    off += c.length;
    opts.onRows?.(off);
  };
  const stores = withTimes ? [STORES.ratingChunks, STORES.ratingTimes] : [STORES.ratingChunks];
  await tx(db, stores, 'readonly', async (t) => {
    const chunks = t.objectStore(STORES.ratingChunks);
    const times = withTimes ? t.objectStore(STORES.ratingTimes) : null;
    const get = (seq: number) => Promise.all([chunks.get([dataset.id, seq]), times?.get([dataset.id, seq])]);
    if (dataset.chunkCount > 0) {
      // Keys are [id, 0..chunkCount-1]: request ahead by key instead of walking a cursor one round trip at a time.
      const pending: ReturnType<typeof get>[] = [];
      for (let seq = 0; seq < dataset.chunkCount; seq++) {
        pending.push(get(seq));
        if (pending.length > READ_AHEAD) {
          const [c, ts] = await pending.shift()!;
          if (c) copy(c, ts);
        }
      }
      for (const p of pending) {
        const [c, ts] = await p;
        if (c) copy(c, ts);
      }
      return;
    }
    let cursor = await chunks.openCursor(range(dataset.id));
    while (cursor) {
      copy(cursor.value, await times?.get([dataset.id, cursor.value.seq]));
      cursor = await cursor.continue();
    }
  });
  const result = off === out.length ? out : resized(out, off);
  return result;
}

async function deleteDatasetData(db: DB, id: string): Promise<void> {
  await tx(db, [STORES.movieBlocks, STORES.movieTags, STORES.ratingChunks, STORES.ratingTimes, STORES.models, STORES.datasets], 'readwrite', async (t) => {
    for (const s of [STORES.movieBlocks, STORES.movieTags, STORES.ratingChunks, STORES.ratingTimes] as const) await t.objectStore(s).delete(range(id));
    const models = t.objectStore(STORES.models);
    for (const key of await models.index('byDataset').getAllKeys(id)) await models.delete(key);
    await t.objectStore(STORES.datasets).delete(id);
  }, 'strict'); // a person's deletion (or the cleanup of a dead import): once done, it stays done
}

export function deleteDataset(db: DB, id: string): Promise<void> {
  return deleteDatasetData(db, id);
}

/** Deletes dataset `id` if it is still not `ready` (its import died); says whether it did. */
export async function deleteIfIncomplete(db: DB, id: string): Promise<boolean> {
  const d = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).get(id));
  if (!d || d.status === 'ready') return false;
  await deleteDatasetData(db, id);
  return true;
}

/** Removes whatever an interrupted import left behind (except imports still `running`); returns the ids cleaned. */
export async function cleanupIncomplete(db: DB, running: ReadonlySet<string> = new Set()): Promise<string[]> {
  const all = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).getAll());
  const stale = all.filter((d) => d.status !== 'ready' && !running.has(d.id)).map((d) => d.id);
  for (const id of stale) await deleteDatasetData(db, id);
  return stale;
}

