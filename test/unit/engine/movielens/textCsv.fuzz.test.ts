// Property tests of the text parsers (movies.csv, links.csv via papaparse; u.item, u.genre, movies.dat) on generated and
// mutated files: the generated movies back exactly, or a located ImportError, never another exception.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseMoviesDat, parseUGenre, parseUItem } from '../../../../src/engine/movielens/legacyText';
import { parseLinksCsv, parseMoviesCsv } from '../../../../src/engine/movielens/textCsv';
import {
  RUNS,
  fuzzParams,
  UGENRES,
  dec,
  enc,
  lineCount,
  linksCsvText,
  movieSpecsArb,
  moviesCsvText,
  moviesDatText,
  mutate,
  mutationsArb,
  parsesOrImportError,
  uGenreText,
  uItemGenres,
  uItemText,
  type MovieSpec,
} from '../../../fuzz';

const asRows = (ms: MovieSpec[], genres: (m: MovieSpec) => string[] = (m) => m.genres) =>
  ms.map((m) => ({ movieId: m.movieId, title: m.title, year: m.year, genres: genres(m) }));

type Kind = 'movies.csv' | 'links.csv' | 'u.item' | 'u.genre' | 'movies.dat';
const kinds: Kind[] = ['movies.csv', 'links.csv', 'u.item', 'u.genre', 'movies.dat'];

function valid(kind: Kind, ms: MovieSpec[], crlf: boolean): Uint8Array {
  const nl = crlf ? '\r\n' : '\n';
  const text = {
    'movies.csv': () => moviesCsvText(ms, nl),
    'links.csv': () => linksCsvText(ms, nl),
    'u.item': () => uItemText(ms).replace(/\n/g, nl),
    'u.genre': () => uGenreText().replace(/\n/g, nl),
    'movies.dat': () => moviesDatText(ms).replace(/\n/g, nl),
  }[kind]();
  // u.item is ISO-8859-1: write its bytes as such.
  return kind === 'u.item' ? Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff) : enc(text);
}

function parse(kind: Kind, bytes: Uint8Array): unknown {
  switch (kind) {
    case 'movies.csv':
      return parseMoviesCsv(bytes, kind);
    case 'links.csv':
      return parseLinksCsv(bytes, kind);
    case 'u.item':
      return parseUItem(bytes, kind, UGENRES);
    case 'u.genre':
      return parseUGenre(bytes, kind);
    case 'movies.dat':
      return parseMoviesDat(bytes, kind, 'utf-8');
  }
}

describe('text parsers on valid files', () => {
  test('give back exactly the generated movies, links and genres (LF or CRLF)', () => {
    fc.assert(
      fc.property(movieSpecsArb, fc.boolean(), (ms, crlf) => {
        expect(parseMoviesCsv(valid('movies.csv', ms, crlf))).toEqual(asRows(ms));
        expect(parseMoviesDat(valid('movies.dat', ms, crlf), 'movies.dat', 'utf-8')).toEqual(asRows(ms).map((r) => ({ ...r, title: r.title.replace(/:/g, ';') })));
        expect(parseUItem(valid('u.item', ms, crlf), 'u.item', parseUGenre(valid('u.genre', ms, crlf)))).toEqual(
          asRows(ms, uItemGenres).map((r) => ({ ...r, title: r.title.replace(/\|/g, '/') })),
        );
        expect(parseLinksCsv(valid('links.csv', ms, crlf))).toEqual(
          ms.map((m) => ({ movieId: m.movieId, imdbId: String(m.movieId * 11).padStart(7, '0'), tmdbId: m.movieId % 3 ? String(m.movieId + 100) : null })),
        );
      }),
      fuzzParams(RUNS),
    );
  });
});

describe('text parsers on mutated files', () => {
  test('either parse or throw an ImportError naming the file, a line in it and what was expected', () => {
    let failed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), movieSpecsArb, mutationsArb, (kind, ms, mutations) => {
        const bytes = mutate(valid(kind, ms, false), mutations);
        const r = parsesOrImportError(() => parse(kind, bytes), kind, lineCount(bytes));
        if (!r.ok) failed++;
      }),
      fuzzParams(RUNS * 4),
    );
    expect(failed).toBeGreaterThan(RUNS);
  });

  test('the line an error names holds the fault: the lines before it parse (movies.dat, u.item, u.genre), it is refused alone (links.csv, movies.csv)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), movieSpecsArb, mutationsArb, (kind, ms, mutations) => {
        const bytes = mutate(valid(kind, ms, false), mutations);
        const r = parsesOrImportError(() => parse(kind, bytes), kind, lineCount(bytes));
        if (r.ok || r.error.line === undefined || r.error.line === 1) return;
        const text = kind === 'u.item' ? Array.from(bytes, (b) => String.fromCharCode(b)).join('') : dec(bytes);
        const lines = text.split('\n');
        // A field may not be closed before this line (an unbalanced quote): then the lines before it cannot stand alone.
        const before = lines.slice(0, r.error.line - 1).join('\n') + '\n';
        if (kind.endsWith('.csv')) {
          // Field counts are checked for every row before ids, so a later row may be named first; the named row is at fault.
          // Quotes and repeated ids depend on other rows: those are left to the properties above.
          if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || /\r(?!\n)/.test(text) || /properly quoted|appears again|the header/.test(r.error.problem)) return;
          const header = kind === 'movies.csv' ? 'movieId,title,genres' : 'movieId,imdbId,tmdbId';
          const named = lines[r.error.line - 1];
          const alone = parsesOrImportError(() => parse(kind, enc(`${header}\n${named}\n`)), kind);
          expect(alone.ok).toBe(false);
          return;
        }
        const head = kind === 'u.item' ? Uint8Array.from(before, (c) => c.charCodeAt(0) & 0xff) : enc(before);
        const p = parsesOrImportError(() => parse(kind, head), kind);
        if (!p.ok && p.error.line !== undefined) expect(p.error.line).toBeGreaterThanOrEqual(r.error.line);
      }),
      fuzzParams(RUNS * 2),
    );
  });

  test('movies.csv titles holding a line break (RFC 4180) keep the line numbers of later errors right', () => {
    fc.assert(
      fc.property(movieSpecsArb, fc.nat(), fc.integer({ min: 1, max: 3 }), fc.boolean(), (ms, pick, breaks, quote) => {
        const k = pick % ms.length;
        const withBreak = ms.map((m, i) => (i === k ? { ...m, title: `${m.title}${'\n'.repeat(breaks)}part two` } : m));
        const bad = quote ? '99,"Bad" quote (2000),Drama' : 'x,Bad id (2000),Drama';
        const text = `${moviesCsvText(withBreak)}${bad}\n1000,After (2001),Drama\n`;
        const line = text.split('\n').length - 2;
        const r = parsesOrImportError(() => parseMoviesCsv(enc(text)), 'movies.csv');
        expect(r.ok).toBe(false);
        expect(!r.ok && r.error.line).toBe(line);
        expect(!r.ok && r.error.problem).toMatch(quote ? /expected a properly quoted field/ : /expected a whole-number movieId, found "x"/);
      }),
      fuzzParams(RUNS / 3),
    );
  });
});
