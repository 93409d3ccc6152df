// Turns parsed MovieLens files into a dataset: dense indices, deduplicated ratings, per-movie statistics.
import type { RatingColumns } from '../types';
import type { MovieLensFiles } from './files';
import { parseMovieList } from './movieList';
import { RatingsCsvParser, type RawRatings } from './ratingsCsv';

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
  /** Ratings whose movieId is not in movies.csv: imported under a placeholder title. */
  missingMovies: number;
  /** Repeated (user, movie) pairs dropped, keeping the latest by timestamp. */
  duplicates: number;
  mean: number;
  scale: { min: number; max: number };
}

export interface ParsedDataset {
  movies: MovieInfo[];
  /** Dense user index → MovieLens userId. */
  userIds: Int32Array;
  ratings: DatasetRatings;
  stats: DatasetStats;
  notes: string[];
}

export interface BuildProgress {
  phase: 'parse';
  bytesDone: number;
  bytesTotal: number;
  rows: number;
}

const SLICE = 1 << 20;

/** Parses ratings in 1 MiB slices so progress can be reported (and a worker stays cancellable). */
export function parseRatingsWithProgress(
  files: MovieLensFiles,
  onProgress?: (p: BuildProgress) => void,
): RawRatings {
  const bytes = files.ratings.bytes;
  const parser = new RatingsCsvParser(files.ratings.path, undefined, files.layout.ratings.format);
  for (let off = 0; off < bytes.length; off += SLICE) {
    parser.push(bytes.subarray(off, Math.min(bytes.length, off + SLICE)));
    onProgress?.({ phase: 'parse', bytesDone: Math.min(bytes.length, off + SLICE), bytesTotal: bytes.length, rows: parser.rows });
  }
  return parser.finish();
}

/** Keeps the latest rating of each (user, movie) pair; returns a keep-mask and how many were dropped. */
function dedupe(users: Int32Array, items: Int32Array, ts: Float64Array, nUsers: number, nItems: number) {
  const n = users.length;
  const start = new Int32Array(nUsers + 1);
  for (let r = 0; r < n; r++) start[users[r] + 1]++;
  for (let u = 0; u < nUsers; u++) start[u + 1] += start[u];
  const order = new Int32Array(n);
  const fill = start.slice(0, nUsers);
  for (let r = 0; r < n; r++) order[fill[users[r]]++] = r;
  const markUser = new Int32Array(nItems).fill(-1);
  const markRow = new Int32Array(nItems);
  const keep = new Uint8Array(n).fill(1);
  let dropped = 0;
  for (let u = 0; u < nUsers; u++) {
    for (let k = start[u]; k < start[u + 1]; k++) {
      const r = order[k];
      const it = items[r];
      if (markUser[it] === u) {
        const prev = markRow[it];
        dropped++;
        if (ts[r] >= ts[prev]) {
          keep[prev] = 0;
          markRow[it] = r;
        } else keep[r] = 0;
      } else {
        markUser[it] = u;
        markRow[it] = r;
      }
    }
  }
  return { keep, dropped };
}

export function buildDataset(files: MovieLensFiles, onProgress?: (p: BuildProgress) => void): ParsedDataset {
  const byPath = new Map([files.movies, files.links, files.genres].filter((f) => f !== undefined).map((f) => [f.path, f.bytes]));
  const { movies: movieRows, links } = parseMovieList(files.layout, (path) => byPath.get(path)!);
  const raw = parseRatingsWithProgress(files, onProgress);
  const moviesName = files.movies.path.split('/').pop()!;

  const movieIndex = new Map<number, number>();
  const movies: MovieInfo[] = movieRows.map((m, index) => {
    movieIndex.set(m.movieId, index);
    return { ...m, index, imdbId: null, tmdbId: null, count: 0, mean: 0 };
  });
  for (const l of links) {
    const i = movieIndex.get(l.movieId);
    if (i !== undefined) {
      movies[i].imdbId = l.imdbId;
      movies[i].tmdbId = l.tmdbId;
    }
  }

  const n = raw.length;
  const users = new Int32Array(n);
  const items = new Int32Array(n);
  const userIndex = new Map<number, number>();
  const userIds: number[] = [];
  let missing = 0;
  for (let r = 0; r < n; r++) {
    const uid = raw.userIds[r];
    let u = userIndex.get(uid);
    if (u === undefined) {
      u = userIds.length;
      userIndex.set(uid, u);
      userIds.push(uid);
    }
    users[r] = u;
    const mid = raw.movieIds[r];
    let i = movieIndex.get(mid);
    if (i === undefined) {
      i = movies.length;
      movieIndex.set(mid, i);
      movies.push({ movieId: mid, index: i, title: `Movie ${mid} (not in ${moviesName})`, year: null, genres: [], imdbId: null, tmdbId: null, count: 0, mean: 0 });
    }
    if (i >= movieRows.length) missing++;
    items[r] = i;
  }

  const { keep, dropped } = dedupe(users, items, raw.timestamps, userIds.length, movies.length);
  const m = n - dropped;
  const out: DatasetRatings = {
    users: new Int32Array(m),
    items: new Int32Array(m),
    ratings: new Float32Array(m),
    timestamps: new Float64Array(m),
    length: m,
  };
  const sums = new Float64Array(movies.length);
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0, w = 0; r < n; r++) {
    if (!keep[r]) continue;
    const v = raw.ratings[r];
    out.users[w] = users[r];
    out.items[w] = items[r];
    out.ratings[w] = v;
    out.timestamps[w] = raw.timestamps[r];
    movies[items[r]].count++;
    sums[items[r]] += v;
    total += v;
    if (v < min) min = v;
    if (v > max) max = v;
    w++;
  }
  let rated = 0;
  for (const mv of movies) {
    if (mv.count > 0) {
      mv.mean = sums[mv.index] / mv.count;
      rated++;
    }
  }
  const notes = [...files.notes];
  if (missing) notes.push(`${missing} ratings name movies missing from ${moviesName}; imported under placeholder titles`);
  if (dropped) notes.push(`${dropped} repeated (user, movie) ratings dropped, keeping the latest by timestamp`);
  return {
    movies,
    userIds: Int32Array.from(userIds),
    ratings: out,
    stats: {
      ratings: m,
      users: userIds.length,
      movies: movies.length,
      ratedMovies: rated,
      missingMovies: missing,
      duplicates: dropped,
      mean: total / m,
      scale: { min, max },
    },
    notes,
  };
}
