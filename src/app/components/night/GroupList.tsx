// The group's list: each movie with its year, every person's predicted stars and why it is there.
import type { NightList } from '../../../client/workerTypes';
import { MovieMeta } from '../MovieMeta';
import { whyText } from './nightWhy';

export function GroupList({ list, onOpen }: { list: NightList; onOpen: (movieId: number) => void }) {
  return (
    <ol className="movie-list night-list" data-testid="night-list" data-rule={list.rule}>
      {list.rows.map((r) => (
        <li key={r.movie.movieId} className="movie night-row" data-movie-id={r.movie.movieId}>
          <div className="night-row-main">
            <MovieMeta movie={r.movie} onOpen={onOpen} />
            <p className="because night-why">{whyText(r.members, list.candidates)}</p>
          </div>
          <ul className="night-stars" aria-label="Predicted stars">
            {r.members.map((m, k) => (
              <li key={k} data-testid="night-stars">
                <span className="night-star-name">{m.name}</span>{' '}
                <span className="predicted">
                  <span aria-hidden="true">★ </span>
                  {m.stars === null ? '–' : m.stars.toFixed(1)}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
