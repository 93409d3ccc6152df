// The person's ratings (and watchlist) as CSVs that travel: Letterboxd's import columns with titles, years, IMDb/TMDB ids, both scales.
import type { BackupRating } from './backup';
import { csvText } from './csvCell';
import { movieLensNames } from './externalRatingsMatch';

/** What the export needs of a catalogue movie (MovieLens title as stored, links.csv ids as stored). */
export interface ExportMovie {
  title: string;
  year: number | null;
  /** links.csv imdbId ("0114709"), or null. */
  imdbId: string | null;
  /** links.csv tmdbId ("862"), or null. */
  tmdbId: string | null;
}

/**
 * The header. Letterboxd's importer reads columns by name (Title, Year, imdbID, tmdbID, Rating on 0.5–5, Rating10
 * on 1–10, WatchedDate as YYYY-MM-DD); the brief's documented ones come first in its order, Rating10 after Rating.
 */
export const LETTERBOXD_COLUMNS = ['Title', 'Year', 'imdbID', 'tmdbID', 'Rating', 'Rating10', 'WatchedDate'] as const;

/** Letterboxd's watchlist import: the same columns without a rating or a date (Letterboxd > Import > watchlist). */
export const LETTERBOXD_WATCHLIST_COLUMNS = ['Title', 'Year', 'imdbID', 'tmdbID'] as const;

/** Letterboxd takes import files of up to 1 MB: a longer export comes in parts of at most this many bytes each. */
export const LETTERBOXD_MAX_BYTES = 1_000_000;

export interface LetterboxdExport {
  /** The whole export: UTF-8 text (no byte-order mark), CRLF line ends, one header line. */
  csv: string;
  /** The same rows cut on row ends into files of at most `maxBytes` UTF-8 bytes, each with the header (one part when it fits). */
  parts: string[];
  rows: number;
  /** movieIds rated but not in the catalogue (another dataset's movies): left out, since nothing identifies them. */
  missing: number[];
}

/** The name Letterboxd and PocketLens both find a MovieLens title by: "City of Lost Children, The (Cité…, La)" → "The City of Lost Children". */
export function exportTitle(title: string): string {
  const names = movieLensNames(title);
  return names.length > 1 ? names[1] : names[0];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** Groups lines (each without its line end) into parts of at most maxBytes, every part starting with the header. */
function partsOf(header: string, rows: readonly string[], maxBytes: number): string[] {
  const headerSize = utf8Bytes(header) + 2;
  const parts: string[] = [];
  let part: string[] = [];
  let size = headerSize;
  for (const row of rows) {
    const n = utf8Bytes(row) + 2;
    if (headerSize + n > maxBytes) throw new RangeError(`a row of ${n} bytes does not fit a file of ${maxBytes} bytes`);
    if (size + n > maxBytes) {
      parts.push([header, ...part].join('\r\n') + '\r\n');
      part = [];
      size = headerSize;
    }
    part.push(row);
    size += n;
  }
  parts.push([header, ...part].join('\r\n') + '\r\n');
  return parts;
}

/** The columns that find a movie on Letterboxd: main title (formula-guarded, quoted), year, tt id, TMDB id. */
function movieCells(m: ExportMovie): string[] {
  const imdb = m.imdbId && /^\d+$/.test(m.imdbId) ? `tt${m.imdbId.padStart(7, '0')}` : '';
  const tmdb = m.tmdbId && /^\d+$/.test(m.tmdbId) ? String(Number(m.tmdbId)) : '';
  return [csvText(exportTitle(m.title)), m.year === null ? '' : String(m.year), imdb, tmdb];
}

/**
 * One row per rating, oldest first (then by movieId): Title (formula-guarded, RFC 4180 quoted), Year, imdbID as
 * tt0114709, tmdbID, Rating 0.5–5, Rating10 1–10, WatchedDate (the UTC day it was rated; empty with
 * `watchedDates: false`, so Letterboxd adds no diary entries). Ratings of movies the catalogue lacks are listed in
 * `missing`; a rating off the half-star scale is a RangeError.
 */
export function letterboxdCsv(
  ratings: readonly BackupRating[],
  movieOf: (movieId: number) => ExportMovie | undefined,
  opts: { watchedDates?: boolean; maxBytes?: number } = {},
): LetterboxdExport {
  const withDates = opts.watchedDates ?? true;
  const header = LETTERBOXD_COLUMNS.join(',');
  const rows: string[] = [];
  const missing: number[] = [];
  const sorted = [...ratings].sort((a, b) => a.ratedAt - b.ratedAt || a.movieId - b.movieId);
  for (const r of sorted) {
    const m = movieOf(r.movieId);
    if (!m) {
      missing.push(r.movieId);
      continue;
    }
    if (!(r.rating >= 0.5 && r.rating <= 5 && r.rating * 2 === Math.round(r.rating * 2))) throw new RangeError(`movie ${r.movieId}: rating must be 0.5 to 5 in half stars, got ${r.rating}`);
    rows.push([...movieCells(m), String(r.rating), String(r.rating * 2), withDates ? day(r.ratedAt) : ''].join(','));
  }
  return {
    csv: [header, ...rows].join('\r\n') + '\r\n',
    parts: partsOf(header, rows, opts.maxBytes ?? LETTERBOXD_MAX_BYTES),
    rows: rows.length,
    missing,
  };
}

/**
 * The watchlist in the layout Letterboxd imports as a watchlist (Title, Year, imdbID, tmdbID), in the order the movies
 * were added (then by movieId); movies the catalogue lacks are listed in `missing`. Same quoting and 1 MB parts.
 */
export function letterboxdWatchlistCsv(
  entries: readonly { movieId: number; addedAt: number }[],
  movieOf: (movieId: number) => ExportMovie | undefined,
  opts: { maxBytes?: number } = {},
): LetterboxdExport {
  const header = LETTERBOXD_WATCHLIST_COLUMNS.join(',');
  const rows: string[] = [];
  const missing: number[] = [];
  for (const e of [...entries].sort((a, b) => a.addedAt - b.addedAt || a.movieId - b.movieId)) {
    const m = movieOf(e.movieId);
    if (m) rows.push(movieCells(m).join(','));
    else missing.push(e.movieId);
  }
  return { csv: [header, ...rows].join('\r\n') + '\r\n', parts: partsOf(header, rows, opts.maxBytes ?? LETTERBOXD_MAX_BYTES), rows: rows.length, missing };
}

