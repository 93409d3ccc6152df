// Worker API: a backup restore in two steps: read and check the whole file (nothing written; the page then asks with
// what it holds), then write it in one transaction that keeps the previous state for Undo. Runs on the files worker.
import { parseBackup, type Backup } from '../engine/backup';
import { backupTooLarge, notABackup } from '../engine/backupFile';
import { ImportError } from '../engine/movielens/errors';
import { decodeUtf8 } from '../engine/movielens/decode';
import { openDb } from '../store/db';
import { rowsBytes, rowsFrom } from '../store/idBlocks';
import { getHiddenRows, hiddenBlocks } from '../store/hidden';
import { getProfileRows, profileBlocks } from '../store/profile';
import { getSettings } from '../store/settings';
import { getWatchlist } from '../store/watchlist';
import { replaceState, type PersonalState, type UndoTicket } from '../store/personal';
import { ensureSpace } from '../store/quota';
import { HIDDEN_COLUMNS, PROFILE_COLUMNS } from '../store/schema';

export interface RestoreProgress {
  /** read: bytes of the file; check: parsing and checking it; write: the one transaction. */
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

/** What a checked backup holds and what restoring it replaces: the page asks the person with these numbers. */
export interface BackupSummary {
  /** Names this checked backup for commitRestore. */
  token: string;
  file: string;
  holds: {
    ratings: number;
    /** null: the backup predates hidden marks and leaves them as they are. */
    hidden: number | null;
    /** null: a version-1 backup; the watchlist stays (less the movies it rates). */
    watchlist: number | null;
    /** Whether it holds settings (absent: they stay as they are). */
    settings: boolean;
    /** "Haven't seen" movies among its settings. */
    notSeen: number;
  };
  replaces: { ratings: number; hidden: number; watchlist: number; settings: boolean };
  /** Bytes the restore adds to storage (the new state and the old one kept for Undo). */
  bytes: number;
  /** Where the check's time went: reading the file, JSON.parse and the field checks, cutting blocks, the space check. */
  seconds: { read: number; parse: number; blocks: number; space: number };
}

export interface RestoreResult {
  file: string;
  count: number;
  /** Hidden marks restored (absent: the backup has none and they were left as they are). */
  hidden?: number;
  /** Movies on the restored watchlist (absent: a version-1 backup; the watchlist was left, less what it rates). */
  watchlist?: number;
  /** The settings as stored after the restore, for the page's quick copy (absent: the backup has none). */
  settings?: Backup['settings'];
  /** Undo reverts exactly this restore (see undo in profileApi). */
  undo: UndoTicket;
  /** The one transaction: keeping the old state for Undo and writing the new. */
  writeSeconds: number;
}

type Progress = (p: RestoreProgress) => void;

/** A stored watchlist record ({ movieId, addedAt } as structured clone and index overhead), for the space check. */
const WATCH_RECORD_BYTES = 64;

/** The checked backup waiting for the person's answer (one at a time: a newer check replaces it). */
let prepared: { token: string; file: string; state: PersonalState; backup: Backup } | null = null;

/** Reads a File (with progress) or a text; refuses before reading anything larger than a backup can be. */
async function readText(file: File | { name: string; text: string }, progress: Progress): Promise<string> {
  if ('text' in file && typeof file.text === 'string') return file.text;
  const blob = file as File;
  const big = backupTooLarge(blob.size);
  if (big) throw new ImportError(blob.name, undefined, big);
  const bytes = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let at = 0;
  let told = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) throw new ImportError(blob.name, undefined, 'the file changed while it was read; pick it again');
    bytes.set(value, at);
    at += value.length;
    if (at - told >= 4 << 20) {
      told = at;
      progress({ phase: 'read', done: at, total: bytes.length });
    }
  }
  progress({ phase: 'read', done: at, total: bytes.length });
  return decodeUtf8(bytes.subarray(0, at), blob.name);
}

/** The state a backup restores, as blocks ready to write. */
function stateOf(backup: Backup): PersonalState {
  const state: PersonalState = { profile: profileBlocks(rowsFrom(backup.ratings.map((r) => ({ ratings: r.rating, ratedAt: r.ratedAt, id: r.movieId })), (r) => r.id, PROFILE_COLUMNS)) };
  if (backup.hidden) state.hidden = hiddenBlocks(rowsFrom(backup.hidden.map((h) => ({ hiddenAt: h.hiddenAt, id: h.movieId })), (h) => h.id, HIDDEN_COLUMNS));
  if (backup.watchlist) state.watchlist = backup.watchlist.map((w) => ({ movieId: w.movieId, addedAt: w.addedAt }));
  if (backup.settings) state.settings = backup.settings;
  return state;
}

