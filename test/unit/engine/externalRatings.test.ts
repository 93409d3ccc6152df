// IMDb and Letterboxd exports: parsing, halving, tt-id and title matching, ambiguity, located errors, the save plan.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';
import { parseExternalRatings } from '../../../src/engine/externalRatings';
import { CatalogueIndex, matchExternalRatings, movieLensNames, titleKey, type CatalogueMovie, type RowMatch } from '../../../src/engine/externalRatingsMatch';
import { planImport, type ImportEntry } from '../../../src/engine/externalRatingsPlan';
import { parseLinksCsv, parseMoviesCsv } from '../../../src/engine/movielens/textCsv';
import { importErrorOf } from '../../importError';
import { sampleFiles, sampleZipPath } from '../../sample';

const IMDB_HEADER = 'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';
const IMDB_OLD_HEADER = 'Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';
const LB_HEADER = 'Date,Name,Year,Letterboxd URI,Rating';

/** Rows as IMDb's current export writes them (Original Title included). */
const imdbRows = [
  'tt0114709,8,2023-01-15,Toy Story,Toy Story,https://www.imdb.com/title/tt0114709,Movie,8.3,81,1995,"Adventure, Animation, Comedy, Family, Fantasy",1099876,1995-11-22,John Lasseter',
  'tt0133093,10,2022-11-02,The Matrix,The Matrix,https://www.imdb.com/title/tt0133093,Movie,8.7,136,1999,"Action, Sci-Fi",2087463,1999-03-31,"Lana Wachowski, Lilly Wachowski"',
  'tt0118799,9,2021-06-30,Life Is Beautiful,La vita è bella,https://www.imdb.com/title/tt0118799,Movie,8.6,116,1997,"Comedy, Drama, Romance, War",742311,1997-12-20,Roberto Benigni',
  'tt0944947,9,2020-05-01,Game of Thrones,Game of Thrones,https://www.imdb.com/title/tt0944947,TV Series,9.2,57,2011,"Action, Adventure, Drama",2300000,2011-04-17,',
  'tt0185906,10,2020-04-01,Band of Brothers,Band of Brothers,https://www.imdb.com/title/tt0185906,TV Mini Series,9.4,594,2001,"Action, Drama, History, War",540000,2001-09-09,',
  'tt15398776,7,2023-08-01,Oppenheimer,Oppenheimer,https://www.imdb.com/title/tt15398776,Movie,8.3,180,2023,"Biography, Drama, History",800000,2023-07-21,Christopher Nolan',
];

/** A small catalogue with real ml-latest-small ids, titles and links. */
const CATALOGUE: CatalogueMovie[] = [
  { movieId: 1, title: 'Toy Story', year: 1995, imdbId: '0114709', count: 215 },
  { movieId: 2571, title: 'Matrix, The', year: 1999, imdbId: '0133093', count: 278 },
  { movieId: 29, title: 'City of Lost Children, The (Cité des enfants perdus, La)', year: 1995, imdbId: '0112682', count: 38 },
  { movieId: 47, title: 'Seven (a.k.a. Se7en)', year: 1995, imdbId: '0114369', count: 203 },
  { movieId: 838, title: 'Emma', year: 1996, imdbId: '0116191', count: 30 },
  { movieId: 26958, title: 'Emma', year: 1996, imdbId: '0118308', count: 1 },
  { movieId: 34048, title: 'War of the Worlds', year: 2005, imdbId: '0407304', count: 39 },
  { movieId: 64997, title: 'War of the Worlds', year: 2005, imdbId: '0449040', count: 2 },
  { movieId: 112552, title: 'Whiplash', year: 2014, imdbId: '2582802', count: 38 },
  { movieId: 166024, title: 'Whiplash', year: 2013, imdbId: '2654430', count: 1 },
  { movieId: 260, title: 'Star Wars: Episode IV - A New Hope', year: 1977, imdbId: '0076759', count: 251 },
  { movieId: 4973, title: "Amelie (Fabuleux destin d'Amélie Poulain, Le)", year: 2001, imdbId: '0211915', count: 120 },
  { movieId: 73, title: 'Misérables, Les', year: 1995, imdbId: '0113828', count: 6 },
  { movieId: 1873, title: 'Misérables, Les', year: 1998, imdbId: '0119683', count: 11 },
  { movieId: 2324, title: 'Life Is Beautiful (La Vita è bella)', year: 1997, imdbId: '0118799', count: 88 },
  { movieId: 2256, title: 'Parasite', year: 1982, imdbId: '0084472', count: 1 },
  { movieId: 170705, title: 'Band of Brothers', year: 2001, imdbId: '0185906', count: 5 },
];
const index = new CatalogueIndex(CATALOGUE);
const noLinks = new CatalogueIndex(CATALOGUE.map((m) => ({ ...m, imdbId: null })));

