// The app's screens (one entry each, in navigation order) and which one a URL hash names; routes.ts adds the movie panel.

export const VIEWS = [
  { id: 'recommend', label: 'For you' },
  { id: 'ratings', label: 'My ratings' },
  { id: 'night', label: 'Movie night' },
  { id: 'lab', label: 'Model lab' },
  { id: 'data', label: 'Data' },
] as const;

export type View = (typeof VIEWS)[number]['id'];

/** '#ratings' → 'ratings'; any other hash (#search, #rate, #recommendations from the manifest shortcuts) → 'recommend'. */
export function viewOf(hash: string): View {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id && id !== 'recommend')?.id ?? 'recommend';
}

/** The hash that shows a screen: none for the first one (so the plain address is the home screen). */
export function viewHash(view: View): string {
  return view === 'recommend' ? '' : `#${view}`;
}
