// The Letterboxd-layout export through the worker API, read back by the app's own import review and save: same ratings.
import 'fake-indexeddb/auto';
import { zipSync } from 'fflate';
import { expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';

const enc = (s: string) => new TextEncoder().encode(s);
const DAY = 86_400_000;

const MOVIES = `movieId,title,genres
1,Toy Story (1995),Animation
2,"Good, the Bad and the Ugly, The (Buono, il brutto, il cattivo, Il) (1966)",Western
3,"Film ""Quoted"" Title, A (2001)",Drama
4,+1 (2013),Comedy
5,"=1+2 ""sum"", of it (2020)",Drama
6,"Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)",Comedy|Romance
7,Emma (1996),Drama
8,Emma (2009),Drama
9,No Links Here (1999),Drama
`;
const LINKS = `movieId,imdbId,tmdbId
1,0114709,862
2,0060196,429
4,2395385,
5,,999999
6,0211915,194
7,0116191,3573
8,1227536,
`;
const RATINGS = ['userId,movieId,rating,timestamp', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((m) => [`1,${m},4.0,964982703`, `2,${m},3.5,964982704`])].join('\n') + '\n';

test('rate → export (Letterboxd layout) → forget → import review → save: the same movies and stars, dated the same day', async () => {
  await api.importFiles([{ name: 'ml-travel.zip', bytes: zipSync({ 'ml-travel/movies.csv': enc(MOVIES), 'ml-travel/links.csv': enc(LINKS), 'ml-travel/ratings.csv': enc(RATINGS) }) }], () => {});
  const mine: [number, number][] = [
    [1, 4],
    [2, 5],
    [3, 0.5],
    [4, 3.5],
    [5, 2],
    [6, 4.5],
    [7, 3],
    [8, 1.5],
    [9, 2.5],
  ];
  for (const [id, stars] of mine) await api.rate(id, stars);
  const before = JSON.parse((await api.exportRatings()).json).ratings as { movieId: number; rating: number; ratedAt: number }[];
  expect(before.map((r) => [r.movieId, r.rating])).toEqual(mine);

  const out = await api.exportLetterboxd();
  expect(out).toMatchObject({ rows: 9, missing: [] });
  expect(out.parts).toEqual([out.csv]);
  const lines = out.csv.split('\r\n');
  expect(lines[0]).toBe('Title,Year,imdbID,tmdbID,Rating,Rating10,WatchedDate');
  const day = new Date(before[0].ratedAt).toISOString().slice(0, 10);
  expect(lines).toContain(`"The Good, the Bad and the Ugly",1966,tt0060196,429,5,10,${day}`);
  expect(lines).toContain(`"'=1+2 ""sum"", of it",2020,,999999,2,4,${day}`);
  expect(lines).toContain(`'+1,2013,tt2395385,,3.5,7,${day}`);
  expect(lines).toContain(`No Links Here,1999,,,2.5,5,${day}`);

  for (const [id] of mine) await api.rate(id, null);
  expect(await api.ratedMovies()).toEqual([]);

  const preview = await api.previewExternalImport({ name: 'pocketlens-letterboxd.csv', text: out.csv });
  expect(preview).toMatchObject({ source: 'letterboxd-import', sourceName: 'Letterboxd import CSV', rows: 9, ambiguous: [], unmatched: [] });
  expect(new Map(preview.matched.map((m) => [m.movie.movieId, m.row.rating]))).toEqual(new Map(mine));
  expect(preview.matched.every((m) => m.note === null)).toBe(true);
  const entries = preview.matched.map((m) => ({ line: m.row.line, movieId: m.movie.movieId, rating: m.row.rating, ratedAt: m.row.ratedAt, takeImported: false }));
  const { undo, ...counts } = await api.saveExternalImport(entries);
  expect(counts).toEqual({ saved: 9, keptMine: 0, same: 0, duplicates: 0 });
  expect(undo).toMatchObject({ kind: 'import' });

  const after = JSON.parse((await api.exportRatings()).json).ratings as { movieId: number; rating: number; ratedAt: number }[];
  expect(after.map((r) => [r.movieId, r.rating])).toEqual(mine);
  after.forEach((r, k) => expect(r.ratedAt).toBe(Math.floor(before[k].ratedAt / DAY) * DAY));
});

test('without a dataset there is nothing to take titles from: a clear error', async () => {
  for (const d of await api.listDatasetInfo()) await api.removeDataset(d.id);
  expect(await api.listDatasetInfo()).toEqual([]);
  await expect(api.exportLetterboxd()).rejects.toThrow('No dataset is loaded: the Letterboxd export takes titles and ids from the active dataset.');
});
