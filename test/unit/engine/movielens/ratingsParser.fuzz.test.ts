// Property tests of the byte-level ratings parser (ratings.csv, u.data, ratings.dat) on generated and mutated files:
// a located ImportError or the rows papaparse reads, the same whatever the chunk boundaries, and the right line number.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { RatingsCsvParser, type RawRatings } from '../../../../src/engine/movielens/ratingsCsv';
import type { RatingsFormat } from '../../../../src/engine/movielens/ratingsParser';
import { ImportError } from '../../../../src/engine/movielens/errors';
import { RATINGS_HEADER, RUNS, fuzzParams, dec, enc, lineCount, mutate, mutationsArb, parsesOrImportError, ratingsText, rowsArb, splitAt, type Row } from '../../../fuzz';

const FILES: Record<RatingsFormat, string> = { csv: 'ml/ratings.csv', tab: 'ml-100k/u.data', dat: 'ml-1m/ratings.dat' };
const formats: RatingsFormat[] = ['csv', 'tab', 'dat'];

type Plain = { user: number; movie: number; halfStars: number; ts: number }[];

function plain(r: RawRatings): Plain {
  return Array.from({ length: r.length }, (_, i) => ({ user: r.userIds[i], movie: r.movieIds[i], halfStars: r.ratings[i] * 2, ts: r.timestamps[i] }));
}

function parse(bytes: Uint8Array, format: RatingsFormat, cuts: number[] = []): Plain {
  const p = new RatingsCsvParser(FILES[format], undefined, format);
  for (const piece of splitAt(bytes, cuts)) p.push(piece);
  return plain(p.finish());
}

/** The reference path: papaparse (csv, tab) or a plain split ("::"), numbers through Number(), header and blank lines skipped. */
function reference(bytes: Uint8Array, format: RatingsFormat): Plain {
  const text = dec(bytes).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const rows: string[][] =
    format === 'dat'
      ? text.split('\n').filter((l) => l.trim() !== '').map((l) => l.split('::'))
      : Papa.parse<string[]>(text, { delimiter: format === 'csv' ? ',' : '\t', newline: '\n', skipEmptyLines: 'greedy' }).data;
  return (format === 'csv' ? rows.slice(1) : rows).map((f) => {
    expect(f).toHaveLength(4);
    return { user: Number(f[0]), movie: Number(f[1]), halfStars: Number(f[2]) * 2, ts: Number(f[3]) };
  });
}

const expected = (rows: Row[]): Plain => rows.map((r) => ({ user: r.user, movie: r.movie, halfStars: r.stars * 2, ts: r.ts }));
const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });
/** u.data and ratings.dat of the old releases hold whole stars; the parser accepts half stars in every layout. */
const inputArb = fc.record({ format: fc.constantFrom(...formats), rows: rowsArb, crlf: fc.boolean(), cuts: cutsArb });

describe('ratings parser on valid files', () => {
  test('reads back exactly the generated rows, equal to papaparse, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(inputArb, ({ format, rows, crlf, cuts }) => {
        const bytes = enc(ratingsText(rows, format, crlf ? '\r\n' : '\n'));
        const got = parse(bytes, format, cuts);
        expect(got).toEqual(expected(rows));
        expect(got).toEqual(reference(bytes, format));
      }),
      fuzzParams(RUNS),
    );
  });
});

