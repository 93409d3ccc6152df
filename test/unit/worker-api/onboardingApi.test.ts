// The onboarding queue through the worker API (fake-indexeddb): most-rated without a model; never rated, hidden or skipped movies.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { expect, test } from 'vitest';
import * as api from '../../../src/worker-api/engineApi';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tiny/${name}`, import.meta.url)));

test('onboardingMovies leaves out what the person rated, hid or skipped, with and without a model', async () => {
  const zip = zipSync({ 'ml-tiny/ratings.csv': fixture('ratings.csv'), 'ml-tiny/movies.csv': fixture('movies.csv') });
  await api.importFiles([{ name: 'ml-tiny.zip', bytes: zip }], () => {});
  const ids = async (n: number, skipped: number[] = []) => (await api.onboardingMovies(n, skipped)).map((m) => m.movieId);

  // No model yet: the most-rated movies first (Toy Story has 3 ratings), ties by catalogue order.
  const plain = await ids(3);
  expect(plain[0]).toBe(1);
  expect(plain).toHaveLength(3);

  await api.train({ rank: 2, iterations: 3 }, () => {});
  await api.reload();
  const all = await ids(20);
  expect(all[0]).toBe(1);
  expect(new Set(all).size).toBe(all.length);
  const cards = await api.onboardingMovies(1);
  expect(cards[0]).toMatchObject({ movieId: 1, title: 'Toy Story', count: 3, myRating: null });

  await api.rate(1, 4.5);
  await api.hide(all[1]);
  const next = await ids(20, [all[2]]);
  const byId = (a: number, b: number) => a - b;
  expect([...next].sort(byId)).toEqual(all.filter((id) => id !== 1 && id !== all[1] && id !== all[2]).sort(byId));
  expect(next.length).toBe(all.length - 3);
});

test('movies marked "haven\'t seen" are kept with the settings and never offered again, in this visit or the next', async () => {
  const before = (await api.onboardingMovies(20)).map((m) => m.movieId);
  expect(before.length).toBeGreaterThan(2);
  await api.markNotSeen(before[0]);
  await api.markNotSeen(before[1]);
  await api.markNotSeen(before[1]); // once is enough
  expect((await api.settings())?.onboarding?.notSeen).toEqual([before[0], before[1]]);
  const after = (await api.onboardingMovies(20)).map((m) => m.movieId);
  expect(after).not.toContain(before[0]);
  expect(after).not.toContain(before[1]);
  expect(after.length).toBe(before.length - 2);
  await expect(api.markNotSeen(-1)).rejects.toThrow('These settings cannot be saved: expected a movie id, found -1');
});
