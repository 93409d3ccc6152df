// Reads a person's ratings exported from IMDb (ratings.csv) or Letterboxd (ratings.csv / diary.csv) into half-star rows.
import Papa from 'papaparse';
import { CSV_OPTIONS, unifyLineBreaks } from './movielens/csvText';
import { ImportError, excerpt } from './movielens/errors';

export type ExternalSource = 'imdb' | 'letterboxd';

/** One rating from the file, already on the MovieLens scale (0.5–5 in half stars). */
export interface ExternalRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  title: string;
  /** Original-language title (IMDb's "Original Title"), when it differs from `title`. */
  originalTitle: string | null;
  year: number | null;
  /** Stars 0.5–5 (IMDb's 1–10 halved). */
  rating: number;
  /** The rating as written in the file ("8" for IMDb, "4.5" for Letterboxd), for the review list. */
  fileRating: string;
  /** When the person rated it, ms since 1970 (UTC midnight of the file's date); null when the file has no date. */
  ratedAt: number | null;
  /** IMDb's numeric title id (tt0114709 → 114709); null for Letterboxd. */
  imdbId: number | null;
  /** IMDb's "Title Type" (Movie, TV Series, …); null when absent. */
  titleType: string | null;
}

/** A row the file holds but that carries no rating to import (a diary entry without stars). */
export interface SkippedRow {
  line: number;
  title: string;
  year: number | null;
  reason: string;
}

export interface ExternalExport {
  source: ExternalSource;
  file: string;
  rows: ExternalRow[];
  skipped: SkippedRow[];
}

export const SOURCE_NAMES: Record<ExternalSource, string> = { imdb: 'IMDb', letterboxd: 'Letterboxd' };

const IMDB_EXPECTED = 'Const,Your Rating,Date Rated,Title,…';
const LETTERBOXD_EXPECTED = 'Date,Name,Year,Letterboxd URI,Rating';

/** Column lookup by header name (case and surrounding spaces ignored), with the older names each service used. */
function columns(header: string[]): (...names: string[]) => number {
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i] as const));
  return (...names) => {
    for (const n of names) {
      const i = at.get(n.toLowerCase());
      if (i !== undefined) return i;
    }
    return -1;
  };
}

/** "2023-05-14" (IMDb, Letterboxd) or "Sun May 14 00:00:00 2023"-style dates → ms; null when empty or unreadable. */
function parseDate(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (!t) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  const ms = iso ? Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) : Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}

function parseYear(text: string | undefined): number | null {
  const m = /^\s*(\d{4})/.exec(text ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Parses an IMDb or Letterboxd ratings export, recognised by its header (columns found by name, in any order).
 * Anything that is not such a file, or a row with a malformed rating or id, is an ImportError naming the line.
 */
export function parseExternalRatings(text: string, file: string): ExternalExport {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') {
    throw new ImportError(file, undefined, `the file is empty; expected an IMDb ratings export (${IMDB_EXPECTED}) or a Letterboxd ratings.csv (${LETTERBOXD_EXPECTED})`);
  }
  const parsed = Papa.parse<string[]>(unifyLineBreaks(clean), CSV_OPTIONS);
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) throw new ImportError(file, (quote.row ?? 0) + 1, `expected a properly quoted field (${quote.message})`);
  const [header, ...body] = parsed.data;
  const col = columns(header);
  const rows = body.map((fields, k) => ({ fields, line: k + 2 })).filter(({ fields }) => !(fields.length === 1 && fields[0].trim() === ''));
  for (const { fields, line } of rows) {
    if (fields.length !== header.length) {
      throw new ImportError(file, line, `expected ${header.length} fields as in the header, found ${fields.length} in ${excerpt(fields.join(','))}`);
    }
  }
  if (col('Const') >= 0) return parseImdb(file, col, rows);
  if (col('Letterboxd URI') >= 0 && col('Name') >= 0) return parseLetterboxd(file, col, rows);
  const raw = header.join(',');
  const hint =
    col('userId') >= 0 && col('movieId') >= 0
      ? ' (this is a MovieLens ratings file: restore a PocketLens backup instead)'
      : header.length === 1 && /[\t;|]/.test(raw)
        ? ' (wrong separator? both exports are comma separated)'
        : '';
  throw new ImportError(file, 1, `expected an IMDb ratings export (${IMDB_EXPECTED}) or a Letterboxd ratings.csv (${LETTERBOXD_EXPECTED}), found ${excerpt(raw)}${hint}`);
}

