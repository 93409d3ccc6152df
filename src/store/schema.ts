// IndexedDB schema: store names, record shapes and the version number.
// WARNING: any change to DB_VERSION, STORES, key paths or indexes needs a migration (migrations/vN.ts) AND a migration test
// that opens a hand-built database of the previous version and checks every record survives.
import type { DBSchema } from 'idb';
import type { AlsParams, IterationInfo } from '../engine/types';
import type { DatasetStats } from '../engine/movielens/dataset';
import type { ImportTimings as StreamTimings } from '../engine/movielens/importRelease';
import type { IdBlock } from './idBlocks';

export const DB_NAME = 'pocketlens';
/**
 * 1: datasets, movies, ratingChunks, profile, models, meta. 2: + hidden (movies marked "not interested").
 * 3: movies in columnar blocks (movieBlocks) with their statistics, top tags per movie (movieTags), rating chunks
 * without timestamps (ratingTimes holds them apart, so training reads a third of the bytes); v2 chunks stay readable.
 * 4: the person's ratings and hidden marks as sorted columnar blocks (profileBlocks, hiddenBlocks: a million ratings are
 * 245 puts, not a million), the last import's or restore's previous state for Undo (undo); profile and hidden are gone.
 * 5: + watchlist (movies the person wants to watch).
 */
export const DB_VERSION = 5;

export const STORES = {
  datasets: 'datasets',
  movieBlocks: 'movieBlocks',
  movieTags: 'movieTags',
  ratingChunks: 'ratingChunks',
  ratingTimes: 'ratingTimes',
  profileBlocks: 'profileBlocks',
  models: 'models',
  meta: 'meta',
  hiddenBlocks: 'hiddenBlocks',
  undo: 'undo',
  watchlist: 'watchlist',
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
  /** Bytes of typed arrays written for it (rating chunks, timestamps, movie blocks); absent before v3. */
  storedBytes?: number;
  /** Movies with tags (absent or 0: the dataset has none). */
  taggedMovies?: number;
}

/** Seconds: the streaming import's own timings (engine), then writing the movie blocks (with the ready flip). */
export interface ImportTimings extends StreamTimings {
  moviesSeconds: number;
}

/** Movies per movie block (and per tag block): 62K movies (ml-25m) are 16 records, not 62K. */
export const MOVIE_BLOCK = 4096;

/** Year column value for "no year". */
export const NO_YEAR = -1;

/**
 * Movies with dense indices block·MOVIE_BLOCK … +length−1, as columns. Every MovieInfo field is kept: genres as ids
 * into the block's own genre list (genreStart[k]…genreStart[k+1] for movie k), links null when absent.
 */
export interface MovieBlockRecord {
  dataset: string;
  block: number;
  length: number;
  movieIds: Int32Array;
  titles: string[];
  /** NO_YEAR when the title has none. */
  years: Int16Array;
  genreNames: string[];
  genreStart: Int32Array;
  genreIds: Uint16Array;
  imdbIds: (string | null)[];
  tmdbIds: (string | null)[];
  /** Ratings per movie and their mean (0 when unrated), computed while the ratings were imported. */
  counts: Int32Array;
  means: Float64Array;
}

/** The top tags of the movies of one movie block: movie k's are tags[tagStart[k] … tagStart[k+1]−1], most frequent first. */
export interface MovieTagsRecord {
  dataset: string;
  block: number;
  tagStart: Int32Array;
  tags: string[];
  counts: Int32Array;
}

/**
 * A slice of a dataset's ratings (up to 262,144 rows) as stored from v3: the columns training reads, as small as
 * they go (about 3 bytes a rating at ml-25m instead of 13). Users are runs (userRuns: user, count, user, count, …)
 * when the file is grouped by user, else users; items are Uint16 when every index in the chunk is below 65,536;
 * stars are half-star units two to a byte (halfStars: row 2k in the low 4 bits, 2k+1 in the high ones; 0 marks a
 * dropped row). The timestamps are in ratingTimes.
 */
export interface RatingChunkRecord {
  dataset: string;
  seq: number;
  length: number;
  items: Uint16Array | Int32Array;
  halfStars: Uint8Array;
  users?: Int32Array;
  userRuns?: Int32Array;
}

