// Title line and details (year, genres, MovieLens rating count) shared by every movie row.
import type { MovieCard } from '../../worker/engineApi';

export function movieLabel(m: MovieCard): string {
  return m.year ? `${m.title} (${m.year})` : m.title;
}

export function MovieMeta({ movie }: { movie: MovieCard }) {
  return (
    <div className="meta">
      <span className="title">{movie.title}</span>
      {movie.year !== null && <span className="year"> ({movie.year})</span>}
      <div className="details">
        <span className="genres">{movie.genres.length ? movie.genres.join(', ') : 'No genres listed'}</span>
        <span className="count">
          {movie.count.toLocaleString('en')} {movie.count === 1 ? 'rating' : 'ratings'}
        </span>
      </div>
    </div>
  );
}
