// The person's own ratings, keyed by MovieLens movieId; every write is strict-durability.
import { tx, type DB } from './db';
import { STORES, type HiddenRecord, type ProfileRecord, type WatchRecord } from './schema';

export function getProfile(db: DB): Promise<ProfileRecord[]> {
  return tx(db, [STORES.profile], 'readonly', (t) => t.objectStore(STORES.profile).getAll());
}

/** Sets (or with rating null, removes) the person's rating of a movie. */
export async function setRating(db: DB, movieId: number, rating: number | null): Promise<void> {
  if (rating !== null && !(rating >= 0.5 && rating <= 5 && rating * 2 === Math.round(rating * 2))) {
    throw new RangeError(`rating must be 0.5 to 5 in half stars, got ${rating}`);
  }
  await tx(
    db,
    [STORES.profile],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.profile);
      if (rating === null) await s.delete(movieId);
      else await s.put({ movieId, rating, ratedAt: Date.now() });
    },
    'strict',
  );
}

/**
 * Makes the profile exactly `records` (and, when given, the hidden marks exactly `hidden` and the watchlist exactly
 * `watchlist`) in one strict transaction (restoring a backup): all or nothing. A rated movie is never left on the
 * watchlist, whether the watchlist came with the backup or stayed as it was.
 */
export async function replaceProfile(db: DB, records: ProfileRecord[], hidden?: HiddenRecord[], watchlist?: WatchRecord[]): Promise<void> {
  await tx(
    db,
    [STORES.profile, STORES.hidden, STORES.watchlist],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.profile);
      await s.clear();
      for (const r of records) await s.put({ movieId: r.movieId, rating: r.rating, ratedAt: r.ratedAt });
      if (hidden) {
        const h = t.objectStore(STORES.hidden);
        await h.clear();
        for (const r of hidden) await h.put({ movieId: r.movieId, hiddenAt: r.hiddenAt });
      }
      const rated = new Set(records.map((r) => r.movieId));
      const w = t.objectStore(STORES.watchlist);
      if (watchlist) {
        await w.clear();
        for (const r of watchlist) if (!rated.has(r.movieId)) await w.put({ movieId: r.movieId, addedAt: r.addedAt });
      } else {
        for (const id of await w.getAllKeys()) if (rated.has(id)) await w.delete(id);
      }
    },
    'strict',
  );
}

/**
 * Adds many ratings in one strict transaction (an IMDb/Letterboxd import): all or nothing. A record with
 * `replace` false never overwrites a rating already stored (one made since the review, in another tab).
 * Returns how many were written.
 */
export async function addRatings(db: DB, records: { movieId: number; rating: number; ratedAt: number; replace: boolean }[]): Promise<number> {
  for (const r of records) {
    if (!(r.rating >= 0.5 && r.rating <= 5 && r.rating * 2 === Math.round(r.rating * 2))) {
      throw new RangeError(`rating must be 0.5 to 5 in half stars, got ${r.rating} for movie ${r.movieId}`);
    }
  }
  return tx(
    db,
    [STORES.profile],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.profile);
      const rated = new Set(await s.getAllKeys());
      const writes = records.filter((r) => r.replace || !rated.has(r.movieId)).map((r) => s.put({ movieId: r.movieId, rating: r.rating, ratedAt: r.ratedAt }));
      await Promise.all(writes);
      return writes.length;
    },
    'strict',
  );
}
