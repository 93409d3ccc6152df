// The older MovieLens layouts (ml-100k, ml-1m, ml-10m) from hand-made fixtures: detection, encodings, parsing and located errors.
import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { buildDataset } from '../../../../src/engine/movielens/dataset';
import { identifyFiles, unzipMovieLens, type InputFile } from '../../../../src/engine/movielens/files';
import { parseMoviesDat, parseUGenre, parseUItem } from '../../../../src/engine/movielens/legacyText';
import { parseRatingsCsv, RatingsCsvParser } from '../../../../src/engine/movielens/ratingsCsv';
import { detectRelease } from '../../../../src/engine/movielens/release';
import { importErrorOf } from '../../../importError';

const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const folder = (name: string, prefix = ''): InputFile[] => {
  const dir = new URL(`../../../fixtures/${name}/`, import.meta.url);
  return readdirSync(dir)
    .sort()
    .map((f) => ({ path: `${prefix}${f}`, bytes: new Uint8Array(readFileSync(new URL(f, dir))) }));
};
const zipOf = (files: InputFile[]) => zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes])));

describe('ml-100k (u.data, u.item, u.genre)', () => {
  test('loose files: tab-separated ratings in any order, Latin-1 titles, genre flags named by u.genre, u.user ignored', () => {
    const files = identifyFiles(folder('ml-100k'), 'my files');
    expect(files.layout).toMatchObject({ layout: 'u.data', release: 'ml-100k', ratings: { path: 'u.data', format: 'tab' } });
    expect(files.notes).toEqual([]);
    const d = buildDataset(files);
    expect(d.stats).toMatchObject({ ratings: 7, users: 3, movies: 5, ratedMovies: 5, duplicates: 1, missingMovies: 0, scale: { min: 1, max: 5 } });
    expect(d.movies.map((m) => m.title)).toEqual(['Toy Story', 'GoldenEye', 'Cité des enfants perdus, La', 'unknown', 'Muppet Treasure Island']);
    expect(d.movies[0]).toMatchObject({ movieId: 1, year: 1995, genres: ['Animation', "Children's", 'Comedy'], count: 3, imdbId: null });
    expect(d.movies[0].mean).toBeCloseTo((4 + 5 + 4) / 3, 10);
    expect(d.movies[3]).toMatchObject({ year: null, genres: [] });
    // user 2 rated movie 3 twice: 2 stars at 878887116, then 5 stars at 884182900; the later one is kept.
    expect(d.movies[2]).toMatchObject({ count: 1, mean: 5 });
    expect(d.notes).toEqual(['1 repeated (user, movie) rating dropped, keeping the latest by timestamp']);
  });

  test('the GroupLens zip layout (ml-100k/ folder with the split files) reads the same and notes what it skipped', () => {
    const extra = ['u1.base', 'u1.test', 'u2.base', 'ua.base', 'ub.test', 'u.info', 'u.occupation', 'allbut.pl', 'README'].map((f) => ({ path: `ml-100k/${f}`, bytes: enc('1\t1\t1\t1\n') }));
    const zip = zipOf([...folder('ml-100k', 'ml-100k/'), ...extra]);
    const files = identifyFiles(unzipMovieLens('ml-100k.zip', zip), 'ml-100k.zip');
    expect(files.ratings.path).toBe('ml-100k/u.data');
    expect(files.notes).toEqual(['skipped 8 files not used by PocketLens: ml-100k/u1.base, ml-100k/u1.test, ml-100k/u2.base, ml-100k/ua.base, ml-100k/ub.test, …']);
    expect(buildDataset(files).stats.ratings).toBe(7);
  });

  test('without u.genre the README genre names are used, with a note', () => {
    const files = identifyFiles(
      folder('ml-100k').filter((f) => f.path !== 'u.genre'),
      'x',
    );
    expect(files.notes).toEqual(['u.genre not found: genre flags named as in the ml-100k README']);
    expect(buildDataset(files).movies[1].genres).toEqual(['Action', 'Adventure', 'Thriller']);
  });

  test('u.item and u.genre errors name the file, the line and what was expected', () => {
    const genres = parseUGenre(latin1('unknown|0\nAction|1\n'));
    expect(genres).toEqual(['unknown', 'Action']);
    expect(importErrorOf(() => parseUItem(latin1('1|A (1990)|||'), 'u.item', genres)).message).toBe(
      'u.item, line 1: expected 7 "|"-separated fields (movie id, title, release date, video release date, IMDb URL, 2 genre flags), found 5 in "1|A (1990)|||"',
    );
    expect(importErrorOf(() => parseUItem(latin1('1|A|||x|0|1\n1x|B|||y|0|1\n'), 'u.item', genres)).message).toBe(
      'u.item, line 2: expected a whole-number movie id as field 1, found "1x" in "1x|B|||y|0|1"',
    );
    expect(importErrorOf(() => parseUItem(latin1('1|A|||x|0|2'), 'u.item', genres)).message).toBe('u.item, line 1: expected genre flag 2 (Action) to be 0 or 1, found "2"');
    expect(importErrorOf(() => parseUItem(latin1('1,A,,,x,0,1'), 'u.item', genres)).message).toMatch(/wrong separator\? u\.item is "\|" separated/);
    expect(importErrorOf(() => parseUItem(latin1('1|A|||x|0|1\n1|B|||y|0|1'), 'u.item', genres)).message).toBe('u.item, line 2: expected each movie id once; 1 appears again');
    expect(importErrorOf(() => parseUGenre(latin1('unknown|0\nAction|2\n'))).message).toBe('u.genre, line 2: expected genre index 1, found 2');
    expect(importErrorOf(() => parseUItem(latin1('\n\n'))).message).toMatch(/^u\.item: the file is empty/);
  });

  test('u.data errors: wrong separator, non-numeric id, rating outside the scale, empty file', () => {
    const tab = (text: string) => importErrorOf(() => parseRatingsCsv(enc(text), 'ml-100k/u.data', undefined, 'tab'));
    expect(tab('196,242,3,881250949\n').message).toBe(
      'ml-100k/u.data, line 1: expected a whole-number userId as field 1 in "196,242,3,881250949" (wrong separator? u.data is tab separated)',
    );
    expect(tab('196\t242\t3\t881250949\n186\tx\t3\t891717742\n').message).toBe('ml-100k/u.data, line 2: expected a whole-number movieId as field 2 in "186\\tx\\t3\\t891717742"');
    expect(tab('196\t242\t6\t881250949\n').message).toMatch(/^ml-100k\/u\.data, line 1: expected a rating from 0\.5 to 5 in half-star steps, found 6/);
    expect(tab('').message).toBe('ml-100k/u.data: the file is empty; expected lines of user id<TAB>item id<TAB>rating<TAB>timestamp');
  });
});

