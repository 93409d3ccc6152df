// Writes rating columns as MovieLens ml-latest CSV text (ratings, movies, links): for synthetic test releases.
import type { RatingColumns } from '../types';

const GENRES = ['Action', 'Adventure', 'Animation', 'Children', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western'];

/** MovieLens movieId for dense item i: sparse like the real releases. */
export const synthMovieId = (i: number): number => i * 3 + 1;

export const MOVIES_HEADER = 'movieId,title,genres';
export const LINKS_HEADER = 'movieId,imdbId,tmdbId';

/** The movies.csv line of synthetic movie i: a quoted title with a comma (RFC 4180), a year and one or two genres. */
export function synthMovieLine(i: number): string {
  const g = [GENRES[i % GENRES.length], GENRES[(i * 7 + 3) % GENRES.length]].filter((x, j, a) => a.indexOf(x) === j);
  return `${synthMovieId(i)},"Synthetic Movie ${i + 1}, The (${1950 + (i % 70)})",${g.join('|')}`;
}

/** The links.csv line of synthetic movie i: zero-padded imdbId, numeric tmdbId. */
export function synthLinkLine(i: number): string {
  return `${synthMovieId(i)},${String(1_000_000 + i).padStart(7, '0')},${i + 10}`;
}

export interface SynthRelease {
  'ratings.csv': string;
  'movies.csv': string;
  'links.csv': string;
}

/** Ratings are rounded to half stars within 0.5–5; users become 1-based ids; CRLF line endings like GroupLens. */
export function writeRelease(cols: RatingColumns, nItems: number, startTime = 1_100_000_000): SynthRelease {
  const ratings: string[] = ['userId,movieId,rating,timestamp'];
  for (let k = 0; k < cols.length; k++) {
    const r = Math.min(5, Math.max(0.5, Math.round(cols.ratings[k] * 2) / 2));
    ratings.push(`${cols.users[k] + 1},${synthMovieId(cols.items[k])},${r.toFixed(1)},${startTime + k * 37}`);
  }
  const movies: string[] = [MOVIES_HEADER];
  const links: string[] = [LINKS_HEADER];
  for (let i = 0; i < nItems; i++) {
    movies.push(synthMovieLine(i));
    links.push(synthLinkLine(i));
  }
  return { 'ratings.csv': ratings.join('\r\n') + '\r\n', 'movies.csv': movies.join('\r\n') + '\r\n', 'links.csv': links.join('\r\n') + '\r\n' };
}
