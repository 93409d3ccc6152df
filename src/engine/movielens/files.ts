// Finds the MovieLens files in a zip or a set of loose files and says which release layout they are.
import { unzipSync } from 'fflate';
import { ImportError } from './errors';

export interface InputFile {
  /** Path as given (zip entry path or file name). */
  path: string;
  bytes: Uint8Array;
}

export interface MovieLensFiles {
  ratings: InputFile;
  movies: InputFile;
  links?: InputFile;
  tags?: InputFile;
  /** Human-readable notes about files that were present but not used. */
  notes: string[];
}

const WANTED = new Set(['ratings.csv', 'movies.csv', 'links.csv', 'tags.csv', 'readme.txt', 'u.data', 'u.item', 'ratings.dat', 'movies.dat']);

export function baseName(path: string): string {
  return (path.split('/').pop() ?? path).toLowerCase();
}

/** Unzips only the files PocketLens reads; a damaged archive is an ImportError naming the zip. */
export function unzipMovieLens(zipName: string, bytes: Uint8Array): InputFile[] {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportError(zipName, undefined, 'expected a zip archive (it does not start with the zip signature "PK")');
  }
  let entries: Record<string, Uint8Array>;
  const skipped: string[] = [];
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const keep = WANTED.has(baseName(f.name)) && !f.name.startsWith('__MACOSX/');
        if (!keep && !f.name.endsWith('/')) skipped.push(f.name);
        return keep;
      },
    });
  } catch (e) {
    throw new ImportError(zipName, undefined, `expected a complete zip archive; it is truncated or corrupt (${(e as Error).message})`);
  }
  const files = Object.entries(entries).map(([path, b]) => ({ path, bytes: b }));
  for (const s of skipped) files.push({ path: s, bytes: new Uint8Array(0) });
  return files;
}

/** Picks ratings/movies/links/tags out of the given files, or explains what is missing. */
export function identifyFiles(files: InputFile[], source: string): MovieLensFiles {
  const byName = new Map<string, InputFile>();
  const notes: string[] = [];
  for (const f of files) {
    const name = baseName(f.path);
    if (byName.has(name) && WANTED.has(name)) {
      throw new ImportError(source, undefined, `expected one MovieLens release, found two files named ${name}`);
    }
    byName.set(name, f);
  }
  const ratings = byName.get('ratings.csv');
  const movies = byName.get('movies.csv');
  if (!ratings || !movies) {
    const legacy = byName.has('u.data') || byName.has('ratings.dat');
    const found = files.map((f) => f.path).slice(0, 8).join(', ') || 'no files';
    throw new ImportError(
      source,
      undefined,
      legacy
        ? `this is an older MovieLens layout (ml-100k/ml-1m/ml-10m); this version reads the ml-latest layout: ratings.csv and movies.csv`
        : `expected MovieLens files ratings.csv and movies.csv (ml-latest layout); found ${found}`,
    );
  }
  for (const f of files) {
    const name = baseName(f.path);
    if (!['ratings.csv', 'movies.csv', 'links.csv', 'tags.csv', 'readme.txt'].includes(name) && !f.path.endsWith('/')) {
      notes.push(`skipped ${f.path}`);
    }
  }
  return { ratings, movies, links: byName.get('links.csv'), tags: byName.get('tags.csv'), notes };
}
