// Worker API: the person's ratings as files — JSON backup and MovieLens CSV out, a validated backup in.
import { makeBackup, parseBackup, ratingsCsv, type BackupSettings } from '../engine/backup';
import { openDb } from '../store/db';
import { getHidden } from '../store/hidden';
import { getProfile, replaceProfile } from '../store/profile';

/**
 * The backup holds the ratings, the movies marked "not interested" and the page's settings (kept by the page, in
 * localStorage, so the page passes them in); the CSV only the ratings.
 */
export async function exportRatings(settings?: BackupSettings): Promise<{ json: string; csv: string; count: number }> {
  const db = await openDb();
  const ratings = await getProfile(db);
  return { json: JSON.stringify(makeBackup(ratings, new Date(), await getHidden(db), settings), null, 1), csv: ratingsCsv(ratings), count: ratings.length };
}

/**
 * Checks the whole backup first; only a valid one replaces the ratings (and hidden marks), in one transaction.
 * Returns how many ratings, and the settings it holds for the page to apply (absent in older backups).
 */
export async function restoreBackup(text: string, fileName: string): Promise<{ count: number; settings?: BackupSettings }> {
  const backup = parseBackup(text, fileName);
  await replaceProfile(await openDb(), backup.ratings, backup.hidden);
  return { count: backup.ratings.length, ...(backup.settings ? { settings: backup.settings } : {}) };
}
