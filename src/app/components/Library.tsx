// The app once a dataset is ready: the status line, the screen navigation, the current screen, and the movie panel
// any screen can open; which screen and which panel come from the router (history entries: Back closes a panel).
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../client/workerTypes';
import { useRatings } from '../useRatings';
import { appRouter, useRoute } from '../useRoute';
import { NavTabs } from './NavTabs';
import { Recommender } from './Recommender';
import { MyRatings } from './MyRatings';
import { MovieNight } from './night/MovieNight';
import { MoviePanel } from './MoviePanel';
import { DatasetsPanel } from './DatasetsPanel';
import { LabScreen } from './lab/LabScreen';
import { TitleText } from './FileText';
import { withoutBidiControls } from '../bidi';
import { count } from '../format';
import { modelsInUse, type ListedBy } from '../modelsInUse';
import { loadRecPrefs, syncSettings } from '../settings';

export function Library(props: { status: AppStatus; importError?: string; onChanged: () => void; onEmpty: () => void; onImport: (files: File[]) => void }) {
  const mine = useRatings();
  const route = useRoute();
  const router = appRouter();
  const open = (movieId: number) => router.open(movieId);
  const [refused, setRefused] = useState(props.importError ?? null);
  const active = props.status.active!;
  // Settings live in IndexedDB; the page's quick copy is refreshed from them (and, once, older settings moved in).
  useEffect(() => {
    syncSettings().catch((e: unknown) => console.warn('PocketLens: settings not read', e));
  }, []);
  // Which model ranked the list last shown (the remembered choice until the list reports it).
  const [listedBy, setListedBy] = useState<ListedBy>(() => (loadRecPrefs().rankBy === 'implicit' && props.status.implicitModel ? 'implicit' : 'explicit'));
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
      {/* The skip link's target on every screen but For you (its link goes to the list). */}
      <div className="screen" id="screen" tabIndex={-1}>
        {route.view === 'recommend' && <Recommender mine={mine} onOpen={open} onListed={setListedBy} />}
        {route.view === 'ratings' && <MyRatings mine={mine} onOpen={open} />}
        {route.view === 'night' && <MovieNight mine={mine} onOpen={open} />}
        {route.view === 'lab' && <LabScreen status={props.status} />}
        {route.view === 'data' && <DatasetsPanel onChanged={props.onChanged} onEmpty={props.onEmpty} onImport={props.onImport} />}
      </div>
      {route.movie !== null && (
        <MoviePanel movieId={route.movie} myRating={mine.ratings.get(route.movie) ?? null} onRate={mine.rate} onOpen={open} onClose={() => router.close()} />
      )}
    </>
  );
}