describe('ratings parser on mutated files', () => {
  const mutatedArb = fc.record({ format: fc.constantFrom(...formats), rows: rowsArb, mutations: mutationsArb, cuts: cutsArb });

  test('either parses to what papaparse reads, or throws an ImportError naming the file and a line in it; chunking changes nothing', () => {
    let failed = 0;
    fc.assert(
      fc.property(mutatedArb, ({ format, rows, mutations, cuts }) => {
        const bytes = mutate(enc(ratingsText(rows, format)), mutations);
        const whole = parsesOrImportError(() => parse(bytes, format), FILES[format], lineCount(bytes) + 1);
        const pieces = parsesOrImportError(() => parse(bytes, format, cuts), FILES[format], lineCount(bytes) + 1);
        if (whole.ok) {
          expect(whole.value).toEqual(reference(bytes, format));
          expect(pieces).toEqual(whole);
        } else {
          failed++;
          expect(pieces.ok).toBe(false);
          expect(!pieces.ok && pieces.error.message).toBe(whole.error.message);
        }
      }),
      fuzzParams(RUNS * 3),
    );
    // The mutations are meant to break files: most of them must be refused.
    expect(failed).toBeGreaterThan(RUNS);
  });

  test('the line an error names is the first bad one: the lines before it are fine and that line alone is refused', () => {
    fc.assert(
      fc.property(mutatedArb, ({ format, rows, mutations }) => {
        const bytes = mutate(enc(ratingsText(rows, format)), mutations);
        const r = parsesOrImportError(() => parse(bytes, format), FILES[format], lineCount(bytes) + 1);
        if (r.ok || r.error.line === undefined) return;
        const L = r.error.line;
        const lines = dec(bytes).split('\n');
        if (L > lines.length) {
          // One past the end only for "expected at least one rating row after the header".
          expect(r.error.problem).toMatch(/at least one rating row/);
          return;
        }
        const before = enc(lines.slice(0, L - 1).map((l) => `${l}\n`).join(''));
        const prefix = parsesOrImportError(() => parse(before, format), FILES[format]);
        if (!prefix.ok && prefix.error.line !== undefined) expect(prefix.error.line).toBeGreaterThanOrEqual(L);
        // That line alone (after a good header in ratings.csv) is refused at that line.
        // (after a good header, or a blank line, so that it is not the file's first line either)
        // (a refused header stands alone: blank lines may come before it)
        const header = L === 1 ? '' : format === 'csv' && !/the header/.test(r.error.problem) ? `${RATINGS_HEADER}\n` : '\n';
        const alone = parsesOrImportError(() => parse(enc(`${header}${lines[L - 1]}\n`), format), FILES[format]);
        expect(alone.ok).toBe(false);
      }),
      fuzzParams(RUNS * 2),
    );
  });

  test('numbers out of range are refused with the rating scale or the field named', () => {
    const bad = fc.record({
      format: fc.constantFrom(...formats),
      field: fc.integer({ min: 0, max: 3 }),
      value: fc.constantFrom('NaN', '-1', '1e3', '9999999999', '99999999999', '5.5', '0', '0.25', '6', '4.75', 'Infinity', '3;5', ' 3', '0x10', '+1'),
    });
    fc.assert(
      fc.property(bad, rowsArb, ({ format, field, value }, rows) => {
        const sep = { csv: ',', tab: '\t', dat: '::' }[format];
        const good = ratingsText(rows, format).split('\n');
        const fields = good[good.length - 2].split(sep);
        fields[field] = value;
        const text = [...good.slice(0, -2), fields.join(sep), ''].join('\n');
        const line = good.length - 1;
        const r = parsesOrImportError(() => parse(enc(text), format), FILES[format], line);
        // Accepted only: a whole number of at most 9 digits as an id (10 for the timestamp), a half star from 0.5 to 5.
        const fine = field === 2 ? /^\d(\.\d+)?$/.test(value) && Number(value) >= 0.5 && Number(value) <= 5 && Number.isInteger(Number(value) * 2) : /^\d+$/.test(value) && value.length <= (field === 3 ? 10 : 9);
        expect(r.ok).toBe(fine);
        if (r.ok) return;
        expect(r.error).toBeInstanceOf(ImportError);
        expect(r.error.line).toBe(line);
        expect(r.error.problem).toMatch(['userId', 'movieId', 'rating', 'timestamp'][field]);
      }),
      fuzzParams(RUNS),
    );
  });
});

describe('found by the properties above', () => {
  test('a UTF-8 BOM is accepted in u.data and ratings.dat, as in ratings.csv', () => {
    for (const format of formats) {
      const bytes = enc(`\uFEFF${ratingsText([{ user: 3, movie: 7, stars: 4, ts: 881250949 }], format)}`);
      expect(parse(bytes, format, [0.1])).toEqual([{ user: 3, movie: 7, halfStars: 8, ts: 881250949 }]);
    }
  });
});

describe('found while building the bad-file corpus', () => {
  test('a row cut short says how many fields were expected, not that its last field is wrong', () => {
    fc.assert(
      fc.property(fc.constantFrom(...formats), rowsArb, fc.integer({ min: 2, max: 3 }), (format, rows, keep) => {
        const sep = { csv: ',', tab: '\t', dat: '::' }[format];
        const lines = ratingsText(rows, format).split('\n');
        const k = lines.length - 2;
        lines[k] = lines[k].split(sep).slice(0, keep).join(sep);
        const r = parsesOrImportError(() => parse(enc(lines.join('\n')), format), FILES[format]);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.error.line).toBe(k + 1);
        expect(!r.ok && r.error.problem).toMatch(new RegExp(`^expected 4 fields \\(.+\\), found ${keep} in `));
      }),
      fuzzParams(RUNS / 3),
    );
  });
});
