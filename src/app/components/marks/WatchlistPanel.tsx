// The watchlist on My ratings: best predicted first, each movie rated in place (a rating moves it out) or taken off;
// downloadable as the CSV Letterboxd imports as a watchlist.
import { useEffect, useState } from 'react';
import { serving } from '../../../client/engineClient';
import type { Watchlist } from '../../../client/workerTypes';
import type { MarksState } from '../../useMarks';
import { download } from '../../download';
import { MovieMeta, movieLabel } from '../MovieMeta';
import { StarRating } from '../StarRating';
import { WatchButton } from './WatchButton';
import './marks.css';

export function WatchlistPanel(props: { marks: MarksState; ratings: Map<number, number>; onRate: (movieId: number, rating: number | null) => void; onOpen: (movieId: number) => void }) {
  const { marks, ratings } = props;
  const [list, setList] = useState<Watchlist | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void serving.api.watchlist().then((w) => live && setList(w));
    return () => {
      live = false;
    };
  }, [marks.version, ratings]);

  const exportCsv = async () => {
    try {
      const out = await serving.api.exportWatchlist();
      const day = new Date().toISOString().slice(0, 10);
      out.parts.forEach((part, k) => download(`pocketlens-watchlist-${day}${out.parts.length > 1 ? `-${k + 1}` : ''}.csv`, part, 'text/csv'));
      setError(null);
    } catch (e) {
      setError(`The watchlist was not exported: ${(e as Error).message}`);
    }
  };

  const entries = list?.entries ?? [];
  return (
    <section className="panel watchlist" id="watchlist" aria-labelledby="watchlist-h">
      <div className="marks-head">
        <h2 id="watchlist-h">Watchlist ({entries.length})</h2>
        <button type="button" onClick={() => void exportCsv()} disabled={entries.length === 0}>
          Download for Letterboxd
        </button>
      </div>
      <p className="muted" data-testid="watchlist-basis">
        {entries.length === 0
          ? 'Nothing here yet. Press “Want to watch” on any movie to keep it here; rating it moves it out.'
          : list?.basis === 'personal'
            ? 'Sorted by your predicted rating. Rate a movie once you have seen it: it moves out of the list.'
            : 'Sorted by the MovieLens average until you rate a few movies, then by your predicted rating.'}
        {list && list.elsewhere > 0 && ` ${list.elsewhere} more ${list.elsewhere === 1 ? 'movie is' : 'movies are'} not in this dataset.`}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {entries.length > 0 && (
        <ol className="movie-list" data-testid="watchlist">
          {entries.map((m) => (
            <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
              <div className="meta">
                <MovieMeta movie={m} onOpen={props.onOpen} />
                <div className="row-actions">
                  <WatchButton movie={m} marks={marks} />
                </div>
              </div>
              <div className="watch-rate">
                <span className="predicted" title={list?.basis === 'personal' ? 'Predicted rating for you' : 'Damped MovieLens average'}>
                  <span aria-hidden="true">★ </span>
                  {m.predicted.toFixed(1)}
                  <small>{list?.basis === 'personal' ? 'for you' : 'average'}</small>
                </span>
                <StarRating label={`Your rating for ${movieLabel(m)}`} value={ratings.get(m.movieId) ?? null} onChange={(v) => props.onRate(m.movieId, v)} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
