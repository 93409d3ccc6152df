// Search results as the combobox's listbox: each option a movie (click opens it), its stars beside it to rate in place.
import { useEffect, useRef } from 'react';
import type { MovieCard } from '../../worker/types';
import { movieLabel } from './MovieMeta';
import { StarRating } from './StarRating';
import './SearchResults.css';

export function SearchResults(props: {
  id: string;
  optionId: (k: number) => string;
  items: MovieCard[];
  /** The option the arrow keys are on (-1: none, the person is typing). */
  active: number;
  ratings: Map<number, number>;
  onRate: (movieId: number, rating: number | null) => void;
  onOpen: (movieId: number) => void;
}) {
  const { items, active } = props;
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (active >= 0) list.current?.querySelectorAll('[role=option]')[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  if (items.length === 0) return <ul className="movie-list" data-testid="to-rate" id={props.id} />;
  return (
    <ul className="movie-list results" role="listbox" id={props.id} aria-label="Search results" data-testid="to-rate" ref={list}>
      {items.map((m, k) => (
        <li key={m.movieId} role="none" className={`movie${k === active ? ' active' : ''}`} data-movie-id={m.movieId}>
          <div role="option" id={props.optionId(k)} aria-selected={k === active} className="option meta" onClick={() => props.onOpen(m.movieId)}>
            <span className="title">{m.title}</span>
            {m.year !== null && <span className="year"> ({m.year})</span>}
            <span className="details">
              <span className="genres">{m.genres.length ? m.genres.join(', ') : 'No genres listed'}</span>
              <span className="count">
                {m.count.toLocaleString('en')} {m.count === 1 ? 'rating' : 'ratings'}
              </span>
            </span>
          </div>
          <StarRating label={`Your rating for ${movieLabel(m)}`} value={props.ratings.get(m.movieId) ?? null} onChange={(v) => props.onRate(m.movieId, v)} />
        </li>
      ))}
    </ul>
  );
}
