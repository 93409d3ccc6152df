// Title search: accents, case, apostrophes and years; the prefix index answers exactly as the plain scan does.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { linearSearch, searchKey, TitleIndex } from '../../../../src/engine/movielens/titleSearch';
import { syntheticCatalogue } from '../../../../bench/search';

const movies: [string, number | null][] = [
  ['Matrix, The', 1999],
  ['Matrix Reloaded, The', 2003],
  ['Amélie (Fabuleux destin d\'Amélie Poulain, Le)', 2001],
  ["Schindler's List", 1993],
  ['Æon Flux', 2005],
  ['Misérables, Les', 1995],
  ['Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb', 1964],
  ['Matrix', null],
];
const keys = movies.map(([t, y]) => searchKey(t, y));
const counts = [500, 300, 200, 400, 10, 50, 100, 1];
const titles = (q: string) => new TitleIndex(keys, counts).search(q, 10).map((i) => movies[i][0]);

describe('title search', () => {
  test('a word matches the start of a title word, most-rated first; the year narrows it', () => {
    expect(titles('matrix')).toEqual(['Matrix, The', 'Matrix Reloaded, The', 'Matrix']);
    expect(titles('matrix 1999')).toEqual(['Matrix, The']);
    expect(titles('the matrix')).toEqual(['Matrix, The', 'Matrix Reloaded, The']);
    expect(titles('MAT')).toEqual(['Matrix, The', 'Matrix Reloaded, The', 'Matrix']);
    expect(titles('atrix')).toEqual([]);
    expect(titles('   ')).toEqual([]);
  });

  test('accents, case, apostrophes and letters like æ are ignored the way people type', () => {
    expect(titles('amelie')).toEqual(["Amélie (Fabuleux destin d'Amélie Poulain, Le)"]);
    expect(titles('AMÉLIE poulain')).toEqual(["Amélie (Fabuleux destin d'Amélie Poulain, Le)"]);
    expect(titles('miserables')).toEqual(['Misérables, Les']);
    expect(titles('les mis')).toEqual(['Misérables, Les']);
    expect(titles('schindlers')).toEqual(["Schindler's List"]);
    expect(titles("schindler's list")).toEqual(["Schindler's List"]);
    expect(titles('aeon')).toEqual(['Æon Flux']);
    expect(titles('dr strangelove 1964')).toEqual(['Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb']);
  });

  test.each([
    ['postings', 1 << 30],
    ['most-rated walk for common prefixes', 40],
  ])('the index (%s) gives the same answer as the plain scan for any typed prefix of a synthetic catalogue', (_, common) => {
    const cat = syntheticCatalogue(3000, 5);
    const k = cat.titles.map((t, i) => searchKey(t, cat.years[i]));
    const index = new TitleIndex(k, cat.counts, common);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (i, len, withYear) => {
        const q = `${cat.titles[i].slice(0, len)}${withYear ? ` ${cat.years[i] ?? ''}` : ''}`;
        const got = index.search(q, 20);
        expect(got).toEqual(linearSearch(k, cat.counts, q, 20));
        expect(got.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 42 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (q) => {
        expect(index.search(q, 15)).toEqual(linearSearch(k, cat.counts, q, 15));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
