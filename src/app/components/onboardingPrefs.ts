// Onboarding's own memory in localStorage (not ratings): closed or not, card or grid, movies the person has not seen.

export interface OnboardingPrefs {
  dismissed: boolean;
  grid: boolean;
  /** movieIds answered "Haven't seen": never offered again. */
  skipped: number[];
}

const KEY = 'pocketlens.onboarding';

export function loadOnboardingPrefs(): OnboardingPrefs {
  try {
    const p = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<OnboardingPrefs>;
    return { dismissed: p.dismissed === true, grid: p.grid === true, skipped: Array.isArray(p.skipped) ? p.skipped.filter((x) => Number.isInteger(x)) : [] };
  } catch {
    return { dismissed: false, grid: false, skipped: [] };
  }
}

export function saveOnboardingPrefs(p: OnboardingPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage full or blocked: the choice holds for this visit only.
  }
}
