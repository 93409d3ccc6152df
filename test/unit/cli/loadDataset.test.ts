// The CLI reads releases through the app's streaming import: the same CRC check, method names, limits and messages, and the same data as the in-memory path.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadDataset } from '../../../src/cli/loadDataset';
import { buildDataset } from '../../../src/engine/movielens/dataset';
import { ImportError } from '../../../src/engine/movielens/errors';
import { identifyFiles, unzipMovieLens } from '../../../src/engine/movielens/files';
import { importRelease } from '../../../src/engine/movielens/importRelease';
import { memorySource } from '../../../src/engine/movielens/source';
import { zipBombBytes } from '../../bombs';
import { sampleZipPath } from '../../sample';

const dir = mkdtempSync(join(tmpdir(), 'pocketlens-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bad = (f: string) => new URL(`../../fixtures/bad/${f}`, import.meta.url).pathname;

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('cli loadDataset', () => {
  test('a zip whose ratings.csv fails its CRC-32 is refused (the CLI used to train on it)', async () => {
    expect((await refusal(loadDataset(bad('zip-wrong-crc.zip')))).message).toBe(
      'zip-wrong-crc.zip: expected a complete zip archive; it is truncated or corrupt (tiny/ratings.csv fails its CRC-32 check)',
    );
  });

  test('an LZMA entry is named exactly as the app names it', async () => {
    const zip = zipBombBytes([
      { path: 'ml/movies.csv', text: 'movieId,title,genres\n1,Heat (1995),Action\n' },
      { path: 'ml/ratings.csv', text: 'userId,movieId,rating,timestamp\n1,1,4.0,1\n', method: 14 },
    ]);
    const path = join(dir, 'lzma.zip');
    writeFileSync(path, zip);
    const cli = await refusal(loadDataset(path));
    const app = await refusal(importRelease([memorySource('lzma.zip', zip)], 'lzma.zip', { put: async () => {}, get: async () => Promise.reject(new Error('unused')) }));
    expect(cli.message).toBe(app.message);
    expect(cli.message).toMatch(/^lzma\.zip: ml\/ratings\.csv uses LZMA compression \(zip method 14\); expected stored or deflate entries/);
  });

  test('a 1 GiB movies.csv is refused by its size, not as "not valid UTF-8"', async () => {
    const folder = mkdtempSync(join(dir, 'big-'));
    closeSync(openSync(join(folder, 'movies.csv'), 'w'));
    truncateSync(join(folder, 'movies.csv'), 2 ** 30); // sparse: nothing is written, nothing should be read
    writeFileSync(join(folder, 'ratings.csv'), 'userId,movieId,rating,timestamp\n1,1,4.0,1\n');
    expect((await refusal(loadDataset(folder))).message).toMatch(/^movies\.csv: the file is 1\.0 GiB \(1,073,741,824 bytes\); PocketLens reads movie lists and links files up to 64 MiB/);
  });

  test.skipIf(!sampleZipPath)('ml-latest-small: the same movies, people and ratings as the in-memory path', async () => {
    const streamed = await loadDataset(sampleZipPath!);
    const whole = buildDataset(identifyFiles(unzipMovieLens('ml-latest-small.zip', new Uint8Array(readFileSync(sampleZipPath!))), 'ml-latest-small.zip'));
    expect(streamed.stats).toEqual(whole.stats);
    expect(streamed.stats).toMatchObject({ ratings: 100_836, users: 610, movies: 9_742 });
    expect(streamed.movies).toEqual(whole.movies);
    expect(streamed.ratings).toEqual(whole.ratings);
  });
});