type Col = ReturnType<typeof columns>;
type Body = { fields: string[]; line: number }[];

function parseImdb(file: string, col: Col, rows: Body): ExternalExport {
  const c = {
    id: col('Const'),
    rating: col('Your Rating', 'You rated'),
    date: col('Date Rated', 'created'),
    title: col('Title'),
    original: col('Original Title'),
    type: col('Title Type'),
    year: col('Year'),
  };
  if (c.rating < 0) throw new ImportError(file, 1, `expected a "Your Rating" column in this IMDb export (IMDb's ratings export, not a watchlist or list export)`);
  if (c.title < 0) throw new ImportError(file, 1, 'expected a "Title" column in this IMDb export');
  const out: ExternalRow[] = [];
  for (const { fields, line } of rows) {
    const id = fields[c.id].trim();
    const m = /^tt(\d{1,10})$/.exec(id);
    if (!m) throw new ImportError(file, line, `expected an IMDb title id like tt0114709 in "Const", found ${excerpt(id)}`);
    const r = fields[c.rating].trim();
    if (!/^(10|[1-9])$/.test(r)) throw new ImportError(file, line, `expected "Your Rating" to be a whole number from 1 to 10, found ${excerpt(r)}`);
    const title = fields[c.title].trim();
    const original = c.original >= 0 ? fields[c.original].trim() : '';
    out.push({
      line,
      title,
      originalTitle: original && original !== title ? original : null,
      year: c.year >= 0 ? parseYear(fields[c.year]) : null,
      rating: Number(r) / 2,
      fileRating: r,
      ratedAt: c.date >= 0 ? parseDate(fields[c.date]) : null,
      imdbId: Number(m[1]),
      titleType: c.type >= 0 ? fields[c.type].trim() || null : null,
    });
  }
  return { source: 'imdb', file, rows: out, skipped: [] };
}

function parseLetterboxd(file: string, col: Col, rows: Body): ExternalExport {
  const c = { name: col('Name'), year: col('Year'), rating: col('Rating'), date: col('Date') };
  if (c.rating < 0) {
    throw new ImportError(file, 1, `expected a "Rating" column (${LETTERBOXD_EXPECTED}): pick ratings.csv or diary.csv from the Letterboxd export; watched.csv has no ratings`);
  }
  const out: ExternalRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const { fields, line } of rows) {
    const title = fields[c.name].trim();
    const year = c.year >= 0 ? parseYear(fields[c.year]) : null;
    const r = fields[c.rating].trim();
    if (r === '') {
      skipped.push({ line, title, year, reason: 'no rating in the file' });
      continue;
    }
    const stars = Number(r);
    if (!/^\d(\.\d+)?$/.test(r) || !(stars >= 0.5 && stars <= 5) || stars * 2 !== Math.round(stars * 2)) {
      throw new ImportError(file, line, `expected "Rating" to be 0.5 to 5 in half stars, found ${excerpt(r)}`);
    }
    out.push({
      line,
      title,
      originalTitle: null,
      year,
      rating: stars,
      fileRating: r,
      ratedAt: c.date >= 0 ? parseDate(fields[c.date]) : null,
      imdbId: null,
      titleType: null,
    });
  }
  return { source: 'letterboxd', file, rows: out, skipped };
}
