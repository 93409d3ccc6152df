// movies.csv and links.csv (RFC 4180 text files) parsed with papaparse into typed records.
import Papa from 'papaparse';
import { CSV_OPTIONS, unifyLineBreaks } from './csvText';
import { decodeUtf8 } from './decode';
import { ImportError, excerpt } from './errors';
import { MAX_GENRE_CHARS, MAX_TITLE_CHARS } from './limits';
import { isSpace, scanSteps } from './textScan';

export { decodeUtf8 };

export interface MovieRow {
  movieId: number;
  /** Title as in the file, without the trailing "(year)". */
  title: string;
  year: number | null;
  genres: string[];
}

export interface LinkRow {
  movieId: number;
  imdbId: string | null;
  tmdbId: string | null;
}

/** Parses CSV text with a required header; returns the data rows with their 1-based line numbers. */
function parseTable(text: string, file: string, header: string[]): { fields: string[]; line: number }[] {
  if (text.trim() === '') throw new ImportError(file, undefined, `the file is empty; expected the header "${header.join(',')}"`);
  const result = Papa.parse<string[]>(unifyLineBreaks(text), CSV_OPTIONS);
  const rows = result.data;
  // Row k starts on line lineOf[k]: a quoted field holding line breaks (RFC 4180) makes its row span several lines.
  const lineOf: number[] = [];
  for (let k = 0, line = 1; k < rows.length; k++) {
    lineOf.push(line);
    line++;
    for (const f of rows[k]) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) line++;
  }
  const err = result.errors.find((e) => e.type === 'Quotes' || e.code === 'InvalidQuotes' || e.code === 'MissingQuotes');
  if (err) throw new ImportError(file, lineOf[err.row ?? 0] ?? 1, `expected a properly quoted field (${err.message})`);
  const first = rows[0].map((h) => h.trim());
  if (first.join(',') !== header.join(',')) {
    const raw = rows[0].join(',');
    const hint = first.length === 1 && /[\t;|]|::/.test(raw) ? ' (wrong separator? this file is comma separated)' : '';
    throw new ImportError(file, 1, `expected the header "${header.join(',')}", found ${excerpt(raw)}${hint}`);
  }
  const out: { fields: string[]; line: number }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const fields = rows[i];
    if (fields.length === 1 && fields[0].trim() === '') continue; // blank line, e.g. the final newline
    if (fields.length !== header.length) {
      throw new ImportError(file, lineOf[i], `expected ${header.length} fields (${header.join(',')}), found ${fields.length} in ${excerpt(fields.join(','))}`);
    }
    out.push({ fields, line: lineOf[i] });
  }
  return out;
}

function parseId(text: string, file: string, line: number, name: string): number {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) throw new ImportError(file, line, `expected a whole-number ${name}, found ${excerpt(text)}`);
  return Number(t);
}

const isDigits4 = (s: string, at: number): boolean => {
  if (at < 0) return false;
  for (let i = at; i < at + 4; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return false;
  }
  return true;
};

/** Index of the spaces before a trailing "(1995)", "(1995-2000)" or "(1995– )" and its first year; read from the end. */
function trailingYear(t: string): { at: number; year: number } | null {
  const n = t.length;
  if (n < 6 || t.charCodeAt(n - 1) !== 0x29) return null;
  const found = (open: number) => ({ at: open, year: Number(t.slice(open + 1, open + 5)) });
  if (isDigits4(t, n - 5) && t.charCodeAt(n - 6) === 0x28) return found(n - 6);
  // A range: the second year is optional, then spaces, a hyphen or en dash, spaces, the first year.
  for (const second of [true, false]) {
    let q = n - 1;
    if (second) {
      if (!isDigits4(t, q - 4)) continue;
      q -= 4;
    }
    while (q > 0 && isSpace(t.charCodeAt(q - 1))) q--;
    const dash = t.charCodeAt(q - 1);
    if (q === 0 || (dash !== 0x2d && dash !== 0x2013)) continue;
    let r = q - 1;
    while (r > 0 && isSpace(t.charCodeAt(r - 1))) r--;
    scanSteps.count += n - r;
    if (isDigits4(t, r - 4) && t.charCodeAt(r - 5) === 0x28) return found(r - 5);
  }
  return null;
}

/** Splits "Heat (1995)" into title and year; titles without a year keep year null. Linear in the title's length. */
export function splitTitle(raw: string): { title: string; year: number | null } {
  const trimmed = raw.trim();
  scanSteps.count += raw.length;
  const y = trailingYear(trimmed);
  if (!y) return { title: trimmed, year: null };
  return { title: trimmed.slice(0, y.at).trim(), year: y.year };
}

/**
 * A movie row with its title split and its genres read, held to the text limits: a title over MAX_TITLE_CHARS or a
 * genre over MAX_GENRE_CHARS is refused with its line (no release comes near: see limits.ts).
 */
export function movieRow(movieId: number, rawTitle: string, genres: string[], file: string, line: number): MovieRow {
  if (rawTitle.length > MAX_TITLE_CHARS) {
    throw new ImportError(file, line, `expected a title of at most ${MAX_TITLE_CHARS.toLocaleString('en')} characters, found one of ${rawTitle.length.toLocaleString('en')} (${excerpt(rawTitle)})`);
  }
  for (const g of genres) {
    if (g.length > MAX_GENRE_CHARS) {
      throw new ImportError(file, line, `expected genre names of at most ${MAX_GENRE_CHARS} characters, found one of ${g.length.toLocaleString('en')} (${excerpt(g)})`);
    }
  }
  return { movieId, ...splitTitle(rawTitle), genres };
}

export function parseMoviesCsv(bytes: Uint8Array, file = 'movies.csv'): MovieRow[] {
  const rows = parseTable(decodeUtf8(bytes, file), file, ['movieId', 'title', 'genres']);
  const seen = new Set<number>();
  return rows.map(({ fields, line }) => {
    const movieId = parseId(fields[0], file, line, 'movieId');
    if (seen.has(movieId)) throw new ImportError(file, line, `expected each movieId once; ${movieId} appears again`);
    seen.add(movieId);
    const g = fields[2].trim();
    return movieRow(movieId, fields[1], g === '' || g === '(no genres listed)' ? [] : g.split('|'), file, line);
  });
}

export function parseLinksCsv(bytes: Uint8Array, file = 'links.csv'): LinkRow[] {
  const rows = parseTable(decodeUtf8(bytes, file), file, ['movieId', 'imdbId', 'tmdbId']);
  return rows.map(({ fields, line }) => {
    const imdb = fields[1].trim();
    const tmdb = fields[2].trim();
    if (imdb && !/^\d+$/.test(imdb)) throw new ImportError(file, line, `expected a numeric imdbId, found ${excerpt(imdb)}`);
    if (tmdb && !/^\d+$/.test(tmdb)) throw new ImportError(file, line, `expected a numeric tmdbId, found ${excerpt(tmdb)}`);
    return { movieId: parseId(fields[0], file, line, 'movieId'), imdbId: imdb || null, tmdbId: tmdb || null };
  });
}
