// Says which MovieLens release a set of file names is (ml-latest family, ml-100k, ml-1m, ml-10m) and which file plays which part.
import { ImportError } from './errors';
import type { RatingsFormat } from './ratingsParser';
import type { TextEncoding } from './decode';

/** csv: ml-latest, ml-latest-small, ml-20m, ml-25m, ml-32m; u.data: ml-100k; dat: ml-1m and ml-10m. */
export type LayoutKind = 'csv' | 'u.data' | 'dat';

export interface ReleaseLayout {
  layout: LayoutKind;
  /** What the files look like: "ml-latest", "ml-100k", "ml-1m", "ml-10m" or "ml-1m or ml-10m". */
  release: string;
  ratings: { path: string; format: RatingsFormat };
  movies: { path: string; kind: 'movies.csv' | 'u.item' | 'movies.dat'; encoding: TextEncoding };
  links?: string;
  /** ml-100k u.genre: names of the genre flags in u.item. */
  genres?: string;
  /** tags.csv (csv layout) or tags.dat (ml-10m): each movie's most frequent tags. */
  tags?: string;
  /** Files present but not read, as notes for the person. */
  notes: string[];
}

/** Base names (lower case) PocketLens reads. */
export const READ_NAMES = new Set(['ratings.csv', 'movies.csv', 'links.csv', 'tags.csv', 'u.data', 'u.item', 'u.genre', 'ratings.dat', 'movies.dat', 'tags.dat']);

/** Files that come with the releases and need no note when left out. */
const QUIET = /^(readme(\.txt|\.html|\.md)?|license(\.txt)?|u\.user|users\.dat|\.ds_store)$/;

export function baseName(path: string): string {
  return (path.split('/').pop() ?? path).toLowerCase();
}

function topFolder(paths: string[]): string | undefined {
  return paths.find((p) => p.includes('/'))?.split('/')[0];
}

const EXPECTED =
  'a MovieLens release: ratings.csv + movies.csv (ml-latest, ml-20m, ml-25m, ml-32m), ratings.dat + movies.dat (ml-1m, ml-10m) or u.data + u.item (ml-100k)';

/** Decides the layout from file names alone (contents are checked by the parsers: headers, separators). */
export function detectRelease(paths: string[], source: string): ReleaseLayout {
  const files = paths.filter((p) => !p.endsWith('/') && !p.startsWith('__MACOSX/') && !baseName(p).startsWith('._'));
  const byName = new Map<string, string>();
  for (const p of files) {
    const name = baseName(p);
    if (READ_NAMES.has(name) && byName.has(name)) throw new ImportError(source, undefined, `expected one MovieLens release, found two files named ${name}`);
    byName.set(name, p);
  }
  const has = (n: string) => byName.has(n);
  const complete: LayoutKind[] = [];
  if (has('ratings.csv') && has('movies.csv')) complete.push('csv');
  if (has('u.data') && has('u.item')) complete.push('u.data');
  if (has('ratings.dat') && has('movies.dat')) complete.push('dat');
  if (complete.length > 1) throw new ImportError(source, undefined, `expected one MovieLens release, found the files of two (${complete.join(' and ')} layouts)`);
  if (complete.length === 0) {
    for (const [a, b] of [
      ['ratings.csv', 'movies.csv'],
      ['u.data', 'u.item'],
      ['ratings.dat', 'movies.dat'],
    ]) {
      if (has(a) !== has(b)) throw new ImportError(source, undefined, `expected ${has(a) ? b : a} beside ${has(a) ? a : b}`);
    }
    const found = files.slice(0, 8).join(', ') || 'no files';
    throw new ImportError(source, undefined, `expected ${EXPECTED}; found ${found}`);
  }
  const layout = complete[0];
  const used = new Set<string>();
  const take = (n: string): string => {
    const p = byName.get(n)!;
    used.add(p);
    return p;
  };
  let result: Omit<ReleaseLayout, 'notes'>;
  if (layout === 'csv') {
    result = {
      layout,
      release: 'ml-latest',
      ratings: { path: take('ratings.csv'), format: 'csv' },
      movies: { path: take('movies.csv'), kind: 'movies.csv', encoding: 'utf-8' },
      links: has('links.csv') ? take('links.csv') : undefined,
      tags: has('tags.csv') ? take('tags.csv') : undefined,
    };
  } else if (layout === 'u.data') {
    result = {
      layout,
      release: 'ml-100k',
      ratings: { path: take('u.data'), format: 'tab' },
      movies: { path: take('u.item'), kind: 'u.item', encoding: 'latin1' },
      genres: has('u.genre') ? take('u.genre') : undefined,
    };
  } else {
    // ml-1m ships users.dat and an ISO-8859-1 movies.dat; ml-10m ships tags.dat and a UTF-8 one.
    const folder = topFolder(files)?.toLowerCase() ?? '';
    const is1m = has('users.dat') || folder === 'ml-1m';
    const is10m = has('tags.dat') || folder.startsWith('ml-10m');
    const release = is1m && !is10m ? 'ml-1m' : is10m && !is1m ? 'ml-10m' : 'ml-1m or ml-10m';
    result = {
      layout,
      release,
      ratings: { path: take('ratings.dat'), format: 'dat' },
      movies: { path: take('movies.dat'), kind: 'movies.dat', encoding: release === 'ml-1m' ? 'latin1' : release === 'ml-10m' ? 'utf-8' : 'auto' },
      tags: has('tags.dat') ? take('tags.dat') : undefined,
    };
  }
  const notes: string[] = [];
  if (layout === 'u.data' && !result.genres) notes.push('u.genre not found: genre flags named as in the ml-100k README');
  const other = files.filter((p) => !used.has(p) && !QUIET.test(baseName(p)));
  if (other.length > 5) notes.push(`skipped ${other.length} files not used by PocketLens: ${other.slice(0, 5).join(', ')}, …`);
  else for (const s of other) notes.push(`skipped ${s}`);
  return { ...result, notes };
}
