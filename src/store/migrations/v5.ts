// Schema 5: the movies a person wants to watch get their own store (one record per movie, keyed by MovieLens movieId).
import type { Migration } from './migration';

export const v5: Migration = {
  version: 5,
  summary: 'watchlist (movies marked "Want to watch")',
  up(db) {
    db.createObjectStore('watchlist', { keyPath: 'movieId' });
  },
};
