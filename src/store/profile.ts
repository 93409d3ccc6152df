// The person's own ratings, keyed by MovieLens movieId, in sorted columnar blocks (idBlocks.ts); every write is strict-durability.
import type { IDBPObjectStore } from 'idb';
import { tx, type DB } from './db';
import { fromIdBlocks, mergeRows, rowOf, toIdBlocks, withRow, type IdRows } from './idBlocks';
import { PROFILE_COLUMNS, STORES, type PocketLensDB, type ProfileBlockRecord, type ProfileRecord, type StoreName } from './schema';

export type ProfileRows = IdRows<(typeof PROFILE_COLUMNS)[number]>;

type Mode = 'readonly' | 'readwrite';
type BlockStore<M extends Mode> = IDBPObjectStore<PocketLensDB, ArrayLike<StoreName>, 'profileBlocks', M>;

const isHalfStar = (r: number) => r >= 0.5 && r <= 5 && r * 2 === Math.round(r * 2);

function checkStars(rating: number, movieId?: number): void {
  if (!isHalfStar(rating)) throw new RangeError(`rating must be 0.5 to 5 in half stars, got ${rating}${movieId === undefined ? '' : ` for movie ${movieId}`}`);
}

/** The ratings as columns (movieIds ascending): what lists and fold-in read, without an object per rating. */
export async function getProfileRows(db: DB): Promise<ProfileRows> {
  const blocks = await tx(db, [STORES.profileBlocks], 'readonly', (t) => t.objectStore(STORES.profileBlocks).getAll());
  return fromIdBlocks(blocks, PROFILE_COLUMNS);
}

/** Records from columns, movieIds ascending. */
export function profileRecords(rows: ProfileRows): ProfileRecord[] {
  return Array.from(rows.ids, (movieId, k) => ({ movieId, rating: rows.ratings[k], ratedAt: rows.ratedAt[k] }));
}

/** The ratings, movieIds ascending. */
export async function getProfile(db: DB): Promise<ProfileRecord[]> {
  return profileRecords(await getProfileRows(db));
}

/** The block that holds (or would hold) `movieId`: the one with the greatest start ≤ it. */
export async function blockFor<M extends Mode>(s: BlockStore<M>, movieId: number): Promise<ProfileBlockRecord | undefined> {
  const c = await s.openCursor(IDBKeyRange.upperBound(movieId), 'prev');
  return c?.value;
}

/** Writes the block that held `start` as `next` (none: deleted; two: split). */
export async function putBlocks(s: BlockStore<'readwrite'>, start: number | null, next: ProfileBlockRecord[]): Promise<void> {
  if (start !== null && !next.some((b) => b.start === start)) await s.delete(start);
  for (const b of next) await s.put(b);
}

/**
 * Sets (or with rating null, removes) the person's rating of a movie, rated now unless `ratedAt` is given (an Undo
 * puts a removed rating back with its own date). Returns the rating it replaced or removed, if any. Any pending
 * Undo of an import or restore is dropped: undoing it now would lose this change.
 */
export async function setRating(db: DB, movieId: number, rating: number | null, ratedAt = Date.now()): Promise<ProfileRecord | null> {
  if (rating !== null) checkStars(rating);
  return tx(
    db,
    [STORES.profileBlocks, STORES.undo],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.profileBlocks);
      const block = await blockFor(s, movieId);
      const before = block ? rowOf(block, PROFILE_COLUMNS, movieId) : null;
      if (rating === null && !before) return null;
      const values = rating === null ? null : { ratings: rating, ratedAt };
      const base: ProfileBlockRecord = block ?? { start: 0, ids: new Float64Array(0), ratings: new Float64Array(0), ratedAt: new Float64Array(0) };
      await putBlocks(s, block ? block.start : null, withRow(base, PROFILE_COLUMNS, movieId, values));
      await t.objectStore(STORES.undo).delete('last');
      return before ? { movieId, rating: before.ratings, ratedAt: before.ratedAt } : null;
    },
    'strict',
  );
}

/** The profile as blocks, for a whole-set write (a restore, an import, an undo). */
export function profileBlocks(rows: ProfileRows): ProfileBlockRecord[] {
  return toIdBlocks(rows, PROFILE_COLUMNS);
}

/** Replaces every block of the store with `blocks`, inside the caller's transaction. */
export async function writeProfileBlocks(s: BlockStore<'readwrite'>, blocks: readonly ProfileBlockRecord[]): Promise<void> {
  await s.clear();
  await Promise.all(blocks.map((b) => s.put(b)));
}

/**
 * The profile after an import of `records` (IMDb/Letterboxd): a record with `replace` false never overwrites a rating
 * already stored (one made since the review, in another tab). Pure: `rows` is the profile as stored.
 */
export function withImported(rows: ProfileRows, records: readonly { movieId: number; rating: number; ratedAt: number; replace: boolean }[]): { rows: ProfileRows; written: number } {
  const rated = new Set(rows.ids);
  const changes = records.filter((r) => r.replace || !rated.has(r.movieId)).map((r) => ({ id: r.movieId, values: { ratings: r.rating, ratedAt: r.ratedAt } }));
  return { rows: mergeRows(rows, PROFILE_COLUMNS, changes), written: changes.length };
}

export { checkStars };
