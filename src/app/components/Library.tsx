// The app once a dataset is ready: screen tabs, the current screen, the movie panel any screen can open, and the notice
// that says what an action did (with Undo where it can be undone).
import { useCallback, useMemo, useState } from 'react';
import type { AppStatus } from '../../client/workerTypes';
import { useRatings, type RatingsState } from '../useRatings';
import { useMarks } from '../useMarks';
import { useNotice } from '../useNotice';
import { NoticeToast } from './NoticeToast';
import { WatchlistPanel } from './marks/WatchlistPanel';
import { HiddenPanel } from './marks/HiddenPanel';
import { useView } from '../useView';
import { NavTabs } from './NavTabs';
import { Recommender } from './Recommender';
import { MyRatings } from './MyRatings';
import { MoviePanel } from './MoviePanel';
import { DatasetsPanel } from './DatasetsPanel';
import { LabScreen } from './lab/LabScreen';

export function Library(props: { status: AppStatus; onChanged: () => void; onEmpty: () => void; onImport: (files: File[]) => void }) {
  const ratingsState = useRatings();
  const notice = useNotice();
  const marks = useMarks(notice);
  const { rate: store, ratings } = ratingsState;
  // Every rating goes through here: a rated movie leaves the watchlist (the worker takes it off), and the person is told.
  const rate = useCallback(
    async (movieId: number, rating: number | null) => {
      const watched = marks.watchlist.has(movieId);
      await store(movieId, rating);
      if (rating === null || !watched) return;
      await marks.reload();
      notice.show(`Rated ${rating} ${rating === 1 ? 'star' : 'stars'}: moved out of your watchlist.`);
    },
    [store, marks, notice],
  );
  const mine: RatingsState = useMemo(() => ({ ...ratingsState, rate }), [ratingsState, rate]);
  const [view, setView] = useView();
  const [open, setOpen] = useState<number | null>(null);
  const active = props.status.active!;
  const model = props.status.model;
  return (
    <>
      <p className="status-line" data-testid="status-line">
        {active.name}: {active.ratings.toLocaleString('en')} ratings of {active.movies.toLocaleString('en')} movies by{' '}
        {active.users.toLocaleString('en')} people · you rated <strong data-testid="rated-count">{mine.ratings.size}</strong>
        {model && (model.history.length === 0 ? ` · model: Spark ALS factors, rank ${model.params.rank}` : ` · model: rank ${model.params.rank}, ${model.params.iterations} iterations`)}
      </p>
      <NavTabs view={view} onView={setView} counts={{ ratings: mine.ratings.size }} />
      {mine.error && (
        <p role="alert" className="error">
          {mine.error}
        </p>
      )}
      {view === 'recommend' && <Recommender mine={mine} marks={marks} onOpen={setOpen} />}
      {view === 'ratings' && (
        <>
          <WatchlistPanel marks={marks} ratings={ratings} onRate={mine.rate} onOpen={setOpen} />
          <HiddenPanel marks={marks} onOpen={setOpen} />
          <MyRatings mine={mine} onOpen={setOpen} />
        </>
      )}
      {view === 'lab' && <LabScreen status={props.status} />}
      {view === 'data' && <DatasetsPanel onChanged={props.onChanged} onEmpty={props.onEmpty} onImport={props.onImport} />}
      {open !== null && (
        <MoviePanel key={open} movieId={open} myRating={mine.ratings.get(open) ?? null} marks={marks} notice={notice} onRate={mine.rate} onOpen={setOpen} onClose={() => setOpen(null)} />
      )}
      {/* A modal panel makes the rest of the page inert: while it is open, it shows the notice itself. */}
      {open === null && <NoticeToast state={notice} />}
    </>
  );
}
