// Movies marked "not interested": never recommended again until the mark is removed.
import { tx, type DB } from './db';
import { STORES, type HiddenRecord } from './schema';

/** The marks with their times (for the backup). */
export function getHidden(db: DB): Promise<HiddenRecord[]> {
  return tx(db, [STORES.hidden], 'readonly', (t) => t.objectStore(STORES.hidden).getAll());
}

export async function hiddenMovies(db: DB): Promise<Set<number>> {
  const keys = await tx(db, [STORES.hidden], 'readonly', (t) => t.objectStore(STORES.hidden).getAllKeys());
  return new Set(keys);
}

export async function setHidden(db: DB, movieId: number, hidden: boolean): Promise<void> {
  await tx(
    db,
    [STORES.hidden],
    'readwrite',
    async (t) => {
      if (hidden) await t.objectStore(STORES.hidden).put({ movieId, hiddenAt: Date.now() });
      else await t.objectStore(STORES.hidden).delete(movieId);
    },
    'strict',
  );
}
