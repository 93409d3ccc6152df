// The movie panel: your predicted rating, MovieLens average and count, your rating and marks (want to watch, hidden), genres, tags, similar movies, IMDb/TMDB links.
import { useEffect, useRef, useState } from 'react';
import { serving } from '../../client/engineClient';
import type { MovieDetails } from '../../client/workerTypes';
import { MovieMeta, movieLabel } from './MovieMeta';
import { MovieTags } from './MovieTags';
import { StarRating } from './StarRating';
import { MovieMarks } from './marks/MovieMarks';
import { WatchButton } from './marks/WatchButton';
import type { MarksState } from '../useMarks';
import type { NoticeState } from '../useNotice';
import { NoticeToast } from './NoticeToast';

export function MoviePanel(props: {
  movieId: number;
  myRating: number | null;
  marks: MarksState;
  notice: NoticeState;
  onRate: (movieId: number, rating: number | null) => void;
  onOpen: (movieId: number) => void;
  onClose: () => void;
}) {
  const { movieId, myRating, onRate, onOpen, onClose } = props;
  const [details, setDetails] = useState<MovieDetails | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    let live = true;
    void serving.api.movieDetails(movieId).then((d) => live && setDetails(d));
    return () => {
      live = false;
    };
  }, [movieId, myRating]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="movie-panel" aria-labelledby="movie-h" onClose={onClose} data-testid="movie-panel">
      {details ? (
        <>
          <h2 id="movie-h">{movieLabel(details)}</h2>
          <p className="muted">{details.genres.length ? details.genres.join(' · ') : 'No genres listed'}</p>
          <dl className="facts">
            <dt>Your predicted rating</dt>
            <dd data-testid="movie-predicted">{details.predicted !== null ? `★ ${details.predicted.toFixed(1)}` : 'Rate a few movies to see it'}</dd>
            <dt>MovieLens average</dt>
            <dd>
              {details.count ? `★ ${details.mean.toFixed(2)} from ${details.count.toLocaleString('en')} ratings` : 'No ratings in this dataset'}
            </dd>
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
      ) : (
        <p>Loading…</p>
      )}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
      <NoticeToast state={props.notice} />
    </dialog>
  );
}
