// Reads a release's movie list (movies.csv + links.csv + tags.csv, u.item + u.genre, or movies.dat + tags.dat) into records.
import { parseMoviesDat, parseUGenre, parseUItem } from './legacyText';
import type { ReleaseLayout } from './release';
import { parseTagsCsv, parseTagsDat, type TagCount } from './tags';
import { parseLinksCsv, parseMoviesCsv, type LinkRow, type MovieRow } from './textCsv';

export interface MovieList {
  movies: MovieRow[];
  links: LinkRow[];
  /** Each tagged movie's most frequent tags by MovieLens movieId (empty without a tags file). */
  tags: Map<number, TagCount[]>;
  /** Notes for the dataset (tags left out for their length). */
  notes: string[];
}

/** `read` returns the whole bytes of one of the layout's (small) text files. */
export function parseMovieList(layout: ReleaseLayout, read: (path: string) => Uint8Array): MovieList {
  const m = layout.movies;
  let movies: MovieRow[];
  if (m.kind === 'movies.csv') movies = parseMoviesCsv(read(m.path), m.path);
  else if (m.kind === 'u.item') movies = parseUItem(read(m.path), m.path, layout.genres ? parseUGenre(read(layout.genres), layout.genres) : undefined);
  else movies = parseMoviesDat(read(m.path), m.path, m.encoding);
  const links = layout.links ? parseLinksCsv(read(layout.links), layout.links) : [];
  const t = layout.tags;
  const notes: string[] = [];
  const tags = !t ? new Map<number, TagCount[]>() : t.toLowerCase().endsWith('.dat') ? parseTagsDat(read(t), t, m.encoding, undefined, notes) : parseTagsCsv(read(t), t, undefined, notes);
  return { movies, links, tags, notes };
}
