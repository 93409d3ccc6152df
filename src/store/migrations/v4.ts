// Schema 4: the person's ratings and hidden marks move from one record per movie into sorted columnar blocks; an undo store.
import type { Migration } from './migration';
import { toV4Blocks } from './v4IdBlocks';

interface V3ProfileRecord {
  movieId: number;
  rating: number;
  ratedAt: number;
}

interface V3HiddenRecord {
  movieId: number;
  hiddenAt: number;
}

/**
 * Creates profileBlocks, hiddenBlocks (both keyed by `start`) and undo (keyed by `key`), moves every v3 rating and
 * hidden mark into blocks (v4IdBlocks.ts: the cutter as schema 4 shipped it), then drops the per-movie stores.
 */
export const v4: Migration = {
  version: 4,
  summary: 'profileBlocks and hiddenBlocks (sorted columnar blocks of the person\'s ratings and marks), undo; profile and hidden are gone',
  async up(db, t) {
    db.createObjectStore('profileBlocks', { keyPath: 'start' });
    db.createObjectStore('hiddenBlocks', { keyPath: 'start' });
    db.createObjectStore('undo', { keyPath: 'key' });
    if (db.objectStoreNames.contains('profile')) {
      const rows = (await t.objectStore('profile').getAll()) as V3ProfileRecord[];
      const blocks = toV4Blocks(
        rows.map((r) => r.movieId),
        { ratings: rows.map((r) => r.rating), ratedAt: rows.map((r) => r.ratedAt) },
      );
      for (const b of blocks) await t.objectStore('profileBlocks').put(b);
      db.deleteObjectStore('profile');
    }
    if (db.objectStoreNames.contains('hidden')) {
      const rows = (await t.objectStore('hidden').getAll()) as V3HiddenRecord[];
      const blocks = toV4Blocks(
        rows.map((r) => r.movieId),
        { hiddenAt: rows.map((r) => r.hiddenAt) },
      );
      for (const b of blocks) await t.objectStore('hiddenBlocks').put(b);
      db.deleteObjectStore('hidden');
    }
  },
};
