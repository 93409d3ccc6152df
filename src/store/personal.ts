// The person's whole state (ratings, hidden marks, watchlist, settings) replaced in one transaction with the previous state kept for a
// one-step Undo: a backup restore, an IMDb/Letterboxd import, and the Undo of either.
import type { BackupSettings } from '../engine/backupSettings';
import { tx, type DB } from './db';
import { fromIdBlocks } from './idBlocks';
import { profileBlocks, withImported, writeProfileBlocks } from './profile';
import { mergeSettings, readSettings, writeSettings } from './settings';
import { HIDDEN_COLUMNS, PROFILE_COLUMNS, STORES, type HiddenBlockRecord, type ProfileBlockRecord, type UndoRecord, type WatchRecord } from './schema';

/** What a restore writes: the ratings, and the hidden marks, watchlist and settings when the backup holds them. */
export interface PersonalState {
  profile: ProfileBlockRecord[];
  hidden?: HiddenBlockRecord[];
  /** Absent (a version-1 backup): the watchlist stays, less the movies the restored ratings rate. */
  watchlist?: WatchRecord[];
  /** Laid over the stored settings (a field the backup lacks stays as it is). */
  settings?: BackupSettings;
}

/** A change that can be undone, as the page names it. */
export interface UndoTicket {
  id: string;
  kind: UndoRecord['kind'];
  file: string;
  at: number;
}

/** Undo asked for a change that is no longer the last one (a rating or mark was made since, or it was undone). */
export class UndoGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndoGoneError';
  }
}

const ALL = [STORES.profileBlocks, STORES.hiddenBlocks, STORES.meta, STORES.undo, STORES.watchlist];
const rowsIn = (blocks: readonly ProfileBlockRecord[]) => blocks.reduce((n, b) => n + b.ids.length, 0);

/** The movieIds rated in `blocks`. */
function ratedIn(blocks: readonly ProfileBlockRecord[]): Set<number> {
  const out = new Set<number>();
  for (const b of blocks) for (const id of b.ids) out.add(id);
  return out;
}

/**
 * Makes the ratings exactly `next.profile` (and, when given, the hidden marks exactly the backup's, the watchlist exactly
 * the backup's and its settings over the stored ones) in one strict transaction, keeping what it replaced as the undo
 * record `ticket`: all or nothing. A rated movie is never left on the watchlist, whether the watchlist came with the
 * backup or stayed as it was. Returns the settings as stored after it (absent when `next` has none).
 */
export async function replaceState(db: DB, next: PersonalState, ticket: UndoTicket): Promise<BackupSettings | undefined> {
  return tx(
    db,
    ALL,
    'readwrite',
    async (t) => {
      const profile = t.objectStore(STORES.profileBlocks);
      const hidden = t.objectStore(STORES.hiddenBlocks);
      const meta = t.objectStore(STORES.meta);
      const watch = t.objectStore(STORES.watchlist);
      const undo: UndoRecord = { key: 'last', ...ticket, profile: await profile.getAll(), watchlist: await watch.getAll() };
      if (next.hidden) undo.hidden = await hidden.getAll();
      const settingsBefore = next.settings ? await readSettings(meta) : null;
      if (next.settings) undo.settings = settingsBefore;
      await writeProfileBlocks(profile, next.profile);
      if (next.hidden) {
        await hidden.clear();
        await Promise.all(next.hidden.map((b) => hidden.put(b)));
      }
      const rated = ratedIn(next.profile);
      const watchlist = next.watchlist ?? undo.watchlist ?? [];
      await watch.clear();
      await Promise.all(watchlist.filter((r) => !rated.has(r.movieId)).map((r) => watch.put({ movieId: r.movieId, addedAt: r.addedAt })));
      let settings: BackupSettings | undefined;
      if (next.settings) {
        settings = mergeSettings(settingsBefore ?? {}, next.settings);
        await writeSettings(meta, settings);
      }
      await t.objectStore(STORES.undo).put(undo);
      return settings;
    },
    'strict',
  );
}

