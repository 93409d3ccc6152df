// Datasets, their movies and columnar rating chunks: written as `importing`, shown only once `ready`.
import type { DatasetRatings, MovieInfo, ParsedDataset } from '../engine/movielens/dataset';
import { tx, type DB } from './db';
import { STORES, type DatasetRecord, type MovieRecord, type RatingChunkRecord } from './schema';

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

/**
 * Stores a parsed dataset. The record is written first as `importing`, then movies and chunks
 * (relaxed durability), then flipped to `ready` with strict durability, so an interrupted import is
 * never visible and is removed by cleanupIncomplete() at the next start.
 */
export async function saveDataset(
  db: DB,
  meta: { id: string; name: string; source: string; bytes: number },
  data: ParsedDataset,
  onProgress?: (p: WriteProgress) => void,
): Promise<DatasetRecord> {
  const chunkCount = Math.ceil(data.ratings.length / CHUNK_ROWS);
  const record: DatasetRecord = {
    ...meta,
    status: 'importing',
    stats: data.stats,
    chunkCount,
    notes: data.notes,
    createdAt: Date.now(),
  };
  await tx(db, [STORES.datasets], 'readwrite', (t) => t.objectStore(STORES.datasets).put(record), 'strict');
  await tx(
    db,
    [STORES.movies],
    'readwrite',
    (t) => {
      const s = t.objectStore(STORES.movies);
      return Promise.all(data.movies.map((m) => s.put({ ...m, dataset: meta.id })));
    },
    'relaxed',
  );
  for (let seq = 0; seq < chunkCount; seq++) {
    const chunk = chunkOf(data.ratings, meta.id, seq);
    await tx(db, [STORES.ratingChunks], 'readwrite', (t) => t.objectStore(STORES.ratingChunks).put(chunk), 'relaxed');
    onProgress?.({ rowsWritten: Math.min(data.ratings.length, (seq + 1) * CHUNK_ROWS), rowsTotal: data.ratings.length });
  }
  const ready: DatasetRecord = { ...record, status: 'ready' };
  await tx(db, [STORES.datasets], 'readwrite', (t) => t.objectStore(STORES.datasets).put(ready), 'strict');
  return ready;
}

export async function readMovies(db: DB, dataset: string): Promise<MovieInfo[]> {
  const rows = await tx(db, [STORES.movies], 'readonly', (t) =>
    t.objectStore(STORES.movies).getAll(IDBKeyRange.bound([dataset, -Infinity], [dataset, Infinity])),
  );
  const movies: MovieInfo[] = new Array(rows.length);
  for (const { dataset: _d, ...m } of rows) movies[m.index] = m;
  return movies;
}

/** Reads every chunk of a dataset back into one set of columns (for training). */
export async function readRatings(db: DB, dataset: DatasetRecord): Promise<DatasetRatings> {
  const chunks = await tx(db, [STORES.ratingChunks], 'readonly', (t) =>
    t.objectStore(STORES.ratingChunks).getAll(IDBKeyRange.bound([dataset.id, 0], [dataset.id, Infinity])),
  );
  const n = chunks.reduce((s, c) => s + c.length, 0);
  const out: DatasetRatings = {
    users: new Int32Array(n),
    items: new Int32Array(n),
    ratings: new Float32Array(n),
    timestamps: new Float64Array(n),
    length: n,
  };
  let off = 0;
  for (const c of chunks) {
    out.users.set(c.users, off);
    out.items.set(c.items, off);
    out.timestamps.set(c.timestamps, off);
    for (let i = 0; i < c.length; i++) out.ratings[off + i] = c.ratingsX2[i] / 2;
    off += c.length;
  }
  return out;
}

async function deleteDatasetData(db: DB, id: string): Promise<void> {
  await tx(db, [STORES.movies, STORES.ratingChunks, STORES.models, STORES.datasets], 'readwrite', async (t) => {
    await t.objectStore(STORES.movies).delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
    await t.objectStore(STORES.ratingChunks).delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
    const models = t.objectStore(STORES.models);
    for (const key of await models.index('byDataset').getAllKeys(id)) await models.delete(key);
    await t.objectStore(STORES.datasets).delete(id);
  });
}

export function deleteDataset(db: DB, id: string): Promise<void> {
  return deleteDatasetData(db, id);
}

/** Removes whatever an interrupted import left behind; returns the ids cleaned. */
export async function cleanupIncomplete(db: DB): Promise<string[]> {
  const all = await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).getAll());
  const stale = all.filter((d) => d.status !== 'ready').map((d) => d.id);
  for (const id of stale) await deleteDatasetData(db, id);
  return stale;
}

export type { MovieRecord };
