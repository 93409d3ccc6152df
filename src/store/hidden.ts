// Movies marked "not interested": never recommended again until the mark is removed. Stored as sorted columnar blocks.
import { tx, type DB } from './db';
import { fromIdBlocks, rowOf, toIdBlocks, withRow, type IdRows } from './idBlocks';
import { HIDDEN_COLUMNS, STORES, type HiddenBlockRecord, type HiddenRecord } from './schema';

export type HiddenRows = IdRows<(typeof HIDDEN_COLUMNS)[number]>;

export async function getHiddenRows(db: DB): Promise<HiddenRows> {
  const blocks = await tx(db, [STORES.hiddenBlocks], 'readonly', (t) => t.objectStore(STORES.hiddenBlocks).getAll());
  return fromIdBlocks(blocks, HIDDEN_COLUMNS);
}

/** The marks with their times (for the backup), movieIds ascending. */
export async function getHidden(db: DB): Promise<HiddenRecord[]> {
  const rows = await getHiddenRows(db);
  return Array.from(rows.ids, (movieId, k) => ({ movieId, hiddenAt: rows.hiddenAt[k] }));
}

export async function hiddenMovies(db: DB): Promise<Set<number>> {
  return new Set((await getHiddenRows(db)).ids);
}

/** The marks as blocks, for a whole-set write (a restore, an undo). */
export function hiddenBlocks(rows: HiddenRows): HiddenBlockRecord[] {
  return toIdBlocks(rows, HIDDEN_COLUMNS);
}

/** Marks or unmarks a movie; a pending Undo of an import or restore is dropped (undoing it now would lose this change). */
export async function setHidden(db: DB, movieId: number, hidden: boolean, hiddenAt = Date.now()): Promise<void> {
  await tx(
    db,
    [STORES.hiddenBlocks, STORES.undo],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.hiddenBlocks);
      const block = (await s.openCursor(IDBKeyRange.upperBound(movieId), 'prev'))?.value;
      const marked = block ? rowOf(block, HIDDEN_COLUMNS, movieId) !== null : false;
      if (marked === hidden) return;
      const base: HiddenBlockRecord = block ?? { start: 0, ids: new Float64Array(0), hiddenAt: new Float64Array(0) };
      const next = withRow(base, HIDDEN_COLUMNS, movieId, hidden ? { hiddenAt } : null);
      if (block && !next.some((b) => b.start === block.start)) await s.delete(block.start);
      for (const b of next) await s.put(b);
      await t.objectStore(STORES.undo).delete('last');
    },
    'strict',
  );
}
