// Worker API: the person's ratings as files — JSON backup and MovieLens CSV out, a validated backup in.
import { makeBackup, parseBackup, ratingsCsv } from '../engine/backup';
import { openDb } from '../store/db';
import { getProfile, replaceProfile } from '../store/profile';

export async function exportRatings(): Promise<{ json: string; csv: string; count: number }> {
  const ratings = await getProfile(await openDb());
  return { json: JSON.stringify(makeBackup(ratings), null, 1), csv: ratingsCsv(ratings), count: ratings.length };
}

/** Checks the whole backup first; only a valid one replaces the ratings, in one transaction. Returns how many. */
export async function restoreBackup(text: string, fileName: string): Promise<number> {
  const backup = parseBackup(text, fileName);
  await replaceProfile(await openDb(), backup.ratings);
  return backup.ratings.length;
}
