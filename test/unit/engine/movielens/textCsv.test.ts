// movies.csv / links.csv through papaparse: quoting, CRLF, non-ASCII, missing newline, years, and located errors.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseLinksCsv, parseMoviesCsv, splitTitle } from '../../../../src/engine/movielens/textCsv';
import { displayTitle, normalizeForSearch } from '../../../../src/engine/movielens/titles';
import { sampleFiles, sampleZipPath } from '../../../sample';
import { importErrorOf } from '../../../importError';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/tiny/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);

describe('movies.csv', () => {
  const movies = parseMoviesCsv(fixture('movies.csv'));

  test('reads quoted titles with commas and doubled quotes, CRLF, and a last line without newline', () => {
    expect(movies).toHaveLength(8);
    expect(movies[1]).toEqual({ movieId: 2, title: 'American President, The', year: 1995, genres: ['Comedy', 'Drama', 'Romance'] });
    expect(movies[2].title).toBe('Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb');
    expect(movies[3]).toMatchObject({ title: 'Film "Quoted" Title, A', year: 2001, genres: ['Drama'] });
    expect(movies[7]).toMatchObject({ movieId: 8, title: 'Death Note: Desu nôto', year: 2006, genres: [] });
  });

  test('keeps non-ASCII titles, titles without a year and "(no genres listed)"', () => {
    expect(movies[4]).toMatchObject({ title: "Amélie (Fabuleux destin d'Amélie Poulain, Le)", year: 2001 });
    expect(movies[5]).toMatchObject({ title: 'Babylon 5', year: null, genres: ['Sci-Fi'] });
    expect(movies[6].genres).toEqual([]);
  });

  test('errors name the file, line and what was expected', () => {
    expect(importErrorOf(() => parseMoviesCsv(enc('id,name,genres\n1,A (2000),Drama'))).message).toBe(
      'movies.csv, line 1: expected the header "movieId,title,genres", found "id,name,genres"',
    );
    expect(importErrorOf(() => parseMoviesCsv(enc('movieId;title;genres\n1;A;B'))).message).toMatch(/wrong separator/);
    expect(importErrorOf(() => parseMoviesCsv(enc('movieId,title,genres\n1,A (2000),Drama\nx,B (2001),Drama'))).message).toBe(
      'movies.csv, line 3: expected a whole-number movieId, found "x"',
    );
    expect(importErrorOf(() => parseMoviesCsv(enc('movieId,title,genres\n1,A (2000)'))).message).toMatch(/^movies\.csv, line 2: expected 3 fields/);
    expect(importErrorOf(() => parseMoviesCsv(enc('movieId,title,genres\n1,A,B\n1,C,D'))).message).toMatch(/line 3: expected each movieId once/);
    expect(importErrorOf(() => parseMoviesCsv(enc(''))).message).toMatch(/^movies\.csv: the file is empty/);
    expect(importErrorOf(() => parseMoviesCsv(new Uint8Array([0x6d, 0xe9, 0xff]))).message).toMatch(/not valid UTF-8/);
  });

  test('CRLF and LF mixed in one file (edited on two systems) read as the same lines, quoted titles included', () => {
    const mixed = parseMoviesCsv(enc('movieId,title,genres\r\n1,Heat (1995),Action\n2,"American President, The (1995)",Comedy|Drama\r\n3,Casino (1995),Crime\n'));
    expect(mixed.map((m) => [m.movieId, m.title, m.genres.length])).toEqual([
      [1, 'Heat', 1],
      [2, 'American President, The', 2],
      [3, 'Casino', 1],
    ]);
    expect(importErrorOf(() => parseMoviesCsv(enc('movieId,title,genres\n1,A,B\r\n2,C'))).message).toMatch(/^movies\.csv, line 3: expected 3 fields/);
  });

  test('a UTF-8 BOM is ignored', () => {
    expect(parseMoviesCsv(enc('\uFEFFmovieId,title,genres\r\n1,Heat (1995),Action\r\n'))[0].title).toBe('Heat');
  });
});

describe('links.csv', () => {
  test('keeps zero-padded imdbId and an empty tmdbId as null', () => {
    const links = parseLinksCsv(fixture('links.csv'));
    expect(links[0]).toEqual({ movieId: 1, imdbId: '0114709', tmdbId: '862' });
    expect(links[3]).toEqual({ movieId: 4, imdbId: '0000001', tmdbId: null });
  });
  test('rejects a non-numeric tmdbId with its line', () => {
    expect(importErrorOf(() => parseLinksCsv(enc('movieId,imdbId,tmdbId\n1,0114709,abc'))).message).toBe('links.csv, line 2: expected a numeric tmdbId, found "abc"');
  });
});

describe('titles', () => {
  test('year split and display order of trailing articles', () => {
    expect(splitTitle('Heat (1995)')).toEqual({ title: 'Heat', year: 1995 });
    expect(splitTitle('Babylon 5')).toEqual({ title: 'Babylon 5', year: null });
    expect(displayTitle('Matrix, The')).toBe('The Matrix');
    expect(displayTitle('City of Lost Children, The (Cité des enfants perdus, La)')).toBe('The City of Lost Children (Cité des enfants perdus, La)');
    expect(displayTitle("Auberge espagnole, L'")).toBe("L'Auberge espagnole");
    expect(displayTitle('Heat')).toBe('Heat');
  });
  test('search normalisation ignores accents, case and punctuation', () => {
    expect(normalizeForSearch('Amélie: LE Fabuleux!')).toBe('amelie le fabuleux');
  });
});

describe.runIf(sampleZipPath)('the real ml-latest-small', () => {
  test('movies.csv and links.csv parse completely', () => {
    const files = sampleFiles();
    const movies = parseMoviesCsv(files['movies.csv']);
    expect(movies).toHaveLength(9_742);
    expect(movies.filter((m) => /[^\x00-\x7f]/.test(m.title)).length).toBeGreaterThan(250);
    expect(movies.filter((m) => m.genres.length === 0).length).toBe(34);
    const links = parseLinksCsv(files['links.csv']);
    expect(links).toHaveLength(9_742);
    expect(links.filter((l) => l.tmdbId === null)).toHaveLength(8);
  });
});
