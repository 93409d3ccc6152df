// Schema 2: the movies a person marked "not interested" get their own store.
import type { Migration } from './migration';

export const v2: Migration = {
  version: 2,
  summary: 'hidden (movies marked "not interested")',
  up(db) {
    db.createObjectStore('hidden', { keyPath: 'movieId' });
  },
};
