// The person's settings on the page: stored in IndexedDB with the ratings (through the serving worker), read at start-up
// from a small localStorage copy written after each commit, so the first render needs no worker. The copy holds the
// recommendation filters and list and onboarding's choices; the "haven't seen" list (any length) stays in IndexedDB only.
import { parseSettings, type BackupSettings } from '../engine/backupSettings';
import { serving } from '../client/engineClient';
import { loadOnboardingPrefs, legacySkipped, saveOnboardingCopy, type OnboardingPrefs } from './components/onboardingPrefs';
import { DEFAULT_FILTERS, type Filters } from './components/RecFilters';
import type { SortBy } from './components/SortControl';
import type { ListSwitches } from './components/ListControls';

export interface RecPrefs {
  filters: Filters;
  /** The list's order: "Best for you" (default) or predicted rating. */
  sortBy: SortBy;
  /** The ranked list's switches, all off by default. */
  switches: ListSwitches;
}

/** The stored fields of RecPrefs (an older backup's rankBy is dropped: the ranked list replaced both of its lists). */
function recsOf(p: RecPrefs): NonNullable<BackupSettings['recommendations']> {
  return { ...p.filters, sortBy: p.sortBy, ...p.switches };
}

const KEY = 'pocketlens.recommendations';
/** Set while the copy holds list choices not yet stored in IndexedDB (a reload right after a change must keep it). */
const PENDING = 'pocketlens.recommendations.pending';

function markPending(on: boolean): void {
  try {
    if (on) localStorage.setItem(PENDING, '1');
    else localStorage.removeItem(PENDING);
  } catch {
    // Storage blocked: nothing to remember.
  }
}

function pending(): boolean {
  try {
    return localStorage.getItem(PENDING) === '1';
  } catch {
    return false;
  }
}

const fail = (what: string): never => {
  throw new Error(what);
};

/** The copied filters and list, each field checked as a backup's would be; anything unreadable falls back to the default. */
export function loadRecPrefs(): RecPrefs {
  let r: NonNullable<BackupSettings['recommendations']> = {};
  try {
    r = parseSettings({ recommendations: JSON.parse(localStorage.getItem(KEY) ?? '{}') }, fail).recommendations ?? {};
  } catch {
    // Damaged or from elsewhere: the defaults.
  }
  const { rankBy: _before, sortBy = 'best', gems = false, recency = false, diversity = false, ...filters } = r;
  return { filters: { ...DEFAULT_FILTERS, ...filters }, sortBy, switches: { gems, recency, diversity } };
}

function copyRecPrefs(r: NonNullable<BackupSettings['recommendations']>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(r));
  } catch {
    // Storage blocked: the page reads the stored settings once the worker answers (syncSettings).
  }
}

/** Writes the parts of stored settings the page reads at start-up to the quick copy. */
export function copySettings(s: BackupSettings | null): void {
  const recs = s?.recommendations ?? {};
  const { rankBy: _before, ...stored } = recs;
  copyRecPrefs({ ...recsOf(loadRecPrefs()), ...stored });
  const o = s?.onboarding ?? {};
  const now = loadOnboardingPrefs();
  saveOnboardingCopy({ grid: o.grid ?? now.grid, dismissed: o.dismissed ?? now.dismissed });
}

/** Stores a patch in IndexedDB, then copies the result for the next start-up; a refused write is logged (the choice holds for this visit). */
async function store(patch: BackupSettings): Promise<boolean> {
  try {
    copySettings(await serving.api.saveSettings(patch));
    return true;
  } catch (e) {
    console.warn('PocketLens: settings not stored', e);
    return false;
  }
}

/** Stores the filters and list when they changed (a screen mounting with the same ones writes nothing). */
export function saveRecPrefs(p: RecPrefs): void {
  const recommendations = recsOf(p);
  let copied: string | null = null;
  try {
    copied = localStorage.getItem(KEY);
  } catch {
    // Storage blocked: store it.
  }
  if (copied === JSON.stringify(recommendations)) return;
  copyRecPrefs(recommendations); // at once, so a screen switch reads it; the stored value follows
  markPending(true);
  void store({ recommendations }).then((stored) => stored && markPending(false));
}

export function saveOnboardingPrefs(p: Pick<OnboardingPrefs, 'grid' | 'dismissed'>): void {
  saveOnboardingCopy(p);
  void store({ onboarding: { grid: p.grid, dismissed: p.dismissed } });
}

/** "Haven't seen": kept in IndexedDB with the other settings, never offered again. */
export function markNotSeen(movieId: number): void {
  serving.api.markNotSeen(movieId).catch((e: unknown) => console.warn('PocketLens: "haven\'t seen" not stored', e));
}

/**
 * At start-up: settings from before schema 4 lived only in localStorage; they move into IndexedDB (the "haven't seen"
 * list with them) the first time. Afterwards the quick copy is refreshed from IndexedDB, in case a write elsewhere
 * (another tab's restore, a crash before the copy) left it behind.
 */
export async function syncSettings(): Promise<void> {
  // A change the page copied but the previous visit did not get to store (a reload right after it) is stored now.
  if (pending()) {
    if (await store({ recommendations: recsOf(loadRecPrefs()) })) markPending(false);
    return;
  }
  const stored = await serving.api.settings();
  if (stored) return copySettings(stored);
  const o = loadOnboardingPrefs();
  copySettings(await serving.api.saveSettings({ recommendations: recsOf(loadRecPrefs()), onboarding: { grid: o.grid, dismissed: o.dismissed, notSeen: legacySkipped() } }));
  saveOnboardingCopy({ grid: o.grid, dismissed: o.dismissed }); // the legacy list is in IndexedDB now
}
