// "Your ratings": a sortable virtualized list to edit or remove (with undo), CSV/backup download, restore, IMDb/Letterboxd import.
import { useEffect, useMemo, useState } from 'react';
import { EngineFaultError, serving } from '../../client/engineClient';
import type { ImportEntry } from '../../engine/externalRatingsPlan';
import type { ImportPreview, MovieCard } from '../../client/workerTypes';
import { ImportReview } from './importReview/ImportReview';
import { MyRatingsList, SORTS, sortRatings, type SortId } from './MyRatingsList';
import type { RatingsState } from '../useRatings';
import { applySettings, currentSettings } from '../settings';
import { download } from '../download';
import './MyRatings.css';

export function MyRatings({ mine, onOpen }: { mine: RatingsState; onOpen: (movieId: number) => void }) {
  const { ratings, removed, rate: onRate, reload: onRestored } = mine;
  const [list, setList] = useState<MovieCard[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [sort, setSort] = useState<SortId>('newest');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'saving' | null>(null);
  const sorted = useMemo(() => sortRatings(list, ratings, sort), [list, ratings, sort]);

  useEffect(() => {
    void serving.api.ratedMovies().then(setList);
  }, [ratings]);

  const exportAs = async (kind: 'csv' | 'json') => {
    const out = await serving.api.exportRatings(currentSettings());
    const day = new Date().toISOString().slice(0, 10);
    if (kind === 'csv') download(`pocketlens-ratings-${day}.csv`, out.csv, 'text/csv');
    else download(`pocketlens-backup-${day}.json`, out.json, 'application/json');
  };

  const restore = async (file: File) => {
    try {
      const text = await file.text();
      if (ratings.size > 0 && !window.confirm(`Replace your ${ratings.size} ratings with the ones in ${file.name}?`)) return;
      const { count, settings } = await serving.api.restoreBackup(text, file.name);
      if (settings) applySettings(settings);
      setMessage({ text: `Restored ${count} ratings${settings ? ' and your settings' : ''} from ${file.name}.`, error: false });
      void onRestored();
    } catch (e) {
      if (e instanceof EngineFaultError) {
        // Retried once already: the engine failed twice. The restore is one transaction, so it happened whole or not at all.
        const what = e.fault === 'crashed' ? 'crashed' : 'stopped responding';
        setMessage({ text: `The restore from ${file.name} was interrupted: the recommendation engine ${what} twice. It is written in one transaction, so your ratings are either exactly as before or exactly the backup's: the list shows which.`, error: true });
        void onRestored();
      } else setMessage({ text: `Nothing was changed: ${(e as Error).message}`, error: true });
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be picked again after a cancel
    if (!file) return;
    setMessage(null);
    setBusy('reading');
    try {
      setPreview(await serving.api.previewExternalImport(file));
    } catch (e) {
      setMessage({ text: `Nothing was imported: ${(e as Error).message}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  const saveImport = async (entries: ImportEntry[]) => {
    if (!preview) return;
    setBusy('saving');
    try {
      const r = await serving.api.saveExternalImport(entries);
      const kept = r.keptMine > 0 ? ` Kept your own rating for ${r.keptMine} ${r.keptMine === 1 ? 'movie' : 'movies'}.` : '';
      setMessage({ text: `Saved ${r.saved} ${r.saved === 1 ? 'rating' : 'ratings'} from ${preview.file} (${preview.sourceName}).${kept}`, error: false });
      setPreview(null);
      await onRestored();
    } catch (e) {
      setMessage({ text: `Nothing was saved: ${(e as Error).message}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  if (preview) {
    return (
      <section className="panel mine" id="my-ratings">
        <ImportReview
          preview={preview}
          saving={busy === 'saving'}
          onSave={(entries) => void saveImport(entries)}
          onCancel={() => {
            setPreview(null);
            setMessage({ text: `Import of ${preview.file} cancelled: nothing was saved.`, error: false });
          }}
        />
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
            {message.text}
          </p>
        )}
      </section>
    );
  }

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
        <label className="button">
          {busy === 'reading' ? 'Reading…' : 'Import IMDb or Letterboxd'}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            aria-label="Import ratings from IMDb or Letterboxd (their ratings.csv export)"
            disabled={busy !== null}
            onChange={(e) => void importFile(e.target)}
          />
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
        <>
          <div className="mine-tools">
            <label>
              Sort by
              <select value={sort} onChange={(e) => setSort(e.target.value as SortId)}>
                {SORTS.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <MyRatingsList list={sorted} ratings={ratings} onRate={onRate} onOpen={onOpen} />
        </>
      )}
    </section>
  );
}