/**
 * Reads and checks the whole backup (an ImportError naming the file and field otherwise; an IMDb, Letterboxd or
 * MovieLens CSV is named as such) and measures it against the storage left. Writes nothing.
 */
export async function inspectBackup(file: File | { name: string; text: string }, onProgress?: Progress): Promise<BackupSummary> {
  prepared = null;
  const progress: Progress = (p) => onProgress?.(p);
  const clock = performance.now.bind(performance);
  const t0 = clock();
  const text = await readText(file, progress);
  const other = notABackup(text);
  if (other) throw new ImportError(file.name, undefined, other);
  progress({ phase: 'check', done: 0, total: text.length });
  const t1 = clock();
  const backup = parseBackup(text, file.name);
  const t2 = clock();
  const state = stateOf(backup);
  const t3 = clock();
  const db = await openDb();
  const [profile, hidden, watchlist, settings] = await Promise.all([getProfileRows(db), getHiddenRows(db), getWatchlist(db), getSettings(db)]);
  const notSeen = backup.settings?.onboarding?.notSeen?.length ?? 0;
  // The new state, plus the ratings (and marks and watchlist) it replaces, kept for Undo until the next change.
  const bytes =
    64 * 1024 +
    rowsBytes(backup.ratings.length, PROFILE_COLUMNS.length) +
    rowsBytes(backup.hidden?.length ?? 0, HIDDEN_COLUMNS.length) +
    notSeen * 9 +
    WATCH_RECORD_BYTES * ((backup.watchlist?.length ?? 0) + watchlist.length) +
    rowsBytes(profile.ids.length, PROFILE_COLUMNS.length) +
    (backup.hidden ? rowsBytes(hidden.ids.length, HIDDEN_COLUMNS.length) : 0) +
    (backup.settings ? (settings?.onboarding?.notSeen?.length ?? 0) * 9 : 0);
  await ensureSpace(`the backup ${file.name}`, bytes, 'restore');
  const t4 = clock();
  progress({ phase: 'check', done: text.length, total: text.length });
  const token = crypto.randomUUID();
  prepared = { token, file: file.name, state, backup };
  return {
    token,
    file: file.name,
    holds: {
      ratings: backup.ratings.length,
      hidden: backup.hidden ? backup.hidden.length : null,
      watchlist: backup.watchlist ? backup.watchlist.length : null,
      settings: backup.settings !== undefined,
      notSeen,
    },
    replaces: { ratings: profile.ids.length, hidden: hidden.ids.length, watchlist: watchlist.length, settings: settings !== null },
    bytes,
    seconds: { read: (t1 - t0) / 1000, parse: (t2 - t1) / 1000, blocks: (t3 - t2) / 1000, space: (t4 - t3) / 1000 },
  };
}

/** Writes the backup checked as `token` in one strict transaction (all or nothing, settings included). */
export async function commitRestore(token: string, onProgress?: Progress): Promise<RestoreResult> {
  const p = prepared;
  if (!p || p.token !== token) throw new Error('This backup is no longer ready to restore: pick the file again.');
  onProgress?.({ phase: 'write', done: 0, total: 1 });
  const undo: UndoTicket = { id: token, kind: 'restore', file: p.file, at: Date.now() };
  const t0 = performance.now();
  const settings = await replaceState(await openDb(), p.state, undo);
  const writeSeconds = (performance.now() - t0) / 1000;
  prepared = null;
  onProgress?.({ phase: 'write', done: 1, total: 1 });
  const { backup } = p;
  return { file: p.file, count: backup.ratings.length, ...(backup.hidden ? { hidden: backup.hidden.length } : {}), ...(backup.watchlist ? { watchlist: backup.watchlist.length } : {}), ...(settings ? { settings } : {}), undo, writeSeconds };
}

/** Forgets a checked backup the person did not restore. */
export async function dropPreparedBackup(): Promise<void> {
  prepared = null;
}

/**
 * Checks the whole backup first; only a valid one replaces the ratings (and hidden marks and settings it holds), in one
 * transaction (and the watchlist: the backup's, or without one the stored one less what it rates). One call for tests and scripts; the page checks, asks, then commits.
 */
export async function restoreBackup(text: string, fileName: string): Promise<RestoreResult> {
  const summary = await inspectBackup({ name: fileName, text });
  return commitRestore(summary.token);
}
