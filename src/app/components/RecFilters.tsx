// Filters for the recommendation list: genre, release years, minimum number of MovieLens ratings.
import { useEffect, useId, useState } from 'react';
import { serving } from '../../client/engineClient';
import { recommendDefaults } from '../../engine/defaults/recommendDefaults';
import { parseYear, yearRange } from './yearRange';

export interface Filters {
  genre: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  minCount: number;
}

export const DEFAULT_FILTERS: Filters = { genre: null, yearFrom: null, yearTo: null, minCount: recommendDefaults.minCount };

export function RecFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const id = useId();
  const [genres, setGenres] = useState<string[]>([]);
  // The years as typed: a backwards range is applied swapped, and the note says so.
  const [typed, setTyped] = useState({ from: value.yearFrom, to: value.yearTo });
  const setYears = (from: number | null, to: number | null) => {
    setTyped({ from, to });
    const r = yearRange(from, to);
    onChange({ ...value, yearFrom: r.from, yearTo: r.to });
  };
  const yearNote = yearRange(typed.from, typed.to).note;
  useEffect(() => {
    void serving.api.genres().then(setGenres);
  }, []);
  // A remembered genre this dataset does not have (ml-100k's "Children's", say) would empty the list: back to any.
  const unknownGenre = genres.length > 0 && value.genre !== null && !genres.includes(value.genre);
  useEffect(() => {
    if (unknownGenre) onChange({ ...value, genre: null });
  }, [unknownGenre, onChange, value]);
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">Filter recommendations</legend>
      <label>
        Genre{' '}
        <select value={value.genre ?? ''} onChange={(e) => onChange({ ...value, genre: e.target.value || null })}>
          <option value="">Any</option>
          {genres.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </label>
      <label>
        From{' '}
        <input type="number" inputMode="numeric" min={1870} max={2100} placeholder="year" defaultValue={value.yearFrom ?? ''} onChange={(e) => setYears(parseYear(e.target.value), typed.to)} aria-label="Released from year" />
      </label>
      <label>
        to{' '}
        <input type="number" inputMode="numeric" min={1870} max={2100} placeholder="year" defaultValue={value.yearTo ?? ''} onChange={(e) => setYears(typed.from, parseYear(e.target.value))} aria-label="Released up to year" />
      </label>
      <p className="year-note" role="status" data-testid="year-note">
        {yearNote}
      </p>
      <label htmlFor={`${id}-min`}>
        At least <output htmlFor={`${id}-min`}>{value.minCount}</output> ratings
      </label>
      <input id={`${id}-min`} type="range" min={0} max={200} step={5} value={value.minCount} onChange={(e) => onChange({ ...value, minCount: Number(e.target.value) })} aria-label="Minimum number of MovieLens ratings" />
    </fieldset>
  );
}