describe('ml-1m and ml-10m (ratings.dat, movies.dat)', () => {
  test('ml-1m: "::" separated, ISO-8859-1 movies.dat, whole stars; users.dat marks the release', () => {
    const files = identifyFiles(folder('ml-1m'), 'ml-1m files');
    expect(files.layout).toMatchObject({ layout: 'dat', release: 'ml-1m', movies: { encoding: 'latin1' } });
    const d = buildDataset(files);
    expect(d.stats).toMatchObject({ ratings: 5, users: 2, movies: 4, scale: { min: 2, max: 5 } });
    expect(d.movies[2]).toMatchObject({ movieId: 3, title: 'Misérables, Les', year: 1995, genres: ['Drama', 'Musical'], count: 2, mean: 4 });
    expect(d.movies[3].title).toBe('"Great Performances" Cats');
    expect(d.notes).toEqual([]);
  });

  test('ml-10m zip (ml-10M100K/ folder): UTF-8 movies.dat, half stars, last line without newline, tags.dat read', () => {
    const zip = zipOf(folder('ml-10m', 'ml-10M100K/'));
    const files = identifyFiles(unzipMovieLens('ml-10m.zip', zip), 'ml-10m.zip');
    expect(files.layout).toMatchObject({ release: 'ml-10m', movies: { encoding: 'utf-8' } });
    const d = buildDataset(files);
    expect(d.stats).toMatchObject({ ratings: 6, users: 3, movies: 4, ratedMovies: 4, scale: { min: 0.5, max: 5 } });
    expect(Array.from(d.ratings.ratings)).toEqual([4.5, 3.5, 5, 0.5, 2, 4.5]);
    expect(d.movies[1]).toMatchObject({ title: "Amélie (Fabuleux destin d'Amélie Poulain, Le)", year: 2001 });
    expect(d.movies[3]).toMatchObject({ movieId: 5, genres: [], count: 1, mean: 0.5 });
    expect(d.notes).toEqual([]);
    expect([...d.tags]).toEqual([[4973, [{ tag: 'excellent!', count: 1 }]]]);
  });

  test('loose ratings.dat + movies.dat without a hint: the encoding is detected from the bytes', () => {
    const only = (name: string) => folder(name).filter((f) => f.path === 'ratings.dat' || f.path === 'movies.dat');
    const m1 = identifyFiles(only('ml-1m'), 'x');
    expect(m1.layout).toMatchObject({ release: 'ml-1m or ml-10m', movies: { encoding: 'auto' } });
    expect(buildDataset(m1).movies[2].title).toBe('Misérables, Les');
    expect(buildDataset(identifyFiles(only('ml-10m'), 'x')).movies[1].title).toMatch(/^Amélie/);
  });

  test('ratings.dat and movies.dat errors name the file, the line and what was expected', () => {
    const dat = (text: string) => importErrorOf(() => parseRatingsCsv(enc(text), 'ratings.dat', undefined, 'dat'));
    expect(dat('1::1193::5::978300760\n1:661:3:978302109\n').message).toBe(
      'ratings.dat, line 2: expected a whole-number userId as field 1 in "1:661:3:978302109" (wrong separator? ratings.dat is "::" separated)',
    );
    expect(dat('1::1193::3.3::978300760').message).toMatch(/^ratings\.dat, line 1: expected a rating from 0\.5 to 5 in half-star steps, found 3\.3/);
    expect(dat('1::1193::5::978300760::x\n').message).toMatch(/line 1: expected a whole-number timestamp as field 4 and nothing after it/);
    expect(importErrorOf(() => parseMoviesDat(latin1('1::Toy Story (1995)::Comedy\n2,Jumanji (1995),Adventure\n'))).message).toBe(
      'movies.dat, line 2: expected 3 "::"-separated fields (MovieID::Title::Genres), found 1 in "2,Jumanji (1995),Adventure" (wrong separator? movies.dat is "::" separated)',
    );
    expect(importErrorOf(() => parseMoviesDat(latin1('x::Toy Story (1995)::Comedy\n'))).message).toBe('movies.dat, line 1: expected a whole-number MovieID as field 1, found "x" in "x::Toy Story (1995)::Comedy"');
    expect(importErrorOf(() => parseMoviesDat(latin1('Mis\xe9rables'), 'movies.dat', 'utf-8')).message).toMatch(/not valid UTF-8/);
  });
});

