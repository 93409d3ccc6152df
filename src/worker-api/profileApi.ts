// Worker API: the person's ratings as files (JSON backup with hidden movies and watchlist, MovieLens CSV and a Letterboxd-ready CSV out), their settings,
// and the one-step Undo of the last import or restore.
import { makeBackup, ratingsCsv } from '../engine/backup';
import { parseSettings, type BackupSettings } from '../engine/backupSettings';
import { letterboxdCsv, type LetterboxdExport } from '../engine/exportLetterboxd';
import { openDb } from '../store/db';
import { getHidden } from '../store/hidden';
import { getProfile } from '../store/profile';
import { getWatchlist } from '../store/watchlist';
import { addNotSeen, getSettings, updateSettings } from '../store/settings';
import { pendingUndo, undoChange, type Undone, type UndoTicket } from '../store/personal';
import { getServing } from './state';

export type { UndoTicket, Undone } from '../store/personal';

/** The backup holds the ratings, the movies marked "not interested", the watchlist and the settings; the CSV only the ratings. */
export async function exportRatings(): Promise<{ json: string; csv: string; count: number }> {
  const db = await openDb();
  const ratings = await getProfile(db);
  const settings = (await getSettings(db)) ?? undefined;
  return { json: JSON.stringify(makeBackup(ratings, new Date(), await getHidden(db), settings, await getWatchlist(db)), null, 1), csv: ratingsCsv(ratings), count: ratings.length };
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

const refuse = (what: string): never => {
  throw new Error(`These settings cannot be saved: ${what}`);
};

/** The stored settings; null when none were ever stored (the page then stores the ones it kept before schema 4). */
export async function settings(): Promise<BackupSettings | null> {
  return getSettings(await openDb());
}

/** Lays `patch` over the stored settings (checked like a backup's) and returns them as stored. */
export async function saveSettings(patch: BackupSettings): Promise<BackupSettings> {
  return updateSettings(await openDb(), parseSettings(patch, refuse));
}

/** Remembers that the person has not seen a movie: onboarding never offers it again. */
export async function markNotSeen(movieId: number): Promise<void> {
  if (!Number.isSafeInteger(movieId) || movieId < 0) refuse(`expected a movie id, found ${JSON.stringify(movieId)}`);
  await addNotSeen(await openDb(), movieId);
}

/** The import or restore Undo would revert now (null: none, or a later rating or mark made it final). */
export async function lastChange(): Promise<UndoTicket | null> {
  return pendingUndo(await openDb());
}

/**
 * Puts back exactly what the import or restore `id` replaced (dates, hidden marks, watchlist and settings included), if it is still
 * the last change; otherwise refuses and changes nothing.
 */
export async function undo(id: string): Promise<Undone & { settingsNow?: BackupSettings | null }> {
  const db = await openDb();
  const done = await undoChange(db, id);
  // The settings as they are again, for the page's quick copy (null: none were stored before).
  return done.settings ? { ...done, settingsNow: await getSettings(db) } : done;
}
