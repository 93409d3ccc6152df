// "Recommended for you" (or the labelled popularity fallback): title, year, genres, the star model's predicted rating,
// why each row is there and the watchlist mark; the sort (best for you / predicted rating) and the ranked list's switches.
import { memo } from 'react';
import type { Recommendations } from '../../client/workerTypes';
import { MovieMeta, movieLabel } from './MovieMeta';
import { RecFilters, type Filters } from './RecFilters';
import { SortControl, type SortBy } from './SortControl';
import { ListControls, type ListSwitches } from './ListControls';
import { RowReason } from './RowReason';
import { WatchButton, WatchMark } from './marks/WatchButton';
import type { MarksState } from '../useMarks';
import { count } from '../format';

/** Memoised: a rating re-renders the screen at once (its stars, the next card) but this list only when its answer comes. */
export const RecommendationList = memo(function RecommendationList(props: {
  recs: Recommendations | null;
  filters: Filters;
  onFilters: (f: Filters) => void;
  onOpen: (movieId: number) => void;
  marks: MarksState;
  sortBy: SortBy;
  onSortBy: (s: SortBy) => void;
  switches: ListSwitches;
  onSwitches: (s: ListSwitches) => void;
  /** While the ranker trains behind the list (first visit, a new dataset): what to say; null otherwise. */
  rankerNote: string | null;
}) {
  const { recs, filters } = props;
  const personal = recs?.kind === 'personal';
  const ranked = personal && recs?.sortBy === 'best';
  // What the service applied: a dataset without ratings (a Spark model's) has no counts to filter on.
  const minCount = recs?.minCount ?? filters.minCount;
  const among = minCount > 0 ? `movies with at least ${count(minCount, 'MovieLens rating')}` : 'all movies';
  return (
    <section className="panel recs" id="recommendations" aria-labelledby="recs-h" data-ranker={props.rankerNote === null ? 'settled' : 'pending'}>
      <h2 id="recs-h">{personal ? 'Recommended for you' : 'Popular with MovieLens users'}</h2>
      {personal && recs?.rankerAvailable && <SortControl value={props.sortBy} onChange={props.onSortBy} />}
      <p className="muted" data-testid="recs-kind">
        {ranked
          ? `Best for you, among ${among}: the films people who rate like you loved. The stars are what you’d likely give them.`
          : personal
            ? `Predicted from your ratings, among ${among}.`
            : `You have not rated anything yet, so this is a popularity fallback: the best damped (Bayesian) average ratings among ${among}. Rate a few movies to make it yours.`}
      </p>
      {/* Only over a list from the person's ratings (the popularity fallback does not change when the ranker comes). */}
      {props.rankerNote && personal && (
        <p className="muted" role="status" data-testid="ranker-note">
          {props.rankerNote}
        </p>
      )}
      {personal && recs?.rankerAvailable && <ListControls value={props.switches} onChange={props.onSwitches} disabled={!ranked} />}
      <RecFilters value={filters} onChange={props.onFilters} />
      {recs?.items.length === 0 && <p className="muted">No movie matches these filters.</p>}
      <ol className="movie-list" data-testid="recommendations" data-millis={recs?.millis.toFixed(2)} data-sort={recs?.kind === 'personal' ? recs.sortBy : recs?.kind}>
        {recs?.items.map((m) => (
          <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
            <div>
              <MovieMeta movie={m} onOpen={props.onOpen} />
              {m.reason && <RowReason reason={m.reason} />}
              <WatchMark movie={m} marks={props.marks} />
              <div className="row-actions">
                <WatchButton movie={m} marks={props.marks} />
                <button type="button" className="hide" onClick={() => void props.marks.hide(m)} aria-label={`Not interested in ${movieLabel(m)}`}>
                  Not interested
                </button>
              </div>
            </div>
            <span className="stars-for-you">
              {personal && <small aria-hidden="true">you’d rate it</small>}
              <span className="predicted" title={personal ? 'The rating the star model predicts you’d give' : 'Damped average rating'}>
                <span aria-hidden="true">★ </span>
                {m.predicted.toFixed(1)}
                <span className="visually-hidden">{personal ? ' predicted stars' : ' average stars'}</span>
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
});