describe('release detection from file names', () => {
  test('missing partners, two releases mixed, duplicates and unknown sets are explained', () => {
    const err = (paths: string[]) => importErrorOf(() => detectRelease(paths, 'drop')).message;
    expect(err(['ml-100k/u.data', 'ml-100k/u.user'])).toBe('drop: expected u.item beside u.data');
    expect(err(['movies.dat'])).toBe('drop: expected ratings.dat beside movies.dat');
    expect(err(['ratings.csv', 'movies.csv', 'ratings.dat', 'movies.dat'])).toBe('drop: expected one MovieLens release, found the files of two (csv and dat layouts)');
    expect(err(['a/ratings.csv', 'b/ratings.csv', 'a/movies.csv'])).toBe('drop: expected one MovieLens release, found two files named ratings.csv');
    expect(err(['notes.txt'])).toMatch(/^drop: expected a MovieLens release: ratings\.csv \+ movies\.csv .* u\.data \+ u\.item \(ml-100k\); found notes\.txt$/);
  });

  test('file names are matched without regard to case or folder; macOS metadata is ignored', () => {
    const layout = detectRelease(['ML-1M/Ratings.DAT', 'ML-1M/movies.dat', '__MACOSX/ML-1M/._movies.dat', 'ML-1M/README'], 'x');
    expect(layout).toMatchObject({ layout: 'dat', release: 'ml-1m', ratings: { path: 'ML-1M/Ratings.DAT' }, notes: [] });
  });
});

describe('fast ratings paths agree with a reference on generated edge cases', () => {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = Array.from({ length: 2000 }, () => [Math.floor(rnd() * 1e6), Math.floor(rnd() * 3e5), 0.5 * (1 + Math.floor(rnd() * 10)), Math.floor(rnd() * 2e9)]);
  const plain = (r: ReturnType<typeof parseRatingsCsv>) => Array.from({ length: r.length }, (_, i) => [r.userIds[i], r.movieIds[i], r.ratings[i], r.timestamps[i]]);

  test('u.data (tab) against papaparse, whatever the chunk boundaries', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = rows.map((r) => r.join('\t')).join(eol);
      const ref = Papa.parse<string[]>(text, { delimiter: '\t', skipEmptyLines: true }).data.map((f) => f.map(Number));
      expect(plain(parseRatingsCsv(enc(text), 'u.data', undefined, 'tab'))).toEqual(ref);
      const p = new RatingsCsvParser('u.data', undefined, 'tab');
      const bytes = enc(text);
      for (let o = 0; o < bytes.length; o += 5) p.push(bytes.subarray(o, o + 5));
      expect(plain(p.finish())).toEqual(ref);
    }
  });

  test('ratings.dat ("::") against a split reference, including "::" split across chunks', () => {
    const text = rows.map((r) => r.join('::')).join('\n') + '\n';
    const ref = text.trim().split('\n').map((l) => l.split('::').map(Number));
    for (const size of [1, 3, 4096]) {
      const p = new RatingsCsvParser('ratings.dat', undefined, 'dat');
      const bytes = enc(text);
      for (let o = 0; o < bytes.length; o += size) p.push(bytes.subarray(o, o + size));
      expect(plain(p.finish())).toEqual(ref);
    }
  });
});
