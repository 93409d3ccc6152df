// Locates the real ml-latest-small zip for tests: $MOVIELENS_DIR, the data cache, or the workplace's shared folder.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const root = resolve(import.meta.dirname, '..');

export const sampleZipPath: string | undefined = [
  process.env.MOVIELENS_DIR && join(process.env.MOVIELENS_DIR, 'ml-latest-small.zip'),
  join(root, '.cache', 'movielens', 'ml-latest-small.zip'),
  join(root, '..', 'shared', 'data', 'movielens', 'ml-latest-small.zip'),
].find((p): p is string => !!p && existsSync(p));

/**
 * The sample's files by base name (ratings.csv, movies.csv, …). Call it inside a test or a hook of a suite gated on
 * sampleZipPath (`describe.runIf(sampleZipPath)`), never in a describe body: a skipped suite's body still runs.
 */
export function sampleFiles(): Record<string, Uint8Array> {
  if (!sampleZipPath) throw new Error('ml-latest-small.zip was not found ($MOVIELENS_DIR, .cache/movielens, ../shared/data/movielens): gate this test on sampleZipPath');
  const out: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(sampleZipPath!))))) {
    out[path.split('/').pop()!] = bytes;
  }
  return out;
}
