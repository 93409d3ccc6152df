// The worker API end to end in Node (fake-indexeddb): import, train, fallback, rate → personal list, search, bad input.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);

describe('engine API on the tiny fixture', () => {
  test('import → train → popular fallback → rate → personal list that excludes rated movies', async () => {
    const zip = zipSync({ 'ml-tiny/ratings.csv': fixture('ratings.csv'), 'ml-tiny/movies.csv': fixture('movies.csv'), 'ml-tiny/links.csv': fixture('links.csv') });
    const phases = new Set<string>();
    let last = 0;
    const ds = await api.importFiles([{ name: 'ml-tiny.zip', bytes: zip }], (p) => {
      phases.add(p.phase);
      expect(p.fraction).toBeGreaterThanOrEqual(last);
      last = p.fraction;
    });
    expect(ds).toMatchObject({ name: 'ml-tiny', ratings: 8, users: 3, movies: 8 });
    expect([...phases]).toEqual(['unzip', 'parse', 'write']);
    expect(last).toBe(1);

    let status = await api.status();
    expect(status.active?.id).toBe(ds.id);
    expect(status.model).toBeNull();

    const fallback = await api.recommend({ n: 3, minCount: 2 });
    expect(fallback.kind).toBe('popular');
    // Only Toy Story has >= 2 ratings (4, 5, 1): damped mean with the global mean 3 and damping 10.
    expect(fallback.items.map((m) => m.title)).toEqual(['Toy Story']);
    expect(fallback.items[0].predicted).toBeCloseTo((10 + 10 * 3) / 13, 10);

    const iterations: number[] = [];
    const model = await api.train({ rank: 2, iterations: 4 }, (i) => iterations.push(i.iteration));
    expect(iterations).toEqual([1, 2, 3, 4]);
    expect(model.history).toHaveLength(4);
    status = await api.status();
    expect(status.model?.id).toBe(model.id);

    await api.rate(1, 5);
    await api.rate(2, 1);
    const personal = await api.recommend({ n: 10, minCount: 0 });
    expect(personal.kind).toBe('personal');
    const ids = personal.items.map((m) => m.movieId);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(2);
    expect(ids).toHaveLength(6);
    for (const m of personal.items) expect(m.predicted).toBeGreaterThanOrEqual(0.5);
    expect((await api.ratedMovies()).map((m) => [m.movieId, m.myRating])).toEqual(
      expect.arrayContaining([
        [1, 5],
        [2, 1],
      ]),
    );

    // Filters and "not interested".
    const listed = async (o: Parameters<typeof api.recommend>[0]) => (await api.recommend({ n: 10, minCount: 0, ...o })).items.map((m) => m.movieId).sort((a, b) => a - b);
    expect(await listed({ genre: 'Drama' })).toEqual([4]);
    expect(await listed({ genre: 'Comedy' })).toEqual([3, 5]);
    expect(await listed({ yearFrom: 2001 })).toEqual([4, 5, 7, 8]);
    expect(await listed({ yearFrom: 2001, yearTo: 2004 })).toEqual([4, 5, 7]);
    await api.hide(4);
    expect(await listed({})).toEqual([3, 5, 6, 7, 8]);
    await api.hide(4, false);
    expect(await listed({})).toEqual([3, 4, 5, 6, 7, 8]);
    expect(await api.genres()).toEqual(['Adventure', 'Animation', 'Children', 'Comedy', 'Drama', 'Fantasy', 'Romance', 'Sci-Fi', 'War']);

    expect((await api.search('president')).map((m) => m.title)).toEqual(['The American President']);
    expect((await api.search('AMELIE 2001')).map((m) => m.movieId)).toEqual([5]);
    expect(await api.search('   ')).toEqual([]);
    expect((await api.moviesToRate(2)).map((m) => m.movieId)).toEqual([3, 4]);
  });

  test('a bad file is refused with file and line, and leaves the dataset, model and ratings untouched', async () => {
    const before = await api.status();
    const bad = enc('userId,movieId,rating,timestamp\n1,1,4,100\n1,2,7,101\n');
    await expect(api.importFiles([{ name: 'ratings.csv', bytes: bad }, { name: 'movies.csv', bytes: fixture('movies.csv') }], () => {})).rejects.toThrow(
      'ratings.csv, line 3: expected a rating from 0.5 to 5 in half-star steps, found 7 in "1,2,7,101"',
    );
    await expect(api.importFiles([{ name: 'broken.zip', bytes: enc('PK\u0003\u0004 not really a zip file at all') }], () => {})).rejects.toThrow(/^broken\.zip: expected a complete zip archive/);
    const after = await api.status();
    expect(after.datasets).toEqual(before.datasets);
    expect(after.model?.id).toBe(before.model?.id);
    expect(after.ratedCount).toBe(2);
    expect(after.cleaned).toEqual([]);
  });
});
