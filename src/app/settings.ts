// The person's settings in localStorage (recommendation filters and list; onboarding's own in onboardingPrefs), whole for the backup.
import { parseSettings, type BackupSettings } from '../engine/backupSettings';
import { loadOnboardingPrefs, saveOnboardingPrefs } from './components/onboardingPrefs';
import { DEFAULT_FILTERS, type Filters } from './components/RecFilters';
import type { RankBy } from './components/RankBySwitch';

export interface RecPrefs {
  filters: Filters;
  rankBy: RankBy;
}

const KEY = 'pocketlens.recommendations';

const fail = (what: string): never => {
  throw new Error(what);
};

/** The stored filters and list, each field checked as a backup's would be; anything unreadable falls back to the default. */
export function loadRecPrefs(): RecPrefs {
  let r: NonNullable<BackupSettings['recommendations']> = {};
  try {
    r = parseSettings({ recommendations: JSON.parse(localStorage.getItem(KEY) ?? '{}') }, fail).recommendations ?? {};
  } catch {
    // Damaged or from elsewhere: the defaults.
  }
  const { rankBy = 'explicit', ...filters } = r;
  return { filters: { ...DEFAULT_FILTERS, ...filters }, rankBy };
}

export function saveRecPrefs(p: RecPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...p.filters, rankBy: p.rankBy }));
  } catch {
    // Storage full or blocked: the choice holds for this visit only.
  }
}

/** Everything a backup keeps besides ratings and hidden movies. */
export function currentSettings(): BackupSettings {
  const { filters, rankBy } = loadRecPrefs();
  const o = loadOnboardingPrefs();
  return { recommendations: { ...filters, rankBy }, onboarding: { grid: o.grid, dismissed: o.dismissed, notSeen: o.skipped } };
}

/** Applies a restored backup's settings over the current ones (fields it lacks stay as they are). */
export function applySettings(s: BackupSettings): void {
  if (s.recommendations) {
    const { rankBy, ...filters } = s.recommendations;
    const now = loadRecPrefs();
    saveRecPrefs({ filters: { ...now.filters, ...filters }, rankBy: rankBy ?? now.rankBy });
  }
  if (s.onboarding) {
    const { grid, dismissed, notSeen } = s.onboarding;
    const now = loadOnboardingPrefs();
    saveOnboardingPrefs({ grid: grid ?? now.grid, dismissed: dismissed ?? now.dismissed, skipped: notSeen ?? now.skipped });
  }
}
