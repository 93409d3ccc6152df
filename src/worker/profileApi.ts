// Worker API: the person's ratings as files — JSON backup and MovieLens CSV out, a validated backup in.
import { makeBackup, parseBackup, ratingsCsv } from '../engine/backup';
import { openDb } from '../store/db';
import { getHidden } from '../store/hidden';
import { getProfile, replaceProfile } from '../store/profile';

/** The backup holds the ratings and the movies marked "not interested"; the CSV only the ratings. */
export async function exportRatings(): Promise<{ json: string; csv: string; count: number }> {
  const db = await openDb();
  const ratings = await getProfile(db);
  return { json: JSON.stringify(makeBackup(ratings, new Date(), await getHidden(db)), null, 1), csv: ratingsCsv(ratings), count: ratings.length };
}

/** Checks the whole backup first; only a valid one replaces the ratings (and hidden marks), in one transaction. Returns how many ratings. */
export async function restoreBackup(text: string, fileName: string): Promise<number> {
  const backup = parseBackup(text, fileName);
  await replaceProfile(await openDb(), backup.ratings, backup.hidden);
  return backup.ratings.length;
}
