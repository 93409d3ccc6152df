// "Recommended for you" (or the labelled popularity fallback): title, year, genres, predicted stars, rating count.
import type { Recommendations } from '../../worker/engineApi';
import { MovieMeta, movieLabel } from './MovieMeta';
import { RecFilters, type Filters } from './RecFilters';

export function RecommendationList(props: {
  recs: Recommendations | null;
  filters: Filters;
  onFilters: (f: Filters) => void;
  onOpen: (movieId: number) => void;
  onHide: (movieId: number) => void;
}) {
  const { recs, filters } = props;
  const personal = recs?.kind === 'personal';
  return (
    <section className="panel recs" id="recommendations" aria-labelledby="recs-h">
      <h2 id="recs-h">{personal ? 'Recommended for you' : 'Popular with MovieLens users'}</h2>
      <p className="muted" data-testid="recs-kind">
        {personal
          ? `Predicted from your ratings, among movies with at least ${filters.minCount} MovieLens ratings.`
          : `You have not rated anything yet, so this is a popularity fallback: the best damped (Bayesian) average ratings among movies with at least ${filters.minCount} ratings. Rate a few movies to make it yours.`}
      </p>
      <RecFilters value={filters} onChange={props.onFilters} />
      {recs?.items.length === 0 && <p className="muted">No movie matches these filters.</p>}
      <ol className="movie-list" data-testid="recommendations" data-millis={recs?.millis.toFixed(2)}>
        {recs?.items.map((m) => (
          <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
            <div>
              <MovieMeta movie={m} onOpen={props.onOpen} />
              {m.because.length > 0 && <p className="because">Because you rated {m.because.join(' and ')}</p>}
              <button type="button" className="hide" onClick={() => props.onHide(m.movieId)} aria-label={`Not interested in ${movieLabel(m)}`}>
                Not interested
              </button>
            </div>
            <span className="predicted" title={personal ? 'Predicted rating for you' : 'Damped average rating'}>
              <span aria-hidden="true">★ </span>
              {m.predicted.toFixed(1)}
              <span className="visually-hidden">{personal ? ' predicted stars' : ' average stars'}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
