// The movie panel's marks: "Want to watch", and "Not interested" — or, for a hidden movie, that it is hidden and Unhide.
import type { MovieCard } from '../../../client/workerTypes';
import type { MarksState } from '../../useMarks';
import { movieLabel } from '../MovieMeta';
import { WatchButton } from './WatchButton';
import './marks.css';

export function MovieMarks({ movie, marks }: { movie: MovieCard; marks: MarksState }) {
  const hidden = marks.hidden.has(movie.movieId);
  return (
    <div className="movie-marks" data-testid="movie-marks">
      {movie.myRating === null && <WatchButton movie={movie} marks={marks} />}
      {hidden ? (
        <p className="hidden-note">
          Hidden: you marked it “Not interested”, so it is never recommended.{' '}
          <button type="button" className="unhide" onClick={() => void marks.unhide(movie.movieId)} aria-label={`Unhide ${movieLabel(movie)}`}>
            Unhide
          </button>
        </p>
      ) : (
        <button type="button" className="hide" onClick={() => void marks.hide(movie)} aria-label={`Not interested in ${movieLabel(movie)}`}>
          Not interested
        </button>
      )}
    </div>
  );
}
