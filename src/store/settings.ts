// The person's settings (recommendation filters and list, onboarding choices and "haven't seen" movies) in the meta
// store: the small ones in one record, the "haven't seen" list (any length) in its own, so a filter change never
// rewrites a list of a million ids. Read and written together where a backup or an undo moves them.
import type { IDBPObjectStore } from 'idb';
import type { BackupSettings } from '../engine/backupSettings';
import { tx, type DB } from './db';
import { STORES, type PocketLensDB, type StoreName } from './schema';

/** The meta key of the settings record (its value: BackupSettings without onboarding.notSeen). */
export const SETTINGS_KEY = 'settings';
/** The meta key of the "haven't seen" list (its value: the movieIds, in the order they were answered). */
export const NOT_SEEN_KEY = 'notSeen';

type Meta<M extends IDBTransactionMode> = IDBPObjectStore<PocketLensDB, ArrayLike<StoreName>, 'meta', M>;

/** The stored settings inside the caller's transaction; null when none were ever stored. */
export async function readSettings(meta: Meta<IDBTransactionMode>): Promise<BackupSettings | null> {
  const small = (await meta.get(SETTINGS_KEY))?.value as BackupSettings | undefined;
  const notSeen = (await meta.get(NOT_SEEN_KEY))?.value as number[] | undefined;
  if (!small && !notSeen) return null;
  const out: BackupSettings = { ...small };
  if (notSeen) out.onboarding = { ...out.onboarding, notSeen };
  return out;
}

/** Stores `s` whole inside the caller's transaction (null: none; the "haven't seen" list only when `s` has one). */
export async function writeSettings(meta: Meta<'readwrite'>, s: BackupSettings | null): Promise<void> {
  if (s === null) {
    await meta.delete(SETTINGS_KEY);
    await meta.delete(NOT_SEEN_KEY);
    return;
  }
  const { notSeen, ...onboarding } = s.onboarding ?? {};
  const small: BackupSettings = { ...s };
  if (s.onboarding) small.onboarding = onboarding;
  await meta.put({ key: SETTINGS_KEY, value: small });
  if (notSeen) await meta.put({ key: NOT_SEEN_KEY, value: notSeen });
  else await meta.delete(NOT_SEEN_KEY);
}

/** The stored settings; null when none were ever stored (a profile from before schema 4 keeps them in the page). */
export async function getSettings(db: DB): Promise<BackupSettings | null> {
  return tx(db, [STORES.meta], 'readonly', (t) => readSettings(t.objectStore(STORES.meta)));
}

/**
 * `patch` over the stored settings, group by group and field by field (a field it lacks stays as it is), in one
 * strict transaction; returns the result. The "haven't seen" list is read and written only when the patch names it.
 */
export async function updateSettings(db: DB, patch: BackupSettings): Promise<BackupSettings> {
  return tx(
    db,
    [STORES.meta],
    'readwrite',
    async (t) => {
      const meta = t.objectStore(STORES.meta);
      const listed = patch.onboarding?.notSeen !== undefined;
      const now = listed ? ((await readSettings(meta)) ?? {}) : (((await meta.get(SETTINGS_KEY))?.value as BackupSettings | undefined) ?? {});
      const next = mergeSettings(now, patch);
      if (listed) await writeSettings(meta, next);
      else await meta.put({ key: SETTINGS_KEY, value: next });
      return next;
    },
    'strict',
  );
}

/** Adds one movie to the "haven't seen" list (once), touching that record only. */
export async function addNotSeen(db: DB, movieId: number): Promise<void> {
  await tx(
    db,
    [STORES.meta],
    'readwrite',
    async (t) => {
      const meta = t.objectStore(STORES.meta);
      const ids = ((await meta.get(NOT_SEEN_KEY))?.value as number[] | undefined) ?? [];
      if (!ids.includes(movieId)) await meta.put({ key: NOT_SEEN_KEY, value: [...ids, movieId] });
      if (!(await meta.get(SETTINGS_KEY))) await meta.put({ key: SETTINGS_KEY, value: {} });
    },
    'strict',
  );
}

/** `patch` over `now`: each group's fields replace the ones they name. */
export function mergeSettings(now: BackupSettings, patch: BackupSettings): BackupSettings {
  const out: BackupSettings = {};
  const recs = now.recommendations || patch.recommendations ? { ...now.recommendations, ...patch.recommendations } : undefined;
  const onboarding = now.onboarding || patch.onboarding ? { ...now.onboarding, ...patch.onboarding } : undefined;
  if (recs) out.recommendations = recs;
  if (onboarding) out.onboarding = onboarding;
  return out;
}
