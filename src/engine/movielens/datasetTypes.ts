// What an imported dataset is made of: movies with their statistics, dataset-wide statistics, rating chunks.
import type { RatingColumns } from '../types';
import type { TagCount } from './tags';

export interface MovieInfo {
  movieId: number;
  /** Dense index: the row of this movie in the model's item tables. */
  index: number;
  title: string;
  year: number | null;
  genres: string[];
  imdbId: string | null;
  tmdbId: string | null;
  /** Number of ratings in the dataset and their mean (0 when unrated). */
  count: number;
  mean: number;
}

/** Ratings with dense indices plus what storage keeps besides the stars. */
export interface DatasetRatings extends RatingColumns {
  timestamps: Float64Array;
}

export interface DatasetStats {
  ratings: number;
  users: number;
  movies: number;
  ratedMovies: number;
  /** Ratings whose movieId is not in the movie list: imported under a placeholder title. */
  missingMovies: number;
  /** Repeated (user, movie) pairs dropped, keeping the latest by timestamp. */
  duplicates: number;
  mean: number;
  scale: { min: number; max: number };
  /** Ratings per user: fewest, median, most (absent in datasets stored before it was computed). */
  perUser?: { min: number; median: number; max: number };
  /** When the latest rating was given, Unix seconds (absent without ratings, or stored before it was recorded). */
  lastRatingAt?: number;
  /** The latest release year among the listed movies (absent when none has a year, or stored before it was recorded). */
  newestMovieYear?: number;
}

/**
 * A slice of a dataset's ratings in storage form: dense indices, stars × 2 as bytes (0 marks a dropped row),
 * timestamps as Uint32 seconds (a quarter less to write and read back than Float64) unless one is past 2106.
 */
export interface RatingChunk {
  seq: number;
  length: number;
  users: Int32Array;
  items: Int32Array;
  ratingsX2: Uint8Array;
  timestamps: Uint32Array | Float64Array;
}

/** Everything about a dataset except its rating chunks (which were handed out as they filled). */
export interface BuiltDataset {
  movies: MovieInfo[];
  /** Dense user index → MovieLens userId. */
  userIds: Int32Array;
  /** Dense user index → number of ratings. */
  userCounts: Int32Array;
  stats: DatasetStats;
  notes: string[];
  chunkCount: number;
  /** Each tagged movie's most frequent tags by MovieLens movieId (empty when the release has no tags file). */
  tags: Map<number, TagCount[]>;
}
