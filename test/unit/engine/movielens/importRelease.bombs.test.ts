// Zip bombs and oversized files (generated here, never committed) are refused early, naming the file, the limit and the size seen, with nothing stored and little read.
import { describe, expect, test } from 'vitest';
import { importRelease, type ChunkStore } from '../../../../src/engine/movielens/importRelease';
import { ImportError } from '../../../../src/engine/movielens/errors';
import type { ByteSource } from '../../../../src/engine/movielens/source';
import { memorySource } from '../../../../src/engine/movielens/source';
import type { Inflater } from '../../../../src/engine/movielens/zipReader';
import { GiB, countingSource, repeatedSource, zipBombBytes, type BombEntry } from '../../../bombs';

const MiB = 1 << 20;
const A = 65;
const NL = 10;
const MOVIES_HEADER = 'movieId,title,genres\n';
const RATINGS_HEADER = 'userId,movieId,rating,timestamp\n';
const ratings: BombEntry = { path: 'ml/ratings.csv', text: `${RATINGS_HEADER}1,1,4.0,964982703\n` };
const movies: BombEntry = { path: 'ml/movies.csv', text: `${MOVIES_HEADER}1,Toy Story (1995),Animation\n` };

/** Imports into a store that records every write; returns the refusal and what was written. */
async function refusal(sources: ByteSource[], inflater?: Inflater): Promise<{ error: ImportError; puts: number }> {
  let puts = 0;
  const store: ChunkStore = {
    put: async () => void puts++,
    get: async () => {
      throw new Error('nothing should be read back');
    },
  };
  const error = await importRelease(sources, 'bomb', store, { inflater }).then(
    () => {
      throw new Error('expected the import to be refused');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return { error: error as ImportError, puts };
}

describe('zip bombs', () => {
  test('a 3 GiB movies.csv (3 MB zip) is refused from its declared size before any of it is inflated', async () => {
    const zip = countingSource('bomb.zip', zipBombBytes([ratings, { path: 'ml/movies.csv', fill: A, size: 3 * GiB }]));
    expect(zip.size).toBeLessThan(4 * MiB);
    const { error, puts } = await refusal([zip]);
    expect(error.message).toBe(
      "ml/movies.csv: the file is 3.0 GiB (3,221,225,472 bytes); PocketLens reads movie lists and links files up to 64 MiB (ml-32m's movies.csv is about 4 MB, its longest line a few hundred bytes)",
    );
    expect(puts).toBe(0);
    expect(zip.bytesRead).toBeLessThan(80 * 1024); // the central directory, nothing more
  });

  test('a ratings.csv of 3 GiB of newlines is refused from its declared size', async () => {
    const zip = countingSource('bomb.zip', zipBombBytes([movies, { path: 'ml/ratings.csv', fill: NL, size: 3 * GiB, prefix: RATINGS_HEADER }]));
    const { error, puts } = await refusal([zip]);
    expect(error.message).toMatch(/^ml\/ratings\.csv: the file is 3\.0 GiB \(3,221,225,504 bytes\); PocketLens reads ratings files up to 2\.0 GiB \(ml-32m's ratings\.csv is about 877 MB/);
    expect(puts).toBe(0);
  });

  describe.each(['native', 'fflate'] as const)('declaring less than they hold (%s inflater)', (inflater) => {
    test('one 3 GiB line of "A" declared as 60 MiB: refused at the 64 KiB line ceiling, the ratio or the declared size, whichever the inflater reaches first', async () => {
      const zip = countingSource('liar.zip', zipBombBytes([ratings, { path: 'ml/movies.csv', fill: A, size: 3 * GiB, prefix: MOVIES_HEADER, declaredSize: 60 * MiB }]));
      const { error, puts } = await refusal([zip], inflater);
      expect(error.message).toMatch(
        /^(ml\/movies\.csv, line 2: expected lines of at most 64 KiB; this one runs past 64 KiB without a line break|liar\.zip: ml\/movies\.csv inflates to more than 64 times its compressed size|liar\.zip: expected a complete zip archive; it is truncated or corrupt \(ml\/movies\.csv should hold 62914560 bytes, found more)/,
      );
      expect(puts).toBe(0);
    });

    test('3 GiB of newlines declared as 1.5 GiB: refused once the output passes 64 times the input', async () => {
      const zip = countingSource('liar.zip', zipBombBytes([movies, { path: 'ml/ratings.csv', fill: NL, size: 3 * GiB, prefix: RATINGS_HEADER, declaredSize: 1.5 * GiB }]));
      const { error, puts } = await refusal([zip], inflater);
      expect(error.file).toBe('liar.zip');
      expect(error.problem).toMatch(/^ml\/ratings\.csv inflates to more than 64 times its compressed size \([\d.]+ MiB from [\d.]+ (KiB|MiB) so far\); real MovieLens files compress about 3–6 : 1, so this looks like a zip bomb and was not read further$/);
      expect(puts).toBe(0);
    });

    test('declared 1 MiB, holds 3 GiB: refused as soon as it inflates past the declared size', async () => {
      const zip = countingSource('liar.zip', zipBombBytes([movies, { path: 'ml/ratings.csv', fill: NL, size: 3 * GiB, prefix: RATINGS_HEADER, declaredSize: MiB }]));
      const { error, puts } = await refusal([zip], inflater);
      expect(error.problem).toMatch(/^expected a complete zip archive; it is truncated or corrupt \(ml\/ratings\.csv should hold 1048576 bytes, found more \(\d+ so far\)\)$/);
      expect(puts).toBe(0);
    });
  });
});

test('a one-line movies.csv stored (not deflated) in a zip is refused at the line ceiling, line 2', async () => {
  const zip = memorySource('stored.zip', zipBombBytes([ratings, { path: 'ml/movies.csv', text: `${MOVIES_HEADER}${'A'.repeat(3 * MiB)}`, method: 0 }]));
  const { error } = await refusal([zip]);
  expect(error.message).toBe("ml/movies.csv, line 2: expected lines of at most 64 KiB; this one runs past 64 KiB without a line break (ml-32m's movies.csv is about 4 MB, its longest line a few hundred bytes)");
});

describe('oversized loose files', () => {
  test('a 1 GiB one-line movies.csv is refused by its size, nothing of it read', async () => {
    const big = repeatedSource('movies.csv', A, GiB);
    const { error, puts } = await refusal([big, memorySource('ratings.csv', new TextEncoder().encode(`${RATINGS_HEADER}1,1,4.0,1\n`))]);
    expect(error.message).toMatch(/^movies\.csv: the file is 1\.0 GiB \(1,073,741,824 bytes\); PocketLens reads movie lists and links files up to 64 MiB/);
    expect(big.bytesRead).toBe(0);
    expect(puts).toBe(0);
  });

  test('a 60 MiB one-line movies.csv (under the size ceiling) is refused at its first 64 KiB without a line break', async () => {
    const big = repeatedSource('movies.csv', A, 60 * MiB, MOVIES_HEADER);
    const { error } = await refusal([big, memorySource('ratings.csv', new TextEncoder().encode(`${RATINGS_HEADER}1,1,4.0,1\n`))]);
    expect({ file: error.file, line: error.line }).toEqual({ file: 'movies.csv', line: 2 });
    expect(big.bytesRead).toBeLessThanOrEqual(20 * MiB); // the first 4 MiB slice and its read-ahead of four more
  });

  test('a 3 GiB ratings.csv of newlines is refused by its size; a 1 MiB line of digits at its line ceiling', async () => {
    const movieList = memorySource('movies.csv', new TextEncoder().encode(`${MOVIES_HEADER}1,Heat (1995),Action\n`));
    const newlines = repeatedSource('ratings.csv', NL, 3 * GiB, RATINGS_HEADER);
    expect((await refusal([movieList, newlines])).error.message).toMatch(/^ratings\.csv: the file is 3\.0 GiB/);
    expect(newlines.bytesRead).toBe(0);
    const digits = repeatedSource('ratings.csv', 0x31, MiB, RATINGS_HEADER);
    const { error } = await refusal([movieList, digits]);
    expect({ file: error.file, line: error.line }).toEqual({ file: 'ratings.csv', line: 2 });
    expect(error.problem).toBe("expected lines of at most 1 KiB; this one runs past 1 KiB without a line break (ml-32m's ratings.csv is about 877 MB, its lines under 40 bytes)");
  });
});

describe('encodings and compression methods are named', () => {
  test('an LZMA entry (zip method 14) says which method and what to do', async () => {
    const zip = memorySource('lzma.zip', zipBombBytes([movies, { ...ratings, method: 14 }]));
    const { error } = await refusal([zip]);
    expect(error.message).toBe(
      'lzma.zip: ml/ratings.csv uses LZMA compression (zip method 14); expected stored or deflate entries (re-zip it with a standard zip tool, e.g. "zip -r", or the system\'s "Compress" command)',
    );
  });

  test('a UTF-16 movies.csv or ratings.csv is named as UTF-16, not read as mojibake', async () => {
    const utf16 = (s: string) => {
      const out = new Uint8Array(2 + s.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) out[2 + 2 * i] = s.charCodeAt(i);
      return out;
    };
    const m = memorySource('movies.csv', utf16(`${MOVIES_HEADER}1,Heat (1995),Action\n`));
    const r = memorySource('ratings.csv', new TextEncoder().encode(`${RATINGS_HEADER}1,1,4.0,1\n`));
    expect((await refusal([m, r])).error.message).toBe(
      'movies.csv: expected UTF-8 text; this file is UTF-16 (little-endian): save it as UTF-8 (in Excel "CSV UTF-8", in Notepad "UTF-8") and pick it again',
    );
    const m8 = memorySource('movies.csv', new TextEncoder().encode(`${MOVIES_HEADER}1,Heat (1995),Action\n`));
    const r16 = memorySource('ratings.csv', utf16(`${RATINGS_HEADER}1,1,4.0,1\n`).subarray(2)); // no byte-order mark
    expect((await refusal([m8, r16])).error.message).toBe(
      'ratings.csv: expected UTF-8 text; this file is UTF-16 (little-endian): save it as UTF-8 (in Excel "CSV UTF-8", in Notepad "UTF-8") and pick it again',
    );
  });
});
