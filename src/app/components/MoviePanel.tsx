// The movie panel: your predicted rating, MovieLens average and count, your rating and marks (want to watch, hidden),
// genres, tags, similar movies, IMDb/TMDB links; "not found" for a link to a movie this dataset lacks. MovieSheet.tsx is its frame.
import { useEffect, useRef, useState } from 'react';
import { serving } from '../../client/engineClient';
import type { MovieDetails } from '../../client/workerTypes';
import { MovieMeta, movieLabel } from './MovieMeta';
import { GenreList } from './FileText';
import { MovieSheet } from './MovieSheet';
import { MovieTags } from './MovieTags';
import { StarRating } from './StarRating';
import { MovieMarks } from './marks/MovieMarks';
import { WatchButton } from './marks/WatchButton';
import type { MarksState } from '../useMarks';
import type { NoticeState } from '../useNotice';
import { NoticeToast } from './NoticeToast';
import { count } from '../format';

export function MoviePanel(props: {
  movieId: number;
  myRating: number | null;
  marks: MarksState;
  notice: NoticeState;
  onRate: (movieId: number, rating: number | null) => void;
  onOpen: (movieId: number) => void;
  onClose: () => void;
}) {
  return (
    <MovieSheet labelledBy="movie-h" onClose={props.onClose}>
      <MovieContent key={props.movieId} {...props} />
      {/* The sheet is modal (the page behind is inert): while it is open, the notice is shown inside it. */}
      <NoticeToast state={props.notice} />
    </MovieSheet>
  );
}

function MovieContent(props: {
  movieId: number;
  myRating: number | null;
  marks: MarksState;
  onRate: (movieId: number, rating: number | null) => void;
  onOpen: (movieId: number) => void;
}) {
  const { movieId, myRating, onRate, onOpen } = props;
  // undefined: still loading; null: no such movie in the active dataset.
  const [details, setDetails] = useState<MovieDetails | null | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!Number.isInteger(movieId)) {
      setDetails(null);
      return;
    }
    let live = true;
    void serving.api.movieDetails(movieId).then((d) => live && setDetails(d));
    return () => {
      live = false;
    };
  }, [movieId, myRating]);

  // After following a similar movie, the title that was activated is gone: focus goes to the new movie's heading.
  const shown = details !== undefined;
  useEffect(() => {
    const h = heading.current;
    if (shown && h && !h.closest('dialog')?.contains(document.activeElement)) h.focus();
  }, [shown]);

  if (details === undefined) return <p aria-live="polite">Loading…</p>;
  if (details === null) {
    return (
      <div data-testid="movie-missing">
        <h2 id="movie-h" ref={heading} tabIndex={-1}>
          Movie not found
        </h2>
        <p>
          {Number.isInteger(movieId) ? `This dataset has no movie with MovieLens id ${movieId}.` : 'This link does not name a movie (it needs a MovieLens id, like #movie/2571).'}{' '}
          It may belong to another MovieLens release: the Data screen lists yours.
        </p>
      </div>
    );
  }
  return (
    <>
      <h2 id="movie-h" ref={heading} tabIndex={-1}>
        <bdi>{details.title}</bdi>
        {details.year !== null && ` (${details.year})`}
      </h2>
      <p className="muted">
        <GenreList genres={details.genres} sep=" · " />
      </p>
      <dl className="facts">
        <dt>Your predicted rating</dt>
        <dd data-testid="movie-predicted">{details.predicted !== null ? `★ ${details.predicted.toFixed(1)}` : 'Rate a few movies to see it'}</dd>
        <dt>MovieLens average</dt>
        <dd>{details.count ? `★ ${details.mean.toFixed(2)} from ${count(details.count, 'rating')}` : 'No ratings in this dataset'}</dd>
      </dl>
      <StarRating label={`Your rating for ${movieLabel(details)}`} value={myRating} onChange={(v) => onRate(movieId, v)} />
      <MovieMarks movie={{ ...details, myRating }} marks={props.marks} />
      <MovieTags tags={details.tags} />
      {(details.imdbUrl || details.tmdbUrl) && (
        <p className="links">
          {details.imdbUrl && (
            <a href={details.imdbUrl} target="_blank" rel="noopener noreferrer">
              IMDb
            </a>
          )}
          {details.tmdbUrl && (
            <a href={details.tmdbUrl} target="_blank" rel="noopener noreferrer">
              TMDB
            </a>
          )}
        </p>
      )}
      {details.similar.length > 0 && (
        <>
          <h3>Similar movies</h3>
          <ul className="movie-list" data-testid="similar">
            {details.similar.map((m) => (
              <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
                <MovieMeta movie={m} onOpen={onOpen} />
                {m.myRating === null && <WatchButton movie={m} marks={props.marks} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
