// Light, dark or the system's: the person's choice (remembered in localStorage) resolved to data-scheme on <html>.
// Plain DOM, no React: themeBoot.ts runs it as a blocking script before the first paint; useTheme.ts for the page.

export type ThemePref = 'system' | 'light' | 'dark';
export type Scheme = 'light' | 'dark';

export const THEME_PREFS: readonly ThemePref[] = ['system', 'light', 'dark'];
export const THEME_KEY = 'pocketlens.theme';
const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** The remembered choice; anything else (nothing stored, storage blocked, a damaged value) is 'system'. */
export function readThemePref(): ThemePref {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return THEME_PREFS.find((p) => p === v) ?? 'system';
  } catch {
    return 'system';
  }
}

export function resolveScheme(pref: ThemePref, systemDark: boolean): Scheme {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

/** Sets <html data-theme data-scheme>: the stylesheet's palette and the native controls' color-scheme follow data-scheme. */
export function applyTheme(pref: ThemePref): Scheme {
  const scheme = resolveScheme(pref, matchMedia(SYSTEM_DARK).matches);
  const root = document.documentElement;
  root.dataset.theme = pref;
  root.dataset.scheme = scheme;
  return scheme;
}

/** Remembers and applies a choice. */
export function saveThemePref(pref: ThemePref): void {
  try {
    if (pref === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, pref);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
  applyTheme(pref);
}

/** Follows the system's scheme while the choice is 'system' (and another tab's choice); returns the unsubscribe. */
export function watchTheme(onChange: () => void): () => void {
  const mq = matchMedia(SYSTEM_DARK);
  const again = () => {
    applyTheme(readThemePref());
    onChange();
  };
  const onStorage = (e: StorageEvent) => e.key === THEME_KEY && again();
  mq.addEventListener('change', again);
  addEventListener('storage', onStorage);
  return () => {
    mq.removeEventListener('change', again);
    removeEventListener('storage', onStorage);
  };
}

/** The scheme showing now (what data-scheme says). */
export function currentScheme(): Scheme {
  return document.documentElement.dataset.scheme === 'dark' ? 'dark' : 'light';
}
