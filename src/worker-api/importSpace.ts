// How much storage an import will take, estimated from the file sizes (a zip's uncompressed entry sizes) before anything is written.
import { READ_NAMES, baseName } from '../engine/movielens/release';
import type { ByteSource } from '../engine/movielens/source';
import { readZipDirectory } from '../engine/movielens/zipReader';

const RATINGS = new Set(['ratings.csv', 'u.data', 'ratings.dat']);

/**
 * Stored bytes per byte of ratings text: schema v3 keeps about 2.5 bytes a row for training plus 4 of timestamp,
 * against 21–28 bytes a line, so 0.4 is a cautious bound (Chromium compresses below it: test/e2e/quota.test.ts
 * prints the measured ratio). Movie lists become columnar blocks with their tags, about their text's size.
 */
export const RATINGS_FACTOR = 0.4;
export const MOVIES_FACTOR = 2;
/** Bookkeeping every import writes whatever its size (dataset record, per-movie columns, metadata). */
const BASE_BYTES = 64 * 1024;

function add(sizes: { ratings: number; other: number }, path: string, size: number): void {
  const name = baseName(path);
  if (path.startsWith('__MACOSX/') || name.startsWith('._') || !READ_NAMES.has(name)) return;
  if (RATINGS.has(name)) sizes.ratings += size;
  else sizes.other += size;
}

/** Uncompressed bytes of the files the import will read: ratings and the rest (movies, links, genres). */
export async function importTextSizes(sources: ByteSource[]): Promise<{ ratings: number; other: number }> {
  const sizes = { ratings: 0, other: 0 };
  for (const src of sources) {
    if (src.name.toLowerCase().endsWith('.zip')) {
      // A damaged zip is refused by the import itself with the precise reason; here it only counts as its size.
      const entries = await readZipDirectory(src).catch(() => null);
      if (entries) for (const e of entries) add(sizes, e.path, e.size);
      else sizes.ratings += src.size;
    } else add(sizes, src.name, src.size);
  }
  return sizes;
}

/** Estimated bytes the import adds to IndexedDB. */
export async function estimateImportBytes(sources: ByteSource[]): Promise<number> {
  const s = await importTextSizes(sources);
  return Math.round(BASE_BYTES + s.ratings * RATINGS_FACTOR + s.other * MOVIES_FACTOR);
}

/** Bytes a stored model of `items` movies at `rank` takes: the item factors and biases (Float32) plus its record. */
export function modelBytes(items: number, rank: number): number {
  return BASE_BYTES + items * (rank + 1) * 4;
}
