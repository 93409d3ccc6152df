// Whether a CSS media query matches now, re-rendering when it changes; PHONE is the one phone-layout breakpoint.
import { useSyncExternalStore } from 'react';

/** The phone layout (bottom navigation, one column, full-screen movie sheet). The stylesheets use the same 800px. */
export const PHONE = '(max-width: 800px)';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = matchMedia(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
  );
}
