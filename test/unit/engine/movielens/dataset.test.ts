// From files to a dataset: file detection, zip handling, dense indices, statistics, missing movies, duplicates.
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { buildDataset } from '../../../../src/engine/movielens/dataset';
import { identifyFiles, unzipMovieLens } from '../../../../src/engine/movielens/files';
import { sampleZipPath } from '../../../sample';
import { importErrorOf } from '../../../importError';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/tiny/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const tiny = () => [
  { path: 'ratings.csv', bytes: fixture('ratings.csv') },
  { path: 'movies.csv', bytes: fixture('movies.csv') },
  { path: 'links.csv', bytes: fixture('links.csv') },
];

describe('buildDataset', () => {
  test('maps ids to dense indices and computes per-movie counts and means', () => {
    const d = buildDataset(identifyFiles(tiny(), 'tiny'));
    expect(d.stats).toMatchObject({ ratings: 8, users: 3, movies: 8, ratedMovies: 6, missingMovies: 0, duplicates: 0 });
    expect(d.stats.mean).toBeCloseTo((4 + 4.5 + 0.5 + 5 + 3 + 2.5 + 1 + 3.5) / 8, 10);
    expect(Array.from(d.userIds)).toEqual([1, 2, 3]);
    const toy = d.movies[0];
    expect(toy).toMatchObject({ movieId: 1, index: 0, count: 3, imdbId: '0114709', tmdbId: '862' });
    expect(toy.mean).toBeCloseTo((4 + 5 + 1) / 3, 10);
    expect(d.movies[5]).toMatchObject({ title: 'Babylon 5', count: 0, mean: 0 });
    expect(Array.from(d.ratings.items)).toEqual([0, 1, 3, 0, 2, 4, 0, 7]);
  });

  test('records when the latest rating was given and the newest movie year, read from the files', () => {
    const d = buildDataset(identifyFiles(tiny(), 'tiny'));
    const text = (name: string) => new TextDecoder().decode(fixture(name));
    const stamps = text('ratings.csv').trim().split('\n').slice(1).map((l) => Number(l.split(',').at(-1)));
    const years = [...text('movies.csv').matchAll(/\((\d{4})(?:–\d{4})?\)"?,/g)].map((m) => Number(m[1])); // a series' range counts from its start
    expect(d.stats.lastRatingAt).toBe(Math.max(...stamps));
    expect(d.stats.newestMovieYear).toBe(Math.max(...years));
    // A later duplicate that loses (an earlier timestamp) does not move it; one rating alone is one "rating".
    const files = tiny();
    files[0] = { path: 'ratings.csv', bytes: enc('userId,movieId,rating,timestamp\n1,1,4,500\n1,1,2,20\n') };
    const one = buildDataset(identifyFiles(files, 'x'));
    expect(one.stats).toMatchObject({ ratings: 1, duplicates: 1, lastRatingAt: 500 });
    expect(one.notes).toEqual(['1 repeated (user, movie) rating dropped, keeping the latest by timestamp']);
  });

  test('a rating for a movie missing from movies.csv is imported under a placeholder, counted and reported', () => {
    const files = tiny();
    files[0] = { path: 'ratings.csv', bytes: enc('userId,movieId,rating,timestamp\n1,1,4,10\n1,999,3,11\n2,999,5,12\n') };
    const d = buildDataset(identifyFiles(files, 'x'));
    expect(d.stats.missingMovies).toBe(2);
    expect(d.movies[8]).toMatchObject({ movieId: 999, index: 8, count: 2, mean: 4 });
    expect(d.notes.join()).toMatch(/2 ratings name movies missing from movies\.csv/);
  });

  test('repeated (user, movie) pairs keep the latest rating by timestamp and are reported', () => {
    const files = tiny();
    files[0] = { path: 'ratings.csv', bytes: enc('userId,movieId,rating,timestamp\n1,1,1,300\n1,1,5,100\n2,1,2,5\n1,1,3,200\n2,1,4,6\n') };
    const d = buildDataset(identifyFiles(files, 'x'));
    expect(d.stats.duplicates).toBe(3);
    expect(d.stats.ratings).toBe(2);
    expect(Array.from(d.ratings.ratings)).toEqual([1, 4]);
    expect(d.notes.join()).toMatch(/3 repeated \(user, movie\) ratings dropped/);
  });

  test('a ratings file with only a header is an error naming the file', () => {
    const files = tiny();
    files[0] = { path: 'ratings.csv', bytes: enc('userId,movieId,rating,timestamp\r\n') };
    expect(importErrorOf(() => buildDataset(identifyFiles(files, 'x'))).message).toBe('ratings.csv, line 2: expected at least one rating row after the header');
  });
});

describe('files and zips', () => {
  test('a GroupLens-style zip with a top folder is read, genome files are skipped with a note', () => {
    const zip = zipSync({
      'ml-tiny/ratings.csv': fixture('ratings.csv'),
      'ml-tiny/movies.csv': fixture('movies.csv'),
      'ml-tiny/links.csv': fixture('links.csv'),
      'ml-tiny/genome-scores.csv': enc('movieId,tagId,relevance\n'),
    });
    const files = identifyFiles(unzipMovieLens('ml-tiny.zip', zip), 'ml-tiny.zip');
    expect(files.ratings.path).toBe('ml-tiny/ratings.csv');
    expect(files.notes).toEqual(['skipped ml-tiny/genome-scores.csv']);
    expect(buildDataset(files).stats.ratings).toBe(8);
  });

  test('a truncated zip, a non-zip and an unknown file set get clear errors', () => {
    const zip = zipSync({ 'ml/ratings.csv': fixture('ratings.csv'), 'ml/movies.csv': fixture('movies.csv') });
    expect(importErrorOf(() => unzipMovieLens('ml.zip', zip.subarray(0, zip.length - 30))).message).toMatch(/^ml\.zip: expected a complete zip archive; it is truncated or corrupt/);
    expect(importErrorOf(() => unzipMovieLens('notes.zip', enc('hello world, this is not a zip file'))).message).toMatch(/^notes\.zip: expected a zip archive/);
    expect(importErrorOf(() => identifyFiles([{ path: 'data.txt', bytes: enc('x') }], 'my files')).message).toBe(
      'my files: expected a MovieLens release: ratings.csv + movies.csv (ml-latest, ml-20m, ml-25m, ml-32m), ratings.dat + movies.dat (ml-1m, ml-10m) or u.data + u.item (ml-100k); found data.txt',
    );
    expect(importErrorOf(() => identifyFiles([{ path: 'ml-100k/u.data', bytes: enc('1\t2\t3\t4') }], 'ml-100k.zip')).message).toBe('ml-100k.zip: expected u.item beside u.data');
  });
});

describe.runIf(sampleZipPath)('the real ml-latest-small zip', () => {
  test('has the counts its README states', () => {
    const d = buildDataset(identifyFiles(unzipMovieLens('ml-latest-small.zip', new Uint8Array(readFileSync(sampleZipPath!))), 'sample'));
    expect(d.stats).toMatchObject({ ratings: 100_836, users: 610, movies: 9_742, ratedMovies: 9_724, missingMovies: 0, duplicates: 0, scale: { min: 0.5, max: 5 } });
    expect(d.notes).toEqual([]);
    // tags.csv is read: 1,572 movies have tags; "Holocaust"/"holocaust" count as one tag, shown as spelled first.
    expect(d.tags.size).toBe(1_572);
    expect(d.tags.get(527)!.slice(0, 2)).toEqual([
      { tag: 'Holocaust', count: 2 },
      { tag: 'based on a true story', count: 1 },
    ]);
    const forrest = d.movies.find((m) => m.movieId === 356)!;
    expect(forrest).toMatchObject({ title: 'Forrest Gump', year: 1994, count: 329 });
  });
});
