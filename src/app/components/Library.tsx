// The app once a dataset is ready: the status line, the screen navigation, the current screen, and the movie panel
// any screen can open; which screen and which panel come from the router (history entries: Back closes a panel).
import type { AppStatus } from '../../client/workerTypes';
import { useRatings } from '../useRatings';
import { appRouter, useRoute } from '../useRoute';
import { NavTabs } from './NavTabs';
import { Recommender } from './Recommender';
import { MyRatings } from './MyRatings';
import { MoviePanel } from './MoviePanel';
import { DatasetsPanel } from './DatasetsPanel';
import { LabScreen } from './lab/LabScreen';

export function Library(props: { status: AppStatus; onChanged: () => void; onEmpty: () => void; onImport: (files: File[]) => void }) {
  const mine = useRatings();
  const route = useRoute();
  const router = appRouter();
  const open = (movieId: number) => router.open(movieId);
  const active = props.status.active!;
  const model = props.status.model;
  return (
    <>
      {/* On phones only the dataset's name, your count and the model show; the counts are for wider screens. */}
      <p className="status-line" data-testid="status-line">
        {active.name}
        <span className="status-counts">
          : {active.ratings.toLocaleString('en')} ratings of {active.movies.toLocaleString('en')} movies by {active.users.toLocaleString('en')} people
        </span>{' '}
        · you rated <strong data-testid="rated-count">{mine.ratings.size}</strong>
        {model && (
          <span className="status-model">
            {model.history.length === 0 ? (
              ` · model: Spark ALS factors, rank ${model.params.rank}`
            ) : (
              <>
                {` · model: rank ${model.params.rank}`}
                <span className="status-counts">, {model.params.iterations} iterations</span>
              </>
            )}
          </span>
        )}
      </p>
      <NavTabs view={route.view} onView={(v) => router.show(v)} counts={{ ratings: mine.ratings.size }} />
      {mine.error && (
        <p role="alert" className="error">
          {mine.error}
        </p>
      )}
      {/* The skip link's target on every screen but For you (its link goes to the list). */}
      <div className="screen" id="screen" tabIndex={-1}>
        {route.view === 'recommend' && <Recommender mine={mine} onOpen={open} />}
        {route.view === 'ratings' && <MyRatings mine={mine} onOpen={open} />}
        {route.view === 'lab' && <LabScreen status={props.status} />}
        {route.view === 'data' && <DatasetsPanel onChanged={props.onChanged} onEmpty={props.onEmpty} onImport={props.onImport} />}
      </div>
      {route.movie !== null && (
        <MoviePanel movieId={route.movie} myRating={mine.ratings.get(route.movie) ?? null} onRate={mine.rate} onOpen={open} onClose={() => router.close()} />
      )}
    </>
  );
}
