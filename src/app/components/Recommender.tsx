// The main screen: rate on the left, recommendations on the right, refreshed after every rating.
import { useCallback, useEffect, useState } from 'react';
import { serving } from '../../client/engineClient';
import type { AppStatus, Recommendations } from '../../worker/types';
import { RatePanel } from './RatePanel';
import { RecommendationList } from './RecommendationList';
import { MoviePanel } from './MoviePanel';
import { MyRatings, type Removed } from './MyRatings';
import { DEFAULT_FILTERS, type Filters } from './RecFilters';

export function Recommender({ status }: { status: AppStatus }) {
  const [recs, setRecs] = useState<Recommendations | null>(null);
  const [ratings, setRatings] = useState<Map<number, number>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);

  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);

  const refresh = useCallback(async () => {
    setRecs(await serving.api.recommend({ n: 20, ...filters }));
  }, [filters]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    // App shortcuts (manifest) open #search, #rate or #recommendations.
    const target = document.getElementById(location.hash.slice(1));
    if (target instanceof HTMLInputElement) target.focus();
    else target?.scrollIntoView();
  }, []);

  const reloadRatings = useCallback(async () => {
    const rated = await serving.api.ratedMovies();
    setRatings(new Map(rated.map((m) => [m.movieId, m.myRating ?? 0])));
  }, []);

  useEffect(() => {
    void reloadRatings();
  }, [reloadRatings]);

  const onRate = useCallback(
    async (movieId: number, rating: number | null) => {
      const apply = (value: number | null) =>
        setRatings((prev) => {
          const next = new Map(prev);
          if (value === null) next.delete(movieId);
          else next.set(movieId, value);
          return next;
        });
      const previous = ratings.get(movieId) ?? null;
      apply(rating); // show it at once; undone below if the write fails
      setRemoved(rating === null && previous !== null ? { movieId, rating: previous } : null);
      try {
        await serving.api.rate(movieId, rating);
        setError(null);
      } catch (e) {
        apply(previous);
        setError(`Your rating was not saved: ${(e as Error).message}`);
        return;
      }
      await refresh();
    },
    [ratings, refresh],
  );

  const active = status.active!;
  return (
    <>
      <p className="status-line" data-testid="status-line">
        {active.name}: {active.ratings.toLocaleString('en')} ratings of {active.movies.toLocaleString('en')} movies by{' '}
        {active.users.toLocaleString('en')} people · you rated <strong data-testid="rated-count">{ratings.size}</strong>
        {status.model && ` · model: rank ${status.model.params.rank}, ${status.model.params.iterations} iterations`}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="columns">
        <RatePanel ratings={ratings} onRate={onRate} onOpen={setOpen} />
        <RecommendationList
          recs={recs}
          filters={filters}
          onFilters={setFilters}
          onOpen={setOpen}
          onHide={async (movieId) => {
            await serving.api.hide(movieId);
            await refresh();
          }}
        />
      </div>
      <MyRatings ratings={ratings} removed={removed} onRate={onRate} onOpen={setOpen} onRestored={() => void reloadRatings().then(refresh)} />
      {open !== null && (
        <MoviePanel key={open} movieId={open} myRating={ratings.get(open) ?? null} onRate={onRate} onOpen={setOpen} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
