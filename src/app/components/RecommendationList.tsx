// "Recommended for you" (or the labelled popularity fallback): title, year, genres, predicted stars or the implicit
// model's watch score, rating count, the watchlist mark; a switch between the two lists when both models exist.
import type { Recommendations } from '../../client/workerTypes';
import { MovieMeta, movieLabel } from './MovieMeta';
import { TitleList } from './FileText';
import { RecFilters, type Filters } from './RecFilters';
import { RankBySwitch, type RankBy } from './RankBySwitch';
import { WatchButton, WatchMark } from './marks/WatchButton';
import type { MarksState } from '../useMarks';
import { count } from '../format';

export function RecommendationList(props: {
  recs: Recommendations | null;
  filters: Filters;
  onFilters: (f: Filters) => void;
  onOpen: (movieId: number) => void;
  marks: MarksState;
  rankBy: RankBy;
  onRankBy: (r: RankBy) => void;
}) {
  const { recs, filters } = props;
  const personal = recs?.kind === 'personal';
  const watch = personal && recs?.objective === 'implicit';
  // What the service applied: a dataset without ratings (a Spark model's) has no counts to filter on.
  const minCount = recs?.minCount ?? filters.minCount;
  const among = minCount > 0 ? `movies with at least ${count(minCount, 'MovieLens rating')}` : 'all movies';
  return (
    <section className="panel recs" id="recommendations" aria-labelledby="recs-h">
      <h2 id="recs-h">{watch ? 'You’ll likely watch' : personal ? 'Recommended for you' : 'Popular with MovieLens users'}</h2>
      {personal && recs?.implicitAvailable && <RankBySwitch value={props.rankBy} onChange={props.onRankBy} />}
      <p className="muted" data-testid="recs-kind">
        {watch
          ? `Ranked by the implicit model (iALS), which treats every movie you rated as watched; the score is how strongly it expects you to watch (not stars). Among ${among}.`
          : personal
          ? `Predicted from your ratings, among ${among}.`
          : `You have not rated anything yet, so this is a popularity fallback: the best damped (Bayesian) average ratings among ${among}. Rate a few movies to make it yours.`}
      </p>
      <RecFilters value={filters} onChange={props.onFilters} />
      {recs?.items.length === 0 && <p className="muted">No movie matches these filters.</p>}
      <ol className="movie-list" data-testid="recommendations" data-millis={recs?.millis.toFixed(2)} data-objective={recs?.objective}>
        {recs?.items.map((m) => (
          <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
            <div>
              <MovieMeta movie={m} onOpen={props.onOpen} />
              {m.because.length > 0 && (
                <p className="because">
                  Because you {watch ? 'watched' : 'rated'} <TitleList titles={m.because} />
                </p>
              )}
              <WatchMark movie={m} marks={props.marks} />
              <div className="row-actions">
                <WatchButton movie={m} marks={props.marks} />
                <button type="button" className="hide" onClick={() => void props.marks.hide(m)} aria-label={`Not interested in ${movieLabel(m)}`}>
                  Not interested
                </button>
              </div>
            </div>
            {watch ? (
              <span className="score" title="Implicit model score: near 1 means very likely to watch">
                {m.predicted.toFixed(2)}
                <small>watch score</small>
              </span>
            ) : (
              <span className="predicted" title={personal ? 'Predicted rating for you' : 'Damped average rating'}>
                <span aria-hidden="true">★ </span>
                {m.predicted.toFixed(1)}
                <span className="visually-hidden">{personal ? ' predicted stars' : ' average stars'}</span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
