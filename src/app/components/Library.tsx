// The app once a dataset is ready: screen tabs, the current screen, and the movie panel any screen can open.
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../client/workerTypes';
import { useRatings } from '../useRatings';
import { useView } from '../useView';
import { NavTabs } from './NavTabs';
import { Recommender } from './Recommender';
import { MyRatings } from './MyRatings';
import { MoviePanel } from './MoviePanel';
import { DatasetsPanel } from './DatasetsPanel';
import { LabScreen } from './lab/LabScreen';
import { TitleText } from './FileText';
import { withoutBidiControls } from '../bidi';
import { count } from '../format';
import { modelsInUse, type ListedBy } from '../modelsInUse';
import { syncSettings } from '../settings';

export function Library(props: { status: AppStatus; importError?: string; onChanged: () => void; onEmpty: () => void; onImport: (files: File[]) => void }) {
  const mine = useRatings();
  const [view, setView] = useView();
  const [open, setOpen] = useState<number | null>(null);
  const [refused, setRefused] = useState(props.importError ?? null);
  const active = props.status.active!;
  // Settings live in IndexedDB; the page's quick copy is refreshed from them (and, once, older settings moved in).
  useEffect(() => {
    syncSettings().catch((e: unknown) => console.warn('PocketLens: settings not read', e));
  }, []);
  // Which model ranked the list last shown (the remembered choice until the list reports it).
  const [listedBy, setListedBy] = useState<ListedBy>('stars');
  const models = modelsInUse(props.status, listedBy);
  return (
    <>
      <p className="status-line" data-testid="status-line">
        <TitleText text={active.name} />: {count(active.ratings, 'rating')} of {count(active.movies, 'movie')} by {count(active.users, 'person', 'people')} · you rated{' '}
        <strong data-testid="rated-count">{mine.ratings.size}</strong>
        {models && ` · ${models}`}
      </p>
      <NavTabs view={view} onView={setView} counts={{ ratings: mine.ratings.size }} />
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
      {view === 'recommend' && <Recommender mine={mine} onOpen={setOpen} onListed={setListedBy} rankerAt={props.status.ranker?.trainedAt ?? null} />}
      {view === 'ratings' && <MyRatings mine={mine} onOpen={setOpen} />}
      {view === 'lab' && <LabScreen status={props.status} />}
      {view === 'data' && <DatasetsPanel onChanged={props.onChanged} onEmpty={props.onEmpty} onImport={props.onImport} />}
      {open !== null && (
        <MoviePanel key={open} movieId={open} myRating={mine.ratings.get(open) ?? null} onRate={mine.rate} onOpen={setOpen} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