const csv = (header: string, rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';
const byLine = (matches: RowMatch[], line: number) => matches.find((m) => m.row.line === line)!;

describe('IMDb ratings export', () => {
  test('ratings are halved, tt ids become numbers, dates become times, columns are found by name', () => {
    const data = parseExternalRatings(csv(IMDB_HEADER, imdbRows), 'ratings.csv');
    expect(data.source).toBe('imdb');
    expect(data.rows.map((r) => [r.line, r.imdbId, r.rating, r.fileRating])).toEqual([
      [2, 114709, 4, '8'],
      [3, 133093, 5, '10'],
      [4, 118799, 4.5, '9'],
      [5, 944947, 4.5, '9'],
      [6, 185906, 5, '10'],
      [7, 15398776, 3.5, '7'],
    ]);
    expect(data.rows[0]).toMatchObject({ title: 'Toy Story', year: 1995, originalTitle: null, titleType: 'Movie', ratedAt: Date.UTC(2023, 0, 15) });
    expect(data.rows[2].originalTitle).toBe('La vita è bella');
  });

  test('the older export without "Original Title" (and a BOM, LF endings) reads the same', () => {
    const old = imdbRows.map((r) => {
      const f = r.split(',');
      f.splice(4, 1); // drop Original Title (no quoted field precedes it)
      return f.join(',');
    });
    const data = parseExternalRatings('\uFEFF' + [IMDB_OLD_HEADER, ...old].join('\n'), 'ratings.csv');
    expect(data.rows.map((r) => [r.imdbId, r.rating, r.title, r.year, r.titleType])).toEqual(
      parseExternalRatings(csv(IMDB_HEADER, imdbRows), 'ratings.csv').rows.map((r) => [r.imdbId, r.rating, r.title, r.year, r.titleType]),
    );
  });

  test('tt ids map through links.csv; TV shows and newer films are unmatched with the reason', () => {
    const m = matchExternalRatings(parseExternalRatings(csv(IMDB_HEADER, imdbRows), 'ratings.csv'), index);
    expect(byLine(m, 2)).toMatchObject({ kind: 'matched', movieId: 1, note: null, row: { rating: 4 } });
    expect(byLine(m, 3)).toMatchObject({ kind: 'matched', movieId: 2571, row: { rating: 5 } });
    expect(byLine(m, 4)).toMatchObject({ kind: 'matched', movieId: 2324 });
    expect(byLine(m, 5)).toEqual(expect.objectContaining({ kind: 'unmatched', reason: 'tt0944947 is not in this dataset (TV Series: MovieLens lists films)' }));
    expect(byLine(m, 6)).toMatchObject({ kind: 'matched', movieId: 170705 }); // MovieLens does list this mini-series
    expect(byLine(m, 7)).toEqual(expect.objectContaining({ kind: 'unmatched', reason: 'tt15398776 is not in this dataset' }));
  });

  test('a dataset without links (ml-100k, ml-1m) matches IMDb rows by title and year, original title included', () => {
    const m = matchExternalRatings(parseExternalRatings(csv(IMDB_HEADER, imdbRows), 'ratings.csv'), noLinks);
    expect(byLine(m, 2)).toMatchObject({ kind: 'matched', movieId: 1, note: 'by title: this dataset has no IMDb links' });
    expect(byLine(m, 4)).toMatchObject({ kind: 'matched', movieId: 2324 });
    expect(byLine(m, 7)).toMatchObject({ kind: 'unmatched', reason: 'no movie called "Oppenheimer" (2023) in this dataset' });
  });
});

describe('Letterboxd ratings.csv', () => {
  const rows = [
    '2024-01-03,The Matrix,1999,https://boxd.it/29Ns,4.5',
    '2024-01-04,The City of Lost Children,1995,https://boxd.it/1Xxm,4',
    '2024-01-05,La Cité des enfants perdus,1995,https://boxd.it/1Xxm,3.5',
    '2024-01-06,Se7en,1995,https://boxd.it/2a1m,5',
    '2024-01-07,Amélie,2001,https://boxd.it/2aHi,4',
    '2024-01-08,Whiplash,2014,https://boxd.it/6Uqe,5',
    '2024-01-09,Whiplash,2015,https://boxd.it/6Uqe,5',
    '2024-01-10,Emma,1996,https://boxd.it/1ZvE,3',
    '2024-01-11,War of the Worlds,2005,https://boxd.it/1Y3u,2.5',
    '2024-01-12,Parasite,2019,https://boxd.it/hTha,5',
    '2024-01-13,Star Wars,1977,https://boxd.it/2aVG,5',
    '2024-01-14,Les Misérables,1999,https://boxd.it/1Y9o,3',
    '2024-01-15,"Matrix, The",1999,https://boxd.it/29Ns,0.5',
    '2024-01-16,Toy Story,,https://boxd.it/2a9q,4',
  ];
  const data = parseExternalRatings(csv(LB_HEADER, rows), 'ratings.csv');
  const m = matchExternalRatings(data, index);

  test('is recognised by its header and keeps half stars and dates', () => {
    expect(data.source).toBe('letterboxd');
    expect(data.rows[0]).toMatchObject({ line: 2, title: 'The Matrix', year: 1999, rating: 4.5, imdbId: null, ratedAt: Date.UTC(2024, 0, 3) });
    expect(data.rows.at(-1)).toMatchObject({ title: 'Toy Story', year: null, rating: 4 });
  });

  test('a leading article, the alternate title, "a.k.a." and accents find the MovieLens title', () => {
    expect(byLine(m, 2)).toMatchObject({ kind: 'matched', movieId: 2571, note: null });
    expect(byLine(m, 3)).toMatchObject({ kind: 'matched', movieId: 29, note: null });
    expect(byLine(m, 4)).toMatchObject({ kind: 'matched', movieId: 29, note: null });
    expect(byLine(m, 5)).toMatchObject({ kind: 'matched', movieId: 47, note: null });
    expect(byLine(m, 6)).toMatchObject({ kind: 'matched', movieId: 4973, note: null });
    expect(byLine(m, 14)).toMatchObject({ kind: 'matched', movieId: 2571, row: { rating: 0.5 } });
  });

  test('the exact year wins over a year apart; a year apart alone is a weaker match with a note', () => {
    expect(byLine(m, 7)).toMatchObject({ kind: 'matched', movieId: 112552, note: null });
    expect(byLine(m, 8)).toMatchObject({ kind: 'matched', movieId: 112552, note: 'year 2014 here, 2015 in the file' });
    expect(byLine(m, 13)).toMatchObject({ kind: 'matched', movieId: 1873, note: 'year 1998 here, 1999 in the file' });
    expect(byLine(m, 15)).toMatchObject({ kind: 'matched', movieId: 1, note: 'the file gives no year' });
  });

  test('two movies with the same title and year are ambiguous, the most rated first', () => {
    expect(byLine(m, 9)).toEqual({ kind: 'ambiguous', row: data.rows[7], candidates: [838, 26958], why: '2 movies in this dataset are called "Emma" (1996)' });
    expect(byLine(m, 10)).toMatchObject({ kind: 'ambiguous', candidates: [34048, 64997] });
    expect(byLine(m, 12)).toMatchObject({ kind: 'ambiguous', candidates: [260], why: 'no exact title match for "Star Wars" (1977); check the title' });
  });

  test('unmatched rows say why', () => {
    expect(byLine(m, 11)).toMatchObject({ kind: 'unmatched', reason: 'this dataset has "Parasite" only from 1982' });
    const other = matchExternalRatings(parseExternalRatings(csv(LB_HEADER, ['2024-02-01,Everything Everywhere All at Once,2022,https://boxd.it/nwhs,5']), 'ratings.csv'), index);
    expect(other).toMatchObject([{ kind: 'unmatched', reason: 'no movie called "Everything Everywhere All at Once" (2022) in this dataset' }]);
  });

  test('diary.csv rows without stars are listed as unmatched, not errors', () => {
    const diary = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-03-01,The Matrix,1999,https://boxd.it/x,,,,2024-02-28\n2024-03-02,Se7en,1995,https://boxd.it/y,4,Yes,,2024-03-01\n';
    const d = parseExternalRatings(diary, 'diary.csv');
    expect(d.rows).toHaveLength(1);
    expect(matchExternalRatings(d, index)).toMatchObject([
      { kind: 'unmatched', row: { line: 2, title: 'The Matrix' }, reason: 'no rating in the file' },
      { kind: 'matched', movieId: 47, row: { rating: 4 } },
    ]);
  });

  test('title names: every name a MovieLens title goes by, in one comparable form', () => {
    expect(movieLensNames('City of Lost Children, The (Cité des enfants perdus, La)')).toEqual([
      'The City of Lost Children (Cité des enfants perdus, La)',
      'The City of Lost Children',
      'La Cité des enfants perdus',
    ]);
    expect(movieLensNames('Seven (a.k.a. Se7en)')).toEqual(['Seven (a.k.a. Se7en)', 'Seven', 'Se7en']);
    expect(titleKey('The Matrix')).toBe(titleKey('Matrix, The'.replace(/^(.*), The$/, 'The $1')));
    expect(titleKey('Léon: The Professional')).toBe('leon the professional');
    expect(titleKey('Fast & Furious')).toBe('fast and furious');
  });
});

describe('files that are not ratings exports are refused with the file, line and what was expected', () => {
  test('not an export at all', () => {
    expect(importErrorOf(() => parseExternalRatings('userId,movieId,rating,timestamp\n1,1,4.0,964982703\n', 'pocketlens-ratings.csv')).message).toBe(
      'pocketlens-ratings.csv, line 1: expected an IMDb ratings export (Const,Your Rating,Date Rated,Title,…) or a Letterboxd ratings.csv (Date,Name,Year,Letterboxd URI,Rating), found "userId,movieId,rating,timestamp" (this is a MovieLens ratings file: restore a PocketLens backup instead)',
    );
    expect(importErrorOf(() => parseExternalRatings('', 'empty.csv')).message).toMatch(/^empty\.csv: the file is empty; expected an IMDb ratings export/);
    expect(importErrorOf(() => parseExternalRatings('Const;Your Rating;Title\n', 'semi.csv')).message).toMatch(/^semi\.csv, line 1: .*wrong separator/);
  });

  test('an IMDb watchlist and a Letterboxd watched.csv have no ratings', () => {
    const watchlist = 'Position,Const,Created,Modified,Description,Title,URL,Title Type\n1,tt0114709,2023-01-01,2023-01-01,,Toy Story,https://www.imdb.com/title/tt0114709,Movie\n';
    expect(importErrorOf(() => parseExternalRatings(watchlist, 'WATCHLIST.csv')).message).toBe(
      'WATCHLIST.csv, line 1: expected a "Your Rating" column in this IMDb export (IMDb\'s ratings export, not a watchlist or list export)',
    );
    const watched = 'Date,Name,Year,Letterboxd URI\n2024-01-01,The Matrix,1999,https://boxd.it/29Ns\n';
    expect(importErrorOf(() => parseExternalRatings(watched, 'watched.csv')).message).toMatch(/^watched\.csv, line 1: expected a "Rating" column .*watched\.csv has no ratings$/);
  });

  test('a bad rating, a bad id or a broken row names its line', () => {
    const badImdb = csv(IMDB_HEADER, [imdbRows[0], imdbRows[1].replace('tt0133093,10,', 'tt0133093,11,')]);
    expect(importErrorOf(() => parseExternalRatings(badImdb, 'ratings.csv')).message).toBe('ratings.csv, line 3: expected "Your Rating" to be a whole number from 1 to 10, found "11"');
    const badId = csv(IMDB_HEADER, [imdbRows[0].replace('tt0114709', '0114709')]);
    expect(importErrorOf(() => parseExternalRatings(badId, 'ratings.csv')).message).toBe('ratings.csv, line 2: expected an IMDb title id like tt0114709 in "Const", found "0114709"');
    const badStars = csv(LB_HEADER, ['2024-01-03,The Matrix,1999,https://boxd.it/29Ns,4.5', '2024-01-04,Se7en,1995,https://boxd.it/2a1m,7', '2024-01-04,Heat,1995,https://boxd.it/2a1m,3.3']);
    expect(importErrorOf(() => parseExternalRatings(badStars, 'ratings.csv')).message).toBe('ratings.csv, line 3: expected "Rating" to be 0.5 to 5 in half stars, found "7"');
    const short = csv(LB_HEADER, ['2024-01-03,The Matrix,1999,https://boxd.it/29Ns,4.5', '2024-01-04,Se7en,1995']);
    expect(importErrorOf(() => parseExternalRatings(short, 'ratings.csv')).message).toBe('ratings.csv, line 3: expected 5 fields as in the header, found 3 in "2024-01-04,Se7en,1995"');
  });
});

describe('the save plan', () => {
  const entry = (line: number, movieId: number, rating: number, ratedAt: number | null, takeImported = false): ImportEntry => ({ line, movieId, rating, ratedAt, takeImported });

  test("the person's own rating is kept unless they take the imported one; equal ratings write nothing", () => {
    const existing = new Map([
      [1, 3],
      [2571, 5],
      [47, 2],
    ]);
    const plan = planImport([entry(2, 1, 4, 100), entry(3, 2571, 5, 200), entry(4, 47, 4.5, 300, true), entry(5, 29, 3.5, null)], existing, 999);
    expect(plan.save).toEqual([
      { movieId: 47, rating: 4.5, ratedAt: 300, replace: true },
      { movieId: 29, rating: 3.5, ratedAt: 999, replace: false },
    ]);
    expect([plan.keptMine, plan.same]).toEqual([1, 1]);
  });

  test('two rows for one movie keep the later one (by date, then line)', () => {
    const plan = planImport([entry(2, 29, 4, 200), entry(3, 29, 3.5, 100), entry(4, 47, 2, 50), entry(5, 47, 3, 50)], new Map(), 0);
    expect(plan.save).toEqual([
      { movieId: 29, rating: 4, ratedAt: 200, replace: false },
      { movieId: 47, rating: 3, ratedAt: 50, replace: false },
    ]);
    expect(plan.duplicates).toEqual([
      { line: 3, keptLine: 2 },
      { line: 4, keptLine: 5 },
    ]);
  });

  test('a rating off the half-star scale is refused', () => {
    expect(() => planImport([entry(2, 1, 4.2, 0)], new Map(), 0)).toThrow('line 2: rating must be 0.5 to 5 in half stars, got 4.2');
  });
});

describe.runIf(sampleZipPath)('realistic exports against the real ml-latest-small', () => {
  // Read in a hook, not in this body: a skipped suite's body still runs (to list its tests), and without the sample
  // sampleFiles() would fail the whole file instead of skipping these.
  let sample: CatalogueIndex;
  beforeAll(() => {
    const files = sampleFiles();
    const links = new Map(parseLinksCsv(files['links.csv']).map((l) => [l.movieId, l.imdbId]));
    sample = new CatalogueIndex(parseMoviesCsv(files['movies.csv']).map((m) => ({ ...m, imdbId: links.get(m.movieId) ?? null, count: 0 })));
  });

  test('an IMDb export: every film maps through links.csv; only the TV series and the 2023 film do not', () => {
    const m = matchExternalRatings(parseExternalRatings(csv(IMDB_HEADER, imdbRows), 'ratings.csv'), sample);
    expect(m.map((x) => (x.kind === 'matched' ? x.movieId : x.kind))).toEqual([1, 2571, 2324, 'unmatched', 170705, 'unmatched']);
  });

  test('a Letterboxd export of well-known films: names as Letterboxd writes them', () => {
    const films: [string, number, number | 'ambiguous' | 'unmatched'][] = [
      ['The Shawshank Redemption', 1994, 318],
      ['Forrest Gump', 1994, 356],
      ['The Silence of the Lambs', 1991, 593],
      ['Terminator 2: Judgment Day', 1991, 589],
      ['Raiders of the Lost Ark', 1981, 1198],
      ['The Lord of the Rings: The Fellowship of the Ring', 2001, 4993],
      ['Spirited Away', 2001, 5618],
      ['Léon: The Professional', 1994, 293],
      ['The Good, the Bad and the Ugly', 1966, 1201],
      ['Crouching Tiger, Hidden Dragon', 2000, 3996],
      ["Pan's Labyrinth", 2006, 48394],
      ['Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb', 1964, 750],
      ['WALL·E', 2008, 60069],
      ["Harry Potter and the Philosopher's Stone", 2001, 4896],
      ['Birdman or (The Unexpected Virtue of Ignorance)', 2014, 112183],
      ['Oldboy', 2003, 27773],
      ['Mad Max: Fury Road', 2015, 122882],
      ['Amélie', 2001, 4973],
      ['Se7en', 1995, 47],
      ['The Empire Strikes Back', 1980, 'ambiguous'],
      ['War of the Worlds', 2005, 'ambiguous'],
      ['Parasite', 2019, 'unmatched'],
      ['Everything Everywhere All at Once', 2022, 'unmatched'],
    ];
    const rows = films.map(([name, year], k) => `2024-02-${String(k + 1).padStart(2, '0')},"${name}",${year},https://boxd.it/x${k},4`);
    const m = matchExternalRatings(parseExternalRatings(csv(LB_HEADER, rows), 'ratings.csv'), sample);
    expect(m.map((x) => (x.kind === 'matched' ? x.movieId : x.kind))).toEqual(films.map((f) => f[2]));
    expect(m[19]).toMatchObject({ candidates: [1196] });
  });
});

describe('worker API on the tiny fixture (fake-indexeddb): preview stores nothing, save keeps what the person rated', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));

  test('preview → save with a conflict kept and one taken; a rating made after the review is never overwritten', async () => {
    const zip = zipSync({ 'ml-tiny/ratings.csv': fixture('ratings.csv'), 'ml-tiny/movies.csv': fixture('movies.csv'), 'ml-tiny/links.csv': fixture('links.csv') });
    await api.importFiles([{ name: 'ml-tiny.zip', bytes: zip }], () => {});
    await api.rate(1, 3); // Toy Story: the person's own 3 stars
    await api.rate(3, 2); // Dr. Strangelove: 2 stars
    const text = csv(IMDB_HEADER, [
      imdbRows[0], // Toy Story, 8 → 4
      'tt0112346,6,2022-02-02,The American President,The American President,https://www.imdb.com/title/tt0112346,Movie,6.8,114,1995,"Comedy, Drama, Romance",60000,1995-11-17,Rob Reiner',
      'tt0057012,10,2022-03-03,Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb,Dr. Strangelove,https://www.imdb.com/title/tt0057012,Movie,8.4,95,1964,"Comedy, War",500000,1964-01-29,Stanley Kubrick',
      'tt0211915,9,2022-04-04,Amélie,Le fabuleux destin d\'Amélie Poulain,https://www.imdb.com/title/tt0211915,Movie,8.3,122,2001,"Comedy, Romance",780000,2001-04-25,Jean-Pierre Jeunet',
      imdbRows[3], // Game of Thrones
    ]);
    const stars = async () => JSON.parse((await api.exportRatings()).json).ratings as unknown[];
    const before = await stars();
    const preview = await api.previewExternalImport({ name: 'ratings.csv', text });
    expect(await stars()).toEqual(before);
    expect(before).toHaveLength(2);
    expect(preview).toMatchObject({ source: 'imdb', sourceName: 'IMDb', rows: 5, ambiguous: [] });
    expect(preview.matched.map((m) => [m.movie.movieId, m.movie.title, m.row.rating, m.movie.myRating])).toEqual([
      [1, 'Toy Story', 4, 3],
      [2, 'The American President', 3, null],
      [3, 'Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb', 5, 2],
      [5, "Amélie (Fabuleux destin d'Amélie Poulain, Le)", 4.5, null],
    ]);
    expect(preview.unmatched).toEqual([{ row: { line: 6, title: 'Game of Thrones', year: 2011 }, reason: 'tt0944947 is not in this dataset (TV Series: MovieLens lists films)' }]);

    await api.rate(2, 1); // rated in another tab after the review was shown
    const entries = preview.matched.map((m) => ({ line: m.row.line, movieId: m.movie.movieId, rating: m.row.rating, ratedAt: m.row.ratedAt, takeImported: m.movie.movieId === 3 }));
    const { undo, ...counts } = await api.saveExternalImport(entries);
    expect(counts).toEqual({ saved: 2, keptMine: 2, same: 0, duplicates: 0 });
    expect(undo).toMatchObject({ kind: 'import', file: 'the import' }); // what Undo would revert
    const stored = new Map((await api.ratedMovies()).map((m) => [m.movieId, m.myRating]));
    expect([...stored].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 3],
      [2, 1],
      [3, 5],
      [5, 4.5],
    ]);
    await expect(api.previewExternalImport({ name: 'notes.txt', text: 'hello\n' })).rejects.toThrow('notes.txt, line 1: expected an IMDb ratings export');
    await expect(api.saveExternalImport([{ line: 2, movieId: 999999, rating: 4, ratedAt: null, takeImported: false }])).rejects.toThrow('line 2: movie 999999 is not in the active dataset');
    expect(stored.size).toBe((await api.ratedMovies()).length);
  });
});
