// Reads a person's ratings exported from IMDb (ratings.csv), Letterboxd (ratings.csv / diary.csv) or in Letterboxd's import layout into half-star rows.
import Papa from 'papaparse';
import { CSV_OPTIONS, unifyLineBreaks } from './movielens/csvText';
import { ImportError, excerpt } from './movielens/errors';
import { unguardFormula } from './csvCell';

/**
 * 'letterboxd-import': a CSV in the layout Letterboxd's importer reads (Title, Year, imdbID, tmdbID, Rating and/or
 * Rating10, WatchedDate), as PocketLens's own export writes it.
 */
export type ExternalSource = 'imdb' | 'letterboxd' | 'letterboxd-import';

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
  /** IMDb's numeric title id (tt0114709 → 114709); null for Letterboxd's own export. */
  imdbId: number | null;
  /** TMDB's movie id, from a file in Letterboxd's import layout; null otherwise. */
  tmdbId: number | null;
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

export const SOURCE_NAMES: Record<ExternalSource, string> = { imdb: 'IMDb', letterboxd: 'Letterboxd', 'letterboxd-import': 'Letterboxd import CSV' };

const IMDB_EXPECTED = 'Const,Your Rating,Date Rated,Title,…';
const LETTERBOXD_EXPECTED = 'Date,Name,Year,Letterboxd URI,Rating';
const IMPORT_LAYOUT_EXPECTED = 'Title,Year,imdbID,tmdbID,Rating,…';

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
  if (col('Title') >= 0 && (col('imdbID') >= 0 || col('tmdbID') >= 0)) return parseImportLayout(file, col, rows);
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
      tmdbId: null,
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
      tmdbId: null,
      titleType: null,
    });
  }
  return { source: 'letterboxd', file, rows: out, skipped };
}

/**
 * Letterboxd's import layout (PocketLens's "travels" export): ids as tt0114709 and 862, stars in Rating (0.5–5)
 * and/or Rating10 (1–10; both present must agree), titles with the formula guard the export adds taken off again.
 */
function parseImportLayout(file: string, col: Col, rows: Body): ExternalExport {
  const c = { title: col('Title'), year: col('Year'), imdb: col('imdbID'), tmdb: col('tmdbID'), rating: col('Rating'), rating10: col('Rating10'), date: col('WatchedDate') };
  if (c.rating < 0 && c.rating10 < 0) throw new ImportError(file, 1, `expected a "Rating" (0.5–5) or "Rating10" (1–10) column (${IMPORT_LAYOUT_EXPECTED})`);
  const out: ExternalRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const { fields, line } of rows) {
    const title = unguardFormula(fields[c.title].trim());
    const year = c.year >= 0 ? parseYear(fields[c.year]) : null;
    const imdb = c.imdb >= 0 ? fields[c.imdb].trim() : '';
    const im = /^tt(\d{1,10})$/.exec(imdb);
    if (imdb && !im) throw new ImportError(file, line, `expected an IMDb title id like tt0114709 in "imdbID", found ${excerpt(imdb)}`);
    const tmdb = c.tmdb >= 0 ? fields[c.tmdb].trim() : '';
    if (tmdb && !/^\d{1,10}$/.test(tmdb)) throw new ImportError(file, line, `expected a TMDB id (a whole number) in "tmdbID", found ${excerpt(tmdb)}`);
    const r5 = c.rating >= 0 ? fields[c.rating].trim() : '';
    const r10 = c.rating10 >= 0 ? fields[c.rating10].trim() : '';
    if (r5 !== '') {
      const stars = Number(r5);
      if (!/^\d(\.\d+)?$/.test(r5) || !(stars >= 0.5 && stars <= 5) || stars * 2 !== Math.round(stars * 2)) {
        throw new ImportError(file, line, `expected "Rating" to be 0.5 to 5 in half stars, found ${excerpt(r5)}`);
      }
    }
    if (r10 !== '' && !/^(10|[1-9])$/.test(r10)) throw new ImportError(file, line, `expected "Rating10" to be a whole number from 1 to 10, found ${excerpt(r10)}`);
    if (r5 !== '' && r10 !== '' && Number(r5) * 2 !== Number(r10)) {
      throw new ImportError(file, line, `expected "Rating" and "Rating10" to agree (Rating10 = 2 × Rating), found ${r5} and ${r10}`);
    }
    if (r5 === '' && r10 === '') {
      skipped.push({ line, title, year, reason: 'no rating in the file' });
      continue;
    }
    out.push({
      line,
      title,
      originalTitle: null,
      year,
      rating: r5 !== '' ? Number(r5) : Number(r10) / 2,
      fileRating: r5 !== '' ? r5 : `${r10}/10`,
      ratedAt: c.date >= 0 ? parseDate(fields[c.date]) : null,
      imdbId: im ? Number(im[1]) : null,
      tmdbId: tmdb ? Number(tmdb) : null,
      titleType: null,
    });
  }
  return { source: 'letterboxd-import', file, rows: out, skipped };
}
