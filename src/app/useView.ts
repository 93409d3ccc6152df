// Which screen is showing, kept in the URL hash so reloads, shortcuts and the back button land on it.
import { useCallback, useEffect, useState } from 'react';

export const VIEWS = [
  { id: 'recommend', label: 'Recommendations' },
  { id: 'ratings', label: 'My ratings' },
  { id: 'lab', label: 'Model lab' },
  { id: 'data', label: 'Data' },
] as const;

export type View = (typeof VIEWS)[number]['id'];

/** '#ratings' → 'ratings'; any other hash (#search, #rate, #recommendations from the manifest shortcuts) → 'recommend'. */
export function viewOf(hash: string): View {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id && id !== 'recommend')?.id ?? 'recommend';
}

export function useView(): [View, (v: View) => void] {
  const [view, setView] = useState<View>(() => viewOf(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((v: View) => {
    if (v === 'recommend') history.pushState(null, '', location.pathname + location.search);
    else history.pushState(null, '', `#${v}`);
    setView(v);
  }, []);
  return [view, go];
}
