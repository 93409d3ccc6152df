// The main screen: onboarding cards and search on the left, recommendations on the right (asked for again with every
// rating as it shows, before it is stored). On a phone one column: the list first once the person had rated enough
// when the screen opened, else after the onboarding card, with jumps to the list and the search at the top.
import { startTransition, useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { serving } from '../../client/engineClient';
import type { Recommendations } from '../../client/workerTypes';
import type { RatingsState } from '../useRatings';
import type { MarksState } from '../useMarks';
import { RatePanel } from './RatePanel';
import { Onboarding, ONBOARDING_GOAL } from './onboarding/Onboarding';
import { RecommendationList } from './RecommendationList';
import type { Filters } from './RecFilters';
import type { SortBy } from './SortControl';
import type { ListSwitches } from './ListControls';
import { loadRecPrefs, saveRecPrefs } from '../settings';
import type { ListedBy } from '../modelsInUse';
import { PHONE, useMediaQuery } from '../useMediaQuery';
import { skipToRecommendations } from './SkipLink';
import { perfMark } from '../perfMarks';

export function Recommender({
  mine,
  marks,
  onOpen,
  onListed,
  rankerAt,
  rankerNote,
}: {
  mine: RatingsState;
  marks: MarksState;
  onOpen: (movieId: number) => void;
  onListed?: (by: ListedBy) => void;
  /** When the ranker in use was trained (null: none yet): a new one refreshes the list. */
  rankerAt: number | null;
  /** While the ranker trains behind the list: what to say; null otherwise. */
  rankerNote: string | null;
}) {
  const [recs, setRecs] = useState<Recommendations | null>(null);
  // Kept in localStorage: the same filters and list after switching screens, a reload, or restoring a backup.
  const [stored] = useState(loadRecPrefs);
  const [filters, setFilters] = useState<Filters>(stored.filters);
  const [sortBy, setSortBy] = useState<SortBy>(stored.sortBy);
  const [switches, setSwitches] = useState<ListSwitches>(stored.switches);
  const phone = useMediaQuery(PHONE);
  // Decided once, when the stored ratings are known: the list never jumps above the card the person is rating.
  const [listFirst, setListFirst] = useState<boolean | null>(null);
  const loaded = mine.version > 0;
  useEffect(() => {
    // A transition: this render builds the whole screen, in slices that leave the main thread free (Lighthouse's TBT).
    if (loaded && listFirst === null) startTransition(() => setListFirst(mine.ratings.size >= ONBOARDING_GOAL));
  }, [loaded, listFirst, mine.ratings.size]);

  useEffect(() => saveRecPrefs({ filters, sortBy, switches }), [filters, sortBy, switches]);

  // The list follows the ratings on screen: a new rating's list is asked for at once, with that rating, while it is
  // still being stored (a failed write puts the old rating back, and with it the old list). Only the newest answer shows.
  const asked = useRef(0);
  const { ratings } = mine;
  const { hidden } = marks;
  const marksLoaded = marks.version > 0;
  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    perfMark('pl:list-request');
    const next = await serving.api.recommend({ ...filters, sortBy, ...switches, ratings: [...ratings], hidden: marksLoaded ? [...hidden] : undefined });
    perfMark('pl:list-received');
    if (ask !== asked.current) return;
    setRecs(next);
    // The status line names the model that ranked this list (the ranker only when it really did).
    onListed?.(next.kind === 'personal' && next.sortBy === 'best' ? 'ranker' : 'stars');
  }, [filters, sortBy, switches, onListed, ratings, marksLoaded, hidden]);

  // Not before the stored ratings are read: no part of the screen shows the list until then (listFirst).
  useEffect(() => {
    if (loaded) void refresh();
  }, [loaded, refresh, rankerAt]);

  // App shortcuts (manifest) open #search, #rate or #recommendations: once the parts are placed (listFirst decided).
  const jumped = useRef(false);
  useEffect(() => {
    if (listFirst === null || jumped.current) return;
    jumped.current = true;
    const target = document.getElementById(location.hash.slice(1));
    if (target instanceof HTMLInputElement) target.focus();
    else target?.scrollIntoView();
  }, [listFirst]);

  const onboarding = <Onboarding key="onboarding" ratings={mine.ratings} hidden={marks.hidden} loaded={loaded} onRate={mine.rate} onOpen={onOpen} />;
  const rate = <RatePanel key="rate" ratings={mine.ratings} marks={marks} onRate={mine.rate} onOpen={onOpen} />;
  // "Not interested" goes through the marks (a notice with Undo); the list refreshes when they change.
  const list = (
    <RecommendationList
      key="list"
      recs={recs}
      filters={filters}
      onFilters={setFilters}
      sortBy={sortBy}
      onSortBy={setSortBy}
      switches={switches}
      onSwitches={setSwitches}
      rankerNote={rankerNote}
      onOpen={onOpen}
      marks={marks}
    />
  );
  // One container with keyed children in every layout, so turning a phone or resizing a window keeps each part's state.
  // The list and the popular movies wait until the order is decided (the onboarding panel decides in the same render):
  // shown earlier, they jumped down under the panel when it opened (Lighthouse's layout shift: 0.36 on a phone, 0.10 on
  // a desktop, where the panel opens above "Rate movies you know").
  const decided = listFirst === null ? [onboarding] : phone && listFirst ? [list, onboarding, rate] : phone ? [onboarding, list, rate] : [onboarding, rate, list];
  const parts: ReactElement[] = phone ? [<PhoneJumps key="jumps" toList={!listFirst} />, ...decided] : decided;
  return <div className={`columns${phone ? ' one-column' : ''}`}>{parts}</div>;
}

/** On a phone, above the parts: "See your recommendations" (while the list is not first) and "Search" (to the search box). */
function PhoneJumps({ toList }: { toList: boolean }) {
  return (
    <p className="phone-jumps" data-testid="phone-jumps">
      {toList && (
        <button type="button" className="jump primary" onClick={skipToRecommendations}>
          See your recommendations
        </button>
      )}
      <button
        type="button"
        className="jump"
        onClick={() => {
          const box = document.getElementById('search');
          box?.focus({ preventScroll: true });
          box?.scrollIntoView({ block: 'start' });
        }}
      >
        <svg className="file-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6.5" />
          <path d="M15.5 15.5 21 21" />
        </svg>{' '}
        Search
      </button>
    </p>
  );
}
