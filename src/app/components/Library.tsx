// The app once a dataset is ready: the status line, the screen navigation, the current screen, the movie panel any
// screen can open, and the notice that says what an action did (with Undo where it can be undone); which screen and
// which panel come from the router (history entries: Back closes a panel).
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppStatus } from '../../client/workerTypes';
import { useRatings, type RatingsState } from '../useRatings';
import { useMarks } from '../useMarks';
import { useNotice } from '../useNotice';
import { appRouter, useRoute } from '../useRoute';
import { NoticeToast } from './NoticeToast';
import { WatchlistPanel } from './marks/WatchlistPanel';
import { HiddenPanel } from './marks/HiddenPanel';
import { NavTabs } from './NavTabs';
import { Recommender } from './Recommender';
import { MyRatings } from './MyRatings';
import { MovieNight } from './night/MovieNight';
import { MoviePanel } from './MoviePanel';
import { DatasetsPanel } from './DatasetsPanel';
import { TitleText } from './FileText';
import { withoutBidiControls } from '../bidi';
import { count } from '../format';
import { modelsInUse, type ListedBy } from '../modelsInUse';
import { loadRecPrefs, syncSettings } from '../settings';
import type { RankerTraining } from '../bootstrap/phase';

// The Model lab (its chart library and panels) loads when first opened: the first visit's page ships without it.
const LabScreen = lazy(() => import('./lab/LabScreen').then((m) => ({ default: m.LabScreen })));

/** What the list says while its ranker trains behind it, or why it did not finish. */
function rankerNote(r: RankerTraining | undefined): string | null {
  if (!r) return null;
  if (r.state === 'training')
    return `Preparing your “Best for you” ranking (${r.iteration === 0 ? 'starting' : `step ${r.iteration} of ${r.total}`}): until it is ready, a list from your ratings is sorted by predicted rating.`;
  return r.message === null
    ? 'The “Best for you” ranking was not finished: lists from your ratings are sorted by predicted rating. It is prepared again at the next start.'
    : `The “Best for you” ranking could not be prepared (${r.message}): lists from your ratings are sorted by predicted rating. It is tried again at the next start.`;
}

export function Library(props: {
  status: AppStatus;
  importError?: string;
  /** The ranker's training behind the library, if any (bootstrapFlow). */
  ranker?: RankerTraining;
  onChanged: () => void;
  onEmpty: () => void;
  onImport: (files: File[]) => void;
}) {
  const ratingsState = useRatings();
  const notice = useNotice();
  const marks = useMarks(notice);
  const { rate: store, ratings, version: ratingsVersion } = ratingsState;
  const { reload: reloadMarks } = marks;
  // Every rating goes through here: a rated movie leaves the watchlist (the worker takes it off), and the person is told.
  const watchlist = useRef(marks.watchlist);
  watchlist.current = marks.watchlist;
  const rate = useCallback(
    async (movieId: number, rating: number | null) => {
      const watched = watchlist.current.has(movieId);
      await store(movieId, rating);
      if (rating === null || !watched) return;
      await reloadMarks();
      notice.show(`Rated ${count(rating, 'star')}: moved out of your watchlist.`);
    },
    [store, reloadMarks, notice],
  );
  const mine: RatingsState = useMemo(() => ({ ...ratingsState, rate }), [ratingsState, rate]);
  // A restore, an import or their Undo (here or in another tab) can change the watchlist and hidden marks too.
  useEffect(() => {
    void reloadMarks();
  }, [ratingsVersion, reloadMarks]);
  const route = useRoute();
  const router = appRouter();
  const open = useCallback((movieId: number) => router.open(movieId), [router]);
  const [refused, setRefused] = useState(props.importError ?? null);
  const active = props.status.active!;
  // Settings live in IndexedDB; the page's quick copy is refreshed from them (and, once, older settings moved in).
  useEffect(() => {
    syncSettings().catch((e: unknown) => console.warn('PocketLens: settings not read', e));
  }, []);
  // Which model ranked the list last shown; before For you has shown one (the app opened on another screen), the one
  // that would: the ranker when there is one, the sort is "Best for you" and the person has rated something.
  const [reported, setListedBy] = useState<ListedBy | null>(null);
  const listedBy = reported ?? (props.status.ranker && mine.ratings.size > 0 && loadRecPrefs().sortBy === 'best' ? 'ranker' : 'stars');
  const models = modelsInUse(props.status, listedBy);
  return (
    <>
      {/* On phones one line: the dataset's name, your count and the models (the counts are for wider screens). */}
      <p className="status-line" data-testid="status-line">
        <TitleText text={active.name} />
        <span className="status-counts">
          : {count(active.ratings, 'rating')} of {count(active.movies, 'movie')} by {count(active.users, 'person', 'people')}
        </span>{' '}
        · you rated <strong data-testid="rated-count">{mine.ratings.size}</strong>
        {models && <span className="status-model">{` · ${models}`}</span>}
      </p>
      <NavTabs view={route.view} onView={(v) => router.show(v)} counts={{ ratings: mine.ratings.size }} />
      {refused && (
        <div className="error-banner" role="alert" data-testid="import-refused">
          <p>
            Nothing was imported: {withoutBidiControls(refused)} Your library is as it was.
          </p>
          <button type="button" onClick={() => setRefused(null)}>
            Dismiss
          </button>
        </div>
      )}
      {mine.error && (
        <p role="alert" className="error">
          {mine.error}
        </p>
      )}
      {/* Until the stored ratings are read, the screens wait for them (For you would not know what to show first). */}
      {mine.readError && mine.version === 0 && (
        <p role="alert" className="error" data-testid="ratings-unread">
          {mine.readError}{' '}
          <button type="button" onClick={mine.retryRead}>
            Try again
          </button>
        </p>
      )}
      {/* The skip link's target on every screen but For you (its link goes to the list). */}
      <div className="screen" id="screen" tabIndex={-1}>
        {route.view === 'recommend' && <Recommender mine={mine} marks={marks} onOpen={open} onListed={setListedBy} rankerAt={props.status.ranker?.trainedAt ?? null} rankerNote={rankerNote(props.ranker)} />}
        {route.view === 'ratings' && (
          <>
            <WatchlistPanel marks={marks} ratings={ratings} onRate={mine.rate} onOpen={open} />
            <HiddenPanel marks={marks} onOpen={open} />
            <MyRatings mine={mine} onOpen={open} />
          </>
        )}
        {route.view === 'night' && <MovieNight mine={mine} onOpen={open} />}
        {route.view === 'lab' && (
          <Suspense fallback={<p aria-live="polite">Loading the Model lab…</p>}>
            <LabScreen status={props.status} />
          </Suspense>
        )}
        {route.view === 'data' && <DatasetsPanel onChanged={props.onChanged} onEmpty={props.onEmpty} onImport={props.onImport} />}
      </div>
      {route.movie !== null && (
        <MoviePanel movieId={route.movie} myRating={mine.ratings.get(route.movie) ?? null} marks={marks} notice={notice} onRate={mine.rate} onOpen={open} onClose={() => router.close()} />
      )}
      {/* A modal panel makes the rest of the page inert: while it is open, it shows the notice itself. */}
      {route.movie === null && <NoticeToast state={notice} />}
    </>
  );
}
