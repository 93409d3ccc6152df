// Whole-file inputs: unzip a MovieLens zip in memory and pair its files with their parts (small releases, CLI, tests).
import { unzipSync } from 'fflate';
import { ImportError } from './errors';
import { READ_NAMES, baseName, detectRelease, type ReleaseLayout } from './release';

export { baseName };

export interface InputFile {
  /** Path as given (zip entry path or file name). */
  path: string;
  bytes: Uint8Array;
}

export interface MovieLensFiles {
  layout: ReleaseLayout;
  ratings: InputFile;
  movies: InputFile;
  links?: InputFile;
  /** ml-100k u.genre. */
  genres?: InputFile;
  /** tags.csv or ml-10m tags.dat. */
  tags?: InputFile;
  /** Human-readable notes about files that were present but not used. */
  notes: string[];
}

/** Unzips only the files PocketLens reads (others are listed with no bytes); a damaged archive is an ImportError naming the zip. */
export function unzipMovieLens(zipName: string, bytes: Uint8Array): InputFile[] {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportError(zipName, undefined, 'expected a zip archive (it does not start with the zip signature "PK")');
  }
  let entries: Record<string, Uint8Array>;
  const skipped: string[] = [];
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const keep = READ_NAMES.has(baseName(f.name)) && !f.name.startsWith('__MACOSX/');
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

/** Detects the release and picks its files, or explains what is missing. */
export function identifyFiles(files: InputFile[], source: string): MovieLensFiles {
  const layout = detectRelease(
    files.map((f) => f.path),
    source,
  );
  const get = (path: string): InputFile => files.find((f) => f.path === path)!;
  return {
    layout,
    ratings: get(layout.ratings.path),
    movies: get(layout.movies.path),
    links: layout.links ? get(layout.links) : undefined,
    genres: layout.genres ? get(layout.genres) : undefined,
    tags: layout.tags ? get(layout.tags) : undefined,
    notes: layout.notes,
  };
}
