// Schema v2 → v3, inside the upgrade transaction: per-movie records become columnar movie blocks, nothing lost.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { MovieInfo } from '../engine/movielens/datasetTypes';
import { toMovieBlocks } from './movieBlocks';
import { STORES } from './schema';

/** The v1/v2 store of one record per movie, keyed [dataset, movieId]; gone from v3. */
export const LEGACY_MOVIES = 'movies';

type AnyDb = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

interface LegacyMovie extends MovieInfo {
  dataset: string;
}

interface LegacyDataset {
  id: string;
  movieStats?: { counts: Int32Array; means: Float64Array };
  [field: string]: unknown;
}

/**
 * Creates the v3 stores and moves every per-movie record into its dataset's blocks (count and mean from the
 * dataset's movieStats columns where the v2 streaming import kept them there), then drops the per-movie store and
 * the columns. v2 rating chunks stay as they are (readRatings reads both layouts). Any failure aborts the upgrade,
 * so the database stays v2 and intact.
 */
export function migrateToV3(database: unknown, transaction: unknown): void {
  const db = database as AnyDb;
  const t = transaction as AnyTx;
  db.createObjectStore(STORES.movieBlocks, { keyPath: ['dataset', 'block'] });
  db.createObjectStore(STORES.movieTags, { keyPath: ['dataset', 'block'] });
  db.createObjectStore(STORES.ratingTimes, { keyPath: ['dataset', 'seq'] });
  if (!db.objectStoreNames.contains(LEGACY_MOVIES)) return;
  const run = async () => {
    const rows = (await t.objectStore(LEGACY_MOVIES).getAll()) as LegacyMovie[];
    const datasets = t.objectStore(STORES.datasets);
    const byDataset = new Map<string, LegacyMovie[]>();
    for (const r of rows) {
      let list = byDataset.get(r.dataset);
      if (!list) byDataset.set(r.dataset, (list = []));
      list.push(r);
    }
    const blocks = t.objectStore(STORES.movieBlocks);
    for (const [id, list] of byDataset) {
      const rec = (await datasets.get(id)) as LegacyDataset | undefined;
      const stats = rec?.movieStats;
      const movies: MovieInfo[] = [];
      for (const { dataset: _d, ...m } of list) {
        if (stats && m.index < stats.counts.length) {
          m.count = stats.counts[m.index];
          m.mean = stats.means[m.index];
        }
        movies[m.index] = m;
      }
      for (const b of toMovieBlocks(id, movies)) await blocks.put(b);
    }
    let cursor = await datasets.openCursor();
    while (cursor) {
      const d = cursor.value as LegacyDataset;
      if (d.movieStats) {
        const { movieStats: _s, ...rest } = d;
        await cursor.update(rest);
      }
      cursor = await cursor.continue();
    }
    db.deleteObjectStore(LEGACY_MOVIES);
  };
  run().catch((e: unknown) => {
    console.error('PocketLens: the upgrade to schema 3 failed; the database stays as it was', e);
    try {
      t.abort();
    } catch {
      /* already finished */
    }
  });
}
