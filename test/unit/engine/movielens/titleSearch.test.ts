// Title search: accents, case, apostrophes, numerals, words typed together, plausible years, best match first; the index answers exactly as the plain scan does.
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

/** Sequels, spellings and years as ml-latest-small has them (rating counts chosen so popularity alone would rank them wrong). */
const fans: [string, number | null, number][] = [
  ['Godfather, The', 1972, 500],
  ['Godfather: Part II, The', 1974, 300],
  ['Tokyo Godfathers', 2003, 20],
  ['Rocky', 1976, 60],
  ['Rocky IV', 1985, 30],
  ['Rocky Horror Picture Show, The', 1975, 70],
  ['WALL·E', 2008, 100],
  ['Walled In', 2009, 150],
  ['Spider-Man', 2002, 120],
  ['Spider-Man 2', 2004, 80],
  ['X-Men', 2000, 130],
  ['X2: X-Men United', 2003, 70],
  ['Terminator 2: Judgment Day', 1991, 220],
  ['Terminator 3: Rise of the Machines', 2003, 45],
  ['2001: A Space Odyssey', 1968, 100],
  ['Shrek', 2001, 170],
  ['Seven (a.k.a. Se7en)', 1995, 200],
  ['Seven Samurai (Shichinin no samurai)', 1954, 50],
  ["Ocean's Eleven", 2001, 119],
  ['E.T. the Extra-Terrestrial', 1982, 122],
  ['Eternal Sunshine of the Spotless Mind', 2004, 131],
];
const fanKeys = fans.map(([t, y]) => searchKey(t, y));
const fanCounts = fans.map(([, , c]) => c);
const found = (q: string) => new TitleIndex(fanKeys, fanCounts).search(q, 10).map((i) => fans[i][0]);

