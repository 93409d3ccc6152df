// "Your ratings": edit, remove with undo, download as MovieLens CSV or a JSON backup, restore a backup.
import { useEffect, useState } from 'react';
import { serving } from '../../client/engineClient';
import type { MovieCard } from '../../worker/types';
import { MovieMeta, movieLabel } from './MovieMeta';
import { StarRating } from './StarRating';
import type { RatingsState } from '../useRatings';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function MyRatings({ mine, onOpen }: { mine: RatingsState; onOpen: (movieId: number) => void }) {
  const { ratings, removed, rate: onRate, reload: onRestored } = mine;
  const [list, setList] = useState<MovieCard[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void serving.api.ratedMovies().then(setList);
  }, [ratings]);

  const exportAs = async (kind: 'csv' | 'json') => {
    const out = await serving.api.exportRatings();
    const day = new Date().toISOString().slice(0, 10);
    if (kind === 'csv') download(`pocketlens-ratings-${day}.csv`, out.csv, 'text/csv');
    else download(`pocketlens-backup-${day}.json`, out.json, 'application/json');
  };

  const restore = async (file: File) => {
    try {
      const text = await file.text();
      if (ratings.size > 0 && !window.confirm(`Replace your ${ratings.size} ratings with the ones in ${file.name}?`)) return;
      const n = await serving.api.restoreBackup(text, file.name);
      setMessage({ text: `Restored ${n} ratings from ${file.name}.`, error: false });
      void onRestored();
    } catch (e) {
      setMessage({ text: `Nothing was changed: ${(e as Error).message}`, error: true });
    }
  };

  const gone = removed && list.every((m) => m.movieId !== removed.movieId) ? removed : null;
  return (
    <section className="panel mine" id="my-ratings" aria-labelledby="mine-h">
      <h2 id="mine-h">Your ratings ({ratings.size})</h2>
      <div className="actions">
        <button type="button" onClick={() => void exportAs('csv')} disabled={ratings.size === 0}>
          Download CSV
        </button>
        <button type="button" onClick={() => void exportAs('json')} disabled={ratings.size === 0}>
          Download backup
        </button>
        <label className="button">
          Restore backup
          <input type="file" accept=".json,application/json" className="visually-hidden" aria-label="Restore backup" onChange={(e) => e.target.files?.[0] && void restore(e.target.files[0])} />
        </label>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
      {gone && (
        <p role="status" className="undo">
          Rating removed.{' '}
          <button type="button" onClick={() => onRate(gone.movieId, gone.rating)}>
            Undo
          </button>
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted">Nothing yet. Your ratings stay in this browser; download a backup to keep them safe.</p>
      ) : (
        <ul className="movie-list" data-testid="my-ratings">
          {list.map((m) => (
            <li key={m.movieId} className="movie" data-movie-id={m.movieId}>
              <MovieMeta movie={m} onOpen={onOpen} />
              <StarRating label={`Your rating for ${movieLabel(m)}`} value={ratings.get(m.movieId) ?? m.myRating} onChange={(v) => onRate(m.movieId, v)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
