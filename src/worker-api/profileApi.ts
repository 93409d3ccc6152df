// Worker API: the person's ratings as files — JSON backup (with hidden movies and watchlist), MovieLens CSV and a Letterboxd-ready CSV out, a validated backup in.
import { makeBackup, parseBackup, ratingsCsv, type BackupSettings } from '../engine/backup';
import { letterboxdCsv, type LetterboxdExport } from '../engine/exportLetterboxd';
import { openDb } from '../store/db';
import { getHidden } from '../store/hidden';
import { getProfile, replaceProfile } from '../store/profile';
import { getWatchlist } from '../store/watchlist';
import { getServing } from './state';

/**
 * The backup holds the ratings, the movies marked "not interested", the watchlist and the page's settings (kept by the
 * page, in localStorage, so the page passes them in); the CSV only the ratings.
 */
export async function exportRatings(settings?: BackupSettings): Promise<{ json: string; csv: string; count: number }> {
  const db = await openDb();
  const ratings = await getProfile(db);
  const backup = makeBackup(ratings, new Date(), await getHidden(db), settings, await getWatchlist(db));
  return { json: JSON.stringify(backup, null, 1), csv: ratingsCsv(ratings), count: ratings.length };
}

/**
 * The ratings with titles, years, IMDb/TMDB ids and both scales, in the layout Letterboxd imports (and PocketLens's
 * own IMDb/Letterboxd import reads back); titles and ids come from the active dataset.
 */
export async function exportLetterboxd(opts: { watchedDates?: boolean } = {}): Promise<LetterboxdExport> {
  const ratings = await getProfile(await openDb());
  const s = await getServing();
  if (!s) throw new Error('No dataset is loaded: the Letterboxd export takes titles and ids from the active dataset.');
  return letterboxdCsv(ratings, (movieId) => {
    const i = s.byMovieId.get(movieId);
    return i === undefined ? undefined : s.movies[i];
  }, opts);
}

/**
 * Checks the whole backup first; only a valid one replaces the ratings (and hidden marks and watchlist when it holds
 * them), in one transaction. Returns how many ratings, and the settings it holds for the page to apply (absent in older backups).
 */
export async function restoreBackup(text: string, fileName: string): Promise<{ count: number; settings?: BackupSettings }> {
  const backup = parseBackup(text, fileName);
  await replaceProfile(await openDb(), backup.ratings, backup.hidden, backup.watchlist);
  return { count: backup.ratings.length, ...(backup.settings ? { settings: backup.settings } : {}) };
}
