// Search results as the combobox's listbox: each option a movie (click opens it) with its stars, pressable to rate in place.
import { useEffect, useRef, type MouseEvent } from 'react';
import type { MovieCard } from '../../client/workerTypes';
import { pressValue, starFills, starText } from './stars/starLogic';
import { usePointerKind } from './stars/usePointerKind';
import { StarGlyph } from './stars/StarGlyph';
import type { MarksState } from '../useMarks';
import './marks/marks.css';
import './StarRating.css';
import { GenreList, TitleText } from './FileText';
import './SearchResults.css';
import { count } from '../format';

/**
 * Stars inside an option: a pointer shortcut only (an option may hold nothing focusable). Keyboard and screen
 * reader users rate the active option with 1–5 from the search box; the option's text ends with the current rating.
 * Drawn and pressed as StarRating's stars are (a finger rates whole stars, a second tap takes half off).
 */
function OptionStars(props: { value: number | null; onChange: (v: number) => void }) {
  const pointer = usePointerKind();
  const click = (v: number) => (e: MouseEvent) => {
    e.stopPropagation();
    const next = pressValue(props.value, v, pointer.kindOf(e));
    if (next !== props.value) props.onChange(next);
  };
  return (
    <span className="stars-input option-stars-input" aria-hidden="true">
      <span className="stars option-stars" onPointerDown={pointer.onPointerDown}>
        {starFills(props.value).map((fill, k) => (
          <span key={k} className="star">
            <StarGlyph fill={fill} />
            {[k + 0.5, k + 1].map((v) => (
              <span key={v} className={`half ${v % 1 ? 'left' : 'right'} ${props.value !== null && v <= props.value ? 'on' : ''}`} title={count(v, 'star')} onClick={click(v)} />
            ))}
          </span>
        ))}
      </span>
      <span className="stars-value">{starText(props.value)}</span>
    </span>
  );
}

export function SearchResults(props: {
  id: string;
  optionId: (k: number) => string;
  items: MovieCard[];
  /** The option the arrow keys are on (-1: none, the person is typing). */
  active: number;
  ratings: Map<number, number>;
  marks: MarksState;
  onRate: (movieId: number, rating: number | null) => void;
  onOpen: (movieId: number) => void;
}) {
  const { items, active } = props;
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (active >= 0) list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  if (items.length === 0) return <ul className="movie-list" data-testid="to-rate" id={props.id} />;
  return (
    <ul className="movie-list results" role="listbox" id={props.id} aria-label="Search results" data-testid="to-rate" ref={list} onMouseDown={(e) => e.preventDefault()}>
      {items.map((m, k) => {
        const mine = props.ratings.get(m.movieId) ?? null;
        const watched = props.marks.watchlist.has(m.movieId);
        return (
          <li
            key={m.movieId}
            role="option"
            id={props.optionId(k)}
            aria-selected={k === active}
            className={`movie option${k === active ? ' active' : ''}`}
            data-movie-id={m.movieId}
            data-my-rating={mine ?? ''}
            onClick={() => props.onOpen(m.movieId)}
          >
            <span className="meta">
              <span className="title">
                <TitleText text={m.title} />
              </span>
              {m.year !== null && <span className="year"> ({m.year})</span>}
              <span className="details">
                <span className="genres">
                  <GenreList genres={m.genres} />
                </span>
                <span className="count">
                  {count(m.count, 'rating')}
                </span>
              </span>
              <span className="visually-hidden">
                {mine === null ? ', not rated' : `, your rating ${count(mine, 'star')}`}
                {watched && ', on your watchlist'}
              </span>
            </span>
            <span className="option-tools">
              {mine === null && (
                // A pointer shortcut like the stars (an option holds nothing focusable): W from the search box does the same.
                <span
                  className={`option-watch${watched ? ' on' : ''}`}
                  aria-hidden="true"
                  title={watched ? 'On your watchlist: press to take it off' : 'Want to watch'}
                  data-testid="option-watch"
                  onClick={(e) => {
                    e.stopPropagation();
                    void props.marks.toggleWatch(m.movieId);
                  }}
                >
                  {watched ? '✓ Want to watch' : '+ Want to watch'}
                </span>
              )}
              <OptionStars value={mine} onChange={(v) => props.onRate(m.movieId, v)} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
