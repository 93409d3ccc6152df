// The ratings export: a Letterboxd CSV first (titles, years, IMDb/TMDB ids, both rating scales: Letterboxd's importer
// and PocketLens's own import read it), the plain MovieLens ratings.csv second.
import { useState } from 'react';
import { serving } from '../../../client/engineClient';
import { withoutBidiControls } from '../../bidi';
import { count } from '../../format';
import { download } from '../../download';
import './ExportMenu.css';

const today = () => new Date().toISOString().slice(0, 10);

export function ExportMenu({ disabled }: { disabled: boolean }) {
  const [diary, setDiary] = useState(true);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);

  const letterboxd = async () => {
    try {
      const out = await serving.api.exportLetterboxd({ watchedDates: diary });
      const names = out.parts.length === 1 ? [`pocketlens-letterboxd-${today()}.csv`] : out.parts.map((_, k) => `pocketlens-letterboxd-${today()}-part-${k + 1}.csv`);
      out.parts.forEach((part, k) => download(names[k], part, 'text/csv'));
      const split = out.parts.length > 1 ? ` in ${out.parts.length} files (Letterboxd takes at most 1 MB a file)` : '';
      const left = out.missing.length > 0 ? ` ${count(out.missing.length, 'rating')} of movies not in this dataset left out.` : '';
      setSaid({ text: `Saved ${count(out.rows, 'rating')}${split}.${left}`, error: false });
    } catch (e) {
      setSaid({ text: withoutBidiControls((e as Error).message), error: true });
    }
  };

  const movielens = async () => {
    const out = await serving.api.exportRatings();
    download(`pocketlens-ratings-${today()}.csv`, out.csv, 'text/csv');
    setSaid({ text: `Saved ${count(out.count, 'rating')} in MovieLens ratings.csv layout (movie ids only, no titles).`, error: false });
  };

  return (
    <div className="export-menu" data-testid="export-menu">
      <button type="button" className="primary" onClick={() => void letterboxd()} disabled={disabled} aria-describedby="export-letterboxd-what">
        Download ratings for Letterboxd
      </button>
      <span id="export-letterboxd-what" className="muted export-what">
        Letterboxd CSV (titles, years, IMDb/TMDB ids, your rating)
      </span>
      <label className="export-diary">
        <input type="checkbox" checked={diary} onChange={(e) => setDiary(e.target.checked)} />
        With the day you rated as the watched date (Letterboxd adds diary entries)
      </label>
      <button type="button" onClick={() => void movielens()} disabled={disabled}>
        Download MovieLens ratings.csv
      </button>
      {said && (
        <p role={said.error ? 'alert' : 'status'} className={said.error ? 'error' : 'muted'} data-testid="export-notice">
          {said.text}
        </p>
      )}
    </div>
  );
}
