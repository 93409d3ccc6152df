// Schema 3: movies as columnar blocks with their statistics, top tags per movie, rating timestamps apart; v2 → v3 moves every per-movie record into blocks.
import type { Migration } from './migration';
import { toV3MovieBlocks, type V2MovieRecord, type V3Movie } from './v3MovieBlocks';

/** A dataset record as v2 left it: the streaming import kept per-movie counts and means as columns on it. */
interface V2DatasetRecord {
  id: string;
  movieStats?: { counts: Int32Array; means: Float64Array };
  [field: string]: unknown;
}

/**
 * Creates the v3 stores and moves every per-movie record into its dataset's blocks (count and mean from the
 * dataset's movieStats columns where the v2 streaming import kept them there), then drops the per-movie store and
 * the columns. v2 rating chunks stay as they are (readRatings reads both layouts).
 */
export const v3: Migration = {
  version: 3,
  summary: 'movieBlocks (4,096 movies a record), movieTags, ratingTimes; the movies store is gone',
  async up(db, t) {
    db.createObjectStore('movieBlocks', { keyPath: ['dataset', 'block'] });
    db.createObjectStore('movieTags', { keyPath: ['dataset', 'block'] });
    db.createObjectStore('ratingTimes', { keyPath: ['dataset', 'seq'] });
    if (!db.objectStoreNames.contains('movies')) return;
    const rows = (await t.objectStore('movies').getAll()) as V2MovieRecord[];
    const datasets = t.objectStore('datasets');
    const byDataset = new Map<string, V2MovieRecord[]>();
    for (const r of rows) {
      let list = byDataset.get(r.dataset);
      if (!list) byDataset.set(r.dataset, (list = []));
      list.push(r);
    }
    const blocks = t.objectStore('movieBlocks');
    for (const [id, list] of byDataset) {
      const rec = (await datasets.get(id)) as V2DatasetRecord | undefined;
      const stats = rec?.movieStats;
      const movies: V3Movie[] = [];
      for (const { dataset: _d, ...m } of list) {
        if (stats && m.index < stats.counts.length) {
          m.count = stats.counts[m.index];
          m.mean = stats.means[m.index];
        }
        movies[m.index] = m;
      }
      for (const b of toV3MovieBlocks(id, movies)) await blocks.put(b);
    }
    let cursor = await datasets.openCursor();
    while (cursor) {
      const d = cursor.value as V2DatasetRecord;
      if (d.movieStats) {
        const { movieStats: _s, ...rest } = d;
        await cursor.update(rest);
      }
      cursor = await cursor.continue();
    }
    db.deleteObjectStore('movies');
  },
};
