// The byte-level ratings.csv parser: formats it must accept, located errors it must give, and agreement with papaparse.
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { RatingsCsvParser, parseRatingsCsv } from '../../../../src/engine/movielens/ratingsCsv';
import { sampleFiles, sampleZipPath } from '../../../sample';
import { importErrorOf } from '../../../importError';

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = 'userId,movieId,rating,timestamp';

const errorOf = (text: string) => importErrorOf(() => parseRatingsCsv(enc(text)));

/** Reference: papaparse with numeric conversion, the library the fast path must agree with. */
function viaPapa(text: string) {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
  return {
    userIds: rows.map((r) => Number(r[0])),
    movieIds: rows.map((r) => Number(r[1])),
    ratings: rows.map((r) => Math.fround(Number(r[2]))),
    timestamps: rows.map((r) => Number(r[3])),
  };
}

function asPlain(r: ReturnType<typeof parseRatingsCsv>) {
  return {
    userIds: Array.from(r.userIds),
    movieIds: Array.from(r.movieIds),
    ratings: Array.from(r.ratings),
    timestamps: Array.from(r.timestamps),
  };
}

describe('ratings.csv fast parser', () => {
  test('reads CRLF, LF, a BOM and a last line without newline identically', () => {
    const rows = ['1,31,2.5,1260759144', '1,1029,3.0,1260759179', '7,193609,5,1537109082', '610,2,0.5,0'];
    const variants = [
      `${HEADER}\n${rows.join('\n')}\n`,
      `${HEADER}\r\n${rows.join('\r\n')}\r\n`,
      `\uFEFF${HEADER}\r\n${rows.join('\r\n')}`,
      `${HEADER}\n${rows.join('\n')}`,
      `${HEADER}\n${rows.join('\n')}\n\n`,
    ];
    for (const v of variants) {
      const r = parseRatingsCsv(enc(v));
      expect(r.length).toBe(4);
      expect(Array.from(r.userIds)).toEqual([1, 1, 7, 610]);
      expect(Array.from(r.movieIds)).toEqual([31, 1029, 193609, 2]);
      expect(Array.from(r.ratings)).toEqual([2.5, 3, 5, 0.5]);
      expect(Array.from(r.timestamps)).toEqual([1260759144, 1260759179, 1537109082, 0]);
    }
  });

  test('gives the same rows whatever the chunk boundaries', () => {
    const text = `${HEADER}\r\n` + Array.from({ length: 500 }, (_, i) => `${i % 37},${i * 7},${((i % 10) + 1) / 2},${1e9 + i}`).join('\r\n');
    const whole = asPlain(parseRatingsCsv(enc(text)));
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const p = new RatingsCsvParser('ratings.csv');
      const bytes = enc(text);
      for (let o = 0; o < bytes.length; o += size) p.push(bytes.subarray(o, o + size));
      expect(asPlain(p.finish())).toEqual(whole);
    }
  });

  test('agrees with papaparse on generated edge cases', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const r = 0.5 * (1 + Math.floor(rnd() * 10));
      const rating = rnd() < 0.3 ? r.toFixed(1) : String(r);
      lines.push(`${Math.floor(rnd() * 1e6)},${Math.floor(rnd() * 3e5)},${rating},${Math.floor(rnd() * 2e9)}`);
    }
    for (const eol of ['\n', '\r\n']) {
      const text = `${HEADER}${eol}${lines.join(eol)}`;
      expect(asPlain(parseRatingsCsv(enc(text)))).toEqual(viaPapa(text));
    }
  });

  test.each([
    ['a wrong header', 'user,movie,rating,time\n1,2,3,4', 1, /expected the header "userId,movieId,rating,timestamp"/],
    ['a tab-separated file', 'userId\tmovieId\trating\ttimestamp\n1\t2\t3\t4', 1, /wrong separator/],
    ['a non-numeric userId', `${HEADER}\n1,2,3,4\nabc,2,3,4`, 3, /expected a whole-number userId as field 1 in "abc,2,3,4"/],
    ['a non-numeric movieId', `${HEADER}\n1,x2,3,4`, 2, /expected a whole-number movieId/],
    ['a rating above the scale', `${HEADER}\n1,2,3,4\n1,3,6,5`, 3, /expected a rating from 0.5 to 5 in half-star steps, found 6/],
    ['a rating below the scale', `${HEADER}\n1,2,0,4`, 2, /found 0\b/],
    ['a rating off the half-star grid', `${HEADER}\n1,2,3.3,4`, 2, /half-star steps, found 3.3/],
    ['a missing field', `${HEADER}\n1,2,3`, 2, /expected a numeric rating as field 3|timestamp/],
    ['an extra field', `${HEADER}\n1,2,3,4,5`, 2, /nothing after it/],
    ['a semicolon row', `${HEADER}\n1;2;3;4`, 2, /userId as field 1/],
  ])('rejects %s with file and line', (_name, text, line, message) => {
    const e = errorOf(text);
    expect(e.file).toBe('ratings.csv');
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(new RegExp(`^ratings\\.csv, line ${line}: `));
  });

  test('rejects an empty file, naming what was expected', () => {
    expect(errorOf('').message).toBe('ratings.csv: the file is empty; expected the header "userId,movieId,rating,timestamp"');
    expect(errorOf('\n\n').message).toMatch(/empty/);
  });
});

describe.runIf(sampleZipPath)('ratings.csv of the real ml-latest-small', () => {
  test('fast path and papaparse give identical rows; counts match the release README', () => {
    const bytes = sampleFiles()['ratings.csv'];
    const fast = parseRatingsCsv(bytes);
    expect(fast.length).toBe(100_836);
    expect(new Set(fast.userIds).size).toBe(610);
    const ref = viaPapa(new TextDecoder().decode(bytes));
    expect(asPlain(fast)).toEqual(ref);
    const half = new Map<number, number>();
    for (const r of fast.ratings) half.set(r, (half.get(r) ?? 0) + 1);
    expect(half.get(4)).toBe(26_818);
    expect(half.get(0.5)).toBe(1_370);
  });
});
