// IndexedDB schema: store names, record shapes and the version number.
// WARNING: any change to DB_VERSION, STORES, key paths or indexes needs a migration in db.ts AND a migration test
// that opens a hand-built database of the previous version and checks every record survives.
import type { DBSchema } from 'idb';
import type { AlsParams, IterationInfo } from '../engine/types';
import type { DatasetStats, MovieInfo } from '../engine/movielens/dataset';
import type { RatingChunk } from '../engine/movielens/datasetTypes';
import type { ImportTimings as StreamTimings } from '../engine/movielens/importRelease';

export const DB_NAME = 'pocketlens';
/** 1: datasets, movies, ratingChunks, profile, models, meta. 2: + hidden (movies marked "not interested"). */
export const DB_VERSION = 2;

export const STORES = {
  datasets: 'datasets',
  movies: 'movies',
  ratingChunks: 'ratingChunks',
  profile: 'profile',
  models: 'models',
  meta: 'meta',
  hidden: 'hidden',
} as const;

export type DatasetStatus = 'importing' | 'ready';

export interface DatasetRecord {
  id: string;
  name: string;
  /** Where it came from: "bundled:ml-latest-small", a file name, … */
  source: string;
  /** `importing` until the last chunk is written; only `ready` datasets are ever shown or used. */
  status: DatasetStatus;
  stats: DatasetStats;
  chunkCount: number;
  bytes: number;
  notes: string[];
  createdAt: number;
  /** Where the import's time went (absent for datasets stored before it was recorded). */
  importTimings?: ImportTimings;
  /**
   * Ratings count and mean per movie by dense index. The streaming import writes the movie records before the
   * ratings are read (one put per movie is slow in Chromium, so it overlaps the ratings), and their own count/mean
   * are then 0: readMovies() takes these instead. Absent in datasets whose movie records carry their statistics.
   */
  movieStats?: { counts: Int32Array; means: Float64Array };
}

/** Seconds: the streaming import's own timings (engine), then writing the movie records. */
export interface ImportTimings extends StreamTimings {
  moviesSeconds: number;
}

export interface MovieRecord extends MovieInfo {
  dataset: string;
}

/**
 * Columnar slice of a dataset's ratings as stored: the engine's RatingChunk plus its dataset. Timestamps are
 * Uint32 seconds in chunks written by the streaming import, Float64 in older ones or past 2106.
 */
export interface RatingChunkRecord extends RatingChunk {
  dataset: string;
}

/** One of the person's own ratings, keyed by MovieLens movieId (stable across releases). */
export interface ProfileRecord {
  movieId: number;
  rating: number;
  ratedAt: number;
}

export interface ModelRecord {
  id: string;
  datasetId: string;
  /** datasetFingerprint() of the dataset it was trained on (absent in models stored before it was recorded). */
  datasetFingerprint?: string;
  params: AlsParams;
  rank: number;
  nUsers: number;
  nItems: number;
  mu: number;
  itemBias: Float32Array;
  itemFactors: Float32Array;
  history: IterationInfo[];
  trainSeconds: number;
  trainedAt: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface PocketLensDB extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  movies: { key: [string, number]; value: MovieRecord; indexes: { byDataset: string } };
  ratingChunks: { key: [string, number]; value: RatingChunkRecord };
  profile: { key: number; value: ProfileRecord };
  models: { key: string; value: ModelRecord; indexes: { byDataset: string } };
  meta: { key: string; value: MetaRecord };
  hidden: { key: number; value: HiddenRecord };
}

/** A movie the person never wants recommended, keyed by MovieLens movieId like the profile. */
export interface HiddenRecord {
  movieId: number;
  hiddenAt: number;
}

export type StoreName = (typeof STORES)[keyof typeof STORES];
