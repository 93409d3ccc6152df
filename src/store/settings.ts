// The person's settings (recommendation filters and list, onboarding choices and "haven't seen" movies) in the meta store.
import type { BackupSettings } from '../engine/backupSettings';
import { tx, type DB } from './db';
import { STORES } from './schema';

/** The meta key of the settings record (its value: BackupSettings as parseSettings checked it). */
export const SETTINGS_KEY = 'settings';

/** The stored settings; null when none were ever stored (a profile from before schema 4 keeps them in the page). */
export async function getSettings(db: DB): Promise<BackupSettings | null> {
  const r = await tx(db, [STORES.meta], 'readonly', (t) => t.objectStore(STORES.meta).get(SETTINGS_KEY));
  return (r?.value as BackupSettings | undefined) ?? null;
}

/**
 * `patch` over the stored settings, group by group and field by field (a field it lacks stays as it is), in one
 * strict transaction; returns the result. `edit` may change the merged value further inside the same transaction.
 */
export async function updateSettings(db: DB, patch: BackupSettings, edit?: (s: BackupSettings) => void): Promise<BackupSettings> {
  return tx(
    db,
    [STORES.meta],
    'readwrite',
    async (t) => {
      const s = t.objectStore(STORES.meta);
      const now = ((await s.get(SETTINGS_KEY))?.value as BackupSettings | undefined) ?? {};
      const next = mergeSettings(now, patch);
      edit?.(next);
      await s.put({ key: SETTINGS_KEY, value: next });
      return next;
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
