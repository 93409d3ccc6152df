// Movies to rate: well-known ones by default, or title search results; each with a half-star input.
import { useEffect, useState } from 'react';
import type { MovieCard } from '../../worker/engineApi';
import { serving } from '../../client/engineClient';
import { MovieMeta, movieLabel } from './MovieMeta';
import { StarRating } from './StarRating';

export function RatePanel(props: { ratings: Map<number, number>; onRate: (movieId: number, rating: number | null) => void; onOpen: (movieId: number) => void }) {
  const [query, setQuery] = useState('');
  const [popular, setPopular] = useState<MovieCard[]>([]);
  const [results, setResults] = useState<MovieCard[] | null>(null);

  useEffect(() => {
    void serving.api.moviesToRate(30).then(setPopular);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let live = true;
    void serving.api.search(q, 30).then((r) => live && setResults(r));
    return () => {
      live = false;
    };
  }, [query]);

  const list = results ?? popular;
  return (
    <section className="panel rate" id="rate" aria-labelledby="rate-h">
      <h2 id="rate-h">Rate movies you know</h2>
      <input
        type="search"
        id="search"
        className="search"
        placeholder="Search by title, e.g. matrix 1999"
        aria-label="Search movies by title"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="muted" aria-live="polite">
        {results ? `${results.length === 30 ? 'First 30' : results.length} matches for “${query.trim()}”` : 'Popular movies: rate the ones you have seen.'}
      </p>
      <ul className="movie-list" data-testid="to-rate">
        {list.map((m) => (
          <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
            <MovieMeta movie={m} onOpen={props.onOpen} />
            <StarRating
              label={`Your rating for ${movieLabel(m)}`}
              value={props.ratings.get(m.movieId) ?? null}
              onChange={(v) => props.onRate(m.movieId, v)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
