// Whether a CSS media query matches now, re-rendering when it changes; PHONE is the one phone-layout breakpoint.
import { useSyncExternalStore } from 'react';

/** The phone layout (bottom navigation, one column, full-screen movie sheet). The stylesheets use the same 800px. */
export const PHONE = '(max-width: 800px)';

/** One MediaQueryList per query: React reads the snapshot on every render, and `matchMedia` builds a new list each call. */
const lists = new Map<string, MediaQueryList>();
function listFor(query: string): MediaQueryList {
  let mq = lists.get(query);
  if (!mq) lists.set(query, (mq = matchMedia(query)));
  return mq;
}

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = listFor(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    () => listFor(query).matches,
  );
}
