// The MovieLens-shaped generator: exact sizes, seeded bytes, long tails, half stars, per-user time order, planted signal, zip output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDataset } from '../../../../src/engine/movielens/dataset';
import { identifyFiles, unzipMovieLens } from '../../../../src/engine/movielens/files';
import { parseRatingsCsv } from '../../../../src/engine/movielens/ratingsCsv';
import { parseLinksCsv, parseMoviesCsv } from '../../../../src/engine/movielens/textCsv';
import { checkSynthOptions, plantedTruth, synthLinksCsv, synthMoviesCsv, synthRatingsCsv, type SynthReleaseOptions } from '../../../../src/engine/movielens/synthRelease';
import { synthMovieId } from '../../../../src/engine/movielens/writeRelease';
import { writeSynthRelease } from '../../../../src/cli/commands/synthCommand';

const OPTS: SynthReleaseOptions = { ratings: 60_000, users: 500, movies: 800, seed: 3 };

function bytesOf(opts: SynthReleaseOptions): { chunks: Uint8Array[]; all: Uint8Array } {
  const chunks = Array.from(synthRatingsCsv(opts));
  const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return { chunks, all };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

describe('synthRatingsCsv', () => {
  const { chunks, all } = bytesOf(OPTS);
  const r = parseRatingsCsv(all);

  test('has exactly the requested ratings, users and movies, in byte chunks of at most 1 MiB', () => {
    expect(r.length).toBe(60_000);
    expect(new Set(r.userIds).size).toBe(500);
    expect(Math.max(...r.userIds)).toBe(500);
    const ids = new Set(Array.from({ length: 800 }, (_, i) => synthMovieId(i)));
    expect(r.movieIds.every((m) => ids.has(m))).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(1 << 20);
    const pairs = new Set(Array.from(r.userIds, (u, k) => u * 1e6 + r.movieIds[k]));
    expect(pairs.size).toBe(60_000); // no repeated (user, movie)
  });

  test('is reproducible from the seed', () => {
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
    expect(same(bytesOf(OPTS).all, all)).toBe(true);
    expect(same(bytesOf({ ...OPTS, seed: 4 }).all, all)).toBe(false);
  });

  test('user activity and movie popularity are long-tailed; every user has at least 20 ratings', () => {
    const perUser = new Map<number, number>();
    const perMovie = new Map<number, number>();
    for (let k = 0; k < r.length; k++) {
      perUser.set(r.userIds[k], (perUser.get(r.userIds[k]) ?? 0) + 1);
      perMovie.set(r.movieIds[k], (perMovie.get(r.movieIds[k]) ?? 0) + 1);
    }
    const users = [...perUser.values()];
    const movies = [...perMovie.values()];
    expect(Math.min(...users)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...users)).toBeGreaterThan(5 * median(users));
    expect(60_000 / 500 / median(users)).toBeGreaterThan(1.5); // mean well above the median
    expect(Math.max(...movies)).toBeGreaterThan(10 * median(movies));
  });

  test('ratings are half stars from 0.5 to 5, whole stars more common; timestamps increase within each user', () => {
    const freq = new Map<number, number>();
    for (const x of r.ratings) freq.set(x, (freq.get(x) ?? 0) + 1);
    expect([...freq.keys()].sort((a, b) => a - b)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(freq.get(4)!).toBeGreaterThan(freq.get(3.5)! + freq.get(4.5)!);
    let backwards = 0;
    for (let k = 1; k < r.length; k++) if (r.userIds[k] === r.userIds[k - 1] && r.timestamps[k] <= r.timestamps[k - 1]) backwards++;
    expect(backwards).toBe(0);
    expect(Math.min(...r.timestamps)).toBeGreaterThanOrEqual(789_652_009);
    expect(Math.max(...r.timestamps)).toBeLessThan(1_574_327_703);
  });

  test('the stars follow the planted low-rank truth', () => {
    const t = plantedTruth(500, 800, 8, 3 + 7);
    const pred: number[] = [];
    for (let k = 0; k < r.length; k++) {
      const u = r.userIds[k] - 1;
      const i = (r.movieIds[k] - 1) / 3;
      let dot = 0;
      for (let j = 0; j < 8; j++) dot += t.P[u * 8 + j] * t.Q[i * 8 + j];
      pred.push(t.mu + t.userBias[u] + t.itemBias[i] + 0.8 * dot);
    }
    const ys = Array.from(r.ratings);
    const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
    const mp = mean(pred);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let k = 0; k < ys.length; k++) {
      sxy += (pred[k] - mp) * (ys[k] - my);
      sxx += (pred[k] - mp) ** 2;
      syy += (ys[k] - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.75);
  });

  test('impossible sizes are refused with the option named', () => {
    expect(() => checkSynthOptions({ ratings: 10, users: 20, movies: 5 })).toThrow('--ratings (10) must be at least --users (20)');
    expect(() => checkSynthOptions({ ratings: 101, users: 10, movies: 10 })).toThrow('cannot exceed users × movies (100)');
    expect(() => checkSynthOptions({ ratings: 1.5, users: 1, movies: 5 })).toThrow('--ratings must be a whole number');
  });
});

describe('movies.csv and links.csv', () => {
  test('parse with the app parsers, one row per movie', () => {
    const movies = parseMoviesCsv(new TextEncoder().encode(synthMoviesCsv(800)));
    expect(movies).toHaveLength(800);
    expect(movies[6]).toEqual({ movieId: 19, title: 'Synthetic Movie 7, The', year: 1956, genres: ['Documentary', 'Film-Noir'] });
    expect(parseLinksCsv(new TextEncoder().encode(synthLinksCsv(800)))[0]).toEqual({ movieId: 1, imdbId: '1000000', tmdbId: '10' });
  });
});

describe('cli synth', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pocketlens-synth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('--zip writes a GroupLens-style zip (top folder) that imports with the same counts as the loose files', () => {
    const small = { ratings: 5_000, users: 100, movies: 300, seed: 9 };
    const loose = writeSynthRelease(small, join(dir, 'ml-synth'), false);
    expect(loose.files.map((f) => f.split('/').pop())).toEqual(['ratings.csv', 'movies.csv', 'links.csv']);
    const zipped = writeSynthRelease(small, join(dir, 'ml-synth-zip'), true);
    expect(zipped.files).toEqual([join(dir, 'ml-synth-zip', 'ml-synth-zip.zip')]);
    expect(zipped.ratingsCsvBytes).toBe(loose.ratingsCsvBytes);
    const files = identifyFiles(unzipMovieLens('ml-synth-zip.zip', new Uint8Array(readFileSync(zipped.files[0]))), 'zip');
    expect(files.ratings.path).toBe('ml-synth-zip/ratings.csv');
    expect(Buffer.from(files.ratings.bytes).equals(readFileSync(join(dir, 'ml-synth', 'ratings.csv')))).toBe(true);
    expect(buildDataset(files).stats).toMatchObject({ ratings: 5_000, users: 100, movies: 300, duplicates: 0, missingMovies: 0 });
  });
});
