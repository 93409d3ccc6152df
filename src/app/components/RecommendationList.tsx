// "Recommended for you" (or the labelled popularity fallback): title, year, genres, predicted stars, rating count.
import type { Recommendations } from '../../worker/engineApi';
import { MovieMeta } from './MovieMeta';

export function RecommendationList(props: { recs: Recommendations | null; minCount: number; onOpen: (movieId: number) => void }) {
  const { recs } = props;
  const personal = recs?.kind === 'personal';
  return (
    <section className="panel recs" id="recommendations" aria-labelledby="recs-h">
      <h2 id="recs-h">{personal ? 'Recommended for you' : 'Popular with MovieLens users'}</h2>
      <p className="muted" data-testid="recs-kind">
        {personal
          ? `Predicted from your ratings, among movies with at least ${props.minCount} MovieLens ratings.`
          : `You have not rated anything yet, so this is a popularity fallback: the best damped (Bayesian) average ratings among movies with at least ${props.minCount} ratings. Rate a few movies to make it yours.`}
      </p>
      <ol className="movie-list" data-testid="recommendations" data-millis={recs?.millis.toFixed(2)}>
        {recs?.items.map((m) => (
          <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
            <div>
              <MovieMeta movie={m} onOpen={props.onOpen} />
              {m.because.length > 0 && <p className="because">Because you rated {m.because.join(' and ')}</p>}
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
