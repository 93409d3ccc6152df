// The person's data as files: a JSON backup (ratings, hidden movies, watchlist, settings; validated before anything is restored) and MovieLens ratings.csv.
import { isMovieId, parseSettings, type BackupSettings } from './backupSettings';
import { findDuplicateKey } from './jsonDuplicateKeys';
import { ImportError } from './movielens/errors';

export type { BackupSettings } from './backupSettings';

export interface BackupRating {
  movieId: number;
  rating: number;
  /** Milliseconds since 1970. */
  ratedAt: number;
}

/** A movie marked "not interested". */
export interface BackupHidden {
  movieId: number;
  /** Milliseconds since 1970. */
  hiddenAt: number;
}

/** A movie on the watchlist ("Want to watch"). */
export interface BackupWatch {
  movieId: number;
  /** Milliseconds since 1970. */
  addedAt: number;
}

/**
 * The version written today. 2 added the watchlist; a version-1 backup still restores (and leaves the watchlist as
 * it is, as a backup without hidden movies leaves those).
 */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

export interface Backup {
  format: 'pocketlens-backup';
  version: 1 | 2;
  exportedAt: string;
  ratings: BackupRating[];
  /** Absent in backups made before hidden movies were kept: restoring one of those leaves the marks as they are. */
  hidden?: BackupHidden[];
  /** Absent in backups made before settings were kept: restoring one of those leaves the settings as they are. */
  settings?: BackupSettings;
  /** Absent in version-1 backups: restoring one of those leaves the watchlist as it is. */
  watchlist?: BackupWatch[];
}

export function makeBackup(ratings: BackupRating[], exportedAt = new Date(), hidden: BackupHidden[] = [], settings?: BackupSettings, watchlist: BackupWatch[] = []): Backup {
  const sorted = [...ratings].sort((a, b) => a.movieId - b.movieId).map(({ movieId, rating, ratedAt }) => ({ movieId, rating, ratedAt }));
  const marks = [...hidden].sort((a, b) => a.movieId - b.movieId).map(({ movieId, hiddenAt }) => ({ movieId, hiddenAt }));
  const watch = [...watchlist].sort((a, b) => a.movieId - b.movieId).map(({ movieId, addedAt }) => ({ movieId, addedAt }));
  return {
    format: 'pocketlens-backup',
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    ratings: sorted,
    hidden: marks,
    ...(settings ? { settings } : {}),
    watchlist: watch,
  };
}

const isHalfStar = (x: unknown): x is number => typeof x === 'number' && x >= 0.5 && x <= 5 && x * 2 === Math.round(x * 2);
/** Times the app itself can write and export: from 1970 to 2286 (the ratings.csv export keeps 10-digit seconds). */
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x < 1e13;

/** Parses and checks a backup completely; any problem is an ImportError naming the file and the field. */
export function parseBackup(text: string, file: string): Backup {
  const fail = (what: string): never => {
    throw new ImportError(file, undefined, what);
  };
  let data: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(json);
  } catch {
    return fail('expected a PocketLens backup (JSON); this file is not JSON');
  }
  // JSON.parse keeps the last of two equal keys without a word: such a file is ambiguous, so it is refused.
  const twice = findDuplicateKey(json);
  if (twice) fail(`expected each key once; "${twice.key}" appears twice ${twice.path ? `in ${twice.path}` : 'at the top level'}, so it is not clear which to restore`);
  const b = data as Partial<Backup> | null;
  if (!b || typeof b !== 'object' || b.format !== 'pocketlens-backup') return fail('expected a PocketLens backup ("format": "pocketlens-backup")');
  if (!READABLE_VERSIONS.includes(b.version as number)) fail(`expected backup version ${READABLE_VERSIONS.join(' or ')}, found ${JSON.stringify(b.version)}`);
  if (!Array.isArray(b.ratings)) fail('expected "ratings" to be a list');
  const seen = new Set<number>();
  const ratings = (b.ratings as unknown[]).map((r, k): BackupRating => {
    const x = r as Partial<BackupRating> | null;
    const at = `ratings[${k}]`;
    if (!x || typeof x !== 'object') return fail(`${at}: expected an object`);
    if (!isMovieId(x.movieId)) fail(`${at}.movieId: expected a whole number, found ${JSON.stringify(x.movieId)}`);
    if (!isHalfStar(x.rating)) fail(`${at}.rating: expected 0.5 to 5 in half stars, found ${JSON.stringify(x.rating)}`);
    if (!isTime(x.ratedAt)) fail(`${at}.ratedAt: expected a time in milliseconds, found ${JSON.stringify(x.ratedAt)} (from 1970 to 2286)`);
    if (seen.has(x.movieId as number)) fail(`${at}.movieId: ${x.movieId} appears twice; expected each movie once`);
    seen.add(x.movieId as number);
    return { movieId: x.movieId as number, rating: x.rating as number, ratedAt: x.ratedAt as number };
  });
  const hidden = b.hidden === undefined ? undefined : marksOf(b.hidden, 'hidden', 'hiddenAt', fail).map(({ movieId, at }): BackupHidden => ({ movieId, hiddenAt: at }));
  const watchlist = b.watchlist === undefined ? undefined : marksOf(b.watchlist, 'watchlist', 'addedAt', fail).map(({ movieId, at }): BackupWatch => ({ movieId, addedAt: at }));
  const settings = b.settings === undefined ? undefined : parseSettings(b.settings, fail);
  return {
    format: 'pocketlens-backup',
    version: b.version as 1 | 2,
    exportedAt: String(b.exportedAt ?? ''),
    ratings,
    ...(hidden ? { hidden } : {}),
    ...(settings ? { settings } : {}),
    ...(watchlist ? { watchlist } : {}),
  };
}

/** A list of { movieId, <time> } marks (hidden, watchlist), each movie once, every field checked and located. */
function marksOf(list: unknown, name: string, timeField: string, fail: (what: string) => never): { movieId: number; at: number }[] {
  if (!Array.isArray(list)) fail(`expected "${name}" to be a list`);
  const seen = new Set<number>();
  return (list as unknown[]).map((h, k) => {
    const x = h as Record<string, unknown> | null;
    const at = `${name}[${k}]`;
    if (!x || typeof x !== 'object') return fail(`${at}: expected an object`);
    if (!isMovieId(x.movieId)) fail(`${at}.movieId: expected a whole number, found ${JSON.stringify(x.movieId)}`);
    if (!isTime(x[timeField])) fail(`${at}.${timeField}: expected a time in milliseconds, found ${JSON.stringify(x[timeField])} (from 1970 to 2286)`);
    if (seen.has(x.movieId as number)) fail(`${at}.movieId: ${x.movieId} appears twice; expected each movie once`);
    seen.add(x.movieId as number);
    return { movieId: x.movieId as number, at: x[timeField] as number };
  });
}

/** The ratings in MovieLens ratings.csv layout (userId,movieId,rating,timestamp in seconds), oldest first. */
export function ratingsCsv(ratings: BackupRating[], userId = 1): string {
  const rows = [...ratings]
    .sort((a, b) => a.ratedAt - b.ratedAt || a.movieId - b.movieId)
    .map((r) => `${userId},${r.movieId},${r.rating.toFixed(1)},${Math.floor(r.ratedAt / 1000)}`);
  return ['userId,movieId,rating,timestamp', ...rows].join('\r\n') + '\r\n';
}