/** A chunk as v1/v2 stored it (still read): every column in one record, users and items Int32. */
export interface RatingChunkRecordV2 {
  dataset: string;
  seq: number;
  length: number;
  users: Int32Array;
  items: Int32Array;
  ratingsX2: Uint8Array;
  timestamps: Uint32Array | Float64Array;
}

/** The timestamps (seconds; Float64 only when one is past 2106) of the v3 chunk with the same key. */
export interface RatingTimesRecord {
  dataset: string;
  seq: number;
  timestamps: Uint32Array | Float64Array;
}

/** One of the person's own ratings, keyed by MovieLens movieId (stable across releases). */
export interface ProfileRecord {
  movieId: number;
  rating: number;
  ratedAt: number;
}

/** The columns of a block of the person's ratings: stars (0.5–5) and when (ms since 1970), by movieId. */
export const PROFILE_COLUMNS = ['ratings', 'ratedAt'] as const;
/** The person's ratings, up to ID_BLOCK_MAX movies a record (see idBlocks.ts): ids are MovieLens movieIds. */
export type ProfileBlockRecord = IdBlock<(typeof PROFILE_COLUMNS)[number]>;

/** The column of a block of hidden ("not interested") movies: when it was marked. */
export const HIDDEN_COLUMNS = ['hiddenAt'] as const;
export type HiddenBlockRecord = IdBlock<(typeof HIDDEN_COLUMNS)[number]>;

/**
 * What the last import of IMDb/Letterboxd ratings or the last backup restore replaced, for its one-step Undo: the
 * blocks as they were (and, for a restore, the hidden marks and settings). Any later rating or hidden mark deletes it.
 */
export interface UndoRecord {
  key: 'last';
  /** Names this change: Undo must name the change it undoes. */
  id: string;
  kind: 'restore' | 'import';
  /** The file it came from, for messages. */
  file: string;
  at: number;
  profile: ProfileBlockRecord[];
  /** Absent: the change left the hidden marks alone. */
  hidden?: HiddenBlockRecord[];
  /** Absent: the change left the watchlist alone (records written before schema 5 never hold one). */
  watchlist?: WatchRecord[];
  /** Absent: the change left the settings alone; null: there were none stored. */
  settings?: unknown;
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
  /** From the start of the job to the trained model, preparation included. */
  trainSeconds: number;
  /** The part of trainSeconds spent reading the ratings back and building the matrix (absent in older models). */
  prepareSeconds?: number;
  trainedAt: number;
  /**
   * Share of the ratings held out of this model's own training; absent or 0: trained on all of them. Models stored
   * before the validation run below (lab trainings up to issue 13) were trained on the rest and have it above 0.
   */
  holdout?: number;
  /**
   * The validation run of a training with a holdout: the same parameters fitted on the rest of the ratings and
   * measured on the held-out share every iteration, for the chart only; this record's factors come from the fit on
   * all ratings that followed it. Absent when trained without a holdout.
   */
  validation?: ValidationRun;
}

/** A training's validation run (ModelRecord.validation): what share was held out, its iterations and its seconds. */
export interface ValidationRun {
  holdout: number;
  history: IterationInfo[];
  seconds: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface PocketLensDB extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  movieBlocks: { key: [string, number]; value: MovieBlockRecord };
  movieTags: { key: [string, number]; value: MovieTagsRecord };
  ratingChunks: { key: [string, number]; value: RatingChunkRecord | RatingChunkRecordV2 };
  ratingTimes: { key: [string, number]; value: RatingTimesRecord };
  profileBlocks: { key: number; value: ProfileBlockRecord };
  models: { key: string; value: ModelRecord; indexes: { byDataset: string } };
  meta: { key: string; value: MetaRecord };
  hiddenBlocks: { key: number; value: HiddenBlockRecord };
  undo: { key: string; value: UndoRecord };
  watchlist: { key: number; value: WatchRecord };
}

/** A movie the person never wants recommended, keyed by MovieLens movieId like the profile. */
export interface HiddenRecord {
  movieId: number;
  hiddenAt: number;
}

/** A movie on the person's watchlist ("Want to watch"), keyed by MovieLens movieId like the profile. */
export interface WatchRecord {
  movieId: number;
  addedAt: number;
}

export type StoreName = (typeof STORES)[keyof typeof STORES];
