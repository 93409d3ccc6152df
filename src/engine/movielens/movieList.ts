// Reads a release's movie list (movies.csv + links.csv, u.item + u.genre, or movies.dat) into MovieRow/LinkRow records.
import { parseMoviesDat, parseUGenre, parseUItem } from './legacyText';
import type { ReleaseLayout } from './release';
import { parseLinksCsv, parseMoviesCsv, type LinkRow, type MovieRow } from './textCsv';

export interface MovieList {
  movies: MovieRow[];
  links: LinkRow[];
}

/** `read` returns the whole bytes of one of the layout's (small) text files. */
export function parseMovieList(layout: ReleaseLayout, read: (path: string) => Uint8Array): MovieList {
  const m = layout.movies;
  let movies: MovieRow[];
  if (m.kind === 'movies.csv') movies = parseMoviesCsv(read(m.path), m.path);
  else if (m.kind === 'u.item') movies = parseUItem(read(m.path), m.path, layout.genres ? parseUGenre(read(layout.genres), layout.genres) : undefined);
  else movies = parseMoviesDat(read(m.path), m.path, m.encoding);
  const links = layout.links ? parseLinksCsv(read(layout.links), layout.links) : [];
  return { movies, links };
}
