// Schema 4: the movies a person wants to watch get their own store (one record per movie, keyed by MovieLens movieId).
import type { Migration } from './migration';

export const v4: Migration = {
  version: 4,
  summary: 'watchlist (movies marked "Want to watch")',
  up(db) {
    db.createObjectStore('watchlist', { keyPath: 'movieId' });
  },
};
