// Movies to rate: well-known ones by default, or instant title search as a keyboard combobox (arrows, Enter opens, 1–5 rate, W watchlist).
import { memo, useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { MovieCard } from '../../client/workerTypes';
import { serving } from '../../client/engineClient';
import { MovieMeta, movieLabel } from './MovieMeta';
import { StarRating } from './StarRating';
import { SearchResults } from './SearchResults';
import { shortcutStars } from './ratingKeys';
import { WatchButton } from './marks/WatchButton';
import type { MarksState } from '../useMarks';
import { TitleText } from './FileText';
import { count } from '../format';

const LIMIT = 30;
/** Popular movies fetched once, and shown a dozen at a time ("Show more"): 30 star rows were 70 % of the first screen's elements. */
const POPULAR = 48;
const POPULAR_STEP = 12;

export function RatePanel(props: { ratings: Map<number, number>; marks: MarksState; onRate: (movieId: number, rating: number | null) => void; onOpen: (movieId: number) => void }) {
  const [query, setQuery] = useState('');
  const [popular, setPopular] = useState<MovieCard[]>([]);
  const [visible, setVisible] = useState(POPULAR_STEP);
  const [results, setResults] = useState<{ query: string; items: MovieCard[] } | null>(null);
  const [active, setActive] = useState(-1);
  const [said, setSaid] = useState('');
  const listId = useId();
  const optionId = (k: number) => `${listId}-opt-${k}`;

  useEffect(() => {
    // Then an empty search: the worker builds its title index now (≈0.3 s at 62K titles), not on the first keystroke.
    void serving.api
      .moviesToRate(POPULAR)
      .then(setPopular)
      .then(() => serving.api.search('', 1));
  }, []);

  useEffect(() => {
    const q = query.trim();
    setActive(-1);
    if (!q) {
      setResults(null);
      return;
    }
    let live = true;
    void serving.api.search(q, LIMIT).then((items) => live && setResults({ query: q, items }));
    return () => {
      live = false;
    };
  }, [query]);

  // A cleared box closes the results in the same render (its effect clears them a render later: the box said expanded).
  const items = query.trim() ? (results?.items ?? []) : [];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = items.length - 1;
    const move = (k: number) => {
      e.preventDefault();
      setActive(k);
    };
    if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    } else if (last < 0) {
      return;
    } else if (e.key === 'ArrowDown') {
      move(Math.min(active + 1, last));
    } else if (e.key === 'ArrowUp') {
      move(Math.max(active - 1, -1));
    } else if (active >= 0 && e.key === 'Home') {
      move(0);
    } else if (active >= 0 && e.key === 'End') {
      move(last);
    } else if (active >= 0 && e.key === 'Enter') {
      e.preventDefault();
      props.onOpen(items[active].movieId);
    } else if (active >= 0 && e.code === 'KeyW' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const m = items[active];
      const on = !props.marks.watchlist.has(m.movieId);
      void props.marks.toggleWatch(m.movieId);
      setSaid(on ? `Added ${movieLabel(m)} to your watchlist.` : `Took ${movieLabel(m)} off your watchlist.`);
    } else if (active >= 0) {
      const stars = shortcutStars(e.nativeEvent);
      if (stars === null) return;
      e.preventDefault();
      const m = items[active];
      props.onRate(m.movieId, stars);
      setSaid(`Rated ${movieLabel(m)}: ${count(stars, 'star')}.`);
    }
  };

  const expanded = items.length > 0;
  return (
    <section className="panel rate" id="rate" aria-labelledby="rate-h">
      <h2 id="rate-h">Rate movies you know</h2>
      <input
        type="search"
        id="search"
        className="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${listId}-keys`}
        placeholder="Search by title, e.g. matrix 1999"
        aria-label="Search movies by title"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="muted search-keys" id={`${listId}-keys`}>
        ↓ ↑ choose a result, Enter opens it, 1–5 rate it (Shift for half stars), W wants to watch it, Esc clears.
      </p>
      <p className="muted search-said" aria-live="polite">
        {results ? (
          <>
            {results.items.length === LIMIT ? `First ${LIMIT}` : results.items.length} {results.items.length === 1 ? 'match' : 'matches'} for “<TitleText text={results.query} max={80} />”
          </>
        ) : (
          'Popular movies: rate the ones you have seen.'
        )}
      </p>
      {results ? (
        <SearchResults id={listId} optionId={optionId} items={items} active={active} ratings={props.ratings} marks={props.marks} onRate={props.onRate} onOpen={props.onOpen} />
      ) : (
        <>
          <ul className="movie-list" data-testid="to-rate">
            {popular.slice(0, visible).map((m) => (
              <PopularRow key={m.movieId} movie={m} stars={props.ratings.get(m.movieId) ?? null} marks={props.marks} onRate={props.onRate} onOpen={props.onOpen} />
            ))}
          </ul>
          {popular.length > visible && (
            <button
              type="button"
              className="more"
              data-testid="more-to-rate"
              onClick={() => {
                const next = Math.min(visible + POPULAR_STEP, popular.length);
                setVisible(next);
                setSaid(`Showing ${next} popular movies.`);
              }}
            >
              Show {Math.min(POPULAR_STEP, popular.length - visible)} more
            </button>
          )}
        </>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </section>
  );
}

/** One popular movie to rate; re-rendered only when its own stars (or the marks) change, not for every rating. */
const PopularRow = memo(function PopularRow(props: {
  movie: MovieCard;
  stars: number | null;
  marks: MarksState;
  onRate: (movieId: number, rating: number | null) => void;
  onOpen: (movieId: number) => void;
}) {
  const { movie: m, stars, onRate } = props;
  return (
    <li className="movie" data-movie-id={m.movieId}>
      <div className="meta">
        <MovieMeta movie={m} onOpen={props.onOpen} />
        {stars === null && (
          <div className="row-actions">
            <WatchButton movie={m} marks={props.marks} />
          </div>
        )}
      </div>
      <StarRating label={`Your rating for ${movieLabel(m)}`} value={stars} onChange={(v) => onRate(m.movieId, v)} />
    </li>
  );
});
