// Movies the person wants to watch: one record per movie with the time it was added; rating a movie takes it off.
import { tx, type DB } from './db';
import { STORES, type WatchRecord } from './schema';

/** The watchlist with the times each movie was added (for the screen, the backup and the exports). */
export function getWatchlist(db: DB): Promise<WatchRecord[]> {
  return tx(db, [STORES.watchlist], 'readonly', (t) => t.objectStore(STORES.watchlist).getAll());
}

/**
 * Adds (with `addedAt`, now by default; an Undo passes the original time) or removes a movie. Returns the record it
 * removed or replaced, if any, so the page can undo exactly. A change drops any pending Undo of an import or restore
 * (undoing it now would put back the watchlist as it was and lose this change).
 */
export async function setWatched(db: DB, movieId: number, on: boolean, addedAt = Date.now()): Promise<WatchRecord | null> {
  return tx(
    db,
    [STORES.watchlist, STORES.undo],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.watchlist);
      const before = (await s.get(movieId)) ?? null;
      if (on) await s.put({ movieId, addedAt });
      else if (before) await s.delete(movieId);
      if (on || before) await t.objectStore(STORES.undo).delete('last');
      return before;
    },
    'strict',
  );
}

/**
 * Takes these movies off the watchlist (they were rated or hidden); returns the records removed. Writes only if one is
 * on it. Leaves a pending Undo alone: the rating or mark that took them off has already dropped it.
 */
export async function takeOff(db: DB, movieIds: readonly number[]): Promise<WatchRecord[]> {
  const on = new Set((await getWatchlist(db)).map((r) => r.movieId));
  const ids = movieIds.filter((id) => on.has(id));
  if (ids.length === 0) return [];
  return tx(
    db,
    [STORES.watchlist],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.watchlist);
      const removed: WatchRecord[] = [];
      for (const id of ids) {
        const r = await s.get(id);
        if (r) (removed.push(r), await s.delete(id));
      }
      return removed;
    },
    'strict',
  );
}