describe('search that understands titles', () => {
  test('sequel numbers match in any spelling: digits, Roman numerals, words, ordinals', () => {
    expect(found('godfather 2')).toEqual(['Godfather: Part II, The']);
    expect(found('godfather part two')).toEqual(['Godfather: Part II, The']);
    expect(found('godfather second')).toEqual(['Godfather: Part II, The']);
    expect(found('rocky 4')).toEqual(['Rocky IV']);
    expect(found('rocky iv')).toEqual(['Rocky IV']);
    expect(found('oceans 11')).toEqual(["Ocean's Eleven"]);
    expect(found('terminator ii')).toEqual(['Terminator 2: Judgment Day']);
  });

  test('words typed together or apart, letters and digits apart: walle, spiderman, xmen, se7en, x men 2', () => {
    expect(found('walle')).toEqual(['WALL·E', 'Walled In']); // the whole word first, though Walled In is rated more
    expect(found('wall e')).toEqual(['WALL·E']);
    expect(found('spiderman')).toEqual(['Spider-Man', 'Spider-Man 2']);
    expect(found('spiderman 2')).toEqual(['Spider-Man 2']);
    expect(found('xmen')).toEqual(['X-Men', 'X2: X-Men United']);
    expect(found('x men 2')).toEqual(['X2: X-Men United']);
    expect(found('x2')).toEqual(['X2: X-Men United']);
    expect(found('se7en')).toEqual(['Seven (a.k.a. Se7en)']);
    expect(found('et')).toEqual(['E.T. the Extra-Terrestrial', 'Eternal Sunshine of the Spotless Mind']);
  });

  test('a number is a year only as four digits from 1870 to 2100, and then only the release year', () => {
    expect(found('terminator 2')).toEqual(['Terminator 2: Judgment Day']); // not T3 (2003)
    expect(found('terminator 2003')).toEqual(['Terminator 3: Rise of the Machines']);
    expect(found('rocky 1976')).toEqual(['Rocky']);
    expect(found('rocky 197')).toEqual([]);
    expect(found('shrek 2001')).toEqual(['Shrek']);
    expect(found('2001')).toEqual(['2001: A Space Odyssey', 'Shrek', "Ocean's Eleven"]); // the title first, then that year's
    expect(found('godfather 3000')).toEqual([]);
  });

  test('whole words before word starts, then the most rated', () => {
    expect(found('rocky')).toEqual(['Rocky Horror Picture Show, The', 'Rocky', 'Rocky IV']);
    expect(found('seven')).toEqual(['Seven (a.k.a. Se7en)', 'Seven Samurai (Shichinin no samurai)']);
    expect(found('godfather')).toEqual(['Godfather, The', 'Godfather: Part II, The', 'Tokyo Godfathers']);
    expect(found('spider')).toEqual(['Spider-Man', 'Spider-Man 2']);
  });

  /** Titles and queries built from words that meet every rule: numerals, words run together, years, prefixes. */
  const WORDS = ['star', 'wars', 'part', 'ii', '2', 'two', 'second', 'iv', '4', 'x', 'men', 'wall', 'e', 'walled', 'spider', 'man', 'the', 'se', '7', 'seven', 'en', '2001', 'a', 'an', 'and'];
  const SEPARATORS = [' ', '-', '·', ': ', '', ' '];
  const catalogue = fc.array(
    fc.record({
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
      seps: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 5, maxLength: 5 }),
      year: fc.option(fc.integer({ min: 1995, max: 2005 })),
      count: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: 1, maxLength: 60 },
  );
  /** A query a person might type for one of the titles: some of its words, two run together, a numeral respelled, the last cut short, its year. */
  const SPELLINGS: Record<string, string[]> = { ii: ['2', 'two', 'second'], '2': ['ii', 'two'], iv: ['4'], '4': ['iv', 'fourth'], '7': ['seven'], seven: ['7', 'vii'] };
  const typed = fc.record({
    pick: fc.nat(),
    from: fc.nat({ max: 4 }),
    length: fc.integer({ min: 1, max: 3 }),
    join: fc.boolean(),
    respell: fc.nat({ max: 2 }),
    cut: fc.nat({ max: 3 }),
    year: fc.boolean(),
    noise: fc.oneof(
      { arbitrary: fc.constant(null), weight: 4 },
      { arbitrary: fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('1999', '2001', '199', 'walle', 'xmen', 'sta'), fc.string({ maxLength: 3 })), weight: 1 },
    ),
  });
  type Movie = { words: string[]; year: number | null };
  function queryFor(movies: Movie[], t: { pick: number; from: number; length: number; join: boolean; respell: number; cut: number; year: boolean; noise: string | null }): string {
    const m = movies[t.pick % movies.length];
    const words = m.words.slice(t.from % m.words.length, (t.from % m.words.length) + t.length).map((w) => SPELLINGS[w]?.[t.respell % SPELLINGS[w].length] ?? w);
    if (t.join && words.length > 1) words.splice(0, 2, words[0] + words[1]);
    const last = words.length - 1;
    if (t.cut > 0 && words[last].length > t.cut) words[last] = words[last].slice(0, words[last].length - t.cut);
    if (t.year && m.year !== null) words.push(String(m.year));
    if (t.noise !== null) words.push(t.noise);
    return words.join(' ');
  }

  test.each([
    ['postings', 1 << 30],
    ['most-rated walk', 3],
  ])('the index (%s) answers as the plain scan on catalogues of numerals and run-together words', (_, common) => {
    let answered = 0;
    fc.assert(
      fc.property(catalogue, typed, fc.integer({ min: 1, max: 12 }), (movies, query, limit) => {
        const k = movies.map((m) => searchKey(m.words.map((w, i) => w + (m.seps[i] ?? '')).join(''), m.year));
        const counts = movies.map((m) => m.count);
        const q = queryFor(movies, query);
        const got = new TitleIndex(k, counts, common).search(q, limit);
        expect(got).toEqual(linearSearch(k, counts, q, limit));
        if (got.length > 0) answered++;
      }),
      { numRuns: 600, seed: 13 },
    );
    expect(answered).toBeGreaterThan(350); // most generated queries find something: the comparison is not of empty lists
  });
});

