// The person's ratings as a window-virtualized list (thousands of rows, only the visible ones in the DOM), in a chosen order.
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { MovieCard } from '../../client/workerTypes';
import { MovieMeta, movieLabel } from './MovieMeta';
import { StarRating } from './StarRating';

export const SORTS = [
  { id: 'newest', label: 'Date rated, newest first' },
  { id: 'oldest', label: 'Date rated, oldest first' },
  { id: 'high', label: 'My rating, high to low' },
  { id: 'low', label: 'My rating, low to high' },
  { id: 'title', label: 'Title, A to Z' },
  { id: 'year-new', label: 'Year, newest first' },
  { id: 'year-old', label: 'Year, oldest first' },
] as const;
export type SortId = (typeof SORTS)[number]['id'];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** `list` comes newest-rated first; every other order is a stable sort of it (ties stay newest first). */
export function sortRatings(list: MovieCard[], ratings: Map<number, number>, sort: SortId): MovieCard[] {
  const stars = (m: MovieCard) => ratings.get(m.movieId) ?? m.myRating ?? 0;
  const year = (m: MovieCard, missing: number) => m.year ?? missing;
  switch (sort) {
    case 'newest':
      return list;
    case 'oldest':
      return [...list].reverse();
    case 'high':
      return [...list].sort((a, b) => stars(b) - stars(a));
    case 'low':
      return [...list].sort((a, b) => stars(a) - stars(b));
    case 'title':
      return [...list].sort((a, b) => collator.compare(a.title, b.title) || year(a, 0) - year(b, 0));
    case 'year-new':
      return [...list].sort((a, b) => year(b, -Infinity) - year(a, -Infinity));
    case 'year-old':
      return [...list].sort((a, b) => year(a, Infinity) - year(b, Infinity));
  }
}

/** One row's content; memoized so scrolling (which only moves rows) re-renders just the rows that enter the window. */
const RatingRow = memo(function RatingRow(props: { movie: MovieCard; stars: number | null; onRate: (movieId: number, rating: number | null) => void; onOpen: (movieId: number) => void }) {
  const { movie, stars, onRate, onOpen } = props;
  return (
    <>
      <MovieMeta movie={movie} onOpen={onOpen} />
      <StarRating label={`Your rating for ${movieLabel(movie)}`} value={stars} onChange={(v) => onRate(movie.movieId, v)} />
    </>
  );
});

export function MyRatingsList(props: {
  list: MovieCard[];
  ratings: Map<number, number>;
  onRate: (movieId: number, rating: number | null) => void;
  onOpen: (movieId: number) => void;
}) {
  const { list, ratings, onRate, onOpen } = props;
  const ref = useRef<HTMLUListElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    // The list's distance from the top of the page: what the window scroll is measured against.
    const t = ref.current ? ref.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(t - top) > 0.5) setTop(t);
  });
  const virtualizer = useWindowVirtualizer({
    count: list.length,
    estimateSize: () => 60,
    overscan: 6,
    scrollMargin: top,
    getItemKey: (i) => list[i].movieId,
    // Scrolling moves rows by writing their position straight to the DOM; React renders only when rows enter or leave.
    directDomUpdates: true,
  });
  const rows = virtualizer.getVirtualItems();
  const total = list.length;
  return (
    <ul
      ref={(node) => {
        ref.current = node;
        virtualizer.containerRef(node);
      }}
      className="movie-list my-ratings-list"
      data-testid="my-ratings"
    >
      {rows.map((r) => {
        const m = list[r.index];
        return (
          <li
            key={r.key}
            ref={virtualizer.measureElement}
            data-index={r.index}
            data-movie-id={m.movieId}
            aria-setsize={total}
            aria-posinset={r.index + 1}
            className="movie"
          >
            <RatingRow movie={m} stars={ratings.get(m.movieId) ?? m.myRating} onRate={onRate} onOpen={onOpen} />
          </li>
        );
      })}
    </ul>
  );
}
