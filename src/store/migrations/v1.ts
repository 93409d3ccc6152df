// Schema 1: the first stores: datasets, per-movie records, rating chunks, the person's profile, models and meta.
import type { Migration } from './migration';

export const v1: Migration = {
  version: 1,
  summary: 'datasets, movies (one record per movie), ratingChunks, profile, models, meta',
  up(db) {
    db.createObjectStore('datasets', { keyPath: 'id' });
    db.createObjectStore('movies', { keyPath: ['dataset', 'movieId'] }).createIndex('byDataset', 'dataset');
    db.createObjectStore('ratingChunks', { keyPath: ['dataset', 'seq'] });
    db.createObjectStore('profile', { keyPath: 'movieId' });
    db.createObjectStore('models', { keyPath: 'id' }).createIndex('byDataset', 'datasetId');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
};