/**
 * Adds imported ratings in one strict transaction (all or nothing), keeping the ratings (and the watchlist, when a
 * movie now rated leaves it) as they were for Undo. A record with `replace` false never overwrites a rating already
 * stored (one made since the review, in another tab). Returns how many were written (none: nothing changed and no
 * undo record was made).
 */
export async function importRatings(db: DB, records: readonly { movieId: number; rating: number; ratedAt: number; replace: boolean }[], ticket: UndoTicket): Promise<number> {
  return tx(
    db,
    [STORES.profileBlocks, STORES.undo, STORES.watchlist],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.profileBlocks);
      const before = await s.getAll();
      const { rows, written } = withImported(fromIdBlocks(before, PROFILE_COLUMNS), records);
      if (written === 0) return 0;
      await writeProfileBlocks(s, profileBlocks(rows));
      const undo: UndoRecord = { key: 'last', ...ticket, profile: before };
      // Movies now rated leave the watchlist, as when rated one at a time.
      const watch = t.objectStore(STORES.watchlist);
      const watchBefore = await watch.getAll();
      const rated = new Set(rows.ids);
      const off = watchBefore.filter((r) => rated.has(r.movieId));
      if (off.length > 0) {
        undo.watchlist = watchBefore;
        await Promise.all(off.map((r) => watch.delete(r.movieId)));
      }
      await t.objectStore(STORES.undo).put(undo);
      return written;
    },
    'strict',
  );
}

/** The change Undo would revert now, if any. */
export async function pendingUndo(db: DB): Promise<UndoTicket | null> {
  const r = await tx(db, [STORES.undo], 'readonly', (t) => t.objectStore(STORES.undo).get('last'));
  return r ? { id: r.id, kind: r.kind, file: r.file, at: r.at } : null;
}

/** What an Undo put back. */
export interface Undone {
  kind: UndoRecord['kind'];
  file: string;
  ratings: number;
  /** Hidden marks put back (absent: the change had left them alone). */
  hidden?: number;
  /** Movies on the watchlist put back (absent: the change had left it alone). */
  watchlist?: number;
  /** Whether the settings were put back too. */
  settings: boolean;
}

/**
 * Puts back exactly what change `id` replaced (dates included), in one strict transaction, and forgets the undo
 * record. UndoGoneError when `id` is not the last change any more.
 */
export async function undoChange(db: DB, id: string): Promise<Undone> {
  return tx(
    db,
    ALL,
    'readwrite',
    async (t) => {
      const undo = t.objectStore(STORES.undo);
      const r = await undo.get('last');
      if (!r || r.id !== id) throw new UndoGoneError('Nothing to undo: your ratings, watchlist or hidden movies changed since, and Undo never overwrites a later change.');
      await writeProfileBlocks(t.objectStore(STORES.profileBlocks), r.profile);
      if (r.hidden) {
        const h = t.objectStore(STORES.hiddenBlocks);
        await h.clear();
        await Promise.all(r.hidden.map((b) => h.put(b)));
      }
      if (r.watchlist) {
        const w = t.objectStore(STORES.watchlist);
        await w.clear();
        await Promise.all(r.watchlist.map((x) => w.put(x)));
      }
      if (r.settings !== undefined) await writeSettings(t.objectStore(STORES.meta), r.settings as BackupSettings | null);
      await undo.delete('last');
      return {
        kind: r.kind,
        file: r.file,
        ratings: rowsIn(r.profile),
        ...(r.hidden ? { hidden: fromIdBlocks(r.hidden, HIDDEN_COLUMNS).ids.length } : {}),
        ...(r.watchlist ? { watchlist: r.watchlist.length } : {}),
        settings: r.settings !== undefined,
      };
    },
    'strict',
  );
}
