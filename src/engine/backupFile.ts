// What a file picked for Restore is before it is parsed: within the size a backup can have, and a backup at all (an
// IMDb, Letterboxd or MovieLens CSV is named as such, so the person is pointed to the right button).

/**
 * The largest backup read: 256 MiB, about 5 million ratings. A person's real backup holds at most a rating and a mark
 * per MovieLens movie (ml-32m lists 87,585), about 10 MB; anything far beyond is refused before it is read.
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** Why a file of `size` bytes is refused before reading (null: within the ceiling). */
export function backupTooLarge(size: number): string | null {
  if (size <= MAX_BACKUP_BYTES) return null;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
  return `expected a PocketLens backup of at most ${mb(MAX_BACKUP_BYTES)} (about 5 million ratings); this file is ${mb(size)}`;
}

/** Header columns of each CSV a person might pick by mistake, lower case. */
const has = (cols: string[], ...names: string[]) => names.every((n) => cols.includes(n));

/**
 * When `text` (its start is enough) is plainly not a JSON backup but another export PocketLens knows, what it is and
 * where it goes; null when it may be a backup (parseBackup then says exactly what is wrong).
 */
export function notABackup(text: string): string | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '' || start[0] === '{' || start[0] === '[') return null;
  const firstLine = start.slice(0, 4096).split(/\r?\n/, 1)[0];
  const cols = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (has(cols, 'const', 'your rating')) return 'this is an IMDb ratings export, not a PocketLens backup: use "Import IMDb or Letterboxd" to add its ratings';
  if (has(cols, 'letterboxd uri', 'name')) return 'this is a Letterboxd export, not a PocketLens backup: use "Import IMDb or Letterboxd" to add its ratings';
  if (has(cols, 'userid', 'movieid', 'rating')) return 'this is a ratings.csv in MovieLens layout, not a PocketLens backup: a restore reads the JSON file that "Download backup" saves';
  return null;
}
