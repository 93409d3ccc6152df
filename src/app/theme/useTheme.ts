// React view of the theme: the person's choice (system / light / dark) and the scheme showing, kept in step with the system and other tabs.
import { useCallback, useSyncExternalStore } from 'react';
import { currentScheme, readThemePref, saveThemePref, watchTheme, type Scheme, type ThemePref } from './theme';

const listeners = new Set<() => void>();
let unwatch: (() => void) | null = null;

function subscribe(l: () => void): () => void {
  listeners.add(l);
  unwatch ??= watchTheme(() => listeners.forEach((f) => f()));
  return () => {
    listeners.delete(l);
    if (listeners.size === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}

/** The scheme the page shows now: charts drawn on a canvas read it to pick their colours. */
export function useScheme(): Scheme {
  return useSyncExternalStore(subscribe, currentScheme);
}

export function useTheme(): [ThemePref, (p: ThemePref) => void] {
  const pref = useSyncExternalStore(subscribe, readThemePref);
  const set = useCallback((p: ThemePref) => {
    saveThemePref(p);
    listeners.forEach((f) => f());
  }, []);
  return [pref, set];
}
