// The person's data as files: a JSON backup (validated before anything is restored) and MovieLens ratings.csv.
import { ImportError } from './movielens/errors';

export interface BackupRating {
  movieId: number;
  rating: number;
  /** Milliseconds since 1970. */
  ratedAt: number;
}

export interface Backup {
  format: 'pocketlens-backup';
  version: 1;
  exportedAt: string;
  ratings: BackupRating[];
}

export function makeBackup(ratings: BackupRating[], exportedAt = new Date()): Backup {
  const sorted = [...ratings].sort((a, b) => a.movieId - b.movieId).map(({ movieId, rating, ratedAt }) => ({ movieId, rating, ratedAt }));
  return { format: 'pocketlens-backup', version: 1, exportedAt: exportedAt.toISOString(), ratings: sorted };
}

const isHalfStar = (x: unknown): x is number => typeof x === 'number' && x >= 0.5 && x <= 5 && x * 2 === Math.round(x * 2);

/** Parses and checks a backup completely; any problem is an ImportError naming the file and the field. */
export function parseBackup(text: string, file: string): Backup {
  const fail = (what: string): never => {
    throw new ImportError(file, undefined, what);
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('expected a PocketLens backup (JSON); this file is not JSON');
  }
  const b = data as Partial<Backup> | null;
  if (!b || typeof b !== 'object' || b.format !== 'pocketlens-backup') return fail('expected a PocketLens backup ("format": "pocketlens-backup")');
  if (b.version !== 1) fail(`expected backup version 1, found ${JSON.stringify(b.version)}`);
  if (!Array.isArray(b.ratings)) fail('expected "ratings" to be a list');
  const seen = new Set<number>();
  const ratings = (b.ratings as unknown[]).map((r, k): BackupRating => {
    const x = r as Partial<BackupRating> | null;
    const at = `ratings[${k}]`;
    if (!x || typeof x !== 'object') return fail(`${at}: expected an object`);
    if (!Number.isInteger(x.movieId) || (x.movieId as number) < 0) fail(`${at}.movieId: expected a whole number, found ${JSON.stringify(x.movieId)}`);
    if (!isHalfStar(x.rating)) fail(`${at}.rating: expected 0.5 to 5 in half stars, found ${JSON.stringify(x.rating)}`);
    if (typeof x.ratedAt !== 'number' || !Number.isFinite(x.ratedAt)) fail(`${at}.ratedAt: expected a time in milliseconds, found ${JSON.stringify(x.ratedAt)}`);
    if (seen.has(x.movieId as number)) fail(`${at}.movieId: ${x.movieId} appears twice`);
    seen.add(x.movieId as number);
    return { movieId: x.movieId as number, rating: x.rating as number, ratedAt: x.ratedAt as number };
  });
  return { format: 'pocketlens-backup', version: 1, exportedAt: String(b.exportedAt ?? ''), ratings };
}

/** The ratings in MovieLens ratings.csv layout (userId,movieId,rating,timestamp in seconds), oldest first. */
export function ratingsCsv(ratings: BackupRating[], userId = 1): string {
  const rows = [...ratings]
    .sort((a, b) => a.ratedAt - b.ratedAt || a.movieId - b.movieId)
    .map((r) => `${userId},${r.movieId},${r.rating.toFixed(1)},${Math.floor(r.ratedAt / 1000)}`);
  return ['userId,movieId,rating,timestamp', ...rows].join('\r\n') + '\r\n';
}
