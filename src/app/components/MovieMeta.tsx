// Title line and details (year, genres, MovieLens rating count) shared by every movie row.
import { GenreList, TitleText } from './FileText';
import type { MovieCard } from '../../client/workerTypes';
import { count } from '../format';

export function movieLabel(m: MovieCard): string {
  return m.year ? `${m.title} (${m.year})` : m.title;
}

/** Title, year and details; with `onOpen` the title is a button that opens the movie panel. */
export function MovieMeta({ movie, onOpen }: { movie: MovieCard; onOpen?: (movieId: number) => void }) {
  return (
    <div className="meta">
      {onOpen ? (
        <button type="button" className="title title-link" onClick={() => onOpen(movie.movieId)}>
          <TitleText text={movie.title} />
        </button>
      ) : (
        <span className="title">
          <TitleText text={movie.title} />
        </span>
      )}
      {movie.year !== null && <span className="year"> ({movie.year})</span>}
      <div className="details">
        <span className="genres">
          <GenreList genres={movie.genres} />
        </span>
        <span className="count">
          {count(movie.count, 'rating')}
        </span>
      </div>
    </div>
  );
}
