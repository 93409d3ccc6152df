// "Want to watch" on a movie: a toggle button (pressed while the movie is on the watchlist).
import type { MovieCard } from '../../../client/workerTypes';
import { movieLabel } from '../MovieMeta';
import type { MarksState } from '../../useMarks';
import './marks.css';

export function WatchButton({ movie, marks }: { movie: MovieCard; marks: MarksState }) {
  const on = marks.watchlist.has(movie.movieId);
  return (
    <button type="button" className={`watch${on ? ' on' : ''}`} aria-pressed={on} aria-label={`Want to watch ${movieLabel(movie)}`} onClick={() => void marks.toggleWatch(movie.movieId)}>
      <span aria-hidden="true">{on ? '✓ ' : '+ '}</span>
      Want to watch
    </button>
  );
}

/** The visible mark on a list row for a movie on the watchlist. */
export function WatchMark({ movie, marks }: { movie: MovieCard; marks: MarksState }) {
  if (!marks.watchlist.has(movie.movieId)) return null;
  return <span className="watch-mark">On your watchlist</span>;
}
