// Movie lists of the older releases: ml-100k u.item (+ u.genre) and ml-1m/ml-10m movies.dat, into the same MovieRow shape.
import { decodeLatin1, decodeText, type TextEncoding } from './decode';
import { ImportError, excerpt } from './errors';
import { movieRow, type MovieRow } from './textCsv';

/** The 19 ml-100k genres in flag order, as its README lists them: used when u.genre is not given. */
export const ML100K_GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
];

/** Non-blank lines with their 1-based line numbers (LF or CRLF). */
function lines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (t.trim() !== '') out.push({ text: t, line: i + 1 });
  });
  return out;
}

function wholeNumber(text: string, file: string, line: number, what: string, row: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new ImportError(file, line, `expected a whole-number ${what}, found ${excerpt(text)} in ${excerpt(row)}`);
  return Number(text.trim());
}

function separatorHint(row: string, sep: string, file: string): string {
  return row.includes(sep) ? '' : ` (wrong separator? ${file.split('/').pop()} is "${sep}" separated)`;
}

/** u.genre: "name|index" lines; returns the names in index order. */
export function parseUGenre(bytes: Uint8Array, file = 'u.genre'): string[] {
  const rows = lines(decodeLatin1(bytes));
  if (rows.length === 0) throw new ImportError(file, undefined, 'the file is empty; expected lines of genre|index, such as "Action|1"');
  const names: string[] = [];
  for (const { text, line } of rows) {
    const f = text.split('|');
    if (f.length !== 2) throw new ImportError(file, line, `expected 2 fields (genre|index), found ${f.length} in ${excerpt(text)}${separatorHint(text, '|', file)}`);
    const index = wholeNumber(f[1], file, line, 'genre index', text);
    if (index !== names.length) throw new ImportError(file, line, `expected genre index ${names.length}, found ${index}`);
    names.push(f[0].trim());
  }
  return names;
}

/**
 * u.item (ISO-8859-1): movie id | title | release date | video release date | IMDb URL | one 0/1 flag per genre.
 * The "unknown" genre counts as no genre, like ml-latest's "(no genres listed)".
 */
export function parseUItem(bytes: Uint8Array, file = 'u.item', genres: string[] = ML100K_GENRES): MovieRow[] {
  const rows = lines(decodeLatin1(bytes));
  if (rows.length === 0) throw new ImportError(file, undefined, 'the file is empty; expected lines of movie id|title|release date|video release date|IMDb URL|genre flags');
  const want = 5 + genres.length;
  const seen = new Set<number>();
  return rows.map(({ text, line }) => {
    const f = text.split('|');
    if (f.length !== want) {
      throw new ImportError(
        file,
        line,
        `expected ${want} "|"-separated fields (movie id, title, release date, video release date, IMDb URL, ${genres.length} genre flags), found ${f.length} in ${excerpt(text)}${separatorHint(text, '|', file)}`,
      );
    }
    const movieId = wholeNumber(f[0], file, line, 'movie id as field 1', text);
    if (seen.has(movieId)) throw new ImportError(file, line, `expected each movie id once; ${movieId} appears again`);
    seen.add(movieId);
    const names: string[] = [];
    for (let g = 0; g < genres.length; g++) {
      const flag = f[5 + g];
      if (flag !== '0' && flag !== '1') throw new ImportError(file, line, `expected genre flag ${g + 1} (${genres[g]}) to be 0 or 1, found ${excerpt(flag)}`);
      if (flag === '1' && genres[g] !== 'unknown') names.push(genres[g]);
    }
    return movieRow(movieId, f[1], names, file, line);
  });
}

/** movies.dat (ml-1m: ISO-8859-1, ml-10m: UTF-8): MovieID::Title::Genres. */
export function parseMoviesDat(bytes: Uint8Array, file = 'movies.dat', encoding: TextEncoding = 'auto'): MovieRow[] {
  const rows = lines(decodeText(bytes, file, encoding));
  if (rows.length === 0) throw new ImportError(file, undefined, 'the file is empty; expected lines of MovieID::Title::Genres');
  const seen = new Set<number>();
  return rows.map(({ text, line }) => {
    const f = text.split('::');
    if (f.length !== 3) {
      throw new ImportError(file, line, `expected 3 "::"-separated fields (MovieID::Title::Genres), found ${f.length} in ${excerpt(text)}${separatorHint(text, '::', file)}`);
    }
    const movieId = wholeNumber(f[0], file, line, 'MovieID as field 1', text);
    if (seen.has(movieId)) throw new ImportError(file, line, `expected each MovieID once; ${movieId} appears again`);
    seen.add(movieId);
    const g = f[2].trim();
    return movieRow(movieId, f[1], g === '' || g === '(no genres listed)' ? [] : g.split('|'), file, line);
  });
}
