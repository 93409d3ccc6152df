// Onboarding's choices in the page's quick copy (localStorage): closed or not, card or grid. Stored in IndexedDB with
// the other settings (settings.ts); the "haven't seen" list lives there only.

export interface OnboardingPrefs {
  dismissed: boolean;
  grid: boolean;
}

const KEY = 'pocketlens.onboarding';

function read(): Record<string, unknown> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function loadOnboardingPrefs(): OnboardingPrefs {
  const p = read();
  return { dismissed: p.dismissed === true, grid: p.grid === true };
}

/** The "haven't seen" list as the page kept it before schema 4 (moved into IndexedDB once, by syncSettings). */
export function legacySkipped(): number[] {
  const s = read().skipped;
  return Array.isArray(s) ? [...new Set(s.filter((x): x is number => Number.isSafeInteger(x) && x >= 0))] : [];
}

export function saveOnboardingCopy(p: OnboardingPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ dismissed: p.dismissed, grid: p.grid }));
  } catch {
    // Storage blocked: the stored settings hold it; the page reads them once the worker answers.
  }
}
