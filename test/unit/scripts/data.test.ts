// The data script's checks: a release is accepted only when every catalogued file has the right size and SHA-256.
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { findRelease } from '../../../data/catalogue';
import { DataError, obtainRelease, verifyZip } from '../../../scripts/movielens-cache';
import { sampleZipPath } from '../../sample';

const small = findRelease('ml-latest-small')!;

describe('verifyZip', () => {
  test('rejects a zip with a changed, a missing or no file, naming each problem', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const problems = verifyZip(small, zipSync({ 'ml-latest-small/ratings.csv': enc('userId,movieId,rating,timestamp\n1,1,4,1\n') }));
    expect(problems).toContain('ratings.csv: 40 bytes, expected 2483723');
    expect(problems.find((p) => p.startsWith('ratings.csv: SHA-256'))).toMatch(/expected aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646$/);
    expect(problems).toContain('movies.csv: missing');
    expect(verifyZip(small, enc('not a zip'))[0]).toMatch(/^not a readable zip/);
  });

  test.runIf(sampleZipPath)('accepts the real sample, and notices a single flipped byte', () => {
    const zip = new Uint8Array(readFileSync(sampleZipPath!));
    expect(verifyZip(small, zip)).toEqual([]);
    const files = unzipSync(zip);
    const movies = files['ml-latest-small/movies.csv'];
    movies[100] ^= 1;
    expect(verifyZip(small, zipSync(files))).toEqual([expect.stringMatching(/^movies\.csv: SHA-256 [0-9a-f]{64}, expected 5a5f32dd/)]);
  });
});

test('an unknown release name is refused with the list of known ones', async () => {
  await expect(obtainRelease('ml-999m')).rejects.toThrow(new DataError('unknown release "ml-999m"; known: ml-latest-small, ml-100k, ml-1m, ml-10m, ml-20m, ml-25m, ml-32m'));
});
